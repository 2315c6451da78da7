/* kg view: draws the network from the JSON block and wires the controls.
 *
 * Safety: every text from the data is put into the page with textContent (never innerHTML),
 * links get an href only when they parse as http(s) URLs, and no request leaves the page.
 * Test hooks: window.kgView (network, data sets, find), window.kgStabilised (ms after
 * navigation start when the layout settled and physics was switched off), window.kgLayout
 * (layout iterations done, planned, and whether the time budget stopped it).
 */
(function () {
  "use strict";

  var timings = { start: performance.now() };
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  timings.parsed = performance.now();
  var container = document.getElementById("kg-network");
  var tooltip = document.getElementById("kg-tooltip");
  var details = document.getElementById("kg-details");
  var status = document.getElementById("kg-status");
  var physicsButton = document.getElementById("kg-physics");
  var search = document.getElementById("kg-search");
  var meta = {};
  var edgeInfo = {};
  window.kgStabilised = null;
  window.kgLayout = { iterations: 0, total: 0, stopped: false };

  data.meta.forEach(function (m) { meta[m.id] = m; });

  function safeUrl(text) {
    try {
      var url = new URL(text);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function tipElement(tip) {
    var box = el("div", "kg-tip");
    box.appendChild(el("strong", "kg-tip-head", tip.head));
    if (tip.sub) { box.appendChild(el("div", "kg-tip-sub", tip.sub)); }
    if (tip.rows && tip.rows.length) {
      var list = el("dl");
      tip.rows.forEach(function (row) {
        list.appendChild(el("dt", null, row[0]));
        list.appendChild(el("dd", null, row[1]));
      });
      box.appendChild(list);
    }
    if (tip.text) { box.appendChild(el("p", null, tip.text)); }
    (tip.links || []).forEach(function (link) {
      var href = safeUrl(link);
      if (!href) { return; }
      var anchor = el("a", null, link);
      anchor.href = href;
      anchor.target = "_blank";
      anchor.rel = "noopener noreferrer";
      box.appendChild(anchor);
    });
    return box;
  }

  function shorten(text, limit) {
    text = String(text);
    return text.length <= limit ? text : text.slice(0, limit - 1).replace(/\s+\S*$/, "") + "…";
  }

  function plural(n, word) {
    return n.toLocaleString("en") + " " + word + (n === 1 ? "" : "s");
  }

  // Edge rows are [from, to, kind, weight, via]; styles come from data.edgeStyles.
  function hoverText(from, to, kind, weight, via) {
    var text = shorten(from.name, 60) + " " + data.edgeStyles[kind].verb + " " +
      shorten(to.name, 60);
    if (kind === "cites") { return via ? text + " (names " + via + ", which it introduces)" : text; }
    if (kind === "shares") { return text + ": " + via; }
    if (kind === "cooccurs") { return text + " in " + plural(weight, "paper"); }
    if (kind === "variant_of") { return text; }
    return text + " (" + plural(weight, "mention") + ")";
  }

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges.map(function (row) {
    var from = data.meta[row[0]];
    var to = data.meta[row[1]];
    var style = data.edgeStyles[row[2]];
    var id = from.id + "|" + row[2] + "|" + to.id;
    edgeInfo[id] = { row: row, verb: style.name };
    return {
      id: id, from: from.id, to: to.id, arrows: style.arrows, color: style.color,
      dashes: style.dashes, width: style.width
    };
  }));
  timings.datasets = performance.now();
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  timings.network = performance.now();
  window.kgTimings = timings;

  function setPhysics(on) {
    network.setOptions({ physics: { enabled: on } });
    physicsButton.textContent = on ? "Physics: on" : "Physics: off";
    physicsButton.setAttribute("aria-pressed", on ? "true" : "false");
  }

  function settled() {
    if (window.kgStabilised !== null) { return; }
    setPhysics(false);
    window.kgStabilised = performance.now();
    status.textContent = data.nodes.length + " nodes, " + data.edges.length +
      " lines; layout settled in " + (window.kgStabilised / 1000).toFixed(1) +
      " s, physics off (turn it on to rearrange).";
  }

  // The layout gets a time budget: on a slow machine or a large view, stop iterating when
  // it is spent rather than keep the reader waiting; the result is already readable.
  var layoutStart = performance.now();
  network.on("stabilizationProgress", function (progress) {
    status.textContent = "Laying out… " + Math.round(100 * progress.iterations / progress.total) + "%";
    window.kgLayout = { iterations: progress.iterations, total: progress.total, stopped: false };
    if (window.kgStabilised === null && performance.now() - layoutStart > data.layoutBudgetMs) {
      window.kgLayout.stopped = true;
      network.stopSimulation();
    }
  });
  network.once("stabilizationIterationsDone", settled);
  if (data.nodes.length === 0) { settled(); }
  // Should vis-network ever skip the event, physics still stops (settled() runs once).
  setTimeout(settled, data.layoutBudgetMs + 20000);
  physicsButton.addEventListener("click", function () {
    setPhysics(physicsButton.getAttribute("aria-pressed") !== "true");
  });
  document.getElementById("kg-fit").addEventListener("click", function () { network.fit(); });

  function showTooltip(content, pointer) {
    tooltip.replaceChildren(content);
    tooltip.hidden = false;
    var box = container.getBoundingClientRect();
    var x = box.left + pointer.x + 14;
    var y = box.top + pointer.y + 14;
    x = Math.min(x, window.innerWidth - tooltip.offsetWidth - 8);
    y = Math.min(y, window.innerHeight - tooltip.offsetHeight - 8);
    tooltip.style.left = Math.max(4, x) + "px";
    tooltip.style.top = Math.max(4, y) + "px";
  }

  function hideTooltip() {
    tooltip.hidden = true;
    tooltip.replaceChildren();
  }

  function showDetails(id) {
    var m = meta[id];
    if (!m) { return; }
    details.replaceChildren(tipElement(m.tip));
  }

  network.on("hoverNode", function (params) {
    var m = meta[params.node];
    if (m) { showTooltip(tipElement(m.tip), params.pointer.DOM); }
  });
  network.on("blurNode", hideTooltip);
  var hoveredEdge = null;

  function clearEdgeLabel() {
    if (hoveredEdge !== null && edges.get(hoveredEdge)) {
      edges.update({ id: hoveredEdge, label: null });
    }
    hoveredEdge = null;
  }

  network.on("hoverEdge", function (params) {
    var info = edgeInfo[params.edge];
    if (!info) { return; }
    clearEdgeLabel();
    hoveredEdge = params.edge;
    edges.update({ id: params.edge, label: info.verb });
    var row = info.row;
    var text = hoverText(data.meta[row[0]], data.meta[row[1]], row[2], row[3], row[4]);
    showTooltip(el("div", "kg-tip", text), params.pointer.DOM);
  });
  network.on("blurEdge", function () {
    clearEdgeLabel();
    hideTooltip();
  });
  container.addEventListener("mouseleave", function () {
    clearEdgeLabel();
    hideTooltip();
  });
  network.on("dragStart", hideTooltip);
  network.on("click", function (params) {
    if (!params.nodes.length) { return; }
    var id = params.nodes[0];
    showDetails(id);
    var href = meta[id] && meta[id].url ? safeUrl(meta[id].url) : null;
    if (href) { window.open(href, "_blank", "noopener,noreferrer"); }
  });

  // Search: a datalist offers every name; Enter or Find selects the best match.
  var names = document.getElementById("kg-names");
  var fragment = document.createDocumentFragment();
  data.meta.forEach(function (m) {
    var option = document.createElement("option");
    option.value = m.name;
    option.label = m.kind + " · " + m.id;
    fragment.appendChild(option);
  });
  names.appendChild(fragment);

  function findNode(query) {
    var q = String(query || "").trim();
    if (!q) { return null; }
    var lower = q.toLowerCase();
    var i, m;
    for (i = 0; i < data.meta.length; i++) {
      m = data.meta[i];
      if (m.id === q || m.name === q) { return m.id; }
    }
    for (i = 0; i < data.meta.length; i++) {
      if (data.meta[i].name.toLowerCase() === lower) { return data.meta[i].id; }
    }
    for (i = 0; i < data.meta.length; i++) {
      if (data.meta[i].name.toLowerCase().indexOf(lower) !== -1) { return data.meta[i].id; }
    }
    return null;
  }

  function find(query) {
    var id = findNode(query);
    if (id === null) {
      status.textContent = "No node matches “" + String(query) + "”.";
      return null;
    }
    var node = nodes.get(id);
    if (node && node.hidden) { status.textContent = "That node's type is filtered out."; }
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: { duration: 300 } });
    showDetails(id);
    return id;
  }

  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { find(search.value); }
  });
  search.addEventListener("change", function () { find(search.value); });
  document.getElementById("kg-find").addEventListener("click", function () { find(search.value); });

  // Filter by type: the legend's check boxes hide or show every node of a type.
  Array.prototype.forEach.call(document.querySelectorAll(".kg-filter"), function (box) {
    box.addEventListener("change", function () {
      var kind = box.getAttribute("data-kind");
      var changes = [];
      data.meta.forEach(function (m) {
        if (m.kind === kind) { changes.push({ id: m.id, hidden: !box.checked }); }
      });
      nodes.update(changes);
    });
  });

  if (data.focus !== null && meta[data.focus]) { showDetails(data.focus); }

  window.kgView = { network: network, nodes: nodes, edges: edges, find: find };
})();

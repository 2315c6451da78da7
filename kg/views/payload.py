"""The data a view page carries: vis-network node records, edge rows, tooltips, options.

pyvis builds the vis-network options (physics solver, stabilisation, interaction) and the
node records; node colours and shapes travel once, as vis-network *groups*, and edges as
compact rows ``[from, to, kind, weight, via]`` that the page expands with the edge style
table, so a view of 10,000 nodes stays a few megabytes. Every string here is plain text:
the page puts it into the DOM with ``textContent`` only, and links are kept only when
:func:`safe_url` accepts them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, urlsplit

import networkx as nx

from kg.model import NodeType
from kg.views.select import Mode, Selection
from kg.views.style import (
    EDGE_STYLES,
    NODE_STYLES,
    NodeStyle,
    community_colour,
    node_size,
)

__all__ = ["payload", "plural", "safe_url", "short", "style_of"]

_EXCERPT = 280
_BIG_VIEW = 60
_LANDMARKS = 12
_LABEL = 36
_ALIASES_SHOWN = 8
_INTRODUCERS_SHOWN = 3
_NAME = 60
# Characters kept as they are when a URL is re-quoted; everything else (spaces, quotes,
# angle brackets) is percent-encoded, so a URL can never leave its attribute or string.
_URL_SAFE = "/:?#[]@!$&'()*+,;=%~-._"
_NODE_TYPES = frozenset(t.value for t in NodeType)
_FALLBACK_STYLE = NodeStyle("dot", "#999999", "#555555", "other", "a node of another type")
_ENTITY_BORDER = "#333333"


def safe_url(url: object) -> str | None:
    """``url`` made safe to link to, or ``None`` unless it is an absolute http(s) URL.

    Spaces, quotes and angle brackets are percent-encoded; other schemes (``javascript:``,
    ``data:``, ``file:``) and relative or host-less URLs are refused.

    Examples
    --------
    >>> safe_url("https://example.org/a b>c")
    'https://example.org/a%20b%3Ec'
    >>> safe_url("javascript:alert(1)") is None, safe_url("//evil.org") is None
    (True, True)
    """
    if not isinstance(url, str):
        return None
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    return quote(text, safe=_URL_SAFE)


def short(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters.

    Examples
    --------
    >>> short("Efficient  Inference for Large Language Models", 24)
    'Efficient Inference for…'
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if text[limit - 1] != " " and " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-") + "…"


def _display_label(data: Mapping[str, Any], node: str) -> str:
    """The label drawn on the canvas: a paper's short name before its colon, else shortened."""
    label = str(data.get("label") or node)
    if data.get("node_type") == NodeType.PAPER:
        head, colon, _ = label.partition(":")
        if colon and 2 <= len(head.strip()) <= _LABEL:
            return head.strip()
    return short(label, _LABEL)


def _paper_links(data: Mapping[str, Any]) -> list[str]:
    links = [safe_url(u) for u in data.get("urls") or ()]
    if data.get("arxiv_id"):
        links.append(safe_url(f"https://arxiv.org/abs/{data['arxiv_id']}"))
    if data.get("doi"):
        links.append(safe_url(f"https://doi.org/{data['doi']}"))
    return list(dict.fromkeys(u for u in links if u))


def plural(n: int, word: str) -> str:
    """``n`` and ``word``, plural unless ``n`` is 1.

    Examples
    --------
    >>> plural(1, "paper"), plural(1200, "paper")
    ('1 paper', '1,200 papers')
    """
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def _paper_tip(data: Mapping[str, Any], node: str) -> dict[str, Any]:
    authors = data.get("authors") or []
    n_authors = len(authors) if authors else data.get("n_authors")
    rows = [["Date", str(data.get("date") or "not given")]]
    rows.append(["Authors", "not given" if n_authors is None else f"{n_authors:,}"])
    if data.get("organisation"):
        rows.append(["Organisation", str(data["organisation"])])
    if data.get("upvotes") is not None:
        rows.append(["Upvotes", str(data["upvotes"])])
    rows.append(["Id", node])
    return {
        "head": str(data.get("title") or data.get("label") or node),
        "sub": "paper",
        "rows": rows,
        "text": short(str(data.get("abstract") or ""), _EXCERPT),
        "links": _paper_links(data),
    }


def _entity_tip(
    graph: nx.MultiDiGraph, data: Mapping[str, Any], node: str, community: str | None
) -> dict[str, Any]:
    node_type = str(data.get("node_type", ""))
    style = style_of(node_type)
    aliases = [str(a) for a in data.get("aliases") or ()]
    shown = ", ".join(aliases[:_ALIASES_SHOWN])
    if len(aliases) > _ALIASES_SHOWN:
        shown += f" (+{len(aliases) - _ALIASES_SHOWN} more)"
    introducers = [str(p) for p in data.get("introduced_by") or ()]
    named = [
        short(str(graph.nodes[p].get("label", p)), 80) if p in graph else p
        for p in introducers[:_INTRODUCERS_SHOWN]
    ]
    if len(introducers) > _INTRODUCERS_SHOWN:
        named.append(f"+{len(introducers) - _INTRODUCERS_SHOWN} more")
    rows = [
        ["Aliases", shown or "none"],
        ["Introduced by", "; ".join(named) or "no paper in this graph"],
        ["Named by", plural(int(data.get("n_papers") or 0), "paper")],
    ]
    family = data.get("family")
    if family:
        family_label = graph.nodes[family].get("label", family) if family in graph else family
        rows.append(["Variant of", str(family_label)])
    for key, name in (("size", "Size"), ("variant", "Variant")):
        if data.get(key):
            rows.append([name, str(data[key])])
    if community is not None:
        rows.append(["Community", community])
    rows.append(["Id", node])
    url = safe_url(data.get("url"))
    return {
        "head": str(data.get("label") or node),
        "sub": style.name,
        "rows": rows,
        "text": "",
        "links": [url] if url else [],
    }


def style_of(node_type: str) -> NodeStyle:
    """The style of a node type; a neutral grey dot for a type kg does not know."""
    return NODE_STYLES[NodeType(node_type)] if node_type in _NODE_TYPES else _FALLBACK_STYLE


def _group(node_type: str, community: int | None, mode: Mode) -> str:
    """The vis-network group of a node: its type, plus its community in the entity map."""
    if mode is not Mode.ENTITIES:
        return node_type
    coloured = community is not None and community_colour(community) != community_colour(None)
    return f"{node_type}/{community if coloured else 'other'}"


def _group_style(group: str) -> dict[str, Any]:
    node_type, _, community = group.partition("/")
    style = style_of(node_type)
    fill, border = style.colour, style.border
    if community:
        fill = community_colour(None if community == "other" else int(community))
        border = _ENTITY_BORDER
    return {
        "shape": style.shape,
        "color": {
            "background": fill,
            "border": border,
            "highlight": {"background": fill, "border": "#000000"},
            "hover": {"background": fill, "border": "#000000"},
        },
    }


def _nodes(
    selection: Selection, source: nx.MultiDiGraph
) -> tuple[list[str], list[dict[str, Any]], list[dict[str, Any]]]:
    """Node ids in drawing order, their vis-network records (built with pyvis), and metadata."""
    from pyvis.node import Node

    top_score = max(selection.scores.values(), default=0.0)
    ranked = sorted(selection.graph, key=lambda n: (-selection.scores.get(n, 0.0), n))
    big_view = len(ranked) > _BIG_VIEW
    nodes: list[dict[str, Any]] = []
    meta: list[dict[str, Any]] = []
    for rank, node in enumerate(ranked):
        data = selection.graph.nodes[node]
        node_type = str(data.get("node_type", ""))
        community = selection.community.get(node)
        options: dict[str, Any] = {
            "group": _group(node_type, community, selection.mode),
            "size": node_size(selection.scores.get(node, 0.0), top_score),
        }
        if node == selection.focus:
            options["borderWidth"] = 3
        if big_view and (rank < _LANDMARKS or node == selection.focus):
            # Zoomed out to fit a few hundred nodes, 14 px labels fall below vis-network's
            # drawing threshold; the most central keep large labels as landmarks.
            options["font"] = {"size": 36}
        record = Node(node, style_of(node_type).shape, _display_label(data, node), **options)
        record.options.pop("shape")  # the group carries it
        nodes.append(record.options)
        if node_type == NodeType.PAPER:
            tip = _paper_tip(data, node)
        else:
            label = None if community is None else selection.community_labels[community]
            tip = _entity_tip(source, data, node, label)
        meta.append(
            {
                "id": node,
                "kind": node_type,
                "name": str(data.get("label") or node),
                "url": next(iter(tip["links"]), None),
                "tip": tip,
            }
        )
    return ranked, nodes, meta


def _edges(
    selection: Selection, source: nx.MultiDiGraph, index: Mapping[str, int]
) -> list[list[Any]]:
    """Edge rows ``[from, to, kind, weight, via]``: node positions, kind, and via names."""

    def name(node: str) -> str:
        return short(str(source.nodes[node].get("label", node)), _NAME) if node in source else node

    rows: list[list[Any]] = []
    for u, v, key, data in sorted(selection.graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        via = ", ".join(name(e) for e in data.get("via", ()))
        rows.append([index[u], index[v], key, float(data.get("weight", 1.0)), via])
    return rows


def _edge_styles() -> dict[str, dict[str, Any]]:
    """The edge style table the page applies to each row (one entry per kind)."""
    return {
        kind.value: {
            "arrows": "to" if style.arrow else "",
            "color": {"color": style.colour, "highlight": "#000000", "hover": "#000000"},
            "dashes": list(style.dashes) if style.dashes else False,
            "width": style.width,
            "name": style.name,
            "verb": style.verb,
        }
        for kind, style in EDGE_STYLES.items()
    }


def _stabilisation_iterations(n_nodes: int) -> int:
    """Fewer layout iterations for larger views, so every view settles in a few seconds."""
    return max(60, min(1000, 200_000 // max(n_nodes, 1)))


def _options(n_nodes: int, n_edges: int, groups: list[str]) -> dict[str, Any]:
    """vis-network options, built through pyvis's Network/Options API."""
    from pyvis.network import Network

    net = Network(directed=True)
    net.force_atlas_2based(
        gravity=-60, central_gravity=0.01, spring_length=110, spring_strength=0.08, damping=0.5
    )
    net.toggle_stabilization(True)
    net.toggle_hide_edges_on_drag(n_edges > 2000)
    net.inherit_edge_colors(False)
    if n_edges <= 1500:
        net.set_edge_smooth("continuous")
    options: dict[str, Any] = json.loads(net.options.to_json())
    if n_edges > 1500:
        options["edges"]["smooth"] = {"enabled": False}
    stabilization = options["physics"]["stabilization"]
    stabilization["iterations"] = _stabilisation_iterations(n_nodes)
    stabilization["updateInterval"] = 25 if n_nodes <= 1000 else 5
    options["physics"]["minVelocity"] = 1.0
    options["interaction"].update(
        {"hover": True, "tooltipDelay": 120, "navigationButtons": False, "multiselect": False}
    )
    options["layout"] = {"randomSeed": 7, "improvedLayout": n_nodes <= 100}
    options["nodes"] = {
        "borderWidth": 1,
        "font": {
            "size": 14,
            "face": "system-ui, sans-serif",
            "strokeWidth": 3,
            "strokeColor": "#ffffff",
        },
    }
    options["edges"]["font"] = {"size": 12, "align": "middle", "strokeWidth": 3}
    options["groups"] = {group: _group_style(group) for group in groups}
    return options


def payload(selection: Selection, source: nx.MultiDiGraph) -> dict[str, Any]:
    """Everything the page's script needs, as JSON-ready plain data.

    Parameters
    ----------
    selection : Selection
        What to draw (see :func:`kg.views.select.select`).
    source : networkx.MultiDiGraph
        The whole graph, for names of nodes outside the view (introducing papers, via).

    Returns
    -------
    dict
        ``nodes`` (vis-network records), ``meta`` (per node: id, kind, name, url, tip),
        ``edges`` (rows ``[from, to, kind, weight, via]`` indexing ``nodes``),
        ``edgeStyles``, ``options`` and ``focus``.
    """
    order, nodes, meta = _nodes(selection, source)
    index = {node: i for i, node in enumerate(order)}
    edges = _edges(selection, source, index)
    groups = sorted({record["group"] for record in nodes})
    return {
        "nodes": nodes,
        "meta": meta,
        "edges": edges,
        "edgeStyles": _edge_styles(),
        "options": _options(len(nodes), len(edges), groups),
        "focus": selection.focus,
    }

"""Write a view as one self-contained, offline, script-safe HTML page.

pyvis builds the vis-network options and node records (see :mod:`kg.views.payload`); kg
keeps the page template and the escaping to itself, because
pyvis 0.3.2's own template puts node titles into ``innerHTML`` (a paper titled
``<img src=x onerror=...>`` runs script there). Here:

- every text from a paper reaches the page either HTML-escaped (header, legend) or inside a
  JSON block, from which the page's script builds tooltips as DOM text nodes; the canvas
  draws labels as text;
- the JSON block escapes ``<``, ``>``, ``&`` and U+2028/U+2029, so no title can close the
  ``<script>`` element that carries it;
- the vis-network JavaScript that pyvis ships (vis-network 9.1.2, dual Apache-2.0/MIT
  licensed, header kept) is inlined, so the page makes no request to any host;
- a Content-Security-Policy allows exactly the page's two inline scripts (by SHA-256),
  no network access and no inline event handlers, as a second line of defence;
- links open only for ``http``/``https`` URLs.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import logging
import os
import string
from collections import Counter
from collections.abc import Mapping
from functools import cache
from importlib import resources
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import networkx as nx

from kg.atomic import write_atomic
from kg.errors import ExportError
from kg.model import NodeType
from kg.views.payload import payload, plural, safe_url, short, style_of
from kg.views.select import Mode, Selection, select
from kg.views.style import EDGE_STYLES, EdgeKind, EdgeStyle, community_colour

__all__ = ["LAYOUT_BUDGET_MS", "embed_json", "generate_view", "render_view", "safe_url"]

log = logging.getLogger(__name__)

#: The page stops the initial layout after this many milliseconds even if the physics
#: simulation has not converged (it has done most of its work by then).
LAYOUT_BUDGET_MS = 2500

_VIS_JS = "templates/lib/vis-9.1.2/vis-network.min.js"
_MODE_TITLES: Mapping[Mode, str] = {
    Mode.ALL: "Related work: papers and the entities they name",
    Mode.PAPERS: "Related work: papers linked by citation-style edges and shared entities",
    Mode.ENTITIES: "Related work: entity co-occurrence map",
}
_JSON_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def embed_json(obj: Any) -> str:
    """JSON that can sit inside an HTML ``<script>`` element without ending it.

    ``<``, ``>`` and ``&`` become ``\\u003c``, ``\\u003e``, ``\\u0026`` (so ``</script>`` and
    ``<!--`` cannot appear) and the line separators U+2028/U+2029 are escaped too; the
    result parses back to the same value. Keys are sorted, so output is deterministic.

    Examples
    --------
    >>> embed_json({"t": "</script><b>&"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    >>> json.loads(embed_json({"t": "</script>"})) == {"t": "</script>"}
    True
    """
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.translate(_JSON_ESCAPES)


def _shape_svg(shape: str, fill: str, border: str) -> str:
    body = {
        "dot": '<circle cx="9" cy="9" r="7"',
        "square": '<rect x="2.5" y="2.5" width="13" height="13"',
        "diamond": '<polygon points="9,1 17,9 9,17 1,9"',
        "triangle": '<polygon points="9,1.5 17,16 1,16"',
        "star": '<polygon points="9,1 11.2,6.6 17,6.9 12.5,10.7 14,16.5 9,13.2 4,16.5 '
        '5.5,10.7 1,6.9 6.8,6.6"',
    }.get(shape, '<circle cx="9" cy="9" r="7"')
    return (
        '<svg class="kg-glyph" width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">'
        f'{body} fill="{fill}" stroke="{border}" stroke-width="1.5"/></svg>'
    )


def _line_svg(style: EdgeStyle) -> str:
    dash = f' stroke-dasharray="{",".join(map(str, style.dashes))}"' if style.dashes else ""
    arrow = f'<polygon points="30,5 24,1.5 24,8.5" fill="{style.colour}"/>' if style.arrow else ""
    return (
        '<svg class="kg-glyph" width="32" height="10" viewBox="0 0 32 10" aria-hidden="true">'
        f'<line x1="1" y1="5" x2="{26 if style.arrow else 31}" y2="5" stroke="{style.colour}" '
        f'stroke-width="{min(style.width, 3)}"{dash}/>{arrow}</svg>'
    )


def _legend(selection: Selection) -> str:
    """The legend as HTML: node types (with filter boxes), line kinds, communities."""
    esc = html.escape
    kinds = Counter(str(d.get("node_type", "")) for _, d in selection.graph.nodes(data=True))
    lines = Counter(k for _, _, k in selection.graph.edges(keys=True))
    entity_map = selection.mode is Mode.ENTITIES
    parts = ["<h2>Legend</h2>", '<ul class="kg-legend-nodes">']
    order = [t.value for t in NodeType] + sorted(set(kinds) - {t.value for t in NodeType})
    for kind in order:
        if not kinds.get(kind):
            continue
        style = style_of(kind)
        fill = "#FFFFFF" if entity_map else style.colour
        border = "#333333" if entity_map else style.border
        parts.append(
            f'<li><label title="{esc(style.description)}"><input type="checkbox" '
            f'class="kg-filter" data-kind="{esc(kind)}" checked> '
            f"{_shape_svg(style.shape, fill, border)} {esc(style.name)} "
            f'<span class="kg-count">{kinds[kind]:,}</span></label></li>'
        )
    parts.append("</ul>")
    if lines:
        parts.append('<ul class="kg-legend-edges">')
        for kind in EdgeKind:
            if lines.get(kind.value):
                line = EDGE_STYLES[kind]
                parts.append(
                    f"<li>{_line_svg(line)} {esc(line.name)} "
                    f'<span class="kg-count">{lines[kind.value]:,}</span></li>'
                )
        parts.append("</ul>")
    if entity_map and selection.community_labels:
        parts.append('<h3>Communities (Louvain)</h3><ul class="kg-legend-communities">')
        others = 0
        for i, (label, size) in enumerate(
            zip(selection.community_labels, selection.community_sizes, strict=True)
        ):
            colour = community_colour(i)
            if colour == community_colour(None):
                others += size
                continue
            parts.append(
                f'<li><span class="kg-swatch" style="background:{colour}"></span> '
                f'{esc(short(label, 60))} <span class="kg-count">{size:,}</span></li>'
            )
        if others:
            parts.append(
                f'<li><span class="kg-swatch" style="background:{community_colour(None)}">'
                f'</span> smaller communities <span class="kg-count">{others:,}</span></li>'
            )
        parts.append("</ul>")
    parts.append(
        '<p class="kg-note">Node size: '
        f"{esc(selection.metric)}. Hover a node or line for details; click a node with a "
        "link to open it.</p>"
    )
    return "".join(parts)


def _summary(selection: Selection, source: nx.MultiDiGraph) -> str:
    """One escaped sentence saying what the view shows."""
    shown = selection.graph.number_of_nodes()
    what = {
        Mode.ALL: "papers and entities",
        Mode.PAPERS: "papers",
        Mode.ENTITIES: "entities",
    }[selection.mode]
    if selection.focus is not None:
        label = str(source.nodes[selection.focus].get("label", selection.focus))
        kind = str(source.nodes[selection.focus].get("node_type", ""))
        steps = plural(selection.depth, "step")
        scope = f"The {what} within {steps} of “{short(label, 80)}” ({kind})"
    else:
        scope = f"All {what} of the graph"
    if selection.omitted:
        cap = (
            f": the {shown:,} most central of {selection.candidates:,} by "
            f"{selection.metric}; {selection.omitted:,} left out."
        )
    else:
        cap = f": {shown:,} shown, none left out."
    links = {
        Mode.ALL: " Lines show what each paper does with each entity, and citation-style "
        "links (paper B points to paper A when B names something A introduces).",
        Mode.PAPERS: " Solid arrows are citation-style links (B names something A "
        "introduces); dashed lines join papers that name the same entities.",
        Mode.ENTITIES: " Lines join entities that papers name together; colours are "
        "communities, as in a VOSviewer map.",
    }[selection.mode]
    return html.escape(scope + cap + links)


def _built(selection: Selection, source: nx.MultiDiGraph) -> str:
    command = ["kg view DIR", f"--mode {selection.mode.value}", f"--top {selection.top}"]
    if selection.focus is not None:
        command += [f"--focus {selection.focus}", f"--depth {selection.depth}"]
    return html.escape(
        f"Built by kg {_kg_version()} from a graph of {source.number_of_nodes():,} nodes and "
        f"{source.number_of_edges():,} edges ({' '.join(command)}); "
        f"{selection.graph.number_of_edges():,} lines drawn. Works offline: "
        "vis-network 9.1.2 (Apache-2.0 or MIT) is inlined."
    )


def _kg_version() -> str:
    try:
        return version("kg")
    except PackageNotFoundError:  # a checkout that was never installed
        return "0+unknown"


@cache
def _asset(name: str) -> str:
    return resources.files("kg.views").joinpath("templates", name).read_text(encoding="utf-8")


@cache
def _vis_js() -> str:
    try:
        text = resources.files("pyvis").joinpath(_VIS_JS).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise ExportError(
            f"vis-network not found in pyvis ({_VIS_JS}); reinstall pyvis>=0.3.2"
        ) from exc
    lowered = text.lower()
    if "</script" in lowered or "<!--" in lowered:
        # Inlined as is, such a sequence would end the <script> element early.
        raise ExportError("the bundled vis-network.min.js cannot be inlined safely")
    return text


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _page(selection: Selection, source: nx.MultiDiGraph, title: str) -> str:
    data = payload(selection, source)
    data["layoutBudgetMs"] = LAYOUT_BUDGET_MS
    vis_js = _vis_js()
    view_js = _asset("view.js")
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {_csp_hash(vis_js)} {_csp_hash(view_js)}",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    page = string.Template(_asset("view.html")).substitute(
        title=html.escape(title),
        csp=html.escape(csp, quote=False),
        generator=html.escape(f"kg {_kg_version()}"),
        summary=_summary(selection, source),
        built=_built(selection, source),
        legend=_legend(selection),
        view_css=_asset("view.css"),
        data=embed_json(data),
        vis_js=vis_js,
        view_js=view_js,
    )
    return page


def generate_view(
    graph: nx.MultiDiGraph,
    *,
    top: int = 300,
    focus: str | None = None,
    depth: int = 1,
    mode: str | Mode = Mode.ALL,
    title: str | None = None,
) -> str:
    """The HTML text of a view; :func:`render_view` writes it to a file.

    Same parameters as :func:`render_view` but ``destination``.

    Examples
    --------
    >>> g = nx.MultiDiGraph(kg_format=1)
    >>> g.add_node("p", node_type="paper", label="<img src=x onerror=alert(1)>")
    >>> page = generate_view(g)
    >>> "<img src=x" in page, "&lt;img src=x onerror=alert(1)&gt;" in page
    (False, False)
    >>> "\\\\u003cimg src=x onerror=alert(1)\\\\u003e" in page
    True
    """
    selection = select(graph, top=top, focus=focus, depth=depth, mode=mode)
    if title is None:
        title = _MODE_TITLES[selection.mode]
        if selection.focus is not None:
            label = graph.nodes[selection.focus].get("label", selection.focus)
            title += f" around {short(str(label), 60)}"
    return _page(selection, graph, title)


def render_view(
    graph: nx.MultiDiGraph,
    destination: str | os.PathLike[str],
    *,
    top: int = 300,
    focus: str | None = None,
    depth: int = 1,
    mode: str | Mode = Mode.ALL,
    title: str | None = None,
) -> Path:
    """Write an interactive HTML view of a kg graph: one offline file, safe to open.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A kg graph (schema in :mod:`kg.graph`); not modified.
    destination : path
        The HTML file to write (atomically; parent folders are created).
    top : int
        At most this many nodes, the most central; the page says how many were left out.
    focus : str, optional
        Draw only the neighbourhood of this paper or entity (id, name, alias or a close
        spelling).
    depth : int
        Steps out from ``focus``.
    mode : {"all", "papers", "entities"}
        Papers and entities; papers only (citation-style links and shared entities); or
        the entity co-occurrence map coloured by community. See :mod:`kg.views.select`.
    title : str, optional
        Page title and heading; a description of the view by default.

    Returns
    -------
    pathlib.Path
        ``destination``.

    Raises
    ------
    QueryError
        For a bad option or a focus that names nothing (the message lists close names).
    ExportError
        When the file cannot be written.

    Examples
    --------
    >>> import tempfile
    >>> g = nx.MultiDiGraph(kg_format=1)
    >>> g.add_node("method:x", node_type="method", label="X")
    >>> with tempfile.TemporaryDirectory() as d:
    ...     path = render_view(g, Path(d) / "view.html")
    ...     path.name, path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    ('view.html', True)
    """
    page = generate_view(graph, top=top, focus=focus, depth=depth, mode=mode, title=title)
    path = Path(destination)
    try:
        write_atomic(path, page)
    except OSError as exc:
        raise ExportError(f"cannot write the view to {path}: {exc.strerror or exc}") from exc
    log.info("wrote %s (%d bytes)", path, len(page.encode("utf-8")))
    return path

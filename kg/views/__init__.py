"""Interactive HTML views of a kg graph: which part to draw, how it looks, the page itself.

``select`` chooses the nodes and lines (mode, focus, top cap), ``style`` holds the colours,
shapes and legend wording as tables, ``html`` writes one self-contained, offline page.
"""

from __future__ import annotations

from kg.views.html import embed_json, generate_view, render_view, safe_url
from kg.views.select import Mode, Selection, select
from kg.views.style import EDGE_STYLES, NODE_STYLES, EdgeKind

__all__ = [
    "EDGE_STYLES",
    "NODE_STYLES",
    "EdgeKind",
    "Mode",
    "Selection",
    "embed_json",
    "generate_view",
    "render_view",
    "safe_url",
    "select",
]

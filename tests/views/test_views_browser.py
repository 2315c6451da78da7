"""Views opened in a real headless Chromium: offline, script-safe, counted, interactive."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest

from kg.views import render_view, select

from .conftest import OpenedView

pytestmark = pytest.mark.browser

HOSTILE_ID = "title:hostile-0badc0de"
Opener = Callable[[Path], OpenedView]


def _clean(view: OpenedView, path: Path) -> None:
    assert view.console_errors == []
    assert view.requests == [path.resolve().as_uri()]  # the file itself, nothing else
    assert view.dialogs == []
    assert view.js("window.__kgScriptRan") is False


@pytest.mark.parametrize("mode", ["all", "papers", "entities"])
def test_each_mode_renders_offline_with_the_selected_counts(
    tmp_path: Path, tiny_graph: nx.MultiDiGraph, open_view: Opener, mode: str
) -> None:
    path = render_view(tiny_graph, tmp_path / f"{mode}.html", mode=mode)
    view = open_view(path)
    _clean(view, path)
    s = select(tiny_graph, mode=mode)
    drawn = view.js(
        "[Object.keys(kgView.network.body.nodes).filter(id => kgView.nodes.get(id)).length,"
        " kgView.network.body.edgeIndices.filter(id => kgView.edges.get(id)).length]"
    )
    assert drawn == [s.graph.number_of_nodes(), s.graph.number_of_edges()]
    assert view.js("document.querySelectorAll('#kg-legend li').length") >= 3
    assert view.js("typeof window.kgStabilised") == "number"
    assert view.js("kgView.network.physics.physicsEnabled") is False


def test_hostile_page_runs_no_script_and_shows_text(
    tmp_path: Path, tiny_graph: nx.MultiDiGraph, open_view: Opener
) -> None:
    hostile = tiny_graph.nodes[HOSTILE_ID]["title"]
    path = render_view(tiny_graph, tmp_path / "hostile.html", title=hostile)
    view = open_view(path)
    assert view.js("document.title") == hostile
    x, y = view.node_point(HOSTILE_ID)
    view.page.mouse.move(x, y)
    view.page.wait_for_selector("#kg-tooltip:not([hidden])", timeout=3000)
    tooltip = view.js("document.getElementById('kg-tooltip').textContent")
    assert hostile in tooltip
    assert "</script><script>alert(2)</script>" in tooltip
    assert view.page.evaluate("(name) => kgView.find(name)", hostile) == HOSTILE_ID
    details = view.js("document.getElementById('kg-details').textContent")
    assert hostile in details
    assert view.js("document.querySelectorAll('img, b, script[src]').length") == 0
    link = view.js("document.querySelector('#kg-details a').href")
    assert link == "https://example.org/a%20b%3Ec"
    _clean(view, path)


def test_search_selects_and_clicks_open_only_web_links(
    tmp_path: Path, tiny_graph: nx.MultiDiGraph, open_view: Opener
) -> None:
    path = render_view(tiny_graph, tmp_path / "search.html")
    view = open_view(path)
    view.page.fill("#kg-search", "LongBench")
    view.page.press("#kg-search", "Enter")
    assert view.js("kgView.network.getSelectedNodes()") == ["benchmark:longbench"]
    assert "Named by" in view.js("document.getElementById('kg-details').textContent")
    view.js("kgView.network.fit({animation: false})")  # a still view to click on
    for node, url in [
        ("arxiv:2303.06865", "https://arxiv.org/abs/2303.06865"),
        ("repo:github.com/fminference/flexgen", "https://github.com/FMInference/FlexGen"),
        ("method:flexgen", None),
    ]:
        view.js("window.__kgOpened = []")
        for _ in range(3):  # a loaded machine can stretch a click past the 250 ms tap limit
            view.page.mouse.click(*view.node_point(node))
            if view.js("kgView.network.getSelectedNodes()") == [node]:
                break
        assert view.js("kgView.network.getSelectedNodes()") == [node]
        assert view.js("window.__kgOpened") == ([url] if url else [])
    _clean(view, path)


def test_physics_button_and_type_filter(
    tmp_path: Path, tiny_graph: nx.MultiDiGraph, open_view: Opener
) -> None:
    path = render_view(tiny_graph, tmp_path / "controls.html")
    view = open_view(path)
    view.page.click("#kg-physics")
    assert view.js("kgView.network.physics.physicsEnabled") is True
    view.page.click("#kg-physics")
    assert view.js("kgView.network.physics.physicsEnabled") is False
    view.page.uncheck(".kg-filter[data-kind=paper]")
    hidden = view.js("kgView.nodes.get({filter: n => n.hidden === true}).map(n => n.id).sort()")
    assert hidden == sorted(n for n, d in tiny_graph.nodes(data=True) if d["node_type"] == "paper")
    view.page.check(".kg-filter[data-kind=paper]")
    assert view.js("kgView.nodes.get({filter: n => n.hidden === true}).length") == 0
    _clean(view, path)


def test_edge_hover_shows_the_role(
    tmp_path: Path, tiny_graph: nx.MultiDiGraph, open_view: Opener
) -> None:
    path = render_view(tiny_graph, tmp_path / "edges.html", mode="papers")
    view = open_view(path)
    edge = "title:instinfer-in-storage-attention-54887386|cites|arxiv:2303.06865"
    view.page.mouse.move(*view.edge_point(edge))
    view.page.wait_for_function("(id) => !!kgView.edges.get(id).label", arg=edge, timeout=3000)
    assert view.js(f"kgView.edges.get('{edge}').label") == "cites (citation-style)"
    assert view.js("document.getElementById('kg-tooltip').textContent") == (
        "InstInfer: In-Storage Attention cites FlexGen: High-Throughput Generative Inference of"
        " LLMs with… (names FlexGen, which it introduces)"
    )
    view.page.mouse.move(2, 2)
    view.page.wait_for_function("(id) => !kgView.edges.get(id).label", arg=edge, timeout=3000)
    _clean(view, path)


def test_a_capped_view_of_a_large_graph_settles_quickly(
    tmp_path: Path, make_graph: Callable[..., nx.MultiDiGraph], open_view: Opener
) -> None:
    g = make_graph(6000, seed=11)
    path = render_view(g, tmp_path / "large.html")  # default top=300
    view = open_view(path)
    _clean(view, path)
    assert view.js("kgView.nodes.length") == 300
    assert view.js("window.kgStabilised") < 8000  # ms after navigation start
    summary = view.js("document.getElementById('kg-summary').textContent")
    assert f"{g.number_of_nodes() - 300:,} left out" in summary


@pytest.mark.slow
def test_the_demo_build_view_opens_cleanly(
    tmp_path: Path, examples_dir: Path, open_view: Opener
) -> None:
    """The page `kg build examples/` writes, on real titles and abstracts."""
    from kg.pipeline import build
    from kg.workspace import load

    build([examples_dir / "hf-daily-papers"], tmp_path / "ws")
    path = tmp_path / "ws" / "graph.html"
    view = open_view(path)
    _clean(view, path)
    s = select(load(tmp_path / "ws"))
    assert view.js("kgView.nodes.length") == s.graph.number_of_nodes() == 300
    assert view.js("kgView.edges.length") == s.graph.number_of_edges() > 0
    summary = view.js("document.getElementById('kg-summary').textContent")
    assert f"{s.omitted:,} left out" in summary
    # the search box finds the most central node by the start of its name, in any case
    top = min(s.scores, key=lambda n: (-s.scores[n], n))
    query = str(s.graph.nodes[top]["label"]).lower()[:12]
    assert view.page.evaluate("(q) => kgView.find(q)", query) == top

"""The page itself: escaping, the JSON block, offline assets, CSP, header, legend, writing."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import ExportError
from kg.views import embed_json, generate_view, render_view, safe_url, select

from .conftest import page_data

HOSTILE = "<img src=x onerror=alert(1)>"
A = "arxiv:2303.06865"
B = "title:instinfer-in-storage-attention-54887386"
_SCRIPTS = re.compile(r"<script>(.*?)</script>", re.S)


@pytest.fixture
def page(tiny_graph: nx.MultiDiGraph) -> str:
    return generate_view(tiny_graph)


def test_hostile_text_never_reaches_the_markup_unescaped(page: str) -> None:
    assert HOSTILE not in page
    assert "<b>bold</b>" not in page
    assert "alert(2)" not in page.replace("\\u003c/script\\u003e\\u003cscript\\u003ealert(2)", "")
    # three script elements close: the JSON block, vis-network, the view's own script
    assert page.lower().count("</script") == 3
    vis_js = _SCRIPTS.findall(page)[0]
    assert "@license" in vis_js
    outside_vis = page.replace(vis_js, "")
    assert outside_vis.count("<script") == 3
    assert "<img" not in outside_vis


def test_the_json_block_round_trips_every_text(page: str, tiny_graph: nx.MultiDiGraph) -> None:
    data = page_data(page)
    meta = {m["id"]: m for m in data["meta"]}
    assert set(meta) == set(tiny_graph)
    hostile = meta["title:hostile-0badc0de"]
    assert hostile["name"] == tiny_graph.nodes["title:hostile-0badc0de"]["title"]
    assert "</script><script>alert(2)</script>" in hostile["tip"]["text"]
    assert hostile["tip"]["links"] == ["https://example.org/a%20b%3Ec"]
    assert hostile["url"] == "https://example.org/a%20b%3Ec"
    assert {n["id"] for n in data["nodes"]} == set(tiny_graph)
    assert len(data["edges"]) == tiny_graph.number_of_edges()


def test_tooltips_carry_what_a_reader_needs(page: str) -> None:
    meta = {m["id"]: m for m in page_data(page)["meta"]}
    paper = meta["arxiv:2303.06865"]["tip"]
    rows = dict(paper["rows"])
    assert paper["head"].startswith("FlexGen: High-Throughput")
    assert rows["Date"] == "2023-03-13" and rows["Authors"] == "2"
    assert paper["text"] == "We present FlexGen, a high-throughput generation engine."
    assert paper["links"] == ["https://arxiv.org/abs/2303.06865"]
    assert (
        dict(meta["title:instinfer-in-storage-attention-54887386"]["tip"]["rows"])["Authors"] == "9"
    )  # no names listed: the count the listing gave
    entity = dict(meta["method:flexgen"]["tip"]["rows"])
    assert entity["Aliases"] == "FlexGen, Flexgen"
    assert entity["Introduced by"].startswith("FlexGen: High-Throughput")
    assert entity["Named by"] == "2 papers"
    assert meta["method:flexgen"]["url"] is None
    assert meta["repo:github.com/fminference/flexgen"]["url"] == (
        "https://github.com/FMInference/FlexGen"
    )
    assert dict(meta["model:qwen2.5-7b"]["tip"]["rows"])["Variant of"] == "Qwen2.5"


def test_edges_are_compact_rows_styled_by_kind(page: str, tiny_graph: nx.MultiDiGraph) -> None:
    data = page_data(page)
    ids = [n["id"] for n in data["nodes"]]
    rows = {(ids[r[0]], ids[r[1]], r[2]): r[3:] for r in data["edges"]}
    assert set(rows) == set(tiny_graph.edges(keys=True))
    assert rows[B, A, "cites"] == [1.0, "FlexGen"]
    assert rows[B, "method:flexgen", "compares_with"] == [1.0, ""]
    styles = data["edgeStyles"]
    assert styles["cites"]["arrows"] == "to" and styles["cites"]["dashes"] is False
    assert styles["compares_with"]["dashes"] == [3, 3]
    assert styles["cooccurs"]["arrows"] == ""
    assert styles["compares_with"]["name"] == "compares with"


def test_node_look_travels_once_per_group(page: str, tiny_graph: nx.MultiDiGraph) -> None:
    data = page_data(page)
    groups = data["options"]["groups"]
    assert set(groups) == {"paper", "method", "benchmark", "model", "repo"}
    assert groups["method"]["shape"] == "diamond"
    assert groups["paper"]["color"]["background"] == "#0072B2"
    assert all("color" not in n and "shape" not in n for n in data["nodes"])
    entity_map = page_data(generate_view(tiny_graph, mode="entities"))
    assert set(entity_map["options"]["groups"]) == {"method/0", "repo/0", "model/1", "benchmark/1"}
    assert entity_map["options"]["groups"]["method/0"]["color"]["background"] == "#E69F00"


@settings(max_examples=150, deadline=None)
@given(st.recursive(st.text(), lambda inner: st.lists(inner, max_size=3), max_leaves=8))
def test_embedded_json_cannot_end_the_script_and_round_trips(value: object) -> None:
    text = embed_json({"v": value, "s": "</script><!--\u2028\u2029&"})
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text
    assert json.loads(text) == {"v": value, "s": "</script><!--\u2028\u2029&"}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://arxiv.org/abs/2303.06865", "https://arxiv.org/abs/2303.06865"),
        ("http://example.org/x?a=1&b=2#f", "http://example.org/x?a=1&b=2#f"),
        ("https://example.org/a b>c", "https://example.org/a%20b%3Ec"),
        ('https://example.org/"onmouseover="x', "https://example.org/%22onmouseover=%22x"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("data:text/html,<script>", None),
        ("file:///etc/passwd", None),
        ("//example.org/x", None),
        ("/relative", None),
        ("https://[::1", None),
        (None, None),
        (42, None),
    ],
)
def test_only_http_urls_become_links(url: object, expected: str | None) -> None:
    assert safe_url(url) == expected


def test_the_page_is_self_contained(page: str) -> None:
    assert page.startswith("<!DOCTYPE html>")
    for pattern in (r"<script[^>]+src=", r"<link\b", r"<iframe", r"@import", r"url\(\s*['\"]?http"):
        assert not re.search(pattern, page, re.I), pattern
    assert "vis-network" in page and "@license" in page  # inlined with its licence header
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp and "default-src 'none'" in csp.group(1)


def test_csp_allows_exactly_the_inline_scripts(page: str) -> None:
    csp = re.search(r'content="(default-src[^"]+)"', page)
    assert csp
    allowed = set(re.findall(r"'sha256-([^']+)'", csp.group(1).replace("&#x27;", "'")))
    scripts = _SCRIPTS.findall(page)
    assert len(scripts) == 2
    digests = {base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in scripts}
    assert digests == allowed
    assert "unsafe-inline" not in csp.group(1).split("script-src")[1].split(";")[0]


def test_header_says_what_the_view_shows_and_escapes_the_title(
    tiny_graph: nx.MultiDiGraph,
) -> None:
    page = generate_view(tiny_graph, top=4, title=HOSTILE + " & more")
    assert "<title>&lt;img src=x onerror=alert(1)&gt; &amp; more</title>" in page
    assert "<h1>&lt;img src=x onerror=alert(1)&gt; &amp; more</h1>" in page
    summary = re.search(r'<p id="kg-summary">(.*?)</p>', page)
    assert (
        summary
        and "the 4 most central of 9 by eigenvector centrality; 5 left out." in summary.group(1)
    )
    assert "kg view DIR --mode all --top 4" in page


def test_default_titles_name_the_mode_and_focus(tiny_graph: nx.MultiDiGraph) -> None:
    focused = generate_view(tiny_graph, focus="LongBench", mode="entities")
    assert "<title>Related work: entity co-occurrence map around LongBench</title>" in focused
    assert "within 1 step of “LongBench” (benchmark)" in focused
    assert "<title>Related work: papers linked" in generate_view(tiny_graph, mode="papers")


def test_legend_lists_the_types_and_lines_drawn(tiny_graph: nx.MultiDiGraph) -> None:
    page = generate_view(tiny_graph)
    legend = re.search(r'<section id="kg-legend"[^>]*>(.*?)</section>', page, re.S)
    assert legend
    kinds = re.findall(r'class="kg-filter" data-kind="([a-z]+)"', legend.group(1))
    assert kinds == ["paper", "method", "benchmark", "model", "repo"]
    for name in ("introduces", "evaluates on", "compares with", "uses", "variant of", "cites"):
        assert f"</svg> {name}" in legend.group(1)
    assert "shares entities" not in legend.group(1)
    entity_map = generate_view(tiny_graph, mode="entities")
    assert "Communities (Louvain)" in entity_map
    assert 'data-kind="paper"' not in entity_map


def test_focus_node_is_marked_and_first(tiny_graph: nx.MultiDiGraph) -> None:
    data = page_data(generate_view(tiny_graph, focus="InstInfer", depth=1))
    assert data["focus"] == "method:instinfer"
    widths = {n["id"]: n.get("borderWidth") for n in data["nodes"]}
    assert widths.pop("method:instinfer") == 3 and set(widths.values()) == {None}
    assert data["options"]["nodes"]["borderWidth"] == 1


def test_node_size_follows_centrality(make_graph: Callable[..., nx.MultiDiGraph]) -> None:
    g = make_graph(200, seed=1)
    s = select(g, top=50)
    sizes = {n["id"]: n["size"] for n in page_data(generate_view(g, top=50))["nodes"]}
    ranked = sorted(s.scores, key=lambda n: -s.scores[n])
    assert sizes[ranked[0]] == 40.0
    assert [sizes[n] for n in ranked] == sorted(sizes.values(), reverse=True)


def test_output_is_deterministic(make_graph: Callable[..., nx.MultiDiGraph]) -> None:
    g = make_graph(150, seed=2)
    for mode in ("all", "papers", "entities"):
        assert generate_view(g, top=60, mode=mode) == generate_view(g, top=60, mode=mode)


def test_render_view_writes_atomically(tmp_path: Path, tiny_graph: nx.MultiDiGraph) -> None:
    target = tmp_path / "new" / "dir" / "view.html"
    assert render_view(tiny_graph, target) == target
    assert target.read_text(encoding="utf-8") == generate_view(tiny_graph)
    assert [p.name for p in target.parent.iterdir()] == ["view.html"]  # no temp file left
    with pytest.raises(ExportError, match="cannot write the view"):
        render_view(tiny_graph, tmp_path / "new")  # a directory
    assert target.read_text(encoding="utf-8") == generate_view(tiny_graph)


def test_an_empty_graph_still_makes_a_page(tmp_path: Path) -> None:
    data = page_data(generate_view(nx.MultiDiGraph(kg_format=1)))
    assert data["nodes"] == [] and data["edges"] == []

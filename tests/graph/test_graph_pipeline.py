"""The real pipeline on the seed corpus and small listings: known facts, add == rebuild."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import networkx as nx
import pytest

from kg.errors import WorkspaceError
from kg.pipeline import add, build
from kg.workspace import GRAPH_FILE, load

D4RL_PAPER = "title:d4rl-datasets-for-deep-data-driven-reinforcement-cc2ea39b"


@pytest.fixture(scope="module")
def seed_build(seed_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph:
    out = tmp_path_factory.mktemp("seed")
    result = build([seed_corpus], out, exports=False)
    assert result.papers == result.graph.number_of_nodes() - result.entities
    return load(out)


def test_graph_seed_papers_evaluating_on_d4rl_cite_its_paper(seed_build: nx.MultiDiGraph) -> None:
    g = seed_build
    assert g.nodes["benchmark:d4rl"]["introduced_by"] == [D4RL_PAPER]
    evaluating = {p for p, _, k in g.in_edges("benchmark:d4rl", keys=True) if k == "evaluates_on"}
    assert len(evaluating) >= 3
    for paper in evaluating:
        assert g.edges[paper, D4RL_PAPER, "cites"]["via"] == ["benchmark:d4rl"]


def test_graph_seed_cites_edges_are_explained(seed_build: nx.MultiDiGraph) -> None:
    g = seed_build
    cites = [(u, v, d) for u, v, k, d in g.edges(keys=True, data=True) if k == "cites"]
    assert cites
    for u, v, d in cites:
        assert u != v and d["weight"] == len(d["via"]) and d["via"] == sorted(d["via"])
        for entity in d["via"]:
            assert v in g.nodes[entity]["introduced_by"]
            assert u not in g.nodes[entity]["introduced_by"]
            assert g.has_edge(u, entity)


def test_graph_seed_schema(seed_build: nx.MultiDiGraph) -> None:
    g = seed_build
    assert g.graph["kg_format"] == 1
    paper_keys = {
        "node_type",
        "label",
        "title",
        "abstract",
        "date",
        "updated",
        "authors",
        "n_authors",
        "upvotes",
        "organisation",
        "urls",
        "arxiv_id",
        "doi",
        "categories",
        "sources",
    }
    entity_keys = {
        "node_type",
        "label",
        "aliases",
        "introduced_by",
        "n_papers",
        "url",
        "family",
        "size",
        "variant",
        "merges",
    }
    for n, d in g.nodes(data=True):
        assert set(d) == (paper_keys if d["node_type"] == "paper" else entity_keys), n
        if d["node_type"] != "paper":
            assert n.startswith(d["node_type"] + ":")
            assert {m["alias"] for m in d["merges"]} == set(d["aliases"])
            assert d["aliases"] == sorted(d["aliases"])
    for u, v, k, d in g.edges(keys=True, data=True):
        assert d["relation"] == k
        if k in {"introduces", "evaluates_on", "compares_with", "uses", "mentions"}:
            assert d["weight"] == len(d["mentions"])
            text = g.nodes[u][d["mentions"][0]["field"]]
            m = d["mentions"][0]
            assert text[m["start"] : m["end"]] == m["text"]
        elif k == "variant_of":
            assert g.nodes[u]["family"] == v
    families = [n for n, d in g.nodes(data=True) if d.get("family")]
    assert families  # the seed corpus names model variants


def _build_listing(tmp_path: Path, rows: list[dict[str, str]]) -> nx.MultiDiGraph:
    """The graph built from a JSONL listing of ``rows``."""
    listing = tmp_path / "papers.jsonl"
    listing.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return build([listing], tmp_path / "ws", exports=False).graph


def test_graph_compares_with_introduced_system_gives_cites(tmp_path: Path) -> None:
    rows = [
        {
            "title": "FooNet: Fast Inference on One GPU",
            "arxiv_id": "2401.00001",
            "abstract": "We propose FooNet, a new inference engine for large models.",
        },
        {
            "title": "BarServe: Serving at Scale",
            "arxiv_id": "2402.00002",
            "abstract": "We present BarServe. Compared to FooNet, BarServe is 3x faster.",
        },
    ]
    g = _build_listing(tmp_path, rows)
    assert g.nodes["method:foonet"]["introduced_by"] == ["arxiv:2401.00001"]
    assert g.has_edge("arxiv:2402.00002", "method:foonet")
    assert g.edges["arxiv:2402.00002", "arxiv:2401.00001", "cites"]["via"] == ["method:foonet"]
    assert not g.has_edge("arxiv:2401.00001", "arxiv:2402.00002")


def test_graph_a_famous_name_opening_a_title_is_cited_by_its_acronym(tmp_path: Path) -> None:
    """The paper behind a curated name ("Tree of Thoughts: ...") introduces it, and papers
    that use only its acronym (ToT) cite it: the acronym's long form is read word by word
    ("Tree of Thoughts (ToT)"), not as the shortest match inside "Thoughts"."""
    rows = [
        {
            "title": "Tree of Thoughts: Deliberate Problem Solving with Large Language Models",
            "arxiv_id": "2305.10601",
            "abstract": "We introduce Tree of Thoughts (ToT), which generalizes prompting.",
        },
        {
            "title": "Searching Thoughts Faster",
            "arxiv_id": "2402.00002",
            "abstract": "We build on ToT and propose FastSearch. It beats ToT on puzzles.",
        },
    ]
    g = _build_listing(tmp_path, rows)
    assert g.has_edge("arxiv:2402.00002", "arxiv:2305.10601", "cites")


def test_graph_add_equals_full_rebuild(seed_corpus: Path, tmp_path: Path) -> None:
    files = sorted(seed_corpus.iterdir())
    first, second = files[:3], files[3:]
    full = build(files, tmp_path / "full", exports=False)
    part = build(first, tmp_path / "inc", exports=False)
    added = add(tmp_path / "inc", second, exports=False)
    assert 0 < added.extracted < added.papers
    assert added.papers == full.papers
    assert (tmp_path / "inc" / GRAPH_FILE).read_bytes() == (
        tmp_path / "full" / GRAPH_FILE
    ).read_bytes()
    # adding the same files again changes nothing and extracts nothing new
    again = add(tmp_path / "inc", second, exports=False)
    assert again.extracted == 0
    assert (tmp_path / "inc" / GRAPH_FILE).read_bytes() == (
        tmp_path / "full" / GRAPH_FILE
    ).read_bytes()
    assert part.papers < full.papers


def test_graph_build_is_deterministic(seed_corpus: Path, tmp_path: Path) -> None:
    files = sorted(seed_corpus.iterdir())[:2]
    build(files, tmp_path / "a", exports=False)
    build(list(reversed(files)), tmp_path / "b", exports=False)
    assert (tmp_path / "a" / GRAPH_FILE).read_bytes() == (tmp_path / "b" / GRAPH_FILE).read_bytes()


def test_graph_build_records_aliases_and_add_keeps_them(tmp_path: Path) -> None:
    listing = tmp_path / "a.jsonl"
    listing.write_text(
        json.dumps({"title": "FooNet", "arxiv_id": "2401.00001", "abstract": "We propose FooNet."})
        + "\n"
    )
    aliases = tmp_path / "aliases.json"
    aliases.write_text(json.dumps({"merge": [{"names": ["FooNet", "Foo Network"]}]}))
    build([listing], tmp_path / "ws", aliases=aliases, exports=False)
    g = load(tmp_path / "ws")
    assert "Foo Network" in g.nodes["method:foonet"]["aliases"]
    more = tmp_path / "b.jsonl"
    more.write_text(
        json.dumps({"title": "Other", "arxiv_id": "2402.00002", "abstract": "We use FooNet here."})
        + "\n"
    )
    g2 = add(tmp_path / "ws", [more], exports=False).graph
    assert "Foo Network" in g2.nodes["method:foonet"]["aliases"]


def test_graph_add_to_missing_workspace(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="no workspace"):
        add(tmp_path / "missing", [tmp_path])


def test_graph_build_writes_derived_files(seed_corpus: Path, tmp_path: Path) -> None:
    files = sorted(seed_corpus.iterdir())[:1]
    shutil.copy(files[0], tmp_path / files[0].name)
    result = build([tmp_path / files[0].name], tmp_path / "ws")
    names = sorted(p.name for p in result.outputs)
    assert names == ["graph.html", "graph.json", "graph.ttl"]
    assert all(p.stat().st_size > 0 for p in result.outputs)

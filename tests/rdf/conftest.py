"""Fixtures for the RDF tests: graphs to export and a hostile variant of the tiny graph."""

from __future__ import annotations

import random
from pathlib import Path

import networkx as nx
import pytest

HOSTILE_TEXTS = [
    "<script>alert('x')</script>",
    'quote " backslash \\ tab \t newline \n return \r',
    "emoji 🧪🚀 and 名前 and עברית and Ångström",
    "control \x00\x01\x1f\x7f chars",
    "> spaces\u00a0and\u2028line separators",
    "%41 percent and #hash and ?query and {braces} |pipe| ^caret `tick`",
    "..",
    "",
]


def shuffled_copy(graph: nx.MultiDiGraph, seed: int) -> nx.MultiDiGraph:
    """The same graph with nodes and edges inserted in another order."""
    rng = random.Random(seed)
    nodes = list(graph.nodes(data=True))
    edges = list(graph.edges(keys=True, data=True))
    rng.shuffle(nodes)
    rng.shuffle(edges)
    out = nx.MultiDiGraph(**graph.graph)
    out.add_nodes_from(nodes)
    for u, v, k, d in edges:
        out.add_edge(u, v, key=k, **d)
    return out


def make_hostile_graph(base: nx.MultiDiGraph, *, controls: bool = True) -> nx.MultiDiGraph:
    """The tiny graph plus papers and entities whose ids and text are all hostile.

    ``controls=False`` leaves out the text with C0 control characters, which XML 1.0 (and so
    RDF/XML) cannot carry at all.
    """
    g = base.copy()
    for i, text in enumerate(HOSTILE_TEXTS):
        if not controls and "\x00" in text:
            continue
        paper = f"title:{text}-{i}"
        entity = f"method:{text} {i}"
        abstract = f"We use {text or 'X'} here. Then more."
        g.add_node(
            paper,
            node_type="paper",
            label=text,
            title=text,
            abstract=abstract,
            date=["2024-01-02", "--02-29", "2020", "2021-07", "circa 2020", None][i % 6],
            updated=None,
            authors=[text, "B"],
            n_authors=2,
            upvotes=i,
            organisation=text or None,
            urls=[f"https://example.org/{text}"],
            arxiv_id=None,
            doi=f"10.1/{text}",
            categories=[text],
            sources=[f"dir with space/{text}.json:{i + 1}:json"],
        )
        g.add_node(
            entity,
            node_type="method",
            label=text or "x",
            aliases=[f"{text}!", text or "x"],
            introduced_by=[paper],
            n_papers=1,
            url=None,
            family=None,
            size=None,
            variant=None,
            merges=[{"alias": f"{text}!", "rule": "fuzzy", "score": 91.5, "papers": [paper]}],
        )
        start = len("We use ")
        g.add_edge(
            paper,
            entity,
            key="introduces",
            relation="introduces",
            weight=2.0,
            mentions=[
                {
                    "text": text or "X",
                    "field": "abstract",
                    "start": start,
                    "end": start + len(text or "X"),
                    "sentence_start": 0,
                    "sentence_end": start + len(text or "X") + 6,
                    "extractor": f"ex {text}",
                    "confidence": 0.125,
                },
                {
                    "text": text or "X",
                    "field": "abstract",
                    "start": start,
                    "end": start + len(text or "X"),
                    "sentence_start": 0,
                    "sentence_end": start + len(text or "X") + 6,
                    "extractor": "lexicon",
                    "confidence": 1.0,
                },
            ],
        )
        g.add_edge(
            "arxiv:2303.06865", entity, key="mentions", relation="mentions", weight=1.0, mentions=[]
        )
        g.add_edge(
            paper,
            "arxiv:2303.06865",
            key="cites",
            relation="cites",
            weight=1.0,
            via=["method:flexgen"],
        )
    return g


@pytest.fixture
def hostile_xml_graph(tiny_graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    return make_hostile_graph(tiny_graph, controls=False)


@pytest.fixture
def hostile_graph(tiny_graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    return make_hostile_graph(tiny_graph)


@pytest.fixture(scope="session")
def demo_workspace(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> Path:
    """The demo corpus (examples/) built by the real pipeline into a workspace."""
    from kg.pipeline import build

    directory = tmp_path_factory.mktemp("demo")
    build([examples_dir], directory)
    return directory


@pytest.fixture
def tiny_workspace(tiny_graph: nx.MultiDiGraph, tmp_path: Path) -> Path:
    """The tiny graph saved as a workspace."""
    from kg.workspace import save

    directory = tmp_path / "ws"
    save(tiny_graph, directory)
    return directory

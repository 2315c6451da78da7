"""related, path, stats, show, explain and name lookup on the hand-made tiny graph."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from kg.analysis import explain, find_node, path, related, show, stats
from kg.analysis.related import CITE_BONUS
from kg.errors import QueryError

A = "arxiv:2303.06865"
B = "title:instinfer-in-storage-attention-54887386"
C = "title:hostile-0badc0de"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("method:flexgen", "method:flexgen"),  # id
        ("FlexGen", "method:flexgen"),  # exact label
        ("Flexgen", "method:flexgen"),  # exact alias
        ("flex-gen", "method:flexgen"),  # compact key
        ("InstInfer: In-Storage Attention", B),  # exact title
        ("instinfer in storage atention", B),  # fuzzy title
        ("qwen 2.5 7b", "model:qwen2.5-7b"),
    ],
)
def test_graph_find_node(tiny_graph: nx.MultiDiGraph, name: str, expected: str) -> None:
    assert find_node(tiny_graph, name) == expected


def test_graph_find_node_ambiguous_and_missing(tiny_graph: nx.MultiDiGraph) -> None:
    tiny_graph.add_node("benchmark:flexgen", node_type="benchmark", label="FlexGen")
    with pytest.raises(QueryError, match=r"ambiguous: benchmark:flexgen .*method:flexgen"):
        find_node(tiny_graph, "FlexGen")
    assert find_node(tiny_graph, "FlexGen", node_types=["method"]) == "method:flexgen"
    with pytest.raises(QueryError, match="closest"):
        find_node(tiny_graph, "completely unrelated words")
    with pytest.raises(QueryError, match="no such nodes"):
        find_node(nx.MultiDiGraph(), "x")


def test_graph_related_scores_rarity_and_citations(tiny_graph: nx.MultiDiGraph) -> None:
    found = related(tiny_graph, B)
    assert [r.node for r in found] == [A, C]
    by_node = {r.node: r for r in found}
    # A shares FlexGen (named by 2 of 3 papers) and is cited by B
    assert by_node[A].shared == ("method:flexgen",)
    assert by_node[A].cites and not by_node[A].cited_by
    assert by_node[A].score == pytest.approx(math.log(3 / 2) + CITE_BONUS)
    # C shares Qwen2.5-7B (2 of 3 papers), no citation
    assert by_node[C].shared == ("model:qwen2.5-7b",)
    assert by_node[C].score == pytest.approx(math.log(3 / 2))
    assert related(tiny_graph, "FlexGen: High-Throughput Generative Inference")[0].cited_by


def test_graph_related_by_rare_entity_first() -> None:
    g = nx.MultiDiGraph()
    for p in "abcde":
        g.add_node(p, node_type="paper", label=f"Paper {p}")
    g.add_nodes_from(["benchmark:rare", "method:common"], node_type="benchmark")
    for p, e in [
        ("a", "benchmark:rare"),
        ("b", "benchmark:rare"),
        ("a", "method:common"),
        ("c", "method:common"),
        ("d", "method:common"),
        ("e", "method:common"),
        ("b", "method:common"),
    ]:
        g.add_edge(p, e, key="uses")
    found = related(g, "a", top=2)
    assert found[0].node == "b" and found[0].shared == ("benchmark:rare", "method:common")
    assert len(found) == 2


def test_graph_path_reads_as_a_chain(tiny_graph: nx.MultiDiGraph) -> None:
    found = path(tiny_graph, "InstInfer", "LongBench")
    assert found.nodes == ("method:instinfer", B, "model:qwen2.5-7b", C, "benchmark:longbench")
    assert [(s.relation, s.forward) for s in found.steps] == [
        ("introduces", False),
        ("uses", True),
        ("uses", False),
        ("evaluates_on", True),
    ]
    assert found.describe().startswith(
        "InstInfer <--introduces-- InstInfer: In-Storage Attention --uses--> Qwen2.5-7B"
    )
    direct = path(tiny_graph, B, A)
    assert [(s.source, s.relation, s.target) for s in direct.steps] == [(B, "cites", A)]


def test_graph_path_not_connected(tiny_graph: nx.MultiDiGraph) -> None:
    tiny_graph.add_node("method:alone", node_type="method", label="Alone")
    with pytest.raises(QueryError, match="not connected"):
        path(tiny_graph, "Alone", "FlexGen")


def test_graph_stats(tiny_graph: nx.MultiDiGraph) -> None:
    s = stats(tiny_graph, top=3)
    assert s.nodes_by_type == {"benchmark": 1, "method": 2, "model": 2, "paper": 3, "repo": 1}
    assert s.edges_by_relation == {
        "cites": 1,
        "compares_with": 1,
        "evaluates_on": 1,
        "introduces": 3,
        "uses": 2,
        "variant_of": 1,
    }
    assert (s.components, s.largest_component, s.isolated) == (1, 9, 0)
    assert s.most_connected[0].node == B and s.most_connected[0].score == 4.0


def test_graph_show_entity(tiny_graph: nx.MultiDiGraph) -> None:
    s = show(tiny_graph, "FlexGen")
    assert s.node == "method:flexgen" and s.node_type == "method"
    assert s.papers == {"introduces": [A], "compares_with": [B]}
    assert s.attributes["aliases"] == ["FlexGen", "Flexgen"]
    assert s.attributes["introduced_by"] == [A]
    assert s.labels[A].startswith("FlexGen:")
    family = show(tiny_graph, "model:qwen2.5")
    assert family.links == {"variants": ["model:qwen2.5-7b"]}
    variant = show(tiny_graph, "Qwen2.5-7B")
    assert variant.links == {"variant_of": ["model:qwen2.5"]}


def test_graph_show_paper(tiny_graph: nx.MultiDiGraph) -> None:
    s = show(tiny_graph, B)
    assert s.papers == {
        "introduces": ["method:instinfer"],
        "compares_with": ["method:flexgen"],
        "uses": ["model:qwen2.5-7b"],
    }
    assert s.links == {"cites": [A]}
    assert show(tiny_graph, A).links == {"cited_by": [B]}


def test_graph_explain(tiny_graph: nx.MultiDiGraph) -> None:
    with pytest.raises(QueryError, match="no recorded merges"):
        explain(tiny_graph, "FlexGen")
    tiny_graph.nodes["method:flexgen"]["merges"] = [
        {"alias": "FlexGen", "rule": "preferred", "score": 100.0, "papers": [A]},
        {"alias": "Flexgen", "rule": "same-key", "score": 100.0, "papers": [B]},
    ]
    e = explain(tiny_graph, "flexgen")
    assert e.node == "method:flexgen" and e.introduced_by == (A,)
    assert [m["rule"] for m in e.merges] == ["preferred", "same-key"]
    with pytest.raises(QueryError):
        explain(tiny_graph, B)  # a paper is not an entity

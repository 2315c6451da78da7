"""Which nodes and lines a view draws: modes, focus, the top cap, name resolution."""

from __future__ import annotations

from collections.abc import Callable

import networkx as nx
import pytest

from kg.analysis import central, communities, cooccurrence
from kg.errors import QueryError
from kg.views import Mode, select
from kg.views.select import LINKS_PER_NODE, METRIC

A = "arxiv:2303.06865"
B = "title:instinfer-in-storage-attention-54887386"
C = "title:hostile-0badc0de"
PAPERS = {A, B, C}


def test_all_mode_draws_the_whole_small_graph(tiny_graph: nx.MultiDiGraph) -> None:
    s = select(tiny_graph)
    assert s.mode is Mode.ALL
    assert set(s.graph) == set(tiny_graph)
    assert s.candidates == 9 and s.omitted == 0
    assert sorted(s.graph.edges(keys=True)) == sorted(tiny_graph.edges(keys=True))
    assert s.graph.edges[B, A, "cites"]["via"] == ["method:flexgen"]
    assert s.metric == "eigenvector centrality"


def test_top_keeps_the_most_central_and_counts_the_rest(tiny_graph: nx.MultiDiGraph) -> None:
    s = select(tiny_graph, top=4)
    score = {r.node: r.score for r in central(tiny_graph, metric=METRIC, top=None)}
    neighbours = {n: len(set(nx.all_neighbors(tiny_graph, n))) for n in tiny_graph}
    order = sorted(score, key=lambda n: (-score[n], -neighbours[n], n))
    expected = order[:4]
    assert set(s.graph) == set(expected)
    assert s.candidates == 9 and s.omitted == 5
    # exactly the workspace edges between kept nodes
    kept = set(expected)
    want = {(u, v, k) for u, v, k in tiny_graph.edges(keys=True) if u in kept and v in kept}
    assert set(s.graph.edges(keys=True)) == want


def test_papers_mode_joins_papers_by_cites_and_shared_entities(
    tiny_graph: nx.MultiDiGraph,
) -> None:
    s = select(tiny_graph, mode="papers")
    assert set(s.graph) == PAPERS
    edges = {(u, v, k): d for u, v, k, d in s.graph.edges(keys=True, data=True)}
    assert set(edges) == {(B, A, "cites"), (C, B, "shares")}
    assert edges[C, B, "shares"]["via"] == ["model:qwen2.5-7b"]
    assert edges[C, B, "shares"]["weight"] == 1.0


def test_entities_mode_is_the_cooccurrence_map_with_communities(
    tiny_graph: nx.MultiDiGraph,
) -> None:
    s = select(tiny_graph, mode="entities")
    entities = {n for n, d in tiny_graph.nodes(data=True) if d["node_type"] != "paper"}
    assert set(s.graph) == entities
    reference = cooccurrence(tiny_graph)
    drawn = {
        frozenset((u, v)): d["weight"]
        for u, v, k, d in s.graph.edges(keys=True, data=True)
        if k == "cooccurs"
    }
    assert drawn == {frozenset((u, v)): d["weight"] for u, v, d in reference.edges(data=True)}
    assert s.graph.has_edge("model:qwen2.5-7b", "model:qwen2.5", key="variant_of")
    # every entity coloured by the community kg.analysis finds, renumbered by size
    groups = [set(c.nodes) & entities for c in communities(tiny_graph)]
    for node in entities:
        members = {n for n in entities if s.community[n] == s.community[node]}
        assert any(members == g for g in groups)
    assert list(s.community_sizes) == sorted(s.community_sizes, reverse=True)
    assert len(s.community_labels) == len(s.community_sizes)
    assert s.scores["method:flexgen"] == 2.0  # occurrences: papers naming it


@pytest.mark.parametrize(
    ("mode", "focus", "depth", "expected"),
    [
        ("all", "FlexGen", 1, {"method:flexgen", A, B}),
        ("all", "FlexGen", 0, {"method:flexgen"}),
        (
            "all",
            "method:instinfer",
            2,
            {"method:instinfer", B, A, "method:flexgen", "model:qwen2.5-7b"},
        ),
        ("papers", "FlexGen", 1, {A, B}),
        ("papers", C, 1, {C, B}),
        ("papers", C, 2, {C, B, A}),
        ("entities", "InstInfer", 1, {"method:instinfer", "method:flexgen", "model:qwen2.5-7b"}),
        ("entities", C, 1, {"model:qwen2.5-7b", "benchmark:longbench"}),
    ],
)
def test_focus_draws_a_neighbourhood(
    tiny_graph: nx.MultiDiGraph, mode: str, focus: str, depth: int, expected: set[str]
) -> None:
    s = select(tiny_graph, focus=focus, depth=depth, mode=mode)
    assert set(s.graph) == expected
    assert s.candidates == len(expected)


def test_focus_is_kept_whatever_the_cap(tiny_graph: nx.MultiDiGraph) -> None:
    s = select(tiny_graph, focus="LongBench", depth=2, top=1)
    assert list(s.graph) == ["benchmark:longbench"]
    assert s.focus == "benchmark:longbench" and s.omitted == s.candidates - 1 > 0


@pytest.mark.parametrize(
    ("name", "node"),
    [
        ("method:flexgen", "method:flexgen"),
        ("FlexGen", "method:flexgen"),
        ("flexgen", "method:flexgen"),
        ("<LongBench>", "benchmark:longbench"),
        ("qwen 2.5 7b", "model:qwen2.5-7b"),
        ("LongBnech", "benchmark:longbench"),
        ("instinfer in storage attention", B),
    ],
)
def test_focus_names_resolve_by_id_label_alias_then_fuzzy(
    tiny_graph: nx.MultiDiGraph, name: str, node: str
) -> None:
    assert select(tiny_graph, focus=name, depth=0).focus == node


def test_unknown_focus_lists_close_candidates(tiny_graph: nx.MultiDiGraph) -> None:
    with pytest.raises(QueryError, match=r"no node clearly matches 'Qwen3'.*model:qwen2\.5"):
        select(tiny_graph, focus="Qwen3")


def test_a_name_shared_by_two_nodes_asks_for_an_id(tiny_graph: nx.MultiDiGraph) -> None:
    tiny_graph.nodes["method:instinfer"]["aliases"] = ["InstInfer", "FlexGen"]
    with pytest.raises(QueryError, match=r"ambiguous.*method:flexgen.*method:instinfer"):
        select(tiny_graph, focus="FlexGen")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"mode": "nodes"}, "unknown view mode 'nodes'; available: all, papers, entities"),
        ({"top": 0}, "top must be at least 1"),
        ({"depth": -1}, "depth must be 0 or more"),
    ],
)
def test_bad_options_are_query_errors(
    tiny_graph: nx.MultiDiGraph, options: dict[str, object], message: str
) -> None:
    with pytest.raises(QueryError, match=message):
        select(tiny_graph, **options)  # type: ignore[arg-type]


def test_empty_neighbourhood_says_what_to_try(tiny_graph: nx.MultiDiGraph) -> None:
    with pytest.raises(QueryError, match="larger --depth"):
        select(tiny_graph, focus="FlexGen", depth=0, mode="papers")


def test_the_cap_holds_on_a_larger_graph(make_graph: Callable[..., nx.MultiDiGraph]) -> None:
    g = make_graph(1500, seed=3)
    s = select(g, top=300)
    assert s.graph.number_of_nodes() == 300
    assert s.candidates == g.number_of_nodes() and s.omitted == g.number_of_nodes() - 300
    papers = select(g, top=120, mode="papers")
    assert papers.graph.number_of_nodes() == 120
    assert {d["node_type"] for _, d in papers.graph.nodes(data=True)} == {"paper"}


@pytest.mark.parametrize("mode", ["papers", "entities"])
def test_derived_links_keep_each_nodes_strongest_only(
    make_graph: Callable[..., nx.MultiDiGraph], mode: str
) -> None:
    g = make_graph(400, n_entities=40, seed=5)
    s = select(g, top=200, mode=mode)
    kept = set(s.graph)
    kind = "shares" if mode == "papers" else "cooccurs"
    derived = {frozenset((u, v)) for u, v, k in s.graph.edges(keys=True) if k == kind}
    # the links a node could have: kept papers naming a common entity (and not already
    # joined by a citation-style edge), or kept entities named by a common paper
    possible: dict[str, set[str]] = {n: set() for n in kept}
    if mode == "papers":
        for e in (n for n, d in g.nodes(data=True) if d["node_type"] != "paper"):
            namers = {u for u, _ in g.in_edges(e)} & kept
            for p in namers:
                possible[p] |= namers - {p}
        for u, v in list(s.graph.edges()):
            if s.graph.has_edge(u, v, key="cites"):
                possible[u].discard(v)
                possible[v].discard(u)
    else:
        for p in (n for n, d in g.nodes(data=True) if d["node_type"] == "paper"):
            named = {v for _, v in g.out_edges(p)} & kept
            for e in named:
                possible[e] |= named - {e}
    assert sum(len(v) for v in possible.values()) / 2 > 1.5 * len(derived)  # the cap bites
    for node in kept:
        mine = {pair for pair in derived if node in pair}
        assert len(mine) >= min(LINKS_PER_NODE, len(possible[node])), node
        assert all(next(iter(pair - {node})) in possible[node] for pair in mine)


def test_selection_is_deterministic(make_graph: Callable[..., nx.MultiDiGraph]) -> None:
    g = make_graph(300, seed=9)
    for mode in Mode:
        one, two = select(g, top=80, mode=mode), select(g, top=80, mode=mode)
        assert list(one.graph) == list(two.graph)
        assert list(one.graph.edges(keys=True, data=True)) == list(
            two.graph.edges(keys=True, data=True)
        )


def test_select_does_not_modify_the_graph(tiny_graph: nx.MultiDiGraph) -> None:
    before = (list(tiny_graph.nodes(data=True)), list(tiny_graph.edges(keys=True, data=True)))
    for mode in Mode:
        select(tiny_graph, mode=mode, top=3)
    assert before == (
        list(tiny_graph.nodes(data=True)),
        list(tiny_graph.edges(keys=True, data=True)),
    )


def test_a_disconnected_graph_ranks_without_warnings(
    monkeypatch: pytest.MonkeyPatch, make_graph: Callable[..., nx.MultiDiGraph]
) -> None:
    pytest.importorskip("igraph")
    monkeypatch.setattr("kg.analysis.centrality.IGRAPH_ABOVE", 10)  # the large-graph engine
    g = make_graph(200, seed=4)
    g.add_node("p:island", node_type="paper", label="Island")
    g.add_node("method:island", node_type="method", label="Island method")
    g.add_edge("p:island", "method:island", key="uses", relation="uses", weight=1.0)
    s = select(g, top=g.number_of_nodes())  # filterwarnings=error turns a warning into a failure
    assert s.scores["p:island"] == pytest.approx(0.0, abs=1e-6)

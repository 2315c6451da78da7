"""Workspace save/load: round trip, byte-determinism, and helpful errors for bad workspaces."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from kg.errors import WorkspaceError
from kg.workspace import DETAILS_FILE, GRAPH_FILE, edge_table, load, papers_and_mentions, save


def _same(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    assert a.graph == b.graph
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    assert sorted(a.edges(keys=True, data=True), key=repr) == sorted(
        b.edges(keys=True, data=True), key=repr
    )


def test_graph_round_trip_keeps_everything(tiny_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = save(tiny_graph, tmp_path / "ws")
    assert path == tmp_path / "ws" / GRAPH_FILE
    loaded = load(tmp_path / "ws")
    _same(tiny_graph, loaded)
    assert loaded.edges[
        "title:instinfer-in-storage-attention-54887386", "arxiv:2303.06865", "cites"
    ]["via"] == ["method:flexgen"]
    # the loaded graph behaves like one built by networkx (succ and pred agree)
    assert set(loaded.predecessors("method:flexgen")) == {
        "arxiv:2303.06865",
        "title:instinfer-in-storage-attention-54887386",
    }
    loaded.add_edge("arxiv:2303.06865", "method:instinfer", key="mentions")
    assert loaded.has_edge("arxiv:2303.06865", "method:instinfer")


def test_graph_save_is_byte_deterministic(tiny_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    save(tiny_graph, tmp_path / "a")
    # the same graph built in another order gives the same bytes
    shuffled = nx.MultiDiGraph()
    shuffled.graph.update(tiny_graph.graph)
    shuffled.add_nodes_from(reversed(list(tiny_graph.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(tiny_graph.edges(keys=True, data=True))))
    save(shuffled, tmp_path / "b")
    first = (tmp_path / "a" / GRAPH_FILE).read_bytes()
    assert first == (tmp_path / "b" / GRAPH_FILE).read_bytes()
    save(load(tmp_path / "a"), tmp_path / "c")
    assert first == (tmp_path / "c" / GRAPH_FILE).read_bytes()
    text = first.decode("utf-8")
    assert "名前" in text  # readable UTF-8, not \\u escapes
    # one line per node, per node with out-edges, per edge with attributes (via), + header
    sources = {u for u, _ in tiny_graph.edges()}
    with_via = [e for e in tiny_graph.edges(data="via") if e[2] is not None]
    lines = tiny_graph.number_of_nodes() + len(sources) + len(with_via) + 7
    assert text.count("\n") == lines
    details = (tmp_path / "a" / DETAILS_FILE).read_bytes()
    assert details == (tmp_path / "b" / DETAILS_FILE).read_bytes()


def test_graph_loaded_order_is_sorted(tiny_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    save(tiny_graph, tmp_path)
    loaded = load(tmp_path)
    assert list(loaded.nodes) == sorted(tiny_graph.nodes)


def test_graph_papers_and_mentions_are_recoverable(tiny_graph: nx.MultiDiGraph) -> None:
    papers, mentions = papers_and_mentions(tiny_graph)
    assert {p.id for p in papers} == {
        n for n, t in tiny_graph.nodes(data="node_type") if t == "paper"
    }
    assert len(mentions) == 7
    flex = [m for m in mentions if m.text == "FlexGen"]
    assert {(m.paper_id, m.role.value) for m in flex} == {
        ("arxiv:2303.06865", "introduces"),
        ("title:instinfer-in-storage-attention-54887386", "compares_with"),
    }


def test_graph_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match=r"no workspace at .*kg build"):
        load(tmp_path / "nope")


def test_graph_directory_without_graph(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="not a kg workspace"):
        load(tmp_path)


def test_graph_truncated_graph(tiny_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = save(tiny_graph, tmp_path)
    path.write_bytes(path.read_bytes()[:-200])
    with pytest.raises(WorkspaceError, match=r"incomplete or damaged.*rebuild"):
        load(tmp_path)


def test_graph_other_version(tiny_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = save(tiny_graph, tmp_path)
    doc = json.loads(path.read_text())
    doc["version"] = 99
    path.write_text(json.dumps(doc))
    with pytest.raises(WorkspaceError, match=r"version 99.*reads version 2"):
        load(tmp_path)
    doc["version"] = 1  # one line per edge, before the per-node edge lines
    path.write_text(json.dumps(doc))
    for details in (True, False):
        with pytest.raises(WorkspaceError, match=r"version 1;.*reads version 2: rebuild"):
            load(tmp_path, details=details)
    path.write_text(json.dumps({"nodes": []}))
    with pytest.raises(WorkspaceError, match="not a kg workspace file"):
        load(tmp_path)


def test_graph_damaged_structure(tmp_path: Path) -> None:
    (tmp_path / GRAPH_FILE).write_text(
        json.dumps(
            {"format": "kg-workspace", "version": 2, "graph": {}, "nodes": [["a"]], "edges": []}
        )
    )
    with pytest.raises(WorkspaceError, match="damaged"):
        load(tmp_path)


def test_graph_save_into_a_file_fails(tiny_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    with pytest.raises(WorkspaceError, match="not a directory"):
        save(tiny_graph, tmp_path / "f")


def test_graph_load_without_details(tiny_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    save(tiny_graph, tmp_path)
    light = load(tmp_path, details=False)
    assert set(light.nodes) == set(tiny_graph.nodes)
    assert set(light.edges(keys=True)) == set(tiny_graph.edges(keys=True))
    assert "abstract" not in light.nodes["arxiv:2303.06865"]
    assert "mentions" not in light.edges["arxiv:2303.06865", "method:flexgen", "introduces"]
    assert light.edges[
        "title:instinfer-in-storage-attention-54887386", "arxiv:2303.06865", "cites"
    ]["via"] == ["method:flexgen"]
    with pytest.raises(WorkspaceError, match="details=False"):
        save(light, tmp_path / "other")


def test_graph_details_must_match_graph(tiny_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    save(tiny_graph, tmp_path / "a")
    other = tiny_graph.copy()
    other.nodes["arxiv:2303.06865"]["abstract"] = "Changed."
    save(other, tmp_path / "b")
    (tmp_path / "a" / DETAILS_FILE).write_bytes((tmp_path / "b" / DETAILS_FILE).read_bytes())
    with pytest.raises(WorkspaceError, match="does not belong"):
        load(tmp_path / "a")
    assert load(tmp_path / "a", details=False).number_of_nodes() == 9
    (tmp_path / "a" / DETAILS_FILE).unlink()
    with pytest.raises(WorkspaceError, match=r"no details\.json"):
        load(tmp_path / "a")


def _without_details(g: nx.MultiDiGraph) -> list[tuple[str, str, str, dict[str, object]]]:
    return sorted(
        (
            (u, v, k, {a: x for a, x in d.items() if a != "mentions"})
            for u, v, k, d in g.edges(keys=True, data=True)
        ),
        key=repr,
    )


def test_graph_light_load_builds_edges_on_first_use(
    tiny_graph: nx.MultiDiGraph, tmp_path: Path
) -> None:
    save(tiny_graph, tmp_path)
    light = load(tmp_path, details=False)
    assert isinstance(light, nx.MultiDiGraph)
    table = edge_table(light)
    assert table is not None and len(table.source) == tiny_graph.number_of_edges()
    assert [table.nodes[i] for i in table.source.tolist()] == sorted(
        u for u, _, _ in tiny_graph.edges(keys=True)
    )
    assert light.number_of_nodes() == tiny_graph.number_of_nodes()
    assert edge_table(light) is not None  # node queries leave the edges unbuilt
    # the first edge query builds every edge dict; then it is a plain MultiDiGraph
    assert _without_details(light) == _without_details(tiny_graph)
    assert type(light) is nx.MultiDiGraph and edge_table(light) is None
    assert set(light.predecessors("method:flexgen")) == set(
        tiny_graph.predecessors("method:flexgen")
    )


def test_graph_light_load_can_be_changed_copied_and_pickled(
    tiny_graph: nx.MultiDiGraph, tmp_path: Path
) -> None:
    import pickle

    save(tiny_graph, tmp_path)
    changed = load(tmp_path, details=False)
    changed.add_edge("arxiv:2303.06865", "method:instinfer", key="mentions")  # builds first
    assert changed.number_of_edges() == tiny_graph.number_of_edges() + 1
    for copy in (
        load(tmp_path, details=False).copy(),
        pickle.loads(pickle.dumps(load(tmp_path, details=False))),
    ):
        assert _without_details(copy) == _without_details(tiny_graph)
    undirected = load(tmp_path, details=False).to_undirected()
    assert undirected.number_of_edges() == tiny_graph.to_undirected().number_of_edges()


def test_graph_load_falls_back_to_json_for_what_orjson_refuses(tmp_path: Path) -> None:
    g = nx.MultiDiGraph(kg_format=1)
    g.add_edge("p", "method:a", key="uses", relation="uses", weight=float("nan"))
    g.add_node("p", big=2**70)
    save(g, tmp_path)
    loaded = load(tmp_path)
    assert loaded.nodes["p"]["big"] == 2**70
    assert loaded.edges["p", "method:a", "uses"]["weight"] != 0  # NaN survives


def test_graph_damaged_edge_lines(tiny_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = save(tiny_graph, tmp_path)
    doc = json.loads(path.read_text())
    doc["edges"][0][3].append(1.0)  # one weight more than targets
    path.write_text(json.dumps(doc))
    light = load(tmp_path, details=False)  # edges are read on first use
    with pytest.raises(WorkspaceError, match="damaged"):
        light.number_of_edges()
    doc["edges"][0][3].pop()
    doc["edge_attrs"].append([999, {"via": []}])
    path.write_text(json.dumps(doc))
    with pytest.raises(WorkspaceError, match="damaged"):
        load(tmp_path, details=False).number_of_edges()

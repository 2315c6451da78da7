"""A real Oxigraph server: push, replace vs append, atomic failure, errors, example queries."""

from __future__ import annotations

import io
import socket
import subprocess
import threading
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from kg_cli.main import cli

from kg.errors import StoreError
from kg.rdf import push, sparql
from kg.rdf import store as store_module
from kg.rdf.export import serialize
from kg.workspace import load

pytestmark = pytest.mark.store

ROOT = Path(__file__).resolve().parents[2]
OXIGRAPH = ROOT / ".venv" / "bin" / "oxigraph"
QUERIES = ROOT / "examples" / "queries"
G = "https://example.org/graphs/kg"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Oxigraph server on a free 127.0.0.1 port with a temporary store directory."""
    if not OXIGRAPH.exists():
        pytest.fail(f"the oxigraph server is missing at {OXIGRAPH}: pip install oxigraph")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(
        [
            str(OXIGRAPH),
            "serve",
            "--location",
            str(tmp_path_factory.mktemp("oxigraph")),
            "--bind",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    err = proc.stderr.read().decode() if proc.stderr else ""
                    pytest.fail(f"oxigraph did not start: {err}")
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()


def count(url: str, graph: str | None = None) -> int:
    q = (
        f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
        if graph
        else "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"
    )
    return int(sparql(None, q, store=url).rows[0][0] or 0)


def graphs(url: str) -> set[str]:
    rows = sparql(None, "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }", store=url).rows
    return {str(r[0]) for r in rows}


def n_triples(graph: nx.MultiDiGraph) -> int:
    return serialize(graph, io.BytesIO(), format="ntriples")


def test_push_replaces_a_named_graph(
    server: str, tiny_graph: nx.MultiDiGraph, hostile_graph: nx.MultiDiGraph
) -> None:
    result = push(tiny_graph, server, graph_iri=G)
    assert result.triples == n_triples(tiny_graph) == count(server, G)
    push(hostile_graph, server, graph_iri=G)
    assert count(server, G) == n_triples(hostile_graph)
    assert G in graphs(server)
    assert not any(g.startswith("urn:uuid:") for g in graphs(server))


def test_push_appends_to_a_named_graph(server: str, tiny_graph: nx.MultiDiGraph) -> None:
    other = nx.MultiDiGraph(kg_format=1)
    other.add_node("method:x", node_type="method", label="X", aliases=["X"], n_papers=0)
    target = G + "/append"
    push(tiny_graph, server, graph_iri=target)
    push(other, server + "/store", graph_iri=target, append=True)
    assert count(server, target) == n_triples(tiny_graph) + n_triples(other)
    push(other, server, graph_iri=target)  # replace again
    assert count(server, target) == n_triples(other)


def test_failed_upload_leaves_the_previous_graph_intact(
    server: str,
    tiny_graph: nx.MultiDiGraph,
    hostile_graph: nx.MultiDiGraph,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = G + "/atomic"
    push(tiny_graph, server, graph_iri=target)
    before = count(server, target)

    def half_then_garbage(graph: nx.MultiDiGraph, out: io.BufferedIOBase, **kw: object) -> int:
        n = serialize(graph, out, **kw)  # type: ignore[arg-type]
        out.write(b"<http://broken> <http://broken> this is not N-Triples .\n")
        return n

    monkeypatch.setattr(store_module, "serialize", half_then_garbage)
    with pytest.raises(StoreError, match="HTTP 400"):
        push(hostile_graph, server, graph_iri=target)
    monkeypatch.undo()
    assert count(server, target) == before
    assert not any(g.startswith("urn:uuid:") for g in graphs(server))


def test_failed_switch_leaves_the_previous_graph_intact(
    server: str,
    tiny_graph: nx.MultiDiGraph,
    hostile_graph: nx.MultiDiGraph,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = G + "/switch"
    push(tiny_graph, server, graph_iri=target)
    real_update = store_module.update
    calls: list[str] = []

    def failing_move(ends: store_module.Endpoints, text: str, *, timeout: float = 30.0) -> None:
        calls.append(text)
        if text.startswith("MOVE"):
            raise StoreError("simulated: the store went away during MOVE")
        real_update(ends, text, timeout=timeout)

    monkeypatch.setattr(store_module, "update", failing_move)
    with pytest.raises(StoreError, match="simulated"):
        push(hostile_graph, server, graph_iri=target)
    assert calls[-1].startswith("DROP SILENT GRAPH <urn:uuid:")
    monkeypatch.undo()
    assert count(server, target) == n_triples(tiny_graph)
    assert not any(g.startswith("urn:uuid:") for g in graphs(server))


def test_refused_connection_is_a_store_error(tiny_graph: nx.MultiDiGraph) -> None:
    with pytest.raises(StoreError, match="connection refused; is the triple store running"):
        push(tiny_graph, f"http://127.0.0.1:{_free_port()}", timeout=2)


def test_timeout_is_a_store_error(tiny_graph: nx.MultiDiGraph) -> None:
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:  # accept connections and never answer
        silent.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(silent.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        with pytest.raises(StoreError, match=r"did not answer .* within 0.5 s"):
            push(tiny_graph, f"http://127.0.0.1:{silent.getsockname()[1]}", timeout=0.5)
    finally:
        stop.set()
        thread.join()
        for conn in accepted:
            conn.close()
        silent.close()


def test_http_error_is_a_store_error(server: str, tiny_graph: nx.MultiDiGraph) -> None:
    with pytest.raises(StoreError, match="HTTP 404"):
        push(tiny_graph, server + "/nowhere/store")
    with pytest.raises(StoreError, match="not an http"):
        push(tiny_graph, "ftp://example.org/")


def _expected_central(graph: nx.MultiDiGraph) -> list[tuple[str, int]]:
    papers: Counter[str] = Counter()
    for node, attrs in graph.nodes(data=True):
        if attrs.get("node_type") == "method":
            papers[attrs["label"]] = len(
                {u for u, _ in graph.in_edges(node) if graph.nodes[u]["node_type"] == "paper"}
            )
    ranked = sorted(((label, n) for label, n in papers.items() if n), key=lambda x: (-x[1], x[0]))
    return ranked[:10]


def test_demo_graph_in_the_store_answers_the_example_queries(
    server: str, demo_workspace: Path
) -> None:
    graph = load(demo_workspace)
    code = CliRunner().invoke(cli, ["push", str(demo_workspace), "--store", server, "--json"])
    assert code.exit_code == 0, code.output
    assert count(server) == n_triples(graph)

    for name in ("central-methods", "evaluated-on-benchmark", "citation-chain"):
        text = (QUERIES / f"{name}.rq").read_text()
        remote, local = sparql(None, text, store=server), sparql(graph, text)
        assert remote.columns == local.columns, name
        assert remote.rows == local.rows, name
        assert remote.rows, f"{name} gave no answer on the demo corpus"

    central = sparql(None, (QUERIES / "central-methods.rq").read_text(), store=server)
    assert [(r[1], int(r[2] or 0)) for r in central.rows] == _expected_central(graph)

    on_bench = sparql(None, (QUERIES / "evaluated-on-benchmark.rq").read_text(), store=server)
    expected = {
        u
        for u, v, k in graph.edges(keys=True)
        if k == "evaluates_on" and graph.nodes[v]["label"] == "LongBench"
    }
    assert {graph.nodes[u]["title"] for u in expected} == {r[1] for r in on_bench.rows}

    chain = sparql(None, (QUERIES / "citation-chain.rq").read_text(), store=server)
    path = nx.shortest_path(
        nx.DiGraph([(u, v) for u, v, k in graph.edges(keys=True) if k == "cites"]),
        "arxiv:2409.04992",
        "arxiv:2303.06865",
    )
    assert [r[1] for r in chain.rows] == [graph.nodes[p]["title"] for p in path]


def test_cli_push_and_remote_sparql(server: str, tiny_workspace: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        cli, ["push", str(tiny_workspace), "--store", server, "--graph", G + "/cli"]
    )
    assert result.exit_code == 0, result.output
    assert "triples into <https://example.org/graphs/kg/cli>" in result.stderr
    result = runner.invoke(
        cli,
        [
            "sparql",
            "-",
            str(QUERIES / "central-methods.rq"),
            "--store",
            server,
            "--graph",
            G + "/cli",
            "-f",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    assert '"label": "FlexGen"' in result.stdout
    result = runner.invoke(
        cli,
        [
            "push",
            str(tiny_workspace),
            "--store",
            f"http://127.0.0.1:{_free_port()}",
            "--timeout",
            "2",
        ],
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot connect to")

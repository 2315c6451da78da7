"""The build and analysis commands: tables for people, JSON for scripts, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from kg_cli.main import cli

from kg.workspace import GRAPH_FILE, save

A = "arxiv:2303.06865"
B = "title:instinfer-in-storage-attention-54887386"


@pytest.fixture
def workspace(tiny_graph: nx.MultiDiGraph, tmp_path: Path) -> Path:
    tiny_graph.nodes["method:flexgen"]["merges"] = [
        {"alias": "FlexGen", "rule": "preferred", "score": 100.0, "papers": [A]},
        {"alias": "Flexgen", "rule": "same-key", "score": 100.0, "papers": [B]},
    ]
    save(tiny_graph, tmp_path / "ws")
    return tmp_path / "ws"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_graph_cli_central_table_and_json(workspace: Path) -> None:
    code, out, _ = run("central", str(workspace), "--type", "method", "--metric", "degree")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["rank", "score", "type", "id", "label"]
    assert lines[2].split()[:4] == ["1", "0.25", "method", "method:flexgen"]  # 2 of 8
    code, out, _ = run("central", str(workspace), "--type", "model", "--json", "--top", "1")
    assert code == 0
    assert [r["node"] for r in json.loads(out)] == ["model:qwen2.5"]
    assert set(json.loads(out)[0]) == {"node", "label", "node_type", "score"}


def test_graph_cli_central_states_betweenness_sampling(workspace: Path) -> None:
    code, _, err = run("central", str(workspace), "--metric", "betweenness", "-k", "3")
    assert code == 0 and "k=3 sampled sources (seed 0)" in err
    code, _, err = run("central", str(workspace), "--metric", "betweenness")
    assert "exact" in err
    code, out, _ = run("central", str(workspace), "--projection", "cooccurrence", "--json")
    assert code == 0 and all(r["node_type"] != "paper" for r in json.loads(out))


def test_graph_cli_related(workspace: Path) -> None:
    code, out, _ = run("related", str(workspace), "instinfer in-storage attention")
    assert code == 0
    assert A in out and "cites it, FlexGen" in out
    code, out, _ = run("related", str(workspace), B, "--json")
    doc = json.loads(out)
    assert doc["paper"] == B
    assert doc["related"][0]["node"] == A and doc["related"][0]["shared"] == ["method:flexgen"]


def test_graph_cli_communities(workspace: Path) -> None:
    code, out, err = run("communities", str(workspace), "--json")
    assert code == 0 and "communities" in err
    found = json.loads(out)
    assert sum(c["size"] for c in found) == 9
    assert all(c["label"] and c["top"] for c in found)
    code, out, _ = run("communities", str(workspace))
    assert out.splitlines()[0].split() == ["id", "size", "label"]


def test_graph_cli_path(workspace: Path) -> None:
    code, out, _ = run("path", str(workspace), "InstInfer", "FlexGen")
    assert code == 0
    assert (
        out.strip() == "InstInfer <--introduces-- InstInfer: In-Storage Attention "
        "--compares_with--> FlexGen"
    )
    code, out, _ = run("path", str(workspace), B, A, "--json")
    assert json.loads(out)["steps"] == [
        {"source": B, "relation": "cites", "target": A, "forward": True}
    ]


def test_graph_cli_show(workspace: Path) -> None:
    code, out, _ = run("show", str(workspace), "FlexGen")
    assert code == 0
    assert out.startswith("FlexGen  [method] method:flexgen")
    assert "introduces (1):" in out and "compares_with (1):" in out and A in out
    code, out, _ = run("show", str(workspace), A, "--json")
    doc = json.loads(out)
    assert doc["links"] == {"cited_by": [B]}
    assert doc["papers"]["introduces"] == ["method:flexgen", "repo:github.com/fminference/flexgen"]


def test_graph_cli_stats(workspace: Path) -> None:
    code, out, _ = run("stats", str(workspace))
    assert code == 0
    assert out.startswith("9 nodes, 9 edges, 1 components")
    code, out, _ = run("stats", str(workspace), "--json")
    doc = json.loads(out)
    assert doc["nodes_by_type"]["paper"] == 3 and doc["edges_by_relation"]["cites"] == 1


def test_graph_cli_explain(workspace: Path) -> None:
    code, out, _ = run("explain", str(workspace), "flexgen")
    assert code == 0
    assert "introduced by arxiv:2303.06865" in out
    assert any(line.split()[:2] == ["Flexgen", "same-key"] for line in out.splitlines())
    code, out, _ = run("explain", str(workspace), "FlexGen", "--json")
    assert [m["alias"] for m in json.loads(out)["merges"]] == ["FlexGen", "Flexgen"]


@pytest.mark.parametrize(
    "args",
    [
        ["central", "{ws}", "--metric", "closeness"],
        ["show", "{ws}", "no such thing at all"],
        ["stats", "{missing}"],
        ["related", "{ws}", "FlexGen", "--top", "0"],
    ],
)
def test_graph_cli_errors_are_one_line(workspace: Path, args: list[str]) -> None:
    args = [a.format(ws=workspace, missing=workspace.parent / "missing") for a in args]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code in (1, 2)
    assert "Traceback" not in result.output
    assert result.stderr.strip().startswith(("Error", "Usage"))


def test_graph_cli_build_and_add(tmp_path: Path) -> None:
    first = tmp_path / "a.jsonl"
    first.write_text(
        json.dumps(
            {
                "title": "FooNet: Fast",
                "arxiv_id": "2401.00001",
                "abstract": "We propose FooNet, a fast engine.",
            }
        )
        + "\n"
    )
    second = tmp_path / "b.jsonl"
    second.write_text(
        json.dumps(
            {
                "title": "BarServe",
                "arxiv_id": "2402.00002",
                "abstract": "Compared to FooNet, BarServe is faster.",
            }
        )
        + "\n"
    )
    aliases = tmp_path / "aliases.json"
    aliases.write_text(json.dumps({"merge": [{"names": ["FooNet", "Foo Network"]}]}))
    ws = tmp_path / "ws"
    result = CliRunner().invoke(
        cli, ["build", str(first), "-o", str(ws), "--aliases", str(aliases)]
    )
    assert result.exit_code == 0, result.output
    assert "built" in result.stderr and "1 papers" in result.stderr
    assert {p.name for p in ws.iterdir()} >= {GRAPH_FILE, "graph.ttl", "graph.html"}
    result = CliRunner().invoke(cli, ["add", str(ws), str(second), "--quiet"])
    assert result.exit_code == 0 and result.stderr == ""
    code, out, _ = run("show", str(ws), "FooNet", "--json")
    assert code == 0
    doc = json.loads(out)
    assert "Foo Network" in doc["attributes"]["aliases"]
    assert "arxiv:2402.00002" in {p for ps in doc["papers"].values() for p in ps}
    _code, out, _ = run("related", str(ws), "arxiv:2401.00001", "--json")
    (first_related,) = json.loads(out)["related"]
    assert first_related["node"] == "arxiv:2402.00002" and first_related["cited_by"]

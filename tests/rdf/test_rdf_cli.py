"""The RDF commands: export, import, validate, sparql (push is in test_rdf_store.py)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from kg_cli.main import cli

from kg.rdf import export as export_graph
from kg.workspace import load

from .test_rdf_roundtrip import assert_same_graph


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "jsonld", "xml", "trig", "nquads"])
def test_export_to_stdout_equals_the_library_export(
    fmt: str, tiny_workspace: Path, tiny_graph: nx.MultiDiGraph
) -> None:
    result = CliRunner().invoke(cli, ["export", str(tiny_workspace), "--format", fmt])
    assert result.exit_code == 0, result.output
    out = io.BytesIO()
    export_graph(tiny_graph, out, format=fmt)
    assert result.stdout_bytes == out.getvalue()


def test_export_to_file_with_base(tiny_workspace: Path, tmp_path: Path) -> None:
    target = tmp_path / "g.nt"
    code, stdout, stderr = run(
        "export",
        str(tiny_workspace),
        "-f",
        "ntriples",
        "-o",
        str(target),
        "--base",
        "https://example.org/kg/",
    )
    assert code == 0
    assert stdout == ""
    assert f"wrote {target}" in stderr
    assert "<https://example.org/kg/method/flexgen>" in target.read_text()


def test_export_errors_are_one_line(tiny_workspace: Path, tmp_path: Path) -> None:
    code, _, stderr = run("export", str(tiny_workspace), "--base", "not an iri")
    assert code == 1
    assert stderr.startswith("Error: base IRI 'not an iri' is not usable")
    assert "Traceback" not in stderr
    code, _, stderr = run("export", str(tmp_path / "missing"))
    assert code == 1 and stderr.startswith("Error:")


def test_import_round_trips_through_a_workspace(
    tiny_workspace: Path, tiny_graph: nx.MultiDiGraph, tmp_path: Path
) -> None:
    ttl = tmp_path / "g.ttl"
    assert run("export", str(tiny_workspace), "-o", str(ttl))[0] == 0
    code, _, stderr = run("import", str(ttl), "-o", str(tmp_path / "back"))
    assert code == 0, stderr
    assert "9 nodes and 9 edges" in stderr
    assert_same_graph(tiny_graph, load(tmp_path / "back"))


def test_validate_exit_codes_and_report(tiny_workspace: Path, tmp_path: Path) -> None:
    ttl = tmp_path / "g.ttl"
    run("export", str(tiny_workspace), "-o", str(ttl))
    code, stdout, _ = run("validate", str(ttl))
    assert code == 0
    assert stdout.startswith("conforms: ")
    bad = tmp_path / "bad.ttl"
    bad.write_text(ttl.read_text().replace("kg:confidence 0.9", "kg:confidence 9.5", 1))
    code, stdout, _ = run("validate", str(bad))
    assert code == 1
    assert "1 violation(s)" in stdout and "kg:confidence" in stdout
    code, stdout, _ = run("validate", str(bad), "--json")
    doc = json.loads(stdout)
    assert code == 1 and doc["conforms"] is False
    assert [v["path"] for v in doc["violations"]] == ["kg:confidence"]


def test_sparql_formats(tiny_workspace: Path, examples_dir: Path) -> None:
    query = str(examples_dir / "queries" / "central-methods.rq")
    code, stdout, stderr = run("sparql", str(tiny_workspace), query, "--format", "json")
    assert code == 0, stderr
    rows = json.loads(stdout)
    assert [(r["label"], r["papers"]) for r in rows] == [("FlexGen", "2"), ("InstInfer", "1")]
    code, stdout, _ = run("sparql", str(tiny_workspace), query, "--format", "csv")
    assert list(csv.reader(io.StringIO(stdout)))[1:] == [
        ["https://w3id.org/kg/id/method/flexgen", "FlexGen", "2"],
        ["https://w3id.org/kg/id/method/instinfer", "InstInfer", "1"],
    ]
    code, stdout, stderr = run("sparql", str(tiny_workspace), query)
    assert stdout.splitlines()[0].split() == ["method", "label", "papers"]
    assert "2 row(s)" in stderr
    code, stdout, _ = run(
        "sparql", str(tiny_workspace), "ASK { ?s a <https://w3id.org/kg/ns#Paper> }", "-f", "json"
    )
    assert json.loads(stdout) is True


def test_sparql_bad_query_is_a_one_line_error(tiny_workspace: Path) -> None:
    code, _, stderr = run("sparql", str(tiny_workspace), "SELECT WHERE {")
    assert code == 1
    assert stderr.startswith("Error: the SPARQL query is not valid")
    code, _, stderr = run("sparql", "-", "SELECT * {}")
    assert code == 2 and "--store" in stderr

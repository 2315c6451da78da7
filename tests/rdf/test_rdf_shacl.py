"""SHACL validation: kg's exports conform; broken ones are reported readably."""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pytest

from kg.errors import ExportError
from kg.rdf import export, validate


def test_tiny_graph_conforms(tiny_graph: nx.MultiDiGraph) -> None:
    report = validate(tiny_graph)
    assert report.conforms, str(report)
    assert report.violations == ()
    assert str(report).startswith("conforms: ")


@pytest.mark.parametrize("fmt", ["turtle", "trig", "jsonld"])
def test_hostile_export_conforms(fmt: str, hostile_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = tmp_path / f"g.{ {'turtle': 'ttl', 'trig': 'trig', 'jsonld': 'jsonld'}[fmt] }"
    export(hostile_graph, path, format=fmt)
    report = validate(path)
    assert report.conforms, str(report)
    assert report.triples > 800


def test_broken_graph_gives_readable_violations(tiny_graph: nx.MultiDiGraph) -> None:
    g = tiny_graph
    g.nodes["method:flexgen"]["n_papers"] = None
    g.nodes["method:instinfer"]["label"] = None
    mention = g.edges["title:hostile-0badc0de", "benchmark:longbench", "evaluates_on"]["mentions"][
        0
    ]
    mention["confidence"] = 3
    mention["field"] = "body"
    g.add_node("method:ghost")  # a link to a node that is no entity
    g.add_edge(
        "arxiv:2303.06865", "method:ghost", key="uses", relation="uses", weight=1.0, mentions=[]
    )
    report = validate(g)
    assert not report.conforms
    text = str(report)
    expected = {
        ("<https://w3id.org/kg/id/method/flexgen>", "kg:paperCount"),
        ("<https://w3id.org/kg/id/method/instinfer>", "skos:prefLabel"),
        (
            "<https://w3id.org/kg/id/paper/title:hostile-0badc0de#evaluates_on/benchmark:longbench/1>",
            "kg:confidence",
        ),
        (
            "<https://w3id.org/kg/id/paper/title:hostile-0badc0de#evaluates_on/benchmark:longbench/1>",
            "kg:field",
        ),
        ("<https://w3id.org/kg/id/paper/arxiv:2303.06865>", "kg:uses"),
    }
    assert expected <= {(v.focus, v.path) for v in report.violations}
    assert (
        "kg:confidence: A mention needs exactly one kg:confidence, an xsd:decimal between 0 and 1."
        in text
    )
    assert "(value: '3.0')" in text
    assert text.splitlines()[0].endswith("triples:")


def test_handwritten_turtle_with_wrong_datatype(tmp_path: Path) -> None:
    path = tmp_path / "bad.ttl"
    path.write_text(
        "@prefix kg: <https://w3id.org/kg/ns#> .\n"
        "@prefix dcterms: <http://purl.org/dc/terms/> .\n"
        '<http://x/p> a kg:Paper ; dcterms:identifier "p" ; dcterms:title "T" ;\n'
        '    kg:upvotes "many" .\n'
    )
    report = validate(path)
    assert {(v.path, v.value) for v in report.violations} == {("kg:upvotes", "'many'")}
    assert any("xsd:integer" in v.message for v in report.violations)


def test_unreadable_input_raises_export_error(tmp_path: Path) -> None:
    (tmp_path / "x.ttl").write_text("not turtle at all")
    with pytest.raises(ExportError, match="not valid turtle"):
        validate(tmp_path / "x.ttl")
    with pytest.raises(ExportError, match="give the format"):
        validate(io.BytesIO(b""))

"""The demo corpus, built by the real pipeline: its export conforms and round-trips."""

from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from kg.rdf import export, read_rdf, validate
from kg.workspace import load

from .test_rdf_roundtrip import assert_same_graph


def test_build_writes_the_turtle_export(demo_workspace: Path) -> None:
    graph = load(demo_workspace)
    out = io.BytesIO()
    export(graph, out)
    assert (demo_workspace / "graph.ttl").read_bytes() == out.getvalue()


@pytest.mark.slow
def test_demo_export_conforms_and_parses_with_both_parsers(demo_workspace: Path) -> None:
    ttl = demo_workspace / "graph.ttl"
    report = validate(ttl)
    assert report.conforms, str(report)[:2000]
    assert report.triples > 10_000
    assert len(Graph().parse(ttl, format="turtle")) == report.triples
    assert len(list(ox.parse(path=str(ttl), format=ox.RdfFormat.TURTLE))) == report.triples


def test_demo_round_trip_is_exact(demo_workspace: Path) -> None:
    graph = load(demo_workspace)
    back = read_rdf(demo_workspace / "graph.ttl")
    assert_same_graph(graph, back)
    assert dict(back.nodes(data=True)) == {
        n: {**_defaults(a), **a} for n, a in graph.nodes(data=True)
    }


def _defaults(attrs: dict[str, object]) -> dict[str, object]:
    from .test_rdf_roundtrip import ENTITY_DEFAULTS, PAPER_DEFAULTS

    return dict(PAPER_DEFAULTS if attrs["node_type"] == "paper" else ENTITY_DEFAULTS)

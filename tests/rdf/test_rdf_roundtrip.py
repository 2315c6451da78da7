"""Reading an export back gives the same graph: nodes, edges, keys, schema attributes."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from kg.errors import ExportError
from kg.rdf import FORMATS, export, read_rdf
from kg.rdf.export import SUFFIXES
from kg.rdf.imports import parse_rdf

PAPER_DEFAULTS: dict[str, Any] = {
    "label": None,
    "title": "",
    "abstract": "",
    "date": None,
    "updated": None,
    "authors": [],
    "n_authors": None,
    "upvotes": None,
    "organisation": None,
    "urls": [],
    "arxiv_id": None,
    "doi": None,
    "categories": [],
    "sources": [],
}
ENTITY_DEFAULTS: dict[str, Any] = {
    "label": None,
    "aliases": [],
    "introduced_by": [],
    "n_papers": 0,
    "url": None,
    "family": None,
    "size": None,
    "variant": None,
}
#: multi-valued properties: their order survives kg's own writers, not rdflib's.
SETS = {"aliases", "introduced_by", "urls", "categories", "sources", "via"}
ORDERED_FORMATS = {"turtle", "trig", "ntriples", "nquads"}


def _normal(attrs: dict[str, Any], defaults: dict[str, Any], ordered: bool) -> dict[str, Any]:
    out = {k: attrs.get(k, v) for k, v in defaults.items()}
    out["node_type"] = attrs["node_type"]
    if "merges" in attrs:
        out["merges"] = attrs["merges"]
    if not ordered:
        for key in SETS & out.keys():
            out[key] = sorted(out[key])
        if "merges" in out:
            out["merges"] = [{**m, "papers": sorted(m["papers"])} for m in out["merges"]]
    return out


def assert_same_graph(a: nx.MultiDiGraph, b: nx.MultiDiGraph, *, ordered: bool = True) -> None:
    assert b.graph.get("kg_format") == 1
    assert sorted(a.nodes) == sorted(b.nodes)
    for n, attrs in a.nodes(data=True):
        defaults = PAPER_DEFAULTS if attrs["node_type"] == "paper" else ENTITY_DEFAULTS
        assert _normal(attrs, defaults, ordered) == _normal(b.nodes[n], defaults, ordered), n
    assert sorted(a.edges(keys=True)) == sorted(b.edges(keys=True))
    for u, v, k, d in a.edges(keys=True, data=True):
        other = b.edges[u, v, k]
        if not ordered and "via" in d:
            other, d = {**other, "via": sorted(other["via"])}, {**d, "via": sorted(d["via"])}
        assert other == d, (u, v, k)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_round_trip_gives_the_same_graph(
    fmt: str, hostile_graph: nx.MultiDiGraph, hostile_xml_graph: nx.MultiDiGraph
) -> None:
    if fmt == "xml":  # XML 1.0 cannot carry C0 control characters at all
        hostile_graph = hostile_xml_graph
    out = io.BytesIO()
    export(hostile_graph, out, format=fmt)
    back = parse_rdf(out.getvalue(), format=fmt)
    assert_same_graph(hostile_graph, back, ordered=fmt in ORDERED_FORMATS)


def test_round_trip_is_exact_for_the_tiny_graph(
    tiny_graph: nx.MultiDiGraph, tmp_path: Path
) -> None:
    path = tmp_path / f"g{SUFFIXES['turtle']}"
    export(tiny_graph, path)
    back = read_rdf(path)
    assert_same_graph(tiny_graph, back)
    # a second trip is exact, attribute for attribute
    export(back, tmp_path / "h.ttl")
    again = read_rdf(tmp_path / "h.ttl")
    assert dict(again.nodes(data=True)) == dict(back.nodes(data=True))
    assert list(again.edges(keys=True, data=True)) == list(back.edges(keys=True, data=True))
    assert (tmp_path / "h.ttl").read_bytes() == path.read_bytes()


def test_reading_something_else_fails_with_advice(tmp_path: Path) -> None:
    (tmp_path / "x.ttl").write_text("<http://a> <http://b> <http://c> .")
    with pytest.raises(ExportError, match="no kg:Paper or entity"):
        read_rdf(tmp_path / "x.ttl")
    (tmp_path / "y.ttl").write_text("this is not turtle")
    with pytest.raises(ExportError, match="not valid turtle"):
        read_rdf(tmp_path / "y.ttl")
    with pytest.raises(ExportError, match="cannot tell the RDF format"):
        read_rdf(tmp_path / "y.txt")
    with pytest.raises(ExportError, match="cannot read"):
        read_rdf(tmp_path / "missing.ttl")

"""Exports parse with rdflib and pyoxigraph, are deterministic, and the fast writers agree
with rdflib's serialisers."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import ExportError
from kg.rdf import FORMATS, export
from kg.rdf.export import SUFFIXES
from kg.rdf.imports import RDF_FORMATS
from kg.rdf.triples import Lit, Statement, statements, to_rdflib, triples
from kg.rdf.vocab import DCTERMS, KG, PROV, SKOS, XSD
from kg.rdf.writers import FAST_WRITERS

from .conftest import shuffled_copy

RDFLIB_NAMES = {
    "turtle": "turtle",
    "trig": "trig",
    "ntriples": "nt",
    "nquads": "nquads",
    "jsonld": "json-ld",
    "xml": "xml",
}


def _bytes(graph: nx.MultiDiGraph, fmt: str, base: str = "https://w3id.org/kg/id/") -> bytes:
    out = io.BytesIO()
    export(graph, out, format=fmt, base=base)
    return out.getvalue()


def _dataset(data: bytes, fmt: str) -> Dataset:
    ds = Dataset()
    with warnings.catch_warnings():
        # rdflib 7.6's own dataset parsers call its deprecated ConjunctiveGraph API
        warnings.simplefilter("ignore", DeprecationWarning)
        ds.parse(data=data, format=RDFLIB_NAMES[fmt])
    return ds


def _rdflib_parse(data: bytes, fmt: str) -> Graph:
    if fmt in ("trig", "nquads", "jsonld"):
        g = Graph()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            for s, p, o, _ in _dataset(data, fmt).quads():
                g.add((s, p, o))
        return g
    return Graph().parse(data=data, format=RDFLIB_NAMES[fmt])


def _reference(graph: nx.MultiDiGraph) -> Graph:
    g = Graph()
    for t in triples(graph):
        g.add(t)
    return g


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("which", ["tiny", "hostile"])
def test_export_parses_with_rdflib_and_pyoxigraph_to_the_same_triples(
    fmt: str,
    which: str,
    tiny_graph: nx.MultiDiGraph,
    hostile_graph: nx.MultiDiGraph,
    hostile_xml_graph: nx.MultiDiGraph,
) -> None:
    graph = tiny_graph if which == "tiny" else hostile_graph
    if fmt == "xml" and which == "hostile":
        with pytest.raises(ExportError, match="RDF/XML cannot carry the control character U"):
            _bytes(graph, fmt)
        graph = hostile_xml_graph
    data = _bytes(graph, fmt)
    reference = _reference(graph)
    assert isomorphic(_rdflib_parse(data, fmt), reference)
    quads = list(ox.parse(data, format=RDF_FORMATS[fmt]))
    assert len({(q.subject, q.predicate, q.object) for q in quads}) == len(reference)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_is_byte_identical_and_independent_of_insertion_order(
    fmt: str, hostile_graph: nx.MultiDiGraph, hostile_xml_graph: nx.MultiDiGraph
) -> None:
    if fmt == "xml":
        hostile_graph = hostile_xml_graph
    first = _bytes(hostile_graph, fmt)
    assert _bytes(hostile_graph, fmt) == first
    for seed in (1, 2):
        assert _bytes(shuffled_copy(hostile_graph, seed), fmt) == first


def test_trig_has_a_named_graph_per_source_file(tiny_graph: nx.MultiDiGraph) -> None:
    ds = _dataset(_bytes(tiny_graph, "trig"), "trig")
    names = {str(g.identifier) for g in ds.graphs()} - {str(ds.default_graph.identifier)}
    base = "https://w3id.org/kg/id/"
    assert names == {
        base + "source/a.txt",
        base + "source/b.txt",
        base + "source/d.json",
        base + "graph/entities",
    }
    paper = URIRef(base + "paper/arxiv:2303.06865")
    assert (paper, DCTERMS.identifier, Literal("arxiv:2303.06865")) in ds.graph(
        URIRef(base + "source/a.txt")
    )


def test_literals_carry_datatypes(tiny_graph: nx.MultiDiGraph) -> None:
    g = _rdflib_parse(_bytes(tiny_graph, "turtle"), "turtle")
    base = "https://w3id.org/kg/id/paper/"
    dates = {str(s).removeprefix(base): o.datatype for s, o in g.subject_objects(DCTERMS.date)}
    assert dates == {
        "arxiv:2303.06865": XSD.date,
        "title:instinfer-in-storage-attention-54887386": XSD.gMonthDay,
        "title:hostile-0badc0de": XSD.gYear,
    }
    assert {o.datatype for o in g.objects(None, KG.upvotes)} == {XSD.integer}
    assert {o.datatype for o in g.objects(None, KG.confidence)} == {XSD.decimal}
    assert {o.datatype for o in g.objects(None, KG.start)} == {XSD.integer}


def test_every_link_traces_back_to_its_sentence(tiny_graph: nx.MultiDiGraph) -> None:
    g = _rdflib_parse(_bytes(tiny_graph, "turtle"), "turtle")
    q = """
    PREFIX kg: <https://w3id.org/kg/ns#>
    PREFIX prov: <http://www.w3.org/ns/prov#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT ?text ?field ?start ?end ?sentence ?extractor ?confidence {
      ?paper kg:evaluatesOn ?e ; kg:qualifiedLink ?l .
      ?l kg:target ?e ; kg:role kg:evaluatesOn ; kg:hasMention ?m .
      ?m prov:value ?text ; kg:field ?field ; kg:start ?start ; kg:end ?end ;
         kg:sentence ?sentence ; kg:extractor/rdfs:label ?extractor ; kg:confidence ?confidence ;
         kg:inPaper ?paper .
    }"""
    rows = [tuple(x.toPython() for x in row) for row in g.query(q)]  # type: ignore[union-attr]
    assert len(rows) == 1
    text, field, start, end, sentence, extractor, confidence = rows[0]
    assert (text, field, start, end, extractor) == ("LongBench", "abstract", 26, 35, "test")
    assert str(confidence) == "0.9"
    assert sentence == "We evaluate Qwen2.5-7B on LongBench"
    assert sentence[start:end] == text


def test_aliases_are_skos_labels_and_prefLabel_is_not_an_altLabel(
    tiny_graph: nx.MultiDiGraph,
) -> None:
    g = _rdflib_parse(_bytes(tiny_graph, "turtle"), "turtle")
    e = URIRef("https://w3id.org/kg/id/method/flexgen")
    assert set(g.objects(e, SKOS.prefLabel)) == {Literal("FlexGen")}
    assert set(g.objects(e, SKOS.altLabel)) == {Literal("Flexgen")}
    assert set(g.objects(e, KG.alias)) == {Literal("FlexGen"), Literal("Flexgen")}


def test_base_iri_is_configurable(tiny_graph: nx.MultiDiGraph) -> None:
    data = _bytes(tiny_graph, "ntriples", base="https://example.org/kg#")
    assert b"<https://example.org/kg#method/flexgen>" in data
    assert b"w3id.org/kg/id" not in data


def test_export_to_path_is_atomic_and_unknown_format_lists_the_choices(
    tiny_graph: nx.MultiDiGraph, tmp_path: Path
) -> None:
    target = tmp_path / "g.ttl"
    target.write_text("old")
    with pytest.raises(ExportError, match="Available formats: jsonld, nquads"):
        export(tiny_graph, target, format="n3")
    assert target.read_text() == "old"
    export(tiny_graph, target)
    assert target.read_bytes() == _bytes(tiny_graph, "turtle")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.ttl"]
    assert set(SUFFIXES) == set(FORMATS)


# --- the fast writers against rdflib, on arbitrary statements -------------------------

_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=20)
_IRI = st.sampled_from(
    [
        "https://w3id.org/kg/id/paper/a",
        "https://w3id.org/kg/id/method/x%20y",
        "https://w3id.org/kg/id/paper/a#uses/method:x/1",
        str(KG.Paper),
        str(SKOS.prefLabel),
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
        "http://other.example/ns#thing-1",
    ]
)
_LIT = st.one_of(
    _TEXT.map(Lit),
    st.integers(-(10**20), 10**20).map(lambda n: Lit(str(n), str(XSD.integer))),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(
        lambda d: Lit(
            format(d, "f") if "." in format(d, "f") else format(d, "f") + ".0", str(XSD.decimal)
        )
    ),
    st.sampled_from(
        [
            Lit("2024-01-02", str(XSD.date)),
            Lit("--02-29", str(XSD.gMonthDay)),
            Lit("x", str(PROV.value)),
        ]
    ),
)
_GRAPH = st.sampled_from(
    [None, "https://w3id.org/kg/id/source/a.txt", "https://w3id.org/kg/id/graph/entities"]
)
_STATEMENTS = st.lists(st.tuples(_IRI, _IRI, st.one_of(_IRI, _LIT), _GRAPH), max_size=25)


@settings(max_examples=120, deadline=None)
@given(_STATEMENTS)
def test_fast_writers_match_rdflib(stream: list[Statement]) -> None:
    stream.sort(key=lambda s: s[0])  # writers group runs of one subject, as statements() yields
    reference = Graph()
    for s, p, o, _ in stream:
        reference.add((URIRef(s), URIRef(p), to_rdflib(o)))
    for fmt, writer in FAST_WRITERS.items():
        out = io.BytesIO()
        assert writer(iter(stream), out, base="https://w3id.org/kg/id/") == len(stream)
        assert isomorphic(_rdflib_parse(out.getvalue(), fmt), reference), fmt
        parsed = list(ox.parse(out.getvalue(), format=RDF_FORMATS[fmt]))
        assert len({(q.subject, q.predicate, q.object) for q in parsed}) == len(reference)


def test_rdflib_turtle_and_kg_turtle_are_isomorphic(hostile_graph: nx.MultiDiGraph) -> None:
    reference = _reference(hostile_graph)
    via_rdflib = Graph().parse(data=reference.serialize(format="turtle"), format="turtle")
    ours = _rdflib_parse(_bytes(hostile_graph, "turtle"), "turtle")
    assert isomorphic(via_rdflib, ours)
    assert len(list(statements(hostile_graph))) == len(reference)

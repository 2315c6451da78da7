"""Every id, title or name gives a valid IRI that two independent parsers accept."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, URIRef

from kg.errors import ExportError
from kg.rdf.iris import DEFAULT_BASE, Minter, check_base, encode

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
IRI_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/%#")


def _accepted(iri: str) -> None:
    ox.NamedNode(iri)  # raises ValueError on an invalid IRI
    g = Graph().parse(data=f"<{iri}> <http://x/p> <{iri}> .\n", format="nt")
    assert set(g.subjects()) == {URIRef(iri)}
    parsed = list(ox.parse(f"<{iri}> <http://x/p> <{iri}> .\n", format=ox.RdfFormat.TURTLE))
    assert parsed[0].subject.value == iri


@settings(max_examples=150, deadline=None)
@given(TEXT, TEXT, st.sampled_from(["method", "benchmark", "model", "repo", "title", "doi"]))
def test_any_id_gives_a_valid_iri(key: str, other: str, kind: str) -> None:
    m = Minter(DEFAULT_BASE)
    node_id = f"{kind}:{key}"
    for iri in (
        m.node(node_id),
        m.link(node_id, "uses", f"model:{other}"),
        m.mention(node_id, "uses", other, 3),
        m.citation(node_id, other),
        m.author(node_id, 1),
        m.extractor(other),
        m.source_graph(other),
    ):
        assert set(iri) <= IRI_CHARS, iri
        _accepted(iri)


@settings(max_examples=150, deadline=None)
@given(TEXT, TEXT)
def test_encoding_is_one_to_one(a: str, b: str) -> None:
    m = Minter(DEFAULT_BASE)
    if a != b:
        assert encode(a) != encode(b)
        assert encode(a, keep_slash=True) != encode(b, keep_slash=True)
        assert m.node(f"method:{a}") != m.node(f"method:{b}")
        assert m.link("arxiv:1", "uses", a) != m.link("arxiv:1", "uses", b)


@pytest.mark.parametrize(
    ("node_id", "expected"),
    [
        ("arxiv:2303.06865", "paper/arxiv:2303.06865"),
        ("doi:10.1145/3620666.3651357", "paper/doi:10.1145/3620666.3651357"),
        ("method:flexgen", "method/flexgen"),
        ("repo:github.com/fminference/flexgen", "repo/github.com/fminference/flexgen"),
        ('method:a b>c"', "method/a%20b%3Ec%22"),
        ("method:../x", "method/%2E%2E/x"),
        ("method:思维链", "method/%E6%80%9D%E7%BB%B4%E9%93%BE"),
    ],
)
def test_iris_are_readable_slugs(node_id: str, expected: str) -> None:
    assert Minter("https://example.org/kg/").node(node_id) == "https://example.org/kg/" + expected


@pytest.mark.parametrize(
    "base",
    [
        "example.org/",
        "https://example.org",
        "https://ex ample.org/",
        "https://example.org/<x>/",
        "https://例え.jp/",
    ],
)
def test_unusable_base_is_refused_with_advice(base: str) -> None:
    with pytest.raises(ExportError, match="ending in '/' or '#'"):
        check_base(base)

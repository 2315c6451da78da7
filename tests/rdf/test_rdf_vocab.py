"""The vocabulary object, the ontology and the shapes agree with each other."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import SH

from kg.rdf.shacl import ontology_graph, shapes_graph
from kg.rdf.vocab import CITO, KG, KG_NS, ROLE_PROPERTIES


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return ontology_graph()


def _ontology_terms(ontology: Graph) -> set[str]:
    return {
        str(s)
        for s in ontology.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(KG_NS)
    }


def test_vocab_names_exactly_the_ontology_terms(ontology: Graph) -> None:
    vocab = {str(KG[name]) for name in KG.__annotations__}
    assert vocab == _ontology_terms(ontology)


def test_every_term_has_english_label_and_comment(ontology: Graph) -> None:
    terms = _ontology_terms(ontology) | {"https://w3id.org/kg/ns"}
    for term in terms:
        labels = list(ontology.objects(URIRef(term), RDFS.label))
        comments = list(ontology.objects(URIRef(term), RDFS.comment))
        assert labels and comments, term
        assert all(getattr(x, "language", None) == "en" for x in labels + comments), term


def test_vocab_fails_on_typos() -> None:
    with pytest.raises(AttributeError):
        KG.evaluatesOnn  # noqa: B018
    with pytest.raises(AttributeError):
        CITO.citez  # noqa: B018


@pytest.mark.parametrize(
    ("term", "relation", "parent"),
    [
        (KG.Paper, RDFS.subClassOf, "https://schema.org/ScholarlyArticle"),
        (KG.Benchmark, RDFS.subClassOf, "https://schema.org/Dataset"),
        (KG.Repository, RDFS.subClassOf, "https://schema.org/SoftwareSourceCode"),
        (KG.Mention, RDFS.subClassOf, "http://www.w3.org/ns/prov#Entity"),
        (KG.Extractor, RDFS.subClassOf, "http://www.w3.org/ns/prov#SoftwareAgent"),
        (KG.cites, RDFS.subPropertyOf, "http://purl.org/spar/cito/cites"),
        (KG.mentions, RDFS.subPropertyOf, "https://schema.org/mentions"),
        (KG.inPaper, RDFS.subPropertyOf, "http://www.w3.org/ns/prov#wasQuotedFrom"),
        (KG.extractor, RDFS.subPropertyOf, "http://www.w3.org/ns/prov#wasAttributedTo"),
        (KG.qualifiedLink, RDFS.subPropertyOf, "http://www.w3.org/ns/prov#qualifiedInfluence"),
    ],
)
def test_alignment_with_reused_vocabularies(
    ontology: Graph, term: URIRef, relation: URIRef, parent: str
) -> None:
    assert (term, relation, URIRef(parent)) in ontology


def test_roles_are_object_properties_refining_mentions(ontology: Graph) -> None:
    for prop in ROLE_PROPERTIES.values():
        assert (prop, RDF.type, OWL.ObjectProperty) in ontology
        if prop != KG.mentions:
            assert (prop, RDFS.subPropertyOf, KG.mentions) in ontology


def test_shapes_use_only_ontology_terms(ontology: Graph) -> None:
    terms = _ontology_terms(ontology)
    used = {
        str(o)
        for o in shapes_graph().objects()
        if isinstance(o, URIRef) and str(o).startswith(KG_NS)
    }
    assert used <= terms, used - terms
    targets = set(shapes_graph().objects(None, SH.targetClass))
    assert {KG.Paper, KG.Entity, KG.Link, KG.Mention, KG.CitationLink} <= targets

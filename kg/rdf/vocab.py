"""Every IRI kg writes comes from a named vocabulary object that fails on typos.

``KG`` names the terms of ``ontology/kg.ttl`` (the source of truth; a test compares the two
term sets). Terms reused from other vocabularies come from rdflib's own namespaces (``SDO``
for schema.org, ``DCTERMS``, ``PROV``, ``SKOS``) and from ``CITO`` for the SPAR Citation
Typing Ontology, which rdflib does not ship.

Examples
--------
>>> str(KG.evaluatesOn)
'https://w3id.org/kg/ns#evaluatesOn'
>>> KG.evaluatesOnn
Traceback (most recent call last):
...
AttributeError: term 'evaluatesOnn' not in namespace 'https://w3id.org/kg/ns#'
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import (
    DCTERMS,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    XSD,
    ClosedNamespace,
    DefinedNamespace,
)

__all__ = [
    "CITO",
    "DCTERMS",
    "KG",
    "KG_NS",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "ROLE_PROPERTIES",
    "SDO",
    "SKOS",
    "XSD",
]

KG_NS = "https://w3id.org/kg/ns#"


class KG(DefinedNamespace):
    """The kg ontology (``ontology/kg.ttl``)."""

    _NS = Namespace(KG_NS)
    _fail = True

    # classes
    Paper: URIRef
    Entity: URIRef
    Method: URIRef
    Benchmark: URIRef
    Model: URIRef
    Repository: URIRef
    Link: URIRef
    Mention: URIRef
    Extractor: URIRef
    CitationLink: URIRef
    AliasMerge: URIRef
    # roles
    mentions: URIRef
    introduces: URIRef
    evaluatesOn: URIRef
    comparesWith: URIRef
    uses: URIRef
    introducedBy: URIRef
    # derived links
    cites: URIRef
    variantOf: URIRef
    family: URIRef
    via: URIRef
    # qualified links and provenance
    qualifiedLink: URIRef
    target: URIRef
    role: URIRef
    hasMention: URIRef
    inPaper: URIRef
    extractor: URIRef
    field: URIRef
    start: URIRef
    end: URIRef
    sentence: URIRef
    sentenceStart: URIRef
    sentenceEnd: URIRef
    confidence: URIRef
    weight: URIRef
    position: URIRef
    # paper attributes
    arxivId: URIRef
    doi: URIRef
    upvotes: URIRef
    authorCount: URIRef
    sourceRecord: URIRef
    # entity attributes
    alias: URIRef
    paperCount: URIRef
    size: URIRef
    variant: URIRef
    merge: URIRef
    mergedAlias: URIRef
    mergeRule: URIRef
    mergeScore: URIRef
    mergePaper: URIRef


#: The SPAR Citation Typing Ontology terms kg uses.
CITO = ClosedNamespace(
    "http://purl.org/spar/cito/",
    ["cites", "Citation", "hasCitingEntity", "hasCitedEntity"],
)

#: graph-schema role (edge key) -> role property.
ROLE_PROPERTIES: dict[str, URIRef] = {
    "introduces": KG.introduces,
    "evaluates_on": KG.evaluatesOn,
    "compares_with": KG.comparesWith,
    "uses": KG.uses,
    "mentions": KG.mentions,
}

#: prefix -> namespace IRI, in the order Turtle output declares them.
PREFIXES: dict[str, str] = {
    "kg": KG_NS,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "schema": str(SDO),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "skos": str(SKOS),
    "cito": "http://purl.org/spar/cito/",
    "owl": str(OWL),
}

"""The one mapping from kg's graph schema onto the kg ontology, as a stream of statements.

:func:`statements` walks a graph in a fixed order (nodes sorted by id, edges by key and
target, list attributes in their own order) and yields ``(subject, predicate, object,
graph)`` tuples, so every writer produces byte-identical output for the same graph whatever
order its nodes were added in. IRIs are
plain ``str`` (minted by :mod:`kg.rdf.iris`, vocabulary terms from :mod:`kg.rdf.vocab`),
literals are :class:`Lit` (lexical form and datatype IRI): making an rdflib ``Literal`` costs
3-11 µs, which would dominate a million-triple export; :func:`triples` converts to rdflib terms
for rdflib's own serialisers and tests.

What a paper becomes (names in the ontology, see ``ontology/README.md``)::

    <paper/arxiv:2303.06865> a kg:Paper, schema:ScholarlyArticle ;
        dcterms:identifier "arxiv:2303.06865" ; dcterms:title "..." ;
        dcterms:date "2023-03-13"^^xsd:date ; kg:introduces <method/flexgen> ;
        kg:qualifiedLink <paper/arxiv:2303.06865#introduces/method:flexgen> .
    <...#introduces/method:flexgen> a kg:Link ; kg:role kg:introduces ;
        kg:target <method/flexgen> ; kg:weight 1.0 ;
        kg:hasMention <...#introduces/method:flexgen/1> .
    <...#introduces/method:flexgen/1> a kg:Mention ; prov:value "FlexGen" ;
        kg:field "title" ; kg:start 0 ; kg:end 7 ; kg:sentence "..." ;
        kg:extractor <extractor/test> ; kg:confidence 0.9 .
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from types import SimpleNamespace
from typing import Any, NamedTuple

import networkx as nx
from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.rdf import vocab
from kg.rdf.iris import DEFAULT_BASE, Minter

__all__ = [
    "ENTITY_CLASSES",
    "Lit",
    "Statement",
    "date_datatype",
    "statements",
    "to_rdflib",
    "triples",
]

log = logging.getLogger(__name__)


def _plain(namespace: Any, names: str) -> Any:
    """A plain-``str`` mirror of the vocabulary terms this module uses.

    rdflib's ``DefinedNamespace`` attribute lookup costs about 5 µs and its ``URIRef`` never
    equals a ``str``; a million-triple export looks terms up a million times. The mirror
    still fails on a typo (AttributeError), and every term still comes from :mod:`kg.rdf.vocab`.
    """
    return SimpleNamespace(**{name: str(getattr(namespace, name)) for name in names.split()})


KG = _plain(vocab.KG, " ".join(vocab.KG.__annotations__))
RDF = _plain(vocab.RDF, "type")
RDFS = _plain(vocab.RDFS, "label")
DCTERMS = _plain(vocab.DCTERMS, "abstract date identifier modified subject title")
SDO = _plain(
    vocab.SDO,
    "CreativeWork Dataset Person ScholarlyArticle SoftwareSourceCode author "
    "codeRepository name sourceOrganization url",
)
SKOS = _plain(vocab.SKOS, "altLabel prefLabel")
PROV = _plain(vocab.PROV, "value")
CITO = _plain(vocab.CITO, "Citation cites hasCitedEntity hasCitingEntity")
XSD = _plain(vocab.XSD, "date dateTime decimal double gMonthDay gYear gYearMonth integer")
ROLE_PROPERTIES: dict[str, str] = {k: str(v) for k, v in vocab.ROLE_PROPERTIES.items()}


class Lit(NamedTuple):
    """A literal: its lexical form and datatype IRI (``None`` for a plain xsd:string)."""

    lexical: str
    datatype: str | None = None


#: (subject IRI, predicate IRI, object IRI or literal, named graph IRI or None for default)
Statement = tuple[str, str, "str | Lit", "str | None"]

#: node_type of an entity -> its classes (kg's own first, then the schema.org one it refines).
ENTITY_CLASSES: dict[str, tuple[str, ...]] = {
    "method": (KG.Method,),
    "benchmark": (KG.Benchmark, SDO.Dataset),
    "model": (KG.Model, SDO.CreativeWork),
    "repo": (KG.Repository, SDO.SoftwareSourceCode),
}
PAPER_CLASSES: tuple[str, ...] = (KG.Paper, SDO.ScholarlyArticle)

_INTEGER = str(XSD.integer)
_DECIMAL = str(XSD.decimal)
_DOUBLE = str(XSD.double)
_DATES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"-?\d{4,}-\d\d-\d\d(?:Z|[+-]\d\d:\d\d)?"), str(XSD.date)),
    (re.compile(r"-?\d{4,}-\d\d(?:Z|[+-]\d\d:\d\d)?"), str(XSD.gYearMonth)),
    (re.compile(r"-?\d{4,}(?:Z|[+-]\d\d:\d\d)?"), str(XSD.gYear)),
    (re.compile(r"--\d\d-\d\d(?:Z|[+-]\d\d:\d\d)?"), str(XSD.gMonthDay)),
    (
        re.compile(r"-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?"),
        str(XSD.dateTime),
    ),
)


def date_datatype(value: str) -> str | None:
    """The XSD datatype whose lexical space holds ``value``, or ``None`` (plain string).

    Examples
    --------
    >>> date_datatype("2024-09-08").rsplit("#")[1], date_datatype("--09-08").rsplit("#")[1]
    ('date', 'gMonthDay')
    >>> date_datatype("September 2024") is None
    True
    """
    for pattern, datatype in _DATES:
        if pattern.fullmatch(value):
            return datatype
    return None


def _string(value: Any) -> Lit:
    return Lit(str(value))


def _integer(value: Any) -> Lit:
    return Lit(str(value) if type(value) is int else str(int(value)), _INTEGER)


def _decimal(value: Any) -> Lit:
    number = float(value)
    if not math.isfinite(number):
        return Lit("NaN" if math.isnan(number) else ("INF" if number > 0 else "-INF"), _DOUBLE)
    if number == int(number) and abs(number) < 1e15:
        return Lit(f"{int(number)}.0", _DECIMAL)
    text = format(Decimal(repr(number)), "f")
    return Lit(text if "." in text else text + ".0", _DECIMAL)


def _date(value: Any) -> Lit:
    text = str(value)
    return Lit(text, date_datatype(text))


def source_path(record: str) -> str:
    """The file of a ``path:line`` or ``path:line:format`` source record.

    Examples
    --------
    >>> source_path("dir/a.txt:12:hf"), source_path("b.txt:3"), source_path("odd")
    ('dir/a.txt', 'b.txt', 'odd')
    """
    parts = record.rsplit(":", 2)
    if len(parts) == 3 and parts[1].isdigit():
        return parts[0]
    head, _, tail = record.rpartition(":")
    return head if head and tail.isdigit() else record


class _Walker:
    """One walk over a graph; remembers the extractors seen so they are described once."""

    def __init__(self, graph: nx.MultiDiGraph, minter: Minter) -> None:
        self.graph = graph
        self.mint = minter
        self.extractors: set[str] = set()
        self.entities_graph = minter.entities_graph()

    def run(self) -> Iterator[Statement]:
        graph = self.graph
        for node in sorted(graph.nodes):
            attrs = graph.nodes[node]
            node_type = attrs.get("node_type")
            if node_type == "paper":
                yield from self.paper(node, attrs)
            elif node_type in ENTITY_CLASSES:
                yield from self.entity(node, attrs)
            else:
                log.warning("node %r has node_type %r; not exported", node, node_type)
        g = self.entities_graph
        for name in sorted(self.extractors):
            iri = self.mint.extractor(name)
            yield iri, RDF.type, KG.Extractor, g
            yield iri, RDFS.label, Lit(name), g

    def paper(self, node: str, a: Mapping[str, Any]) -> Iterator[Statement]:
        mint = self.mint
        s = mint.node(node)
        sources = sorted(str(x) for x in a.get("sources") or ())
        g = mint.source_graph(source_path(sources[0])) if sources else None
        for cls in PAPER_CLASSES:
            yield s, RDF.type, cls, g
        yield s, DCTERMS.identifier, Lit(node), g
        for attr, prop, lit in _PAPER_SCALARS:
            value = a.get(attr)
            if value is not None:
                yield s, prop, lit(value), g
        for attr, prop in _PAPER_SETS:
            for value in _unique(a.get(attr)):
                yield s, prop, Lit(value), g
        authors = list(a.get("authors") or ())
        for i in range(1, len(authors) + 1):
            yield s, SDO.author, mint.author(node, i), g
        edges = sorted(
            ((key, v, d) for _, v, key, d in self.graph.out_edges(node, keys=True, data=True)),
            key=lambda e: (str(e[0]), str(e[1])),
        )
        for key, v, _ in edges:
            role_prop = ROLE_PROPERTIES.get(key)
            if role_prop is not None:
                yield s, role_prop, mint.node(v), g
                yield s, KG.qualifiedLink, mint.link(node, key, v), g
            elif key == "cites":
                yield s, KG.cites, mint.node(v), g
                yield s, CITO.cites, mint.node(v), g
        for i, name in enumerate(authors, 1):
            slot = mint.author(node, i)
            yield slot, RDF.type, SDO.Person, g
            yield slot, SDO.name, Lit(str(name)), g
            yield slot, KG.position, _integer(i), g
        for key, v, d in edges:
            if key in ROLE_PROPERTIES:
                yield from self.link(node, a, key, v, d, g)
            elif key == "cites":
                yield from self.citation(node, v, d, g)
            else:
                log.warning("edge %r -%s-> %r is not exported", node, key, v)

    def link(
        self,
        node: str,
        a: Mapping[str, Any],
        key: str,
        v: str,
        d: Mapping[str, Any],
        g: str | None,
    ) -> Iterator[Statement]:
        mint = self.mint
        link = mint.link(node, key, v)
        mentions = list(d.get("mentions") or ())
        yield link, RDF.type, KG.Link, g
        yield link, KG.role, ROLE_PROPERTIES[key], g
        yield link, KG.target, mint.node(v), g
        yield link, KG.weight, _decimal(d.get("weight", len(mentions))), g
        for i in range(1, len(mentions) + 1):
            yield link, KG.hasMention, mint.mention(node, key, v, i), g
        paper_iri = mint.node(node)
        for i, m in enumerate(mentions, 1):
            iri = mint.mention(node, key, v, i)
            yield iri, RDF.type, KG.Mention, g
            yield iri, KG.position, _integer(i), g
            yield iri, KG.inPaper, paper_iri, g
            if m.get("text") is not None:
                yield iri, PROV.value, Lit(str(m["text"])), g
            field = m.get("field")
            if field is not None:
                yield iri, KG.field, Lit(str(field)), g
            for mkey, prop in _MENTION_OFFSETS:
                if m.get(mkey) is not None:
                    yield iri, prop, _integer(m[mkey]), g
            sentence = _sentence(a, field, m.get("sentence_start"), m.get("sentence_end"))
            if sentence is not None:
                yield iri, KG.sentence, Lit(sentence), g
            extractor = m.get("extractor")
            if extractor is not None:
                self.extractors.add(str(extractor))
                yield iri, KG.extractor, mint.extractor(str(extractor)), g
            if m.get("confidence") is not None:
                yield iri, KG.confidence, _decimal(m["confidence"]), g

    def citation(
        self, node: str, v: str, d: Mapping[str, Any], g: str | None
    ) -> Iterator[Statement]:
        mint = self.mint
        iri = mint.citation(node, v)
        via = _unique(d.get("via"))
        yield iri, RDF.type, KG.CitationLink, g
        yield iri, RDF.type, CITO.Citation, g
        yield iri, CITO.hasCitingEntity, mint.node(node), g
        yield iri, CITO.hasCitedEntity, mint.node(v), g
        yield iri, KG.weight, _decimal(d.get("weight", len(via))), g
        for entity in via:
            yield iri, KG.via, mint.node(entity), g

    def entity(self, node: str, a: Mapping[str, Any]) -> Iterator[Statement]:
        mint = self.mint
        g = self.entities_graph
        s = mint.node(node)
        for cls in ENTITY_CLASSES[a["node_type"]]:
            yield s, RDF.type, cls, g
        yield s, DCTERMS.identifier, Lit(node), g
        label = a.get("label")
        if label is not None:
            yield s, RDFS.label, Lit(str(label)), g
            yield s, SKOS.prefLabel, Lit(str(label)), g
        aliases = _unique(a.get("aliases"))
        for alias in aliases:
            yield s, KG.alias, Lit(alias), g
        for alias in aliases:
            if alias != label:
                yield s, SKOS.altLabel, Lit(alias), g
        for paper in _unique(a.get("introduced_by")):
            yield s, KG.introducedBy, mint.node(paper), g
        for attr, prop, lit in _ENTITY_SCALARS:
            value = a.get(attr)
            if value is not None:
                yield s, prop, lit(value), g
        if a.get("family") is not None:
            yield s, KG.family, mint.node(str(a["family"])), g
        targets = sorted(
            v for _, v, key in self.graph.out_edges(node, keys=True) if key == "variant_of"
        )
        for v in targets:
            yield s, KG.variantOf, mint.node(v), g
        merges = list(a.get("merges") or ())
        for i in range(1, len(merges) + 1):
            yield s, KG.merge, mint.merge(node, i), g
        for i, merge in enumerate(merges, 1):
            iri = mint.merge(node, i)
            yield iri, RDF.type, KG.AliasMerge, g
            yield iri, KG.position, _integer(i), g
            if merge.get("alias") is not None:
                yield iri, KG.mergedAlias, Lit(str(merge["alias"])), g
            if merge.get("rule") is not None:
                yield iri, KG.mergeRule, Lit(str(merge["rule"])), g
            if merge.get("score") is not None:
                yield iri, KG.mergeScore, _decimal(merge["score"]), g
            for paper in _unique(merge.get("papers")):
                yield iri, KG.mergePaper, Lit(paper), g


def _unique(values: Any) -> list[str]:
    """The values as strings, duplicates dropped, in their order (list order is data: a
    paper's first URL, first category; readers of kg's files get it back in document order)."""
    return list(dict.fromkeys(str(v) for v in values or ()))


def _sentence(a: Mapping[str, Any], field: Any, start: Any, end: Any) -> str | None:
    text = a.get(str(field)) if field is not None else None
    if not isinstance(text, str) or start is None or end is None:
        return None
    start, end = int(start), int(end)
    return text[start:end] if 0 <= start < end <= len(text) else None


_PAPER_SCALARS: tuple[tuple[str, str, Callable[[Any], Lit]], ...] = (
    ("label", RDFS.label, _string),
    ("title", DCTERMS.title, _string),
    ("abstract", DCTERMS.abstract, _string),
    ("date", DCTERMS.date, _date),
    ("updated", DCTERMS.modified, _date),
    ("n_authors", KG.authorCount, _integer),
    ("upvotes", KG.upvotes, _integer),
    ("organisation", SDO.sourceOrganization, _string),
    ("arxiv_id", KG.arxivId, _string),
    ("doi", KG.doi, _string),
)
_PAPER_SETS: tuple[tuple[str, str], ...] = (
    ("urls", SDO.url),
    ("categories", DCTERMS.subject),
    ("sources", KG.sourceRecord),
)
_ENTITY_SCALARS: tuple[tuple[str, str, Callable[[Any], Lit]], ...] = (
    ("n_papers", KG.paperCount, _integer),
    ("url", SDO.codeRepository, _string),
    ("size", KG.size, _string),
    ("variant", KG.variant, _string),
)
_MENTION_OFFSETS: tuple[tuple[str, str], ...] = (
    ("start", KG.start),
    ("end", KG.end),
    ("sentence_start", KG.sentenceStart),
    ("sentence_end", KG.sentenceEnd),
)


def statements(graph: nx.MultiDiGraph, *, base: str = DEFAULT_BASE) -> Iterator[Statement]:
    """Map ``graph`` onto the kg ontology: a deterministic stream of statements.

    Parameters
    ----------
    graph
        A graph in kg's graph schema (see :mod:`kg.graph`).
    base
        The base IRI of papers, entities and the nodes that qualify them.

    Returns
    -------
    Iterator of ``(subject, predicate, object, graph)``: IRIs as ``str``, literals as
    :class:`Lit`; ``graph`` is the named graph of the paper's first source file, the entities
    graph, or ``None`` (default graph) for a paper without sources.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("method:x", node_type="method", label="X", aliases=["X"], n_papers=1)
    >>> for s, p, o, _ in list(statements(g))[1:3]:
    ...     print(s, p, o, sep=chr(10))
    https://w3id.org/kg/id/method/x
    http://purl.org/dc/terms/identifier
    Lit(lexical='method:x', datatype=None)
    https://w3id.org/kg/id/method/x
    http://www.w3.org/2000/01/rdf-schema#label
    Lit(lexical='X', datatype=None)
    """
    return _Walker(graph, Minter(base)).run()


def to_rdflib(term: str | Lit) -> Node:
    """The rdflib term for an IRI string or :class:`Lit`."""
    if isinstance(term, Lit):
        return Literal(term.lexical, datatype=URIRef(term.datatype) if term.datatype else None)
    return URIRef(term)


def triples(
    graph: nx.MultiDiGraph, *, base: str = DEFAULT_BASE
) -> Iterator[tuple[Node, Node, Node]]:
    """:func:`statements` as rdflib triples (named graphs dropped): the slow, obvious path."""
    for s, p, o, _ in statements(graph, base=base):
        yield URIRef(s), URIRef(p), to_rdflib(o)

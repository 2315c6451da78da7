"""Read a kg RDF export back into kg's graph schema (the inverse of :mod:`kg.rdf.triples`).

Any format kg exports parses here (with pyoxigraph, an independent parser); named graphs are
merged. The graph that comes back has the same nodes, edges, keys and schema attributes as the
graph that was exported. Authors, mentions and alias merges keep their order through
``kg:position``; other lists (aliases, urls, categories, sources, introduced_by, via) are
multi-valued properties, read back in document order, which is the graph's order for kg's own
Turtle, TriG, N-Triples and N-Quads files (JSON-LD and RDF/XML, written by rdflib, and triple
stores keep no order: those lists then come back as the same set in another order).
"""

from __future__ import annotations

import io
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import networkx as nx
import pyoxigraph as ox

from kg.errors import ExportError
from kg.rdf.triples import ENTITY_CLASSES, Lit
from kg.rdf.vocab import CITO, DCTERMS, KG, PROV, RDF, RDFS, ROLE_PROPERTIES, SDO, SKOS

__all__ = ["RDF_FORMATS", "guess_format", "parse_rdf", "read_rdf"]

#: format name -> pyoxigraph format.
RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "jsonld": ox.RdfFormat.JSON_LD,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "turtle": ox.RdfFormat.TURTLE,
    "xml": ox.RdfFormat.RDF_XML,
}
_SUFFIX_FORMATS = {
    ".jsonld": "jsonld",
    ".json": "jsonld",
    ".nq": "nquads",
    ".nt": "ntriples",
    ".trig": "trig",
    ".ttl": "turtle",
    ".rdf": "xml",
    ".xml": "xml",
    ".owl": "xml",
}

Term = str | Lit
_ROLE_KEYS = {str(p): key for key, p in ROLE_PROPERTIES.items()}
_TYPE_NODE = {str(classes[0]): node_type for node_type, classes in ENTITY_CLASSES.items()}
_S = str  # vocabulary terms are compared as plain str


def guess_format(path: str | os.PathLike[str]) -> str:
    """The RDF format of a file from its suffix (``.ttl`` -> ``turtle``), or raise.

    Examples
    --------
    >>> guess_format("out/graph.ttl"), guess_format("x.nt")
    ('turtle', 'ntriples')
    """
    fmt = _SUFFIX_FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise ExportError(
            f"cannot tell the RDF format of {os.fspath(path)!r} from its suffix; pass a format "
            f"({', '.join(RDF_FORMATS)})"
        )
    return fmt


def _terms(quads: Iterable[ox.Quad]) -> Iterator[tuple[str, str, Term]]:
    for q in quads:
        o = q.object
        if isinstance(o, ox.Literal):
            dt = o.datatype.value
            obj: Term = Lit(o.value, None if dt.endswith("#string") else dt)
        else:
            obj = str(o.value)  # type: ignore[union-attr]
        yield str(q.subject.value), q.predicate.value, obj  # type: ignore[union-attr]


class _Index:
    """Subject -> predicate -> objects, the only copy of the RDF held while reading."""

    def __init__(self, statements: Iterable[tuple[str, str, Term]]) -> None:
        self.data: dict[str, dict[str, list[Term]]] = defaultdict(lambda: defaultdict(list))
        for s, p, o in statements:
            self.data[s][p].append(o)

    def all(self, s: str, p: str) -> list[Term]:
        node = self.data.get(s)
        return node.get(p, []) if node else []

    def one(self, s: str, p: str) -> Term | None:
        values = self.all(s, p)
        return values[0] if values else None

    def text(self, s: str, p: str) -> str | None:
        value = self.one(s, p)
        return value.lexical if isinstance(value, Lit) else value

    def integer(self, s: str, p: str) -> int | None:
        value = self.text(s, p)
        return int(value) if value is not None else None

    def number(self, s: str, p: str) -> float | None:
        value = self.text(s, p)
        return float(value) if value is not None else None

    def texts(self, s: str, p: str) -> list[str]:
        return [v.lexical if isinstance(v, Lit) else v for v in self.all(s, p)]

    def iris(self, s: str, p: str) -> list[str]:
        return [v for v in self.all(s, p) if isinstance(v, str)]

    def typed(self, cls: str) -> list[str]:
        return sorted(s for s, props in self.data.items() if cls in props.get(_S(RDF.type), ()))

    def ordered(self, s: str, p: str) -> list[str]:
        """The IRIs of ``s p ?x`` in ``kg:position`` order."""
        items = self.iris(s, p)
        return sorted(items, key=lambda x: (self.integer(x, _S(KG.position)) or 0, x))


def parse_rdf(
    source: str | os.PathLike[str] | BinaryIO | bytes, *, format: str | None = None
) -> nx.MultiDiGraph:
    """Parse a kg export (path, binary stream or bytes) into a graph in kg's graph schema.

    Raises
    ------
    ExportError
        When the file cannot be read or parsed, or is not a kg export.
    """
    if format is None:
        if isinstance(source, (str, os.PathLike)):
            format = guess_format(source)
        else:
            raise ExportError("give the format of RDF read from a stream")
    rdf_format = RDF_FORMATS.get(format)
    if rdf_format is None:
        raise ExportError(
            f"unknown RDF format {format!r}. Available formats: {', '.join(RDF_FORMATS)}"
        )
    where = os.fspath(source) if isinstance(source, (str, os.PathLike)) else "<stream>"
    try:
        if isinstance(source, (str, os.PathLike)):
            quads = ox.parse(path=os.fspath(source), format=rdf_format)
        else:
            data = source if isinstance(source, bytes) else source.read()
            quads = ox.parse(io.BytesIO(data), format=rdf_format)
        index = _Index(_terms(quads))
    except SyntaxError as exc:
        raise ExportError(f"{where} is not valid {format}: {exc}") from exc
    except OSError as exc:
        raise ExportError(f"cannot read {where}: {exc.strerror or exc}") from exc
    return _rebuild(index, where)


def read_rdf(path: str | os.PathLike[str], *, format: str | None = None) -> nx.MultiDiGraph:
    """Read an RDF export of kg back into kg's graph schema.

    Parameters
    ----------
    path
        A file written by :func:`kg.rdf.export` (any format; named graphs are merged).
    format
        The RDF format; guessed from the suffix when not given.

    Returns
    -------
    networkx.MultiDiGraph
        The same nodes, edges, keys and schema attributes as the exported graph.

    Raises
    ------
    ExportError
        When the file cannot be read or parsed, or is not a kg export.
    """
    return parse_rdf(path, format=format)


def _ids(index: _Index, where: str) -> dict[str, str]:
    ids: dict[str, str] = {}
    for cls in (_S(KG.Paper), *_TYPE_NODE):
        for s in index.typed(cls):
            identifier = index.text(s, _S(DCTERMS.identifier))
            if identifier is None:
                raise ExportError(f"{where}: <{s}> has no dcterms:identifier; is this a kg export?")
            ids[s] = identifier
    return ids


def _rebuild(index: _Index, where: str) -> nx.MultiDiGraph:
    ids = _ids(index, where)
    if not ids:
        raise ExportError(f"{where} holds no kg:Paper or entity; is this a kg export?")

    def node_id(iri: str) -> str:
        found = ids.get(iri)
        if found is None:
            raise ExportError(
                f"{where}: <{iri}> is linked to but not described; the export is incomplete"
            )
        return found

    graph = nx.MultiDiGraph(kg_format=1)
    papers = index.typed(_S(KG.Paper))
    for s in sorted(papers, key=lambda x: ids[x]):
        graph.add_node(ids[s], **_paper_attrs(index, s))
    entities = [(ids[s], s, t) for t in _TYPE_NODE for s in index.typed(t)]
    for eid, s, t in sorted(entities):
        graph.add_node(eid, **_entity_attrs(index, s, _TYPE_NODE[t], node_id))
    for s in sorted(papers, key=lambda x: ids[x]):
        links = []
        for link in index.iris(s, _S(KG.qualifiedLink)):
            role = index.one(link, _S(KG.role))
            target = index.one(link, _S(KG.target))
            if not isinstance(role, str) or role not in _ROLE_KEYS or not isinstance(target, str):
                raise ExportError(f"{where}: link <{link}> lacks a kg:role or kg:target")
            links.append((_ROLE_KEYS[role], node_id(target), link))
        for key, target, link in sorted(links):
            mentions = [_mention(index, m) for m in index.ordered(link, _S(KG.hasMention))]
            weight = index.number(link, _S(KG.weight))
            graph.add_edge(
                ids[s],
                target,
                key=key,
                relation=key,
                weight=float(len(mentions)) if weight is None else weight,
                mentions=mentions,
            )
    cites = []
    for c in index.typed(_S(KG.CitationLink)):
        citing, cited = (
            index.one(c, _S(CITO.hasCitingEntity)),
            index.one(c, _S(CITO.hasCitedEntity)),
        )
        if not isinstance(citing, str) or not isinstance(cited, str):
            raise ExportError(f"{where}: citation <{c}> lacks its citing or cited paper")
        via = [node_id(v) for v in index.iris(c, _S(KG.via))]
        weight = index.number(c, _S(KG.weight))
        cites.append(
            (node_id(citing), node_id(cited), via, float(len(via)) if weight is None else weight)
        )
    for citing, cited, via, weight in sorted(cites):
        graph.add_edge(citing, cited, key="cites", relation="cites", weight=weight, via=via)
    for eid, s, _ in sorted(entities):
        for target in sorted(node_id(v) for v in index.iris(s, _S(KG.variantOf))):
            graph.add_edge(eid, target, key="variant_of", relation="variant_of", weight=1.0)
    return graph


def _paper_attrs(index: _Index, s: str) -> dict[str, Any]:
    authors = [index.text(slot, _S(SDO.name)) or "" for slot in index.ordered(s, _S(SDO.author))]
    title = index.text(s, _S(DCTERMS.title)) or ""
    return {
        "node_type": "paper",
        "label": index.text(s, _S(RDFS.label)) or title,
        "title": title,
        "abstract": index.text(s, _S(DCTERMS.abstract)) or "",
        "date": index.text(s, _S(DCTERMS.date)),
        "updated": index.text(s, _S(DCTERMS.modified)),
        "authors": authors,
        "n_authors": index.integer(s, _S(KG.authorCount)),
        "upvotes": index.integer(s, _S(KG.upvotes)),
        "organisation": index.text(s, _S(SDO.sourceOrganization)),
        "urls": index.texts(s, _S(SDO.url)),
        "arxiv_id": index.text(s, _S(KG.arxivId)),
        "doi": index.text(s, _S(KG.doi)),
        "categories": index.texts(s, _S(DCTERMS.subject)),
        "sources": index.texts(s, _S(KG.sourceRecord)),
    }


def _entity_attrs(index: _Index, s: str, node_type: str, node_id: Any) -> dict[str, Any]:
    family = index.one(s, _S(KG.family))
    attrs: dict[str, Any] = {
        "node_type": node_type,
        "label": index.text(s, _S(SKOS.prefLabel)) or index.text(s, _S(RDFS.label)),
        "aliases": index.texts(s, _S(KG.alias)),
        "introduced_by": [node_id(p) for p in index.iris(s, _S(KG.introducedBy))],
        "n_papers": index.integer(s, _S(KG.paperCount)) or 0,
        "url": index.text(s, _S(SDO.codeRepository)),
        "family": node_id(family) if isinstance(family, str) else None,
        "size": index.text(s, _S(KG.size)),
        "variant": index.text(s, _S(KG.variant)),
    }
    merges = index.ordered(s, _S(KG.merge))
    if merges:
        attrs["merges"] = [
            {
                "alias": index.text(m, _S(KG.mergedAlias)),
                "rule": index.text(m, _S(KG.mergeRule)),
                "score": index.number(m, _S(KG.mergeScore)),
                "papers": index.texts(m, _S(KG.mergePaper)),
            }
            for m in merges
        ]
    return attrs


def _mention(index: _Index, m: str) -> dict[str, Any]:
    extractor = index.one(m, _S(KG.extractor))
    return {
        "text": index.text(m, _S(PROV.value)),
        "field": index.text(m, _S(KG.field)),
        "start": index.integer(m, _S(KG.start)),
        "end": index.integer(m, _S(KG.end)),
        "sentence_start": index.integer(m, _S(KG.sentenceStart)),
        "sentence_end": index.integer(m, _S(KG.sentenceEnd)),
        "extractor": index.text(extractor, _S(RDFS.label)) if isinstance(extractor, str) else None,
        "confidence": index.number(m, _S(KG.confidence)),
    }

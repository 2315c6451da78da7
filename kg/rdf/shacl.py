"""Check an RDF export against kg's SHACL shapes (``ontology/shapes.ttl``) with pySHACL.

References
----------
Shapes Constraint Language (SHACL), W3C Recommendation (2017).
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import BinaryIO

import networkx as nx
import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDFS, SH
from rdflib.term import Node

from kg.errors import ExportError
from kg.rdf.export import serialize
from kg.rdf.imports import RDF_FORMATS, guess_format
from kg.rdf.iris import DEFAULT_BASE
from kg.rdf.vocab import PREFIXES

__all__ = ["ValidationReport", "Violation", "ontology_graph", "shapes_graph", "validate"]


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass(frozen=True, slots=True, order=True)
class Violation:
    """One SHACL result: the node and property at fault, and what is wrong, in words."""

    focus: str
    path: str
    message: str
    value: str = ""
    severity: str = "Violation"

    def __str__(self) -> str:
        value = f" (value: {self.value})" if self.value else ""
        return f"{self.severity}: {self.focus} {self.path}: {self.message}{value}"


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The outcome of :func:`validate`: ``conforms`` and the violations, sorted."""

    conforms: bool
    violations: tuple[Violation, ...]
    triples: int

    def __str__(self) -> str:
        if self.conforms:
            return f"conforms: {self.triples} triples, 0 violations"
        lines = [f"{len(self.violations)} violation(s) in {self.triples} triples:"]
        lines += [f"  {v}" for v in self.violations]
        return "\n".join(lines)


@cache
def _ontology_file(name: str) -> bytes:
    return files("kg.ontology").joinpath(name).read_bytes()


def shapes_graph() -> Graph:
    """kg's SHACL shapes as an rdflib graph."""
    return Graph().parse(data=_ontology_file("shapes.ttl"), format="turtle")


def ontology_graph() -> Graph:
    """kg's OWL ontology as an rdflib graph."""
    return Graph().parse(data=_ontology_file("kg.ttl"), format="turtle")


def _to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    if (
        datatype == _XSD_STRING
    ):  # RDF 1.1: a plain literal is an xsd:string; rdflib tells them apart
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(datatype))


def _load(source: str | os.PathLike[str] | bytes | BinaryIO, format: str | None) -> Graph:
    if format is None:
        if not isinstance(source, (str, os.PathLike)):
            raise ExportError("give the format of RDF read from a stream")
        format = guess_format(source)
    rdf_format = RDF_FORMATS.get(format)
    if rdf_format is None:
        raise ExportError(
            f"unknown RDF format {format!r}. Available formats: {', '.join(RDF_FORMATS)}"
        )
    where = os.fspath(source) if isinstance(source, (str, os.PathLike)) else "<stream>"
    graph = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    try:
        if isinstance(source, (str, os.PathLike)):
            quads = ox.parse(path=os.fspath(source), format=rdf_format)
        else:
            data = source if isinstance(source, bytes) else source.read()
            quads = ox.parse(io.BytesIO(data), format=rdf_format)
        for q in quads:
            graph.add((_to_rdflib(q.subject), _to_rdflib(q.predicate), _to_rdflib(q.object)))
    except SyntaxError as exc:
        raise ExportError(f"{where} is not valid {format}: {exc}") from exc
    except OSError as exc:
        raise ExportError(f"cannot read {where}: {exc.strerror or exc}") from exc
    return graph


def _short(term: Node | None, graph: Graph) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        try:
            return graph.namespace_manager.normalizeUri(term)
        except Exception:  # pragma: no cover - rdflib raises assorted errors for odd IRIs
            return f"<{term}>"
    if isinstance(term, BNode):
        return (
            "[" + " / ".join(_short(o, graph) for o in graph.objects(term, SH.inversePath)) + "]^-1"
            if (term, SH.inversePath, None) in graph
            else "[]"
        )
    return repr(str(term))


def validate(
    source: str | os.PathLike[str] | bytes | BinaryIO | nx.MultiDiGraph,
    *,
    format: str | None = None,
    base: str = DEFAULT_BASE,
) -> ValidationReport:
    """Validate an RDF export (or a graph, exported on the fly) against kg's SHACL shapes.

    Parameters
    ----------
    source
        A file path (format from its suffix), bytes or a binary stream (``format`` needed),
        or a graph in kg's graph schema.
    format
        The RDF format when it cannot be guessed.
    base
        The base IRI, when ``source`` is a graph.

    Returns
    -------
    ValidationReport
        ``conforms`` and every violation with its focus node, property and message.

    Raises
    ------
    ExportError
        When the file cannot be read or parsed.
    """
    if isinstance(source, nx.MultiDiGraph):
        out = io.BytesIO()
        serialize(source, out, format="ntriples", base=base)
        source, format = out.getvalue(), "ntriples"
    data = _load(source, format)
    n = len(data)
    # sh:class needs kg's subclass axioms; adding them to our own private copy is cheaper than
    # pySHACL's ont_graph, which clones the whole data graph first (7 s on the demo graph)
    for axiom in ontology_graph().triples((None, RDFS.subClassOf, None)):
        data.add(axiom)
    from pyshacl import validate as pyshacl_validate  # costs ~0.5 s to import

    conforms, results, _ = pyshacl_validate(
        data,
        shacl_graph=shapes_graph(),
        inference="none",
        abort_on_first=False,
        allow_warnings=False,
        meta_shacl=False,
    )
    assert isinstance(results, Graph)
    for prefix, ns in PREFIXES.items():
        results.bind(prefix, ns)
    violations = []
    for result in results.subjects(SH.resultSeverity, None):
        severity = results.value(result, SH.resultSeverity)
        violations.append(
            Violation(
                focus=_short(results.value(result, SH.focusNode), data),
                path=_short(results.value(result, SH.resultPath), results),
                message=str(results.value(result, SH.resultMessage) or "constraint not met"),
                value=_short(results.value(result, SH.value), data),
                severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            )
        )
    return ValidationReport(bool(conforms), tuple(sorted(violations)), n)

"""RDF for kg: the kg ontology, exports, validation, triple stores and SPARQL.

::

    graph --triples.statements--> writers (Turtle, TriG, N-Triples, N-Quads) / rdflib (JSON-LD, XML)
    file  --imports.read_rdf----> graph          (round trip)
    file  --shacl.validate------> ValidationReport
    graph --store.push----------> SPARQL 1.1 Graph Store Protocol (temporary graph, then MOVE/ADD)
    graph --sparql.sparql-------> QueryResult    (in memory with pyoxigraph, or a remote store)
"""

from __future__ import annotations

from kg.rdf.export import FORMATS, export
from kg.rdf.imports import read_rdf
from kg.rdf.iris import DEFAULT_BASE
from kg.rdf.shacl import ValidationReport, Violation, validate
from kg.rdf.sparql import QueryResult, sparql
from kg.rdf.store import PushResult, push

__all__ = [
    "DEFAULT_BASE",
    "FORMATS",
    "PushResult",
    "QueryResult",
    "ValidationReport",
    "Violation",
    "export",
    "push",
    "read_rdf",
    "sparql",
    "validate",
]

"""Export a kg graph as RDF: one entry point, one ``{format: writer}`` table.

Turtle, TriG, N-Triples and N-Quads stream through kg's own writers (:mod:`kg.rdf.writers`);
JSON-LD and RDF/XML are built with rdflib, which holds the graph in memory once.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

import networkx as nx
from rdflib import Graph, URIRef

from kg.atomic import atomic_open
from kg.errors import ExportError
from kg.rdf.iris import DEFAULT_BASE, Minter
from kg.rdf.triples import Lit, Statement, statements, to_rdflib
from kg.rdf.vocab import PREFIXES
from kg.rdf.writers import FAST_WRITERS

__all__ = ["FORMATS", "SUFFIXES", "export", "serialize"]


#: characters XML 1.0 cannot carry at all, not even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(stream: Iterator[Statement]) -> Iterator[Statement]:
    for statement in stream:
        o = statement[2]
        if isinstance(o, Lit) and (bad := _NOT_XML.search(o.lexical)):
            raise ExportError(
                f"RDF/XML cannot carry the control character U+{ord(bad.group()):04X} in "
                f"{o.lexical[:60]!r} (of <{statement[0]}>); export as turtle, trig, ntriples "
                "or jsonld instead"
            )
        yield statement


def _rdflib_writer(rdflib_format: str) -> Callable[[nx.MultiDiGraph, BinaryIO, str], int]:
    def write(graph: nx.MultiDiGraph, out: BinaryIO, base: str) -> int:
        g = Graph(bind_namespaces="none")
        for prefix, ns in PREFIXES.items():
            g.bind(prefix, ns)
        stream = statements(graph, base=base)
        if rdflib_format == "xml":
            stream = _xml_safe(stream)
        for s, p, o, _ in stream:
            g.add((URIRef(s), URIRef(p), to_rdflib(o)))
        if rdflib_format == "json-ld":
            out.write(
                g.serialize(
                    format="json-ld",
                    context=dict(PREFIXES),
                    sort_keys=True,
                    indent=1,
                    ensure_ascii=False,
                ).encode("utf-8")
            )
        else:
            g.serialize(destination=out, format=rdflib_format, encoding="utf-8")
        return len(g)

    return write


def _fast_writer(name: str) -> Callable[[nx.MultiDiGraph, BinaryIO, str], int]:
    writer = FAST_WRITERS[name]

    def write(graph: nx.MultiDiGraph, out: BinaryIO, base: str) -> int:
        return writer(statements(graph, base=base), out, base=base)

    return write


#: format name -> writer(graph, binary stream, base) -> number of statements written.
FORMATS: dict[str, Callable[[nx.MultiDiGraph, BinaryIO, str], int]] = {
    "jsonld": _rdflib_writer("json-ld"),
    "nquads": _fast_writer("nquads"),
    "ntriples": _fast_writer("ntriples"),
    "trig": _fast_writer("trig"),
    "turtle": _fast_writer("turtle"),
    "xml": _rdflib_writer("xml"),
}

#: format name -> usual file suffix.
SUFFIXES: dict[str, str] = {
    "jsonld": ".jsonld",
    "nquads": ".nq",
    "ntriples": ".nt",
    "trig": ".trig",
    "turtle": ".ttl",
    "xml": ".rdf",
}


def _writer(format: str) -> Callable[[nx.MultiDiGraph, BinaryIO, str], int]:
    writer = FORMATS.get(format)
    if writer is None:
        raise ExportError(f"unknown RDF format {format!r}. Available formats: {', '.join(FORMATS)}")
    return writer


def serialize(
    graph: nx.MultiDiGraph, out: BinaryIO, *, format: str = "turtle", base: str = DEFAULT_BASE
) -> int:
    """Write ``graph`` to the binary stream ``out``; return the number of statements."""
    writer = _writer(format)
    Minter(base)  # fails early, before anything is written, on an unusable base
    return writer(graph, out, base)


def export(
    graph: nx.MultiDiGraph,
    destination: str | os.PathLike[str] | BinaryIO,
    *,
    format: str = "turtle",
    base: str = DEFAULT_BASE,
) -> None:
    """Export ``graph`` as RDF in the kg ontology.

    Parameters
    ----------
    graph
        A graph in kg's graph schema.
    destination
        A file path (written atomically: readers see the old file or the new one) or a
        binary stream.
    format
        ``turtle`` (default), ``trig`` (a named graph per source file), ``ntriples``,
        ``nquads``, ``jsonld`` or ``xml``.
    base
        The base IRI of exported resources; an absolute IRI ending in ``/`` or ``#``.

    Raises
    ------
    ExportError
        For an unknown format, an unusable base IRI or a destination that cannot be written.

    Examples
    --------
    >>> import io, networkx as nx
    >>> g = nx.MultiDiGraph(kg_format=1)
    >>> g.add_node("method:x", node_type="method", label="X", aliases=["X"], n_papers=0)
    >>> out = io.BytesIO()
    >>> export(g, out, format="ntriples", base="https://example.org/")
    >>> print(out.getvalue().decode().splitlines()[0].replace("> <", ">" + chr(10) + "<"))
    <https://example.org/method/x>
    <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>
    <https://w3id.org/kg/ns#Method> .
    """
    writer = _writer(format)
    Minter(base)
    if isinstance(destination, (str, os.PathLike)):
        try:
            with atomic_open(Path(destination), "wb") as fh:
                writer(graph, fh, base)  # type: ignore[arg-type]
        except OSError as exc:
            raise ExportError(f"cannot write {destination}: {exc.strerror or exc}") from exc
    else:
        writer(graph, destination, base)

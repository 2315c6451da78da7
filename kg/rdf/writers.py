"""Streaming RDF writers for kg's statements: N-Triples, N-Quads, Turtle and TriG.

rdflib's Turtle serialiser indexes and sorts the whole graph first (about 25k triples/s on
a graph shaped like ours); these writers format each statement as it comes from
:func:`kg.rdf.triples.statements`, which already groups a subject's statements together and
orders everything deterministically, so output is byte-identical for the same graph and memory
does not grow with the graph. Formats rdflib serialises well enough for their usual sizes
(JSON-LD, RDF/XML) go through rdflib in :mod:`kg.rdf.export`.

References
----------
RDF 1.1 N-Triples, N-Quads, Turtle and TriG, W3C Recommendations (2014).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import BinaryIO

from kg.errors import ExportError
from kg.rdf.triples import Lit, Statement
from kg.rdf.vocab import PREFIXES, RDF, XSD

__all__ = ["FAST_WRITERS", "write_nquads", "write_ntriples", "write_trig", "write_turtle"]

_CHUNK = 1 << 16
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f]')
_ESCAPES = {0x5C: "\\\\", 0x22: '\\"', 0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"}
_ESCAPE_TABLE = {
    **{c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F)},
    **_ESCAPES,
}
_INTEGER = str(XSD.integer)
_DECIMAL = str(XSD.decimal)
_BARE_INTEGER = re.compile(r"[+-]?\d+")
_BARE_DECIMAL = re.compile(r"[+-]?\d*\.\d+")
_LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")
_TYPE = str(RDF.type)


def _quote(text: str) -> str:
    if _NEEDS_ESCAPE.search(text) is None:
        return f'"{text}"'
    return f'"{text.translate(_ESCAPE_TABLE)}"'


class _Sink:
    """Collects formatted pieces and writes them to the stream as UTF-8 in large chunks."""

    __slots__ = ("out", "parts", "size")

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.parts: list[str] = []
        self.size = 0

    def add(self, piece: str) -> None:
        self.parts.append(piece)
        self.size += 1
        if self.size >= 4096:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            data = "".join(self.parts)
            try:
                self.out.write(data.encode("utf-8"))
            except UnicodeEncodeError as exc:
                raise ExportError(
                    f"text cannot be written as UTF-8 ({exc.reason} near "
                    f"{data[exc.start : exc.end]!r}); clean the source listing and rebuild"
                ) from exc
            self.parts.clear()
            self.size = 0


def _nt_literal(lit: Lit) -> str:
    if lit.datatype is None:
        return _quote(lit.lexical)
    return f"{_quote(lit.lexical)}^^<{lit.datatype}>"


def write_ntriples(stream: Iterable[Statement], out: BinaryIO) -> int:
    """Write statements as N-Triples (named graphs dropped); return the number written."""
    sink = _Sink(out)
    n = 0
    for s, p, o, _ in stream:
        obj = _nt_literal(o) if isinstance(o, Lit) else f"<{o}>"
        sink.add(f"<{s}> <{p}> {obj} .\n")
        n += 1
    sink.flush()
    return n


def write_nquads(stream: Iterable[Statement], out: BinaryIO) -> int:
    """Write statements as N-Quads (the named graph of each kept); return the number written."""
    sink = _Sink(out)
    n = 0
    for s, p, o, g in stream:
        obj = _nt_literal(o) if isinstance(o, Lit) else f"<{o}>"
        sink.add(f"<{s}> <{p}> {obj} <{g}> .\n" if g else f"<{s}> <{p}> {obj} .\n")
        n += 1
    sink.flush()
    return n


class _Names:
    """Turtle names for IRIs: ``a``, prefixed names for vocabulary terms, else ``<iri>``."""

    def __init__(self, resource_base: str) -> None:
        self.cache: dict[str, str] = {}
        self.base = resource_base
        self.prefixes = sorted(((ns, p) for p, ns in PREFIXES.items()), key=lambda x: -len(x[0]))

    def predicate(self, iri: str) -> str:
        if iri == _TYPE:
            return "a"
        name = self.cache.get(iri)
        return name if name is not None else self._vocab(iri)

    def obj(self, term: str | Lit) -> str:
        if isinstance(term, Lit):
            return self.literal(term)
        if term.startswith(self.base):
            return f"<{term}>"
        name = self.cache.get(term)
        return name if name is not None else self._vocab(term)

    def _vocab(self, iri: str) -> str:
        for ns, prefix in self.prefixes:
            if iri.startswith(ns) and _LOCAL_NAME.fullmatch(iri[len(ns) :]):
                name = f"{prefix}:{iri[len(ns) :]}"
                self.cache[iri] = name
                return name
        return f"<{iri}>"

    def literal(self, lit: Lit) -> str:
        datatype = lit.datatype
        if datatype is None:
            return _quote(lit.lexical)
        if datatype == _INTEGER and _BARE_INTEGER.fullmatch(lit.lexical):
            return lit.lexical
        if datatype == _DECIMAL and _BARE_DECIMAL.fullmatch(lit.lexical):
            return lit.lexical
        return f"{_quote(lit.lexical)}^^{self.obj(datatype)}"


def _header(sink: _Sink) -> None:
    for prefix, ns in PREFIXES.items():
        sink.add(f"@prefix {prefix}: <{ns}> .\n")


def _write_grouped(stream: Iterable[Statement], out: BinaryIO, *, base: str, trig: bool) -> int:
    sink = _Sink(out)
    names = _Names(base)
    _header(sink)
    indent = "    " if trig else ""
    n = 0
    subject: str | None = None
    predicate: str | None = None
    graph: str | bool | None = False  # False: no graph block open yet
    for s, p, o, g in stream:
        if trig and g != graph:
            if subject is not None:
                sink.add(" .\n")
            if graph is not False:
                sink.add("}\n")
            sink.add(f"\n<{g}> {{\n" if g else "\n{\n")
            graph, subject, predicate = g, None, None
        if s == subject:
            if p == predicate:
                sink.add(f" ,\n{indent}        {names.obj(o)}")
            else:
                sink.add(f" ;\n{indent}    {names.predicate(p)} {names.obj(o)}")
                predicate = p
        else:
            if subject is not None:
                sink.add(" .\n")
            sink.add(f"\n{indent}<{s}> {names.predicate(p)} {names.obj(o)}")
            subject, predicate = s, p
        n += 1
    if subject is not None:
        sink.add(" .\n")
    if trig and graph is not False:
        sink.add("}\n")
    sink.flush()
    return n


def write_turtle(stream: Iterable[Statement], out: BinaryIO, *, base: str = "") -> int:
    """Write statements as Turtle, a subject's statements grouped with ``;`` and ``,``.

    ``base`` is the resource base IRI: IRIs under it are written in full, never looked up
    as vocabulary terms. Returns the number of statements written.
    """
    return _write_grouped(stream, out, base=base or "\x00", trig=False)


def write_trig(stream: Iterable[Statement], out: BinaryIO, *, base: str = "") -> int:
    """Write statements as TriG, one graph block per run of statements in the same graph."""
    return _write_grouped(stream, out, base=base or "\x00", trig=True)


def _ntriples(stream: Iterable[Statement], out: BinaryIO, *, base: str = "") -> int:
    return write_ntriples(stream, out)


def _nquads(stream: Iterable[Statement], out: BinaryIO, *, base: str = "") -> int:
    return write_nquads(stream, out)


#: format -> streaming writer(statements, binary stream, *, base) -> number of statements.
FAST_WRITERS: dict[str, Callable[..., int]] = {
    "ntriples": _ntriples,
    "nquads": _nquads,
    "turtle": write_turtle,
    "trig": write_trig,
}

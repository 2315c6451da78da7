"""Run a SPARQL query over kg's graph (in memory, with pyoxigraph) or over a remote store.

References
----------
SPARQL 1.1 Query Language; SPARQL 1.1 Protocol; SPARQL 1.1 Query Results JSON Format,
W3C Recommendations (2013).
"""

from __future__ import annotations

import io
import json
import urllib.parse
from dataclasses import dataclass
from typing import Any

import networkx as nx
import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.rdf.export import serialize
from kg.rdf.iris import DEFAULT_BASE
from kg.rdf.store import endpoints, request

__all__ = ["QueryResult", "local_store", "sparql"]

Value = str | None


@dataclass(frozen=True, slots=True)
class QueryResult:
    """Rows of a SELECT (``columns`` names them), the answer of an ASK (``boolean``), or the
    triples of a CONSTRUCT/DESCRIBE as rows of ``subject, predicate, object``.

    Values are IRIs, literal lexical forms, ``_:id`` for blank nodes, ``None`` when unbound.
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]
    boolean: bool | None = None

    def records(self) -> list[dict[str, Value]]:
        """The rows as dicts keyed by column name (for JSON output)."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def local_store(graph: nx.MultiDiGraph, *, base: str = DEFAULT_BASE) -> ox.Store:
    """An in-memory pyoxigraph store holding ``graph``'s export in its default graph."""
    out = io.BytesIO()
    serialize(graph, out, format="ntriples", base=base)
    store = ox.Store()
    store.bulk_load(out.getvalue(), format=ox.RdfFormat.N_TRIPLES)
    return store


def _value(term: Any) -> Value:
    if term is None:
        return None
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term.value)


def _local(graph: nx.MultiDiGraph, query: str, base: str) -> QueryResult:
    store = local_store(graph, base=base)
    try:
        result = store.query(query)
    except SyntaxError as exc:
        raise QueryError(f"the SPARQL query is not valid: {exc}") from exc
    except OSError as exc:
        raise QueryError(f"the SPARQL query failed: {exc}") from exc
    if isinstance(result, ox.QueryBoolean):
        return QueryResult(("result",), ((str(bool(result)).lower(),),), bool(result))
    if isinstance(result, ox.QuerySolutions):
        columns = tuple(v.value for v in result.variables)
        rows = tuple(tuple(_value(solution[c]) for c in columns) for solution in result)
        return QueryResult(columns, rows)
    rows = tuple((_value(t.subject), _value(t.predicate), _value(t.object)) for t in result)
    return QueryResult(("subject", "predicate", "object"), rows)


def _json_value(cell: dict[str, str] | None) -> Value:
    if cell is None:
        return None
    if cell.get("type") == "bnode":
        return f"_:{cell['value']}"
    return cell.get("value")


def _remote(store: str, query: str, graph: str | None, timeout: float) -> QueryResult:
    ends = endpoints(store)
    params = [("query", query)]
    if graph:
        params.append(("default-graph-uri", graph))
    accept = "application/sparql-results+json, application/n-triples;q=0.9"
    _, body = request(
        "POST",
        ends.query,
        data=urllib.parse.urlencode(params).encode("utf-8"),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
        timeout=timeout,
    )
    text = body.decode("utf-8")
    if text.lstrip().startswith("{"):
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            raise StoreError(f"{ends.query} answered with invalid JSON: {exc}") from exc
        if "boolean" in doc:
            value = bool(doc["boolean"])
            return QueryResult(("result",), ((str(value).lower(),),), value)
        columns = tuple(doc.get("head", {}).get("vars", []))
        bindings = doc.get("results", {}).get("bindings", [])
        return QueryResult(
            columns, tuple(tuple(_json_value(b.get(c)) for c in columns) for b in bindings)
        )
    quads = ox.parse(body, format=ox.RdfFormat.N_TRIPLES)
    rows = tuple((_value(q.subject), _value(q.predicate), _value(q.object)) for q in quads)
    return QueryResult(("subject", "predicate", "object"), rows)


def sparql(
    source: nx.MultiDiGraph | None,
    query: str,
    *,
    store: str | None = None,
    graph: str | None = None,
    timeout: float = 30.0,
    base: str = DEFAULT_BASE,
) -> QueryResult:
    """Run a SPARQL query over kg's graph, or over a remote store.

    Parameters
    ----------
    source
        A graph in kg's graph schema (queried in memory); ignored when ``store`` is given.
    query
        The SPARQL 1.1 query (SELECT, ASK, CONSTRUCT or DESCRIBE).
    store
        A store URL (``http://host:7878`` or its ``/store`` endpoint) to query instead.
    graph
        With ``store``: the named graph to use as the query's default graph.
    timeout
        With ``store``: seconds to wait for the answer.
    base
        The base IRI of exported resources, for a local query.

    Returns
    -------
    QueryResult

    Raises
    ------
    QueryError
        When the query is not valid SPARQL.
    StoreError
        When the remote store refuses, fails or times out.

    Examples
    --------
    >>> g = nx.MultiDiGraph(kg_format=1)
    >>> g.add_node("method:x", node_type="method", label="X", aliases=["X"], n_papers=0)
    >>> q = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?l { ?e skos:prefLabel ?l }"
    >>> sparql(g, q).rows
    (('X',),)
    """
    if store is not None:
        return _remote(store, query, graph, timeout)
    if source is None:
        raise QueryError("nothing to query: give a workspace or a store URL")
    return _local(source, query, base)

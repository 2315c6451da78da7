"""Load kg's graph into a running triple store through the SPARQL 1.1 Graph Store Protocol.

Nothing is half-written on the store side: the export is first uploaded into a fresh
temporary named graph (HTTP ``PUT``), then one SPARQL Update moves it over the target graph
(``MOVE``, replace) or adds it (``ADD``, append). A store runs one update as one transaction,
so the target graph holds either the old triples or all the new ones; when anything fails,
the temporary graph is dropped and the target is untouched.

This is the only module of kg that opens network connections (standard-library ``urllib``).

References
----------
SPARQL 1.1 Graph Store HTTP Protocol; SPARQL 1.1 Update (MOVE, ADD, DROP); SPARQL 1.1
Protocol, W3C Recommendations (2013).
"""

from __future__ import annotations

import logging
import socket
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from typing import IO, Any

import networkx as nx

from kg.errors import StoreError
from kg.rdf.export import serialize
from kg.rdf.iris import DEFAULT_BASE

__all__ = ["Endpoints", "PushResult", "endpoints", "push", "request", "update"]

log = logging.getLogger(__name__)

_SPOOL = 32 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Endpoints:
    """The three URLs of a store: Graph Store Protocol, SPARQL query and SPARQL update."""

    store: str
    query: str
    update: str


def endpoints(url: str) -> Endpoints:
    """The endpoints of a store from its Graph Store URL or its server root.

    Oxigraph serves ``/store``, ``/query`` and ``/update``; Fuseki ``/ds/data``,
    ``/ds/query`` and ``/ds/update``. Given a root URL, ``/store`` is assumed.

    Examples
    --------
    >>> endpoints("http://127.0.0.1:7878")
    Endpoints(store='http://127.0.0.1:7878/store', query='http://127.0.0.1:7878/query', update='http://127.0.0.1:7878/update')
    >>> endpoints("http://localhost:3030/ds/data").update
    'http://localhost:3030/ds/update'
    """
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise StoreError(
            f"store URL {url!r} is not an http(s) URL; give the store's address, "
            "for example http://127.0.0.1:7878"
        )
    path = parts.path.rstrip("/")
    last = path.rsplit("/", 1)[-1] if path else ""
    if last in ("store", "data"):
        root = path[: -len(last) - 1]
        store_path = path
    else:
        root = path
        store_path = f"{path}/store"

    def at(p: str) -> str:
        return urllib.parse.urlunsplit((parts.scheme, parts.netloc, p, "", ""))

    return Endpoints(at(store_path), at(f"{root}/query"), at(f"{root}/update"))


def request(
    method: str,
    url: str,
    *,
    data: bytes | IO[bytes] | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 30.0,
) -> tuple[int, bytes]:
    """One HTTP request; every failure becomes a :class:`StoreError` that says what to do."""
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        body = exc.read().decode("utf-8", "replace").strip()
        raise StoreError(
            f"the store answered HTTP {exc.code} {exc.reason} to {method} {url}"
            + (f": {body[:500]}" if body else "")
        ) from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, ConnectionRefusedError):
            raise StoreError(
                f"cannot connect to {url}: connection refused; is the triple store running "
                "at that address? (for example: oxigraph serve --location DIR)"
            ) from exc
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise _timeout(method, url, timeout) from exc
        raise StoreError(f"cannot reach {url}: {reason}") from exc
    except TimeoutError as exc:
        raise _timeout(method, url, timeout) from exc
    except (ConnectionError, OSError) as exc:
        raise StoreError(f"the connection to {url} failed: {exc}") from exc


def _timeout(method: str, url: str, timeout: float) -> StoreError:
    return StoreError(
        f"the store did not answer {method} {url} within {timeout:g} s; "
        "check that it is not overloaded, or allow more time with --timeout"
    )


def update(ends: Endpoints, text: str, *, timeout: float = 30.0) -> None:
    """Run one SPARQL Update on the store."""
    request(
        "POST",
        ends.update,
        data=text.encode("utf-8"),
        headers={"Content-Type": "application/sparql-update"},
        timeout=timeout,
    )


@dataclass(frozen=True, slots=True)
class PushResult:
    """What :func:`push` did: how many triples went into which graph, replaced or appended."""

    triples: int
    graph: str | None
    append: bool

    def to_dict(self) -> dict[str, Any]:
        return {"triples": self.triples, "graph": self.graph, "append": self.append}


def _target(graph: str | None) -> str:
    return f"GRAPH <{graph}>" if graph else "DEFAULT"


def push(
    graph: nx.MultiDiGraph,
    store: str,
    *,
    graph_iri: str | None = None,
    append: bool = False,
    timeout: float = 30.0,
    base: str = DEFAULT_BASE,
) -> PushResult:
    """Load ``graph`` into a triple store, replacing or appending to one graph, atomically.

    Parameters
    ----------
    graph
        A graph in kg's graph schema.
    store
        The store's Graph Store Protocol URL (``http://host:7878/store``) or its root URL.
    graph_iri
        The named graph to write; the store's default graph when not given.
    append
        Add to the graph's triples instead of replacing them.
    timeout
        Seconds to wait for each answer of the store.
    base
        The base IRI of exported resources.

    Returns
    -------
    PushResult

    Raises
    ------
    StoreError
        When the store refuses the connection, answers with an HTTP error or times out;
        the target graph is then as it was before.
    """
    if graph_iri is not None and (
        "<" in graph_iri or ">" in graph_iri or " " in graph_iri or ":" not in graph_iri
    ):
        raise StoreError(
            f"graph IRI {graph_iri!r} is not an absolute IRI; give one like {base}graph"
        )
    ends = endpoints(store)
    temp = f"urn:uuid:{uuid.uuid4()}"
    with tempfile.SpooledTemporaryFile(max_size=_SPOOL) as body:
        n = serialize(graph, body, format="ntriples", base=base)  # type: ignore[arg-type]
        size = body.tell()
        body.seek(0)
        url = f"{ends.store}?{urllib.parse.urlencode({'graph': temp})}"
        try:
            request(
                "PUT",
                url,
                data=body,
                headers={"Content-Type": "application/n-triples", "Content-Length": str(size)},
                timeout=timeout,
            )
            if n == 0 and not append:
                clear = f"CLEAR SILENT {_target(graph_iri)}"
                update(ends, f"{clear} ;\nDROP SILENT GRAPH <{temp}>", timeout=timeout)
            elif append:
                update(
                    ends,
                    f"ADD SILENT GRAPH <{temp}> TO {_target(graph_iri)} ;\n"
                    f"DROP SILENT GRAPH <{temp}>",
                    timeout=timeout,
                )
            else:
                update(ends, f"MOVE SILENT GRAPH <{temp}> TO {_target(graph_iri)}", timeout=timeout)
        except StoreError:
            _drop_quietly(ends, temp, timeout)
            raise
    log.info("pushed %d triples to %s (%s)", n, graph_iri or "the default graph", store)
    return PushResult(n, graph_iri, append)


def _drop_quietly(ends: Endpoints, temp: str, timeout: float) -> None:
    try:
        update(ends, f"DROP SILENT GRAPH <{temp}>", timeout=timeout)
    except StoreError as exc:  # the store is gone or broken; the target graph was never touched
        log.warning("could not drop the temporary graph <%s>: %s", temp, exc)

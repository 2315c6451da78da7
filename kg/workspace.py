"""Save and load a workspace: one directory holding the graph, the single source of truth.

Layout of a workspace directory::

    DIR/
      graph.json     the graph without its bulky details: format name, version, graph
                     attributes, nodes, edges, and the digest of details.json
      details.json   paper abstracts, entity merges and every edge's mentions
      graph.ttl      the RDF export (kg.rdf), derived, rewritten by every build
      graph.html     the interactive view (kg.views), derived

Both JSON files are one document written one record per line::

    {"details":{"blake2b":"...","file":"details.json"},"format":"kg-workspace",
    "graph":{...},"keys":["cites","compares_with",...],"version":2,
    "nodes":[
    ["arxiv:2303.06865",{"node_type":"paper","title":"...",...}],
    ...],
    "edges":[
    [0,[4,9],[3,5],[1.0,2.0]],
    [7,[0],[0],[1.0]],
    ...],
    "edge_attrs":[
    [2,{"via":["method:flexgen"]}],
    ...]}

    {"format":"kg-workspace-details","version":2,
    "nodes":[[0,{"abstract":"..."}], [4,{"merges":[...]}], ...],
    "mentions":[[0,[["FlexGen","title",0,7,0,7,"methods",0.9]]], ...]}

An edge line holds every out-edge of one node: ``[source, targets, keys, weights]`` --
source and targets as positions in the node list, keys as positions in ``keys``,
``relation`` equal to the key. An edge's position is its place in that order (lines,
then entries); ``edge_attrs`` gives the other attributes (``via``) by edge position, and
details refer to nodes and edges by position too; a mention row lists
``_MENTION_FIELDS`` in order. Integers parse faster than repeated id strings, the lists of
a line become numpy arrays without a per-edge step (:func:`edge_table`), and the loaded
graph shares one string per node id. Loading turns the rows back into the attribute
dicts of the schema (:mod:`kg.graph`). Version 1 (one line per edge) is refused with
advice to rebuild.

Nodes are sorted by id, edges by (source, target, key), attribute keys sorted, UTF-8 kept
readable: the same graph always gives the same bytes, and the files diff line by line.
Each file is written atomically (:mod:`kg.atomic`), details first; graph.json names the
digest of its details.json, so a reader never pairs a graph with other details.
Papers and their mentions are recoverable from the graph (:func:`papers_and_mentions`),
which is what ``kg add`` builds on.

Loading parses with orjson (the standard library's decoder as fallback) with the cyclic
collector paused and fills networkx's adjacency dictionaries directly (``add_edges_from``
would re-validate every edge). The analysis commands load without details
(``details=False``): on 100k papers that skips most of the bytes, and the edge dicts are
built only when something first reads the edges (:class:`_LazyEdges`); until then
:func:`edge_table` gives them as numpy arrays, which is all the igraph path of ``kg
central`` needs. ``benchmarks/bench_graph.py`` measures each.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import IO, Any

import networkx as nx

try:  # optional speed-up of loading (about 2x on the JSON parse)
    import orjson
except ImportError:  # pragma: no cover - orjson is a dependency, the fallback is a safety net
    orjson = None  # type: ignore[assignment]

from kg.atomic import atomic_open
from kg.errors import WorkspaceError
from kg.gcpause import gc_paused
from kg.model import EntityType, Field, Mention, Paper, Role, SourceRef

__all__ = [
    "DETAILS_FILE",
    "FORMAT",
    "GRAPH_FILE",
    "VERSION",
    "EdgeTable",
    "edge_table",
    "load",
    "papers_and_mentions",
    "save",
]

#: The ``format`` field of graph.json.
FORMAT = "kg-workspace"
#: The version this kg writes and reads; another version is refused with advice
#: (2: edges grouped by source node, edge attributes apart).
VERSION = 2
#: The graph file inside a workspace directory.
GRAPH_FILE = "graph.json"
#: The details file (abstracts, merges, mentions) and its ``format`` field.
DETAILS_FILE = "details.json"
DETAILS_FORMAT = "kg-workspace-details"


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


#: Node attributes kept in details.json (large, and needed by no analysis command).
_DETAIL_NODE_ATTRS = ("abstract", "merges")
#: The fields of one mention, in the order of its compact row in details.json.
_MENTION_FIELDS = (
    "text",
    "field",
    "start",
    "end",
    "sentence_start",
    "sentence_end",
    "extractor",
    "confidence",
)


class _HashingWriter:
    """Writes text through to a file and keeps the BLAKE2b digest of what it wrote."""

    def __init__(self, fh: IO[str]) -> None:
        self.fh = fh
        self.digest = hashlib.blake2b(digest_size=16)

    def write(self, text: str) -> None:
        self.digest.update(text.encode("utf-8"))
        self.fh.write(text)


def _write_list(fh: Any, name: str, rows: Iterator[Any], *, first: bool = False) -> None:
    fh.write(("" if first else ",\n") + f'"{name}":[')
    sep = "\n"
    for row in rows:
        fh.write(sep + _dump(row))
        sep = ",\n"
    fh.write("\n]")


def save(graph: nx.MultiDiGraph, directory: str | Path) -> Path:
    """Write the graph into a workspace directory (created if needed); returns graph.json.

    Two files: ``details.json`` (paper abstracts, entity merges, edge mentions), written
    first, then ``graph.json`` (everything else, and the digest of details.json), so a
    reader never pairs a new graph with old details.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A kg graph (schema in :mod:`kg.graph`), with its details.
    directory : str or Path
        The workspace directory.

    Returns
    -------
    Path
        The path of ``graph.json``.

    Raises
    ------
    WorkspaceError
        If ``directory`` exists and is not a directory, or the graph was loaded without
        its details (saving it would lose them).

    Examples
    --------
    >>> import tempfile
    >>> g = nx.MultiDiGraph(kg_format=1)
    >>> g.add_node("method:a", node_type="method", label="A")
    >>> with tempfile.TemporaryDirectory() as d:
    ...     path = save(g, d)
    ...     sorted(load(d).nodes(data="label"))
    [('method:a', 'A')]
    """
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise WorkspaceError(f"{directory} exists and is not a directory; choose another -o DIR")
    if graph.graph.get(_PARTIAL):
        raise WorkspaceError(
            "this graph was loaded with details=False; saving it would drop the abstracts, "
            "merges and mentions: load it with details=True"
        )
    nodes = sorted(graph.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    edges = sorted(graph.edges(keys=True), key=lambda e: (e[0], e[1], e[2]))
    keys = sorted({k for _, _, k in edges})
    key_index = {k: i for i, k in enumerate(keys)}
    node_data, adj = graph.nodes, graph._succ
    with atomic_open(directory / DETAILS_FILE, "w") as raw:
        out = _HashingWriter(raw)
        out.write(_dump({"format": DETAILS_FORMAT, "version": VERSION})[:-1] + ",\n")
        _write_list(
            out,
            "nodes",
            (
                [i, {k: node_data[n][k] for k in _DETAIL_NODE_ATTRS if k in node_data[n]}]
                for i, n in enumerate(nodes)
                if any(k in node_data[n] for k in _DETAIL_NODE_ATTRS)
            ),
            first=True,
        )
        _write_list(
            out,
            "mentions",
            (
                [e, [[m.get(f) for f in _MENTION_FIELDS] for m in adj[u][v][k]["mentions"]]]
                for e, (u, v, k) in enumerate(edges)
                if "mentions" in adj[u][v][k]
            ),
        )
        out.write("}\n")
    path = directory / GRAPH_FILE
    header = {
        "format": FORMAT,
        "version": VERSION,
        "graph": dict(graph.graph),
        "details": {"file": DETAILS_FILE, "blake2b": out.digest.hexdigest()},
        "keys": keys,
    }
    with atomic_open(path, "w") as fh:
        fh.write(_dump(header)[:-1] + ",\n")
        _write_list(
            fh,
            "nodes",
            (
                [n, {k: v for k, v in node_data[n].items() if k not in _DETAIL_NODE_ATTRS}]
                for n in nodes
            ),
            first=True,
        )
        rows: list[list[Any]] = []
        attrs: list[list[Any]] = []
        for e, (u, v, k) in enumerate(edges):
            data = adj[u][v][k]
            iu = index[u]
            if not rows or rows[-1][0] != iu:
                rows.append([iu, [], [], []])
            row = rows[-1]
            row[1].append(index[v])
            row[2].append(key_index[k])
            row[3].append(data.get("weight", 1.0))
            rest = _edge_attrs(k, data)
            if rest:
                attrs.append([e, rest])
        _write_list(fh, "edges", iter(rows))
        _write_list(fh, "edge_attrs", iter(attrs))
        fh.write("}\n")
    return path


def _edge_attrs(key: str, data: dict[str, Any]) -> dict[str, Any]:
    """The attributes of an edge besides relation (= key), weight and mentions (via)."""
    rest = {a: x for a, x in data.items() if a not in ("relation", "weight", "mentions")}
    if data.get("relation", key) != key:
        rest["relation"] = data["relation"]
    return rest


#: graph.graph key set on a graph loaded without details.
_PARTIAL = "kg_details_missing"


def _parse(data: bytes) -> Any:
    """JSON from bytes: orjson (about twice as fast on a workspace) when installed.

    Whatever orjson refuses (it has no NaN, no integers past 64 bits) goes to the standard
    library's decoder, which also gives the error messages.
    """
    if orjson is not None:
        try:
            return orjson.loads(data)
        except orjson.JSONDecodeError:
            pass
    return json.loads(data.decode("utf-8"))


def _read_json(path: Path, directory: Path, expected: str) -> tuple[Any, bytes]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise WorkspaceError(
            f"{directory} is not a complete kg workspace (no {path.name}); "
            f"build one with `kg build SOURCES... -o {directory}`"
        ) from None
    except OSError as exc:
        raise WorkspaceError(f"cannot read {path}: {exc}; rebuild with `kg build`") from exc
    try:
        with gc_paused():
            doc = _parse(data)
    except UnicodeDecodeError as exc:
        raise WorkspaceError(f"cannot read {path}: {exc}; rebuild with `kg build`") from exc
    except json.JSONDecodeError as exc:
        raise WorkspaceError(
            f"{path} is incomplete or damaged ({exc.msg} at line {exc.lineno}); "
            f"rebuild it with `kg build SOURCES... -o {directory}`"
        ) from None
    if not isinstance(doc, dict) or doc.get("format") != expected:
        raise WorkspaceError(f"{path} is not a kg workspace file; rebuild with `kg build`")
    if doc.get("version") != VERSION:
        raise WorkspaceError(
            f"{path} was written in workspace format version {doc.get('version')!r}; this kg "
            f"reads version {VERSION}: rebuild it with `kg build SOURCES... -o {directory}`"
        )
    return doc, data


def load(directory: str | Path, *, details: bool = True) -> nx.MultiDiGraph:
    """Read the graph of a workspace directory.

    Parameters
    ----------
    directory : str or Path
        A workspace written by :func:`save`.
    details : bool
        Also read details.json: paper ``abstract``, entity ``merges`` and edge ``mentions``.
        The analysis commands need none of them and load several times faster without;
        such a graph is marked and :func:`save` refuses it.

    Raises
    ------
    WorkspaceError
        If the directory or one of its files is missing, incomplete, not JSON, of another
        format version, or details.json does not belong to graph.json; the message says
        what to do.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise WorkspaceError(
            f"no workspace at {directory}: build one with `kg build SOURCES... -o {directory}`"
        )
    if not (directory / GRAPH_FILE).exists():
        raise WorkspaceError(
            f"{directory} is not a kg workspace (no {GRAPH_FILE}); "
            f"build one with `kg build SOURCES... -o {directory}`"
        )
    doc, _ = _read_json(directory / GRAPH_FILE, directory, FORMAT)
    extra = None
    if details:
        extra, data = _read_json(directory / DETAILS_FILE, directory, DETAILS_FORMAT)
        expected = (doc.get("details") or {}).get("blake2b")
        found = hashlib.blake2b(data, digest_size=16).hexdigest()
        if expected != found:
            raise WorkspaceError(
                f"{directory / DETAILS_FILE} does not belong to {GRAPH_FILE} (an interrupted "
                f"write?); rebuild with `kg build SOURCES... -o {directory}`"
            )
    try:
        with gc_paused():
            return _graph(doc, extra)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        raise WorkspaceError(
            f"{directory / GRAPH_FILE} is damaged ({exc!r}); rebuild with `kg build`"
        ) from exc


def _graph(doc: dict[str, Any], extra: dict[str, Any] | None) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph() if extra is not None else _LazyEdges()
    g.graph.update(doc["graph"])
    od = g.__dict__  # the raw dicts: the lazy class's descriptors must not fire here
    node, succ, pred = od["_node"], od["_succ"], od["_pred"]
    ids: list[str] = []
    for n, attrs in doc["nodes"]:
        node[n] = attrs
        succ[n] = {}
        pred[n] = {}
        ids.append(n)
    edges = _Edges(ids, doc["keys"], doc["edges"], doc["edge_attrs"])
    if not (isinstance(edges.rows, list) and isinstance(edges.attrs, list)):
        raise TypeError("edges and edge_attrs must be lists")
    if extra is None:
        g.graph[_PARTIAL] = True
        od[_ROWS] = edges
        return g
    found = _fill_edges(succ, pred, edges)
    for i, attrs in extra["nodes"]:
        node[ids[i]].update(attrs)
    fields = _MENTION_FIELDS
    for e, mention_rows in extra["mentions"]:
        found[e]["mentions"] = [dict(zip(fields, r, strict=True)) for r in mention_rows]
    return g


@dataclass(frozen=True, slots=True)
class _Edges:
    """The edge part of graph.json as parsed: node ids, keys, per-source rows, attributes."""

    ids: list[str]
    keys: list[str]
    rows: list[list[Any]]
    attrs: list[list[Any]]


def _fill_edges(succ: dict[str, Any], pred: dict[str, Any], edges: _Edges) -> list[Any]:
    """Turn the edge rows into networkx's adjacency dicts; returns the attribute dicts
    in edge position order (succ and pred share key dicts, as networkx does)."""
    # the hot loop of a load (a million edges at 100k papers): locals only, one dict per
    # edge, node ids shared from one list (no per-edge copies of the id strings)
    ids, keys = edges.ids, edges.keys
    extras = iter(edges.attrs)
    next_extra = next(extras, None)
    found: list[dict[str, Any]] = []
    add = found.append
    for iu, targets, key_positions, weights in edges.rows:
        succ_u = succ[ids[iu]]
        last_v = -1
        keydict: dict[str, Any] = {}
        for iv, ik, weight in zip(targets, key_positions, weights, strict=True):
            if iv != last_v:
                v = ids[iv]
                keydict = succ_u.get(v)
                if keydict is None:
                    keydict = succ_u[v] = pred[v][ids[iu]] = {}
                last_v = iv
            key = keys[ik]
            data = {"relation": key, "weight": weight}
            if next_extra is not None and next_extra[0] == len(found):
                data.update(next_extra[1])
                next_extra = next(extras, None)
            keydict[key] = data
            add(data)
    if next_extra is not None:
        raise ValueError(f"edge_attrs names edge {next_extra[0]} of {len(found)}")
    return found


#: Where a lazily loaded graph keeps its unread edge rows (in the instance dict).
_ROWS = "_kg_edge_rows"


class _Adjacency:
    """A data descriptor for ``_adj``/``_succ``/``_pred`` that fills the edges on first read.

    Setting behaves as networkx's own descriptors (``_adj`` and ``_succ`` are one object,
    cached views are reset).
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.base = getattr(nx.MultiDiGraph, "_pred" if name == "_pred" else "_adj")

    def __get__(self, obj: Any, objtype: Any = None) -> Any:
        if obj is None:
            return self
        od = obj.__dict__
        if _ROWS in od:
            _materialise(obj)
        return od[self.name]

    def __set__(self, obj: Any, value: Any) -> None:
        self.base.__set__(obj, value)


class _LazyEdges(nx.MultiDiGraph):  # type: ignore[misc]
    """A MultiDiGraph loaded without details whose edge dicts are built on first use.

    Nodes and their attributes are there at once; the first read of the adjacency (any
    edge query, any algorithm, any mutation) builds the edge dicts from the saved rows and
    turns the object into a plain :class:`networkx.MultiDiGraph`. Until then
    :func:`edge_table` hands the edges to array code (igraph) without building them.
    """

    _adj = _Adjacency("_adj")
    _succ = _Adjacency("_succ")
    _pred = _Adjacency("_pred")


def _materialise(g: Any) -> None:
    od = g.__dict__
    edges = od.pop(_ROWS)
    od.pop(_TABLE, None)
    try:
        with gc_paused():
            _fill_edges(od["_succ"], od["_pred"], edges)
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise WorkspaceError(f"the workspace's edges are damaged ({exc!r}); rebuild it") from exc
    g.__class__ = nx.MultiDiGraph


#: Where :func:`edge_table` caches its arrays on a lazily loaded graph.
_TABLE = "_kg_edge_table"


@dataclass(frozen=True, slots=True)
class EdgeTable:
    """The edges of a loaded workspace as parallel numpy arrays.

    ``source`` and ``target`` are positions in ``nodes`` (the graph's node order),
    ``key`` positions in ``keys``; ``weight`` is the saved weight (missing: 1.0).
    """

    nodes: list[str]
    keys: list[str]
    source: Any
    target: Any
    key: Any
    weight: Any


def edge_table(graph: nx.MultiDiGraph) -> EdgeTable | None:
    """The edges of a graph :func:`load`-ed without details, as arrays, if still untouched.

    Returns None once anything has read or changed the graph's edges through networkx
    (then the adjacency dicts are the truth), and for any other graph. Array code (the
    igraph path of :mod:`kg.analysis.centrality`) uses it to skip building a million edge
    dicts.

    Examples
    --------
    >>> import tempfile
    >>> g = nx.MultiDiGraph(kg_format=1)
    >>> _ = g.add_edge("p", "method:a", key="uses", weight=2.0)
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = save(g, d)
    ...     light = load(d, details=False)
    >>> t = edge_table(light)
    >>> t.nodes, t.source.tolist(), t.target.tolist(), t.weight.tolist()
    (['method:a', 'p'], [1], [0], [2.0])
    >>> light.number_of_edges(), edge_table(light)
    (1, None)
    """
    od = graph.__dict__
    if _ROWS not in od:
        return None
    table: EdgeTable | None = od.get(_TABLE)
    if table is None:
        import numpy as np

        edges: _Edges = od[_ROWS]
        rows = edges.rows
        lengths = np.fromiter(map(len, map(itemgetter(1), rows)), dtype=np.int64, count=len(rows))

        def column(i: int, dtype: Any) -> Any:
            return np.array(list(chain.from_iterable(map(itemgetter(i), rows))), dtype=dtype)

        try:
            weight = column(3, np.float64)
        except TypeError:  # a null weight: networkx readers take it as 1.0
            flat = chain.from_iterable(map(itemgetter(3), rows))
            weight = np.array([1.0 if w is None else w for w in flat], dtype=np.float64)
        starts = np.fromiter(map(itemgetter(0), rows), dtype=np.int64, count=len(rows))
        table = EdgeTable(
            nodes=edges.ids,
            keys=edges.keys,
            source=np.repeat(starts, lengths),
            target=column(1, np.int64),
            key=column(2, np.int64),
            weight=weight,
        )
        od[_TABLE] = table
    return table


def papers_and_mentions(graph: nx.MultiDiGraph) -> tuple[list[Paper], list[Mention]]:
    """Recover the papers and every mention from a kg graph (what ``kg add`` starts from).

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("p", node_type="paper", title="T", abstract="Uses X.", sources=["a:1:csv"])
    >>> g.add_node("method:x", node_type="method")
    >>> _ = g.add_edge("p", "method:x", key="uses", mentions=[{"text": "X", "field":
    ...     "abstract", "start": 5, "end": 6, "extractor": "t", "confidence": 1.0}])
    >>> papers, mentions = papers_and_mentions(g)
    >>> papers[0].sources, mentions[0].text, mentions[0].role
    ((SourceRef(path='a', line=1, format='csv'),), 'X', <Role.USES: 'uses'>)
    """
    papers = [_paper(n, d) for n, d in graph.nodes(data=True) if d.get("node_type") == "paper"]
    roles = {r.value for r in Role}
    mentions: list[Mention] = []
    for u, v, key, data in graph.edges(keys=True, data=True):
        if key not in roles:
            continue
        entity_type = EntityType(graph.nodes[v]["node_type"])
        for m in data.get("mentions", []):
            mentions.append(
                Mention(
                    paper_id=u,
                    text=m["text"],
                    type=entity_type,
                    role=Role(key),
                    field=Field(m["field"]),
                    start=m["start"],
                    end=m["end"],
                    extractor=m["extractor"],
                    confidence=m["confidence"],
                    sentence_start=m.get("sentence_start", 0),
                    sentence_end=m.get("sentence_end", 0),
                )
            )
    return papers, mentions


def _source(text: str) -> SourceRef:
    """``path:line:format`` (also ``path:line``, as older hand-made graphs write it)."""
    parts = text.rsplit(":", 2)
    if len(parts) == 3 and parts[1].isdigit():
        return SourceRef(parts[0], int(parts[1]), parts[2])
    path, _, line = text.rpartition(":")
    if path and line.isdigit():
        return SourceRef(path, int(line), "")
    return SourceRef(text, 0, "")


def _paper(node: str, d: dict[str, Any]) -> Paper:
    return Paper(
        id=node,
        title=d.get("title", ""),
        abstract=d.get("abstract", ""),
        authors=tuple(d.get("authors") or ()),
        n_authors=None if d.get("authors") else d.get("n_authors"),
        date=d.get("date"),
        updated=d.get("updated"),
        upvotes=d.get("upvotes"),
        organisation=d.get("organisation"),
        urls=tuple(d.get("urls") or ()),
        arxiv_id=d.get("arxiv_id"),
        doi=d.get("doi"),
        categories=tuple(d.get("categories") or ()),
        sources=tuple(_source(s) for s in d.get("sources") or ()),
    )

"""Save and load a workspace: one directory holding the graph, the single source of truth.

Layout of a workspace directory::

    DIR/
      graph.json     the graph (this module): format name, version, graph attributes,
                     nodes, edges
      graph.ttl      the RDF export (kg.rdf), derived, rewritten by every build
      graph.html     the interactive view (kg.views), derived

``graph.json`` is one JSON document written one node or edge per line::

    {"format":"kg-workspace","version":1,"graph":{...},
    "nodes":[
    ["arxiv:2303.06865",{"abstract":"...","node_type":"paper",...}],
    ...
    ],
    "edges":[
    ["arxiv:2303.06865","method:flexgen","introduces",{"mentions":[...],...}],
    ...
    ]}

Nodes are sorted by id, edges by (source, target, key), attribute keys sorted, UTF-8 kept
readable: the same graph always gives the same bytes, and the file diffs line by line.
Writes are atomic (:mod:`kg.atomic`): a reader sees the old workspace or the new one.
Papers and their mentions are recoverable from the graph (:func:`papers_and_mentions`),
which is what ``kg add`` builds on.

Loading parses with the standard library's C JSON decoder and fills networkx's adjacency
dictionaries directly (``add_edges_from`` would re-validate every edge); the benchmark
``benchmarks/bench_graph.py`` measures it on 100k papers.
"""

from __future__ import annotations

import contextlib
import gc
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from kg.atomic import atomic_open
from kg.errors import WorkspaceError
from kg.model import EntityType, Field, Mention, Paper, Role, SourceRef

__all__ = ["FORMAT", "GRAPH_FILE", "VERSION", "load", "papers_and_mentions", "save"]

#: The ``format`` field of graph.json.
FORMAT = "kg-workspace"
#: The version this kg writes and reads; another version is refused with advice.
VERSION = 1
#: The graph file inside a workspace directory.
GRAPH_FILE = "graph.json"


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic collector while building millions of acyclic containers (the JSON
    document, the adjacency dicts): its full passes would otherwise dominate a load."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def save(graph: nx.MultiDiGraph, directory: str | Path) -> Path:
    """Write the graph into a workspace directory (created if needed); returns graph.json.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A kg graph (schema in :mod:`kg.graph`).
    directory : str or Path
        The workspace directory.

    Returns
    -------
    Path
        The path of ``graph.json``.

    Raises
    ------
    WorkspaceError
        If ``directory`` exists and is not a directory.

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
    path = directory / GRAPH_FILE
    header = {"format": FORMAT, "version": VERSION, "graph": dict(graph.graph)}
    with atomic_open(path, "w") as fh:
        fh.write(_dump(header)[:-1] + ',\n"nodes":[')
        sep = "\n"
        for node in sorted(graph.nodes):
            fh.write(sep + _dump([node, graph.nodes[node]]))
            sep = ",\n"
        fh.write('\n],\n"edges":[')
        sep = "\n"
        edges = sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))
        for u, v, key, data in edges:
            fh.write(sep + _dump([u, v, key, data]))
            sep = ",\n"
        fh.write("\n]}\n")
    return path


def load(directory: str | Path) -> nx.MultiDiGraph:
    """Read the graph of a workspace directory.

    Raises
    ------
    WorkspaceError
        If the directory or its graph.json is missing, graph.json is incomplete or not
        JSON, or it was written in another format version; the message says what to do.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise WorkspaceError(
            f"no workspace at {directory}: build one with `kg build SOURCES... -o {directory}`"
        )
    path = directory / GRAPH_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise WorkspaceError(
            f"{directory} is not a kg workspace (no {GRAPH_FILE}); "
            f"build one with `kg build SOURCES... -o {directory}`"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise WorkspaceError(f"cannot read {path}: {exc}; rebuild with `kg build`") from exc
    try:
        with _gc_paused():
            doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise WorkspaceError(
            f"{path} is incomplete or damaged ({exc.msg} at line {exc.lineno}); "
            f"rebuild it with `kg build SOURCES... -o {directory}`"
        ) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise WorkspaceError(f"{path} is not a kg workspace graph; rebuild with `kg build`")
    if doc.get("version") != VERSION:
        raise WorkspaceError(
            f"{path} was written in workspace format version {doc.get('version')!r}; this kg "
            f"reads version {VERSION}: rebuild it with `kg build SOURCES... -o {directory}`"
        )
    try:
        with _gc_paused():
            return _graph(doc)
    except (KeyError, TypeError, ValueError) as exc:
        raise WorkspaceError(f"{path} is damaged ({exc!r}); rebuild with `kg build`") from exc


def _graph(doc: dict[str, Any]) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.graph.update(doc["graph"])
    node, succ, pred = g._node, g._succ, g._pred
    for n, attrs in doc["nodes"]:
        node[n] = attrs
        succ[n] = {}
        pred[n] = {}
    for u, v, key, attrs in doc["edges"]:
        # the same key dict is shared by succ[u][v] and pred[v][u], as networkx does
        keydict = succ[u].get(v)
        if keydict is None:
            keydict = succ[u][v] = pred[v][u] = {}
        keydict[key] = attrs
    return g


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

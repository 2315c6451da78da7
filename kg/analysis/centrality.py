"""The central nodes of a kg graph: degree, PageRank, betweenness, eigenvector, HITS.

networkx is the reference implementation; on large graphs (``engine="auto"``) the same
metrics are computed by python-igraph when it is installed (the optional extra ``fast``),
and a test pins that both engines rank small graphs alike.

What each metric is computed on:

========== ============================================ ==========================================
metric     graph                                        notes
========== ============================================ ==========================================
degree     undirected, one edge per neighbour           normalised by ``n - 1``
pagerank   directed, weighted (mentions per edge)       damping 0.85
betweenness undirected, unweighted                      exact up to :data:`SAMPLE_ABOVE` nodes,
                                                        else ``k`` sampled sources (stated;
                                                        :func:`betweenness_samples`)
eigenvector undirected, weighted                        Lanczos (ARPACK) on the symmetric
                                                        adjacency: converges on bipartite graphs,
                                                        where power iteration oscillates
hits       directed, weighted                           papers by hub score, entities by
                                                        authority score
========== ============================================ ==========================================

With ``projection="cooccurrence"`` every metric runs on the entity co-occurrence graph
(:func:`kg.analysis.projection.cooccurrence`) instead.
"""

from __future__ import annotations

import heapq
import logging
import random
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

import networkx as nx

from kg.analysis.projection import collapse, cooccurrence
from kg.errors import QueryError
from kg.model import NodeType
from kg.workspace import EdgeTable, edge_table

__all__ = [
    "DEFAULT_K",
    "MIN_K",
    "SAMPLE_ABOVE",
    "SAMPLE_BUDGET",
    "Engine",
    "Metric",
    "Projection",
    "Ranked",
    "betweenness_samples",
    "central",
    "scores",
]

log = logging.getLogger(__name__)

#: Betweenness is exact up to this many nodes and sampled above it.
SAMPLE_ABOVE = 5000
#: The most sampled source nodes betweenness uses on large graphs, unless ``k`` is given.
DEFAULT_K = 100
#: The fewest sampled sources on very large graphs, unless ``k`` is given.
MIN_K = 32
#: Above this many ``sources x nodes`` the default sample shrinks (from :data:`DEFAULT_K`
#: towards :data:`MIN_K`): each source is a search over the whole graph, and at 100k papers
#: igraph needs about 0.6 microseconds per node per source, so this keeps the default
#: near 5 s there (k=45 on the 174k-node benchmark graph, 75 on a 106k-node one).
SAMPLE_BUDGET = 8_000_000
#: ``engine="auto"`` uses igraph (when installed) from this many nodes on.
IGRAPH_ABOVE = 20000


class Metric(StrEnum):
    """The centrality metrics ``central`` knows."""

    DEGREE = "degree"
    PAGERANK = "pagerank"
    BETWEENNESS = "betweenness"
    EIGENVECTOR = "eigenvector"
    HITS = "hits"


class Projection(StrEnum):
    """Which graph a metric runs on: the paper-entity graph or the entity co-occurrences."""

    GRAPH = "graph"
    COOCCURRENCE = "cooccurrence"


class Engine(StrEnum):
    """Who computes: networkx (reference), igraph (fast path) or auto (igraph when large)."""

    AUTO = "auto"
    NETWORKX = "networkx"
    IGRAPH = "igraph"


@dataclass(frozen=True, slots=True)
class Ranked:
    """One node of a centrality ranking."""

    node: str
    label: str
    node_type: str
    score: float


E = TypeVar("E", bound=StrEnum)


def parse_choice(kind: type[E], value: str | E, what: str) -> E:
    """``value`` as a member of ``kind``, or a QueryError naming the values that exist."""
    try:
        return kind(value)
    except ValueError:
        names = ", ".join(m.value for m in kind)
        raise QueryError(f"unknown {what} {value!r}; available: {names}") from None


def betweenness_samples(n_nodes: int, k: int | None = None) -> int | None:
    """The number of sampled sources betweenness uses on ``n_nodes`` nodes (None: exact).

    Exact up to :data:`SAMPLE_ABOVE` nodes; then :data:`DEFAULT_K` sources, fewer (down to
    :data:`MIN_K`) once ``k x n_nodes`` passes :data:`SAMPLE_BUDGET`; ``k`` overrides.

    Examples
    --------
    >>> betweenness_samples(100), betweenness_samples(50_000), betweenness_samples(50, k=10)
    (None, 100, 10)
    >>> betweenness_samples(174_154), betweenness_samples(1_000_000)
    (45, 32)
    """
    if k is not None:
        if k < 2:
            raise QueryError(f"k (sampled betweenness sources) must be at least 2, not {k}")
        return k if k < n_nodes else None
    if n_nodes <= SAMPLE_ABOVE:
        return None
    return max(MIN_K, min(DEFAULT_K, SAMPLE_BUDGET // n_nodes))


Scorer = Callable[[nx.Graph, "int | None", int], dict[str, float]]


def _undirected(h: nx.Graph) -> nx.Graph:
    return h if not h.is_directed() else h.to_undirected(as_view=True)


def _principal(matvec: Callable[[Any], Any], n: int) -> Any:
    """The principal eigenvector of a symmetric PSD-or-not operator, robustly.

    Lanczos (``eigsh``, largest algebraic) from a fixed start vector, so the result is
    deterministic; if ARPACK does not converge, shifted power iteration ``(A + I)``, bounded
    at 1,000 steps, which cannot oscillate on bipartite graphs.
    """
    import numpy as np
    from scipy.sparse.linalg import ArpackNoConvergence, LinearOperator, eigsh

    if n == 0:
        return np.zeros(0)
    if n <= 2:
        mat = np.column_stack([matvec(col) for col in np.eye(n)])
        values, vectors = np.linalg.eigh((mat + mat.T) / 2)
        vec = vectors[:, int(np.argmax(values))]
    else:
        op = LinearOperator((n, n), matvec=matvec, dtype=float)
        try:
            _, vectors = eigsh(op, k=1, which="LA", v0=np.ones(n), maxiter=max(1000, 10 * n))
            vec = vectors[:, 0]
        except ArpackNoConvergence:
            log.warning("ARPACK did not converge; falling back to shifted power iteration")
            vec = np.ones(n) / n
            for _ in range(1000):
                nxt = matvec(vec) + vec
                nxt /= np.linalg.norm(nxt) or 1.0
                done = np.abs(nxt - vec).sum() < n * 1e-10
                vec = nxt
                if done:
                    break
    vec = np.abs(vec)
    norm = np.linalg.norm(vec)
    return vec / norm if norm else vec


def _adjacency(h: nx.Graph, weight: str | None) -> tuple[list[str], Any]:
    nodes = list(h)
    return nodes, nx.to_scipy_sparse_array(h, nodelist=nodes, weight=weight, format="csr")


def _nx_degree(h: nx.Graph, k: int | None, seed: int) -> dict[str, float]:
    return dict(nx.degree_centrality(_undirected(h)))


def _nx_pagerank(h: nx.Graph, k: int | None, seed: int) -> dict[str, float]:
    return dict(nx.pagerank(h, weight="weight"))


def _nx_betweenness(h: nx.Graph, k: int | None, seed: int) -> dict[str, float]:
    u = _undirected(h)
    return dict(nx.betweenness_centrality(u, k=betweenness_samples(len(u), k), seed=seed))


def _nx_eigenvector(h: nx.Graph, k: int | None, seed: int) -> dict[str, float]:
    nodes, a = _adjacency(_undirected(h), "weight")
    vec = _principal(lambda x: a @ x, len(nodes))
    return dict(zip(nodes, map(float, vec), strict=True))


def _nx_hits(h: nx.Graph, k: int | None, seed: int) -> dict[str, float]:
    nodes, a = _adjacency(h, "weight")
    at = a.T.tocsr()
    auth = _principal(lambda x: at @ (a @ x), len(nodes))
    hub = a @ auth if len(nodes) else auth
    papers = frozenset(n for n, t in h.nodes(data="node_type") if t == NodeType.PAPER)
    return _hub_or_authority(papers, nodes, [float(x) for x in hub], [float(x) for x in auth])


def _hub_or_authority(
    papers: frozenset[str], nodes: list[str], hub: list[float], auth: list[float]
) -> dict[str, float]:
    hub_sum, auth_sum = sum(hub) or 1.0, sum(auth) or 1.0
    return {
        n: (hv / hub_sum if n in papers else av / auth_sum)
        for n, hv, av in zip(nodes, hub, auth, strict=True)
    }


@dataclass(frozen=True, slots=True)
class _Pairs:
    """A weighted simple graph as flat lists: what igraph is built from."""

    nodes: list[str]
    papers: frozenset[str]
    edges: list[tuple[int, int]]
    weights: list[float]
    directed: bool


def _papers(graph: nx.Graph) -> frozenset[str]:
    return frozenset(n for n, t in graph.nodes(data="node_type") if t == NodeType.PAPER)


def _table_arrays(table: EdgeTable, *, directed: bool) -> tuple[Any, Any, Any]:
    """Collapsed (sources, targets, weights) arrays from a workspace's edge arrays.

    The same pairs and weights as :func:`_pairs` on the networkx graph: self-loops
    dropped, parallel edges (and, undirected, the two directions) summed, a zero weight
    counted as 1.0; pairs sorted by (source, target) position.
    """
    import numpy as np

    n = len(table.nodes)
    src, dst = table.source, table.target
    weight = np.where(table.weight == 0, 1.0, table.weight)
    keep = src != dst
    src, dst, weight = src[keep], dst[keep], weight[keep]
    if not directed:
        src, dst = np.minimum(src, dst), np.maximum(src, dst)
    code = src * n + dst
    unique, inverse = np.unique(code, return_inverse=True)
    summed = np.bincount(inverse.ravel(), weights=weight, minlength=len(unique))
    return unique // n, unique % n, summed


def _table_pairs(graph: nx.Graph, table: EdgeTable, *, directed: bool) -> _Pairs:
    """Weighted pairs straight from a workspace's edge arrays (no edge dict is built)."""
    src, dst, summed = _table_arrays(table, directed=directed)
    # tuples of Python ints: what igraph's constructor reads fastest
    edges = list(zip(src.tolist(), dst.tolist(), strict=True))
    return _Pairs(table.nodes, _papers(graph), edges, summed.tolist(), directed)


def _pairs(graph: nx.Graph, *, directed: bool) -> _Pairs:
    """Collapse any networkx graph (multi or not) to weighted pairs, without an nx copy.

    A graph loaded without details whose edges nothing has touched yet goes through its
    edge arrays instead (:func:`kg.workspace.edge_table`, :func:`_table_pairs`).

    Reads the adjacency directly: on the 100k-paper graph this replaces building a second
    networkx graph (:func:`~kg.analysis.projection.collapse`) just to hand it to igraph.
    Undirected: a pair linked both ways (mutual citations) becomes one edge carrying both
    weights, as :func:`~kg.analysis.projection.collapse` does.
    """
    table = edge_table(graph)
    if table is not None:
        return _table_pairs(graph, table, directed=directed)
    nodes = list(graph)
    index = {n: i for i, n in enumerate(nodes)}
    multi = graph.is_multigraph()
    from_directed = graph.is_directed()
    adj = graph._adj  # the raw dicts: the public views wrap every neighbour in an object
    edges: list[tuple[int, int]] = []
    weights: list[float] = []
    add_edge, add_weight = edges.append, weights.append

    def weight(data: Any) -> float:
        if not multi:
            return float(data.get("weight", 1.0) or 1.0)
        if len(data) == 1:
            (only,) = data.values()
            return float(only.get("weight", 1.0) or 1.0)
        return sum(float(d.get("weight", 1.0) or 1.0) for d in data.values())

    for u, nbrs in adj.items():
        iu = index[u]
        for v, data in nbrs.items():
            if u == v:
                continue
            iv = index[v]
            if directed or (not from_directed and iu < iv):
                add_edge((iu, iv))
                add_weight(weight(data))
            elif from_directed:
                back = adj[v].get(u)
                if back is None:
                    add_edge((iu, iv))
                    add_weight(weight(data))
                elif iu < iv:  # both directions: one undirected edge, counted once
                    add_edge((iu, iv))
                    add_weight(weight(data) + weight(back))
    return _Pairs(nodes, _papers(graph), edges, weights, directed)


def _to_igraph(pairs: _Pairs) -> Any:
    import igraph as ig

    g = ig.Graph(n=len(pairs.nodes), edges=pairs.edges, directed=pairs.directed)
    g.es["weight"] = pairs.weights
    return g


IgScorer = Callable[[nx.Graph, "int | None", int], dict[str, float]]


def _ig_degree(h: nx.Graph, k: int | None, seed: int) -> dict[str, float]:
    # distinct neighbours straight from the adjacency (or the edge arrays): no graph to build
    n = h.number_of_nodes()
    scale = 1.0 / (n - 1) if n > 1 else 1.0
    table = edge_table(h)
    if table is not None:
        import numpy as np

        src, dst, _ = _table_arrays(table, directed=False)
        counts = np.bincount(src, minlength=n) + np.bincount(dst, minlength=n)
        return dict(zip(table.nodes, (counts * scale).tolist(), strict=True))
    if h.is_directed():
        succ, pred = h._succ, h._pred
        return {u: len((succ[u].keys() | pred[u].keys()) - {u}) * scale for u in h}
    return {u: len(h._adj[u].keys() - {u}) * scale for u in h}


def _ig_pagerank(h: nx.Graph, k: int | None, seed: int) -> dict[str, float]:
    p = _pairs(h, directed=h.is_directed())
    g = _to_igraph(p)
    return dict(zip(p.nodes, g.pagerank(weights="weight", directed=True), strict=True))


def _ig_betweenness(h: nx.Graph, k: int | None, seed: int) -> dict[str, float]:
    p = _pairs(h, directed=False)
    g = _to_igraph(p)
    nodes = p.nodes
    samples = betweenness_samples(len(nodes), k)
    if samples is None:
        values = g.betweenness(directed=False)
    else:
        # The same sources networkx samples (random.Random(seed).sample over the node list).
        chosen = random.Random(seed).sample(nodes, samples)
        index = {n: i for i, n in enumerate(nodes)}
        values = g.betweenness(directed=False, sources=[index[n] for n in chosen])
        # networkx (>= 3.5) scales a sampled source by 1/(k-1) and the others by 1/k, as a
        # source cannot lie inside its own paths; do the same so both engines rank alike.
        for n in chosen:
            values[index[n]] *= samples / (samples - 1)
    return dict(zip(nodes, values, strict=True))


def _ig_eigenvector(h: nx.Graph, k: int | None, seed: int) -> dict[str, float]:
    p = _pairs(h, directed=False)
    if not p.edges:
        return dict.fromkeys(p.nodes, 0.0)
    g = _to_igraph(p)
    return dict(zip(p.nodes, g.eigenvector_centrality(weights="weight"), strict=True))


def _ig_hits(h: nx.Graph, k: int | None, seed: int) -> dict[str, float]:
    p = _pairs(h, directed=h.is_directed())
    if not p.edges:
        return dict.fromkeys(p.nodes, 0.0)
    g = _to_igraph(p)
    with warnings.catch_warnings():
        # igraph warns when over 30% of scores are zero; on a paper-entity graph that is the
        # structure (entities point nowhere), not a sign of a non-unique solution.
        warnings.filterwarnings("ignore", "More than 30% of hub", RuntimeWarning)
        hub, auth = g.hub_score(weights="weight"), g.authority_score(weights="weight")
    return _hub_or_authority(p.papers, p.nodes, hub, auth)


_NETWORKX: dict[Metric, Scorer] = {
    Metric.DEGREE: _nx_degree,
    Metric.PAGERANK: _nx_pagerank,
    Metric.BETWEENNESS: _nx_betweenness,
    Metric.EIGENVECTOR: _nx_eigenvector,
    Metric.HITS: _nx_hits,
}
_IGRAPH: dict[Metric, Scorer] = {
    Metric.DEGREE: _ig_degree,
    Metric.PAGERANK: _ig_pagerank,
    Metric.BETWEENNESS: _ig_betweenness,
    Metric.EIGENVECTOR: _ig_eigenvector,
    Metric.HITS: _ig_hits,
}
#: Metrics that read edge direction (the others run on the undirected graph).
_DIRECTED = frozenset({Metric.PAGERANK, Metric.HITS})


def igraph_available() -> bool:
    """Whether python-igraph (the optional extra ``fast``) can be imported."""
    try:
        import igraph  # noqa: F401
    except ImportError:
        return False
    return True


def choose_engine(engine: Engine, n_nodes: int) -> Engine:
    if engine is Engine.IGRAPH:
        if not igraph_available():
            raise QueryError("engine 'igraph' needs python-igraph: pip install 'kg[fast]'")
        return engine
    if engine is Engine.AUTO:
        return Engine.IGRAPH if n_nodes >= IGRAPH_ABOVE and igraph_available() else Engine.NETWORKX
    return engine


def scores(
    graph: nx.MultiDiGraph,
    *,
    metric: str | Metric = Metric.PAGERANK,
    projection: str | Projection = Projection.GRAPH,
    k: int | None = None,
    seed: int = 0,
    engine: str | Engine = Engine.AUTO,
) -> dict[str, float]:
    """Every node's score under one metric (the unsorted form of :func:`central`)."""
    metric = parse_choice(Metric, metric, "metric")
    projection = parse_choice(Projection, projection, "projection")
    engine = parse_choice(Engine, engine, "engine")
    chosen = choose_engine(engine, graph.number_of_nodes())
    h: nx.Graph
    if projection is Projection.COOCCURRENCE:
        h = cooccurrence(graph)
        chosen = choose_engine(engine, h.number_of_nodes())
    elif chosen is Engine.IGRAPH:
        # the igraph scorers collapse parallel edges (and, for the undirected metrics, the
        # two directions) themselves, straight into igraph's lists
        h = graph
    else:
        h = collapse(graph, directed=metric in _DIRECTED)
    if h.number_of_nodes() == 0:
        return {}
    log.debug("%s on %d nodes with %s", metric, h.number_of_nodes(), chosen)
    table = _IGRAPH if chosen is Engine.IGRAPH else _NETWORKX
    result = table[metric](h, k, seed)
    return {n: float(s) for n, s in result.items()}


def central(
    graph: nx.MultiDiGraph,
    *,
    node_type: str | NodeType | None = None,
    metric: str | Metric = Metric.PAGERANK,
    top: int | None = 10,
    projection: str | Projection = Projection.GRAPH,
    k: int | None = None,
    seed: int = 0,
    engine: str | Engine = Engine.AUTO,
) -> list[Ranked]:
    """The most central nodes of a kg graph, best first.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A kg graph (schema in :mod:`kg.graph`).
    node_type : {"paper", "method", "benchmark", "model", "repo"}, optional
        Rank only nodes of this type (the metric still runs on the whole graph).
    metric : {"pagerank", "degree", "betweenness", "eigenvector", "hits"}
        See the table in the module docstring.
    top : int or None
        How many to return; None for all.
    projection : {"graph", "cooccurrence"}
        Run on the paper-entity graph, or on the entity co-occurrence projection.
    k : int, optional
        Sampled sources for betweenness (default: exact up to :data:`SAMPLE_ABOVE` nodes,
        else :data:`DEFAULT_K`); see :func:`betweenness_samples`.
    seed : int
        Seed of the betweenness sample.
    engine : {"auto", "networkx", "igraph"}
        ``auto`` uses igraph from :data:`IGRAPH_ABOVE` nodes on when it is installed.

    Returns
    -------
    list of Ranked
        Sorted by score (descending), ties by node id; scores rounded to 12 digits so both
        engines order ties alike.

    Raises
    ------
    QueryError
        For an unknown metric, projection, engine or node type.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from(["p1", "p2"], node_type="paper", label="P")
    >>> g.add_node("method:a", node_type="method", label="A")
    >>> g.add_node("method:b", node_type="method", label="B")
    >>> for p, e in [("p1", "method:a"), ("p2", "method:a"), ("p2", "method:b")]:
    ...     _ = g.add_edge(p, e, key="uses", weight=1.0)
    >>> [r.label for r in central(g, node_type="method", metric="degree")]
    ['A', 'B']

    References
    ----------
    .. [1] Brin, S. and Page, L. (1998). The anatomy of a large-scale hypertextual Web search
       engine. .. [2] Brandes, U. (2001). A faster algorithm for betweenness centrality.
       .. [3] Kleinberg, J. (1999). Authoritative sources in a hyperlinked environment.
    """
    wanted = None if node_type is None else parse_choice(NodeType, node_type, "node type")
    values = scores(graph, metric=metric, projection=projection, k=k, seed=seed, engine=engine)
    attrs = graph._node  # the raw dicts: a NodeView lookup per node costs seconds at 100k
    chosen = [
        (-round(s, 12), n)
        for n, s in values.items()
        if wanted is None or attrs[n].get("node_type") == wanted
    ]
    best = sorted(chosen) if top is None else heapq.nsmallest(top, chosen)
    ranked = [
        Ranked(
            node=n,
            label=str(attrs[n].get("label", n)),
            node_type=str(attrs[n].get("node_type", "")),
            score=-neg,
        )
        for neg, n in best
    ]
    return ranked

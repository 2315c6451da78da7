"""Simple graphs derived from the workspace multigraph, for the algorithms that need them.

The workspace graph (schema in :mod:`kg.graph`) is a ``MultiDiGraph`` with one edge per role;
centrality and community algorithms want a simple graph with one weighted edge per pair.
:func:`collapse` gives that; :func:`cooccurrence` projects the paper-entity graph onto the
entities, linking two entities as often as papers name them together.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations

import networkx as nx

from kg.model import NodeType, Role

__all__ = ["ENTITY_TYPES", "collapse", "cooccurrence", "entities_of", "is_entity"]

#: node_type values of entity nodes.
ENTITY_TYPES: frozenset[str] = frozenset(t.value for t in NodeType if t is not NodeType.PAPER)
_ROLES: frozenset[str] = frozenset(r.value for r in Role)


def is_entity(graph: nx.MultiDiGraph, node: str) -> bool:
    """Whether ``node`` is an entity (method, benchmark, model or repo) node."""
    return graph.nodes[node].get("node_type") in ENTITY_TYPES


def entities_of(graph: nx.MultiDiGraph, paper: str) -> list[str]:
    """The entities a paper names (any role), sorted, each once.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("p", node_type="paper"); g.add_node("method:x", node_type="method")
    >>> g.add_edge("p", "method:x", key="uses")
    'uses'
    >>> entities_of(g, "p")
    ['method:x']
    """
    return sorted({v for _, v, key in graph.out_edges(paper, keys=True) if key in _ROLES})


def collapse(graph: nx.MultiDiGraph, *, directed: bool) -> nx.Graph:
    """One edge per node pair, its weight the sum of the parallel edges' weights.

    Node attributes kept: ``node_type`` and ``label``. Self-loops are dropped. With
    ``directed=False`` the direction is forgotten too (A->B and B->A add up).

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("a", "b", key="uses", weight=2.0)
    'uses'
    >>> g.add_edge("a", "b", key="mentions", weight=1.0)
    'mentions'
    >>> collapse(g, directed=True)["a"]["b"]["weight"]
    3.0
    """
    out: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    out.add_nodes_from(
        (n, {"node_type": d.get("node_type"), "label": d.get("label", n)})
        for n, d in graph.nodes(data=True)
    )
    adj = out._adj  # direct access: add_edge per pair is the bottleneck on 500k edges
    for u, v, w in graph.edges(data="weight", default=1.0):
        if u == v:
            continue
        w = float(w if w is not None else 1.0)
        data = adj[u].get(v)
        if data is not None:
            data["weight"] += w
        else:
            out.add_edge(u, v, weight=w)
    return out


def cooccurrence(graph: nx.MultiDiGraph) -> nx.Graph:
    """The entity co-occurrence projection: entities linked by the papers naming both.

    Every entity node appears (isolated if it never co-occurs); an edge's ``weight`` is the
    number of papers that name both entities, in any role. Node attributes: ``node_type``,
    ``label``, ``n_papers``.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A kg graph (schema in :mod:`kg.graph`).

    Returns
    -------
    networkx.Graph
        Undirected, weighted, entities only.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from(["p1", "p2"], node_type="paper")
    >>> g.add_nodes_from(["method:a", "method:b", "model:c"], node_type="method")
    >>> for p, e in [("p1", "method:a"), ("p1", "method:b"), ("p2", "method:a"),
    ...              ("p2", "method:b"), ("p2", "model:c")]:
    ...     _ = g.add_edge(p, e, key="uses", weight=1.0)
    >>> co = cooccurrence(g)
    >>> co["method:a"]["method:b"]["weight"], co["method:a"]["model:c"]["weight"]
    (2.0, 1.0)
    """
    out = nx.Graph()
    papers: list[str] = []
    for n, d in graph.nodes(data=True):
        node_type = d.get("node_type")
        if node_type in ENTITY_TYPES:
            out.add_node(
                n, node_type=node_type, label=d.get("label", n), n_papers=d.get("n_papers", 0)
            )
        elif node_type == NodeType.PAPER:
            papers.append(n)
    pairs: Counter[tuple[str, str]] = Counter()
    succ = graph._adj  # raw dicts: the public edge views cost an object per edge
    roles = _ROLES
    for paper in papers:
        named = sorted(v for v, keys in succ[paper].items() if not roles.isdisjoint(keys))
        pairs.update(combinations(named, 2))
    out.add_edges_from((u, v, {"weight": float(c)}) for (u, v), c in sorted(pairs.items()))
    return out

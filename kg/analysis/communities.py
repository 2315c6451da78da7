"""Topical clusters of a kg graph (Louvain), each labelled by its most central entities.

Louvain runs on the undirected, weighted collapse of the whole graph (papers and entities),
so a cluster holds the papers of a topic together with the methods, benchmarks and models they
share. The same seed gives the same clusters. On large graphs (``engine="auto"``) igraph's
multilevel implementation of the same algorithm runs instead when installed; its partition
may differ in detail from networkx's, never in kind.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import networkx as nx

from kg.analysis.centrality import Engine, choose_engine, parse_choice
from kg.analysis.projection import ENTITY_TYPES, collapse

__all__ = ["Community", "communities"]

#: How many entities name a community.
LABEL_SIZE = 3


@dataclass(frozen=True, slots=True)
class Community:
    """One cluster: its nodes (sorted), a label and its most central entities (best first)."""

    id: int
    nodes: tuple[str, ...]
    label: str
    top: tuple[str, ...]

    @property
    def size(self) -> int:
        """The number of nodes."""
        return len(self.nodes)


def _louvain_igraph(h: nx.Graph, seed: int, resolution: float) -> list[set[str]]:
    import igraph as ig

    nodes = list(h)
    index = {n: i for i, n in enumerate(nodes)}
    g = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in h.edges()])
    weights = [float(w) for _, _, w in h.edges(data="weight", default=1.0)]
    # igraph's RNG is global; seed it for this call and hand back Python's default after.
    ig.set_random_number_generator(random.Random(seed))
    try:
        clustering = g.community_multilevel(weights=weights, resolution=resolution)
    finally:
        ig.set_random_number_generator(random)
    return [{nodes[i] for i in members} for members in clustering]


def communities(
    graph: nx.MultiDiGraph,
    *,
    seed: int = 0,
    resolution: float = 1.0,
    engine: str | Engine = Engine.AUTO,
) -> list[Community]:
    """Louvain communities, largest first, each labelled by its most central entities.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A kg graph (schema in :mod:`kg.graph`).
    seed : int
        Seed of Louvain's random node order; the same seed gives the same communities.
    resolution : float
        Above 1 favours smaller communities, below 1 larger ones.
    engine : {"auto", "networkx", "igraph"}
        See :func:`kg.analysis.central`.

    Returns
    -------
    list of Community
        ``id`` counts from 0 in the returned order (size descending, then first node id).
        ``top`` lists up to three entities by weighted degree inside the community;
        ``label`` joins their labels (a community of papers only is labelled by its
        first paper's title).

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> for p, es in {"p1": ["method:a", "method:b"], "p2": ["method:a", "method:b"],
    ...               "p3": ["model:c"], "p4": ["model:c"]}.items():
    ...     g.add_node(p, node_type="paper", label=p)
    ...     for e in es:
    ...         g.add_node(e, node_type=e.split(":")[0], label=e.split(":")[1].upper())
    ...         _ = g.add_edge(p, e, key="uses", weight=1.0)
    >>> [c.label for c in communities(g)]
    ['A, B', 'C']

    References
    ----------
    .. [1] Blondel, V. D., Guillaume, J.-L., Lambiotte, R. and Lefebvre, E. (2008). Fast
       unfolding of communities in large networks. J. Stat. Mech. P10008.
    """
    engine = parse_choice(Engine, engine, "engine")
    h = collapse(graph, directed=False)
    if h.number_of_nodes() == 0:
        return []
    if choose_engine(engine, h.number_of_nodes()) is Engine.IGRAPH:
        parts = _louvain_igraph(h, seed, resolution)
    else:
        parts = nx.community.louvain_communities(
            h, weight="weight", resolution=resolution, seed=seed
        )
    ordered = sorted((sorted(p) for p in parts), key=lambda p: (-len(p), p[0]))
    out: list[Community] = []
    for i, members in enumerate(ordered):
        inside = set(members)
        strength = {
            n: sum(d.get("weight", 1.0) for m, d in h[n].items() if m in inside)
            for n in members
            if h.nodes[n].get("node_type") in ENTITY_TYPES
        }
        top = tuple(sorted(strength, key=lambda n: (-strength[n], n))[:LABEL_SIZE])
        if top:
            label = ", ".join(str(h.nodes[n]["label"]) for n in top)
        else:
            label = str(h.nodes[members[0]]["label"])
        out.append(Community(id=i, nodes=tuple(members), label=label, top=top))
    return out

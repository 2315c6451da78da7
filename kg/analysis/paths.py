"""How two papers or entities are connected: the shortest chain, told step by step.

Edges are followed in either direction (a paper and the paper it cites are one step apart
either way); each step keeps the edge's true direction and relation, so the chain reads
``InstInfer --compares_with--> FlexGen <--introduces-- FlexGen paper``.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import networkx as nx

from kg.analysis.lookup import find_node
from kg.errors import QueryError
from kg.model import Relation

__all__ = ["Connection", "Step", "path"]

#: When two nodes are joined by several relations, the step names the most specific.
_PRIORITY = [r.value for r in Relation]


@dataclass(frozen=True, slots=True)
class Step:
    """One hop: ``source --relation--> target``; ``forward`` is False if walked backwards."""

    source: str
    relation: str
    target: str
    forward: bool


@dataclass(frozen=True, slots=True)
class Connection:
    """A chain of nodes from A to B and the steps between them."""

    nodes: tuple[str, ...]
    labels: tuple[str, ...]
    steps: tuple[Step, ...]

    def describe(self) -> str:
        """The chain as one readable line."""
        parts = [self.labels[0]]
        for step, label in zip(self.steps, self.labels[1:], strict=True):
            arrow = f" --{step.relation}--> " if step.forward else f" <--{step.relation}-- "
            parts.append(arrow + label)
        return "".join(parts)


def _relation(graph: nx.MultiDiGraph, u: str, v: str) -> tuple[str, str, str, bool]:
    keys = [(k, True) for k in graph.get_edge_data(u, v, default={})]
    keys += [(k, False) for k in graph.get_edge_data(v, u, default={})]
    key, forward = min(
        keys, key=lambda kf: (_PRIORITY.index(kf[0]) if kf[0] in _PRIORITY else 99, kf)
    )
    return (u, key, v, True) if forward else (v, key, u, False)


def path(graph: nx.MultiDiGraph, a: str, b: str) -> Connection:
    """The shortest connection between two nodes named by id, label, alias or title.

    Raises
    ------
    QueryError
        If a name matches nothing (or several nodes), or the two are not connected.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("p1", node_type="paper", label="Paper 1")
    >>> g.add_node("p2", node_type="paper", label="Paper 2")
    >>> g.add_node("method:x", node_type="method", label="X")
    >>> _ = g.add_edge("p1", "method:x", key="introduces")
    >>> _ = g.add_edge("p2", "method:x", key="compares_with")
    >>> path(g, "p2", "p1").describe()
    'Paper 2 --compares_with--> X <--introduces-- Paper 1'
    """
    source, target = find_node(graph, a), find_node(graph, b)
    try:
        nodes = nx.shortest_path(graph.to_undirected(as_view=True), source, target)
    except nx.NetworkXNoPath:
        raise QueryError(f"{a!r} and {b!r} are not connected in this graph") from None
    steps = []
    for u, v in pairwise(nodes):
        s, rel, t, forward = _relation(graph, u, v)
        steps.append(Step(source=s, relation=rel, target=t, forward=forward))
    labels = tuple(str(graph.nodes[n].get("label", n)) for n in nodes)
    return Connection(nodes=tuple(nodes), labels=labels, steps=tuple(steps))

"""What is in a graph (``stats``), one node in full (``show``) and why an entity has its
aliases (``explain``)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

import networkx as nx

from kg.analysis.centrality import Ranked
from kg.analysis.lookup import find_node
from kg.analysis.projection import ENTITY_TYPES
from kg.errors import QueryError
from kg.model import Relation, Role

__all__ = ["Explanation", "Shown", "Stats", "explain", "show", "stats"]

_ROLES = [r.value for r in Role]


@dataclass(frozen=True, slots=True)
class Stats:
    """Counts by node type and edge relation, components, and the most connected nodes."""

    nodes: int
    edges: int
    nodes_by_type: dict[str, int]
    edges_by_relation: dict[str, int]
    components: int
    largest_component: int
    isolated: int
    most_connected: tuple[Ranked, ...]


def stats(graph: nx.MultiDiGraph, *, top: int = 10) -> Stats:
    """Counts of a kg graph; "most connected" ranks by distinct neighbours.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("p", node_type="paper", label="P")
    >>> g.add_node("method:a", node_type="method", label="A")
    >>> _ = g.add_edge("p", "method:a", key="uses", relation="uses")
    >>> s = stats(g)
    >>> s.nodes_by_type, s.edges_by_relation, s.components
    ({'method': 1, 'paper': 1}, {'uses': 1}, 1)
    """
    by_type = Counter(str(t) for _, t in graph.nodes(data="node_type"))
    by_relation = Counter(str(k) for *_, k in graph.edges(keys=True))
    sizes = [len(c) for c in nx.weakly_connected_components(graph)]
    succ, pred = graph._succ, graph._pred
    degree = {n: len((succ[n].keys() | pred[n].keys()) - {n}) for n in graph}
    ranked = sorted(degree, key=lambda n: (-degree[n], n))[:top]
    return Stats(
        nodes=graph.number_of_nodes(),
        edges=graph.number_of_edges(),
        nodes_by_type=dict(sorted(by_type.items())),
        edges_by_relation=dict(sorted(by_relation.items())),
        components=len(sizes),
        largest_component=max(sizes, default=0),
        isolated=sum(1 for s in sizes if s == 1),
        most_connected=tuple(
            Ranked(
                node=n,
                label=str(graph.nodes[n].get("label", n)),
                node_type=str(graph.nodes[n].get("node_type", "")),
                score=float(degree[n]),
            )
            for n in ranked
        ),
    )


@dataclass(frozen=True, slots=True)
class Shown:
    """One node: its attributes and its neighbourhood grouped by relation.

    For an entity ``papers`` maps each role to the papers that name it in that role; for a
    paper it maps each role to the entities it names. ``links`` holds the other relations
    (cites, cited_by, variant_of, variants) as lists of node ids.
    """

    node: str
    node_type: str
    label: str
    attributes: dict[str, Any]
    papers: dict[str, list[str]]
    links: dict[str, list[str]]
    labels: dict[str, str]


def show(graph: nx.MultiDiGraph, name: str) -> Shown:
    """One entity or paper: aliases, who introduces it, papers by role, neighbours.

    Raises
    ------
    QueryError
        If ``name`` matches no node, or several.
    """
    node = find_node(graph, name)
    data = graph.nodes[node]
    by_role: defaultdict[str, list[str]] = defaultdict(list)
    links: defaultdict[str, list[str]] = defaultdict(list)
    if data.get("node_type") in ENTITY_TYPES:
        for u, _, key in graph.in_edges(node, keys=True):
            (by_role[key] if key in _ROLES else links["variants"]).append(u)
        for _, v, key in graph.out_edges(node, keys=True):
            links[key].append(v)
    else:
        for _, v, key in graph.out_edges(node, keys=True):
            (by_role[key] if key in _ROLES else links[key]).append(v)
        for u, _, key in graph.in_edges(node, keys=True):
            links["cited_by" if key == Relation.CITES else f"{key}_by"].append(u)
    papers = {r: sorted(set(by_role[r])) for r in _ROLES if by_role.get(r)}
    link_lists = {k: sorted(set(v)) for k, v in sorted(links.items())}
    seen = {n for ns in [*papers.values(), *link_lists.values()] for n in ns}
    attributes = {k: v for k, v in sorted(data.items()) if k not in {"merges", "abstract"}}
    return Shown(
        node=node,
        node_type=str(data.get("node_type", "")),
        label=str(data.get("label", node)),
        attributes=attributes,
        papers=papers,
        links=link_lists,
        labels={n: str(graph.nodes[n].get("label", n)) for n in sorted(seen)},
    )


@dataclass(frozen=True, slots=True)
class Explanation:
    """An entity's aliases, each with the rule and score that merged it and its papers."""

    node: str
    label: str
    merges: tuple[dict[str, Any], ...]
    family: str | None
    introduced_by: tuple[str, ...]


def explain(graph: nx.MultiDiGraph, entity: str) -> Explanation:
    """Why an entity has its aliases (``merges``, see :mod:`kg.resolve`).

    Raises
    ------
    QueryError
        If ``entity`` matches no entity, or several.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("method:x", node_type="method", label="X", aliases=["X", "x"], merges=[
    ...     {"alias": "X", "rule": "preferred", "score": 100.0, "papers": ["p1"]},
    ...     {"alias": "x", "rule": "same-key", "score": 100.0, "papers": ["p2"]}])
    >>> [m["rule"] for m in explain(g, "x").merges]
    ['preferred', 'same-key']
    """
    node = find_node(graph, entity, node_types=ENTITY_TYPES)
    data = graph.nodes[node]
    merges = data.get("merges")
    if merges is None:
        raise QueryError(f"{node} has no recorded merges; rebuild the workspace with kg build")
    return Explanation(
        node=node,
        label=str(data.get("label", node)),
        merges=tuple(merges),
        family=data.get("family"),
        introduced_by=tuple(data.get("introduced_by") or ()),
    )

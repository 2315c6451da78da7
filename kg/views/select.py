"""Which part of the graph a view draws: a mode, an optional focus, and a cap on node count.

A browser lays out a few hundred nodes in a second or two and ten thousand only slowly, so
every view is capped to its ``top`` most central nodes; what was left out is counted so the
page can say so. Three modes:

``all``
    papers and entities with every relation between them (the workspace graph);
``papers``
    papers only, joined by citation-style ``cites`` edges and by ``shares`` links between
    papers that name the same entities (bibliographic coupling);
``entities``
    the entity co-occurrence map familiar from VOSviewer: entities joined when papers name
    them together, sized by occurrences and coloured by community.

A ``focus`` narrows the view to the neighbourhood of one paper or entity, ``depth`` steps
out in the mode's own graph.

References
----------
.. [1] M. M. Kessler (1963). Bibliographic coupling between scientific papers.
   American Documentation 14(1), 10-25.
.. [2] N. J. van Eck and L. Waltman (2010). Software survey: VOSviewer, a computer program
   for bibliometric mapping. Scientometrics 84(2), 523-538.
"""

from __future__ import annotations

import heapq
import logging
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import combinations
from types import MappingProxyType

import networkx as nx

from kg.analysis.lookup import find_node
from kg.errors import QueryError
from kg.model import NodeType, Relation, Role
from kg.views.style import EdgeKind

__all__ = ["LINKS_PER_NODE", "METRIC", "Mode", "Selection", "select"]

log = logging.getLogger(__name__)

#: In papers and entities mode, each node keeps only its strongest derived links (``shares``,
#: ``cooccurs``); the union is drawn. Without this cap one entity named by every paper joins
#: all pairs and the view becomes a hairball.
LINKS_PER_NODE = 6

#: The centrality that ranks and sizes nodes in the all and papers modes.
METRIC = "eigenvector"

_ROLES = frozenset(r.value for r in Role)
_ENTITY_TYPES = frozenset(t.value for t in NodeType if t is not NodeType.PAPER)


class Mode(StrEnum):
    """What a view draws; see the module docstring."""

    ALL = "all"
    PAPERS = "papers"
    ENTITIES = "entities"


@dataclass(frozen=True, slots=True, eq=False)
class Selection:
    """The subgraph a view draws, with what is needed to style and explain it.

    ``graph`` holds the kept nodes with their workspace attributes and one edge per drawn
    line, keyed by its :class:`~kg.views.style.EdgeKind` value, with ``weight`` and, for
    ``cites`` and ``shares``, ``via`` (the entity ids behind the link). ``candidates`` is the
    number of nodes that qualified before the ``top`` cap; ``omitted`` how many the cap cut.
    ``community`` maps entity ids to community numbers counted from 0 by size in this view
    (entities mode only); ``community_labels[i]`` names community ``i``.
    """

    graph: nx.MultiDiGraph
    mode: Mode
    scores: Mapping[str, float]
    metric: str
    top: int
    candidates: int
    focus: str | None = None
    depth: int = 1
    community: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    community_labels: tuple[str, ...] = ()
    community_sizes: tuple[int, ...] = ()

    @property
    def omitted(self) -> int:
        """How many qualifying nodes the ``top`` cap left out."""
        return self.candidates - int(self.graph.number_of_nodes())


def _node_type(graph: nx.MultiDiGraph, node: str) -> str:
    return str(graph.nodes[node].get("node_type", ""))


def _eligible(graph: nx.MultiDiGraph, mode: Mode) -> Callable[[str], bool]:
    if mode is Mode.PAPERS:
        return lambda n: _node_type(graph, n) == NodeType.PAPER
    if mode is Mode.ENTITIES:
        return lambda n: _node_type(graph, n) in _ENTITY_TYPES
    return lambda n: True


def _named_entities(graph: nx.MultiDiGraph, paper: str) -> Iterator[str]:
    """The entities a paper names in any role (each once per role edge)."""
    for _, entity, key in graph.out_edges(paper, keys=True):
        if key in _ROLES:
            yield entity


def _naming_papers(graph: nx.MultiDiGraph, entity: str) -> Iterator[str]:
    """The papers that name an entity in any role."""
    for paper, _, key in graph.in_edges(entity, keys=True):
        if key in _ROLES:
            yield paper


def _step(graph: nx.MultiDiGraph, mode: Mode) -> Callable[[set[str]], set[str]]:
    """One breadth-first step in the mode's own graph, without building that graph.

    In papers mode two papers are one step apart when one cites the other or both name an
    entity; in entities mode, when a paper names both. Each bridging entity (or paper) is
    crossed once per search: a popular entity named by thousands of papers would otherwise
    be expanded again from every one of them.
    """
    crossed: set[str] = set()
    if mode is Mode.PAPERS:

        def papers(frontier: set[str]) -> set[str]:
            out: set[str] = set()
            for node in frontier:
                for _, v, key in graph.out_edges(node, keys=True):
                    if key == Relation.CITES:
                        out.add(v)
                for u, _, key in graph.in_edges(node, keys=True):
                    if key == Relation.CITES:
                        out.add(u)
                for entity in _named_entities(graph, node):
                    if entity not in crossed:
                        crossed.add(entity)
                        out.update(_naming_papers(graph, entity))
            return out

        return papers
    if mode is Mode.ENTITIES:

        def entities(frontier: set[str]) -> set[str]:
            out: set[str] = set()
            for node in frontier:
                for paper in _naming_papers(graph, node):
                    if paper not in crossed:
                        crossed.add(paper)
                        out.update(_named_entities(graph, paper))
            return out

        return entities

    def everything(frontier: set[str]) -> set[str]:
        return {m for n in frontier for m in nx.all_neighbors(graph, n)}

    return everything


def _neighbourhood(graph: nx.MultiDiGraph, focus: str, depth: int, mode: Mode) -> set[str]:
    """Nodes of the mode within ``depth`` steps of ``focus`` (breadth-first).

    A focus that is not itself drawn in the mode (an entity in papers mode, a paper in
    entities mode) is left out; its first step goes to its direct neighbours of the mode's
    kind (the papers naming the entity, the entities the paper names).
    """
    eligible = _eligible(graph, mode)
    step = _step(graph, mode)
    if eligible(focus):
        frontier = {focus}
    elif depth >= 1:
        frontier = {n for n in nx.all_neighbors(graph, focus) if eligible(n)}
        depth -= 1
    else:
        frontier = set()
    seen = set(frontier)
    for _ in range(depth):
        frontier = {m for m in step(frontier) if m not in seen and eligible(m)}
        if not frontier:
            break
        seen |= frontier
    return seen


def _scores(graph: nx.MultiDiGraph, mode: Mode) -> tuple[dict[str, float], str]:
    """Each eligible node's centrality, and the metric's name for the page header."""
    if mode is Mode.ENTITIES:
        # VOSviewer sizes an item by its occurrences: the number of papers naming it.
        counts = {
            n: float(len(set(_naming_papers(graph, n))))
            for n in graph
            if _node_type(graph, n) in _ENTITY_TYPES
        }
        return counts, "occurrences (papers naming the entity)"
    from kg.analysis.centrality import scores

    # Eigenvector centrality, not PageRank: on the paper -> entity graph PageRank piles its
    # mass on sink entities named once, and the top few hundred of those share almost no
    # edge (measured on the demo corpus: 15 edges among the top 300, 276 isolated nodes);
    # eigenvector centrality picks the well-connected core (415 edges, one component).
    with warnings.catch_warnings():
        # A corpus graph is rarely connected; nodes outside the main component score ~0 and
        # are then ranked by neighbour count, which is what a view wants.
        warnings.filterwarnings("ignore", "Some eigenvector centralities are nearly zero")
        values = scores(graph, metric=METRIC)
    eligible = _eligible(graph, mode)
    # rounded as kg.analysis.central rounds, so both engines order near-ties alike
    return {n: round(s, 12) for n, s in values.items() if eligible(n)}, "eigenvector centrality"


def _cap(
    graph: nx.MultiDiGraph,
    candidates: set[str],
    scores: Mapping[str, float],
    top: int,
    focus: str | None,
) -> list[str]:
    """The ``top`` best candidates by score, then neighbour count, then id; focus always kept."""

    succ, pred = graph.succ, graph.pred

    def key(n: str) -> tuple[float, int, str]:
        # neighbours, not parallel edges: graph.degree(n) costs ten times more at 100k nodes
        return (-scores.get(n, 0.0), -(len(succ[n]) + len(pred[n])), n)

    if focus is not None and focus in candidates:
        return [focus, *heapq.nsmallest(top - 1, candidates - {focus}, key=key)]
    return heapq.nsmallest(top, candidates, key=key)


def _strongest(
    pairs: Mapping[tuple[str, str], list[str]], keep: int, focus: str | None
) -> list[tuple[str, str]]:
    """The union of every node's ``keep`` strongest links (weight, then ids), plus the focus's."""
    by_node: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for pair in pairs:
        by_node[pair[0]].append(pair)
        by_node[pair[1]].append(pair)
    chosen: set[tuple[str, str]] = set()
    for node, links in by_node.items():
        if node == focus:
            chosen.update(links)
        else:
            chosen.update(heapq.nsmallest(keep, links, key=lambda p: (-len(pairs[p]), p)))
    return sorted(chosen)


def _graph_edges(graph: nx.MultiDiGraph, kept: set[str], out: nx.MultiDiGraph) -> None:
    known = {k.value for k in EdgeKind}
    for u in sorted(kept):
        for _, v, key, data in graph.out_edges(u, keys=True, data=True):
            if v not in kept:
                continue
            if key not in known:
                log.debug("edge %s -> %s of unknown kind %r not drawn", u, v, key)
                continue
            attrs: dict[str, object] = {
                "relation": key,
                "weight": float(data.get("weight", 1.0)),
            }
            if data.get("via"):
                attrs["via"] = list(data["via"])
            out.add_edge(u, v, key=key, **attrs)


def _paper_edges(
    graph: nx.MultiDiGraph, kept: set[str], out: nx.MultiDiGraph, focus: str | None
) -> None:
    cited: set[frozenset[str]] = set()
    for u in sorted(kept):
        for _, v, key, data in graph.out_edges(u, keys=True, data=True):
            if key == Relation.CITES and v in kept:
                out.add_edge(
                    u,
                    v,
                    key=EdgeKind.CITES.value,
                    relation=EdgeKind.CITES.value,
                    weight=float(data.get("weight", 1.0)),
                    via=list(data.get("via", [])),
                )
                cited.add(frozenset((u, v)))
    naming: dict[str, set[str]] = defaultdict(set)
    for paper in kept:
        for entity in _named_entities(graph, paper):
            naming[entity].add(paper)
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for entity in sorted(naming):
        for pair in combinations(sorted(naming[entity]), 2):
            if frozenset(pair) not in cited:
                shared[pair].append(entity)
    for u, v in _strongest(shared, LINKS_PER_NODE, focus):
        out.add_edge(
            u,
            v,
            key=EdgeKind.SHARES.value,
            relation=EdgeKind.SHARES.value,
            weight=float(len(shared[u, v])),
            via=shared[u, v],
        )


def _entity_edges(
    graph: nx.MultiDiGraph, kept: set[str], out: nx.MultiDiGraph, focus: str | None
) -> None:
    # The co-occurrence projection (kg.analysis.cooccurrence) restricted to the kept
    # entities, computed from their papers only: the full projection of a 100k-paper graph
    # costs seconds and would be thrown away but for a few hundred nodes.
    papers = {p for e in kept for p in _naming_papers(graph, e)}
    together: dict[tuple[str, str], list[str]] = defaultdict(list)
    for paper in sorted(papers):
        named = sorted({e for e in _named_entities(graph, paper) if e in kept})
        for pair in combinations(named, 2):
            together[pair].append(paper)
    for u, v in _strongest(together, LINKS_PER_NODE, focus):
        out.add_edge(
            u,
            v,
            key=EdgeKind.COOCCURS.value,
            relation=EdgeKind.COOCCURS.value,
            weight=float(len(together[u, v])),
        )
    for u in sorted(kept):
        for _, v, key in graph.out_edges(u, keys=True):
            if key == Relation.VARIANT_OF and v in kept:
                out.add_edge(u, v, key=EdgeKind.VARIANT_OF.value, relation=key, weight=1.0)


def _communities(
    graph: nx.MultiDiGraph, kept: Iterable[str]
) -> tuple[dict[str, int], tuple[str, ...], tuple[int, ...]]:
    """Community numbers for the kept nodes, renumbered by size within the view."""
    from kg.analysis import communities

    kept_set = set(kept)
    found = [(c, [n for n in c.nodes if n in kept_set]) for c in communities(graph)]
    present = sorted(
        ((c, members) for c, members in found if members), key=lambda cm: (-len(cm[1]), cm[0].id)
    )
    number: dict[str, int] = {}
    for i, (_, members) in enumerate(present):
        for n in members:
            number[n] = i
    return (
        number,
        tuple(c.label for c, _ in present),
        tuple(len(members) for _, members in present),
    )


def select(
    graph: nx.MultiDiGraph,
    *,
    top: int = 300,
    focus: str | None = None,
    depth: int = 1,
    mode: str | Mode = Mode.ALL,
) -> Selection:
    """Choose the nodes and lines of a view.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A kg graph (schema in :mod:`kg.graph`); not modified.
    top : int
        At most this many nodes, the most central first (eigenvector centrality;
        occurrences in entities mode); ties go to the node with more neighbours, then
        the smaller id.
    focus : str, optional
        A paper or entity: id, name, alias or near spelling, resolved by
        :func:`kg.analysis.find_node` like every other command's names;
        the view then holds its neighbourhood only, the focus itself always kept.
    depth : int
        How many steps out from the focus, in the mode's graph.
    mode : {"all", "papers", "entities"}
        See the module docstring.

    Returns
    -------
    Selection

    Raises
    ------
    QueryError
        For an unknown mode, ``top`` below 1, a negative ``depth``, a focus that names no
        node, or a selection with nothing to draw.

    Examples
    --------
    >>> g = nx.MultiDiGraph(kg_format=1)
    >>> g.add_node("p1", node_type="paper", label="P1")
    >>> g.add_node("p2", node_type="paper", label="P2")
    >>> g.add_node("method:x", node_type="method", label="X")
    >>> _ = g.add_edge("p1", "method:x", key="introduces", relation="introduces", weight=1.0)
    >>> _ = g.add_edge("p2", "method:x", key="uses", relation="uses", weight=1.0)
    >>> _ = g.add_edge("p2", "p1", key="cites", relation="cites", weight=1.0, via=["method:x"])
    >>> s = select(g, top=2)
    >>> sorted(s.graph), s.candidates, s.omitted
    (['method:x', 'p1'], 3, 1)
    >>> sorted(select(g, mode="papers").graph.edges(keys=True))
    [('p2', 'p1', 'cites')]
    """
    try:
        mode = Mode(mode)
    except ValueError:
        raise QueryError(
            f"unknown view mode {mode!r}; available: {', '.join(m.value for m in Mode)}"
        ) from None
    if top < 1:
        raise QueryError(f"top must be at least 1, not {top}")
    if depth < 0:
        raise QueryError(f"depth must be 0 or more, not {depth}")
    focus_id = None if focus is None else find_node(graph, focus)
    eligible = _eligible(graph, mode)
    if focus_id is None:
        candidates = {n for n in graph if eligible(n)}
    else:
        candidates = _neighbourhood(graph, focus_id, depth, mode)
    if not candidates and graph.number_of_nodes():
        raise QueryError(
            f"nothing to draw in {mode.value} mode around {focus!r} at depth {depth}; "
            "try a larger --depth or another --mode"
        )
    scores, metric = _scores(graph, mode)
    kept = _cap(graph, candidates, scores, top, focus_id)
    out = nx.MultiDiGraph(kg_format=graph.graph.get("kg_format", 1))
    out.add_nodes_from((n, dict(graph.nodes[n])) for n in kept)
    kept_set = set(kept)
    community: dict[str, int] = {}
    labels: tuple[str, ...] = ()
    sizes: tuple[int, ...] = ()
    if mode is Mode.PAPERS:
        _paper_edges(graph, kept_set, out, focus_id)
    elif mode is Mode.ENTITIES:
        _entity_edges(graph, kept_set, out, focus_id)
        community, labels, sizes = _communities(graph, kept)
    else:
        _graph_edges(graph, kept_set, out)
    log.info(
        "view %s: %d of %d nodes, %d edges", mode, len(kept), len(candidates), out.number_of_edges()
    )
    return Selection(
        graph=out,
        mode=mode,
        scores=MappingProxyType({n: scores.get(n, 0.0) for n in kept}),
        metric=metric,
        top=top,
        candidates=len(candidates),
        focus=focus_id,
        depth=depth,
        community=MappingProxyType(community),
        community_labels=labels,
        community_sizes=sizes,
    )

"""Papers related to one paper: shared entities weighted by rarity, plus citation-style edges.

The score of a candidate paper Q for a paper P is

    sum over entities e named by both of idf(e) = log(N / n_e)   (N papers, n_e naming e)
    + :data:`CITE_BONUS` for each citation-style edge between P and Q (either direction)

so sharing a rare benchmark counts for more than sharing "LLM", and a paper that introduces
what P uses (or uses what P introduces) is close. Each result lists the shared entities,
rarest first, that explain it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from kg.analysis.lookup import find_node
from kg.analysis.projection import entities_of
from kg.model import Relation, Role

__all__ = ["CITE_BONUS", "RelatedPaper", "related"]

#: Added to the score per citation-style edge between the two papers.
CITE_BONUS = 2.0
_ROLES = frozenset(r.value for r in Role)


@dataclass(frozen=True, slots=True)
class RelatedPaper:
    """A related paper, its score, the shared entities (rarest first) and citation links."""

    node: str
    label: str
    score: float
    shared: tuple[str, ...]
    cites: bool
    cited_by: bool


def _papers_naming(graph: nx.MultiDiGraph, entity: str) -> set[str]:
    return {p for p, _, key in graph.in_edges(entity, keys=True) if key in _ROLES}


def related(graph: nx.MultiDiGraph, paper: str, *, top: int = 10) -> list[RelatedPaper]:
    """The papers most related to ``paper`` (an id, a title, or close to one).

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A kg graph.
    paper : str
        Resolved with :func:`kg.analysis.lookup.find_node` among papers.
    top : int
        How many to return.

    Returns
    -------
    list of RelatedPaper
        Best first (score descending, then id).

    Raises
    ------
    QueryError
        If ``paper`` names no paper, or several.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> for p in ["a", "b", "c"]:
    ...     g.add_node(p, node_type="paper", label=p.upper())
    >>> g.add_nodes_from(["benchmark:rare", "method:common"], node_type="method")
    >>> for p, e in [("a", "benchmark:rare"), ("b", "benchmark:rare"), ("a", "method:common"),
    ...              ("b", "method:common"), ("c", "method:common")]:
    ...     _ = g.add_edge(p, e, key="uses")
    >>> [(r.node, r.shared) for r in related(g, "a")]
    [('b', ('benchmark:rare', 'method:common')), ('c', ('method:common',))]
    """
    source = find_node(graph, paper, node_types=["paper"])
    n_papers = sum(1 for _, t in graph.nodes(data="node_type") if t == "paper")
    score: defaultdict[str, float] = defaultdict(float)
    shared: defaultdict[str, list[tuple[float, str]]] = defaultdict(list)
    for entity in entities_of(graph, source):
        naming = _papers_naming(graph, entity)
        idf = math.log(max(n_papers, 1) / len(naming)) if naming else 0.0
        for other in naming:
            if other != source:
                score[other] += idf
                shared[other].append((idf, entity))
    cites = {v for _, v, k in graph.out_edges(source, keys=True) if k == Relation.CITES}
    cited_by = {u for u, _, k in graph.in_edges(source, keys=True) if k == Relation.CITES}
    for other in cites | cited_by:
        score[other] += CITE_BONUS * ((other in cites) + (other in cited_by))
    ranked = sorted(score, key=lambda n: (-round(score[n], 9), n))[:top]
    return [
        RelatedPaper(
            node=n,
            label=str(graph.nodes[n].get("label", n)),
            score=round(score[n], 6),
            shared=tuple(e for _, e in sorted(shared[n], key=lambda x: (-x[0], x[1]))),
            cites=n in cites,
            cited_by=n in cited_by,
        )
        for n in ranked
    ]

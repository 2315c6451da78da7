"""Find the node a user means: by id, exact label or alias, then fuzzy match.

Every command that takes a paper or entity name (``kg related PAPER``, ``kg path A B``,
``kg show NAME``, ``kg explain ENTITY``) resolves it here, so the rules are the same
everywhere: an id wins; then an exact label or alias (case-sensitive, then by
:func:`kg.text.compact_key`); then a paper's short name (its title before a colon: "D4RL"
for "D4RL: Datasets for ..."); then the best fuzzy match if it is clearly the best.
Ambiguity or no match raises :class:`~kg.errors.QueryError` listing the closest candidates.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import networkx as nx

from kg.errors import QueryError
from kg.text import compact_key, normalise_title

__all__ = ["FUZZY_ACCEPT", "find_node"]

#: Minimum rapidfuzz ratio / partial_ratio (0-100) for a fuzzy match to be taken without asking.
FUZZY_ACCEPT = 85.0
#: ...and by how much it must beat the next node.
_MARGIN = 4.0


def _describe(graph: nx.MultiDiGraph, nodes: Iterable[str]) -> str:
    return "; ".join(
        f"{n} ({graph.nodes[n].get('node_type')}: {graph.nodes[n].get('label', n)})" for n in nodes
    )


def find_node(graph: nx.MultiDiGraph, name: str, *, node_types: Iterable[str] | None = None) -> str:
    """The id of the node ``name`` denotes.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A kg graph.
    name : str
        A node id, a paper title, an entity label or alias, or something close to one.
    node_types : iterable of str, optional
        Only consider nodes of these types (e.g. ``["paper"]``).

    Raises
    ------
    QueryError
        When nothing matches or several nodes match equally; lists the closest candidates.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("method:flexgen", node_type="method", label="FlexGen", aliases=["Flexgen"])
    >>> g.add_node("p1", node_type="paper", label="FlexGen: High-Throughput Inference")
    >>> find_node(g, "method:flexgen"), find_node(g, "flex-gen")
    ('method:flexgen', 'method:flexgen')
    >>> find_node(g, "FlexGen high throughput inference")
    'p1'
    """
    from rapidfuzz import fuzz, process

    types = None if node_types is None else set(node_types)
    name = name.strip()
    if name in graph and (types is None or graph.nodes[name].get("node_type") in types):
        return name
    exact: defaultdict[str, set[str]] = defaultdict(set)
    keyed: defaultdict[str, set[str]] = defaultdict(set)
    short: defaultdict[str, set[str]] = defaultdict(set)
    for node, data in graph.nodes(data=True):
        if types is not None and data.get("node_type") not in types:
            continue
        for text in [data.get("label") or node, *(data.get("aliases") or ())]:
            exact[text].add(node)
            keyed[compact_key(text)].add(node)
        label = str(data.get("label") or "")
        if data.get("node_type") == "paper" and ":" in label:
            # a paper is often called by its title's short name: "D4RL" for "D4RL: Datasets..."
            short[compact_key(label.split(":", 1)[0])].add(node)
    for table, key in ((exact, name), (keyed, compact_key(name)), (short, compact_key(name))):
        found = table.get(key)
        if found:
            if len(found) == 1:
                return next(iter(found))
            raise QueryError(
                f"{name!r} is ambiguous: {_describe(graph, sorted(found))}; give the id instead"
            )
    choices = sorted(exact)
    query = normalise_title(name)
    best: dict[str, float] = {}
    # ratio: the whole name, misspelt; partial_ratio: a part of a longer title (only when
    # the choice is the longer one: a short label inside a long query says little).
    for scorer in (fuzz.ratio, fuzz.partial_ratio):
        for text, score, _ in process.extract(
            query, choices, scorer=scorer, processor=normalise_title, limit=20
        ):
            if scorer is fuzz.partial_ratio and len(normalise_title(text)) < len(query):
                continue
            for node in exact[text]:
                best[node] = max(best.get(node, 0.0), float(score))
    ranked = sorted(best, key=lambda n: (-best[n], n))
    if (
        ranked
        and best[ranked[0]] >= FUZZY_ACCEPT
        and (len(ranked) == 1 or best[ranked[0]] - best[ranked[1]] >= _MARGIN)
    ):
        return ranked[0]
    if not ranked:
        raise QueryError(f"no node matches {name!r}: the workspace has no such nodes")
    raise QueryError(
        f"no node clearly matches {name!r}; closest: {_describe(graph, ranked[:5])}; "
        "give an id or a fuller name"
    )

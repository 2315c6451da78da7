"""Papers, mentions and their resolution -> one networkx MultiDiGraph: kg's graph schema.

This docstring is the contract between resolution, analysis, RDF export and views.

``networkx.MultiDiGraph`` with ``graph.graph["kg_format"] = 1`` (:data:`KG_FORMAT`).

Paper node
    id = :attr:`kg.model.Paper.id` (``arxiv:2409.04992``, ``doi:10.x/y``,
    ``title:<slug>-<hash>``); attributes: ``node_type="paper"``, ``label`` (= title),
    ``title``, ``abstract``, ``date`` (ISO string, ``--MM-DD`` or None), ``updated``,
    ``authors`` (list of str), ``n_authors`` (int or None), ``upvotes`` (int or None),
    ``organisation``, ``urls`` (list of str), ``arxiv_id``, ``doi``, ``categories``
    (list of str), ``sources`` (list of ``"path:line:format"``).

Entity node
    id = ``<type>:<key>`` (``method:flexgen``, ``model:qwen2.5-7b``,
    ``repo:github.com/fminference/flexgen``); attributes: ``node_type`` in
    method|benchmark|model|repo, ``label`` (preferred name), ``aliases`` (sorted list of
    surface forms), ``introduced_by`` (sorted list of paper ids), ``n_papers`` (int),
    ``url`` (repo only, else None), ``family`` (id of the model family entity or None),
    ``size`` (``"7B"`` or None), ``variant`` (``"Math-Instruct"`` or None), ``merges``
    (list of ``{"alias", "rule", "score", "papers"}`` explaining each alias).

Edge paper -> entity
    key = role (introduces|evaluates_on|compares_with|uses|mentions); attributes:
    ``relation`` (= key), ``weight`` (float, the number of mentions), ``mentions`` (list
    of ``{text, field, start, end, sentence_start, sentence_end, extractor, confidence}``,
    sorted by field, start, end, extractor).

Edge model variant -> model family
    key ``"variant_of"``, ``relation="variant_of"``, ``weight=1.0``.

Edge citing paper B -> cited paper A
    key ``"cites"``, ``relation="cites"``, ``weight`` (float, ``len(via)``), ``via``
    (sorted list of the entity ids that B names and A introduces).

Citation-style edges: B points to A when B names (in any role) an entity A introduces.
When several papers introduce the same entity, B points to **each** of them (all are
named; no date is trusted to pick one, since listings often give none or no year); a paper
that itself introduces the entity does not cite the others through it, and there are no
self-loops.

Determinism: nodes are added sorted by id, edges sorted by (source, target, key), as
:func:`kg.workspace.load` gives them back, so algorithms that depend on iteration order
(Louvain, sampled betweenness) agree between a fresh build and a loaded workspace; every
list attribute is sorted or in a defined order. The same input gives the same graph, and
:mod:`kg.workspace` writes it byte for byte the same.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import networkx as nx

from kg.model import Mention, Paper, Relation
from kg.resolve import Resolution
from kg.sources import paper_to_dict

__all__ = ["KG_FORMAT", "build_graph", "citations", "mention_record", "paper_attributes"]

#: ``graph.graph["kg_format"]``: the version of this schema.
KG_FORMAT = 1


def paper_attributes(paper: Paper) -> dict[str, Any]:
    """A paper's node attributes (schema above): its JSON record, typed and labelled."""
    record = paper_to_dict(paper)
    del record["id"]
    return {"node_type": "paper", "label": paper.title, **record}


def mention_record(m: Mention) -> dict[str, Any]:
    """The provenance dict of one mention as stored on its edge."""
    return {
        "text": m.text,
        "field": str(m.field),
        "start": m.start,
        "end": m.end,
        "sentence_start": m.sentence_start,
        "sentence_end": m.sentence_end,
        "extractor": m.extractor,
        "confidence": m.confidence,
    }


def _mention_order(record: dict[str, Any]) -> tuple[Any, ...]:
    return (record["field"], record["start"], record["end"], record["extractor"], record["text"])


def build_graph(
    papers: Sequence[Paper],
    mentions: Sequence[Mention],
    resolution: Resolution,
    *,
    attributes: dict[str, Any] | None = None,
) -> nx.MultiDiGraph:
    """The kg graph of papers, their mentions and the entities they resolve to.

    Parameters
    ----------
    papers : sequence of Paper
        Every paper (the mentions' ``paper_id`` must be among them).
    mentions : sequence of Mention
        Every mention, in the order given to :func:`kg.resolve.resolve`.
    resolution : Resolution
        The result of :func:`kg.resolve.resolve` on these mentions.
    attributes : dict, optional
        Extra graph-level attributes (the build options :mod:`kg.pipeline` records).

    Returns
    -------
    networkx.MultiDiGraph
        In the schema of this module's docstring.

    Examples
    --------
    >>> from kg.model import EntityType, Field, Role
    >>> from kg.resolve import resolve
    >>> a = Paper(id="p:a", title="FlexGen", abstract="We propose FlexGen.")
    >>> b = Paper(id="p:b", title="B", abstract="We compare with FlexGen.")
    >>> ms = [Mention("p:a", "FlexGen", EntityType.METHOD, Role.INTRODUCES, Field.TITLE,
    ...               0, 7, "t", 1.0),
    ...       Mention("p:b", "FlexGen", EntityType.METHOD, Role.COMPARES_WITH,
    ...               Field.ABSTRACT, 16, 23, "t", 1.0)]
    >>> g = build_graph([a, b], ms, resolve(ms))
    >>> sorted(g.edges(keys=True))
    [('p:a', 'method:flexgen', 'introduces'), ('p:b', 'method:flexgen', 'compares_with'), \
('p:b', 'p:a', 'cites')]
    >>> g.edges["p:b", "p:a", "cites"]["via"]
    ['method:flexgen']
    """
    nodes: list[tuple[str, dict[str, Any]]] = [(p.id, paper_attributes(p)) for p in papers]
    for r in resolution.entities:
        e = r.entity
        nodes.append(
            (
                e.id,
                {
                    "node_type": str(e.type),
                    "label": e.name,
                    "aliases": sorted(e.aliases),
                    "introduced_by": list(e.introduced_by),
                    "n_papers": r.n_papers,
                    "url": e.url,
                    "family": e.family,
                    "size": r.size,
                    "variant": r.variant,
                    "merges": [m.as_dict() for m in r.merges],
                },
            )
        )
    nodes.sort(key=lambda item: item[0])
    g = nx.MultiDiGraph()
    g.graph["kg_format"] = KG_FORMAT
    for key, value in sorted((attributes or {}).items()):
        g.graph[key] = value
    g.add_nodes_from(nodes)

    edges: list[tuple[str, str, str, dict[str, Any]]] = []
    grouped: defaultdict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for m, entity in zip(mentions, resolution.assignments, strict=True):
        grouped[(m.paper_id, entity, str(m.role))].append(mention_record(m))
    for (paper, entity, role), records in grouped.items():
        records.sort(key=_mention_order)
        edges.append(
            (
                paper,
                entity,
                role,
                {"relation": role, "weight": float(len(records)), "mentions": records},
            )
        )
    variant_of = str(Relation.VARIANT_OF)
    for r in resolution.entities:
        if r.entity.family:
            edges.append(
                (r.entity.id, r.entity.family, variant_of, {"relation": variant_of, "weight": 1.0})
            )
    naming: defaultdict[str, set[str]] = defaultdict(set)
    for paper, entity, _ in grouped:
        naming[entity].add(paper)
    introduced = {r.entity.id: r.entity.introduced_by for r in resolution.entities}
    cites = str(Relation.CITES)
    for citing, cited, via in citations(naming, introduced):
        edges.append(
            (citing, cited, cites, {"relation": cites, "weight": float(len(via)), "via": via})
        )
    edges.sort(key=lambda e: (e[0], e[1], e[2]))
    g.add_edges_from(edges)  # in sorted order: the adjacency order a load gives back
    return g


def citations(
    naming: Mapping[str, Iterable[str]], introduced: Mapping[str, Sequence[str]]
) -> list[tuple[str, str, list[str]]]:
    """``(citing, cited, via)`` for every citation-style link, sorted (rule in the docstring).

    Parameters
    ----------
    naming : mapping
        Entity id -> the papers that name it (in any role).
    introduced : mapping
        Entity id -> the papers that introduce it.

    Examples
    --------
    >>> citations({"method:x": ["a", "b", "c"]}, {"method:x": ["a"]})
    [('b', 'a', ['method:x']), ('c', 'a', ['method:x'])]
    """
    via: defaultdict[tuple[str, str], list[str]] = defaultdict(list)
    for entity in sorted(introduced):
        introducers = introduced[entity]
        if not introducers:
            continue
        intro = set(introducers)
        for citing in sorted(set(naming.get(entity, ()))):
            if citing in intro:
                continue
            for cited in introducers:
                via[(citing, cited)].append(entity)
    return [(b, a, sorted(v)) for (b, a), v in sorted(via.items())]

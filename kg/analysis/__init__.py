"""Questions a kg graph answers: central nodes, communities, related papers, paths, stats.

Every function takes the workspace graph (schema in :mod:`kg.graph`) and returns plain
frozen dataclasses; nothing here mutates the graph or prints.
"""

from __future__ import annotations

from kg.analysis.centrality import Engine, Metric, Projection, Ranked, central
from kg.analysis.communities import Community, communities
from kg.analysis.lookup import find_node
from kg.analysis.paths import Connection, Step, path
from kg.analysis.projection import cooccurrence
from kg.analysis.related import RelatedPaper, related
from kg.analysis.summary import Explanation, Shown, Stats, explain, show, stats

__all__ = [
    "Community",
    "Connection",
    "Engine",
    "Explanation",
    "Metric",
    "Projection",
    "Ranked",
    "RelatedPaper",
    "Shown",
    "Stats",
    "Step",
    "central",
    "communities",
    "cooccurrence",
    "explain",
    "find_node",
    "path",
    "related",
    "show",
    "stats",
]

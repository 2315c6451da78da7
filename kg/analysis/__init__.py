"""Questions a kg graph answers: central nodes, communities, related papers, paths, stats.

Every function takes the workspace graph (schema in :mod:`kg.graph`) and returns plain
frozen dataclasses; nothing here mutates the graph or prints.
"""

from __future__ import annotations

from kg.analysis.centrality import Engine, Metric, Projection, Ranked, central
from kg.analysis.communities import Community, communities
from kg.analysis.projection import cooccurrence

__all__ = [
    "Community",
    "Engine",
    "Metric",
    "Projection",
    "Ranked",
    "central",
    "communities",
    "cooccurrence",
]

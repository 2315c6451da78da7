"""How a view looks, as data: node colours and shapes, edge styles, the legend's wording.

Everything a reader sees in the legend comes from these tables, so the legend, the drawn
network and the tests agree by construction. Colours are the Okabe-Ito palette, which stays
distinguishable for the common forms of colour blindness; shapes differ per type as well, so
colour is never the only cue.

References
----------
.. [1] M. Okabe and K. Ito, "Color Universal Design (CUD): how to make figures and
   presentations that are friendly to colorblind people", 2008.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from kg.model import NodeType

__all__ = [
    "COMMUNITY_COLOURS",
    "EDGE_STYLES",
    "NODE_STYLES",
    "UNASSIGNED_COLOUR",
    "EdgeKind",
    "EdgeStyle",
    "NodeStyle",
    "community_colour",
    "node_size",
]


class EdgeKind(StrEnum):
    """Every kind of line a view draws: the graph's relations plus two derived links.

    ``shares`` joins two papers that name the same entities (papers mode); ``cooccurs``
    joins two entities named by the same papers (entities mode).
    """

    INTRODUCES = "introduces"
    EVALUATES_ON = "evaluates_on"
    COMPARES_WITH = "compares_with"
    USES = "uses"
    MENTIONS = "mentions"
    VARIANT_OF = "variant_of"
    CITES = "cites"
    SHARES = "shares"
    COOCCURS = "cooccurs"


@dataclass(frozen=True, slots=True)
class NodeStyle:
    """The look of one node type: vis-network shape, fill and border colour, legend name."""

    shape: str
    colour: str
    border: str
    name: str
    description: str


@dataclass(frozen=True, slots=True)
class EdgeStyle:
    """The look of one edge kind: colour, width, dash pattern (empty = solid), arrow, names.

    ``verb`` reads between two labels on hover: ``"B cites A"``.
    """

    colour: str
    width: float
    dashes: tuple[int, ...]
    arrow: bool
    name: str
    verb: str


NODE_STYLES: Mapping[NodeType, NodeStyle] = MappingProxyType(
    {
        NodeType.PAPER: NodeStyle("dot", "#0072B2", "#004C77", "paper", "a paper of the corpus"),
        NodeType.METHOD: NodeStyle(
            "diamond", "#E69F00", "#9A6A00", "method", "a method, system or algorithm"
        ),
        NodeType.BENCHMARK: NodeStyle(
            "square", "#009E73", "#006A4D", "benchmark", "a benchmark or data set"
        ),
        NodeType.MODEL: NodeStyle(
            "triangle", "#CC79A7", "#8F4F73", "model", "a named model (variants point to family)"
        ),
        NodeType.REPO: NodeStyle("star", "#555555", "#222222", "repository", "a code repository"),
    }
)

EDGE_STYLES: Mapping[EdgeKind, EdgeStyle] = MappingProxyType(
    {
        EdgeKind.INTRODUCES: EdgeStyle("#D55E00", 3.0, (), True, "introduces", "introduces"),
        EdgeKind.EVALUATES_ON: EdgeStyle(
            "#009E73", 2.0, (8, 4), True, "evaluates on", "evaluates on"
        ),
        EdgeKind.COMPARES_WITH: EdgeStyle(
            "#E69F00", 2.0, (3, 3), True, "compares with", "compares with"
        ),
        EdgeKind.USES: EdgeStyle("#56B4E9", 1.5, (), True, "uses", "uses"),
        EdgeKind.MENTIONS: EdgeStyle("#AAAAAA", 1.0, (2, 4), True, "mentions", "mentions"),
        EdgeKind.VARIANT_OF: EdgeStyle(
            "#CC79A7", 1.5, (10, 3, 2, 3), True, "variant of", "is a variant of"
        ),
        EdgeKind.CITES: EdgeStyle("#0072B2", 2.5, (), True, "cites (citation-style)", "cites"),
        EdgeKind.SHARES: EdgeStyle(
            "#999999", 1.0, (4, 4), False, "shares entities", "shares entities with"
        ),
        EdgeKind.COOCCURS: EdgeStyle(
            "#B0B0B0", 1.0, (), False, "named together", "is named together with"
        ),
    }
)

#: Colours of the communities in the entity map, largest community first (Okabe-Ito, then
#: Paul Tol's muted companions); smaller communities are drawn in UNASSIGNED_COLOUR.
COMMUNITY_COLOURS: tuple[str, ...] = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#999933",
    "#882255",
    "#44AA99",
    "#332288",
    "#DDCC77",
)

#: Fill of an entity outside the coloured communities.
UNASSIGNED_COLOUR = "#BBBBBB"

_MIN_SIZE = 8.0
_MAX_SIZE = 40.0


def community_colour(index: int | None) -> str:
    """The fill colour of community number ``index`` (0 = largest); grey for the rest.

    Only the largest communities get a colour of their own: beyond a dozen, hues stop being
    distinguishable, so smaller communities (and ``None``) share one grey.

    Examples
    --------
    >>> community_colour(0), community_colour(11), community_colour(12), community_colour(None)
    ('#E69F00', '#DDCC77', '#BBBBBB', '#BBBBBB')
    """
    if index is None or not 0 <= index < len(COMMUNITY_COLOURS):
        return UNASSIGNED_COLOUR
    return COMMUNITY_COLOURS[index]


def node_size(score: float, top_score: float) -> float:
    """The drawn size of a node whose centrality is ``score`` when the largest is ``top_score``.

    Area, not radius, grows with the score (square root), between 8 and 40 pixels, so a node
    twice as central looks about twice as big rather than four times.

    Examples
    --------
    >>> node_size(1.0, 1.0), node_size(0.0, 1.0), node_size(0.25, 1.0)
    (40.0, 8.0, 24.0)
    """
    if top_score <= 0 or score <= 0:
        return _MIN_SIZE
    share = min(score / top_score, 1.0)
    return round(_MIN_SIZE + (_MAX_SIZE - _MIN_SIZE) * float(share**0.5), 2)

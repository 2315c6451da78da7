"""The style tables: complete, distinguishable, and consistent with the graph schema."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.model import NodeType, Relation
from kg.views.style import (
    COMMUNITY_COLOURS,
    EDGE_STYLES,
    NODE_STYLES,
    UNASSIGNED_COLOUR,
    EdgeKind,
    community_colour,
    node_size,
)


def test_every_node_type_has_its_own_shape_and_colour() -> None:
    assert set(NODE_STYLES) == set(NodeType)
    styles = list(NODE_STYLES.values())
    assert len({s.shape for s in styles}) == len(styles)
    assert len({s.colour.lower() for s in styles}) == len(styles)
    # vis-network scales only these shapes by size (label-inside shapes ignore it)
    sized = {"dot", "diamond", "square", "triangle", "triangleDown", "star", "hexagon"}
    assert {s.shape for s in styles} <= sized


def test_every_relation_of_the_schema_has_an_edge_style() -> None:
    assert {r.value for r in Relation} <= {k.value for k in EdgeKind}
    assert set(EDGE_STYLES) == set(EdgeKind)
    # each line is told apart by colour or dash pattern, not by colour alone
    looks = {(s.colour.lower(), s.dashes) for s in EDGE_STYLES.values()}
    assert len(looks) == len(EDGE_STYLES)
    assert len({s.name for s in EDGE_STYLES.values()}) == len(EDGE_STYLES)
    assert EDGE_STYLES[EdgeKind.CITES].arrow and not EDGE_STYLES[EdgeKind.COOCCURS].arrow


def test_communities_beyond_the_palette_share_the_grey() -> None:
    assert [community_colour(i) for i in range(len(COMMUNITY_COLOURS))] == list(COMMUNITY_COLOURS)
    assert len(set(COMMUNITY_COLOURS)) == len(COMMUNITY_COLOURS)
    assert UNASSIGNED_COLOUR not in COMMUNITY_COLOURS
    assert community_colour(len(COMMUNITY_COLOURS)) == UNASSIGNED_COLOUR
    assert community_colour(None) == community_colour(-1) == UNASSIGNED_COLOUR


@settings(max_examples=60, deadline=None)
@given(
    st.floats(0, 1, allow_nan=False),
    st.floats(0, 1, allow_nan=False),
    st.floats(1e-9, 10, allow_nan=False),
)
def test_node_size_is_bounded_and_grows_with_the_score(a: float, b: float, top: float) -> None:
    small, large = sorted((a * top, b * top))
    assert 8.0 <= node_size(small, top) <= node_size(large, top) <= 40.0
    assert node_size(top, top) == 40.0

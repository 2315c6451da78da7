"""What a paper does with each entity it names: introduces, evaluates on, compares with, uses.

Roles come from cue phrases in the sentence that holds the mention:

=============  ==================================================================
role           cues (the nearest cue before the mention in its sentence wins)
=============  ==================================================================
introduces     the name before a title's colon; "we propose/introduce/present X";
               "called/dubbed/named/termed X" (decided in :mod:`kg.extract.names`);
               a link after "code/data is available at"
evaluates_on   "evaluated/tested/experiments/results on", "benchmarks such as",
               "on X and Y" (a benchmark's default)
compares_with  "compared to/with", "outperforms", "surpasses", "than", "baselines
               such as", "over", "versus", "matches", "on par with"
uses           "built on", "based on", "using", "fine-tune", "implemented in",
               "leverages", "applies", "extends", "with", "via"
mentions       none of the above
=============  ==================================================================

An entity named several times in a paper keeps its strongest role, in the order
introduces > evaluates_on > compares_with > uses > mentions, so every mention of it in the
paper carries the same role (what the graph's paper -> entity edge records).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from kg.model import EntityType, Field, Mention, Paper, Role
from kg.text import compact_key, sentence_spans

__all__ = ["ROLE_ORDER", "assign_roles", "cue_role"]

#: Strongest first: the role an entity keeps when a paper gives it several.
ROLE_ORDER: tuple[Role, ...] = (
    Role.INTRODUCES,
    Role.EVALUATES_ON,
    Role.COMPARES_WITH,
    Role.USES,
    Role.MENTIONS,
)
_RANK = {role: i for i, role in enumerate(ROLE_ORDER)}

_CUES = re.compile(
    r"\b(?:"
    r"(?P<intro>(?:[Cc]ode|[Dd]ata|[Mm]odels?|[Dd]atasets?|[Rr]esources|[Ww]eights|"
    r"[Ii]mplementation|[Pp]roject page|[Dd]emo)s?\b[^.]{0,60}?(?:available|released|found|"
    r"open-sourced|accessible|hosted)|[Vv]isit|[Ss]ee\s+(?:our|the)\s+project)"
    r"|(?P<comp>compar\w*\s+(?:to|with|against)|comparison\s+(?:to|with)|in comparison|"
    r"outperform\w*|surpass\w*|beat[s]?|beating|exceed\w*|superior\s+to|better\s+than|than|"
    r"baselines?|versus|vs\.?|over|match(?:es|ing)?|rival\w*|on\s+par\s+with|"
    r"competitive\s+with|improv\w+\s+(?:up)?on|relative\s+to|against)"
    r"|(?P<eval>evaluat\w*|experiments?|results?|tested|testing|benchmark\w*|"
    r"assess\w*|validat\w*|accuracy|performance|scores?|achiev\w*)"
    r"|(?P<uses>built\s+(?:on|upon)|based\s+on|builds\s+(?:on|upon)|on\s+top\s+of|us(?:e|es|ed|ing)|"
    r"leverag\w+|fine-?tun\w*|implement\w*\s+(?:in|with|on)|extend\w*|appl(?:y|ies|ied)|"
    r"adopt\w*|employ\w*|with|via|train\w*|initiali[sz]\w*|distill\w*|powered\s+by|"
    r"backbones?|equipped|integrat\w*|incorporat\w*|combin\w*)"
    r")\b"
)
#: How far before a mention cues are looked for (bounded: no quadratic work on huge text).
_LOOKBACK = 240
_GROUP_ROLE = {
    "intro": Role.INTRODUCES,
    "comp": Role.COMPARES_WITH,
    "eval": Role.EVALUATES_ON,
    "uses": Role.USES,
}
#: The role an entity type takes when its sentence has no cue.
_DEFAULT = {
    EntityType.REPO: Role.INTRODUCES,
    EntityType.BENCHMARK: Role.EVALUATES_ON,
    EntityType.MODEL: Role.USES,
    EntityType.METHOD: Role.USES,
}


def cue_role(sentence: str, kind: EntityType) -> Role:
    """The role that the cues before a mention give it (``sentence`` ends at the mention).

    Examples
    --------
    >>> cue_role("InstInfer is faster compared to existing solutions such as ", EntityType.METHOD)
    <Role.COMPARES_WITH: 'compares_with'>
    >>> cue_role("We fine-tune ", EntityType.MODEL)
    <Role.USES: 'uses'>
    >>> cue_role("Our code is available at ", EntityType.REPO)
    <Role.INTRODUCES: 'introduces'>
    """
    last = None
    for last in _CUES.finditer(sentence):  # noqa: B007 - the nearest cue is the last one
        pass
    if last is None:
        return _DEFAULT.get(kind, Role.MENTIONS)
    role = _GROUP_ROLE[last.lastgroup or "uses"]
    return _fit(role, kind)


def _fit(role: Role, kind: EntityType) -> Role:
    """Adjust a cue's role to what the entity type can take."""
    if kind is EntityType.BENCHMARK:
        return Role.EVALUATES_ON if role is not Role.INTRODUCES else role
    if kind is EntityType.REPO:
        return Role.INTRODUCES if role in (Role.INTRODUCES, Role.USES, Role.EVALUATES_ON) else role
    if role is Role.EVALUATES_ON:
        return Role.USES
    if role is Role.INTRODUCES:
        return Role.USES
    return role


def assign_roles(paper: Paper, mentions: Sequence[Mention]) -> list[Mention]:
    """Give each mention its sentence offsets and role; one role per entity per paper.

    Mentions that already say ``introduces`` keep it; the others get the role of the
    nearest cue before them in their sentence (or their type's default); then every
    mention of the same entity (same type and compact key) takes the strongest role.
    """
    spans: dict[Field, list[tuple[int, int]]] = {}
    starts: dict[Field, list[int]] = {}
    keys: dict[str, str] = {}
    placed: list[tuple[Mention, Role, int, int, tuple[EntityType, str]]] = []
    best: dict[tuple[EntityType, str], Role] = {}
    for m in mentions:
        text = paper.title if m.field is Field.TITLE else paper.abstract
        if m.field not in spans:
            spans[m.field] = sentence_spans(text)
            starts[m.field] = [s for s, _ in spans[m.field]]
        i = bisect.bisect_right(starts[m.field], m.start) - 1
        s_start, s_end = spans[m.field][i] if i >= 0 else (0, len(text))
        s_end = max(s_end, m.end)
        role = m.role
        if role is Role.MENTIONS:
            role = cue_role(text[max(s_start, m.start - _LOOKBACK) : m.start], m.type)
        key = keys.get(m.text)
        if key is None:
            key = keys[m.text] = compact_key(m.text)
        entity = (m.type, key)
        placed.append((m, role, s_start, s_end, entity))
        if entity not in best or _RANK[role] < _RANK[best[entity]]:
            best[entity] = role
    return [
        Mention(
            m.paper_id,
            m.text,
            m.type,
            best[entity],
            m.field,
            m.start,
            m.end,
            m.extractor,
            m.confidence,
            s_start,
            s_end,
        )
        for m, _, s_start, s_end, entity in placed
    ]

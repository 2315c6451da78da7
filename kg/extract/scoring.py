"""Score extracted mentions against hand annotations: precision, recall, F1 per type and role.

The annotation format is the one of ``tests/data/annotations.jsonl`` (guidelines in
``tests/data/ANNOTATION.md``): one object per paper ``{title, split, entities: [{text, type,
role, aliases}]}``. Matching is per paper over distinct entities: a predicted entity (the
distinct case-insensitive texts of a type) matches a gold entity of the same type whose text
or an alias is equal ignoring case (repo links are compared after
:func:`kg.extract.repos.normalise_url`). A second prediction matching an already matched
gold entity is an alias, neither a hit nor a false positive. Roles are scored on matched
entities only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from kg.extract.repos import normalise_url
from kg.extract.roles import ROLE_ORDER
from kg.model import EntityType, Mention, Role

__all__ = ["Counts", "Score", "score_paper"]


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Score:
    """Counts per entity type and per role, and the introduced-method tally."""

    types: Mapping[str, Counts] = field(default_factory=dict)
    roles: Mapping[str, Counts] = field(default_factory=dict)
    introduced_methods: int = 0
    introduced_methods_found: int = 0
    errors: tuple[tuple[str, str, str, str], ...] = ()

    def __add__(self, other: Score) -> Score:
        types = {
            k: self.types.get(k, Counts()) + other.types.get(k, Counts())
            for k in set(self.types) | set(other.types)
        }
        roles = {
            k: self.roles.get(k, Counts()) + other.roles.get(k, Counts())
            for k in set(self.roles) | set(other.roles)
        }
        return Score(
            types,
            roles,
            self.introduced_methods + other.introduced_methods,
            self.introduced_methods_found + other.introduced_methods_found,
            self.errors + other.errors,
        )

    @property
    def overall(self) -> Counts:
        total = Counts()
        for c in self.types.values():
            total = total + c
        return total

    @property
    def introduced_accuracy(self) -> float:
        if not self.introduced_methods:
            return 1.0
        return self.introduced_methods_found / self.introduced_methods

    def table(self) -> list[tuple[str, int, int, int, float, float, float]]:
        """Rows ``(name, tp, fp, fn, precision, recall, f1)``: types, overall, roles."""
        rows = []
        names = [t.value for t in EntityType]
        for name in names:
            c = self.types.get(name, Counts())
            rows.append((name, c.tp, c.fp, c.fn, c.precision, c.recall, c.f1))
        c = self.overall
        rows.append(("all types", c.tp, c.fp, c.fn, c.precision, c.recall, c.f1))
        for role in ROLE_ORDER:
            c = self.roles.get(role.value, Counts())
            rows.append((f"role {role.value}", c.tp, c.fp, c.fn, c.precision, c.recall, c.f1))
        return rows


def _key(text: str, kind: str) -> str:
    return normalise_url(text).lower() if kind == EntityType.REPO.value else text.lower()


def score_paper(
    mentions: Iterable[Mention], gold: Sequence[Mapping[str, Any]], *, label: str = ""
) -> Score:
    """Score one paper's mentions against its gold entities."""
    predicted: dict[tuple[str, str], tuple[str, str]] = {}
    for m in mentions:
        k = (m.type.value, _key(m.text, m.type.value))
        if k not in predicted:
            predicted[k] = (m.text, m.role.value)
    forms: dict[tuple[str, str], int] = {}
    for i, g in enumerate(gold):
        for text in (g["text"], *g.get("aliases", ())):
            forms.setdefault((g["type"], _key(text, g["type"])), i)
    matched: dict[int, str] = {}
    types: Counter[tuple[str, str]] = Counter()
    errors: list[tuple[str, str, str, str]] = []
    for (kind, key), (text, role) in predicted.items():
        index = forms.get((kind, key))
        if index is None:
            types[(kind, "fp")] += 1
            errors.append((label, "fp", kind, text))
        elif index not in matched:
            matched[index] = role
            types[(kind, "tp")] += 1
    for i, g in enumerate(gold):
        if i not in matched:
            types[(g["type"], "fn")] += 1
            errors.append((label, "fn", g["type"], g["text"]))
    roles: dict[str, Counts] = {}
    for i, role in matched.items():
        want = gold[i]["role"]
        if role == want:
            roles[role] = roles.get(role, Counts()) + Counts(tp=1)
        else:
            roles[role] = roles.get(role, Counts()) + Counts(fp=1)
            roles[want] = roles.get(want, Counts()) + Counts(fn=1)
            errors.append((label, f"role {role}!={want}", gold[i]["type"], gold[i]["text"]))
    intro = [
        i
        for i, g in enumerate(gold)
        if g["type"] == EntityType.METHOD.value and g["role"] == Role.INTRODUCES.value
    ]
    found = sum(1 for i in intro if matched.get(i) == Role.INTRODUCES.value)
    counts = {
        t.value: Counts(types[(t.value, "tp")], types[(t.value, "fp")], types[(t.value, "fn")])
        for t in EntityType
    }
    return Score(counts, roles, len(intro), found, tuple(errors))

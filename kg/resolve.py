"""Mentions -> entities: variant spellings become one entity, different things stay apart.

Every distinct ``(type, surface text)`` is a *surface*; surfaces of one type are linked by
the rules below (union-find, in this order), and each linked group is one entity:

=============== =========================================================================
rule            links two surfaces when
=============== =========================================================================
alias-file      the user's alias file says ``merge`` (see :func:`load_aliases`)
same-key        their :func:`kg.text.compact_key` agrees: case, hyphens, spaces, accents
                (``LLaMA-3`` = ``Llama 3`` = ``LLaMA3``); ``+`` counts as ``plus``
affix           they agree once a leading "the" and a trailing generic word are dropped
                ("the LongBench benchmark" = "LongBench"; the rest must be one word,
                except for models: "the Llama 3 model" = "Llama 3")
plural          they agree once the last word is singular ("PRMs" = "PRM")
model-parts     models whose :func:`kg.extract.models.parse_model_name` parts agree
abbreviation    a paper defines one as the other's short form, ``Long Form (LF)``
                (:func:`kg.extract.abbreviations.find_abbreviations`); if the papers
                disagree on an acronym's expansion, the one most papers give wins
typo            one edit apart (Levenshtein distance 1) on keys of at least
                :data:`TYPO_MIN_LENGTH` characters, inside one word of 4+ characters
                (so "ImageNet" / "ImageNet-R" stay apart), and the rarer spelling is
                written in at most half as many papers as the other (a typo is a rare
                slip of a common name; this also stops chains of look-alike names)
=============== =========================================================================

Guards no rule overrides: the *number signature* (every digit run with the letters glued to
it, ``gpt4o`` -> ``4o``) must agree for abbreviation and typo links, so ``GPT-4`` /
``GPT-4o`` / ``GPT-4.5``, ``Qwen2.5-7B`` / ``Qwen2.5-1.5B`` and ``SATCOMP-2022`` /
``SATCOMP-2023`` never merge (the key rules cannot merge them either: their keys differ);
and ``split`` entries of the alias file forbid any link that would put their names together.

Model variants are not merged into their family: ``Qwen2.5-7B`` keeps its own entity whose
``family`` is the ``Qwen2.5`` entity (created if no paper names it), and the graph links
them with a ``variant_of`` edge.

Scale: nothing is compared all-pairs. Keys are grouped by dictionary; typo candidates are
blocked by (type, number signature, length, two thirds of the key) -- one edit leaves two
thirds intact (see ``_blocks``) -- and compared inside a block with
:func:`rapidfuzz.process.cdist`. ``benchmarks/bench_resolve.py``
measures 10k -> 1M mentions.

Every alias is explained: the entity's ``merges`` list gives, per alias, the rule (and
score, 0-100, ``fuzz.ratio`` of the keys for typos) that attached it, and the papers that
wrote it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.gcpause import gc_paused
from kg.ids import entity_id
from kg.model import Entity, EntityType, Mention, Paper, Role
from kg.text import normalise_title

__all__ = [
    "TYPO_MIN_LENGTH",
    "AliasRules",
    "Merge",
    "Resolution",
    "Resolved",
    "Rule",
    "key_of",
    "load_aliases",
    "number_signature",
    "parse_aliases",
    "resolve",
    "typo_pairs",
]

#: Typo links need keys at least this long (shorter names differ by one letter on purpose:
#: BERT/BART, LLaVA/LLaMA, ResNet/ResNeXt).
TYPO_MIN_LENGTH = 8
#: Rows of a block compared at once (bounds cdist's matrix to rows x block size).
_CHUNK = 1024


class Rule(StrEnum):
    """Why an alias belongs to its entity (the ``rule`` of a ``merges`` entry)."""

    PREFERRED = "preferred"
    ALIAS_FILE = "alias-file"
    SAME_KEY = "same-key"
    AFFIX = "affix"
    PLURAL = "plural"
    MODEL_PARTS = "model-parts"
    ABBREVIATION = "abbreviation"
    TYPO = "typo"
    FAMILY = "family"


@dataclass(frozen=True, slots=True)
class Merge:
    """One alias of an entity and why it is there."""

    alias: str
    rule: Rule
    score: float
    papers: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        """The graph attribute form: ``{"alias", "rule", "score", "papers"}``."""
        return {
            "alias": self.alias,
            "rule": str(self.rule),
            "score": self.score,
            "papers": list(self.papers),
        }


@dataclass(frozen=True, slots=True)
class Resolved:
    """An entity with what the graph needs beyond :class:`kg.model.Entity`."""

    entity: Entity
    n_papers: int
    n_mentions: int
    size: str | None = None
    variant: str | None = None
    merges: tuple[Merge, ...] = ()


@dataclass(frozen=True, slots=True)
class Resolution:
    """Entities sorted by id, and the entity id of each input mention (same order)."""

    entities: tuple[Resolved, ...]
    assignments: tuple[str, ...]

    def by_id(self) -> dict[str, Resolved]:
        """The entities keyed by id."""
        return {r.entity.id: r for r in self.entities}


@dataclass(frozen=True, slots=True)
class AliasRules:
    """Forced merges and splits: each entry a type (None: every type) and names."""

    merges: tuple[tuple[str | None, tuple[str, ...]], ...] = ()
    splits: tuple[tuple[str | None, tuple[str, ...]], ...] = ()

    def as_json(self) -> dict[str, Any]:
        """The alias-file form (see :func:`parse_aliases`)."""
        return {
            kind: [{"type": t, "names": list(names)} for t, names in entries]
            for kind, entries in (("merge", self.merges), ("split", self.splits))
        }


# --------------------------------------------------------------------------- alias file


def parse_aliases(data: Any, *, source: str = "aliases") -> AliasRules:
    """Read the alias-file structure.

    The file is JSON::

        {"merge": [{"type": "method", "names": ["PRM", "Process Reward Model"]}],
         "split": [{"names": ["GPT-4", "GPT-4o"]}]}

    ``type`` is optional (absent: every type). ``merge`` puts every surface whose key
    matches one of the names into one entity (names nobody wrote become aliases too);
    ``split`` keeps surfaces matching different names in different entities, whatever the
    rules say. Split names match a surface's exact text, else its
    :func:`kg.text.compact_key` (so ``["FlexGen", "Flexgen"]`` separates the two spellings,
    and ``["GPT-4", "GPT-4o"]`` also catches "gpt 4").

    Examples
    --------
    >>> parse_aliases({"merge": [{"names": ["A", "B"]}]}).merges
    ((None, ('A', 'B')),)
    """
    if not isinstance(data, Mapping) or set(data) - {"merge", "split"}:
        raise InputError(
            f"{source}: an alias file is a JSON object with the keys 'merge' and/or 'split'"
        )
    parsed: dict[str, list[tuple[str | None, tuple[str, ...]]]] = {"merge": [], "split": []}
    types = {t.value for t in EntityType}
    for kind in ("merge", "split"):
        entries = data.get(kind, [])
        if not isinstance(entries, list):
            raise InputError(f"{source}: '{kind}' must be a list of {{type, names}} objects")
        for i, entry in enumerate(entries):
            names = entry.get("names") if isinstance(entry, Mapping) else None
            etype = entry.get("type") if isinstance(entry, Mapping) else None
            if (
                not isinstance(names, list)
                or len(names) < 2
                or not all(isinstance(n, str) and n.strip() for n in names)
            ):
                raise InputError(f"{source}: {kind}[{i}] needs 'names': two or more names")
            if etype is not None and etype not in types:
                raise InputError(
                    f"{source}: {kind}[{i}] has unknown type {etype!r}; "
                    f"available: {', '.join(sorted(types))}"
                )
            parsed[kind].append((etype, tuple(names)))
    return AliasRules(merges=tuple(parsed["merge"]), splits=tuple(parsed["split"]))


def load_aliases(path: str | os.PathLike[str]) -> AliasRules:
    """Read an alias file (format in :func:`parse_aliases`); InputError if unreadable."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read alias file {path}: {exc.strerror}") from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"alias file {path} is not valid JSON: {exc}") from exc
    return parse_aliases(data, source=str(path))


# --------------------------------------------------------------------------- keys

#: Trailing words that only say what kind of thing a name is.
_GENERIC: Mapping[str, frozenset[str]] = {
    "benchmark": frozenset(
        [
            "benchmark",
            "benchmarks",
            "dataset",
            "datasets",
            "corpus",
            "suite",
            "leaderboard",
            "task",
            "tasks",
        ]
    ),
    "method": frozenset(
        ["method", "methods", "framework", "approach", "algorithm", "system", "model"]
    ),
    "model": frozenset(["model", "models", "llm", "llms", "checkpoint"]),
    "repo": frozenset(),
}
_NUMBER = re.compile(r"\d[\d.]*[a-z]*")


def _words(text: str) -> list[str]:
    return normalise_title(text.replace("+", " plus ")).split()


def _singular(word: str) -> str:
    if len(word) < 4 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if not word[-2].isalpha():
        return word
    return word[:-3] + "y" if word.endswith("ies") and len(word) > 4 else word[:-1]


def key_of(text: str, entity_type: str = "method") -> tuple[str, str, str]:
    """The three keys of a surface: compact, without affixes, and singular (the match key).

    Examples
    --------
    >>> key_of("LLaMA-3", "model")
    ('llama3', 'llama3', 'llama3')
    >>> key_of("the LongBench benchmark", "benchmark")
    ('thelongbenchbenchmark', 'longbench', 'longbench')
    >>> key_of("Process Reward Models")[2], key_of("PRMs")[2]
    ('processrewardmodel', 'prm')
    >>> key_of("HumanEval+", "benchmark")[2] != key_of("HumanEval", "benchmark")[2]
    True
    """
    if entity_type == "repo":
        from kg.extract.repos import normalise_url

        url = normalise_url(text) or text.strip()
        key = url.split("://", 1)[-1].lower()
        return key, key, key
    words = _words(text)
    core = _core(words, entity_type)
    affix = "".join(core)
    if core:
        core[-1] = _singular(core[-1])
    return "".join(words), affix, "".join(core)


def _core(words: list[str], entity_type: str) -> list[str]:
    """The words without a leading "the" and a trailing generic word."""
    core = words[1:] if len(words) > 1 and words[0] == "the" else list(words)
    generic = _GENERIC.get(entity_type, frozenset())
    if len(core) > 1 and core[-1] in generic and (len(core) == 2 or entity_type == "model"):
        core = core[:-1]
    return core


def _typo_words_ok(a: str, b: str, entity_type: str) -> bool:
    """A typo is inside one word: same word count, one word differs, both 4+ characters.

    "ImageNet" / "ImageNet-R" are one edit apart but differ by a whole word: not a typo.

    Examples
    --------
    >>> _typo_words_ok("Speculative Decoding", "Specultive Decoding", "method")
    True
    >>> _typo_words_ok("ImageNet", "ImageNet-R", "benchmark")
    False
    """
    wa, wb = _core(_words(a), entity_type), _core(_words(b), entity_type)
    if len(wa) != len(wb):
        return False
    differ = [(x, y) for x, y in zip(wa, wb, strict=True) if _singular(x) != _singular(y)]
    return len(differ) == 1 and min(len(differ[0][0]), len(differ[0][1])) >= 4


def number_signature(key: str) -> tuple[str, ...]:
    """Digit runs with the letters glued to them: what two names must share to merge.

    Examples
    --------
    >>> [number_signature(k) for k in ("gpt4", "gpt4o", "gpt4.5", "qwen2.57b")]
    [('4',), ('4o',), ('4.5',), ('2.57b',)]
    """
    return tuple(_NUMBER.findall(key))


# --------------------------------------------------------------------------- blocking


def _blocks(keys: Sequence[str], min_length: int) -> dict[tuple[Any, ...], list[int]]:
    """Blocks in which every pair of keys one edit apart meets (at least once).

    Cut the shorter key of such a pair (length m; the other has m or m + 1 characters)
    into thirds at ``t1 = m // 3`` and ``t2 = 2 * m // 3``. The edit lies in one third, so
    the other two are intact: edit in the last third, both keys start with ``key[:t2]``;
    in the first, both end with the last ``m - t1`` characters; in the middle, both start
    with ``key[:t1]`` and end with the last ``m - t2``. Each key enters those blocks as the
    shorter (m = its length) and as the longer (m = its length - 1) of a pair, and every
    block is keyed by two thirds of a key, so blocks stay small however many keys there are.
    """
    blocks: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        n = len(key)
        if n < min_length:
            continue
        sig = number_signature(key)
        for m in (n, n - 1):
            if m < min_length:
                continue
            t1, t2 = m // 3, 2 * m // 3
            blocks[(sig, m, 0, key[:t2])].append(i)
            blocks[(sig, m, 1, key[n - (m - t1) :])].append(i)
            blocks[(sig, m, 2, key[:t1], key[n - (m - t2) :])].append(i)
    return blocks


def typo_pairs(keys: Sequence[str], *, min_length: int = TYPO_MIN_LENGTH) -> set[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of distinct keys one edit apart, found by blocking.

    Equal to the all-pairs answer (a hypothesis test checks it): see ``_blocks`` for why
    every such pair meets in a block; number signatures must agree anyway.

    Examples
    --------
    >>> sorted(typo_pairs(["flexgenerate", "flexgenerste", "flexgenerates2", "flexgen"]))
    [(0, 1)]
    """
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    pairs: set[tuple[int, int]] = set()
    for members in _blocks(keys, min_length).values():
        if len(members) < 2:
            continue
        if len(members) == 2:
            i, j = members
            if keys[i] != keys[j] and Levenshtein.distance(keys[i], keys[j], score_cutoff=1) <= 1:
                pairs.add((i, j) if i < j else (j, i))
            continue
        choices = [keys[j] for j in members]
        for start in range(0, len(members), _CHUNK):
            rows = members[start : start + _CHUNK]
            matrix = process.cdist(
                choices[start : start + _CHUNK],
                choices,
                scorer=Levenshtein.distance,
                score_cutoff=1,
                dtype="int8",
            )
            for r, c in zip(*(matrix <= 1).nonzero(), strict=True):
                i, j = rows[int(r)], members[int(c)]
                if keys[i] != keys[j]:
                    pairs.add((i, j) if i < j else (j, i))
    return pairs


# --------------------------------------------------------------------------- union-find


@dataclass(slots=True)
class _Surface:
    type: str
    text: str
    raw: str
    affix: str
    key: str
    mentions: int = 0
    papers: set[str] = field(default_factory=set)
    introduced_by: set[str] = field(default_factory=set)


class _Links:
    """Union-find over surfaces that refuses links forbidden by ``split`` entries."""

    def __init__(self, n: int, tags: Mapping[int, dict[int, int]]) -> None:
        self.parent = list(range(n))
        self.tags: dict[int, dict[int, int]] = {i: dict(t) for i, t in tags.items()}
        self.edges: list[tuple[int, int, Rule, float]] = []

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def union(self, a: int, b: int, rule: Rule, score: float = 100.0) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ta, tb = self.tags.get(ra, {}), self.tags.get(rb, {})
        if any(tb.get(split, side) != side for split, side in ta.items()):
            return False
        if ra > rb:
            ra, rb = rb, ra
            ta, tb = tb, ta
        self.parent[rb] = ra
        if tb:
            self.tags[ra] = {**ta, **tb}
        self.edges.append((a, b, rule, score))
        return True


def _abbreviation_pairs(papers: Iterable[Paper]) -> dict[str, tuple[str, str, str, list[str]]]:
    """short key -> (long key, short text, long text, papers): each acronym's expansion."""
    from kg.extract.abbreviations import find_abbreviations

    found: defaultdict[tuple[str, str], dict[str, Any]] = defaultdict(
        lambda: {"papers": set(), "short": Counter(), "long": Counter()}
    )
    for paper in papers:
        for text in (paper.title, paper.abstract):
            for abbr in find_abbreviations(text):
                short_key, long_key = key_of(abbr.short)[2], key_of(abbr.long)[2]
                if not short_key or not long_key:
                    continue
                entry = found[(short_key, long_key)]
                entry["papers"].add(paper.id)
                entry["short"][abbr.short] += 1
                entry["long"][abbr.long] += 1
    best: dict[str, tuple[str, str, str, list[str]]] = {}
    for (short_key, long_key), entry in sorted(
        found.items(), key=lambda kv: (kv[0][0], -len(kv[1]["papers"]), kv[0][1])
    ):
        if short_key not in best:  # most papers first, then the smallest long key
            short = min(entry["short"], key=lambda t: (-entry["short"][t], t))
            long = min(entry["long"], key=lambda t: (-entry["long"][t], t))
            best[short_key] = (long_key, short, long, sorted(entry["papers"]))
    return best


def _fold_mentions(mentions: Sequence[Mention]) -> tuple[list[_Surface], list[int]]:
    """Distinct (type, text) surfaces in sorted order, and each mention's surface index.

    Sorting the few distinct surfaces, not the many mentions, makes everything after this
    independent of the mention order.
    """
    index: dict[tuple[str, str], int] = {}
    found: list[_Surface] = []
    first: list[int] = []
    introduces = Role.INTRODUCES
    for m in mentions:
        ident = (m.type.value, m.text)
        i = index.get(ident)
        if i is None:
            i = index[ident] = len(found)
            found.append(_Surface(ident[0], m.text, "", "", ""))
        s = found[i]
        s.mentions += 1
        s.papers.add(m.paper_id)
        if m.role is introduces:
            s.introduced_by.add(m.paper_id)
        first.append(i)
    order = sorted(range(len(found)), key=lambda i: (found[i].type, found[i].text))
    rank = [0] * len(found)
    for new, old in enumerate(order):
        rank[old] = new
    surfaces = [found[i] for i in order]
    for s in surfaces:
        s.raw, s.affix, s.key = key_of(s.text, s.type)
    return surfaces, [rank[i] for i in first]


def _split_tags(surfaces: Sequence[_Surface], rules: AliasRules) -> dict[int, dict[int, int]]:
    tags: dict[int, dict[int, int]] = defaultdict(dict)
    for n, (etype, names) in enumerate(rules.splits):
        exact = {name: side for side, name in enumerate(names)}
        keyed: dict[str, set[int]] = defaultdict(set)
        for side, name in enumerate(names):
            keyed[key_of(name, etype or "method")[0]].add(side)
        for i, s in enumerate(surfaces):
            if etype not in (None, s.type):
                continue
            found = exact.get(s.text)
            if found is None and len(keyed.get(s.raw, ())) == 1:
                (found,) = keyed[s.raw]
            if found is not None:
                tags[i][n] = found
    return tags


def _link(
    surfaces: list[_Surface], rules: AliasRules, papers: Sequence[Paper]
) -> tuple[_Links, dict[int, list[Merge]]]:
    """Apply the rules in order; returns the links and extra (unwritten) aliases per surface."""
    from rapidfuzz import fuzz

    from kg.extract.models import parse_model_name

    links = _Links(len(surfaces), _split_tags(surfaces, rules))
    extra: dict[int, list[Merge]] = defaultdict(list)
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, s in enumerate(surfaces):
        by_key[(s.type, s.key)].append(i)
    types = sorted({s.type for s in surfaces})
    named_types = [t for t in types if t != EntityType.REPO]
    keys_of_type: dict[str, list[str]] = {
        t: sorted({k for tt, k in by_key if tt == t}) for t in types
    }

    for etype, names in rules.merges:
        for t in [etype] if etype else types:
            keyed = [(name, key_of(name, t)[2]) for name in names]
            present = [i for _, k in keyed for i in by_key.get((t, k), [])]
            if not present:
                continue
            for i in present[1:]:
                links.union(present[0], i, Rule.ALIAS_FILE)
            for name, k in keyed:
                if (t, k) not in by_key:
                    extra[present[0]].append(Merge(name, Rule.ALIAS_FILE, 100.0, ()))

    for members in by_key.values():
        head = min(members, key=lambda i: (-surfaces[i].mentions, surfaces[i].text))
        for i in sorted(members):
            if i != head:
                a, b = surfaces[head], surfaces[i]
                rule = (
                    Rule.SAME_KEY
                    if a.raw == b.raw
                    else Rule.AFFIX
                    if a.affix == b.affix
                    else Rule.PLURAL
                )
                links.union(head, i, rule)

    by_parts: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, s in enumerate(surfaces):
        if s.type == EntityType.MODEL:
            parts = parse_model_name(s.text)
            by_parts[
                (_compact(parts.family), (parts.size or "").lower(), _compact(parts.variant))
            ].append(i)
    for members in by_parts.values():
        for i in members[1:]:
            if surfaces[i].key != surfaces[members[0]].key:
                links.union(members[0], i, Rule.MODEL_PARTS)

    for short_key, (long_key, short, long, defining) in sorted(_abbreviation_pairs(papers).items()):
        for t in named_types:
            shorts, longs = by_key.get((t, short_key), []), by_key.get((t, long_key), [])
            if shorts and longs:
                links.union(shorts[0], longs[0], Rule.ABBREVIATION)
            elif shorts:
                extra[shorts[0]].append(Merge(long, Rule.ABBREVIATION, 100.0, tuple(defining)))
            elif longs:
                extra[longs[0]].append(Merge(short, Rule.ABBREVIATION, 100.0, tuple(defining)))

    for t in named_types:
        typed = keys_of_type[t]
        for ka, kb in sorted(typo_pairs(typed)):
            ia, ib = by_key[(t, typed[ka])][0], by_key[(t, typed[kb])][0]
            if not _typo_words_ok(surfaces[ia].text, surfaces[ib].text, t):
                continue
            na = sum(len(surfaces[i].papers) for i in by_key[(t, typed[ka])])
            nb = sum(len(surfaces[i].papers) for i in by_key[(t, typed[kb])])
            if 2 * min(na, nb) > max(na, nb):
                continue  # two names about as common are two names, not a name and its typo
            links.union(ia, ib, Rule.TYPO, round(fuzz.ratio(typed[ka], typed[kb]), 1))
    return links, extra


def _compact(text: str | None) -> str:
    return "".join(_words(text)) if text else ""


# --------------------------------------------------------------------------- entities


def _explain(
    members: list[int],
    label: int,
    neighbours: Mapping[int, list[tuple[int, Rule, float]]],
    surfaces: Sequence[_Surface],
) -> dict[int, tuple[Rule, float]]:
    """Breadth-first from the label over the links: the rule that reached each surface."""
    reached = {label: (Rule.PREFERRED, 100.0)}
    queue = [label]
    while queue:
        nxt: list[int] = []
        for node in queue:
            for other, rule, score in sorted(
                neighbours.get(node, ()), key=lambda e: (_RULE_ORDER[e[1]], surfaces[e[0]].text)
            ):
                if other not in reached:
                    reached[other] = (rule, score)
                    nxt.append(other)
        queue = nxt
    return reached


_RULE_ORDER = {rule: i for i, rule in enumerate(Rule)}


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=4).hexdigest()


@dataclass(slots=True)
class _Draft:
    type: str
    key: str
    label: str
    aliases: dict[str, Merge]
    mentions: int
    papers: set[str]
    introduced_by: set[str]
    url: str | None = None
    family_key: str | None = None
    size: str | None = None
    variant: str | None = None
    id: str = ""


def _drafts(
    surfaces: list[_Surface], links: _Links, extra: Mapping[int, list[Merge]]
) -> dict[int, _Draft]:
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(surfaces)):
        groups[links.find(i)].append(i)
    neighbours: defaultdict[int, list[tuple[int, Rule, float]]] = defaultdict(list)
    for a, b, rule, score in links.edges:
        neighbours[a].append((b, rule, score))
        neighbours[b].append((a, rule, score))
    drafts: dict[int, _Draft] = {}
    for root, members in groups.items():
        label_i = min(
            members,
            key=lambda i: (
                -len(surfaces[i].papers),
                -surfaces[i].mentions,
                surfaces[i].raw != surfaces[i].key,
                surfaces[i].text,
            ),
        )
        reached = _explain(members, label_i, neighbours, surfaces)
        aliases: dict[str, Merge] = {}
        for i in members:
            s = surfaces[i]
            rule, score = reached.get(i, (Rule.SAME_KEY, 100.0))
            aliases[s.text] = Merge(s.text, rule, score, tuple(sorted(s.papers)))
        for i in members:
            for merge in extra.get(i, []):
                aliases.setdefault(merge.alias, merge)
        label = surfaces[label_i]
        drafts[root] = _Draft(
            type=label.type,
            key=label.key,
            label=label.text,
            aliases=aliases,
            mentions=sum(surfaces[i].mentions for i in members),
            papers=set().union(*(surfaces[i].papers for i in members)),
            introduced_by=set().union(*(surfaces[i].introduced_by for i in members)),
        )
    return drafts


def _add_families(drafts: list[_Draft]) -> list[_Draft]:
    from kg.extract.models import parse_model_name

    by_key = {d.key: d for d in drafts if d.type == EntityType.MODEL}
    families: dict[str, _Draft] = {}
    for d in drafts:
        if d.type != EntityType.MODEL:
            continue
        parts = parse_model_name(d.label)
        d.size, d.variant = parts.size, parts.variant
        if parts.size is None and parts.variant is None:
            continue
        fkey = key_of(parts.family, "model")[2]
        if not fkey or fkey == d.key:
            continue
        d.family_key = fkey
        if fkey not in by_key and fkey not in families:
            families[fkey] = _Draft(
                type="model",
                key=fkey,
                label=parts.family,
                aliases={parts.family: Merge(parts.family, Rule.FAMILY, 100.0, ())},
                mentions=0,
                papers=set(),
                introduced_by=set(),
            )
    return drafts + list(families.values())


def _assign_ids(drafts: list[_Draft]) -> None:
    """Ids from the label's slug; on a clash the most-named keeps it, the rest get a hash."""
    from kg.extract.repos import normalise_url

    by_id: dict[str, list[_Draft]] = defaultdict(list)
    for d in drafts:
        if d.type == EntityType.REPO:
            d.url = normalise_url(d.label) or None
            base = f"repo:{d.key}"
        else:
            base = entity_id(d.type, d.label)
        by_id[base].append(d)
    for base, clash in by_id.items():
        clash.sort(key=lambda d: (-len(d.papers), -d.mentions, d.key))
        clash[0].id = base
        for d in clash[1:]:
            d.id = f"{base}-{_digest(d.key)}"


def resolve(
    mentions: Sequence[Mention],
    *,
    papers: Sequence[Paper] = (),
    aliases: AliasRules | None = None,
) -> Resolution:
    """Group mentions into entities (rules and guards in the module docstring).

    Parameters
    ----------
    mentions : sequence of Mention
        Every mention of every paper, in any order (the result does not depend on it).
    papers : sequence of Paper
        The papers, read for ``Long Form (LF)`` definitions (the abbreviation rule).
    aliases : AliasRules, optional
        Forced merges and splits (:func:`load_aliases`).

    Returns
    -------
    Resolution
        ``entities`` sorted by id (model families included even if no paper names them);
        ``assignments[i]`` is the id of the entity of ``mentions[i]``.

    Examples
    --------
    >>> from kg.model import Field
    >>> def m(text, t="model", paper="p1"):
    ...     return Mention(paper, text, EntityType(t), Role.USES, Field.ABSTRACT, 0,
    ...                    len(text), "test", 1.0)
    >>> r = resolve([m("LLaMA-3"), m("Llama 3", paper="p2"), m("GPT-4"), m("GPT-4o"),
    ...              m("Qwen2.5-7B")])
    >>> r.assignments
    ('model:llama-3', 'model:llama-3', 'model:gpt-4', 'model:gpt-4o', 'model:qwen2.5-7b')
    >>> r.by_id()["model:qwen2.5-7b"].entity.family
    'model:qwen2.5'
    """
    with gc_paused():
        return _resolve(mentions, papers, aliases or AliasRules())


def _resolve(mentions: Sequence[Mention], papers: Sequence[Paper], rules: AliasRules) -> Resolution:
    surfaces, assignment = _fold_mentions(mentions)
    links, extra = _link(surfaces, rules, papers)
    drafts_by_root = _drafts(surfaces, links, extra)
    drafts = _add_families(sorted(drafts_by_root.values(), key=lambda d: (d.type, d.key)))
    _assign_ids(drafts)
    id_of_key = {(d.type, d.key): d.id for d in drafts}
    resolved = []
    for d in drafts:
        family = id_of_key.get(("model", d.family_key)) if d.family_key else None
        merges = tuple(sorted(d.aliases.values(), key=lambda m: m.alias))
        resolved.append(
            Resolved(
                entity=Entity(
                    id=d.id,
                    type=EntityType(d.type),
                    name=d.label,
                    aliases=tuple(m.alias for m in merges),
                    family=family,
                    introduced_by=tuple(sorted(d.introduced_by)),
                    url=d.url,
                ),
                n_papers=len(d.papers),
                n_mentions=d.mentions,
                size=d.size,
                variant=d.variant,
                merges=merges,
            )
        )
    resolved.sort(key=lambda r: r.entity.id)
    root_id = [drafts_by_root[links.find(i)].id for i in range(len(surfaces))]
    assigned = [root_id[i] for i in assignment]
    return Resolution(entities=tuple(resolved), assignments=tuple(assigned))


def iter_entities(resolution: Resolution) -> Iterator[Entity]:
    """The plain :class:`kg.model.Entity` records of a resolution."""
    return (r.entity for r in resolution.entities)

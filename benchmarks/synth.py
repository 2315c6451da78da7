"""Synthetic papers and mentions for the resolution and graph benchmarks.

Entity names follow a Zipf-like popularity (a few names in many papers, most in few), and are
written the ways papers write them: case and hyphen variants, plurals, "the X benchmark",
an acronym defined as ``Long Form (LF)`` in the abstract, model names with sizes and
variants, and a small share of one-letter typos. Deterministic for a given size and seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import accumulate

from kg.model import EntityType, Field, Mention, Paper, Role

__all__ = ["Corpus", "synthesise"]

_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
_WORDS = [
    "adaptive",
    "sparse",
    "attention",
    "cache",
    "retrieval",
    "reward",
    "policy",
    "graph",
    "token",
    "search",
    "memory",
    "parallel",
    "learning",
    "model",
    "agent",
    "planning",
    "decoding",
    "alignment",
    "vision",
    "language",
    "reasoning",
]
_ROLES = [Role.USES, Role.USES, Role.MENTIONS, Role.COMPARES_WITH, Role.EVALUATES_ON]
_SIZES = ["1.5B", "7B", "8B", "13B", "70B"]
_VARIANTS = [None, None, "Instruct", "Math", "Chat"]


@dataclass(frozen=True, slots=True)
class Corpus:
    """Papers and their mentions (flat, in paper order)."""

    papers: list[Paper]
    mentions: list[Mention]


def _name(k: int) -> str:
    k = (k * 7919 + 104729) % 70**4
    return "".join(_SYLLABLES[(k // 70**d) % 70] for d in range(3)).capitalize()


def _spellings(rng: random.Random, base: str, kind: EntityType) -> str:
    r = rng.random()
    if r < 0.55:
        return base
    if r < 0.65:
        return base.lower()
    if r < 0.72:
        return base.replace("-", " ") if "-" in base else base.upper()
    if r < 0.80 and kind is EntityType.BENCHMARK:
        return f"the {base} benchmark"
    if r < 0.85 and kind is EntityType.METHOD:
        return base + "s"
    if r < 0.88 and len(base) >= 9:
        i = rng.randrange(2, len(base) - 2)
        return base[:i] + base[i + 1 :]  # a one-letter typo
    return base


def synthesise(n_papers: int, *, per_paper: int = 10, seed: int = 0) -> Corpus:
    """``n_papers`` papers with ``per_paper`` mentions each (so 100k papers = 1M mentions)."""
    rng = random.Random(seed)
    n_entities = max(50, n_papers // 2)
    kinds = [EntityType.METHOD, EntityType.METHOD, EntityType.BENCHMARK, EntityType.MODEL]
    bases: list[tuple[str, EntityType, str | None]] = []
    for k in range(n_entities):
        kind = kinds[k % len(kinds)]
        name = _name(k)
        long_form = None
        if kind is EntityType.MODEL:
            name = f"{name}{k % 4 + 1}-{rng.choice(_SIZES)}"
            variant = rng.choice(_VARIANTS)
            if variant:
                name += f"-{variant}"
        elif kind is EntityType.METHOD and k % 5 == 0:
            words = rng.sample(_WORDS, 3)
            long_form = " ".join(w.capitalize() for w in words)
            name = "".join(w[0].upper() for w in words) + _name(k)[:2].upper()
        elif k % 7 == 0:
            name = f"{name}-{rng.choice(['Bench', 'QA', 'Eval'])}"
        bases.append((name, kind, long_form))
    cumulative = list(accumulate(1.0 / (i + 1) ** 0.9 for i in range(n_entities)))
    papers: list[Paper] = []
    mentions: list[Mention] = []
    for p in range(n_papers):
        pid = f"arxiv:{2300 + p // 99999:04d}.{p % 99999:05d}"
        picks = rng.choices(range(n_entities), cum_weights=cumulative, k=per_paper)
        # Most papers introduce a name of their own that nobody else uses; one in twenty
        # introduces a name from the shared pool, which other papers then cite it through.
        if p % 20 == 0:
            own = rng.randrange(n_entities)
        else:
            own = len(bases)
            bases.append((_name(n_entities + p) + "Net", EntityType.METHOD, None))
        parts: list[str] = []
        spans: list[tuple[str, EntityType, Role, int]] = []
        pos = 0
        for i, e in enumerate([own, *picks[1:]]):
            base, kind, long_form = bases[e]
            text = _spellings(rng, base, kind)
            role = Role.INTRODUCES if i == 0 else rng.choice(_ROLES)
            lead = "We propose " if i == 0 else f"{rng.choice(_WORDS).capitalize()} with "
            if long_form and rng.random() < 0.3:
                lead += f"{long_form} ("
                parts.append(lead)
                pos += len(lead)
                spans.append((text, kind, role, pos))
                parts.append(text + "). ")
                pos += len(text) + 3
                continue
            parts.append(lead)
            pos += len(lead)
            spans.append((text, kind, role, pos))
            filler = " " + " ".join(rng.choices(_WORDS, k=12)) + ". "
            parts.append(text + filler)
            pos += len(text) + len(filler)
        abstract = "".join(parts)
        title = f"{bases[own][0]}: {' '.join(rng.choices(_WORDS, k=6)).capitalize()}"
        papers.append(
            Paper(
                id=pid,
                title=title,
                abstract=abstract,
                authors=(f"Author {p % 997}", f"Author {p % 991}"),
                date=f"2024-{p % 12 + 1:02d}-{p % 28 + 1:02d}",
                arxiv_id=pid.split(":", 1)[1],
            )
        )
        for text, kind, role, start in spans:
            mentions.append(
                Mention(
                    pid,
                    text,
                    kind,
                    role,
                    Field.ABSTRACT,
                    start,
                    start + len(text),
                    "synth",
                    0.9,
                    start,
                    start + len(text),
                )
            )
    return Corpus(papers, mentions)

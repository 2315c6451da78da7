"""Measure the fuzzy title threshold of kg.sources.merge on labelled title pairs.

Positives: every distinct seed title against a re-spelling of itself that the exact key
(``compact_key``) does not catch: one typo, one transposition, a dropped stopword,
-ise/-ize, a plural.
Negatives: every pair of distinct seed titles, every seed title against itself with one
content word substituted ("X for Y" vs "X for Z"), and version/number changes (Qwen2 vs
Qwen2.5, GPT-4 vs GPT-5).

Prints, for each threshold, the recall on positives and the false merges on negatives,
with fuzz.ratio alone and with kg's guards. Run: ``.venv/bin/python
benchmarks/measure_merge_threshold.py``.
"""

from __future__ import annotations

import random
import re
import sys
from itertools import combinations
from pathlib import Path

from rapidfuzz import fuzz

from kg.ids import paper_id
from kg.model import Paper, SourceRef
from kg.sources import read_papers
from kg.sources.merge import STOPWORDS, _guards_pass, merge_papers
from kg.text import compact_key, normalise_title

SEED = Path(__file__).resolve().parents[1] / "examples" / "hf-daily-papers"
SUBSTITUTES = ["Training", "Video", "Graphs", "Robotics", "Speech", "Retrieval", "Planning"]
HARD_NEGATIVES = [
    ("Qwen2-Math Technical Report", "Qwen2.5-Math Technical Report"),
    ("GPT-4 Technical Report", "GPT-5 Technical Report"),
    (
        "Llama 2: Open Foundation and Fine-Tuned Chat Models",
        "Llama 3: Open Foundation and Fine-Tuned Chat Models",
    ),
    ("Diffusion Models for Image Editing", "Diffusion Models for Video Editing"),
    ("Scaling Laws for Neural Language Models", "Scaling Laws for Neural Machine Translation"),
    (
        "Inference-Time Scaling for Generalist Reward Modeling",
        "Inference-Time Scaling for Diffusion Models",
    ),
    (
        "D4RL: Datasets for Deep Data-Driven Reinforcement Learning",
        "D5RL: Diverse Datasets for Data-Driven Deep Reinforcement Learning",
    ),
]


def _typo(title: str, rng: random.Random, kind: str) -> str | None:
    words = title.split()
    long_words = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
    if kind in ("typo", "swap") and long_words:
        i = rng.choice(long_words)
        w = words[i]
        k = rng.randrange(1, len(w) - 2)
        words[i] = (
            w[:k] + w[k + 1] + w[k] + w[k + 2 :] if kind == "swap" else w[:k] + "x" + w[k + 1 :]
        )
        return " ".join(words)
    if kind == "stopword":
        idx = [i for i, w in enumerate(words) if w.lower() in STOPWORDS]
        if idx:
            del words[rng.choice(idx)]
            return " ".join(words)
    if kind == "ize" and re.search(r"i[sz](e|ing|ation)", title):
        return re.sub(
            r"i([sz])(e|ing|ation)",
            lambda m: "i" + ("z" if m.group(1) == "s" else "s") + m.group(2),
            title,
            count=1,
        )
    if kind == "plural" and long_words:
        i = rng.choice(long_words)
        words[i] = words[i][:-1] if words[i].endswith("s") else words[i] + "s"
        return " ".join(words)
    return None


def _paper(title: str, line: int) -> Paper:
    return Paper(
        id=paper_id(title=title), title=title, abstract="x", sources=(SourceRef("m", line, "t"),)
    )


def main() -> int:
    rng = random.Random(0)
    titles = sorted({p.title for p in read_papers(SEED, fuzzy=False).papers})
    positives: list[tuple[str, str]] = []
    for t in titles:
        for kind in ("typo", "swap", "stopword", "ize", "plural"):
            v = _typo(t, rng, kind)
            if v and compact_key(v) != compact_key(t):
                positives.append((t, v))
    negatives = list(combinations(titles, 2)) + HARD_NEGATIVES
    for t in titles:
        words = t.split()
        content = [i for i, w in enumerate(words) if w.lower() not in STOPWORDS and w.isalpha()]
        if content:
            i = content[-1]
            words[i] = rng.choice([s for s in SUBSTITUTES if s != words[i]])
            negatives.append((t, " ".join(words)))

    def scored(pairs: list[tuple[str, str]]) -> list[tuple[float, bool]]:
        out = []
        for a, b in pairs:
            na, nb = normalise_title(a), normalise_title(b)
            out.append((fuzz.ratio(na, nb), _guards_pass(na, nb)))
        return out

    pos, neg = scored(positives), scored(negatives)
    print(f"{len(titles)} seed titles; {len(pos)} positive pairs, {len(neg)} negative pairs")
    low, high = min(s for s, _ in pos), max(s for s, _ in neg)
    print(f"lowest positive ratio {low:.1f}; highest negative ratio {high:.1f}")
    print("threshold  recall(ratio)  false(ratio)  recall(ratio+guards)  false(ratio+guards)")
    for threshold in (70, 75, 80, 85, 88, 90, 92, 94, 96):
        r1 = sum(s >= threshold for s, _ in pos) / len(pos)
        f1 = sum(s >= threshold for s, _ in neg)
        r2 = sum(s >= threshold and g for s, g in pos) / len(pos)
        f2 = sum(s >= threshold and g for s, g in neg)
        print(f"{threshold:9}  {r1:13.3f}  {f1:12}  {r2:20.3f}  {f2:19}")
    # The same positives through merge_papers, blocking included: each variant on its own
    # (so variants of one title cannot help each other), seed titles all together.
    base = [_paper(t, i) for i, t in enumerate(titles)]
    found = 0
    for k, (_, v) in enumerate(positives):
        merged = merge_papers([*base, _paper(v, 100_000 + k)])
        found += len(merged) == len(titles)
    print(f"blocked merge_papers recall on positives: {found / len(positives):.3f}")
    worst = sorted(
        ((s, a, b) for (s, g), (a, b) in zip(neg, negatives, strict=True) if g), reverse=True
    )[:3]
    for s, a, b in worst:
        print(f"closest negative passing the guards: {s:.1f} {a!r} / {b!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

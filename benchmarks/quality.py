"""Extraction quality against the hand annotations in tests/data/annotations.jsonl.

Prints precision, recall and F1 per entity type and per role, for all annotated papers, for
each tuning split (``tune``, ``dev``, ``dev2``, ``dev3``, ``dev4``), for each held-out split
(``heldout``, ``heldout2``, ``heldout3``: papers the rules were never tuned on) and for
all held-out splits together (``unseen``), plus the accuracy on the methods papers introduce.
``--errors`` lists the misses of the tuning splits only: held-out errors are never printed,
so they stay unseen. ``--bootstrap N`` adds a 95% interval to each F1 and to the accuracy,
from N resamples of the split's papers: on a few dozen papers one paper more or less moves a
figure by several points, and the interval says how far. ``--gold FILE --papers SOURCE...``
scores another annotated set the same way (records matched to papers by title; a split
named ``heldout*`` or ``unseen*`` is unseen, and a record without a split counts in ``all``
only), such as abstracts annotated outside the repository.

    .venv/bin/python benchmarks/quality.py [--split NAME] [--errors] [--bootstrap N]
        [--gold FILE --papers SOURCE...]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kg.extract import extract_all
from kg.extract.scoring import Score, score_paper
from kg.model import EntityType, Paper
from kg.sources import read_papers

ROOT = Path(__file__).resolve().parent.parent
ANNOTATIONS = ROOT / "tests" / "data" / "annotations.jsonl"
CORPUS = ROOT.parent / "shared" / "corpus" / "hf-daily-papers"
if not CORPUS.is_dir():
    CORPUS = ROOT / "examples" / "hf-daily-papers"

__all__ = ["TUNING", "UNSEEN", "bootstrap", "evaluate", "evaluate_papers", "load_gold"]

#: The splits the rules may be tuned on (their errors may be listed).
TUNING = ("tune", "dev", "dev2", "dev3", "dev4")
#: The splits the rules were never tuned on: only their totals are ever printed.
UNSEEN = ("heldout", "heldout2", "heldout3")


def load_gold(path: Path = ANNOTATIONS) -> list[dict[str, Any]]:
    """The annotation records, one per paper."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def is_unseen(split: str) -> bool:
    """Whether a split is one rules are never tuned on (its errors are never listed):
    ``heldout*`` here, and by the same naming any split of another gold file."""
    return split.startswith(("heldout", "unseen"))


def evaluate_papers(
    split: str = "all", corpus: Path | Sequence[Path] = CORPUS, gold: Path = ANNOTATIONS
) -> list[Score]:
    """One score per annotated paper of a split, ``unseen`` (every unseen split) or
    ``all``; papers are read from ``corpus`` (any format kg reads) and matched to the gold
    records by title."""
    records = [
        r
        for r in load_gold(gold)
        if split == "all"
        or r.get("split") == split
        or (split == "unseen" and is_unseen(r.get("split", "")))
    ]
    sources = [str(corpus)] if isinstance(corpus, Path) else [str(c) for c in corpus]
    papers: dict[str, Paper] = {p.title: p for p in read_papers(sources).papers}
    chosen = [(papers[r["title"]], r) for r in records if r["title"] in papers]
    found = extract_all([p for p, _ in chosen])
    return [
        score_paper(m, r["entities"], label=r["title"][:40])
        for m, (_, r) in zip(found, chosen, strict=True)
    ]


def evaluate(split: str = "all", corpus: Path = CORPUS) -> Score:
    """The summed score of a split's papers (see :func:`evaluate_papers`)."""
    return sum(evaluate_papers(split, corpus), Score())


def bootstrap(
    scores: list[Score], *, rounds: int = 1000, seed: int = 0
) -> dict[str, tuple[float, float]]:
    """95% percentile intervals of each type's F1 and of introduced-method accuracy, from
    ``rounds`` resamples (with replacement) of the papers."""
    rng = random.Random(seed)
    draws: dict[str, list[float]] = {}
    for _ in range(rounds):
        total = sum(rng.choices(scores, k=len(scores)), Score())
        for name, counts in total.types.items():
            draws.setdefault(name, []).append(counts.f1)
        draws.setdefault("introduced", []).append(total.introduced_accuracy)
    intervals = {}
    for name in [*(t.value for t in EntityType), "introduced"]:
        values = sorted(draws.get(name, [1.0]))
        intervals[name] = (values[int(0.025 * len(values))], values[int(0.975 * len(values)) - 1])
    return intervals


def _print(score: Score, heading: str) -> None:
    print(f"\n{heading}")
    print(f"{'':22}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>7}{'R':>7}{'F1':>7}")
    for name, tp, fp, fn, p, r, f in score.table():
        print(f"{name:22}{tp:5d}{fp:5d}{fn:5d}{p:7.3f}{r:7.3f}{f:7.3f}")
    print(
        f"introduced-method accuracy: {score.introduced_accuracy:.3f} "
        f"({score.introduced_methods_found}/{score.introduced_methods})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default=None, help="one split, 'unseen' or 'all'")
    parser.add_argument("--errors", action="store_true", help="list every miss (tuning splits)")
    parser.add_argument(
        "--bootstrap", type=int, default=0, metavar="N", help="95%% intervals from N resamples"
    )
    parser.add_argument(
        "--gold", type=Path, default=ANNOTATIONS, help="annotation records (JSONL, by title)"
    )
    parser.add_argument(
        "--papers", type=Path, nargs="+", default=[CORPUS], help="the annotated papers' sources"
    )
    args = parser.parse_args(argv)
    if args.split:
        splits = [args.split]
    elif args.gold == ANNOTATIONS:
        splits = ["all", *TUNING, *UNSEEN, "unseen"]
    else:
        named = sorted({r.get("split", "") for r in load_gold(args.gold)} - {""})
        splits = ["all", *named, "unseen"]
    for split in splits:
        papers = evaluate_papers(split, args.papers, args.gold)
        score = sum(papers, Score())
        _print(score, f"split: {split}")
        if args.bootstrap:
            intervals = bootstrap(papers, rounds=args.bootstrap)
            print(
                f"95% intervals over {len(papers)} papers:",
                ", ".join(f"{k} {lo:.2f}-{hi:.2f}" for k, (lo, hi) in intervals.items()),
            )
        if args.errors and split not in ("all", "unseen") and not is_unseen(split):
            for error in score.errors:
                print("  ", *error, sep="\t")
    return 0


if __name__ == "__main__":
    sys.exit(main())

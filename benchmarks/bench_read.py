"""How fast kg reads listings: entries per second on one core, against a baseline.

The corpus (default 100,000 entries, see ``generate_corpus.py``) is read three ways in the
same run, best of ``--repeat`` runs each:

- baseline: read the bytes, decode UTF-8, split into lines (the floor for any reader);
- parse: :func:`kg.sources.hf_listing.parse_hf_listing` on every file (no merging);
- read_papers: the whole :func:`kg.sources.read_papers` (detection, parsing, merging by
  id, title and blocked fuzzy title).

Usage: ``.venv/bin/python benchmarks/bench_read.py [--entries N] [--repeat R]``.
Target: read_papers >= 20,000 entries/s.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_corpus import generate_corpus

from kg.sources import read_papers
from kg.sources.hf_listing import parse_hf_listing


def _best(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Best CPU time of ``repeat`` runs, the cyclic GC paused as read_papers pauses it."""
    best, result = float("inf"), None
    for _ in range(repeat):
        gc.disable()
        start = time.process_time()  # CPU time of this process: one core, other load aside
        result = fn()
        best = min(best, time.process_time() - start)
        gc.enable()
    return best, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    corpus = generate_corpus(args.entries)
    files = sorted(corpus.glob("*.txt"))
    size = sum(f.stat().st_size for f in files)

    def baseline() -> int:
        return sum(len(f.read_bytes().decode("utf-8").split("\n")) for f in files)

    def parse() -> int:
        return sum(
            len(parse_hf_listing(f.read_text(encoding="utf-8"), path=str(f)).papers) for f in files
        )

    t_base, lines = _best(baseline, args.repeat)
    t_parse, entries = _best(parse, args.repeat)
    t_read, result = _best(lambda: read_papers(corpus), args.repeat)
    assert entries == args.entries, (entries, args.entries)
    n_papers = len(result.papers)  # type: ignore[attr-defined]
    print(f"corpus: {corpus} ({len(files)} files, {size / 1e6:.0f} MB, {lines} lines)")
    print(f"entries: {entries}, unique papers after merging: {n_papers}")
    rows = [
        ("baseline (read, decode, split lines)", t_base),
        ("parse_hf_listing (no merge)", t_parse),
        ("read_papers (parse + merge)", t_read),
    ]
    for label, seconds in rows:
        print(f"{label:38} {seconds:7.3f} s cpu  {entries / seconds:10,.0f} entries/s")
    print(f"read_papers / baseline time ratio: {t_read / t_base:.1f}x")
    return 0 if entries / t_read >= 20_000 else 1


if __name__ == "__main__":
    sys.exit(main())

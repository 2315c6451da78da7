"""Generate a large Daily Papers listing corpus by resampling the seed entries.

Each generated entry takes a seed entry's abstract and metadata block and gets a new,
varied title: a made-up method name (unique per paper, like "Kovaturi") and a subtitle of
as many words as the seed title's, drawn from the words of all seed titles with their
seed frequencies (so common words stay common and rare ones rare). A share of the
entries repeats an earlier generated paper verbatim, as listings of different days do, so
merging has real work. Output is deterministic for a given ``n`` and ``seed``.

Usage: ``.venv/bin/python benchmarks/generate_corpus.py [N]`` (default 100000) writes
``benchmarks/.data/listing-<N>-<seed>/part-*.txt`` (git-ignored); other benchmarks call
:func:`generate_corpus`.
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass
from pathlib import Path

from kg.sources.hf_listing import parse_hf_listing

__all__ = ["DATA", "SEED", "generate_corpus"]

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "hf-daily-papers"
DATA = Path(__file__).resolve().parent / ".data"
_HEADER = "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\n"
_HEADER += "byAK and the research community\n\nSep 8\n\n"
_CONSONANTS = "bdfgklmnprstvz"
_VOWELS = "aeiou"
_SYLLABLES = [c + v for c in _CONSONANTS for v in _VOWELS]


@dataclass(frozen=True, slots=True)
class _Seed:
    title: str
    abstract: str
    meta: str  # the metadata block, or ""


def _seed_entries(seed_dir: Path) -> list[_Seed]:
    entries: list[_Seed] = []
    for path in sorted(seed_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        for paper in parse_hf_listing(text, path=str(path)).papers:
            i = paper.sources[0].line - 1  # title line; abstract two lines below
            block = lines[i + 4 : i + 7]
            meta = "\n".join(block) if len(block) == 3 and block[1].strip() == "·" else ""
            entries.append(_Seed(paper.title, paper.abstract, meta))
    return entries


def _name(k: int) -> str:
    """A unique pronounceable name for integer k (bijective base-70 over syllables)."""
    k = (k * 7919 + 104729) % 70**4  # scatter neighbours so adjacent names differ
    parts = [_SYLLABLES[(k // 70**d) % 70] for d in range(4)]
    return "".join(parts).capitalize()


def _subtitle(title: str) -> list[str]:
    return (title.split(": ", 1)[1] if ": " in title else title).split()


def generate_corpus(
    n: int = 100_000,
    *,
    seed: int = 0,
    per_file: int = 5_000,
    duplicates: float = 0.25,
    directory: Path | None = None,
    seed_dir: Path = SEED,
) -> Path:
    """Write ``n`` listing entries into ``directory`` (default ``.data/listing-<n>-<seed>``).

    Returns the directory. An existing complete corpus (same ``n``) is reused.
    """
    out = directory or DATA / f"listing-{n}-{seed}"
    stamp = out / ".complete"
    if stamp.exists():
        return out
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    seeds = _seed_entries(seed_dir)
    vocabulary = [w for s in seeds for w in _subtitle(s.title)]
    made: list[tuple[str, _Seed]] = []
    file_index = 0
    buffer: list[str] = [_HEADER]
    for k in range(n):
        if made and rng.random() < duplicates:
            title, base = made[rng.randrange(len(made))]
        else:
            base = seeds[rng.randrange(len(seeds))]
            words = rng.choices(vocabulary, k=len(_subtitle(base.title)))
            title = f"{_name(k)}: {' '.join(words)}"
            made.append((title, base))
        buffer.append(f"{title}\n\n{base.abstract}\n\n")
        if base.meta:
            buffer.append(base.meta + "\n\n")
        if (k + 1) % per_file == 0 or k == n - 1:
            (out / f"part-{file_index:04d}.txt").write_text("".join(buffer), encoding="utf-8")
            file_index += 1
            buffer = [_HEADER]
    stamp.write_text(f"{n}\n")
    return out


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    print(generate_corpus(count))

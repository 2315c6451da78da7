"""Named benchmarks, datasets and evaluation suites.

Found by the shared analysis in :mod:`kg.extract.names`: the curated ``benchmarks.txt``
lexicon, benchmark-like names (``X-Bench``, ``XBench``, ``HumanEval``, ``FinQA``), names
followed by a dataset-like head noun ("the FLAME dataset") or in apposition to one
("ProcBench, a benchmark for ..."), and new benchmarks a paper introduces.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.extract.lexicon import Lexicon
from kg.extract.names import mentions_of_type
from kg.extract.registry import extractor
from kg.model import EntityType, Mention, Paper

__all__ = ["benchmarks"]


@extractor("benchmarks", produces=EntityType.BENCHMARK)
def benchmarks(paper: Paper, lexicon: Lexicon) -> Iterator[Mention]:
    """Named benchmarks and datasets (lexicon, -Bench/Eval/QA names, head nouns, cues)."""
    return mentions_of_type(paper, lexicon, EntityType.BENCHMARK, "benchmarks")

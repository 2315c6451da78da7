"""Named methods, systems, algorithms, frameworks and techniques.

Found by the shared analysis in :mod:`kg.extract.names`: the curated ``methods.txt``
lexicon, coined names (CamelCase, mixed case: InstInfer, vLLM), named acronyms that are not
stop-listed, names the paper says it proposes, and names followed by a method-like head noun
("the X framework"). Generic phrases and acronyms ("attention mechanism", LLM, GPU, KV) are
stop-listed.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.extract.lexicon import Lexicon
from kg.extract.names import mentions_of_type
from kg.extract.registry import extractor
from kg.model import EntityType, Mention, Paper

__all__ = ["methods"]


@extractor("methods", produces=EntityType.METHOD)
def methods(paper: Paper, lexicon: Lexicon) -> Iterator[Mention]:
    """Named methods, systems, algorithms and techniques (lexicon, coined names, cues)."""
    return mentions_of_type(paper, lexicon, EntityType.METHOD, "methods")

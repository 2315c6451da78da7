"""kg's own extractors, listed explicitly (no import-order magic, no directory scanning).

Each module registers its extractor with :func:`kg.extract.registry.extractor` on import;
the registry imports these modules the first time it is read.
"""

from __future__ import annotations

__all__ = ["BUILTIN_MODULES"]

BUILTIN_MODULES: tuple[str, ...] = (
    "kg.extract.repos",
    "kg.extract.models",
    "kg.extract.benchmarks",
    "kg.extract.methods",
)

"""The registry of extractors: register by name with metadata, look up by name.

kg's own extractors are listed in :mod:`kg.extract.builtin`; third-party packages add theirs
through the entry-point group ``kg.extractors`` (each entry point names a module or a
callable that registers on import), loaded the first time the registry is read.

Examples
--------
>>> from kg.extract.registry import registered
>>> sorted(registered())
['benchmarks', 'methods', 'models', 'repos']
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import import_module
from importlib.metadata import entry_points

from kg.errors import QueryError
from kg.extract.lexicon import Lexicon
from kg.model import EntityType, Mention, Paper

__all__ = ["ENTRY_POINT_GROUP", "Extractor", "ExtractorFunction", "extractor", "get", "registered"]

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "kg.extractors"

#: An extractor: a pure function from a paper (and the compiled lexicon) to mentions.
ExtractorFunction = Callable[[Paper, Lexicon], Iterable[Mention]]


@dataclass(frozen=True, slots=True)
class Extractor:
    """A registered extractor: its name, the entity type it produces, the function, a summary."""

    name: str
    produces: EntityType
    function: ExtractorFunction
    description: str = ""

    def __call__(self, paper: Paper, lexicon: Lexicon) -> Iterable[Mention]:
        return self.function(paper, lexicon)


_REGISTRY: dict[str, Extractor] = {}
_loaded = False


def extractor(
    name: str, *, produces: EntityType
) -> Callable[[ExtractorFunction], ExtractorFunction]:
    """Register the decorated function as the extractor ``name`` producing ``produces``.

    The first line of the function's docstring becomes the description shown by
    ``kg extract --help``. Registering a name again replaces the earlier extractor.
    """

    def register(function: ExtractorFunction) -> ExtractorFunction:
        doc = (function.__doc__ or "").strip().splitlines()
        _REGISTRY[name] = Extractor(name, produces, function, doc[0] if doc else "")
        return function

    return register


def _load() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    from kg.extract.builtin import BUILTIN_MODULES

    for module in BUILTIN_MODULES:
        import_module(module)
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        try:
            entry.load()
        except Exception as exc:  # a broken plug-in must not break kg itself
            log.warning("cannot load extractor plug-in %s: %s", entry.name, exc)


def registered() -> dict[str, Extractor]:
    """Every registered extractor by name (built-ins and plug-ins), in name order."""
    _load()
    return dict(sorted(_REGISTRY.items()))


def get(name: str) -> Extractor:
    """The extractor called ``name``.

    Raises
    ------
    QueryError
        No extractor has that name; the message lists the available names.
    """
    found = registered().get(name)
    if found is None:
        raise QueryError(f"unknown extractor {name!r}. Available names: {', '.join(registered())}")
    return found

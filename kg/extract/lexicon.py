"""Curated name lists (lexicons) and the stop-list, read from data files and compiled once.

kg ships four lists in ``kg/extract/data/``: ``benchmarks.txt``, ``models.txt`` (family
stems, extended by versions and sizes when matched), ``methods.txt`` and ``stoplist.txt``
(generic acronyms and phrases that are never entities). Users add their own with
``--lexicon FILE``: one entry per line, ``TYPE: NAME`` with TYPE one of ``method``,
``benchmark``, ``model`` or ``stop``; ``#`` starts a comment.

An entry that contains a space or is all lower case matches case-insensitively ("beam
search", "Beam Search"); any other entry matches its exact case, so ``MATH`` (a benchmark)
never matches "math" and ``Phi`` never matches "phi", except that a long CamelCase entry
also matches other inner case ("Librispeech" for LibriSpeech). Matching uses one Aho-Corasick
automaton (ahocorasick-rs) over lower-cased text, built lazily on first use and cached per
lexicon.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any, TypeVar

import ahocorasick_rs

from kg.errors import InputError
from kg.model import EntityType

__all__ = ["Lexicon", "load_lexicon", "lower_same_length", "parse_lexicon_lines"]

T = TypeVar("T")

_BUILTIN_FILES: dict[str, EntityType | None] = {
    "benchmarks.txt": EntityType.BENCHMARK,
    "models.txt": EntityType.MODEL,
    "methods.txt": EntityType.METHOD,
    "stoplist.txt": None,
}
_TYPES: dict[str, EntityType | None] = {
    "method": EntityType.METHOD,
    "benchmark": EntityType.BENCHMARK,
    "model": EntityType.MODEL,
    "stop": None,
}


def _case_insensitive(name: str) -> bool:
    return " " in name or name == name.lower()


def lower_same_length(text: str) -> str:
    """Lower-case text without changing its length (so offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):  # lower() never shortens a character: offsets still line up
        return low
    return "".join(ch if len(low := ch.lower()) != 1 else low for ch in text)


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Named entries by type plus the stop-list; compiled to automata on first use.

    ``entries`` maps each name to its type (the last file that names it wins); ``stop`` holds
    the stop-listed names (exact case) and ``stop_folded`` their lower-case forms for the
    case-insensitive ones.
    """

    entries: tuple[tuple[str, EntityType], ...]
    stop: frozenset[str]
    stop_folded: frozenset[str]
    _compiled: dict[str, Any] = field(default_factory=dict, repr=False)

    def __reduce__(self) -> tuple[type[Lexicon], tuple[Any, ...]]:
        """Pickle the lists only: the compiled automata are rebuilt on first use (and
        cannot be pickled), so a lexicon can go to worker processes."""
        return Lexicon, (self.entries, self.stop, self.stop_folded)

    def is_stop(self, name: str) -> bool:
        """Whether a name (or its singular, for a plural ``s``) is stop-listed.

        Examples
        --------
        >>> lex = load_lexicon()
        >>> lex.is_stop("LLMs"), lex.is_stop("attention mechanism"), lex.is_stop("FlexGen")
        (True, True, False)
        """
        if name in self.stop or name.lower() in self.stop_folded:
            return True
        return name.endswith("s") and (name[:-1] in self.stop)

    def cached(self, key: str, build: Callable[[Lexicon], T]) -> T:
        """A value derived from this lexicon, built on first use and kept with it."""
        if key not in self._compiled:
            self._compiled[key] = build(self)
        return self._compiled[key]  # type: ignore[no-any-return]

    @property
    def by_name(self) -> dict[str, EntityType]:
        """Entries as a dict (built once; do not mutate)."""
        found = self._compiled.get("by_name")
        if found is None:
            found = self._compiled["by_name"] = dict(self.entries)
        return found  # type: ignore[no-any-return,unused-ignore]

    def _automaton(self) -> tuple[Any, list[tuple[tuple[str | None, EntityType], ...]]]:
        """The automaton over lower-cased names and, by pattern index, each name's
        spellings: an exact-case entry keeps its spelling and is checked against the text
        when it matches."""
        compiled = self._compiled
        if "automaton" not in compiled:
            variants: dict[str, list[tuple[str | None, EntityType]]] = {}
            for name, kind in self.entries:
                spelling = None if _case_insensitive(name) else name
                variants.setdefault(name.lower(), []).append((spelling, kind))
            for found in variants.values():
                # Case-insensitive spellings last: an exact spelling is the more specific.
                found.sort(key=lambda v: v[0] is None)
            automaton = ahocorasick_rs.AhoCorasick(
                list(variants), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
            )
            compiled["automaton"] = automaton, [tuple(v) for v in variants.values()]
        return compiled["automaton"]  # type: ignore[no-any-return]

    def find(self, text: str) -> Iterator[tuple[int, int, EntityType]]:
        """Every lexicon entry in text as ``(start, end, type)``, leftmost-longest.

        One Aho-Corasick pass over the lower-cased text. A match that starts inside a word
        is dropped; what may touch a name's end (a model family's version) callers decide.

        Examples
        --------
        >>> t = "We run vLLM on GSM8K with beam search, not on math."
        >>> sorted((t[s:e], k.value) for s, e, k in load_lexicon().find(t))
        [('GSM8K', 'benchmark'), ('beam search', 'method'), ('vLLM', 'method')]
        """
        automaton, spellings = self._automaton()
        for index, start, end in automaton.find_matches_as_indexes(lower_same_length(text)):
            if start and text[start - 1].isalnum():
                continue  # inside a word ("orm" in "transformer"): never a name
            for spelling, kind in spellings[index]:
                if (
                    spelling is None
                    or text[start:end] == spelling
                    or _case_variant(spelling, text[start:end])
                ):
                    yield start, end, kind
                    break


def _case_variant(spelling: str, written: str) -> bool:
    """Whether text writes a long CamelCase entry in other inner case ("Librispeech" for
    LibriSpeech, "Mathvista" for MathVista): same first capital, some lower case. Short
    names and acronyms stay exact (MATH is not "Math", Phi is not "PHI")."""
    return (
        len(spelling) >= 8
        and written[0] == spelling[0]
        and spelling[0].isupper()
        and any(c.isupper() for c in spelling[1:])
        and any(c.islower() for c in spelling)
        and any(c.islower() for c in written[1:])
    )


def parse_lexicon_lines(
    lines: Iterable[str], *, source: str, default: EntityType | None = None, typed: bool = True
) -> tuple[list[tuple[str, EntityType]], list[str]]:
    """Parse lexicon lines into ``(entries, stop names)``.

    With ``typed=True`` every line is ``TYPE: NAME``; otherwise every line is a name of type
    ``default`` (None meaning the stop-list).

    Raises
    ------
    InputError
        A typed line has no known type prefix (the message names the file and line).

    Examples
    --------
    >>> parse_lexicon_lines(["# mine", "method: FooNet", "stop: CSD"], source="x")
    ([('FooNet', <EntityType.METHOD: 'method'>)], ['CSD'])
    """
    entries: list[tuple[str, EntityType]] = []
    stops: list[str] = []
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        kind = default
        if typed:
            prefix, sep, name = line.partition(":")
            if not sep or prefix.strip().lower() not in _TYPES:
                raise InputError(
                    f"{source}:{number}: expected 'TYPE: NAME' with TYPE one of "
                    f"{', '.join(_TYPES)}; got {line!r}"
                )
            kind, line = _TYPES[prefix.strip().lower()], name.strip()
            if not line:
                continue
        if kind is None:
            stops.append(line)
        else:
            entries.append((line, kind))
    return entries, stops


@functools.lru_cache(maxsize=16)
def load_lexicon(paths: tuple[str, ...] = ()) -> Lexicon:
    """The built-in lexicons plus the user's files, compiled once per distinct list of paths.

    Parameters
    ----------
    paths : tuple of str
        User lexicon files (``TYPE: NAME`` per line), applied after the built-ins: a user entry
        overrides a built-in type, and a user ``stop:`` entry removes a built-in name.

    Raises
    ------
    InputError
        A file cannot be read or has a malformed line.
    """
    entries: dict[str, EntityType] = {}
    stops: set[str] = set()
    data = files("kg.extract").joinpath("data")
    for name, kind in _BUILTIN_FILES.items():
        lines = data.joinpath(name).read_text(encoding="utf-8").splitlines()
        found, stop = parse_lexicon_lines(lines, source=name, default=kind, typed=False)
        entries.update(found)
        stops.update(stop)
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(
                f"cannot read lexicon file {path}: {exc}; pass a UTF-8 text file"
            ) from exc
        found, stop = parse_lexicon_lines(text.splitlines(), source=path)
        for name in stop:
            entries.pop(name, None)
        stops.difference_update(n for n, _ in found)
        entries.update(found)
        stops.update(stop)
    return Lexicon(
        entries=tuple(sorted(entries.items())),
        stop=frozenset(stops),
        stop_folded=frozenset(s.lower() for s in stops if _case_insensitive(s)),
    )

"""Acronym definitions in text: "Process Reward Models (PRMs)" -> (PRMs, Process Reward Models).

The Schwartz & Hearst algorithm: a short form in parentheses after a candidate long form;
the long form is found by matching the short form's characters right-to-left against the
words before the parenthesis, the first character of the short form starting a word.

References
----------
.. [1] A. S. Schwartz and M. A. Hearst, "A simple algorithm for identifying abbreviation
   definitions in biomedical text", Pacific Symposium on Biocomputing 8:451-462, 2003.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

__all__ = ["Abbreviation", "find_abbreviations", "stands_for"]

#: A parenthesised short form: 2-12 characters, starting with a letter or digit, one word.
_PAREN = re.compile(r"\(([A-Za-z0-9][\w.+&/-]{0,11})[;,)]", re.ASCII)
_WORD = re.compile(r"\S+")
#: Quotation marks around a long form: not part of it.
_QUOTES = "\"'`\u201c\u201d\u2018\u2019"


@dataclass(frozen=True, slots=True)
class Abbreviation:
    """A short form and its long form, each with ``[start, end)`` offsets in the text."""

    short: str
    short_start: int
    long: str
    long_start: int

    @property
    def short_end(self) -> int:
        return self.short_start + len(self.short)

    @property
    def long_end(self) -> int:
        return self.long_start + len(self.long)


def _best_long_form(short: str, candidate: str) -> int | None:
    """Offset in candidate where the long form starts, or None (Schwartz & Hearst, Fig. 2)."""
    s = len(short) - 1
    l_index = len(candidate) - 1
    low = candidate.lower()
    if len(low) != len(candidate):  # keep offsets aligned (a few characters grow)
        low = "".join(ch if len(f := ch.lower()) != 1 else f for ch in candidate)
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        # The previous occurrence of c (the first character of the short form must also
        # start a word); str.rfind instead of a character-by-character loop.
        l_index = low.rfind(c, 0, l_index + 1)
        while s == 0 and l_index > 0 and candidate[l_index - 1].isalnum():
            l_index = low.rfind(c, 0, l_index)
        if l_index < 0:
            return None
        l_index -= 1
        s -= 1
    start = candidate.rfind(" ", 0, l_index + 1) + 1
    return start


_PARTS = re.compile(r"[^\s-]+")

#: A lower-case head noun ending a long form, after its Title Case name: "Cognitive Temporal
#: Knowledge Extrapolation framework (CognTKE)". It is dropped when the acronym does not
#: spell it.
_TRAILING_HEAD = re.compile(
    r"\s+(?:framework|model|method|approach|system|algorithm|architecture|module|"
    r"mechanism|strategy|pipeline|benchmark|dataset)$"
)


def stands_for(short: str, long: str) -> bool:
    """Whether an acronym with two or more capitals spells the whole of long, its first
    letter starting long's first word (so an unparenthesised "Robust Preference
    Optimization RPO" can be read as a definition).

    Examples
    --------
    >>> stands_for("SRPO", "Self-Improving Robust Preference Optimization")
    True
    >>> stands_for("GPT", "Robust Preference Optimization"), stands_for("Adam", "Adaptive Moment")
    (False, False)
    """
    return (
        sum(ch.isupper() for ch in short) >= 2
        and len(long) > len(short)
        and _best_long_form(short, long) == 0
    )


def _cover_capitals(short: str, candidate: str, offset: int) -> int:
    """Widen a long form that has fewer word parts than the short form has capitals.

    Schwartz & Hearst take the shortest match, which may hide a word-initial reading in
    one word: for "Tree of Thoughts (ToT)" it finds "Thoughts" (T-o-t inside it). When the
    capitals of the short form outnumber the long form's words, the long form starts
    instead at the nearest earlier word that gives each capital its own word and that
    starts with the short form's first letter.
    """
    capitals = sum(ch.isupper() for ch in short)
    if capitals < 2 or len(_PARTS.findall(candidate[offset:])) >= capitals:
        return offset
    starts = [m.start() for m in _WORD.finditer(candidate, 0, offset)]
    first = short[0].lower()
    for start in reversed(starts):
        parts = _PARTS.findall(candidate[start:])
        if sum(p[:1].isupper() for p in parts) >= capitals and candidate[start].lower() == first:
            return start
        if len(parts) > 2 * len(short):
            break
    return offset


@functools.lru_cache(maxsize=16)
def find_abbreviations(text: str) -> tuple[Abbreviation, ...]:
    """Every ``long form (SF)`` definition in text, in order.

    Parameters
    ----------
    text : str
        Any text; only parentheses are looked at, so text without ``(`` costs one scan.

    Returns
    -------
    tuple of Abbreviation
        Definitions whose short form has a capital letter and whose long form is longer
        than the short form and does not contain it.

    Examples
    --------
    >>> t = "We train Process Reward Models (PRMs) with Monte Carlo Tree Search (MCTS)."
    >>> [(a.short, a.long) for a in find_abbreviations(t)]
    [('PRMs', 'Process Reward Models'), ('MCTS', 'Monte Carlo Tree Search')]
    >>> t[find_abbreviations(t)[0].long_start:][:21]
    'Process Reward Models'
    """
    if "(" not in text:
        return ()
    found: list[Abbreviation] = []
    for m in _PAREN.finditer(text):
        short = m.group(1)
        if not any(ch.isupper() for ch in short) or not any(ch.isalpha() for ch in short):
            continue
        window_start = max(0, m.start() - 120)
        before = text[window_start : m.start()].rstrip()
        words = list(_WORD.finditer(before))
        max_words = min(len(short) + 5, len(short) * 2)
        words = words[-max_words:]
        if not words:
            continue
        first = words[0].start()
        candidate = before[first:]
        cut = max(
            candidate.rfind("("),
            candidate.rfind(")"),
            candidate.rfind(". "),
            candidate.rfind(", "),
            candidate.rfind(": "),
        )
        if cut >= 0:
            first += cut + 2 if candidate[cut] in ".,:" else cut + 1
            candidate = before[first:]
        offset = _best_long_form(short, candidate)
        if offset is None:
            continue
        offset = _cover_capitals(short, candidate, offset)
        long = candidate[offset:].strip()
        head = _TRAILING_HEAD.search(long)
        if head is not None and _best_long_form(short, long[: head.start()]) == 0:
            long = long[: head.start()]  # "X Extrapolation framework (CognTKE)": the name
        if len(long) <= len(short) or short.lower() in long.lower().split():
            continue
        long_start = (
            window_start
            + first
            + offset
            + (len(candidate[offset:]) - len(candidate[offset:].lstrip()))
        )
        if long[0] in _QUOTES or long[-1] in _QUOTES:  # 'our "Evolution of Thought" (EoT)'
            unquoted = long.lstrip(_QUOTES)
            long_start += len(long) - len(unquoted)
            long = unquoted.rstrip(_QUOTES)
            if len(long) <= len(short):
                continue
        found.append(Abbreviation(short, m.start(1), long, long_start))
    found.extend(_long_forms_after(text))
    return tuple(sorted(found, key=lambda a: min(a.short_start, a.long_start)))


#: An acronym right before a parenthesis that spells it out: "FASP (Fast and Accurate
#: Structured Pruning)" (group 1 the acronym, group 2 the long form).
_SHORT_THEN_LONG = re.compile(r"([A-Za-z][\w.+&-]{1,11}) \(([A-Za-z][^()]{3,120}?)\)")


def _long_forms_after(text: str) -> list[Abbreviation]:
    """The reverse definitions, "SF (long form)": the long form must be spelt by the short
    form from its first word on (:func:`stands_for`), as Schwartz & Hearst do for this order."""
    found = []
    at = text.find(" (")
    while at >= 0:
        begin = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
        # cheap tests first: a short form is short and has two capitals or more
        if at - begin <= 12 and sum(ch.isupper() for ch in text[begin:at]) >= 2:
            m = _SHORT_THEN_LONG.match(text, begin)
        else:
            m = None
        if m is not None:
            short, long = m.group(1), m.group(2).strip()
            if " " in long and stands_for(short, long):
                found.append(Abbreviation(short, m.start(1), long, m.start(2)))
        at = text.find(" (", at + 2)
    return found

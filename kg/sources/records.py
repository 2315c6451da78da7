"""Turn the raw field values a reader found into a checked :class:`~kg.model.Paper`.

Every reader funnels its records through :func:`make_paper`, so the rules for a usable
record (a title, an abstract, no NUL bytes, no field over :data:`MAX_FIELD` characters)
and the normal forms of dates and identifiers are the same for every format.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass

from kg.ids import normalise_arxiv_id, normalise_doi, paper_id
from kg.model import Paper, Problem, SourceRef

__all__ = [
    "MAX_FIELD",
    "MONTHS",
    "Parsed",
    "line_of",
    "line_starts",
    "make_paper",
    "normalise_date",
    "split_names",
]

#: The longest field kept, in characters; a longer one marks a broken or hostile record.
MAX_FIELD = 1_000_000

#: English month abbreviations -> month number, as listings print them.
MONTHS: dict[str, int] = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}

_ARXIV_DOI = "10.48550/arxiv."
_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?")
_GMONTHDAY = re.compile(r"--(\d{2})-(\d{2})")
_WORDY = re.compile(r"(?:\d{1,2}\s+)?([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})?,?\s*(\d{4})?")
_DAY_FIRST = re.compile(r"(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})")


@dataclass(frozen=True, slots=True)
class Parsed:
    """What one reader made of one file: the good papers and the skipped records."""

    papers: tuple[Paper, ...]
    problems: tuple[Problem, ...]


def _day_ok(month: int, day: int, year: str | None = None) -> bool:
    """Whether the day exists in that month (of that year; without a year, a leap year)."""
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(int(year) if year else 2000, month)[1]


def _full_date(year: str, month: int, day: int) -> str | None:
    """``YYYY-MM-DD``, or ``YYYY-MM`` when the day does not exist (2024-02-30): keep what holds."""
    if not 1 <= month <= 12:
        return None
    if _day_ok(month, day, year):
        return f"{year}-{month:02d}-{day:02d}"
    return f"{year}-{month:02d}"


def normalise_date(value: object) -> str | None:
    """An ISO 8601 date string from the forms listings use, or None when there is none.

    Full dates become ``YYYY-MM-DD``, a year and month ``YYYY-MM``, a year ``YYYY``, and a
    month and day without a year ``--MM-DD`` (xsd:gMonthDay).

    Examples
    --------
    >>> normalise_date("Sep 8, 2024"), normalise_date("Jun 24"), normalise_date(2021)
    ('2024-09-08', '--06-24', '2021')
    >>> normalise_date("2024-09-08T17:59:59Z"), normalise_date("soon") is None
    ('2024-09-08', True)
    >>> normalise_date("2024-02-30"), normalise_date("Feb 29, 2024"), normalise_date("Feb 29")
    ('2024-02', '2024-02-29', '--02-29')
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return f"{value:04d}" if 1000 <= value <= 9999 else None
    text = str(value).strip()
    if not text:
        return None
    if m := _GMONTHDAY.fullmatch(text):
        month, day = int(m.group(1)), int(m.group(2))
        return f"--{month:02d}-{day:02d}" if _day_ok(month, day) else None
    if m := _ISO.fullmatch(text):
        year, month_s, day_s = m.groups()
        if month_s is None:
            return year
        month = int(month_s)
        if not 1 <= month <= 12:
            return None
        if day_s is None:
            return f"{year}-{month:02d}"
        return _full_date(year, month, int(day_s))
    if m := _DAY_FIRST.fullmatch(text):
        month = MONTHS.get(m.group(2).lower(), 0)
        return _full_date(m.group(3), month, int(m.group(1)))
    if m := _WORDY.fullmatch(text):
        month = MONTHS.get(m.group(1).lower(), 0)
        if not month:
            return None
        day_s, year = m.group(2), m.group(3)
        if day_s is None:
            return f"{year}-{month:02d}" if year else None
        day = int(day_s)
        if year:
            return _full_date(year, month, day)
        return f"--{month:02d}-{day:02d}" if _day_ok(month, day) else None
    return None


def split_names(value: object) -> tuple[str, ...]:
    """Author names from a list (of names or ``{"name": ...}`` objects) or a joined string.

    Examples
    --------
    >>> split_names("Ada Lovelace and Alan Turing")
    ('Ada Lovelace', 'Alan Turing')
    >>> split_names([{"name": "Grace Hopper"}, "Edsger Dijkstra"])
    ('Grace Hopper', 'Edsger Dijkstra')
    """
    if value is None:
        return ()
    if isinstance(value, str):
        sep = ";" if ";" in value else (" and " if " and " in value else ",")
        parts: Iterable[object] = value.split(sep)
    elif isinstance(value, list | tuple):
        parts = value
    else:
        return ()
    names: list[str] = []
    for part in parts:
        if isinstance(part, dict):
            part = part.get("name") or part.get("display_name") or ""
        if isinstance(part, str) and (name := " ".join(part.split())):
            names.append(name)
    return tuple(names)


def line_starts(text: str) -> list[int]:
    """Offsets where each line of ``text`` starts, for :func:`line_of`."""
    starts = [0]
    find = text.find
    i = find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


def line_of(starts: list[int], offset: int) -> int:
    """The 1-based line number of a character offset, given :func:`line_starts`."""
    from bisect import bisect_right

    return bisect_right(starts, offset)


def _clean(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    if (
        "  " not in text
        and "\n" not in text
        and "\t" not in text
        and "\r" not in text
        and text[:1] != " "
        and text[-1:] != " "
    ):
        return text  # already clean (most lines are, and abstracts are long): no copy
    return " ".join(text.split())


def make_paper(
    *,
    source: SourceRef,
    title: object,
    abstract: object = "",
    authors: tuple[str, ...] = (),
    n_authors: int | None = None,
    date: str | None = None,
    updated: str | None = None,
    upvotes: int | None = None,
    organisation: str | None = None,
    urls: tuple[str, ...] = (),
    arxiv_id: str | None = None,
    doi: str | None = None,
    categories: tuple[str, ...] = (),
) -> Paper | Problem:
    """Check one record's fields and build its Paper, or say why it must be skipped.

    Whitespace runs in the title and abstract become single spaces; arXiv ids and DOIs are
    normalised (an unrecognisable one is dropped, not fatal).

    Examples
    --------
    >>> ref = SourceRef("a.json", 3, "json")
    >>> make_paper(source=ref, title=" A\\n title ", abstract="Text.").title
    'A title'
    >>> str(make_paper(source=ref, title="A title"))
    'a.json:3: title with no abstract: A title'
    """
    for name, raw in (("title", title), ("abstract", abstract)):
        if isinstance(raw, str) and len(raw) > MAX_FIELD:
            return Problem(
                source.path,
                source.line,
                f"{name} has {len(raw)} characters, over the limit of {MAX_FIELD}",
            )
    clean_title = _clean(title)
    clean_abstract = _clean(abstract)
    if "\x00" in clean_title or "\x00" in clean_abstract:
        return Problem(source.path, source.line, "NUL byte in the record")
    if not clean_title:
        return Problem(source.path, source.line, "record has no title")
    if not clean_abstract:
        short = clean_title if len(clean_title) <= 80 else clean_title[:79] + "…"
        return Problem(source.path, source.line, f"title with no abstract: {short}")
    arxiv = normalise_arxiv_id(arxiv_id) if arxiv_id else None
    doi_n = normalise_doi(doi) if doi else None
    if arxiv is None and doi_n and doi_n.startswith(_ARXIV_DOI):
        arxiv = normalise_arxiv_id(doi_n)  # arXiv's own DOIs name the arXiv id
    return Paper(
        id=paper_id(title=clean_title, arxiv_id=arxiv, doi=doi_n),
        title=clean_title,
        abstract=clean_abstract,
        authors=authors,
        n_authors=len(authors) if authors else n_authors,
        date=date,
        updated=updated,
        upvotes=upvotes,
        organisation=organisation or None,
        urls=urls,
        arxiv_id=arxiv,
        doi=doi_n,
        categories=categories,
        sources=(source,),
    )

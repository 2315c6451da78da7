"""Read the text of a Hugging Face Daily Papers listing page (the seed format).

The page, copied as text, is a sequence of paragraphs separated by blank lines::

    new / Get trending papers in your email inbox! / Subscribe / Daily Papers /
    byAK and the research community / Sep 8              <- header lines, not papers
    InstInfer: In-Storage Attention Offloading ...         <- title (one line)
    The widespread of Large Language Models ...            <- abstract (one long line)
      • 9 authors                                          <- optional metadata block:
    ·                                                         author count or organisation,
    Sep 8, 2024 2                                             date (year optional), upvotes

A paragraph is classified once (header, metadata, or text) and text paragraphs are paired
title -> abstract; a title followed by another title-like paragraph has no abstract and is
reported, not glued to the next entry.
"""

from __future__ import annotations

import re
from typing import Any

from kg.model import Paper, Problem, SourceRef
from kg.sources.records import MONTHS, Parsed, make_paper

__all__ = ["FORMAT", "HEADER_LINES", "parse_hf_listing"]

FORMAT = "hf_listing"

#: Lines of the page chrome that are never papers.
HEADER_LINES = frozenset(
    {
        "new",
        "Get trending papers in your email inbox!",
        "Subscribe",
        "Daily Papers",
        "byAK and the research community",
    }
)

_DATE = re.compile(r"([A-Z][a-z]{2}) (\d{1,2})(?:, (\d{4}))?(?: (\d+))?")
_AUTHORS = re.compile(r"[•·*]?\s*(\d+) authors?")
_SEPARATOR = frozenset({"·", "•", "-"})
#: A title is one line of at most this many characters that does not end like a sentence.
_TITLE_MAX = 300


def _parse_date(line: str) -> tuple[str, int | None] | None:
    m = _DATE.fullmatch(line)
    if m is None:
        return None
    month = MONTHS.get(m.group(1).lower())
    day = int(m.group(2))
    if month is None or not 1 <= day <= 31:
        return None
    year = m.group(3)
    date = f"{year}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    upvotes = int(m.group(4)) if m.group(4) else None
    return date, upvotes


def _is_metadata(lines: list[str]) -> bool:
    if len(lines) == 1:
        return _AUTHORS.fullmatch(lines[0]) is not None
    return any(
        line in _SEPARATOR or _AUTHORS.fullmatch(line) or _DATE.fullmatch(line) for line in lines
    )


def _looks_like_title(text: str) -> bool:
    return len(text) <= _TITLE_MAX and not text.endswith(".")


def parse_hf_listing(text: str, *, path: str) -> Parsed:
    """Parse a Daily Papers listing into papers and problems.

    Parameters
    ----------
    text : str
        The whole listing, already decoded.
    path : str
        The file name recorded in each paper's SourceRef and in each Problem.

    Returns
    -------
    Parsed
        Papers in file order, each with one SourceRef at its title's line; Problems for a
        title with no abstract, an abstract with no title, and orphan metadata.

    Examples
    --------
    >>> page = "Daily Papers\\n\\nSep 8\\n\\nFlexGen: Fast\\n\\nWe present FlexGen.\\n\\n"
    >>> page += "  • 2 authors\\n·\\nMar 13, 2023 5\\n"
    >>> p = parse_hf_listing(page, path="p.txt").papers[0]
    >>> p.title, p.n_authors, p.date, p.upvotes, p.sources[0].line
    ('FlexGen: Fast', 2, '2023-03-13', 5, 5)
    """
    papers: list[Paper] = []
    problems: list[Problem] = []
    # The entry being assembled: title line number, title, abstract, metadata fields.
    title: str | None = None
    title_line = 0
    abstract: str | None = None
    meta: dict[str, Any] = {}
    seen_entry = False
    dropped = False  # the last entry was skipped: its metadata is not reported again

    def emit() -> None:
        result = make_paper(
            source=SourceRef(path, title_line, FORMAT),
            title=title,
            abstract=abstract,
            n_authors=meta.get("n_authors"),
            date=meta.get("date"),
            upvotes=meta.get("upvotes"),
            organisation=meta.get("organisation"),
        )
        (papers if isinstance(result, Paper) else problems).append(result)  # type: ignore[arg-type]

    def no_abstract(lonely: str, line: int) -> None:
        short = lonely if len(lonely) <= 80 else lonely[:79] + "…"
        problems.append(Problem(path, line, f"title with no abstract: {short}"))

    # One pass over the lines; a paragraph is handled inline when the blank line after it
    # (or the sentinel at the end) arrives: this loop is the reader's hot path.
    lines = text.split("\n")
    lines.append("")
    block: list[str] = []
    first = 0
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if line:
            if not block:
                first = number
            block.append(line)
            continue
        if not block:
            continue
        para, block = block, []
        if para[0] in HEADER_LINES and all(x in HEADER_LINES for x in para):
            continue
        if _is_metadata(para):
            if title is None or abstract is None or meta:
                if not dropped:
                    problems.append(Problem(path, first, "metadata block with no paper before it"))
                continue
            meta["line"] = first  # marks the entry's metadata as seen: a second block is orphan
            for item in para:
                if item in _SEPARATOR:
                    continue
                if m := _AUTHORS.fullmatch(item):
                    meta["n_authors"] = int(m.group(1))
                elif parsed := _parse_date(item):
                    meta["date"], meta["upvotes"] = parsed
                elif "organisation" not in meta and "n_authors" not in meta:
                    meta["organisation"] = item.lstrip("•· ").strip()
            continue
        body = para[0] if len(para) == 1 else " ".join(para)
        if abstract is not None:  # a text paragraph after a complete entry: the next title
            emit()
            seen_entry = True
            title = abstract = None
            meta = {}
        if title is None:
            if not seen_entry and len(para) == 1 and _parse_date(body):
                continue  # the listing's own date ("Sep 8") under the header
            if len(body) > _TITLE_MAX:  # a title is short, even when wrapped over lines
                problems.append(Problem(path, first, "abstract with no title before it"))
                dropped = True
                continue
            title, title_line, dropped = body, first, False
        elif _looks_like_title(body) and len(body) < 120 and not body.endswith((".", "!", "?")):
            no_abstract(title, title_line)
            title, title_line, dropped = body, first, False
        else:
            abstract = body
    if abstract is not None:
        emit()
    elif title is not None:
        no_abstract(title, title_line)
    return Parsed(tuple(papers), tuple(problems))

"""Read arXiv API Atom feeds: id and version, title, summary, authors, categories, dates,
DOI and links.

Parsing uses :mod:`xml.etree.ElementTree` (no third-party XML library), but a document that
declares a DTD or entities is refused outright, as defusedxml would: entity expansion
("billion laughs") and external entities are the known attacks on XML parsers, and no
arXiv feed needs either.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from kg.model import Paper, Problem, SourceRef
from kg.sources.records import Parsed, line_of, line_starts, make_paper, normalise_date

__all__ = ["NAMESPACES", "parse_atom"]

FORMAT = "atom"

#: The namespaces of an arXiv API response.
NAMESPACES = {
    "atom": "http://www.w3.org/2005/Atom",
    "arxiv": "http://arxiv.org/schemas/atom",
    "opensearch": "http://a9.com/-/spec/opensearch/1.1/",
}
_A = "{http://www.w3.org/2005/Atom}"
_X = "{http://arxiv.org/schemas/atom}"
_ENTRY_TAG = re.compile(r"<(?:[\w.-]+:)?entry[\s>/]")
_UNSAFE = re.compile(r"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def _text(element: ET.Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def _entry(entry: ET.Element, source: SourceRef) -> Paper | Problem:
    raw_id = _text(entry.find(f"{_A}id"))
    urls: list[str] = []
    if raw_id.startswith("http"):
        urls.append(raw_id)
    for link in entry.findall(f"{_A}link"):
        href = link.get("href")
        if href and href not in urls:
            urls.append(href)
    categories: list[str] = []
    primary = entry.find(f"{_X}primary_category")
    if primary is not None and primary.get("term"):
        categories.append(primary.get("term", ""))
    for cat in entry.findall(f"{_A}category"):
        term = cat.get("term")
        if term and term not in categories:
            categories.append(term)
    authors = tuple(
        name for a in entry.findall(f"{_A}author") if (name := _text(a.find(f"{_A}name")))
    )
    return make_paper(
        source=source,
        title=_text(entry.find(f"{_A}title")),
        abstract=_text(entry.find(f"{_A}summary")),
        authors=authors,
        date=normalise_date(_text(entry.find(f"{_A}published"))),
        updated=normalise_date(_text(entry.find(f"{_A}updated"))),
        urls=tuple(urls),
        arxiv_id=raw_id if "arxiv" in raw_id or re.search(r"\d{4}\.\d{4,5}", raw_id) else None,
        doi=_text(entry.find(f"{_X}doi")) or None,
        categories=tuple(categories),
    )


def parse_atom(text: str, *, path: str) -> Parsed:
    """Parse an Atom feed (as the arXiv API returns it) into papers.

    Examples
    --------
    >>> feed = '''<feed xmlns="http://www.w3.org/2005/Atom">
    ... <entry><id>http://arxiv.org/abs/2409.04992v1</id><title>InstInfer</title>
    ... <summary>We propose InstInfer.</summary><published>2024-09-08T01:02:03Z</published>
    ... </entry></feed>'''
    >>> p = parse_atom(feed, path="f.atom").papers[0]
    >>> p.id, p.date, p.sources[0].line
    ('arxiv:2409.04992', '2024-09-08', 2)
    """
    if m := _UNSAFE.search(text):
        line = text.count("\n", 0, m.start()) + 1
        return Parsed(
            (), (Problem(path, line, "XML with a DTD or entity declarations is refused (unsafe)"),)
        )
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else 1
        return Parsed((), (Problem(path, line, f"invalid XML: {exc}"),))
    entries = [root] if root.tag == f"{_A}entry" else root.findall(f"{_A}entry")
    starts = line_starts(text)
    lines = [line_of(starts, m.start()) for m in _ENTRY_TAG.finditer(text)]
    papers: list[Paper] = []
    problems: list[Problem] = []
    for index, entry in enumerate(entries):
        line = lines[index] if index < len(lines) else 1
        result = _entry(entry, SourceRef(path, line, FORMAT))
        (papers if isinstance(result, Paper) else problems).append(result)  # type: ignore[arg-type]
    if not entries:
        problems.append(Problem(path, 1, "Atom document with no <entry> elements"))
    return Parsed(tuple(papers), tuple(problems))

"""Read BibTeX files with abstracts, through bibtexparser 2.

bibtexparser handles the grammar (nested braces, ``@string`` macros, comments, quoted and
braced values) and reports each block it cannot parse, with its line, so a broken entry is
skipped while its neighbours are read. Its LaTeX decoding middleware (pylatexenc) turns
``{\\"u}``, ``\\'e``, ``\\&`` and protective braces into plain Unicode text.
"""

from __future__ import annotations

import re

from bibtexparser.entrypoint import parse_string
from bibtexparser.middlewares import LatexDecodingMiddleware
from bibtexparser.model import Entry

from kg.model import Paper, Problem, SourceRef
from kg.sources.records import Parsed, make_paper, normalise_date

__all__ = ["parse_bibtex"]

FORMAT = "bibtex"
_AUTHOR_SEP = re.compile(r"\s+and\s+", re.IGNORECASE)
_ARXIV_PREFIX = ("arxiv", "arXiv")


def _name(raw: str) -> str:
    """``"Last, First"`` -> ``"First Last"``; other forms unchanged."""
    parts = [p.strip() for p in raw.split(",")]
    if len(parts) == 2 and all(parts):
        return f"{parts[1]} {parts[0]}"
    return " ".join(raw.split())


def _fields(entry: Entry) -> dict[str, str]:
    return {f.key.lower(): str(f.value) for f in entry.fields}


def _entry(entry: Entry, source: SourceRef) -> Paper | Problem:
    f = _fields(entry)
    authors = tuple(
        _name(a)
        for a in _AUTHOR_SEP.split(f.get("author", ""))
        if a.strip() and a.strip() != "others"
    )
    arxiv = None
    eprint = f.get("eprint", "")
    if eprint and (f.get("archiveprefix", "arxiv").lower() == "arxiv"):
        arxiv = eprint
    elif f.get("journal", "").startswith(_ARXIV_PREFIX):
        arxiv = f["journal"]
    date = normalise_date(f.get("date"))
    if date is None and f.get("year"):
        month = f.get("month", "").strip()
        day = f.get("day", "").strip()
        date = normalise_date(f"{month} {day}, {f['year']}" if month else f["year"])
        if date is None:
            date = normalise_date(f["year"].strip())
    urls = tuple(u for u in (f.get("url"),) if u)
    keywords = tuple(k.strip() for k in re.split(r"[;,]", f.get("keywords", "")) if k.strip())
    return make_paper(
        source=source,
        title=f.get("title", ""),
        abstract=f.get("abstract", ""),
        authors=authors,
        date=date,
        urls=urls,
        arxiv_id=arxiv,
        doi=f.get("doi") or None,
        categories=keywords,
    )


def parse_bibtex(text: str, *, path: str) -> Parsed:
    """Parse BibTeX entries into papers; blocks bibtexparser cannot parse are reported.

    Examples
    --------
    >>> bib = r'''@article{k, title = {{\\"U}ber {BERT}}, author = {M{\\"u}ller, Jan},
    ...   abstract = {We use BERT \\& more.}, year = 2024, month = sep}'''
    >>> p = parse_bibtex(bib, path="r.bib").papers[0]
    >>> p.title, p.authors, p.abstract, p.date
    ('Über BERT', ('Jan Müller',), 'We use BERT & more.', '2024-09')
    """
    try:
        library = parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    except Exception as exc:  # a third-party parser: any failure is this file's problem
        return Parsed((), (Problem(path, 1, f"BibTeX parser failed: {exc!r}"),))
    items: list[tuple[int, Paper | Problem]] = []
    for entry in library.entries:
        line = (entry.start_line or 0) + 1
        items.append((line, _entry(entry, SourceRef(path, line, FORMAT))))
    for block in library.failed_blocks:
        line = (block.start_line or 0) + 1
        error = getattr(block, "error", None)
        lines = str(error).strip().splitlines() if error else []
        reason = lines[0] if lines else type(error).__name__ if error else "unparseable block"
        items.append((line, Problem(path, line, f"invalid BibTeX: {reason}")))
    items.sort(key=lambda item: item[0])
    papers = tuple(r for _, r in items if isinstance(r, Paper))
    problems = tuple(r for _, r in items if isinstance(r, Problem))
    return Parsed(papers, problems)

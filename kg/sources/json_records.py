"""Read JSON and JSON Lines dumps of papers: plain dumps, Semantic Scholar and OpenAlex.

A JSON file is a list of records, or an object whose ``data``, ``results``, ``papers``,
``items`` or ``records`` member is that list (the Semantic Scholar and OpenAlex APIs wrap
their results this way), or a single record. JSON Lines holds one record per line.

Each record's shape is recognised by its keys and mapped to Paper fields by the function
registered for that shape in :data:`SHAPES`: OpenAlex (``authorships``,
``abstract_inverted_index``), Semantic Scholar (``paperId``, ``externalIds``), else a
plain dump (title/abstract/authors/date/arxiv_id/url, with common synonyms).

The list is decoded element by element (:meth:`json.JSONDecoder.raw_decode`), so every
record knows its line and a truncated file still yields every record before the break.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from kg.model import Paper, Problem, SourceRef
from kg.sources.records import (
    Parsed,
    line_of,
    line_starts,
    make_paper,
    normalise_date,
    split_names,
)

__all__ = [
    "SHAPES",
    "inverted_index_text",
    "parse_json",
    "parse_jsonl",
    "record_fields",
    "shape_of",
]

_WRAPPERS = ("data", "results", "papers", "items", "records")
_WS = re.compile(r"\s*")
_WRAPPER = re.compile(r'"(?:' + "|".join(_WRAPPERS) + r')"\s*:\s*\[')
_SKIPPED = "records after this point are skipped"
_decoder = json.JSONDecoder()


def inverted_index_text(index: object) -> str:
    """Rebuild an abstract from OpenAlex's ``abstract_inverted_index`` (word -> positions).

    Examples
    --------
    >>> inverted_index_text({"We": [0], "propose": [1], "X.": [2, 4], "Use": [3]})
    'We propose X. Use X.'
    """
    if not isinstance(index, Mapping):
        return ""
    slots: dict[int, str] = {}
    for word, positions in index.items():
        if isinstance(positions, list):
            for pos in positions:
                if isinstance(pos, int) and 0 <= pos < 1_000_000:
                    slots[pos] = str(word)
    return " ".join(slots[i] for i in sorted(slots))


def _first(record: Mapping[str, Any], *keys: str) -> Any:
    for key in keys:
        value = record.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _str(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    return str(value).strip() or None


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value.strip(),) if value.strip() else ()
    if isinstance(value, list):
        out: list[str] = []
        for item in value:
            if isinstance(item, dict):
                item = item.get("display_name") or item.get("name") or item.get("term")
            if isinstance(item, str) and item.strip():
                out.append(item.strip())
        return tuple(out)
    return ()


def _plain(r: Mapping[str, Any]) -> dict[str, Any]:
    urls = _strings(_first(r, "urls", "links")) + _strings(_first(r, "url", "link", "pdf_url"))
    raw_id = _str(_first(r, "arxiv_id", "arxiv", "arxivId", "eprint"))
    ident = _str(r.get("id"))
    if (
        raw_id is None
        and ident
        and ("arxiv" in ident or re.fullmatch(r"\d{4}\.\d{4,5}(v\d+)?", ident))
    ):
        raw_id = ident
    return {
        "title": _first(r, "title", "name"),
        "abstract": _first(r, "abstract", "summary", "description"),
        "authors": split_names(_first(r, "authors", "author")),
        "n_authors": _int(_first(r, "n_authors", "num_authors", "author_count")),
        "date": normalise_date(
            _first(
                r, "date", "published", "publication_date", "publishedAt", "published_at", "year"
            )
        ),
        "updated": normalise_date(_first(r, "updated", "updated_at")),
        "upvotes": _int(_first(r, "upvotes", "likes")),
        "organisation": _str(_first(r, "organisation", "organization", "org")),
        "urls": urls,
        "arxiv_id": raw_id,
        "doi": _str(_first(r, "doi", "DOI")),
        "categories": _strings(_first(r, "categories", "tags", "keywords")),
    }


def _semantic_scholar(r: Mapping[str, Any]) -> dict[str, Any]:
    ext = r.get("externalIds") if isinstance(r.get("externalIds"), dict) else {}
    assert isinstance(ext, dict)
    urls = _strings(r.get("url"))
    pdf = r.get("openAccessPdf")
    if isinstance(pdf, dict):
        urls += _strings(pdf.get("url"))
    return {
        "title": r.get("title"),
        "abstract": r.get("abstract") or _str((r.get("tldr") or {}).get("text")),
        "authors": split_names(r.get("authors")),
        "date": normalise_date(_first(r, "publicationDate", "year")),
        "urls": urls,
        "arxiv_id": _str(ext.get("ArXiv")),
        "doi": _str(ext.get("DOI")),
        "categories": _strings(_first(r, "fieldsOfStudy", "s2FieldsOfStudy")),
    }


def _openalex(r: Mapping[str, Any]) -> dict[str, Any]:
    authors = []
    for authorship in r.get("authorships") or []:
        if isinstance(authorship, dict) and isinstance(authorship.get("author"), dict):
            name = authorship["author"].get("display_name")
            if isinstance(name, str) and name.strip():
                authors.append(name.strip())
    ids = r.get("ids") if isinstance(r.get("ids"), dict) else {}
    assert isinstance(ids, dict)
    urls: tuple[str, ...] = ()
    for loc_key in ("primary_location", "best_oa_location"):
        loc = r.get(loc_key)
        if isinstance(loc, dict):
            urls += _strings(loc.get("landing_page_url")) + _strings(loc.get("pdf_url"))
    arxiv = _str(ids.get("arxiv"))
    for url in urls:
        if "arxiv.org" in url and arxiv is None:
            arxiv = url
    abstract = r.get("abstract") or inverted_index_text(r.get("abstract_inverted_index"))
    return {
        "title": _first(r, "title", "display_name"),
        "abstract": abstract,
        "authors": tuple(authors),
        "date": normalise_date(_first(r, "publication_date", "publication_year")),
        "updated": normalise_date(r.get("updated_date")),
        "urls": tuple(dict.fromkeys(urls)),
        "arxiv_id": arxiv,
        "doi": _str(_first(r, "doi")) or _str(ids.get("doi")),
        "categories": _strings(_first(r, "topics", "concepts", "keywords")),
    }


def shape_of(record: Mapping[str, Any]) -> str:
    """Which mapping fits a record: ``openalex``, ``semantic_scholar`` or ``plain``.

    Examples
    --------
    >>> shape_of({"paperId": "abc", "title": "T"}), shape_of({"title": "T"})
    ('semantic_scholar', 'plain')
    """
    if "abstract_inverted_index" in record or "authorships" in record:
        return "openalex"
    if str(record.get("id", "")).startswith("https://openalex.org/"):
        return "openalex"
    if "paperId" in record or "externalIds" in record:
        return "semantic_scholar"
    return "plain"


#: record shape -> function mapping a record to Paper fields.
SHAPES: Mapping[str, Callable[[Mapping[str, Any]], dict[str, Any]]] = {
    "openalex": _openalex,
    "plain": _plain,
    "semantic_scholar": _semantic_scholar,
}


def record_fields(record: Mapping[str, Any]) -> dict[str, Any]:
    """The Paper fields of one JSON record, by the mapping of its shape."""
    return SHAPES[shape_of(record)](record)


def _record(value: Any, source: SourceRef) -> Paper | Problem:
    if not isinstance(value, dict):
        return Problem(
            source.path, source.line, f"record is a JSON {type(value).__name__}, not an object"
        )
    try:
        fields = record_fields(value)
    except (TypeError, ValueError, AttributeError) as exc:
        return Problem(source.path, source.line, f"unusable record: {exc}")
    return make_paper(source=source, **fields)


def _collect(results: list[Paper | Problem], papers: list[Paper], problems: list[Problem]) -> None:
    for r in results:
        (papers if isinstance(r, Paper) else problems).append(r)  # type: ignore[arg-type]


def parse_jsonl(text: str, *, path: str, format: str = "jsonl") -> Parsed:
    """Parse JSON Lines: one record per line; a bad line is reported and skipped.

    Examples
    --------
    >>> parsed = parse_jsonl('{"title": "A", "abstract": "B."}\\n{"title": \\n', path="x.jsonl")
    >>> len(parsed.papers), str(parsed.problems[0])[:40]
    (1, 'x.jsonl:2: invalid JSON: Expecting value')
    """
    results: list[Paper | Problem] = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            results.append(
                Problem(path, number, f"invalid JSON: {msg} (column {getattr(exc, 'colno', 1)})")
            )
            continue
        results.append(_record(value, SourceRef(path, number, format)))
    papers: list[Paper] = []
    problems: list[Problem] = []
    _collect(results, papers, problems)
    return Parsed(tuple(papers), tuple(problems))


def _array_start(text: str) -> int | None:
    """Offset just after the ``[`` of the record list, or None for a single object."""
    i = _WS.match(text).end()  # type: ignore[union-attr]
    if text.startswith("[", i):
        return i + 1
    if text.startswith("{", i) and (m := _WRAPPER.search(text, i)):
        return m.end()
    return None


def parse_json(text: str, *, path: str) -> Parsed:
    """Parse a JSON document of paper records (a list, a wrapped list or one record).

    Examples
    --------
    >>> doc = '[{"title": "A", "abstract": "Text."},\\n {"title": "B", "abstract": "More.'
    >>> parsed = parse_json(doc, path="d.json")
    >>> [p.title for p in parsed.papers], [str(x)[:52] for x in parsed.problems]
    (['A'], ['d.json:2: truncated or invalid JSON: Unterminated st'])
    """
    starts = line_starts(text)
    papers: list[Paper] = []
    problems: list[Problem] = []
    results: list[Paper | Problem] = []
    pos = _array_start(text)
    if pos is None:
        try:
            value = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as exc:
            line = exc.lineno if isinstance(exc, json.JSONDecodeError) else 1
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            return Parsed((), (Problem(path, line, f"invalid JSON: {msg}"),))
        results.append(_record(value, SourceRef(path, 1, "json")))
        _collect(results, papers, problems)
        return Parsed(tuple(papers), tuple(problems))
    n = len(text)
    while True:
        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
        if pos >= n:
            problems.append(
                Problem(
                    path,
                    line_of(starts, max(pos - 1, 0)),
                    "truncated JSON: the record list never ends",
                )
            )
            break
        if text[pos] == "]":
            break
        try:
            value, end = _decoder.raw_decode(text, pos)
        except (json.JSONDecodeError, RecursionError) as exc:
            where = exc.pos if isinstance(exc, json.JSONDecodeError) else pos
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            col = where - starts[line_of(starts, where) - 1] + 1
            problems.append(
                Problem(
                    path,
                    line_of(starts, where),
                    f"truncated or invalid JSON: {msg} (column {col}); {_SKIPPED}",
                )
            )
            break
        results.append(_record(value, SourceRef(path, line_of(starts, pos), "json")))
        pos = _WS.match(text, end).end()  # type: ignore[union-attr]
        if text.startswith(",", pos):
            pos += 1
        elif not text.startswith("]", pos):
            if pos >= n:
                problems.append(
                    Problem(
                        path,
                        line_of(starts, max(pos - 1, 0)),
                        "truncated JSON: the record list never ends",
                    )
                )
            else:
                problems.append(
                    Problem(
                        path,
                        line_of(starts, pos),
                        f"invalid JSON: expected ',' or ']' between records; {_SKIPPED}",
                    )
                )
            break
    _collect(results, papers, problems)
    problems.sort(key=lambda p: p.line)
    return Parsed(tuple(papers), tuple(problems))

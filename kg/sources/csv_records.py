"""Read CSV (or TSV) files whose header row names the columns.

Columns are matched case-insensitively to the same field names and synonyms as a plain
JSON dump (see :mod:`kg.sources.json_records`): ``title``, ``abstract``/``summary``,
``authors`` (separated by ``;``, `` and `` or ``,``), ``date``/``published``/``year``,
``arxiv_id``, ``doi``, ``url``, ``upvotes``, ``organisation``, ``categories``.
"""

from __future__ import annotations

import csv
import io

from kg.model import Paper, Problem, SourceRef
from kg.sources.json_records import record_fields
from kg.sources.records import Parsed, make_paper

__all__ = ["parse_csv"]

FORMAT = "csv"
_LIST_COLUMNS = ("categories", "tags", "keywords", "urls")


def _delimiter(header: str) -> str:
    return max(",\t;", key=header.count)


def parse_csv(text: str, *, path: str) -> Parsed:
    """Parse a CSV file with a header row into papers; a malformed row is reported.

    Examples
    --------
    >>> data = 'Title,Abstract,Authors,Date\\n"A, B",We study A.,Ann Lee; Bo Li,2024-01-02\\n'
    >>> p = parse_csv(data, path="p.csv").papers[0]
    >>> p.title, p.authors, p.date, p.sources[0].line
    ('A, B', ('Ann Lee', 'Bo Li'), '2024-01-02', 2)
    """
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    reader = csv.reader(
        io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=_delimiter(header)
    )
    papers: list[Paper] = []
    problems: list[Problem] = []
    try:
        columns = [c.strip().lower() for c in next(reader)]
    except StopIteration:
        return Parsed((), (Problem(path, 1, "empty CSV file"),))
    except csv.Error as exc:
        return Parsed((), (Problem(path, 1, f"invalid CSV header: {exc}"),))
    if "title" not in columns and "name" not in columns:
        return Parsed((), (Problem(path, 1, "CSV header names no 'title' column"),))
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(path, start, f"invalid CSV row: {exc}"))
            start = reader.line_num + 1
            continue
        line, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(columns):
            problems.append(
                Problem(path, line, f"row has {len(row)} cells, the header names {len(columns)}")
            )
            continue
        record: dict[str, object] = dict(zip(columns, row, strict=True))
        for key in _LIST_COLUMNS:
            if isinstance(value := record.get(key), str):
                record[key] = [v.strip() for v in value.split(";") if v.strip()]
        result = make_paper(source=SourceRef(path, line, FORMAT), **record_fields(record))
        (papers if isinstance(result, Paper) else problems).append(result)  # type: ignore[arg-type]
    return Parsed(tuple(papers), tuple(problems))

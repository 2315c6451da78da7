"""Read paper listings in every supported format and merge them into one set of papers.

:func:`read_papers` is the one entry point: it expands directories (recursively) and ``-``
(stdin), detects each file's format by content then extension (:mod:`kg.sources.detect`),
dispatches to the reader named in :data:`FORMATS`, and merges duplicates
(:mod:`kg.sources.merge`). Bad records never stop a run: each is reported once as a
:class:`~kg.model.Problem` and skipped, unless ``strict=True``.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from kg.errors import InputError
from kg.gcpause import gc_paused
from kg.model import Paper, Problem
from kg.sources.atom import parse_atom
from kg.sources.bibtex import parse_bibtex
from kg.sources.csv_records import parse_csv
from kg.sources.detect import EXTENSIONS, detect_format
from kg.sources.hf_listing import parse_hf_listing
from kg.sources.json_records import parse_json, parse_jsonl
from kg.sources.merge import merge_papers
from kg.sources.records import Parsed

__all__ = [
    "FORMATS",
    "ReadResult",
    "Reader",
    "decode",
    "paper_to_dict",
    "parse_text",
    "read_papers",
]

logger = logging.getLogger(__name__)

#: A reader: decoded text and the path to report -> papers and problems.
Reader = Callable[..., Parsed]

#: format name -> reader; the one table of supported formats.
FORMATS: Mapping[str, Reader] = MappingProxyType(
    {
        "atom": parse_atom,
        "bibtex": parse_bibtex,
        "csv": parse_csv,
        "hf_listing": parse_hf_listing,
        "json": parse_json,
        "jsonl": parse_jsonl,
    }
)

#: Progress callback: called after each file with its path and the entries read so far.
Progress = Callable[[str, int], None]


@dataclass(frozen=True, slots=True)
class ReadResult:
    """Merged papers (sorted by id), the skipped records, and the counts for a summary.

    ``entries`` counts the good records read; ``merged`` how many of them were folded into
    another record of the same paper (``entries - len(papers)``).
    """

    papers: tuple[Paper, ...]
    problems: tuple[Problem, ...]
    entries: int
    merged: int


_AVAILABLE = (
    f"available formats: {', '.join(sorted(FORMATS))}; name one with --format (format= in Python)"
)


def paper_to_dict(paper: Paper) -> dict[str, object]:
    """A Paper as a JSON-ready dict: the graph's paper attributes, sources as ``path:line:format``.

    Examples
    --------
    >>> from kg.model import SourceRef
    >>> ref = SourceRef("a.txt", 3, "hf_listing")
    >>> d = paper_to_dict(Paper(id="arxiv:1", title="T", sources=(ref,)))
    >>> d["id"], d["authors"], d["sources"]
    ('arxiv:1', [], ['a.txt:3:hf_listing'])
    """
    return {
        "id": paper.id,
        "title": paper.title,
        "abstract": paper.abstract,
        "authors": list(paper.authors),
        "n_authors": paper.author_count,
        "date": paper.date,
        "updated": paper.updated,
        "upvotes": paper.upvotes,
        "organisation": paper.organisation,
        "urls": list(paper.urls),
        "arxiv_id": paper.arxiv_id,
        "doi": paper.doi,
        "categories": list(paper.categories),
        "sources": [f"{s.path}:{s.line}:{s.format}" for s in paper.sources],
    }


def _reader(name: str) -> Reader:
    try:
        return FORMATS[name]
    except KeyError:
        raise InputError(
            f"unknown format {name!r}; available formats: {', '.join(sorted(FORMATS))}"
        ) from None


def decode(data: bytes, *, path: str) -> tuple[str, Problem | None]:
    """Decode UTF-8 (a BOM is dropped); invalid bytes become U+FFFD and are reported once.

    Examples
    --------
    >>> text, problem = decode(b"ok\\n\\xff bad", path="x.txt")
    >>> text
    'ok\\n\\ufffd bad'
    >>> print(problem)
    x.txt:2: invalid UTF-8 (byte 0xff at offset 3); decoded with replacement characters
    """
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start : exc.start + 1].hex()
        problem = Problem(
            path,
            line,
            f"invalid UTF-8 (byte 0x{bad} at offset {exc.start}); "
            "decoded with replacement characters",
        )
        return data.decode("utf-8-sig", errors="replace"), problem


def parse_text(text: str, *, path: str, format: str | None = None) -> Parsed:
    """Parse one decoded file: detect its format (unless given) and run that reader.

    An undetectable format is reported as a Problem at line 1, not raised; an unknown
    ``format`` name raises InputError listing the available names.
    """
    name = format or detect_format(text[:65536], name=path)
    if name is None:
        return Parsed(
            (),
            (
                Problem(
                    path,
                    1,
                    f"unknown format (not recognised by content or extension); {_AVAILABLE}",
                ),
            ),
        )
    return _reader(name)(text, path=path)


def _expand(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    files: list[str] = []
    for raw in paths:
        name = os.fspath(raw)
        if name == "-":
            files.append(name)
            continue
        path = Path(name)
        if path.is_dir():
            found = [
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in EXTENSIONS
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            ]
            files.extend(str(p) for p in sorted(found))
        elif path.exists():
            files.append(name)
        else:
            raise InputError(f"cannot read {name}: no such file or directory")
    return files


def _load(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(name).read_bytes()
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise InputError(f"cannot read {name}: {reason}") from None


def read_papers(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    format: str | None = None,
    strict: bool = False,
    fuzzy: bool = True,
    progress: Progress | None = None,
) -> ReadResult:
    """Read paper listings from files, directories and stdin, and merge duplicates.

    Parameters
    ----------
    paths : path or iterable of paths
        Files, directories (read recursively: files with a known extension, hidden ones
        skipped) and ``"-"`` for stdin.
    format : str, optional
        Force one format (a key of :data:`FORMATS`) instead of detecting it per file.
    strict : bool
        Raise InputError at the first problem instead of reporting it and going on.
    fuzzy : bool
        Also merge titles that differ slightly (see :mod:`kg.sources.merge`).
    progress : callable, optional
        Called after each file as ``progress(path, entries_so_far)``.

    Returns
    -------
    ReadResult
        The merged papers sorted by id, every problem in reading order, the number of good
        records read and how many of them were duplicates.

    Raises
    ------
    InputError
        A path that does not exist or cannot be read, an unknown ``format``, or (with
        ``strict=True``) the first bad record.

    Examples
    --------
    >>> import json, pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Daily Papers\\n\\nFlexGen: Fast\\n\\nWe present FlexGen.\\n")
    >>> line = {"title": "FlexGen: fast", "abstract": "FlexGen, a longer abstract."}
    >>> _ = (d / "b.jsonl").write_text(json.dumps(line))
    >>> result = read_papers(d)
    >>> result.entries, result.merged, [p.abstract for p in result.papers]
    (2, 1, ['FlexGen, a longer abstract.'])
    """
    if format is not None:
        _reader(format)
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    with gc_paused():
        return _read(paths, format=format, strict=strict, fuzzy=fuzzy, progress=progress)


def _read(
    paths: Iterable[str | os.PathLike[str]],
    *,
    format: str | None,
    strict: bool,
    fuzzy: bool,
    progress: Progress | None,
) -> ReadResult:
    records: list[Paper] = []
    problems: list[Problem] = []
    for name in _expand(paths):
        data = _load(name)
        head = data[:8192]
        if format is None and head.count(b"\x00") > len(head) // 100 + 1:
            found = [Problem(name, 1, f"binary file, not a paper listing; {_AVAILABLE}")]
            parsed = Parsed((), ())
        else:
            text, bad = decode(data, path=name)
            found = [bad] if bad else []
            parsed = parse_text(text, path=name, format=format)
        found.extend(parsed.problems)
        if strict and found:
            raise InputError(str(found[0]))
        problems.extend(found)
        records.extend(parsed.papers)
        logger.debug("%s: %d records, %d problems", name, len(parsed.papers), len(found))
        if progress is not None:
            progress(name, len(records))
    papers = merge_papers(records, fuzzy=fuzzy)
    return ReadResult(papers, tuple(problems), len(records), len(records) - len(papers))

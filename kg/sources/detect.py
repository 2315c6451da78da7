"""Tell a file's format from its content first, then from its extension.

Content wins because extensions lie (``.txt`` exports of JSON, ``.xml`` Atom feeds, files
piped through stdin with no name at all). Each rule is a row in a table, tried in order.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["EXTENSIONS", "detect_format"]

#: file extension -> format, used when the content is not conclusive.
EXTENSIONS: dict[str, str] = {
    ".atom": "atom",
    ".xml": "atom",
    ".bib": "bibtex",
    ".bibtex": "bibtex",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "hf_listing",
}

_BIBTEX = re.compile(r"@[A-Za-z]+\s*[{(]")
_HF_MARKERS = ("Daily Papers", "byAK and the research community", "Get trending papers")
_JSONL_SECOND = re.compile(r"\}\s*\n\s*\{")


def _atom(head: str) -> bool:
    return head.startswith("<") and ("<feed" in head or "<entry" in head)


def _bibtex(head: str) -> bool:
    m = _BIBTEX.search(head)
    if m is None:
        return False
    before = head[: m.start()].splitlines()
    return all(not line.strip() or line.lstrip().startswith("%") for line in before)


def _jsonl(head: str) -> bool:
    return head.startswith("{") and _JSONL_SECOND.search(head) is not None


def _json(head: str) -> bool:
    return head.startswith(("[", "{"))


def _hf_listing(head: str) -> bool:
    return any(marker in head for marker in _HF_MARKERS)


def _csv(head: str) -> bool:
    first = head.split("\n", 1)[0].casefold()
    return ("title" in first) and ("," in first or "\t" in first)


#: (format, test on the first 64 KiB with leading whitespace and BOM removed), in order.
_CONTENT_RULES: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("atom", _atom),
    ("jsonl", _jsonl),
    ("json", _json),
    ("bibtex", _bibtex),
    ("hf_listing", _hf_listing),
    ("csv", _csv),
)


def detect_format(head: str, *, name: str = "") -> str | None:
    """The format of a file from its first characters, else its extension, else None.

    Parameters
    ----------
    head : str
        The start of the decoded file (64 KiB is plenty).
    name : str
        The file name, for the extension fallback; ``""`` or ``"-"`` for stdin.

    Examples
    --------
    >>> detect_format('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">')
    'atom'
    >>> detect_format('{"title": "A"}\\n{"title": "B"}\\n')
    'jsonl'
    >>> detect_format("title,abstract\\nA,B\\n"), detect_format("???", name="x.bib")
    ('csv', 'bibtex')
    >>> detect_format("just some words") is None
    True
    """
    stripped = head.lstrip("\ufeff \t\r\n")
    dot = name.rfind(".")
    by_extension = EXTENSIONS.get(name[dot:].lower()) if dot >= 0 else None
    if by_extension == "jsonl" and stripped.startswith("{"):
        return "jsonl"  # one huge or broken first line must not make it look like JSON
    for fmt, test in _CONTENT_RULES:
        if test(stripped):
            return fmt
    return by_extension

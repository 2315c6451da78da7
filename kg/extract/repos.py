"""Repository and project-page links: find them in text and normalise them.

A link in an abstract is where the code, the model weights, the data or the project page
lives (GitHub, GitLab, Hugging Face, aka.ms and other short links, project pages). Scraped
listings glue debris onto links (``...Benchmark_for_LLMs{new``) and sentences end right after
them (``.../FlexGen.``), so each link is cut at the first character that cannot belong to a
URL written in prose and then normalised (:func:`normalise_url`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from kg.extract.lexicon import Lexicon, lower_same_length
from kg.extract.registry import extractor
from kg.model import EntityType, Field, Mention, Paper, Role

__all__ = ["find_urls", "normalise_url", "repos"]

#: A link written in prose: with a scheme, or scheme-less on a well-known code/short host or
#: on a project-page host (``name.github.io``, written without a path as often as with one).
_HOSTS = (
    "github.com",
    "gitlab.com",
    "huggingface.co",
    "hf.co",
    "bitbucket.org",
    "aka.ms",
    "bit.ly",
    "tinyurl.com",
    "zenodo.org",
    "codeberg.org",
)
_PAGE_HOSTS = (".github.io", ".gitlab.io")
_URL_CHARS = r"[^\s<>\"'`{}|\\^\[\]]"
_URL = re.compile(
    r"(?:https?://|ftp://|\bwww\.|\b(?:"
    + "|".join(re.escape(h) for h in _HOSTS)
    + rf")/){_URL_CHARS}+|\b[a-z0-9][a-z0-9-]*(?:"
    + "|".join(re.escape(h) for h in _PAGE_HOSTS)
    + rf")\b{_URL_CHARS}*",
    re.IGNORECASE | re.ASCII,
)
#: Characters that never end a link written in prose (sentence punctuation, closing quotes).
_TRAILING = ".,;:!?'\"*_~-"
_DEBRIS = re.compile(r"[\s<>\"'`{}|\\^\[\]]|\]\(|&(?:quot|gt|lt|amp);")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*)://", re.IGNORECASE)
_DEFAULT_PORT = re.compile(r":(?:80|443)$")


def _trim_end(url: str) -> str:
    """Drop sentence punctuation and unbalanced closing brackets from the end of a link."""
    while url:
        last = url[-1]
        unbalanced = last == ")" and url.count("(") < url.count(")")
        double_slash = last == "/" and url.endswith("//")
        non_ascii_punct = not last.isascii() and unicodedata.category(last)[0] in "PSZ"
        if last in _TRAILING or unbalanced or double_slash or non_ascii_punct:
            url = url[:-1]
        else:
            break
    return url


def normalise_url(text: str) -> str:
    """The canonical form of a link: https scheme, lower-case host, no debris or ``.git``.

    Cuts the link at the first character that cannot be part of a URL written in prose
    (whitespace, quotes, braces: scraping debris such as ``{new``), drops trailing sentence
    punctuation and unbalanced closing brackets, lower-cases the scheme and host (paths keep
    their case: GitHub owners are case-insensitive but project pages may not be), writes
    ``http`` and scheme-less links as ``https``, and removes a default port, a ``.git``
    suffix, an empty query or fragment and the trailing slash.

    Parameters
    ----------
    text : str
        A link as found in text, with or without a scheme.

    Returns
    -------
    str
        The normalised link, or ``""`` when nothing link-like is left.

    Examples
    --------
    >>> normalise_url("https://GitHub.com/FMInference/FlexGen.git/.")
    'https://github.com/FMInference/FlexGen'
    >>> normalise_url("https://huggingface.co/datasets/TreeAILab/Long_Benchmark_for_LLMs{new")
    'https://huggingface.co/datasets/TreeAILab/Long_Benchmark_for_LLMs'
    >>> normalise_url("aka.ms/MInference.")
    'https://aka.ms/MInference'
    >>> normalise_url("(see http://xuxw98.github.io/ESAM/),")
    'https://xuxw98.github.io/ESAM'
    """
    text = text.strip()
    m = _URL.search(text)
    if m is None:
        return ""
    url = m.group(0)
    debris = _DEBRIS.search(url)
    if debris is not None:
        url = url[: debris.start()]
    url = _trim_end(url)
    scheme_match = _SCHEME.match(url)
    if scheme_match:
        scheme = scheme_match.group(1).lower()
        rest = url[scheme_match.end() :]
    else:
        scheme, rest = "https", url
    if scheme == "http":
        scheme = "https"
    host, _, path = rest.partition("/")
    host = _DEFAULT_PORT.sub("", host.lower().rstrip("."))
    if "@" in host:  # user info never identifies a project
        host = host.rsplit("@", 1)[1]
    if not host or "." not in host:
        return ""
    path = path.split("#", 1)[0] if path.endswith("#") else path
    while True:
        before = path
        path = _trim_end(path.rstrip("/?#"))
        if path.lower().endswith(".git"):
            path = path[:-4]
        if path == before:
            break
    return f"{scheme}://{host}" + (f"/{path}" if path else "")


#: Every link contains one of these (in lower case); a match starts at it or, for
#: ``://``, at its scheme just before.
_MARKERS = ("www.", *(host + "/" for host in _HOSTS))


def _url_matches(text: str, lowered: str) -> Iterator[re.Match[str]]:
    """``_URL.finditer(text)``, but tried only where a link can start (found by str.find).

    The regex has no literal prefix, so a scan tries it at every character; the places a
    link can start are few and found with fast substring searches instead. Matches are the
    same: leftmost first, never overlapping.
    """
    if "/" not in lowered and "www." not in lowered and ".git" not in lowered:
        return  # every marker but www. and the page hosts has a slash: most abstracts end here
    starts: set[int] = set()
    i = lowered.find("://")
    while i >= 0:
        starts.update(range(max(0, i - 5), i - 2))
        i = lowered.find("://", i + 3)
    for marker in _MARKERS:
        i = lowered.find(marker)
        while i >= 0:
            starts.add(i)
            i = lowered.find(marker, i + 1)
    for marker in _PAGE_HOSTS:  # the link starts at the subdomain before the marker
        i = lowered.find(marker)
        while i >= 0:
            s = i
            while s and (lowered[s - 1].isalnum() or lowered[s - 1] == "-"):
                s -= 1
            starts.add(s)
            i = lowered.find(marker, i + 1)
    taken = 0
    for start in sorted(starts):
        if start < taken:
            continue
        m = _URL.match(text, start)
        if m is not None:
            taken = m.end()
            yield m


def find_urls(text: str) -> Iterator[tuple[int, int]]:
    """Spans ``(start, end)`` of the links in text, debris and trailing punctuation excluded.

    Examples
    --------
    >>> t = "Code: https://github.com/a/b. Data: hf.co/datasets/x/y{new"
    >>> [t[s:e] for s, e in find_urls(t)]
    ['https://github.com/a/b', 'hf.co/datasets/x/y']
    """
    for m in _url_matches(text, lower_same_length(text)):
        raw = m.group(0)
        debris = _DEBRIS.search(raw)
        if debris is not None:
            raw = raw[: debris.start()]
        raw = _trim_end(raw)
        if normalise_url(raw):
            yield m.start(), m.start() + len(raw)


@extractor("repos", produces=EntityType.REPO)
def repos(paper: Paper, lexicon: Lexicon) -> Iterator[Mention]:
    """Links to code, models, data and project pages (GitHub, Hugging Face, short links)."""
    for field in (Field.TITLE, Field.ABSTRACT):
        text = getattr(paper, field.value)
        for start, end in find_urls(text):
            yield Mention(
                paper.id,
                text[start:end],
                EntityType.REPO,
                Role.MENTIONS,
                field,
                start,
                end,
                "repos",
                0.99,
            )

"""Extract the methods, benchmarks, models and repositories a paper names, with roles.

Each extractor is a pure function from a paper to mentions, registered by name
(:mod:`kg.extract.registry`); :func:`extract` runs the selected ones, resolves overlapping
spans (the longest, then most confident, span wins; one type per span), and assigns each
mention its sentence and role (:mod:`kg.extract.roles`).

Examples
--------
>>> from kg.model import Paper
>>> paper = Paper(id="p1", title="FlexGen: High-Throughput Inference",
...               abstract="FlexGen runs OPT-175B. We evaluate on HELM, compared to DeepSpeed.")
>>> [(m.text, m.type.value, m.role.value) for m in extract(paper)]  # doctest: +NORMALIZE_WHITESPACE
[('FlexGen', 'method', 'introduces'), ('FlexGen', 'method', 'introduces'),
 ('OPT-175B', 'model', 'uses'), ('HELM', 'benchmark', 'evaluates_on'),
 ('DeepSpeed', 'method', 'compares_with')]
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor

from kg.extract.lexicon import Lexicon, load_lexicon
from kg.extract.models import ModelName, parse_model_name
from kg.extract.registry import Extractor, extractor, get, registered
from kg.extract.repos import normalise_url
from kg.extract.roles import assign_roles
from kg.model import EntityType, Field, Mention, Paper
from kg.text import compact_key

__all__ = [
    "Extractor",
    "ModelName",
    "extract",
    "extract_all",
    "extractor",
    "load_lexicon",
    "normalise_url",
    "parse_model_name",
    "registered",
    "resolve_overlaps",
    "select_extractors",
]

_FIELD_ORDER = {Field.TITLE: 0, Field.ABSTRACT: 1}


def select_extractors(
    extractors: Iterable[str] | None = None, exclude: Iterable[str] = ()
) -> tuple[Extractor, ...]:
    """The extractors to run: the named ones (default: all registered) minus ``exclude``.

    Raises
    ------
    QueryError
        A name is not registered (the message lists the available names).
    """
    chosen = [get(n) for n in extractors] if extractors is not None else list(registered().values())
    dropped = {get(n).name for n in exclude}
    return tuple(e for e in chosen if e.name not in dropped)


def resolve_overlaps(mentions: Iterable[Mention]) -> list[Mention]:
    """Keep one mention per overlapping group: the longest span, then the most confident.

    Ties are broken by extractor name, so the result never depends on the extractors'
    order. The result is sorted by field (title first) and start offset.

    Examples
    --------
    >>> from kg.model import EntityType, Role
    >>> a = Mention("p", "Qwen2.5", EntityType.MODEL, Role.USES, Field.ABSTRACT, 0, 7, "x", 0.9)
    >>> b = Mention("p", "Qwen2.5-7B", EntityType.MODEL, Role.USES, Field.ABSTRACT, 0, 10, "x", 0.9)
    >>> [m.text for m in resolve_overlaps([a, b])]
    ['Qwen2.5-7B']
    """
    order = _FIELD_ORDER
    # Decorated sort (the index keeps it stable): no key function call per mention.
    decorated = sorted(
        (order[m.field], m.start - m.end, -m.confidence, m.start, m.extractor, m.type.value, i, m)
        for i, m in enumerate(mentions)
    )
    ranked = [d[-1] for d in decorated]
    taken: dict[Field, tuple[list[int], list[int]]] = {
        Field.TITLE: ([], []),
        Field.ABSTRACT: ([], []),
    }
    kept: list[Mention] = []
    for m in ranked:
        starts, ends = taken[m.field]
        i = bisect.bisect_left(starts, m.start)
        if (i < len(starts) and starts[i] < m.end) or (i > 0 and ends[i - 1] > m.start):
            continue
        starts.insert(i, m.start)
        ends.insert(i, m.end)
        kept.append(m)
    kept.sort(key=lambda m: (_FIELD_ORDER[m.field], m.start, m.end))
    return kept


def _known_keys(lexicon: Lexicon) -> frozenset[tuple[EntityType, str]]:
    """The types and compact keys of the lexicon's curated names: work that exists already."""
    return lexicon.cached(
        "known_keys", lambda lex: frozenset((k, compact_key(n)) for n, k in lex.entries)
    )


def _spelled_long_forms(lexicon: Lexicon) -> dict[tuple[EntityType, str], frozenset[str]]:
    """The compact keys of curated multi-word names, singular, by type and initials
    ("softactorcritic" under (method, "sac")): what a famous acronym already stands for."""

    def build(lex: Lexicon) -> dict[tuple[EntityType, str], frozenset[str]]:
        spelled: dict[tuple[EntityType, str], set[str]] = {}
        for name, kind in lex.entries:
            parts = name.replace("-", " ").split()
            if len(parts) > 1:
                initials = "".join(p[0] for p in parts).lower()
                spelled.setdefault((kind, initials), set()).add(compact_key(name).rstrip("s"))
        return {k: frozenset(v) for k, v in spelled.items()}

    return lexicon.cached("spelled_long_forms", build)


def _run(paper: Paper, chosen: Sequence[Extractor], lexicon: Lexicon) -> tuple[Mention, ...]:
    found: list[Mention] = []
    for ext in chosen:
        found.extend(ext(paper, lexicon))
    return tuple(
        assign_roles(
            paper,
            resolve_overlaps(found),
            known=_known_keys(lexicon),
            spelled=_spelled_long_forms(lexicon),
        )
    )


def extract(
    paper: Paper,
    *,
    extractors: Iterable[str] | None = None,
    exclude: Iterable[str] = (),
    lexicons: Iterable[str] = (),
) -> tuple[Mention, ...]:
    """The mentions of methods, benchmarks, models and repos in one paper, with roles.

    Parameters
    ----------
    paper : Paper
        The paper; its title and abstract are read.
    extractors : iterable of str, optional
        Names of the extractors to run (default: every registered one).
    exclude : iterable of str
        Names of extractors not to run.
    lexicons : iterable of str
        Paths of user lexicon files (``TYPE: NAME`` per line) added to the built-in ones.

    Returns
    -------
    tuple of Mention
        Non-overlapping mentions in text order (title first); ``mention.text ==
        getattr(paper, mention.field)[mention.start:mention.end]`` always holds.

    Raises
    ------
    QueryError
        An extractor name is unknown.
    InputError
        A lexicon file cannot be read or parsed.
    """
    chosen = select_extractors(extractors, exclude)
    return _run(paper, chosen, load_lexicon(tuple(lexicons)))


def _work(args: tuple[list[Paper], tuple[str, ...], tuple[str, ...]]) -> list[tuple[Mention, ...]]:
    papers, names, lexicons = args
    chosen = tuple(get(n) for n in names)
    lexicon = load_lexicon(lexicons)
    return [_run(p, chosen, lexicon) for p in papers]


def extract_all(
    papers: Sequence[Paper],
    *,
    extractors: Iterable[str] | None = None,
    exclude: Iterable[str] = (),
    lexicons: Iterable[str] = (),
    workers: int = 1,
) -> list[tuple[Mention, ...]]:
    """:func:`extract` over many papers, in the same order, optionally in ``workers`` processes.

    The output does not depend on ``workers``: papers are cut into contiguous chunks and the
    chunks' results are joined in order.
    """
    chosen = select_extractors(extractors, exclude)
    lexicon_paths = tuple(lexicons)
    lexicon = load_lexicon(lexicon_paths)
    papers = list(papers)
    if workers <= 1 or len(papers) < 2:
        return [_run(p, chosen, lexicon) for p in papers]
    names = tuple(e.name for e in chosen)
    size = max(1, min(500, -(-len(papers) // (workers * 4))))
    chunks = [(papers[i : i + size], names, lexicon_paths) for i in range(0, len(papers), size)]
    results: list[tuple[Mention, ...]] = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for part in pool.map(_work, chunks):
            results.extend(part)
    return results

"""Merge the records of one paper read from several listings and formats into one Paper.

Three stages link records, each stronger than the next is allowed to be:

1. **id**: the same arXiv id or DOI.
2. **title**: the same :func:`kg.text.compact_key` of the title (case, accents, punctuation
   and spacing ignored: "Pre-Training" = "Pretraining").
3. **fuzzy title**: :func:`rapidfuzz.fuzz.ratio` of the normalised titles at least
   :data:`FUZZY_THRESHOLD`, and two guards that no score can override:

   - the :func:`kg.text.number_tokens` must be equal ("Qwen2-Math" vs "Qwen2.5-Math",
     "GPT-4" vs "GPT-5" never merge; unlike tools that drop digit-initial tokens);
   - every content word one title has and the other lacks must be a spelling variant of a
     word the other has and the first lacks (optimal-string-alignment similarity >= 0.8:
     one typo or transposition in a long word, or a plural), and at most six content
     words may differ, so "X for Y" and "X for Z" never merge however long X is.

Records are linked (union-find) and never across two different arXiv ids or DOIs.
Fuzzy matching is blocked: a title is compared only with titles that share two of its
:data:`BLOCK_KEYS` (3) rarest content words (all its words when it has fewer), inside a
block with :func:`rapidfuzz.process.cdist`. One typo makes a word unique, but the other two
of the three rarest words still meet; pairs of rare words make small blocks (and a word of
one title only makes none), so merging 100k listing entries costs about as much CPU as
parsing them (``benchmarks/bench_read.py``), not 10^10 comparisons.

Determinism: records are put in a canonical order (id, title, sources) before linking and
links are made in that order, so the result depends only on the set of records, never on
the order of files or lines.

Threshold measurement (``benchmarks/measure_merge_threshold.py``, seed corpus, 2026-11-23):
273 distinct seed titles; 1,112 positive pairs (each title against one typo, one
transposition, a dropped stopword, -ise/-ize or a plural) and 37,408 negative pairs (every
pair of distinct seed titles, each title with its last content word substituted, and hand
picked version pairs: Qwen2/Qwen2.5-Math, GPT-4/GPT-5, Llama 2/3, D4RL/D5RL).

=========  ==============  ==============  ===================  ===================
threshold  recall (ratio)  false (ratio)   recall (+ guards)    false (+ guards)
=========  ==============  ==============  ===================  ===================
70         1.000           289             0.995                0
85         1.000           266             0.995                0
90         1.000           228             0.995                0
92         1.000           164             0.995                0
96         0.980           16              0.975                0
=========  ==============  ==============  ===================  ===================

Through :func:`merge_papers` itself (blocking included, each variant added alone to the
273 seed titles) recall is also 0.995: blocking loses nothing measurable. The misses are
one-letter changes in short words ("Size" / "Sise": similarity 0.75 < 0.8).

The ratio alone cannot separate the classes (lowest positive 92.0, highest negative 98.4:
"X for Y" pairs score high); the guards do, at any threshold from 70 to 92. 85 is chosen
to sit well below the lowest positive (92.0, so shorter titles with one typo still merge)
while keeping the score as a second line of defence behind the guards.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import fields
from itertools import chain
from operator import attrgetter

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from kg.ids import paper_id
from kg.model import Paper, SourceRef
from kg.text import compact_key, normalise_title

__all__ = [
    "BLOCK_KEYS",
    "FUZZY_THRESHOLD",
    "STOPWORDS",
    "merge_papers",
    "same_paper_title",
    "title_similarity",
]

#: Minimum fuzz.ratio (0-100) of normalised titles for a fuzzy merge (see the measurement).
FUZZY_THRESHOLD = 85.0
#: How many of a title's rarest words name the blocks it is compared in (in pairs).
BLOCK_KEYS = 3  # the pairs are written out in _fuzzy_pairs
#: Blocks up to this size are scored pair by pair; larger ones with one cdist call.
_SMALL_BLOCK = 12
#: A block larger than this is too common a word to say anything; it is skipped.
_MAX_BLOCK = 2000
#: Words that may differ between two spellings of one title.
STOPWORDS = frozenset(
    re.findall(
        r"\w+",
        "a an the of for and or in on at to with via by from into as is are be its their "
        "our we do does can vs versus towards toward",
    )
)
_DIGIT = re.compile(r"\d")
_VARIANT_SIMILARITY = 0.8


def _numbers(norm: str) -> list[str]:
    """The words with a digit of a normalised title: :func:`kg.text.number_tokens` without
    its regex (quadratic in long words); equal on normalised text, where dots only sit
    between digits."""
    if _DIGIT.search(norm) is None:
        return []
    return [w for w in norm.split() if _DIGIT.search(w)]


def _content_words(norm: str) -> Counter[str]:
    return Counter(w for w in norm.split() if w not in STOPWORDS)


def _variant(a: str, b: str) -> bool:
    if a.rstrip("s") == b.rstrip("s"):
        return True
    return OSA.normalized_similarity(a, b) >= _VARIANT_SIMILARITY


def _has_variant(word: str, others: Sequence[str], stems: set[str]) -> bool:
    """Whether ``others`` holds a spelling variant of ``word`` (as :func:`_variant`)."""
    if word.rstrip("s") in stems:
        return True
    found = process.extractOne(
        word, others, scorer=OSA.normalized_similarity, score_cutoff=_VARIANT_SIMILARITY
    )
    return found is not None


#: More differing content words than this is a different title, whatever their spelling.
_MAX_DIFFERENT_WORDS = 6


def _guards_pass(norm_a: str, norm_b: str) -> bool:
    if _numbers(norm_a) != _numbers(norm_b):
        return False
    words_a, words_b = _content_words(norm_a), _content_words(norm_b)
    only_a, only_b = words_a - words_b, words_b - words_a  # multisets: repeats count
    if not only_a and not only_b:
        return True
    if sum(only_a.values()) + sum(only_b.values()) > _MAX_DIFFERENT_WORDS:
        return False
    return all(any(_variant(x, y) for y in only_b) for x in only_a) and all(
        any(_variant(y, x) for x in only_a) for y in only_b
    )


def title_similarity(a: str, b: str) -> float:
    """The fuzzy score (0-100) of two titles after :func:`kg.text.normalise_title`.

    Examples
    --------
    >>> round(title_similarity("Qwen2-Math Technical Report", "Qwen2.5-Math Technical Report"))
    96
    """
    return float(fuzz.ratio(normalise_title(a), normalise_title(b)))


def same_paper_title(a: str, b: str, *, threshold: float = FUZZY_THRESHOLD) -> bool:
    """Whether two titles name the same paper by kg's rules (equal keys, or fuzzy + guards).

    Examples
    --------
    >>> same_paper_title("Qwen2-Math Technical Report", "Qwen2.5-Math Technical Report")
    False
    >>> same_paper_title("Diffusion Models for Image Editing", "Diffusion Models for Video Editing")
    False
    >>> same_paper_title("Maximising Accuracy of Sparse Attention Kernels",
    ...                  "Maximizing Accuracy of Sparse Attention Kernels")
    True
    """
    if compact_key(a) == compact_key(b):
        return True
    na, nb = normalise_title(a), normalise_title(b)
    return fuzz.ratio(na, nb) >= threshold and _guards_pass(na, nb)


class _Links:
    """Union-find over record indices that refuses to join two different strong ids."""

    def __init__(self, papers: Sequence[Paper]) -> None:
        self.parent = list(range(len(papers)))
        # root -> the strong ids of its group; only groups that have one are stored
        self.arxiv: dict[int, frozenset[str]] = {
            i: frozenset((p.arxiv_id,)) for i, p in enumerate(papers) if p.arxiv_id
        }
        self.doi: dict[int, frozenset[str]] = {
            i: frozenset((p.doi,)) for i, p in enumerate(papers) if p.doi
        }

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> bool:
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return True
        empty: frozenset[str] = frozenset()
        ai, aj = self.arxiv.get(ri, empty), self.arxiv.get(rj, empty)
        di, dj = self.doi.get(ri, empty), self.doi.get(rj, empty)
        if (ai and aj and ai != aj) or (di and dj and di != dj):
            return False
        if rj < ri:
            ri, rj = rj, ri
        self.parent[rj] = ri
        if ai or aj:
            self.arxiv[ri] = ai | aj
        if di or dj:
            self.doi[ri] = di | dj
        return True


def _fuzzy_pairs(norms: Sequence[str], threshold: float) -> list[tuple[int, int]]:
    """Index pairs of distinct normalised titles that pass the fuzzy rule, blocked."""
    words_of = [set(n.split()) - STOPWORDS for n in norms]
    df = Counter(chain.from_iterable(words_of))
    # Rank words rarest first, ties alphabetically (two C-level sorts), so each title picks
    # its block keys with an integer sort. A word found in one title only (df 1) cannot be
    # shared, so pairs holding one are never blocks: most titles make one block, not three.
    order = sorted(sorted(df), key=df.__getitem__)
    rank = {w: r for r, w in enumerate(order)}
    shared_from = bisect_right([df[w] for w in order], 1)  # ranks below this have df 1
    # block key: a pair of ranks (a, b) as the integer a * n + b; a single rank as itself
    n = len(order) + 1
    blocks: defaultdict[int, list[int]] = defaultdict(list)
    for i, words in enumerate(words_of):
        rarest = sorted(map(rank.__getitem__, words))
        if len(rarest) >= BLOCK_KEYS:
            a, b, c = rarest[:3]
            if a >= shared_from:
                blocks[(a + 1) * n + b].append(i)
                blocks[(a + 1) * n + c].append(i)
            if b >= shared_from:
                blocks[(b + 1) * n + c].append(i)
        else:
            for r in rarest:
                if r >= shared_from:
                    blocks[r].append(i)

    def stems(i: int) -> set[str]:
        return {w.rstrip("s") for w in words_of[i]}

    pairs: set[tuple[int, int]] = set()
    ratio = fuzz.ratio
    for members in blocks.values():  # any order: the pairs are sorted at the end
        size = len(members)
        if size < 2 or size > _MAX_BLOCK:
            continue
        if size <= _SMALL_BLOCK:  # a plain loop beats cdist's set-up on a few titles
            hits = [
                (r, c)
                for r in range(size)
                for c in range(r + 1, size)
                if ratio(norms[members[r]], norms[members[c]], score_cutoff=threshold)
            ]
        else:
            choices = [norms[i] for i in members]
            scores = process.cdist(
                choices, choices, scorer=ratio, score_cutoff=threshold, workers=1
            )
            rows, cols = scores.nonzero()
            upper = rows < cols  # each unordered pair once, no diagonal
            hits = list(zip(rows[upper].tolist(), cols[upper].tolist(), strict=True))
        for r, c in hits:
            i, j = members[r], members[c]
            pair = (i, j) if i < j else (j, i)
            # cheap rejections first: numbers; too many different words; a word of one
            # title with no spelling variant anywhere in the other (then _guards_pass fails)
            if pair in pairs:
                continue
            wi, wj = words_of[i], words_of[j]
            if len(wi ^ wj) > _MAX_DIFFERENT_WORDS or _numbers(norms[i]) != _numbers(norms[j]):
                continue
            if not all(_has_variant(x, sorted(wj), stems(j)) for x in wi - wj):
                continue
            if not all(_has_variant(y, sorted(wi), stems(i)) for y in wj - wi):
                continue
            if _guards_pass(norms[i], norms[j]):
                pairs.add(pair)
    return sorted(pairs)


def _date_rank(date: str | None) -> tuple[int, str]:
    if not date:
        return (0, "")
    if date.startswith("--"):
        return (1, date)
    return (1 + date.count("-") + (1 if len(date) >= 4 else 0), date)


def _union_ordered(groups: Iterable[Iterable[str]]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for group in groups:
        for item in group:
            seen.setdefault(item, None)
    return tuple(seen)


_REF = attrgetter("path", "line", "format")
#: Every field but the sources: records equal on these are one entry seen several times.
_FIELDS = attrgetter(*(f.name for f in fields(Paper) if f.name != "sources"))


def _combine(records: Sequence[Paper]) -> Paper:
    """One Paper from the records of a group (records already in canonical order)."""
    first = records[0]
    if len(records) == 1:
        return first
    key = _FIELDS(first)
    if all(_FIELDS(r) == key for r in records[1:]):  # the same entry in several listings
        f = first
        return Paper(
            f.id, f.title, f.abstract, f.authors, f.n_authors, f.date, f.updated, f.upvotes,
            f.organisation, f.urls, f.arxiv_id, f.doi, f.categories,
            tuple(sorted({s for r in records for s in r.sources}, key=_REF)),
        )  # fmt: skip
    titles = Counter(r.title for r in records)
    title = min(titles, key=lambda t: (-titles[t], -len(t), t))
    arxiv = min((r.arxiv_id for r in records if r.arxiv_id), default=None)
    doi = min((r.doi for r in records if r.doi), default=None)
    abstract = min((r.abstract for r in records), key=lambda a: (-len(a), a))
    authors = min((r.authors for r in records), key=lambda a: (-len(a), a))
    counts = [r.n_authors for r in records if r.n_authors is not None]
    date = max((r.date for r in records), key=_date_rank)
    updated = max((r.updated for r in records), key=_date_rank)
    upvotes = max((r.upvotes for r in records if r.upvotes is not None), default=None)
    organisation = min((r.organisation for r in records if r.organisation), default=None)
    sources: tuple[SourceRef, ...] = tuple(
        sorted({s for r in records for s in r.sources}, key=_REF)
    )
    if arxiv or doi:
        pid = paper_id(title=title, arxiv_id=arxiv, doi=doi)
    else:  # the id of a record with the chosen title: no need to normalise it again
        pid = next(r.id for r in records if r.title == title)
    return Paper(
        id=pid,
        title=title,
        abstract=abstract,
        authors=authors,
        n_authors=len(authors) if authors else (max(counts) if counts else None),
        date=date,
        updated=updated,
        upvotes=upvotes,
        organisation=organisation,
        urls=_union_ordered(r.urls for r in records),
        arxiv_id=arxiv,
        doi=doi,
        categories=_union_ordered(r.categories for r in records),
        sources=sources,
    )


_ID_TITLE = attrgetter("id", "title")


def _tie_key(p: Paper) -> tuple[object, ...]:
    return (tuple(map(_REF, p.sources)), p.abstract)


def _canonical_order(papers: Iterable[Paper]) -> list[Paper]:
    """Records sorted by id and title, ties by sources and abstract.

    Sorting by the C-level (id, title) key first and only then ordering the short runs of
    ties is about twice as fast as one sort on the full key.
    """
    records = sorted(papers, key=_ID_TITLE)
    n, i = len(records), 0
    while i < n:
        key, j = _ID_TITLE(records[i]), i + 1
        while j < n and _ID_TITLE(records[j]) == key:
            j += 1
        if j - i > 1:
            records[i:j] = sorted(records[i:j], key=_tie_key)
        i = j
    return records


def merge_papers(
    papers: Iterable[Paper], *, fuzzy: bool = True, threshold: float = FUZZY_THRESHOLD
) -> tuple[Paper, ...]:
    """Merge records of the same paper; the result is sorted by paper id.

    Parameters
    ----------
    papers : iterable of Paper
        Records as the readers made them (one SourceRef each, or already merged).
    fuzzy : bool
        Also merge by fuzzy title (stage 3). Ids and exact title keys always merge.
    threshold : float
        The fuzz.ratio cut-off for stage 3.

    Returns
    -------
    tuple of Paper
        One Paper per distinct paper, keeping the richest value of each field (longest
        abstract and author list, most precise date, most upvotes) and every SourceRef.

    Examples
    --------
    >>> a = Paper(id="title:x", title="Hogwild! Inference", abstract="Short.",
    ...           sources=(SourceRef("a.txt", 1, "hf_listing"),))
    >>> b = Paper(id="arxiv:2504.06261", title="Hogwild Inference", abstract="Longer one.",
    ...           arxiv_id="2504.06261", sources=(SourceRef("b.atom", 9, "atom"),))
    >>> [(p.id, p.abstract, len(p.sources)) for p in merge_papers([a, b])]
    [('arxiv:2504.06261', 'Longer one.', 2)]
    """
    records = _canonical_order(papers)
    if not records:
        return ()
    links = _Links(records)
    # Stage 1: strong ids.
    first_with: dict[str, int] = {}
    for i, p in enumerate(records):
        if p.arxiv_id or p.doi:
            for key in (f"arxiv:{p.arxiv_id}", f"doi:{p.doi}"):
                if key.endswith(":None"):
                    continue
                if key in first_with:
                    links.union(first_with[key], i)
                else:
                    first_with[key] = i
    # Stage 2: the same title key (compact_key is the normalised title without spaces).
    titles = [p.title for p in records]
    norm_of = {t: normalise_title(t) for t in dict.fromkeys(titles)}
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate([norm_of[t].replace(" ", "") for t in titles]):
        by_key[key].append(i)
    for members in by_key.values():
        for i in members[1:]:
            links.union(members[0], i)
    # Stage 3: fuzzy titles, between distinct normalised titles.
    if fuzzy and len(by_key) > 1:
        norm_index: dict[str, list[int]] = {}
        for members in by_key.values():
            norm_index.setdefault(norm_of[records[members[0]].title], members)
        norms = sorted(norm_index)
        for i, j in _fuzzy_pairs(norms, threshold):
            links.union(norm_index[norms[i]][0], norm_index[norms[j]][0])
    # Parents always point to a smaller index (union keeps the smaller root), so one
    # ascending pass turns the parent list into the list of roots.
    root = links.parent
    for i in range(len(root)):
        root[i] = root[root[i]]
    groups: defaultdict[int, list[Paper]] = defaultdict(list)
    for r, p in zip(root, records, strict=True):
        groups[r].append(p)
    merged = [m[0] if len(m) == 1 else _combine(m) for m in groups.values()]
    merged.sort(key=_ID_TITLE)
    return tuple(merged)

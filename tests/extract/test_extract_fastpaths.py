"""The speed-ups give the same answers as the plain scans they replace."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.abbreviations import _best_long_form
from kg.extract.context import (
    _EVAL_BEFORE,
    _EVAL_BEFORE_REVERSED,
    _HEAD_BEFORE,
    _has_eval_word,
    _head_before,
)
from kg.extract.introductions import _presented_as_new
from kg.extract.lexicon import Lexicon, lower_same_length
from kg.extract.names import _MULTI, _dataset_lists, _may_name_multi
from kg.extract.repos import _URL, _url_matches
from kg.model import EntityType

_PIECES = st.sampled_from(
    [
        "https://",
        "http://",
        "HTTPS://",
        "ftp://",
        "://",
        "www.",
        "xwww.",
        "github.com/",
        "GitHub.com/",
        "hf.co/",
        "aka.ms/",
        "a",
        "Z",
        " ",
        "\n",
        ".",
        "/",
        "{",
        "(",
        ")",
        "x_y",
        "K",
        " v2",
        "\tv3",
        " via",
        "Olympiad",
        "Cup",
        "Math",
        "Depth",
        "NYU",
        "2024",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_url_matches_equal_plain_finditer(text: str) -> None:
    got = [m.span() for m in _url_matches(text, lower_same_length(text))]
    assert got == [m.span() for m in _URL.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_multi_prefilter_never_hides_a_match(text: str) -> None:
    if not _may_name_multi(text):
        assert _MULTI.search(text) is None


def test_url_matches_on_prose() -> None:
    text = "See https://github.com/a/b and www.x.org, then hf.co/d/e. Also xhttp://q.io"
    got = [text[slice(*m.span())] for m in _url_matches(text, lower_same_length(text))]
    assert got == [m.group() for m in _URL.finditer(text)]
    assert "https://github.com/a/b" in got


def _reference_long_form(short: str, candidate: str) -> int | None:
    """Schwartz & Hearst's loop, character by character (the original implementation)."""
    s, i = len(short) - 1, len(candidate) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while i >= 0 and (
            candidate[i].lower() != c or (s == 0 and i > 0 and candidate[i - 1].isalnum())
        ):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    return candidate.rfind(" ", 0, i + 1) + 1


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ABCDEFabcdef-+. 0\u0130\u212a", min_size=1, max_size=6),
    st.text(alphabet="ABCDEFabcdef -0\u0130\u212a", max_size=40),
)
def test_best_long_form_equals_reference(short: str, candidate: str) -> None:
    assert _best_long_form(short, candidate) == _reference_long_form(short, candidate)


_WINDOW_PIECES = st.sampled_from(
    [
        "datasets",
        "dataset",
        "benchmarks",
        "evaluation",
        "evaluated",
        "results",
        "tested",
        "test sets",
        "accuracy",
        "generates",
        "scores",
        "achieves",
        "improvement",
        "gains",
        "outperforms",
        "surpassing",
        "state-of-the-art",
        "SOTA",
        "4.5%",
        " on ",
        " across ",
        " including ",
        " such as ",
        " like ",
        " over ",
        "(e.g., ",
        "(i.e. ",
        "sets (",
        "marks (",
        "sets: ",
        "marks:",
        "sets\u2014",
        "marks \u2013 ",
        "Diverse Set",
        "the ",
        "GSM8K",
        "MATH",
        "A-1",
        "x.y",
        " (v2)",
        ", ",
        " and ",
        " or ",
        ", and ",
        " ",
        "\n",
        ".",
        ";",
        "(",
        ")",
        "on",
    ]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_WINDOW_PIECES, max_size=14).map("".join))
def test_reversed_eval_pattern_agrees_with_the_search(window: str) -> None:
    forward = _EVAL_BEFORE.search(window) is not None
    assert forward == (_EVAL_BEFORE_REVERSED.match(window[::-1]) is not None)


@settings(max_examples=600, deadline=None)
@given(st.lists(_WINDOW_PIECES, max_size=14).map("".join))
def test_eval_word_prefilter_never_hides_an_eval_clause(window: str) -> None:
    if _EVAL_BEFORE.search(window) is not None:
        assert _has_eval_word(window)
        assert _has_eval_word(window.upper())


def test_reversed_eval_pattern_examples() -> None:
    for window, expected in [
        ("We report results on GSM8K, ", True),
        ("evaluated on the ", True),
        ("three datasets (Hamlyn, ", True),
        ("accuracy (e.g., ", True),
        ("We propose a new ", False),
        ("results on GSM8K. Then ", False),
        ("results on A,\n", True),
        ("results on A\n", False),
        ("accuracy of 97.28% on ", True),
        ("outperforms Zorp-1 on A and ", True),
        ("shows gains over ", False),
        ("across three benchmarks: TruthfulQA, ", True),
        ("two datasets:\n", True),
        ("Benchmarks: ", True),
        ("our models: ", False),
        ("four established benchmarks\u2014PDBbind, ", True),
        ("datasets, including PoseBusters, Zorb Diverse Set, ", True),
    ]:
        assert (_EVAL_BEFORE.search(window) is not None) is expected, window
        assert (_EVAL_BEFORE_REVERSED.match(window[::-1]) is not None) is expected, window


_HEAD_PIECES = st.sampled_from(
    [
        "dataset",
        "datasets",
        "corpus",
        "model",
        "models",
        "submodel",
        "system",
        "ecosystem",
        "framework",
        "suite",
        "s",
        " ",
        "  ",
        "\n",
        ",",
        ", ",
        " called ",
        " named ",
        '"',
        "\u201c",
        "'",
        "new ",
        "X",
        "the ",
    ]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_HEAD_PIECES, max_size=10).map("".join))
def test_reversed_head_pattern_agrees_with_the_search(window: str) -> None:
    forward = _HEAD_BEFORE.search(window)
    assert _head_before(window) == (None if forward is None else forward.lastindex)


#: The plain scan that :func:`kg.extract.introductions._presented_as_new` replaces.
_NOVEL = re.compile(r"(?:,|\s--?|\s\u2014|\s+is)\s*an?\s+(?:new|novel)\b")

_NOVEL_PIECES = st.sampled_from(
    [
        "a",
        "an",
        "new",
        "novel",
        "renew",
        "anew",
        "newer",
        ",",
        "-",
        "--",
        "\u2014",
        "is",
        "this",
        "X",
        " ",
        "  ",
        "\n",
        "\t",
    ]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_NOVEL_PIECES, max_size=16).map("".join))
def test_new_wording_found_backwards_agrees_with_the_scan(text: str) -> None:
    assert list(_presented_as_new(text)) == [m.start() for m in _NOVEL.finditer(text)]


def test_new_wording_examples() -> None:
    text = "We build Zorp, a new model. Flim is a novel one. A renewal -- a new class."
    assert [text[i - 4 : i] for i in _presented_as_new(text)] == ["Zorp", "Flim", "ewal"]


_LEXICON = Lexicon(
    entries=(
        ("GSM8K", EntityType.BENCHMARK),
        ("MATH", EntityType.BENCHMARK),
        ("beam search", EntityType.METHOD),
        ("beam", EntityType.METHOD),
        ("orm", EntityType.METHOD),
        ("Llama", EntityType.MODEL),
        ("llama guard", EntityType.MODEL),
    ),
    stop=frozenset(),
    stop_folded=frozenset(),
)


def _reference_find(lexicon: Lexicon, text: str) -> list[tuple[int, int, EntityType]]:
    """Leftmost-longest over the lower-cased text, tried position by position; then a
    match inside a word is dropped and an exact-case entry must match its case."""
    low, names = lower_same_length(text), [(n.lower(), n, k) for n, k in lexicon.entries]
    found, i = [], 0
    while i < len(low):
        hits = [(len(key), key) for key, _, _ in names if low.startswith(key, i)]
        if not hits:
            i += 1
            continue
        key = max(hits)[1]
        end = i + len(key)
        if not (i and text[i - 1].isalnum()):
            spellings = sorted(
                ((None if " " in n or n == n.lower() else n), k) for lk, n, k in names if lk == key
            )
            for spelling, kind in sorted(spellings, key=lambda v: v[0] is None):
                if spelling is None or text[i:end] == spelling:
                    found.append((i, end, kind))
                    break
        i = end
    return found


_LEXICON_PIECES = st.sampled_from(
    [
        "GSM8K",
        "gsm8k",
        "MATH",
        "Math",
        "math",
        "beam",
        "Beam Search",
        "beam search",
        "form",
        "orm",
        "Llama",
        "llama",
        "LLAMA Guard",
        "x",
        "-",
        " ",
        "  ",
        "(",
        "é",
        "İ",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_LEXICON_PIECES, max_size=12).map("".join))
def test_lexicon_find_is_leftmost_longest_on_word_starts(text: str) -> None:
    assert list(_LEXICON.find(text)) == _reference_find(_LEXICON, text)


#: The plain scan that :func:`kg.extract.names._dataset_lists` replaces.
_DATASET_LIST = re.compile(
    r"\b(?:datasets?|benchmarks?|tasks|environments|suites?|corpora)\s*\(([^()]{2,200})\)"
)

_LIST_PIECES = st.sampled_from(
    [
        "datasets",
        "dataset",
        "benchmarks",
        "subtasks",
        "tasks",
        "suites",
        "corpora",
        "metadata",
        "(",
        ")",
        "((",
        " ",
        "\n",
        "A",
        "B, C",
        "x",
        ",",
    ]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_LIST_PIECES, max_size=16).map("".join))
def test_dataset_lists_found_from_parentheses_agree_with_the_scan(text: str) -> None:
    got = [(m.start(1), m.group(1)) for m in _dataset_lists(text)]
    assert got == [(m.start(1), m.group(1)) for m in _DATASET_LIST.finditer(text)]

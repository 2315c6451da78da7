"""The speed-ups give the same answers as the plain scans they replace."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.abbreviations import _best_long_form
from kg.extract.context import _EVAL_BEFORE, _EVAL_BEFORE_REVERSED, _HEAD_BEFORE, _head_before
from kg.extract.lexicon import lower_same_length
from kg.extract.names import _MULTI, _may_name_multi
from kg.extract.repos import _URL, _url_matches

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

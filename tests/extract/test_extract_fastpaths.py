"""The speed-ups give the same answers as the plain scans they replace."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.lexicon import lower_same_length
from kg.extract.names import _MULTI, _spaced_v
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
def test_spaced_v_prefilter_never_hides_a_match(text: str) -> None:
    if " v" in text and not _spaced_v(text):
        assert _MULTI.search(text) is None


def test_url_matches_on_prose() -> None:
    text = "See https://github.com/a/b and www.x.org, then hf.co/d/e. Also xhttp://q.io"
    got = [text[slice(*m.span())] for m in _url_matches(text, lower_same_length(text))]
    assert got == [m.group() for m in _URL.finditer(text)]
    assert "https://github.com/a/b" in got

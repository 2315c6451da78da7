"""Offsets always point at the text; hostile inputs finish quickly and do not crash."""

from __future__ import annotations

import itertools
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import extract
from kg.model import Paper

NAMEY = st.sampled_from(
    [
        "GPT-4o",
        "Qwen2.5-7B",
        "vLLM",
        "(",
        ")",
        "GSM8K",
        "https://github.com/a/b.",
        " ",
        "-",
        "we propose ",
        "Foo (FB)",
        "compared to ",
        "{new",
        ":",
        "É",
        "名前",
        "\n",
        "LoRA-based",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    title=st.text(max_size=80) | st.lists(NAMEY, max_size=8).map("".join),
    abstract=st.text(max_size=400) | st.lists(NAMEY, max_size=40).map("".join),
)
def test_offsets_always_match_the_field(title: str, abstract: str) -> None:
    paper = Paper(id="p", title=title, abstract=abstract)
    spans: dict[str, list[tuple[int, int]]] = {"title": [], "abstract": []}
    for m in extract(paper):
        text = getattr(paper, m.field.value)
        assert m.text == text[m.start : m.end]
        assert m.text
        assert m.sentence_start <= m.start < m.end <= m.sentence_end <= len(text)
        spans[m.field.value].append((m.start, m.end))
    for found in spans.values():
        found.sort()
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(found))


HOSTILE = {
    "megabyte": ("We propose FooNet, compared to vLLM on GSM8K. " * 22000)[:1_000_000],
    "parens": "(" * 100_000 + "A" + ")" * 1000,
    "hyphens": "aaaa-" * 100_000,
    "caps-hyphens": "Aa-" * 100_000,
    "urls": " ".join(f"https://github.com/u{i}/r{i}.git{{new" for i in range(20_000)),
    "url-run": "https://" + "a" * 200_000,
    "non-latin": "大型语言模型 Qwen2.5 模型 " * 20_000,
    "html": "<div><a href='https://x.io/a'>GPT-4</a></div>" * 10_000,
    "latex": r"\textbf{GPT-4} $\mathcal{O}(n^2)$ \cite{x} " * 10_000,
    "dots": "A." * 200_000,
    "digits": "7B-" * 100_000,
    "we-propose": "we propose " * 50_000,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_is_fast(name: str) -> None:
    paper = Paper(id="p", title=HOSTILE[name][:300], abstract=HOSTILE[name])
    began = time.perf_counter()
    mentions = extract(paper)
    assert time.perf_counter() - began < 30.0
    for m in mentions[:200]:
        assert m.text == getattr(paper, m.field.value)[m.start : m.end]

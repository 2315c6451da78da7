"""Merging duplicates: what must merge, what must never merge, and order independence."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.model import Paper, SourceRef
from kg.sources import read_papers
from kg.sources.merge import _numbers, merge_papers, same_paper_title
from kg.sources.records import make_paper
from kg.text import normalise_title, number_tokens


def _paper(title: str, line: int = 1, path: str = "a.txt", **fields: object) -> Paper:
    paper = make_paper(
        source=SourceRef(path, line, "test"),
        title=title,
        abstract=fields.pop("abstract", "Abstract."),
        **fields,
    )  # type: ignore[arg-type]
    assert isinstance(paper, Paper)
    return paper


NEVER = [
    ("Qwen2-Math Technical Report", "Qwen2.5-Math Technical Report"),
    ("GPT-4 Technical Report", "GPT-5 Technical Report"),
    (
        "Llama 2: Open Foundation and Fine-Tuned Chat Models",
        "Llama 3: Open Foundation and Fine-Tuned Chat Models",
    ),
    (
        "Efficient Attention Kernels for Long Context Language Model Inference",
        "Efficient Attention Kernels for Long Context Language Model Training",
    ),
    ("Diffusion Models for Image Editing", "Diffusion Models for Video Editing"),
    ("Scaling Test-Time Compute for Code", "Scaling Test-Time Compute for Math"),
    (
        "D4RL: Datasets for Deep Data-Driven Reinforcement Learning",
        "D5RL: Diverse Datasets for Data-Driven Deep Reinforcement Learning",
    ),
    (
        "Large Language Monkeys",
        "Large Language Monkeys: Scaling Inference Compute with Repeated Sampling",
    ),
    (
        "Inference-Time Scaling for Generalist Reward Modeling",
        "Inference-Time Scaling for Complex Tasks: Where We Stand and What Lies Ahead",
    ),
]

SAME = [
    (
        "Squeezed Attention: Accelerating Long Context Length LLM Inference",
        "Squeezed Attention: Accelerating Long Context Lenght LLM Inference",
    ),
    (
        "Maximising Accuracy of Sparse Attention Kernels",
        "Maximizing Accuracy of Sparse Attention Kernels",
    ),
    (
        "MiniPLM: Knowledge Distillation for Pre-Training Language Models",
        "MiniPLM: Knowledge Distillation for Pretraining Language Models",
    ),
    (
        "Hogwild! Inference: Parallel LLM Generation via Concurrent Attention",
        "hogwild inference - parallel llm generation via concurrent attention",
    ),
    ("Tree Search for Language Model Agents", "Tree Search for the Language Model Agents"),
    (
        "Self-Improving Robust Preference Optimization",
        "Self-Improving Robust Preference Optimisation",
    ),
]


@pytest.mark.parametrize(("a", "b"), NEVER)
def test_distinct_titles_never_merge(a: str, b: str) -> None:
    assert not same_paper_title(a, b) and not same_paper_title(b, a)
    assert len(merge_papers([_paper(a), _paper(b, 2)])) == 2


@pytest.mark.parametrize(("a", "b"), SAME)
def test_spelling_variants_merge(a: str, b: str) -> None:
    assert same_paper_title(a, b) and same_paper_title(b, a)
    (merged,) = merge_papers([_paper(a), _paper(b, 2, "b.txt")])
    assert len(merged.sources) == 2


def test_fuzzy_merge_can_be_turned_off() -> None:
    a, b = SAME[0]
    assert len(merge_papers([_paper(a), _paper(b, 2)], fuzzy=False)) == 2


def test_merge_by_id_keeps_richest_metadata_and_every_source() -> None:
    listing = _paper(
        "InstInfer: In-Storage Attention Offloading",
        13,
        "l.txt",
        abstract="Short.",
        date="--09-08",
        upvotes=2,
        n_authors=9,
    )
    atom = _paper(
        "InstInfer: In-storage attention offloading",
        10,
        "f.atom",
        abstract="A longer abstract.",
        date="2024-09-08",
        arxiv_id="2409.04992v1",
        authors=("A B", "C D"),
        categories=("cs.AR",),
    )
    other = _paper(
        "Completely different title",
        3,
        "s.json",
        abstract="x",
        arxiv_id="2409.04992",
        upvotes=5,
        organisation="Org",
    )
    (merged,) = merge_papers([listing, atom, other])
    assert merged.id == "arxiv:2409.04992"
    assert merged.abstract == "A longer abstract."
    assert (merged.date, merged.upvotes, merged.organisation) == ("2024-09-08", 5, "Org")
    assert merged.authors == ("A B", "C D") and merged.n_authors == 2
    assert merged.categories == ("cs.AR",)
    assert [(s.path, s.line) for s in merged.sources] == [
        ("f.atom", 10),
        ("l.txt", 13),
        ("s.json", 3),
    ]


def test_same_title_with_different_arxiv_ids_stays_apart() -> None:
    a = _paper("A Survey of Things", arxiv_id="2401.00001")
    b = _paper("A Survey of Things", 2, arxiv_id="2401.00002")
    c = _paper("A survey of things", 3)  # no id: joins the first group in canonical order
    merged = merge_papers([c, b, a])
    assert sorted(p.id for p in merged) == ["arxiv:2401.00001", "arxiv:2401.00002"]
    assert [len(p.sources) for p in merged] == [2, 1]


def test_merging_is_independent_of_input_order(seed_corpus: Path, examples_dir: Path) -> None:
    result = read_papers([seed_corpus, examples_dir / "samples"])
    records = [replace(p, sources=(s,)) for p in result.papers for s in p.sources]
    expected = merge_papers(records)
    rng = random.Random(7)
    for _ in range(3):
        rng.shuffle(records)
        assert merge_papers(records) == expected
    backwards = read_papers([examples_dir / "samples", seed_corpus])
    assert backwards.papers == result.papers


def test_seed_plus_samples_counts(seed_corpus: Path, examples_dir: Path) -> None:
    """Hand-verified: 22 sample records, 12 of them seed papers (same titles up to case and
    punctuation, one with a typo, Large Language Monkeys in two sample files), 10 new."""
    result = read_papers([seed_corpus, examples_dir / "samples"])
    assert result.problems == ()
    assert (result.entries, len(result.papers), result.merged) == (420, 283, 137)
    ids = {p.id for p in result.papers}
    assert {"arxiv:2409.04992", "arxiv:2411.09688", "arxiv:2407.21787"} <= ids
    sq = next(p for p in result.papers if p.id == "arxiv:2411.09688")
    assert sq.title == "Squeezed Attention: Accelerating Long Context Length LLM Inference"
    assert len(sq.sources) == 3
    assert "arxiv:2409.12122" in ids and "arxiv:2501.15383" in ids  # Qwen2.5-Math vs Qwen2.5-1M


def test_blocking_keeps_large_inputs_fast() -> None:
    import time

    rng = random.Random(1)
    words = [f"w{i}x" for i in range(3000)]
    titles = {" ".join(rng.sample(words, 8)) for _ in range(20000)}
    papers = [_paper(t.title(), i) for i, t in enumerate(sorted(titles))]
    start = time.perf_counter()
    merged = merge_papers(papers)
    assert time.perf_counter() - start < 20
    assert len(merged) == len(papers)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab1.2 -_Ü9xé"), max_size=40))
def test_fast_number_words_match_kg_text(text: str) -> None:
    norm = normalise_title(text)
    assert _numbers(norm) == list(number_tokens(norm))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_ascii_fast_path_of_normalise_title_matches_the_regex(text: str) -> None:
    """kg.text takes a translate() shortcut for ASCII titles (the reading hot path)."""
    from kg.text import _NON_WORD

    assert normalise_title(text) == " ".join(
        _NON_WORD.sub(" ", text.casefold()).replace("_", " ").split()
    )


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_ascii_fast_path_of_slug_matches_the_regex(text: str) -> None:
    """kg.ids.slug takes a translate() shortcut for ASCII text (every paper id needs one)."""
    from kg.ids import _SLUG_DROP, slug

    expected = _SLUG_DROP.sub("-", text.lower()).strip("-.")
    if len(expected) > 48:
        expected = expected[:48].rstrip("-.")
    assert slug(text) == expected


def test_small_block_loop_matches_cdist(seed_corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.sources import merge

    titles = sorted({normalise_title(p.title) for p in read_papers(seed_corpus).papers})
    variants = [t.replace("e", "a", 1) for t in titles[::3]] + [t + "s" for t in titles[1::5]]
    norms = sorted(set(titles + variants))
    looped = merge._fuzzy_pairs(norms, merge.FUZZY_THRESHOLD)
    monkeypatch.setattr(merge, "_SMALL_BLOCK", 0)
    assert merge._fuzzy_pairs(norms, merge.FUZZY_THRESHOLD) == looped
    assert len(looped) > 50

"""The Hugging Face Daily Papers listing reader, on the seed corpus and on crafted pages."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.model import Paper
from kg.sources import read_papers
from kg.sources.hf_listing import HEADER_LINES, parse_hf_listing

#: Hand-verified: title/abstract pairs per seed file (awk over the files: one abstract line
#: of >= 400 characters per entry, each preceded by its title two lines above).
SEED_ENTRIES = {
    "000_373dcfd55bbf55d0.txt": 94,
    "001_b2327261eb8d208d.txt": 104,
    "002_97276b3c0b5d13bf.txt": 69,
    "003_ecf7053f2575a472.txt": 82,
    "004_be2fcc7b8fdd4ca4.txt": 49,
}
#: Hand-verified: distinct titles over the five files (sort -u of the 398 title lines).
SEED_UNIQUE = 273


def _parse(path: Path) -> tuple[Paper, ...]:
    parsed = parse_hf_listing(path.read_text(encoding="utf-8"), path=str(path))
    assert parsed.problems == ()
    return parsed.papers


def test_every_seed_entry_is_found(seed_corpus: Path) -> None:
    for name, expected in SEED_ENTRIES.items():
        assert len(_parse(seed_corpus / name)) == expected, name
    result = read_papers(seed_corpus)
    assert result.entries == sum(SEED_ENTRIES.values()) == 398
    assert len(result.papers) == SEED_UNIQUE
    assert result.merged == 398 - SEED_UNIQUE
    assert result.problems == ()


def test_titles_and_abstracts_are_the_lines_they_came_from(seed_corpus: Path) -> None:
    """No abstract glued to a title: each title is its own line, the abstract two below."""
    for name in SEED_ENTRIES:
        path = seed_corpus / name
        lines = path.read_text(encoding="utf-8").split("\n")
        for paper in _parse(path):
            line = paper.sources[0].line
            assert lines[line - 1] == paper.title
            assert lines[line + 1] == paper.abstract
            assert len(paper.title) < 200 < 1000 < len(paper.abstract)


def test_header_lines_are_not_papers(seed_corpus: Path) -> None:
    titles = {p.title for p in read_papers(seed_corpus).papers}
    assert not titles & (HEADER_LINES | {"Sep 8", "Aug 20", "Mar 11", "Aug 7", "Dec 8"})
    assert not any(t.startswith(("•", "·")) or t.split()[-1] == "authors" for t in titles)


def test_metadata_attaches_to_the_right_paper(seed_corpus: Path) -> None:
    papers = {p.title.split(":")[0]: p for p in _parse(seed_corpus / "004_be2fcc7b8fdd4ca4.txt")}
    expected = {
        # title prefix: (n_authors, date, upvotes, organisation)
        "InstInfer": (9, "2024-09-08", 2, None),
        "Streamable Neural Audio Synthesis With Non-Causal Convolutions": (
            2,
            "2022-04-14",
            None,
            None,
        ),
        "ScaleCap": (13, "--06-24", 1, None),
        "Sleep-time Compute": (7, "--04-17", 3, None),
        "Experience-Guided Adaptation of Inference-Time Reasoning Strategies": (
            None,
            None,
            None,
            None,
        ),
        "Multi-Temporal Relationship Inference in Urban Areas": (6, "2023-06-15", None, None),
        "Fin-PRM": (None, "--08-20", 2, "DianJin Qwen DianJin"),
        "Latency Adjustable Transformer Encoder for Language Understanding": (
            2,
            "2022-01-10",
            None,
            None,
        ),
        "A Survey on Inference Engines for Large Language Models": (6, "--05-02", 5, None),
        "Efficient Online Processing with Deep Neural Networks": (1, "2023-06-23", None, None),
        "Flover": (7, "2023-05-22", None, None),
    }
    for prefix, (n, date, upvotes, org) in expected.items():
        p = papers[prefix]
        assert (p.n_authors, p.date, p.upvotes, p.organisation) == (n, date, upvotes, org), prefix


def test_merged_seed_paper_keeps_metadata_and_every_source(seed_corpus: Path) -> None:
    papers = {p.title: p for p in read_papers(seed_corpus).papers}
    p = papers["Efficient Online Processing with Deep Neural Networks"]
    assert [s.path.rsplit("/", 1)[-1][:3] for s in p.sources] == ["000", "001", "002", "003", "004"]
    assert (p.n_authors, p.date) == (1, "2023-06-23")


PAGE = """new

Daily Papers

Sep 8

Title With No Abstract

Second Paper: A Method

We propose a method. It works well on many benchmarks and is described here.

  • 3 authors
·
Jan 2, 2024 7

  • 4 authors
·
Jan 3, 2024

"""
PAGE += "An abstract with no title before it, which the reader must notice. " * 5 + "\n"


def test_structural_problems_are_reported_once_with_lines() -> None:
    parsed = parse_hf_listing(PAGE, path="page.txt")
    assert [(p.title, p.n_authors, p.date, p.upvotes) for p in parsed.papers] == [
        ("Second Paper: A Method", 3, "2024-01-02", 7)
    ]
    assert [str(p) for p in parsed.problems] == [
        "page.txt:7: title with no abstract: Title With No Abstract",
        "page.txt:17: metadata block with no paper before it",
        "page.txt:21: abstract with no title before it",
    ]


def test_a_short_line_where_a_title_belongs_is_a_title() -> None:
    """Even ending with a full stop; a short orphan abstract then shows as a lone title."""
    parsed = parse_hf_listing("Ends With A Stop.\n\nWe study it.\n", path="s")
    assert [(p.title, p.abstract) for p in parsed.papers] == [("Ends With A Stop.", "We study it.")]


def test_wrapped_title_and_abstract_are_joined() -> None:
    page = "A Title Wrapped\nOver Two Lines\n\nAn abstract\nalso wrapped.\n"
    (paper,) = parse_hf_listing(page, path="w").papers
    assert (paper.title, paper.abstract) == (
        "A Title Wrapped Over Two Lines",
        "An abstract also wrapped.",
    )


def test_title_at_end_of_file_without_abstract() -> None:
    parsed = parse_hf_listing("A Title\n\nAn abstract.\n\nDangling Title\n", path="x")
    assert [p.title for p in parsed.papers] == ["A Title"]
    assert [str(p) for p in parsed.problems] == ["x:5: title with no abstract: Dangling Title"]


def test_crlf_and_nul_bytes() -> None:
    crlf = "Daily Papers\r\n\r\nA Title\r\n\r\nAn abstract.\r\n"
    assert [p.abstract for p in parse_hf_listing(crlf, path="x").papers] == ["An abstract."]
    parsed = parse_hf_listing("Bad\x00Title\n\nAbstract.\n\nGood\n\nFine.\n", path="n")
    assert [p.title for p in parsed.papers] == ["Good"]
    assert [str(p) for p in parsed.problems] == ["n:1: NUL byte in the record"]


_LINES = st.sampled_from(
    [
        *sorted(HEADER_LINES),
        "",
        "",
        "Sep 8",
        "  • 9 authors",
        "·",
        "Sep 8, 2024 2",
        "Jun 24 1",
        "DianJin Qwen DianJin",
        "A Title: With Words",
        "We propose X. It works.",
        "x" * 400,
        "Title?",
        "\x00",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINES, max_size=40))
def test_listing_like_text_never_crashes(lines: list[str]) -> None:
    parsed = parse_hf_listing("\n".join(lines), path="h.txt")
    for paper in parsed.papers:
        assert paper.title and paper.abstract
        assert paper.title not in HEADER_LINES
    for problem in parsed.problems:
        assert problem.path == "h.txt" and problem.line >= 1


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_arbitrary_text_never_crashes(text: str) -> None:
    parsed = parse_hf_listing(text, path="h.txt")
    assert all(p.title and p.abstract for p in parsed.papers)

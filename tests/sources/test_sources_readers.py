"""Every structured reader on the hand-written samples and on crafted bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.model import Paper
from kg.sources import FORMATS, read_papers
from kg.sources.atom import parse_atom
from kg.sources.bibtex import parse_bibtex
from kg.sources.csv_records import parse_csv
from kg.sources.json_records import inverted_index_text, parse_json, parse_jsonl, shape_of


def _read(examples_dir: Path, name: str) -> dict[str, Paper]:
    parsed = read_papers(examples_dir / "samples" / name, fuzzy=False)
    assert parsed.problems == ()
    return {p.title: p for p in parsed.papers}


def test_formats_table_names_every_reader() -> None:
    assert sorted(FORMATS) == ["atom", "bibtex", "csv", "hf_listing", "json", "jsonl"]


def test_atom_sample(examples_dir: Path) -> None:
    papers = _read(examples_dir, "arxiv.atom")
    assert len(papers) == 4
    p = papers[
        "FlexGen: High-Throughput Generative Inference of Large Language Models with a Single GPU"
    ]
    assert p.id == "arxiv:2303.06865" and p.arxiv_id == "2303.06865"
    assert p.authors == ("Ying Sheng", "Lianmin Zheng", "Binhang Yuan") and p.n_authors == 3
    assert (p.date, p.updated) == ("2023-03-13", "2023-06-12")
    assert p.categories == ("cs.LG", "cs.AI")
    assert p.urls == ("http://arxiv.org/abs/2303.06865v2", "http://arxiv.org/pdf/2303.06865v2")
    assert p.abstract.startswith("We present FlexGen, a high-throughput") and "\n" not in p.abstract
    assert p.sources[0].line == 31 and p.sources[0].format == "atom"
    m = next(p for p in papers.values() if p.arxiv_id == "2407.02490")
    assert m.doi == "10.48550/arxiv.2407.02490" and m.categories == ("cs.CL",)


def test_atom_refuses_dtd_and_entities() -> None:
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;">]>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        "<entry><title>&lol2;</title><summary>x</summary></entry></feed>"
    )
    parsed = parse_atom(bomb, path="b.atom")
    assert parsed.papers == ()
    assert [str(p) for p in parsed.problems] == [
        "b.atom:2: XML with a DTD or entity declarations is refused (unsafe)"
    ]


def test_atom_invalid_xml_is_one_problem() -> None:
    parsed = parse_atom(
        '<feed xmlns="http://www.w3.org/2005/Atom">\n<entry><title>x</entry>', path="t"
    )
    assert parsed.papers == () and len(parsed.problems) == 1
    assert parsed.problems[0].line == 2 and "invalid XML" in parsed.problems[0].reason


def test_bibtex_sample_decodes_latex(examples_dir: Path) -> None:
    papers = _read(examples_dir, "papers.bib")
    assert len(papers) == 4
    flash = papers["FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness"]
    assert flash.authors[-1] == "Christopher Ré"
    assert "15% faster" in flash.abstract and "{" not in flash.abstract
    assert flash.doi == "10.48550/arxiv.2205.14135" and flash.id == "arxiv:2205.14135"
    assert flash.categories == ("attention", "GPU kernels")
    kv = papers["Über-Compression of the KV Cache with Quantization-Aware Naïve Pruning"]
    assert kv.authors == ("Jörg Müller", "María García") and kv.date == "2024"
    hog = papers["Hogwild! Inference: Parallel LLM Generation via Concurrent Attention"]
    assert hog.arxiv_id == "2504.06261" and hog.date == "2025-04"
    assert hog.authors == ("Gleb Rodionov", "Roman Garipov", "Alina Shutova")  # "others" dropped
    assert hog.abstract.startswith("Large Language Models can solve") and "  " not in hog.abstract


def test_bibtex_broken_entry_is_skipped_and_neighbours_read() -> None:
    bib = (
        "@article{a, title={First}, abstract={One.}}\n\n"
        "@article{b, title={Broken\n"
        "@misc{c, title={Third}, abstract={Three.}}\n"
    )
    parsed = parse_bibtex(bib, path="r.bib")
    assert [p.title for p in parsed.papers] == ["First", "Third"]
    assert [(p.line, p.reason.startswith("invalid BibTeX")) for p in parsed.problems] == [(3, True)]


def test_plain_json_and_jsonl(examples_dir: Path) -> None:
    papers = _read(examples_dir, "papers.json")
    assert len(papers) == 3
    qwen = papers[
        "Qwen2.5-Math Technical Report: Toward Mathematical Expert Model via Self-Improvement"
    ]
    assert (qwen.id, qwen.date, qwen.organisation) == ("arxiv:2409.12122", "2024-09-18", "Qwen")
    monkeys = papers["Large Language Monkeys: Scaling Inference Compute with Repeated Sampling"]
    assert monkeys.upvotes == 12 and monkeys.n_authors == 7
    assert monkeys.urls == ("https://arxiv.org/abs/2407.21787",)
    assert papers["Efficient Online Processing with Deep Neural Networks"].date == "2023"
    lines = _read(examples_dir, "papers.jsonl")
    assert sorted(p.id for p in lines.values()) == [
        "arxiv:2501.12948",
        "arxiv:2501.15383",
        "arxiv:2504.13171",
    ]
    assert [p.sources[0].line for p in sorted(lines.values(), key=lambda p: p.id)] == [1, 2, 3]


def test_semantic_scholar(examples_dir: Path) -> None:
    papers = _read(examples_dir, "semantic_scholar.json")
    dpo = papers["Direct Preference Optimization: Your Language Model is Secretly a Reward Model"]
    assert (dpo.id, dpo.doi, dpo.date) == (
        "arxiv:2305.18290",
        "10.48550/arxiv.2305.18290",
        "2023-05-29",
    )
    assert dpo.authors == ("Rafael Rafailov", "Archit Sharma")
    assert "https://arxiv.org/pdf/2305.18290" in dpo.urls
    # each record's line is the line of its opening brace
    assert sorted(p.sources[0].line for p in papers.values()) == [5, 16, 28]


def test_openalex_inverted_index(examples_dir: Path) -> None:
    papers = _read(examples_dir, "openalex.json")
    lean = papers["LeanDojo: Theorem Proving with Retrieval-Augmented Language Models"]
    assert lean.abstract.startswith("We introduce LeanDojo, an open-source Lean playground with")
    assert lean.abstract.endswith("outperforms GPT-4 on the LeanDojo Benchmark.")
    assert lean.doi == "10.48550/arxiv.2306.15626" and lean.id == "arxiv:2306.15626"
    assert lean.authors == ("Kaiyu Yang", "Anima Anandkumar") and lean.date == "2023-06-27"
    tot = papers["Tree of Thoughts: Deliberate Problem Solving with Large Language Models"]
    assert tot.arxiv_id == "2305.10601" and "Game of 24 tasks" in tot.abstract


def test_inverted_index_ignores_garbage() -> None:
    assert inverted_index_text({"a": [1], "b": "x", "c": [0, -5, "z"]}) == "c a"
    assert inverted_index_text(None) == ""


@pytest.mark.parametrize(
    ("record", "shape"),
    [
        ({"abstract_inverted_index": {}}, "openalex"),
        ({"id": "https://openalex.org/W1"}, "openalex"),
        ({"externalIds": {}}, "semantic_scholar"),
        ({"title": "x", "abstract": "y"}, "plain"),
    ],
)
def test_json_shapes(record: dict[str, object], shape: str) -> None:
    assert shape_of(record) == shape


def test_csv_sample(examples_dir: Path) -> None:
    papers = _read(examples_dir, "papers.csv")
    assert len(papers) == 3
    sq = papers["Squeezed Attention: Accelerating Long Context Lenght LLM Inference"]
    assert sq.authors == ("Coleman Hooper", "Sehoon Kim", "Hiva Mohammadzadeh")
    assert (sq.upvotes, sq.categories, sq.date) == (8, ("cs.CL", "cs.LG"), "2024-11-14")
    assert sorted(p.sources[0].line for p in papers.values()) == [2, 3, 4]


def test_csv_bad_rows_are_reported() -> None:
    data = 'title,abstract\nA,One.\nB,Two.,extra\n"C,Three.\n'
    parsed = parse_csv(data, path="p.csv")
    assert [p.title for p in parsed.papers] == ["A"]
    assert [p.line for p in parsed.problems][:1] == [3]
    assert parse_csv("name_only\nx\n", path="q.csv").problems[0].reason == (
        "CSV header names no 'title' column"
    )


def test_tsv_is_read() -> None:
    parsed = parse_csv("title\tabstract\nA, with comma\tText.\n", path="p.tsv")
    assert [p.title for p in parsed.papers] == ["A, with comma"]


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "title",
                    "abstract",
                    "authors",
                    "date",
                    "year",
                    "doi",
                    "arxiv_id",
                    "id",
                    "externalIds",
                    "authorships",
                    "abstract_inverted_index",
                    "url",
                    "x",
                ]
            ),
            children,
            max_size=6,
        )
    ),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_JSON, max_size=5))
def test_arbitrary_json_records_never_crash(records: list[object]) -> None:
    text = json.dumps(records)
    for parsed in (
        parse_json(text, path="a.json"),
        parse_jsonl("\n".join(map(json.dumps, records)), path="a.jsonl"),
    ):
        assert all(p.title and p.abstract for p in parsed.papers)
        assert all(p.line >= 1 for p in parsed.problems)


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_arbitrary_text_never_crashes_json_readers(text: str) -> None:
    for parsed in (
        parse_json(text, path="a.json"),
        parse_jsonl(text, path="a.jsonl"),
        parse_json("[" + text, path="b.json"),
    ):
        assert all(p.line >= 1 for p in parsed.problems)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from('@article{},= \n"\\abcitle%#'), max_size=200))
def test_arbitrary_bibtex_never_crashes(text: str) -> None:
    parsed = parse_bibtex(text, path="f.bib")
    assert all(p.line >= 1 for p in parsed.problems)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from('<>/="feedntrytitlesumay xmlns!&;\n'), max_size=200))
def test_arbitrary_xml_never_crashes(text: str) -> None:
    parsed = parse_atom(text, path="f.atom")
    assert all(p.line >= 1 for p in parsed.problems)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_csv_never_crashes(text: str) -> None:
    parsed = parse_csv("title,abstract\n" + text, path="f.csv")
    assert all(p.title and p.abstract for p in parsed.papers)

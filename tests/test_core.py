"""The shared foundations: ids, text normalisation, atomic writes, and every doctest in kg/."""

from __future__ import annotations

import doctest
import importlib
import itertools
import pkgutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kg
from kg.atomic import atomic_open, write_atomic
from kg.ids import entity_id, paper_id, slug
from kg.text import compact_key, normalise_title, number_tokens, sentence_spans


def _kg_modules() -> list[str]:
    names = ["kg"]
    for info in pkgutil.walk_packages(kg.__path__, prefix="kg."):
        names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("module_name", _kg_modules())
def test_doctests(module_name: str) -> None:
    module = importlib.import_module(module_name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Qwen2-Math Technical Report", "Qwen2.5-Math Technical Report"),
        ("GPT-4 Technical Report", "GPT-5 Technical Report"),
        ("SATCOMP-2022", "SATCOMP-2023"),
    ],
)
def test_number_tokens_tell_versions_apart(a: str, b: str) -> None:
    assert number_tokens(a) != number_tokens(b)


@pytest.mark.parametrize(
    "variants",
    [("LLaMA-3", "Llama 3", "LLaMA3", "llama-3"), ("Pre-Training", "pre training", "PreTraining")],
)
def test_compact_key_joins_spellings(variants: tuple[str, ...]) -> None:
    assert len({compact_key(v) for v in variants}) == 1


def test_paper_id_prefers_arxiv_then_doi_then_title() -> None:
    assert paper_id(title="T", arxiv_id="arXiv:2409.04992v2", doi="10.1/x") == "arxiv:2409.04992"
    assert paper_id(title="T", doi="https://doi.org/10.1145/ABC") == "doi:10.1145/abc"
    assert paper_id(title="A Title") == paper_id(title="a  title!")
    assert paper_id(title="A Title") != paper_id(title="A Title 2")


@given(st.text())
def test_ids_and_slugs_are_total_and_safe(text: str) -> None:
    s = slug(text)
    assert s == "" or (s.isascii() and " " not in s and ">" not in s)
    pid = paper_id(title=text)
    assert pid.startswith("title:") and pid.isascii() and " " not in pid
    eid = entity_id("method", text or "x")
    assert eid.startswith("method:") and eid.isascii()


@given(st.text())
def test_sentence_spans_cover_text_in_order(text: str) -> None:
    spans = sentence_spans(text)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    for (s1, e1), (s2, _) in itertools.pairwise(spans):
        assert s1 <= e1 <= s2
        assert text[e1:s2].strip() == ""


@given(st.text())
def test_normalise_title_is_idempotent(text: str) -> None:
    once = normalise_title(text)
    assert normalise_title(once) == once


def test_atomic_write_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "graph.ttl"
    write_atomic(target, "first\n")
    write_atomic(target, b"second\n")
    assert target.read_bytes() == b"second\n"
    assert [p.name for p in target.parent.iterdir()] == ["graph.ttl"]


def test_atomic_write_keeps_old_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_open(target) as fh:
        fh.write("half of the new")
        raise RuntimeError("boom")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]

"""Detection, paths (directories, stdin) and bad input: reported once, skipped, run goes on."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.sources import read_papers
from kg.sources.detect import detect_format

GOOD = {"title": "A Good Paper", "abstract": "We propose a good method."}


@pytest.mark.parametrize(
    ("head", "name", "expected"),
    [
        ('<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', "", "atom"),
        ("<feed><entry>", "x.txt", "atom"),
        ('[{"title": "A"}]', "x.txt", "json"),
        ('{"data": [{"title": "A"}]}', "", "json"),
        ('{"title": "A"}\n{"title": "B"}\n', "x.json", "jsonl"),
        ("% comment\n@article{key,\n title={A}}", "", "bibtex"),
        ("new\n\nGet trending papers in your email inbox!\n", "x.csv", "hf_listing"),
        ("title,abstract,authors\nA,B,C\n", "", "csv"),
        ("\ufeff  title\tabstract\n", "", "csv"),
        ("Some Title\n\nSome abstract.\n", "x.txt", "hf_listing"),
        ("???", "x.BIB", "bibtex"),
        ("???", "x.ndjson", "jsonl"),
        ("just words", "", None),
        ("just words", "x.png", None),
    ],
)
def test_detect_format(head: str, name: str, expected: str | None) -> None:
    assert detect_format(head, name=name) == expected


def test_truncated_json_keeps_good_records(tmp_path: Path) -> None:
    text = json.dumps([GOOD, {**GOOD, "title": "Second"}], indent=1)[:-40]
    (tmp_path / "t.json").write_text(text)
    result = read_papers(tmp_path / "t.json")
    assert [p.title for p in result.papers] == ["A Good Paper"]
    (problem,) = result.problems
    assert problem.path.endswith("t.json") and problem.line == 8
    assert problem.reason.startswith("truncated or invalid JSON")


def test_title_without_abstract_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(
        json.dumps(GOOD) + "\n" + json.dumps({"title": "Lonely"}) + "\n"
    )
    result = read_papers(tmp_path)
    assert result.entries == 1
    assert [(p.line, p.reason) for p in result.problems] == [(2, "title with no abstract: Lonely")]


def test_invalid_utf8_is_reported_and_replaced(tmp_path: Path) -> None:
    data = b"Daily Papers\n\nCaf\xe9 Title\n\nAn abstract with a bad byte \xff here.\n"
    (tmp_path / "bad.txt").write_bytes(data)
    result = read_papers(tmp_path / "bad.txt")
    assert [p.title for p in result.papers] == ["Caf\ufffd Title"]
    (problem,) = result.problems
    assert (
        problem.line == 3 and "invalid UTF-8" in problem.reason and "replacement" in problem.reason
    )


def test_ten_megabyte_field_is_skipped(tmp_path: Path) -> None:
    huge = {"title": "Huge", "abstract": "x" * 10_000_000}
    (tmp_path / "h.jsonl").write_text(json.dumps(huge) + "\n" + json.dumps(GOOD) + "\n")
    result = read_papers(tmp_path / "h.jsonl")
    assert [p.title for p in result.papers] == ["A Good Paper"]
    assert [(p.line, p.reason) for p in result.problems] == [
        (1, "abstract has 10000000 characters, over the limit of 1000000")
    ]


def test_nul_bytes_are_reported(tmp_path: Path) -> None:
    lines = [json.dumps({**GOOD, "title": "Bad\u0000Title"}), json.dumps(GOOD)]
    (tmp_path / "n.jsonl").write_text("\n".join(lines))
    result = read_papers(tmp_path / "n.jsonl")
    assert result.entries == 1 and [p.reason for p in result.problems] == ["NUL byte in the record"]


def test_unknown_format_is_reported_with_the_names(tmp_path: Path) -> None:
    (tmp_path / "blob").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = read_papers(tmp_path / "blob")
    (problem,) = result.problems
    assert (
        "binary file" in problem.reason
        and "atom, bibtex, csv, hf_listing, json, jsonl" in problem.reason
    )
    with pytest.raises(
        InputError, match="available formats: atom, bibtex, csv, hf_listing, json, jsonl"
    ):
        read_papers(tmp_path / "blob", format="pdf")


def test_undetectable_text_is_an_unknown_format(tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("just some words\n")
    (problem,) = read_papers(tmp_path / "notes").problems
    assert problem.reason.startswith("unknown format (not recognised by content or extension)")


def test_forced_format(tmp_path: Path) -> None:
    (tmp_path / "blob").write_text(json.dumps(GOOD) + "\n")
    assert read_papers(tmp_path / "blob", format="jsonl").entries == 1


def test_missing_and_unreadable_files_raise_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^cannot read .*nope\.txt: no such file or directory$"):
        read_papers(tmp_path / "nope.txt")
    locked = tmp_path / "locked.txt"
    locked.write_text("x")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Path, "read_bytes", refuse)
        with pytest.raises(InputError, match=r"^cannot read .*locked\.txt: Permission denied$"):
            read_papers(locked)


def test_directories_are_read_recursively(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a" / "b" / "deep.jsonl").write_text(json.dumps(GOOD) + "\n")
    (tmp_path / "a" / "top.csv").write_text("title,abstract\nAnother,Text.\n")
    (tmp_path / ".hidden" / "x.jsonl").write_text(json.dumps({**GOOD, "title": "Hidden"}) + "\n")
    (tmp_path / "notes.md").write_text("# not a listing\n")
    seen: list[str] = []
    result = read_papers(tmp_path, progress=lambda path, n: seen.append(Path(path).name))
    assert sorted(p.title for p in result.papers) == ["A Good Paper", "Another"]
    assert seen == ["deep.jsonl", "top.csv"] and result.problems == ()


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = ("\ufeff" + json.dumps([GOOD])).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    result = read_papers(["-"])
    assert [p.sources[0].path for p in result.papers] == ["-"]
    assert result.papers[0].sources[0].format == "json"


def test_strict_raises_at_the_first_problem(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text("{oops\n" + json.dumps({"title": "x"}) + "\n")
    with pytest.raises(InputError, match=r"a\.jsonl:1: invalid JSON"):
        read_papers(tmp_path / "a.jsonl", strict=True)
    assert len(read_papers(tmp_path / "a.jsonl").problems) == 2


def test_each_problem_is_reported_once(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_bytes(
        b"Daily Papers\n\nOnly Title\n\nOther \xff Title\n\nFine abstract.\n"
    )
    problems = read_papers(tmp_path).problems
    assert len(problems) == len(set(problems)) == 2
    assert [p.line for p in problems] == [5, 3]  # decoding first, then the reader's findings

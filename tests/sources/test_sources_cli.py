"""``kg papers``: JSON Lines on stdout, problems and summary on stderr, strict mode, errors."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from kg_cli.main import cli


def test_json_lines_on_stdout_summary_on_stderr(seed_corpus: Path, examples_dir: Path) -> None:
    result = CliRunner().invoke(
        cli, ["papers", str(seed_corpus), str(examples_dir / "samples"), "--json"]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 283
    assert [r["id"] for r in rows] == sorted(r["id"] for r in rows)
    assert set(rows[0]) == {
        "id",
        "title",
        "abstract",
        "authors",
        "n_authors",
        "date",
        "updated",
        "upvotes",
        "organisation",
        "urls",
        "arxiv_id",
        "doi",
        "categories",
        "sources",
    }
    insta = next(r for r in rows if r["id"] == "arxiv:2409.04992")
    assert insta["n_authors"] == 3 and insta["upvotes"] == 2 and insta["date"] == "2024-09-08"
    assert any(s.endswith("004_be2fcc7b8fdd4ca4.txt:13:hf_listing") for s in insta["sources"])
    assert result.stderr.strip() == (
        "420 entries read from 12 files: 283 papers, 137 duplicates merged, 0 records skipped"
    )


def test_table_for_people(examples_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["papers", str(examples_dir / "samples" / "papers.csv")])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["id", "date", "upvotes", "sources", "title"]
    assert len(lines) == 2 + 3 and "GPT-4 Technical Report" in result.stdout


def test_problems_once_each_then_strict(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "Good", "abstract": "Fine."}\n{broken\n{"title": "No abstract"}\n')
    runner = CliRunner()
    result = runner.invoke(cli, ["papers", str(bad), "--json"])
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1
    errors = result.stderr.splitlines()
    assert errors[0].startswith(f"{bad}:2: invalid JSON")
    assert errors[1] == f"{bad}:3: title with no abstract: No abstract"
    assert (
        errors[2] == "1 entries read from 1 files: 1 papers, 0 duplicates merged, 2 records skipped"
    )
    strict = runner.invoke(cli, ["papers", str(bad), "--strict"])
    assert strict.exit_code == 1
    assert strict.stderr.startswith(f"Error: {bad}:2: invalid JSON")
    assert len(strict.stderr.splitlines()) == 1 and "Traceback" not in strict.output


def test_unreadable_source_is_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["papers", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"Error: cannot read {tmp_path / 'missing.txt'}: no such file or directory\n"
    )
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_stdin_quiet_and_format(examples_dir: Path) -> None:
    data = (examples_dir / "samples" / "papers.jsonl").read_bytes()
    result = CliRunner().invoke(cli, ["papers", "-", "--json", "--quiet"], input=data)
    assert result.exit_code == 0 and result.stderr == ""
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert all(r["sources"][0].startswith("-:") for r in rows) and len(rows) == 3
    bad = CliRunner().invoke(cli, ["papers", "-", "--format", "pdf"], input=data)
    assert (
        bad.exit_code == 2
        and "'atom', 'bibtex', 'csv', 'hf_listing', 'json', 'jsonl'" in bad.stderr
    )


def test_no_progress_when_stderr_is_not_a_terminal(examples_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["papers", str(examples_dir / "samples")])
    assert "\r" not in result.stderr and len(result.stderr.splitlines()) == 1

"""The whole pipeline on hostile and broken input: nothing sinks the run, nothing leaks.

Each stage has its own tests; these check what only the chain can show: that bad records are
reported and skipped while good ones go all the way to a valid RDF export and a safe page,
and that the same input gives the same bytes in every output file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph
import pytest

import kg
from kg.rdf import validate

HOSTILE = '<img src=x onerror=alert(1)>: A > B for "Quoted" Names \u2028 🧪 名前'


@pytest.fixture(scope="module")
def hostile_sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sources")
    records = [
        {
            "title": HOSTILE,
            "abstract": (
                "We propose <script>alert(2)</script>FooNet, evaluated on GSM8K and compared "
                "with FlexGen. Code: https://github.com/Some One/foo>net."
            ),
            "authors": ["<b>Eve</b>", "Zoë Ångström"],
            "date": "2024-02-30",
            "url": "javascript:alert(3)",
        },
        {
            "title": "FlexGen: High-Throughput Generative Inference with a Single GPU",
            "abstract": "We present FlexGen, an offloading engine evaluated on HELM.",
            "arxiv_id": "2303.06865",
        },
        {"title": "", "abstract": "A record with no title."},
        {"title": "Huge", "abstract": "x" * 2_000_000},
    ]
    (root / "papers.json").write_text(json.dumps(records), encoding="utf-8")
    (root / "broken.jsonl").write_text('{"title": "Truncated JSON line", "abstr\n', "utf-8")
    (root / "latin1.csv").write_bytes(
        "title,abstract\nCaf\xe9 Models,We evaluate TabPFN on OpenML-CC18.\n".encode("latin-1")
    )
    (root / "nul.txt").write_bytes(b"Title\x00with NUL\n\n" + b"An abstract " * 40 + b"\n")
    return root


@pytest.fixture(scope="module")
def built(hostile_sources: Path, tmp_path_factory: pytest.TempPathFactory) -> kg.BuildResult:
    return kg.build([hostile_sources], tmp_path_factory.mktemp("ws") / "out")


def test_bad_records_are_reported_and_good_ones_kept(built: kg.BuildResult) -> None:
    titles = {d["title"] for _, d in kg.load(built.directory).nodes(data=True) if "title" in d}
    assert HOSTILE in titles
    assert "FlexGen: High-Throughput Generative Inference with a Single GPU" in titles
    reasons = " | ".join(str(p) for p in built.problems)
    assert "papers.json" in reasons and "broken.jsonl" in reasons, reasons
    assert all(p.line >= 1 for p in built.problems)


def test_export_of_hostile_input_is_valid_rdf(built: kg.BuildResult) -> None:
    ttl = built.directory / "graph.ttl"
    report = validate(ttl)
    assert report.conforms, report.violations[:3]
    store = pyoxigraph.Store()
    store.load(path=str(ttl), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == report.triples > 0


def test_page_embeds_hostile_text_inertly(built: kg.BuildResult) -> None:
    html = (built.directory / "graph.html").read_text(encoding="utf-8")
    assert "<img src=x" not in html
    assert "<script>alert(2)" not in html
    assert "javascript:alert(3)" not in html


def test_same_input_gives_identical_bytes(
    hostile_sources: Path, built: kg.BuildResult, tmp_path: Path
) -> None:
    again = kg.build([hostile_sources], tmp_path / "again")
    for name in ("graph.json", "details.json", "graph.ttl", "graph.html"):
        assert (again.directory / name).read_bytes() == (built.directory / name).read_bytes(), name

"""``kg view``: options reach render_view, errors are one-line messages, files are written."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from kg_cli.main import cli

from kg.workspace import save

from .conftest import page_data


@pytest.fixture
def workspace(tmp_path: Path, tiny_graph: nx.MultiDiGraph) -> Path:
    directory = tmp_path / "ws"
    save(tiny_graph, directory)
    return directory


def test_view_writes_the_default_page(workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "view.html"
    result = CliRunner().invoke(cli, ["view", str(workspace), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"wrote {out}" in result.stderr
    data = page_data(out.read_text(encoding="utf-8"))
    assert len(data["nodes"]) == 9 and len(data["edges"]) == 9


@pytest.mark.parametrize(
    ("args", "nodes", "heading"),
    [
        (["--top", "3"], 3, "Related work: papers and the entities they name"),
        (["--mode", "papers"], 3, "Related work: papers linked by citation-style edges"),
        (["--mode", "entities", "--title", "My <map>"], 6, "My &lt;map&gt;"),
        (["--focus", "flexgen", "--depth", "1"], 3, "around FlexGen"),
        (["--focus", "LongBench", "--depth", "0", "-q"], 1, "around LongBench"),
    ],
)
def test_view_options(
    workspace: Path, tmp_path: Path, args: list[str], nodes: int, heading: str
) -> None:
    out = tmp_path / "v.html"
    result = CliRunner().invoke(cli, ["view", str(workspace), "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert len(page_data(page)["nodes"]) == nodes
    assert heading in page.split("<h1>")[1].split("</h1>")[0]
    if "-q" in args:
        assert result.stderr == ""


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--focus", "Qwen3"], 1, "Error: no node clearly matches 'Qwen3'; closest: "),
        (["--depth", "2"], 2, "--depth needs --focus NAME"),
        (["--mode", "nodes"], 2, "Invalid value for '--mode'"),
        (["--top", "0"], 2, "Invalid value for '--top'"),
    ],
)
def test_view_errors_are_one_line(
    workspace: Path, tmp_path: Path, args: list[str], code: int, message: str
) -> None:
    out = tmp_path / "v.html"
    result = CliRunner().invoke(cli, ["view", str(workspace), "-o", str(out), *args])
    assert result.exit_code == code
    assert message in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_view_of_a_missing_workspace_says_so(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["view", str(tmp_path / "nope"), "-o", "x.html"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ")

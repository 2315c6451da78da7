"""The project checked against itself: packaging, the public API, and the CLI's surface."""

from __future__ import annotations

import ast
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from kg_cli.main import COMMANDS, cli

import kg

ROOT = Path(__file__).resolve().parent.parent


def _declared_packages() -> list[str]:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    return sorted(config["tool"]["setuptools"]["packages"])


def test_every_package_in_the_tree_is_declared() -> None:
    found = {"kg_cli", "kg.ontology"}
    for folder in [ROOT / "kg", *(ROOT / "kg").rglob("*")]:
        if (
            folder.is_dir()
            and folder.name != "__pycache__"
            and any(f.is_file() for f in folder.iterdir())
        ):
            found.add(".".join(folder.relative_to(ROOT).parts))
    assert sorted(found) == _declared_packages()


PUBLIC_API = [
    "BuildResult",
    "Community",
    "DEFAULT_BASE",
    "Entity",
    "EntityType",
    "ExportError",
    "Field",
    "InputError",
    "KgError",
    "Mention",
    "ModelName",
    "NodeType",
    "Paper",
    "Problem",
    "QueryError",
    "Ranked",
    "ReadResult",
    "RelatedPaper",
    "Relation",
    "Resolution",
    "Role",
    "SourceRef",
    "StoreError",
    "WorkspaceError",
    "add",
    "build",
    "build_graph",
    "central",
    "communities",
    "cooccurrence",
    "explain",
    "export",
    "extract",
    "extract_all",
    "extractor",
    "find_node",
    "load",
    "load_aliases",
    "merge_papers",
    "normalise_url",
    "paper_to_dict",
    "parse_model_name",
    "path",
    "push",
    "read_papers",
    "read_rdf",
    "related",
    "render_view",
    "resolve",
    "save",
    "show",
    "sparql",
    "stats",
    "validate",
]


def test_public_api_is_pinned() -> None:
    """Adding or removing a public name is a decision: update this list with it."""
    assert kg.__all__ == PUBLIC_API


def test_public_callables_are_documented() -> None:
    for name in kg.__all__:
        obj = getattr(kg, name)
        if callable(obj):
            assert (obj.__doc__ or "").strip(), f"kg.{name} has no docstring"


def test_public_api_is_sorted_and_importable() -> None:
    assert kg.__all__ == sorted(kg.__all__)
    for name in kg.__all__:
        assert getattr(kg, name) is not None, name
    with pytest.raises(AttributeError):
        kg.no_such_name  # noqa: B018


def test_cli_imports_nothing_private() -> None:
    for path in (ROOT / "cli").glob("*.py"):
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kg"):
                parts = node.module.split(".")
                assert not any(p.startswith("_") for p in parts), (path.name, node.module)
                for alias in node.names:
                    assert not alias.name.startswith("_"), (path.name, alias.name)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help(name: str) -> None:
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage: " in result.output
    assert len(result.output.splitlines()) > 3


def test_version_and_group_help() -> None:
    runner = CliRunner()
    version = runner.invoke(cli, ["--version"])
    assert version.exit_code == 0 and version.output.startswith("kg, version ")
    listing = runner.invoke(cli, ["--help"])
    for name in COMMANDS:
        assert f"  {name} " in listing.output


def test_unknown_command_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["no-such-command"])
    assert result.exit_code == 2
    assert "No such command" in result.output


@pytest.mark.slow
def test_built_wheel_carries_data_and_runs(tmp_path: Path) -> None:
    """The wheel, not the checkout, must work: ontology, lexicons and templates inside."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = tmp_path.glob("kg-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "kg/ontology/kg.ttl" in names
    assert "kg/ontology/shapes.ttl" in names
    assert "kg_cli/main.py" in names
    assert not any(n.startswith(("cli/", "tests/")) for n in names)
    assert any(n.startswith("kg/extract/data/") for n in names)
    assert any(n.startswith("kg/views/templates/") for n in names)
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import kg, kg_cli.main as m, importlib.resources as r; print(kg.__file__);"
            "print(r.files('kg.ontology').joinpath('kg.ttl').is_file()); m.cli(['--help'])",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert probe.returncode == 0, probe.stderr
    first, second = probe.stdout.splitlines()[:2]
    assert first.startswith(str(target))
    assert second == "True"


def test_readme_names_only_real_commands_and_api() -> None:
    """The README is part of the interface: its commands and Python calls must exist."""
    import re

    readme = (ROOT / "README.md").read_text()
    commands = set(re.findall(r"^[ \t]+kg ([a-z]+) ", readme, flags=re.M))
    assert commands, "the README shows no kg command"
    assert commands <= set(COMMANDS), commands - set(COMMANDS)
    for name in re.findall(r"\bkg\.([a-z_]+)\(", readme):
        assert name in kg.__all__, name
    assert "make demo" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text()

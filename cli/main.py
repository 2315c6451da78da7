"""The ``kg`` entry point: a click group whose commands load on first use.

Importing networkx, rdflib, pyvis and rapidfuzz costs about 300 ms, click alone about 30 ms;
so each command lives in its own module, named in COMMANDS, and is imported only when run
(or when ``kg --help`` lists it). Library errors (KgError) become one-line click errors here,
once, instead of in every command.
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import Any

import click

from kg.errors import KgError

__all__ = ["COMMANDS", "cli"]

#: command name -> "module:attribute"; the one table of kg's commands.
COMMANDS: dict[str, str] = {
    "add": "kg_cli.build:add",
    "build": "kg_cli.build:build",
    "central": "kg_cli.analyse:central",
    "communities": "kg_cli.analyse:communities",
    "explain": "kg_cli.analyse:explain",
    "export": "kg_cli.rdf:export",
    "extract": "kg_cli.extract:extract",
    "import": "kg_cli.rdf:import_",
    "papers": "kg_cli.papers:papers",
    "path": "kg_cli.analyse:path",
    "push": "kg_cli.rdf:push",
    "related": "kg_cli.analyse:related",
    "show": "kg_cli.analyse:show",
    "sparql": "kg_cli.rdf:sparql",
    "stats": "kg_cli.analyse:stats",
    "validate": "kg_cli.rdf:validate",
    "view": "kg_cli.view:view",
}


def _version() -> str:
    try:
        return version("kg")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "0+unknown"


class LazyGroup(click.Group):
    """A group that imports a command's module only when the command is needed."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        command = getattr(importlib.import_module(module_name), attr)
        if not isinstance(command, click.Command):
            raise TypeError(f"{target} is not a click command")
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KgError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(_version(), "--version", prog_name="kg")
def cli() -> None:
    """kg turns research-paper listings into a citation-style knowledge graph.

    \b
    Typical use:
      kg papers examples/                 list the merged papers
      kg build examples/ -o out/          read, extract, resolve; write graph, Turtle, HTML
      kg central out/ --type method       the central methods
      kg view out/ -o related.html        an interactive view
    """

"""``kg view``: write an interactive HTML view of a workspace (calls kg.views.render_view)."""

from __future__ import annotations

from pathlib import Path

import click

from .options import quiet_option, say, workspace_argument

__all__ = ["view"]

_MODES = ("all", "papers", "entities")


@click.command()
@workspace_argument
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="The HTML file to write (one self-contained file that works offline).",
)
@click.option(
    "--top",
    default=300,
    show_default=True,
    type=click.IntRange(min=1),
    help="Draw at most this many nodes, the most central; the page counts the rest.",
)
@click.option(
    "--focus",
    metavar="NAME",
    help="Only the neighbourhood of this paper or entity (id, title, name, alias, or close).",
)
@click.option(
    "--depth",
    default=1,
    show_default=True,
    type=click.IntRange(min=0),
    help="Steps out from --focus.",
)
@click.option(
    "--mode",
    type=click.Choice(_MODES),
    default="all",
    show_default=True,
    help="all: papers and entities; papers: papers linked by citation-style edges and "
    "shared entities; entities: the co-occurrence map coloured by community.",
)
@click.option("--title", help="Page title and heading (default: says what the view shows).")
@quiet_option
@click.pass_context
def view(
    ctx: click.Context,
    workspace: Path,
    output: Path,
    top: int,
    focus: str | None,
    depth: int,
    mode: str,
    title: str | None,
    quiet: bool,
) -> None:
    """Write an interactive view of the graph in DIR to an HTML file.

    \b
    Examples:
      kg view out/ -o related.html
      kg view out/ -o flexgen.html --focus FlexGen --depth 2
      kg view out/ -o map.html --mode entities --top 200
    """
    from kg.views import render_view
    from kg.workspace import load

    if (
        focus is None
        and ctx.get_parameter_source("depth") is click.core.ParameterSource.COMMANDLINE
    ):
        raise click.UsageError("--depth needs --focus NAME")
    graph = load(workspace)
    path = render_view(graph, output, top=top, focus=focus, depth=depth, mode=mode, title=title)
    say(f"wrote {path}", quiet=quiet)

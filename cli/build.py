"""``kg build`` and ``kg add``: thin layers over :func:`kg.pipeline.build` and
:func:`kg.pipeline.add`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from .options import quiet_option, say, sources_argument, strict_option, workspace_argument

if TYPE_CHECKING:
    from kg.pipeline import BuildResult

__all__ = ["add", "build"]

extractor_option = click.option(
    "--extractor",
    "extractors",
    multiple=True,
    metavar="NAME",
    help="Run only this extractor (repeatable; default: all registered).",
)
no_extractor_option = click.option(
    "--no-extractor",
    "exclude",
    multiple=True,
    metavar="NAME",
    help="Do not run this extractor (repeatable).",
)
lexicon_option = click.option(
    "--lexicon",
    "lexicons",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=str),
    help="An extra lexicon file of known names (repeatable).",
)
aliases_option = click.option(
    "--aliases",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help='A JSON alias file forcing merges and splits: {"merge": [{"type": "method", '
    '"names": ["PRM", "Process Reward Model"]}], "split": [{"names": ["GPT-4", "GPT-4o"]}]}.',
)
workers_option = click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(min=1),
    help="Extraction processes.",
)


def _summary(verb: str, result: BuildResult, *, quiet: bool) -> None:
    for problem in result.problems:
        click.echo(str(problem), err=True)
    say(
        f"{verb} {result.directory}: {result.papers} papers ({result.extracted} extracted), "
        f"{result.mentions} mentions -> {result.entities} entities, {result.edges} edges "
        f"({result.citations} citation-style); {len(result.problems)} records skipped; "
        f"wrote {', '.join(p.name for p in result.outputs)}",
        quiet=quiet,
    )


@click.command()
@sources_argument
@click.option(
    "-o",
    "--output",
    "directory",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The workspace directory to write (graph.json, graph.ttl, graph.html).",
)
@extractor_option
@no_extractor_option
@lexicon_option
@aliases_option
@workers_option
@strict_option
@quiet_option
def build(
    sources: tuple[str, ...],
    directory: Path,
    extractors: tuple[str, ...],
    exclude: tuple[str, ...],
    lexicons: tuple[str, ...],
    aliases: Path | None,
    workers: int,
    strict: bool,
    quiet: bool,
) -> None:
    """Read SOURCES, extract and resolve entities, and save the graph in a workspace.

    The workspace DIR holds graph.json (the graph, read by every analysis command),
    graph.ttl (RDF) and graph.html (an interactive view).

    \b
    Examples:
      kg build examples/ -o out/
      kg build listing.txt papers.bib -o out/ --aliases aliases.json --workers 2
    """
    from kg.pipeline import build as run

    result = run(
        sources,
        directory,
        extractors=extractors or None,
        exclude=exclude,
        lexicons=lexicons,
        aliases=aliases,
        workers=workers,
        strict=strict,
    )
    _summary("built", result, quiet=quiet)


@click.command()
@workspace_argument
@sources_argument
@extractor_option
@no_extractor_option
@lexicon_option
@aliases_option
@workers_option
@strict_option
@quiet_option
def add(
    workspace: Path,
    sources: tuple[str, ...],
    extractors: tuple[str, ...],
    exclude: tuple[str, ...],
    lexicons: tuple[str, ...],
    aliases: Path | None,
    workers: int,
    strict: bool,
    quiet: bool,
) -> None:
    """Add the papers of SOURCES to the workspace DIR.

    Only new or changed papers are extracted; the graph is then resolved and rebuilt, so
    the result is the same as building from all the sources at once. Options not given
    keep what the workspace was built with.

    \b
    Examples:
      kg add out/ new-listing.txt
    """
    from kg.pipeline import add as run

    result = run(
        workspace,
        sources,
        extractors=extractors or None,
        exclude=exclude or None,
        lexicons=lexicons or None,
        aliases=aliases,
        workers=workers,
        strict=strict,
    )
    _summary("updated", result, quiet=quiet)

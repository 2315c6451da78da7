"""``kg papers``: read listings, merge duplicates, list the papers (a thin layer over
:func:`kg.sources.read_papers`)."""

from __future__ import annotations

import sys

import click

from kg.sources import FORMATS, paper_to_dict, read_papers

from .options import (
    echo_jsonl,
    echo_table,
    json_option,
    quiet_option,
    say,
    sources_argument,
    strict_option,
)

__all__ = ["papers"]


@click.command()
@sources_argument
@json_option
@strict_option
@quiet_option
@click.option(
    "--format",
    "format_",
    type=click.Choice(sorted(FORMATS)),
    default=None,
    help="Read every source in this format instead of detecting it by content.",
)
def papers(
    sources: tuple[str, ...], as_json: bool, strict: bool, quiet: bool, format_: str | None
) -> None:
    """List the de-duplicated papers in SOURCES (files, directories, or - for stdin).

    Formats are detected by content: Hugging Face Daily Papers listings, arXiv Atom,
    BibTeX, JSON / JSON Lines (plain dumps, Semantic Scholar, OpenAlex) and CSV. Each
    skipped record is reported on stderr as FILE:LINE: REASON, followed by a summary.

    \b
    Examples:
      kg papers examples/
      kg papers listing.txt papers.bib --json | jq .title
      cat feed.atom | kg papers - --strict
    """
    files = 0
    show_progress = not quiet and sys.stderr.isatty()

    def progress(path: str, entries: int) -> None:
        nonlocal files
        files += 1
        if show_progress:
            click.echo(f"\rread {files} files, {entries} entries", nl=False, err=True)

    result = read_papers(sources, format=format_, strict=strict, progress=progress)
    if show_progress:
        click.echo("\r\033[K", nl=False, err=True)
    for problem in result.problems:
        click.echo(str(problem), err=True)
    if as_json:
        echo_jsonl(paper_to_dict(p) for p in result.papers)
    else:
        echo_table(
            ["id", "date", "upvotes", "sources", "title"],
            (
                (
                    p.id,
                    p.date or "",
                    "" if p.upvotes is None else p.upvotes,
                    len(p.sources),
                    p.title,
                )
                for p in result.papers
            ),
        )
    say(
        f"{result.entries} entries read from {files} files: {len(result.papers)} papers, "
        f"{result.merged} duplicates merged, {len(result.problems)} records skipped",
        quiet=quiet,
    )

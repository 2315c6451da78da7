"""``kg extract``: the methods, benchmarks, models and repos each paper names (a thin layer
over :func:`kg.extract.extract_all`)."""

from __future__ import annotations

from typing import Any

import click

from kg.extract import extract_all, registered
from kg.model import Mention, Paper
from kg.sources import read_papers

from .options import echo_jsonl, quiet_option, say, sources_argument, strict_option

__all__ = ["extract", "paper_record"]


def paper_record(paper: Paper, mentions: tuple[Mention, ...]) -> dict[str, Any]:
    """The JSONL contract: ``{id, title, mentions: [{text, type, role, field, start, end,
    extractor, confidence}]}``."""
    return {
        "id": paper.id,
        "title": paper.title,
        "mentions": [
            {
                "text": m.text,
                "type": m.type.value,
                "role": m.role.value,
                "field": m.field.value,
                "start": m.start,
                "end": m.end,
                "extractor": m.extractor,
                "confidence": m.confidence,
            }
            for m in mentions
        ],
    }


def _summary(paper: Paper, mentions: tuple[Mention, ...]) -> None:
    click.echo(f"{paper.id}  {paper.title}")
    seen: dict[tuple[str, str], str] = {}
    for m in mentions:
        seen.setdefault((m.type.value, m.text), m.role.value)
    for (kind, text), role in seen.items():
        click.echo(f"  {kind:<10} {role:<14} {text}")
    if not seen:
        click.echo("  (no entities)")


def _names_help() -> str:
    return "Run only this extractor (repeatable)."


@click.command()
@sources_argument
@click.option("--jsonl", "as_jsonl", is_flag=True, help="One JSON object per paper on stdout.")
@click.option("--extractor", "extractors", multiple=True, metavar="NAME", help=_names_help())
@click.option(
    "--no-extractor",
    "excluded",
    multiple=True,
    metavar="NAME",
    help="Do not run this extractor (repeatable).",
)
@click.option(
    "--lexicon",
    "lexicons",
    multiple=True,
    metavar="FILE",
    type=click.Path(exists=True, dir_okay=False, path_type=str),
    help="Extra lexicon file, one 'TYPE: NAME' per line; TYPE is method, "
    "benchmark, model or stop (repeatable).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Extract in this many processes (same output, same order).",
)
@strict_option
@quiet_option
def extract(
    sources: tuple[str, ...],
    as_jsonl: bool,
    extractors: tuple[str, ...],
    excluded: tuple[str, ...],
    lexicons: tuple[str, ...],
    workers: int,
    strict: bool,
    quiet: bool,
) -> None:
    """Find the methods, benchmarks, models and repos each paper in SOURCES names.

    Every mention carries its role (introduces, evaluates_on, compares_with, uses,
    mentions), its field and character offsets (text == field[start:end]), the extractor
    that found it and a confidence. Extractors: repos, models, benchmarks, methods, plus
    any plug-ins registered under the entry-point group kg.extractors.

    \b
    Examples:
      kg extract examples/
      kg extract examples/ --jsonl | jq -c '.mentions[] | select(.type=="model")'
      kg extract papers.bib --no-extractor methods --lexicon my-names.txt
    """
    result = read_papers(sources, strict=strict)
    for problem in result.problems:
        say(str(problem), quiet=quiet)
    found = extract_all(
        result.papers,
        extractors=list(extractors) or None,
        exclude=excluded,
        lexicons=lexicons,
        workers=workers,
    )
    if as_jsonl:
        echo_jsonl(paper_record(p, m) for p, m in zip(result.papers, found, strict=True))
    else:
        for paper, mentions in zip(result.papers, found, strict=True):
            _summary(paper, mentions)
    total = sum(len(m) for m in found)
    say(
        f"{len(result.papers)} papers, {total} mentions, extractors: "
        f"{', '.join(n for n in registered() if n not in excluded and (not extractors or n in extractors))}",  # noqa: E501
        quiet=quiet,
    )

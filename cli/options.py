"""Options and output helpers shared by several commands, defined once.

Output convention: results for scripts go to stdout (``--json``/``--jsonl``), tables for
people go to stdout, progress and summaries go to stderr.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

__all__ = [
    "echo_json",
    "echo_jsonl",
    "echo_table",
    "json_option",
    "quiet_option",
    "say",
    "sources_argument",
    "strict_option",
    "workspace_argument",
]

F = TypeVar("F", bound=Callable[..., Any])

json_option = click.option(
    "--json", "as_json", is_flag=True, help="Print JSON for scripts instead of a table."
)
quiet_option = click.option("--quiet", "-q", is_flag=True, help="No progress or summary on stderr.")
strict_option = click.option(
    "--strict", is_flag=True, help="Stop with a non-zero exit at the first bad record."
)
sources_argument = click.argument(
    "sources", nargs=-1, required=True, type=click.Path(allow_dash=True, path_type=str)
)
workspace_argument = click.argument(
    "workspace", metavar="DIR", type=click.Path(file_okay=False, path_type=Path)
)


def say(message: str, *, quiet: bool = False) -> None:
    """A progress or summary line for people, on stderr."""
    if not quiet:
        click.echo(message, err=True)


def echo_json(obj: Any) -> None:
    """One JSON document on stdout: sorted keys, UTF-8 kept readable."""
    click.echo(json.dumps(obj, ensure_ascii=False, sort_keys=True, indent=2))


def echo_jsonl(objs: Iterable[Any]) -> None:
    """One compact JSON object per line on stdout."""
    write = sys.stdout.write
    for obj in objs:
        write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def echo_table(
    headers: Sequence[str], rows: Iterable[Sequence[Any]], *, max_width: int = 70
) -> None:
    """A plain aligned table for people; long cells are shortened with an ellipsis."""

    def cell(value: Any) -> str:
        text = "" if value is None else str(value)
        text = " ".join(text.split())
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    body = [[cell(v) for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in body:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    click.echo(line.rstrip())
    click.echo("  ".join("-" * w for w in widths))
    for row in body:
        click.echo("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())

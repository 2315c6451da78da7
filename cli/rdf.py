"""``kg export``, ``kg import``, ``kg validate``, ``kg push`` and ``kg sparql``: thin wrappers
over :mod:`kg.rdf`."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import click
import networkx as nx

from kg.errors import QueryError
from kg.rdf import DEFAULT_BASE, FORMATS, read_rdf
from kg.rdf import export as export_graph
from kg.rdf import push as push_graph
from kg.rdf import sparql as run_sparql
from kg.rdf import validate as validate_file
from kg.rdf.imports import RDF_FORMATS

from .options import echo_json, echo_table, json_option, quiet_option, say, workspace_argument

__all__ = ["export", "import_", "push", "sparql", "validate"]

#: The format of an RDF file kg reads (import, validate).
input_format_option = click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(sorted(RDF_FORMATS)),
    help="RDF format of FILE; guessed from its suffix when not given.",
)

base_option = click.option(
    "--base",
    default=DEFAULT_BASE,
    show_default=True,
    metavar="IRI",
    help="Base IRI of the exported papers and entities (ends in / or #).",
)
timeout_option = click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=30.0,
    show_default=True,
    metavar="S",
    help="Seconds to wait for each answer of the store.",
)


def _load(workspace: Path) -> nx.MultiDiGraph:
    from kg.workspace import load

    return load(workspace)


@click.command()
@workspace_argument
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(sorted(FORMATS)),
    default="turtle",
    show_default=True,
    help="RDF format (trig keeps a named graph per source file).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (atomically); stdout when not given.",
)
@base_option
@quiet_option
def export(workspace: Path, fmt: str, output: Path | None, base: str, quiet: bool) -> None:
    """Export the graph in workspace DIR as RDF in the kg ontology.

    \b
    Examples:
      kg export out/ -o graph.ttl
      kg export out/ --format trig --base https://example.org/kg/ > graph.trig
    """
    graph = _load(workspace)
    if output is None:
        export_graph(graph, sys.stdout.buffer, format=fmt, base=base)
        sys.stdout.buffer.flush()
    else:
        export_graph(graph, output, format=fmt, base=base)
        say(f"wrote {output} ({fmt})", quiet=quiet)


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Workspace directory to write the graph into.",
)
@input_format_option
@quiet_option
def import_(file: Path, output: Path, fmt: str | None, quiet: bool) -> None:
    """Read an RDF export of kg back into a workspace (the round trip of kg export).

    \b
    Example:
      kg import graph.ttl -o restored/
    """
    from kg.workspace import save

    graph = read_rdf(file, format=fmt)
    save(graph, output)
    say(
        f"read {graph.number_of_nodes()} nodes and {graph.number_of_edges()} edges into {output}",
        quiet=quiet,
    )


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@input_format_option
@json_option
def validate(file: Path, fmt: str | None, as_json: bool) -> None:
    """Check an RDF export against kg's SHACL shapes; exit 1 on violations.

    \b
    Example:
      kg validate out/graph.ttl
    """
    report = validate_file(file, format=fmt)
    if as_json:
        echo_json(
            {
                "conforms": report.conforms,
                "triples": report.triples,
                "violations": [
                    {
                        "focus": v.focus,
                        "path": v.path,
                        "message": v.message,
                        "value": v.value,
                        "severity": v.severity,
                    }
                    for v in report.violations
                ],
            }
        )
    else:
        click.echo(str(report))
    if not report.conforms:
        raise SystemExit(1)


@click.command()
@workspace_argument
@click.option(
    "--store",
    required=True,
    metavar="URL",
    help="The store's Graph Store Protocol URL or root (http://127.0.0.1:7878).",
)
@click.option(
    "--graph",
    "graph_iri",
    metavar="IRI",
    help="Named graph to write; the store's default graph when not given.",
)
@click.option("--append", is_flag=True, help="Add to the graph instead of replacing it.")
@timeout_option
@base_option
@json_option
@quiet_option
def push(
    workspace: Path,
    store: str,
    graph_iri: str | None,
    append: bool,
    timeout: float,
    base: str,
    as_json: bool,
    quiet: bool,
) -> None:
    """Load the graph in workspace DIR into a running triple store.

    Uploads into a temporary named graph, then replaces (or, with --append, adds to) the
    target graph in one SPARQL Update: a failure leaves the store as it was.

    \b
    Example:
      kg push out/ --store http://127.0.0.1:7878 --graph https://example.org/kg
    """
    result = push_graph(
        _load(workspace), store, graph_iri=graph_iri, append=append, timeout=timeout, base=base
    )
    if as_json:
        echo_json(result.to_dict())
    else:
        where = f"<{graph_iri}>" if graph_iri else "the default graph"
        verb = "appended" if append else "loaded"
        say(f"{verb} {result.triples} triples into {where} at {store}", quiet=quiet)


def _read_query(query: str) -> str:
    path = Path(query)
    if query.endswith((".rq", ".sparql")) or (
        len(query) < 4096 and "\n" not in query and path.is_file()
    ):
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise QueryError(f"cannot read the query file {query}: {exc.strerror or exc}") from exc
    return query


@click.command()
@click.argument(
    "workspace", metavar="DIR", type=click.Path(file_okay=False, allow_dash=True, path_type=Path)
)
@click.argument("query", metavar="QUERY|FILE.rq")
@click.option("--store", metavar="URL", help="Query this store instead of the workspace.")
@click.option(
    "--graph",
    "graph_iri",
    metavar="IRI",
    help="With --store: the named graph to query as the default graph.",
)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="Output: a table for people, JSON or CSV.",
)
@timeout_option
@base_option
def sparql(
    workspace: Path,
    query: str,
    store: str | None,
    graph_iri: str | None,
    fmt: str,
    timeout: float,
    base: str,
) -> None:
    """Run a SPARQL query (text or a .rq file) over the graph in DIR, or a store.

    DIR may be - with --store.

    \b
    Examples:
      kg sparql out/ examples/queries/central-methods.rq
      kg sparql out/ 'SELECT (COUNT(*) AS ?n) { ?s ?p ?o }' --format json
      kg sparql - examples/queries/central-methods.rq --store http://127.0.0.1:7878
    """
    text = _read_query(query)
    graph = None
    if store is None:
        if str(workspace) == "-":
            raise click.UsageError("give a workspace DIR, or --store URL")
        graph = _load(workspace)
    result = run_sparql(graph, text, store=store, graph=graph_iri, timeout=timeout, base=base)
    if fmt == "json":
        echo_json(result.boolean if result.boolean is not None else result.records())
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows(["" if v is None else v for v in row] for row in result.rows)
    else:
        echo_table(result.columns, result.rows)
        say(f"{len(result.rows)} row(s)")

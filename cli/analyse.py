"""The analysis commands: ``kg central``, ``related``, ``communities``, ``path``, ``show``,
``stats`` and ``explain``. Each loads the workspace (never re-extracts), calls the
:mod:`kg.analysis` function of the same name and prints a table, or JSON with ``--json``."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .options import echo_json, echo_table, json_option, say, workspace_argument

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["central", "communities", "explain", "path", "related", "show", "stats"]

_TYPES = ("paper", "method", "benchmark", "model", "repo")
_METRICS = ("pagerank", "degree", "betweenness", "eigenvector", "hits")

top_option = click.option(
    "--top", default=10, show_default=True, type=click.IntRange(min=1), help="How many to list."
)


def _load(workspace: Path, *, details: bool = False) -> nx.MultiDiGraph:
    """The workspace graph; without abstracts, merges and mentions unless asked (faster)."""
    from kg.workspace import load

    return load(workspace, details=details)


@click.command()
@workspace_argument
@click.option("--type", "node_type", type=click.Choice(_TYPES), help="Rank only this node type.")
@click.option(
    "--metric",
    type=click.Choice(_METRICS),
    default="pagerank",
    show_default=True,
    help="The centrality measure.",
)
@top_option
@click.option(
    "--projection",
    type=click.Choice(("graph", "cooccurrence")),
    default="graph",
    show_default=True,
    help="graph: the paper-entity graph; cooccurrence: entities linked by shared papers.",
)
@click.option(
    "-k",
    "--samples",
    "k",
    type=click.IntRange(min=2),
    default=None,
    help="Sampled sources for betweenness (default: exact up to 5,000 nodes, else 100).",
)
@click.option("--seed", default=0, show_default=True, help="Seed of the betweenness sample.")
@click.option(
    "--engine",
    type=click.Choice(("auto", "networkx", "igraph")),
    default="auto",
    show_default=True,
    help="auto uses python-igraph (extra 'fast') on large graphs.",
)
@json_option
def central(
    workspace: Path,
    node_type: str | None,
    metric: str,
    top: int,
    projection: str,
    k: int | None,
    seed: int,
    engine: str,
    as_json: bool,
) -> None:
    """The most central papers or entities of the workspace DIR.

    \b
    Examples:
      kg central out/ --type method
      kg central out/ --metric betweenness -k 200 --top 20
      kg central out/ --projection cooccurrence --json
    """
    from kg.analysis import central as run
    from kg.analysis.centrality import betweenness_samples

    graph = _load(workspace)
    ranked = run(
        graph,
        node_type=node_type,
        metric=metric,
        top=top,
        projection=projection,
        k=k,
        seed=seed,
        engine=engine,
    )
    if metric == "betweenness":
        n = graph.number_of_nodes()
        samples = betweenness_samples(n, k)
        say(
            "betweenness: exact"
            if samples is None
            else f"betweenness: estimated from k={samples} sampled sources (seed {seed}) "
            f"of {n} nodes"
        )
    if as_json:
        echo_json([asdict(r) for r in ranked])
    else:
        echo_table(
            ["rank", "score", "type", "id", "label"],
            [(i, f"{r.score:.6g}", r.node_type, r.node, r.label) for i, r in enumerate(ranked, 1)],
        )


@click.command()
@workspace_argument
@click.argument("paper")
@top_option
@json_option
def related(workspace: Path, paper: str, top: int, as_json: bool) -> None:
    """Papers related to PAPER (an id or a title, fuzzy-matched), with the shared entities
    that explain each.

    \b
    Examples:
      kg related out/ arxiv:2409.04992
      kg related out/ "InstInfer in-storage attention" --json
    """
    from kg.analysis import find_node
    from kg.analysis import related as run

    graph = _load(workspace)
    found = run(graph, paper, top=top)
    if as_json:
        echo_json(
            {
                "paper": find_node(graph, paper, node_types=["paper"]),
                "related": [asdict(r) for r in found],
            }
        )
        return
    labels = {n: graph.nodes[n].get("label", n) for r in found for n in r.shared}
    echo_table(
        ["score", "id", "title", "because"],
        [
            (
                f"{r.score:.3f}",
                r.node,
                r.label,
                ", ".join(
                    [
                        *(["cites it"] if r.cites else []),
                        *(["cited by it"] if r.cited_by else []),
                        *(str(labels[e]) for e in r.shared),
                    ]
                ),
            )
            for r in found
        ],
    )


@click.command()
@workspace_argument
@click.option("--seed", default=0, show_default=True, help="Louvain's seed.")
@click.option(
    "--resolution",
    default=1.0,
    show_default=True,
    help="Above 1: smaller communities; below 1: larger.",
)
@top_option
@json_option
def communities(workspace: Path, seed: int, resolution: float, top: int, as_json: bool) -> None:
    """Topical clusters (Louvain) of the workspace DIR, each labelled by its most central
    entities.

    \b
    Examples:
      kg communities out/ --top 20
    """
    from kg.analysis import communities as run

    found = run(_load(workspace), seed=seed, resolution=resolution)
    say(f"{len(found)} communities")
    if as_json:
        echo_json([{**asdict(c), "size": c.size} for c in found[:top]])
    else:
        echo_table(["id", "size", "label"], [(c.id, c.size, c.label) for c in found[:top]])


@click.command()
@workspace_argument
@click.argument("a")
@click.argument("b")
@json_option
def path(workspace: Path, a: str, b: str, as_json: bool) -> None:
    """How A and B (papers or entities: ids, titles, names) are connected.

    \b
    Examples:
      kg path out/ InstInfer FlexGen
    """
    from kg.analysis import path as run

    found = run(_load(workspace), a, b)
    if as_json:
        echo_json(
            {
                "nodes": list(found.nodes),
                "labels": list(found.labels),
                "steps": [asdict(s) for s in found.steps],
                "text": found.describe(),
            }
        )
    else:
        click.echo(found.describe())


@click.command()
@workspace_argument
@click.argument("name")
@json_option
def show(workspace: Path, name: str, as_json: bool) -> None:
    """One entity or paper: aliases, the paper introducing it, papers by role, neighbours.

    \b
    Examples:
      kg show out/ FlexGen
      kg show out/ arxiv:2303.06865 --json
    """
    from kg.analysis import show as run

    found = run(_load(workspace), name)
    if as_json:
        echo_json(asdict(found))
        return
    click.echo(f"{found.label}  [{found.node_type}] {found.node}")
    for key, value in found.attributes.items():
        if key in {"label", "node_type"} or value in (None, [], ""):
            continue
        shown = ", ".join(map(str, value)) if isinstance(value, list) else value
        click.echo(f"  {key}: {shown}")
    for heading, groups in (
        ("papers by role" if found.node_type != "paper" else "entities by role", found.papers),
        ("links", found.links),
    ):
        if groups:
            click.echo(f"{heading}:")
            for key, nodes in groups.items():
                click.echo(f"  {key} ({len(nodes)}):")
                for n in nodes:
                    click.echo(f"    {n}  {found.labels[n]}")


@click.command()
@workspace_argument
@top_option
@json_option
def stats(workspace: Path, top: int, as_json: bool) -> None:
    """Counts by node and edge type, connected components, the most connected nodes.

    \b
    Examples:
      kg stats out/
    """
    from kg.analysis import stats as run

    found = run(_load(workspace), top=top)
    if as_json:
        echo_json(asdict(found))
        return
    click.echo(
        f"{found.nodes} nodes, {found.edges} edges, {found.components} components "
        f"(largest {found.largest_component}, {found.isolated} isolated nodes)"
    )
    echo_table(["node type", "count"], found.nodes_by_type.items())
    echo_table(["edge relation", "count"], found.edges_by_relation.items())
    echo_table(
        ["neighbours", "type", "id", "label"],
        [(int(r.score), r.node_type, r.node, r.label) for r in found.most_connected],
    )


@click.command()
@workspace_argument
@click.argument("entity")
@json_option
def explain(workspace: Path, entity: str, as_json: bool) -> None:
    """Why ENTITY has its aliases: the rule or score that merged each, and its papers.

    \b
    Examples:
      kg explain out/ PRM
    """
    from kg.analysis import explain as run

    found = run(_load(workspace, details=True), entity)
    if as_json:
        echo_json(asdict(found))
        return
    click.echo(f"{found.label}  {found.node}")
    if found.family:
        click.echo(f"  variant of {found.family}")
    if found.introduced_by:
        click.echo(f"  introduced by {', '.join(found.introduced_by)}")
    echo_table(
        ["alias", "rule", "score", "papers"],
        [(m["alias"], m["rule"], m["score"], ", ".join(m["papers"]) or "-") for m in found.merges],
    )

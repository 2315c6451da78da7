"""build() and add(): the only place where kg's stages are chained.

::

    kg.sources.read_papers -> kg.extract.extract_all -> kg.resolve.resolve
        -> kg.graph.build_graph -> kg.workspace.save -> kg.rdf.export, kg.views.render_view

``add`` starts from the workspace graph (papers and mentions are recoverable from it),
merges the new listings into its papers (:func:`kg.sources.merge.merge_papers`),
re-extracts only the papers that are new or changed, and re-resolves and rebuilds the whole
graph, so the result equals a full rebuild from all the sources. The build options
(extractors, lexicons, alias rules) are recorded in the graph (``graph.graph["kg_build"]``)
so that ``add`` extracts and resolves the new papers the way the workspace was built.
"""

from __future__ import annotations

import logging
import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import networkx as nx

from kg.model import Mention, Paper, Problem
from kg.resolve import AliasRules, load_aliases, parse_aliases

__all__ = ["BuildResult", "add", "build"]

log = logging.getLogger(__name__)

Sources = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What a build or add did: the counts for a summary, the problems, the files written."""

    directory: Path
    papers: int
    mentions: int
    entities: int
    edges: int
    citations: int
    extracted: int
    entries: int
    merged: int
    problems: tuple[Problem, ...]
    outputs: tuple[Path, ...]
    graph: nx.MultiDiGraph = field(repr=False, compare=False)


def _options(
    extractors: Iterable[str] | None,
    exclude: Iterable[str],
    lexicons: Iterable[str | os.PathLike[str]],
    rules: AliasRules,
) -> dict[str, Any]:
    return {
        "extractors": None if extractors is None else sorted(extractors),
        "exclude": sorted(exclude),
        "lexicons": [os.fspath(p) for p in lexicons],
        "aliases": rules.as_json() if (rules.merges or rules.splits) else None,
    }


def _rules(aliases: str | os.PathLike[str] | AliasRules | None) -> AliasRules:
    if aliases is None:
        return AliasRules()
    if isinstance(aliases, AliasRules):
        return aliases
    return load_aliases(aliases)


def _extract(
    papers: Sequence[Paper], options: dict[str, Any], workers: int
) -> dict[str, tuple[Mention, ...]]:
    from kg.extract import extract_all

    if not papers:
        return {}
    found = extract_all(
        papers,
        extractors=options["extractors"],
        exclude=tuple(options["exclude"]),
        lexicons=tuple(options["lexicons"]),
        workers=workers,
    )
    return {p.id: tuple(ms) for p, ms in zip(papers, found, strict=True)}


def _assemble(
    directory: Path,
    papers: Sequence[Paper],
    mentions: dict[str, tuple[Mention, ...]],
    options: dict[str, Any],
    rules: AliasRules,
    *,
    extracted: int,
    entries: int,
    merged: int,
    problems: tuple[Problem, ...],
    exports: bool,
) -> BuildResult:
    from kg.graph import build_graph
    from kg.resolve import resolve
    from kg.workspace import save

    papers = sorted(papers, key=lambda p: p.id)
    flat = [m for p in papers for m in mentions.get(p.id, ())]
    resolution = resolve(flat, papers=papers, aliases=rules)
    graph = build_graph(papers, flat, resolution, attributes={"kg_build": options})
    outputs = [save(graph, directory)]
    if exports:
        from kg.rdf import export
        from kg.views import render_view

        export(graph, directory / "graph.ttl", format="turtle")
        outputs.append(directory / "graph.ttl")
        outputs.append(render_view(graph, directory / "graph.html"))
    n_cites = sum(1 for *_, key in graph.edges(keys=True) if key == "cites")
    return BuildResult(
        directory=directory,
        papers=len(papers),
        mentions=len(flat),
        entities=len(resolution.entities),
        edges=graph.number_of_edges(),
        citations=n_cites,
        extracted=extracted,
        entries=entries,
        merged=merged,
        problems=problems,
        outputs=tuple(outputs),
        graph=graph,
    )


def build(
    sources: Sources,
    directory: str | os.PathLike[str],
    *,
    extractors: Iterable[str] | None = None,
    exclude: Iterable[str] = (),
    lexicons: Iterable[str | os.PathLike[str]] = (),
    aliases: str | os.PathLike[str] | AliasRules | None = None,
    workers: int = 1,
    strict: bool = False,
    exports: bool = True,
) -> BuildResult:
    """Read, extract, resolve and save a workspace (graph.json, graph.ttl, graph.html).

    Parameters
    ----------
    sources : path or iterable of paths
        Listing files, directories (recursive) or ``-`` for stdin.
    directory : path
        The workspace directory (created if needed; an existing graph is replaced).
    extractors, exclude, lexicons
        As for :func:`kg.extract.extract_all`.
    aliases : path or AliasRules, optional
        An alias file of forced merges and splits (:func:`kg.resolve.load_aliases`).
    workers : int
        Extraction processes.
    strict : bool
        Stop at the first bad record (InputError) instead of reporting it as a Problem.
    exports : bool
        Also write graph.ttl and graph.html (the derived files).

    Returns
    -------
    BuildResult

    Raises
    ------
    InputError
        A source or the alias file cannot be read (or, with ``strict``, a bad record).
    """
    from kg.sources import read_papers

    rules = _rules(aliases)
    options = _options(extractors, exclude, lexicons, rules)
    read = read_papers(sources, strict=strict)
    mentions = _extract(read.papers, options, workers)
    return _assemble(
        Path(directory),
        read.papers,
        mentions,
        options,
        rules,
        extracted=len(read.papers),
        entries=read.entries,
        merged=read.merged,
        problems=read.problems,
        exports=exports,
    )


def add(
    directory: str | os.PathLike[str],
    sources: Sources,
    *,
    extractors: Iterable[str] | None = None,
    exclude: Iterable[str] | None = None,
    lexicons: Iterable[str | os.PathLike[str]] | None = None,
    aliases: str | os.PathLike[str] | AliasRules | None = None,
    workers: int = 1,
    strict: bool = False,
    exports: bool = True,
) -> BuildResult:
    """Add listings to a workspace: only new or changed papers are extracted again.

    Options left as None keep what the workspace was built with; changing the extractors
    or lexicons re-extracts every paper.

    Raises
    ------
    WorkspaceError
        If ``directory`` is not a workspace.
    InputError
        As for :func:`build`.
    """
    from kg.sources import read_papers
    from kg.sources.merge import merge_papers
    from kg.workspace import load, papers_and_mentions

    directory = Path(directory)
    graph = load(directory)
    before: dict[str, Any] = dict(graph.graph.get("kg_build") or {})
    stored_rules = parse_aliases(before["aliases"]) if before.get("aliases") else AliasRules()
    rules = stored_rules if aliases is None else _rules(aliases)
    options = _options(
        before.get("extractors") if extractors is None else extractors,
        before.get("exclude", ()) if exclude is None else exclude,
        before.get("lexicons", ()) if lexicons is None else lexicons,
        rules,
    )
    same_extraction = all(
        options[k] == before.get(k) for k in ("extractors", "exclude", "lexicons")
    )
    old_papers, old_mentions = papers_and_mentions(graph)
    read = read_papers(sources, strict=strict)
    papers = merge_papers([*old_papers, *read.papers])

    old_by_id = {p.id: p for p in old_papers}
    by_paper: defaultdict[str, list[Mention]] = defaultdict(list)
    for m in old_mentions:
        by_paper[m.paper_id].append(m)
    mentions: dict[str, tuple[Mention, ...]] = {}
    todo: list[Paper] = []
    for p in papers:
        old = old_by_id.get(p.id)
        # extraction reads the record, never where it was read from
        if (
            same_extraction
            and old is not None
            and replace(old, sources=()) == replace(p, sources=())
        ):
            mentions[p.id] = tuple(by_paper.get(p.id, ()))
        else:
            todo.append(p)
    log.info("add: %d papers, %d to extract", len(papers), len(todo))
    mentions.update(_extract(todo, options, workers))
    return _assemble(
        directory,
        papers,
        mentions,
        options,
        rules,
        extracted=len(todo),
        entries=read.entries,
        merged=len(old_papers) + len(read.papers) - len(papers),
        problems=read.problems,
        exports=exports,
    )

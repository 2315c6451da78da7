"""Benchmark: kg's RDF export against rdflib's own Turtle serialiser, in one run.

Builds a synthetic graph in kg's graph schema (papers with authors, role links with a mention
each, citation-style links, entities with aliases) that maps onto about ``--triples`` RDF
triples, then measures triples/second of:

* kg's export path for each format (graph -> statements -> streaming writer -> file), and
* rdflib's plain ``Graph.serialize(format="turtle")`` of the same kind of triples, on subsets
  of ``--rdflib-triples`` and half that (the full graph would take hours): its rate is reported
  as measured, and the full-size time extrapolated linearly, which flatters rdflib, whose rate
  falls as the graph grows (on graphs shaped like ours most of its time goes into
  ``NamespaceManager.compute_qname``, whose namespace trie grows with the distinct IRI
  prefixes of papers and their fragments),

checks that kg's Turtle and rdflib's Turtle are the same RDF (graph isomorphism on a smaller
graph), and reports the peak memory (tracemalloc) of exporting against the memory the graph
itself takes, to show that exporting does not hold copies of the graph.

Run::

    .venv/bin/python benchmarks/bench_export.py                 # 1M triples
    .venv/bin/python benchmarks/bench_export.py --triples 200000
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import random
import sys
import time
import tracemalloc
from pathlib import Path

import networkx as nx
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.rdf import export
from kg.rdf.triples import statements, triples

DATA = Path(__file__).resolve().parent / ".data"
WORDS = (
    "attention",
    "cache",
    "sparse",
    "quantised",
    "retrieval",
    "agent",
    "reasoning",
    "kernel",
    "diffusion",
    "policy",
    "token",
    "speculative",
    "mixture",
    "expert",
    "graph",
    "vision",
)


def synthetic_graph(n_papers: int, *, seed: int = 0) -> nx.MultiDiGraph:
    """A graph shaped like kg's: ~38 triples per paper with 4 links and 3 authors."""
    rng = random.Random(seed)
    g = nx.MultiDiGraph(kg_format=1)
    n_entities = max(10, n_papers // 3)
    kinds = ("method", "benchmark", "model", "repo")
    entities = [f"{kinds[i % 4]}:{rng.choice(WORDS)}-{i}" for i in range(n_entities)]
    for e in entities:
        label = e.split(":", 1)[1].title()
        g.add_node(
            e,
            node_type=e.split(":", 1)[0],
            label=label,
            aliases=[label, label.lower()],
            introduced_by=[],
            n_papers=0,
            url=None,
            family=None,
            size=None,
            variant=None,
        )
    roles = ("introduces", "evaluates_on", "compares_with", "uses", "mentions")
    for p in range(n_papers):
        pid = f"arxiv:{2400 + p // 100000:04d}.{p % 100000:05d}"
        words = rng.sample(WORDS, 6)
        title = " ".join(w.title() for w in words[:4]) + f" {p}"
        abstract = f"We propose {words[0]} {words[1]}. It beats {words[2]} on {words[3]} by 3x."
        g.add_node(
            pid,
            node_type="paper",
            label=title,
            title=title,
            abstract=abstract,
            date=f"2024-{1 + p % 12:02d}-{1 + p % 28:02d}",
            updated=None,
            authors=[f"Author {rng.randrange(10**6)}" for _ in range(3)],
            n_authors=3,
            upvotes=rng.randrange(200),
            organisation=None,
            urls=[f"https://arxiv.org/abs/{pid[6:]}"],
            arxiv_id=pid[6:],
            doi=None,
            categories=["cs.CL"],
            sources=[f"listing-{p % 50}.txt:{p + 1}:hf"],
        )
        for e in rng.sample(entities, 4):
            role = rng.choice(roles)
            g.add_edge(
                pid,
                e,
                key=role,
                relation=role,
                weight=1.0,
                mentions=[
                    {
                        "text": "X",
                        "field": "abstract",
                        "start": 11,
                        "end": 12,
                        "sentence_start": 0,
                        "sentence_end": 20,
                        "extractor": rng.choice(("lexicon", "patterns", "models")),
                        "confidence": 0.85,
                    }
                ],
            )
        if p:
            target = f"arxiv:{2400 + (q := rng.randrange(p)) // 100000:04d}.{q % 100000:05d}"
            g.add_edge(
                pid, target, key="cites", relation="cites", weight=1.0, via=[rng.choice(entities)]
            )
    return g


def graph_for(n_triples: int) -> tuple[nx.MultiDiGraph, int]:
    probe = synthetic_graph(200)
    per_paper = sum(1 for _ in statements(probe)) / 200
    graph = synthetic_graph(max(1, round(n_triples / per_paper)))
    return graph, sum(1 for _ in statements(graph))


def time_export(graph: nx.MultiDiGraph, fmt: str) -> float:
    DATA.mkdir(exist_ok=True)
    start = time.perf_counter()
    export(graph, DATA / f"bench.{fmt}", format=fmt)
    return time.perf_counter() - start


def rdflib_graph(graph: nx.MultiDiGraph) -> Graph:
    g = Graph()
    for t in triples(graph):
        g.add(t)
    return g


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument(
        "--rdflib-triples",
        type=int,
        default=50_000,
        help="subset size for rdflib's Turtle serialiser (0: same as --triples)",
    )
    parser.add_argument("--formats", default="turtle,ntriples,trig,nquads")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    results: dict[str, object] = {}

    graph, n = graph_for(args.triples)
    results["triples"] = n
    rates: dict[str, float] = {}
    for fmt in args.formats.split(","):
        seconds = time_export(graph, fmt)
        rates[fmt] = n / seconds
        print(
            f"kg export {fmt:9s} {n:>9,} triples {seconds:7.2f} s {n / seconds:>11,.0f} triples/s",
            file=sys.stderr,
        )
    results["kg"] = rates

    rdflib_runs = []
    for size in sorted({max(1, args.rdflib_triples // 2), args.rdflib_triples or args.triples}):
        sub, sub_n = (graph, n) if size >= n else graph_for(size)
        rg = rdflib_graph(sub)
        start = time.perf_counter()
        rg.serialize(DATA / "bench-rdflib.ttl", format="turtle")
        seconds = time.perf_counter() - start
        del rg
        gc.collect()
        kg_seconds = time_export(sub, "turtle")
        rdflib_runs.append(
            {
                "triples": sub_n,
                "seconds": seconds,
                "triples_per_s": sub_n / seconds,
                "kg_seconds": kg_seconds,
                "speedup": seconds / kg_seconds,
            }
        )
        print(
            f"rdflib turtle    {sub_n:>9,} triples {seconds:7.2f} s {sub_n / seconds:>11,.0f} "
            f"triples/s; kg turtle on the same triples {sub_n / kg_seconds:,.0f} triples/s = "
            f"{seconds / kg_seconds:.0f}x",
            file=sys.stderr,
        )
    best = rdflib_runs[-1]
    rdflib_rate = float(best["triples_per_s"])
    print(
        f"rdflib turtle extrapolated linearly to {n:,} triples: {n / rdflib_rate:,.0f} s "
        "(optimistic for rdflib: its rate falls as the graph grows)",
        file=sys.stderr,
    )
    results["rdflib_turtle"] = rdflib_runs
    results["speedup_turtle_full_vs_rdflib_subset_rate"] = rates.get("turtle", 0) / rdflib_rate

    small = synthetic_graph(300, seed=1)
    ours = io.BytesIO()
    export(small, ours, format="turtle")
    reference = rdflib_graph(small)
    via_rdflib = Graph().parse(data=reference.serialize(format="turtle"), format="turtle")
    iso = isomorphic(Graph().parse(data=ours.getvalue(), format="turtle"), via_rdflib)
    results["isomorphic_small"] = {"triples": len(reference), "isomorphic": iso}
    print(
        f"isomorphic (kg turtle vs rdflib turtle, {len(reference):,} triples): {iso}",
        file=sys.stderr,
    )

    del graph, sub
    gc.collect()
    tracemalloc.start()
    mem_graph, _ = graph_for(args.triples)
    graph_bytes = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    export(mem_graph, DATA / "bench-mem.ttl", format="turtle")
    peak = tracemalloc.get_traced_memory()[1] - before
    tracemalloc.stop()
    results["memory"] = {"graph_mb": graph_bytes / 2**20, "export_peak_extra_mb": peak / 2**20}
    print(
        f"memory: graph {graph_bytes / 2**20:,.0f} MB; Turtle export peak +{peak / 2**20:,.1f} MB",
        file=sys.stderr,
    )
    if args.json:
        print(json.dumps(results, indent=2))
    return 0 if iso else 1


if __name__ == "__main__":
    raise SystemExit(main())

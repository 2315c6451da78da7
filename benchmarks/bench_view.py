"""Benchmark kg's HTML views: file size, generation time, time to a settled layout.

Renders views of 500, 2,000 and 10,000 nodes from synthetic graphs in kg's schema, opens
each in headless Chromium (Debian's /usr/bin/chromium through playwright) and reads the
page's ``window.kgStabilised`` (ms after navigation start when the layout settled and
physics was switched off). Then synthesises a 100k-paper graph and shows that the default
``--top 300`` view of it generates quickly and settles in the browser within a few seconds.
The in-run baseline is pyvis 0.3.2's own ``Network`` + ``generate_html`` (in-line
resources) for the same nodes and edges, up to 2,000 nodes (its add_edge checks every
existing node, so it slows quadratically); note that its page is neither script-safe nor
offline (it still loads bootstrap from cdn.jsdelivr.net and ../node_modules/vis/dist/vis.js),
and it gets nodes and edges handed to it, while kg's time includes ranking the whole graph.

Run: ``.venv/bin/python benchmarks/bench_view.py [--quick]``
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import networkx as nx
from screenshot_view import ARGS, CHROMIUM  # one set of Chromium flags for both scripts

from kg.views import generate_view, render_view

TYPES = ("method", "benchmark", "model", "repo")
ROLES = ("evaluates_on", "compares_with", "uses", "mentions")


def synth(n_papers: int, *, seed: int = 0) -> nx.MultiDiGraph:
    """A graph in kg's schema: Zipf-popular entities, some introduced, citation-style edges."""
    rng = random.Random(seed)
    n_entities = max(8, n_papers // 3)
    entities = [f"{TYPES[i % 4]}:e{i}" for i in range(n_entities)]
    cumulative = list(itertools.accumulate(1.0 / (i + 1) for i in range(n_entities)))
    total = cumulative[-1]
    g = nx.MultiDiGraph(kg_format=1)
    g.add_nodes_from(
        (
            e,
            {
                "node_type": TYPES[i % 4],
                "label": f"Entity {i}",
                "aliases": [f"Entity {i}"],
                "introduced_by": [],
                "n_papers": 0,
                "url": f"https://github.com/o/e{i}" if i % 4 == 3 else None,
                "family": None,
                "size": None,
                "variant": None,
            },
        )
        for i, e in enumerate(entities)
    )
    introducer: dict[str, str] = {}
    naming: dict[str, list[str]] = {}
    edges = []
    for p in range(n_papers):
        pid = f"arxiv:{2400 + p // 100000}.{p % 100000:05d}"
        g.add_node(
            pid,
            node_type="paper",
            label=f"Paper {p}: a synthetic study",
            title=f"Paper {p}: a synthetic study",
            abstract=f"We study synthetic thing {p} at some length.",
            date="2024-05-01",
            authors=["A. Author", "B. Author"],
            n_authors=2,
            upvotes=p % 11,
            organisation=None,
            urls=[f"https://arxiv.org/abs/{pid[6:]}"],
            arxiv_id=pid[6:],
            doi=None,
            categories=["cs.LG"],
            sources=["synthetic.jsonl:1"],
        )
        picks = {
            entities[bisect.bisect_left(cumulative, rng.random() * total)]
            for _ in range(rng.randint(1, 6))
        }
        for e in sorted(picks):
            if e not in introducer and rng.random() < 0.4:
                introducer[e] = pid
                role = "introduces"
            else:
                role = rng.choice(ROLES)
            naming.setdefault(e, []).append(pid)
            edges.append((pid, e, role, {"relation": role, "weight": 1.0, "mentions": []}))
    g.add_edges_from(edges)
    cites: dict[tuple[str, str], list[str]] = {}
    for e, papers in naming.items():
        g.nodes[e]["n_papers"] = len(set(papers))
        source = introducer.get(e)
        if source is None:
            continue
        g.nodes[e]["introduced_by"] = [source]
        for citing in papers:
            if citing != source:
                cites.setdefault((citing, source), []).append(e)
    g.add_edges_from(
        (u, v, "cites", {"relation": "cites", "weight": float(len(via)), "via": sorted(via)})
        for (u, v), via in cites.items()
    )
    return g


def pyvis_baseline(graph: nx.MultiDiGraph, nodes: list[str], path: Path) -> float:
    """Seconds for pyvis's own Network + generate_html on the same nodes and edges."""
    from pyvis.network import Network

    start = time.perf_counter()
    net = Network(directed=True, cdn_resources="in_line")
    for n in nodes:
        net.add_node(n, label=str(graph.nodes[n].get("label", n)))
    keep = set(nodes)
    for u, v, k in graph.subgraph(keep).edges(keys=True):
        net.add_edge(u, v, title=k)
    path.write_text(net.generate_html(), encoding="utf-8")
    return time.perf_counter() - start


class Browser:
    def __init__(self) -> None:
        from playwright.sync_api import sync_playwright

        self._pw = sync_playwright().start()
        self.profile = tempfile.mkdtemp(prefix="kg-bench-chromium-")
        self.context = self._pw.chromium.launch_persistent_context(
            self.profile,
            executable_path=CHROMIUM,
            headless=True,
            args=ARGS,
            viewport={"width": 1280, "height": 800},
        )

    def settle(self, path: Path) -> dict[str, Any]:
        page = self.context.new_page()
        requests: list[str] = []
        errors: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        start = time.perf_counter()
        page.goto(path.resolve().as_uri(), wait_until="commit")
        page.wait_for_function('() => typeof window.kgStabilised === "number"', timeout=120_000)
        wall = time.perf_counter() - start
        result = page.evaluate(
            "() => ({settled: window.kgStabilised, layout: window.kgLayout,"
            " nodes: kgView.nodes.length, edges: kgView.edges.length,"
            " physics: kgView.network.physics.physicsEnabled})"
        )
        page.close()
        result.update(wall=wall, requests=len(requests) - 1, errors=errors)
        return dict(result)

    def close(self) -> None:
        self.context.close()
        self._pw.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 100k-paper graph")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/.data/views"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    browser = Browser() if Path(CHROMIUM).exists() else None
    if browser is None:
        print(f"{CHROMIUM} missing: browser timings skipped (make browser)", file=sys.stderr)

    print(
        f"{'nodes':>6} {'edges':>6} {'size':>9} {'generate':>9} {'pyvis (s/MB)':>13} "
        f"{'settled':>8} {'iterations':>11}  notes"
    )
    generate_view(synth(50, seed=0))  # warm-up: imports (scipy, pyvis) are not generation
    for n_nodes in (500, 2_000, 10_000):
        graph = synth(int(n_nodes * 0.75), seed=n_nodes)
        path = args.out / f"view-{n_nodes}.html"
        start = time.perf_counter()
        render_view(graph, path, top=n_nodes)
        generate = time.perf_counter() - start
        size = path.stat().st_size
        from kg.views import select

        chosen = select(graph, top=n_nodes)
        baseline = ""
        if n_nodes <= 2_000:
            baseline_path = args.out / f"pyvis-{n_nodes}.html"
            seconds = pyvis_baseline(graph, list(chosen.graph), baseline_path)
            baseline = f"{seconds:.2f}s/{baseline_path.stat().st_size / 1e6:.2f}MB"
        row = (
            f"{chosen.graph.number_of_nodes():>6} {chosen.graph.number_of_edges():>6} "
            f"{size / 1e6:7.2f}MB {generate:8.2f}s {baseline:>13}"
        )
        if browser:
            r = browser.settle(path)
            layout = r["layout"]
            note = "stopped by the time budget" if layout["stopped"] else "converged"
            note += f"; {r['requests']} requests, {len(r['errors'])} errors"
            row += (
                f" {r['settled'] / 1000:7.2f}s {layout['iterations']:>5}/{layout['total']:<5}"
                f"  {note}"
            )
        print(row, flush=True)

    if not args.quick:
        start = time.perf_counter()
        big = synth(100_000, seed=1)
        built = time.perf_counter() - start
        print(
            f"\n100k papers: {big.number_of_nodes():,} nodes, {big.number_of_edges():,} edges "
            f"(synthesised in {built:.1f}s)"
        )
        path = args.out / "view-100k-default.html"
        start = time.perf_counter()
        page = generate_view(big)
        generate = time.perf_counter() - start
        path.write_text(page, encoding="utf-8")
        line = (
            f"default view (--top 300): {len(page.encode()) / 1e6:.2f} MB, "
            f"generated in {generate:.1f}s"
        )
        if browser:
            r = browser.settle(path)
            line += (
                f"; opened and settled in {r['settled'] / 1000:.2f}s ({r['nodes']} nodes, "
                f"{r['edges']} lines, physics on: {r['physics']}, {r['requests']} requests)"
            )
        print(line)
    if browser:
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

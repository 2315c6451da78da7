"""Build, save, load and analyse a 100k-paper graph: time and peak memory of each step.

Every step runs in its own Python process that first prepares what the step needs (the
synthetic corpus, or the saved workspace), then resets the kernel's peak-RSS mark
(``/proc/self/clear_refs``) and runs the step alone, so "peak MB" is the memory the step
itself added at its peak, C libraries (numpy, scipy, igraph) included. Metrics run with
networkx (the reference) and with python-igraph (the fast path) and the ratio is reported.

Usage: ``.venv/bin/python benchmarks/bench_graph.py [N_PAPERS] [--per-paper M] [--reuse]
[--only STEP,...] [--workspace DIR]`` (default 100000 papers, 10 mentions per paper;
``--reuse`` keeps an existing workspace instead of building, ``--only`` runs just the named
steps, e.g. ``--only load-light,load-light-edges,cli:pagerank``). The workspace goes to
``benchmarks/.data/graph-<N>[-m<M>]/`` (git-ignored): build once, then iterate with
``--reuse --only ...``. The ``cli:<metric>`` steps time the whole ``kg central DIR --metric
M`` command (start-up, load without details, metric on the auto engine), the figure a user
waits for ("peak MB" is 0 there: the command runs in a grandchild). ``load-light`` is
``load(DIR, details=False)`` (edge dicts not built yet); ``load-light-edges`` adds the
first read of the edges, which builds them (what every command but ``kg central`` pays).

Measured 2026-11-23 on this project's machine (2 shared cores, load average ~2 from the
other helpers' work, so absolute times are pessimistic), workspace format 2, 100k synthetic
papers:

* 10 mentions per paper (1M mentions -> 174,154 nodes, 1,134,753 edges; 2.4x denser than
  the issue's 477k-edge graph): build (resolve + graph) 127-189 s, save 31 s; load without
  details 1.2-1.7 s (was 6.5-7.6 s with format 1), with the edges built 4.9-6.5 s, with
  details 18 s. Whole ``kg central`` commands (before -> after, same run): degree 11.5 ->
  4.6 s, pagerank 13.4 -> 6.3 s, eigenvector 17.0 -> 7.8 s, hits 18.3 -> 8.4 s,
  betweenness 26.1 -> 10.2 s (default k now 45; with ``-k 100`` 16.3 s). Metric alone,
  networkx vs igraph: degree 6.9 / 1.3 s, PageRank 12.9 / 3.9 s, betweenness (k=100)
  457 / 10.7 s, eigenvector 17.7 / 6.0 s, HITS 14.3 / 8.1 s, Louvain 92 / 12 s.
* 4 mentions per paper (``--per-paper 4``: 400k mentions -> 252,553 nodes, 451,519 edges,
  about the issue's edge count): build 69 s, save 16 s; load without details 1.7 s (was
  4.5 s), with the edges built 3.7 s. ``kg central``: degree 9.3 -> 4.2 s, pagerank 10.0
  -> 4.8 s, eigenvector 14.2 -> 6.7 s, hits 14.9 -> 7.9 s, betweenness 23.6 -> 9.6 s
  (default k now 31; with ``-k 100`` 19.0 s).
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

METRICS = ["degree", "pagerank", "betweenness", "eigenvector", "hits"]


def _rss_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _measure(fn: Any) -> dict[str, Any]:
    import gc

    gc.collect()
    Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM to the current RSS
    before = _rss_kb("VmRSS")
    t0 = time.perf_counter()
    detail = fn()
    elapsed = time.perf_counter() - t0
    peak = _rss_kb("VmHWM")
    return {"seconds": elapsed, "peak_mb": max(0, peak - before) / 1024, "detail": detail}


def run_step(step: str, n: int, workspace: Path, per_paper: int = 10) -> dict[str, Any]:
    """One step in this process (called in a child)."""
    from kg.workspace import load, save

    if step == "build":
        from synth import synthesise

        from kg.graph import build_graph
        from kg.resolve import resolve

        corpus = synthesise(n, per_paper=per_paper)
        holder: dict[str, Any] = {}

        def build() -> str:
            resolution = resolve(corpus.mentions, papers=corpus.papers)
            holder["g"] = build_graph(corpus.papers, corpus.mentions, resolution)
            g = holder["g"]
            return (
                f"{len(corpus.mentions)} mentions -> {g.number_of_nodes()} nodes, "
                f"{g.number_of_edges()} edges"
            )

        result = _measure(build)
        save(holder["g"], workspace)
        return result
    if step == "load":
        return _measure(lambda: f"{load(workspace).number_of_nodes()} nodes, with details")
    if step == "load-light":
        return _measure(
            lambda: f"{load(workspace, details=False).number_of_nodes()} nodes, no details"
        )
    if step == "load-light-edges":
        # a light load whose edges something then reads (every command but kg central)
        def light_with_edges() -> str:
            g = load(workspace, details=False)
            pairs = sum(map(len, g.adj.values()))  # the first read builds every edge dict
            return f"{pairs} linked pairs built"

        return _measure(light_with_edges)
    if step.startswith("cli:"):
        metric = step.split(":")[1]
        kg = str(Path(sys.executable).parent / "kg")

        def command() -> str:
            out = subprocess.run(
                [kg, "central", str(workspace), "--metric", metric, "--top", "3"],
                capture_output=True,
                text=True,
                check=True,
            )
            return out.stdout.splitlines()[2][:60]

        return _measure(command)
    graph = load(workspace, details=step == "save")
    if step == "save":
        target = workspace.parent / (workspace.name + "-copy")
        out = _measure(lambda: f"{save(graph, target).stat().st_size / 1e6:.0f} MB graph.json")
        return out
    if step.startswith("central:"):
        from kg.analysis import central

        _, metric, engine, projection = step.split(":")

        def rank() -> str:
            top = central(graph, metric=metric, engine=engine, projection=projection, top=3)
            return ", ".join(r.label for r in top)

        return _measure(rank)
    if step.startswith("communities:"):
        from kg.analysis import communities

        engine = step.split(":")[1]
        return _measure(lambda: f"{len(communities(graph, engine=engine))} communities")
    if step == "cooccurrence":
        from kg.analysis import cooccurrence

        return _measure(lambda: f"{cooccurrence(graph).number_of_edges()} edges")
    if step == "related":
        from kg.analysis import related

        paper = next(n for n, t in graph.nodes(data="node_type") if t == "paper")
        return _measure(lambda: f"{len(related(graph, paper, top=10))} related")
    if step == "stats":
        from kg.analysis import stats

        return _measure(lambda: f"{stats(graph).components} components")
    raise SystemExit(f"unknown step {step}")


def main(
    n: int,
    *,
    reuse: bool = False,
    per_paper: int = 10,
    only: list[str] | None = None,
    workspace: Path | None = None,
) -> None:
    suffix = "" if per_paper == 10 else f"-m{per_paper}"
    workspace = workspace or HERE / ".data" / f"graph-{n}{suffix}"
    steps = [] if reuse and (workspace / "graph.json").exists() else ["build"]
    if only is not None:
        steps += only
    else:
        steps += ["save", "load", "load-light", "load-light-edges", "stats", "cooccurrence"]
        steps += ["related"]
        steps += [f"cli:{metric}" for metric in METRICS]
        for metric in METRICS:
            steps += [f"central:{metric}:networkx:graph", f"central:{metric}:igraph:graph"]
        steps += [
            "central:pagerank:igraph:cooccurrence",
            "communities:networkx",
            "communities:igraph",
        ]
    print(
        f"# bench_graph: {n} papers, {per_paper} mentions per paper, {platform.machine()}, "
        f"{os.cpu_count()} cores, python {platform.python_version()}"
    )
    print(f"{'step':<40} {'seconds':>8} {'peak MB':>8}  detail")
    results: dict[str, dict[str, Any]] = {}
    for step in steps:
        out = subprocess.run(
            [sys.executable, __file__, "--step", step, str(n), str(workspace), str(per_paper)],
            capture_output=True,
            text=True,
            check=False,
        )
        if out.returncode != 0:
            print(f"{step:<40} failed: {out.stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(out.stdout.strip().splitlines()[-1])
        results[step] = r
        print(f"{step:<40} {r['seconds']:>8.2f} {r['peak_mb']:>8.0f}  {r['detail']}", flush=True)
    print("# networkx / igraph time ratios")
    for metric in METRICS:
        a = results.get(f"central:{metric}:networkx:graph")
        b = results.get(f"central:{metric}:igraph:graph")
        if a and b:
            print(f"#   {metric:<12} {a['seconds'] / max(b['seconds'], 1e-9):6.1f}x")
    a, b = results.get("communities:networkx"), results.get("communities:igraph")
    if a and b:
        print(f"#   {'louvain':<12} {a['seconds'] / max(b['seconds'], 1e-9):6.1f}x")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--step":
        step, n, ws, per = sys.argv[2], int(sys.argv[3]), Path(sys.argv[4]), int(sys.argv[5])
        print(json.dumps(run_step(step, n, ws, per)))
    else:
        import argparse

        parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
        parser.add_argument("n", type=int, nargs="?", default=100_000)
        parser.add_argument("--reuse", action="store_true", help="keep a built workspace")
        parser.add_argument("--per-paper", type=int, default=10, help="mentions per paper")
        parser.add_argument("--only", help="comma-separated steps (e.g. load-light,cli:pagerank)")
        parser.add_argument("--workspace", type=Path, help="the workspace directory to use")
        a = parser.parse_args()
        only = a.only.split(",") if a.only else None
        main(a.n, reuse=a.reuse, per_paper=a.per_paper, only=only, workspace=a.workspace)

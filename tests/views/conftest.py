"""Fixtures of the view tests: synthetic graphs in kg's schema and one headless Chromium."""

from __future__ import annotations

import json
import random
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
_DATA = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.S)
_ROLES = ("introduces", "evaluates_on", "compares_with", "uses", "mentions")
_TYPES = ("method", "benchmark", "model", "repo")


def synth_graph(n_papers: int, *, n_entities: int | None = None, seed: int = 0) -> nx.MultiDiGraph:
    """A random graph in kg's schema: papers naming entities, some introduced, cites edges.

    Entity popularity is skewed (a few entities are named by many papers), as in real corpora.
    """
    rng = random.Random(seed)
    g = nx.MultiDiGraph(kg_format=1)
    n_entities = n_entities or max(4, n_papers // 3)
    entities = [f"{_TYPES[i % 4]}:e{i}" for i in range(n_entities)]
    for i, e in enumerate(entities):
        g.add_node(
            e,
            node_type=_TYPES[i % 4],
            label=f"Entity {i}",
            aliases=[f"Entity {i}"],
            introduced_by=[],
            n_papers=0,
            url=f"https://github.com/o/e{i}" if _TYPES[i % 4] == "repo" else None,
            family=None,
            size=None,
            variant=None,
        )
    weights = [1.0 / (i + 1) for i in range(n_entities)]
    introducer: dict[str, str] = {}
    for p in range(n_papers):
        pid = f"arxiv:2400.{p:05d}"
        g.add_node(
            pid,
            node_type="paper",
            label=f"Paper {p}: a study",
            title=f"Paper {p}: a study",
            abstract=f"We study thing {p}.",
            date="2024-01-01",
            authors=["A", "B"],
            n_authors=2,
            upvotes=p % 7,
            organisation=None,
            urls=[f"https://arxiv.org/abs/2400.{p:05d}"],
            arxiv_id=f"2400.{p:05d}",
            doi=None,
            categories=[],
            sources=["s.txt:1"],
        )
        named = set(rng.choices(entities, weights=weights, k=rng.randint(1, 5)))
        for e in sorted(named):
            role = (
                "introduces"
                if e not in introducer and rng.random() < 0.3
                else rng.choice(_ROLES[1:])
            )
            if role == "introduces":
                introducer[e] = pid
            g.add_edge(pid, e, key=role, relation=role, weight=1.0, mentions=[])
    for e in entities:
        papers = {u for u, _ in g.in_edges(e)}
        g.nodes[e]["n_papers"] = len(papers)
        if e in introducer:
            g.nodes[e]["introduced_by"] = [introducer[e]]
            for citing in sorted(papers - {introducer[e]}):
                if g.has_edge(citing, introducer[e], key="cites"):
                    via = g.edges[citing, introducer[e], "cites"]["via"]
                    via.append(e)
                    g.edges[citing, introducer[e], "cites"]["weight"] = float(len(via))
                else:
                    g.add_edge(
                        citing, introducer[e], key="cites", relation="cites", weight=1.0, via=[e]
                    )
    return g


def page_data(page: str) -> dict[str, Any]:
    """The JSON block a view page carries."""
    match = _DATA.search(page)
    assert match, "no kg-data block in the page"
    data: dict[str, Any] = json.loads(match.group(1))
    return data


@pytest.fixture
def make_graph() -> Callable[..., nx.MultiDiGraph]:
    return synth_graph


@dataclass
class OpenedView:
    """A view loaded in the browser, with everything the page tried to do."""

    page: Any
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expression: str) -> Any:
        return self.page.evaluate(expression)

    def node_point(self, node: str) -> tuple[float, float]:
        """Page coordinates of a node's centre."""
        x, y = self.page.evaluate(
            """(id) => {
              const net = kgView.network;
              const p = net.canvasToDOM(net.getPositions([id])[id]);
              const box = document.getElementById('kg-network').getBoundingClientRect();
              return [box.left + p.x, box.top + p.y];
            }""",
            node,
        )
        return float(x), float(y)

    def edge_point(self, edge: str) -> tuple[float, float]:
        """Page coordinates of the middle of a drawn edge (curved or straight)."""
        x, y = self.page.evaluate(
            """(id) => {
              const net = kgView.network;
              const p = net.canvasToDOM(net.body.edges[id].edgeType.getPoint(0.5));
              const box = document.getElementById('kg-network').getBoundingClientRect();
              return [box.left + p.x, box.top + p.y];
            }""",
            edge,
        )
        return float(x), float(y)


@pytest.fixture(scope="session")
def browser_context() -> Iterator[Any]:
    """Debian's Chromium, headless, with a fresh profile; skipped only when not installed."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (make browser)")
    sync_api = pytest.importorskip("playwright.sync_api")
    profile = tempfile.mkdtemp(prefix="kg-chromium-")
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 800},
        )
        try:
            yield context
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)


_INIT = """
window.__kgScriptRan = false;
window.__kgOpened = [];
window.alert = function () { window.__kgScriptRan = true; };
window.open = function (url) { window.__kgOpened.push(String(url)); return null; };
"""


@pytest.fixture
def open_view(browser_context: Any) -> Iterator[Callable[[Path], OpenedView]]:
    """Open a view file, wait until its layout has settled; record errors and requests."""
    pages: list[Any] = []

    def opener(path: Path) -> OpenedView:
        page = browser_context.new_page()
        pages.append(page)
        view = OpenedView(page)
        page.on(
            "console", lambda m: view.console_errors.append(m.text) if m.type == "error" else None
        )
        page.on("pageerror", lambda e: view.console_errors.append(str(e)))
        page.on("dialog", lambda d: (view.dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: view.requests.append(r.url))

        def route(r: Any) -> None:
            if r.request.url.startswith("file://"):
                r.continue_()
            else:
                r.abort()

        page.route("**/*", route)
        page.add_init_script(_INIT)
        page.goto(path.resolve().as_uri())
        page.wait_for_function('() => typeof window.kgStabilised === "number"', timeout=20_000)
        return view

    yield opener
    for page in pages:
        page.close()

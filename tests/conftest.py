"""Fixtures shared by every test module: the seed corpus and a small hand-made graph."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED_CORPUS = ROOT.parent / "shared" / "corpus" / "hf-daily-papers"
EXAMPLES = ROOT / "examples"

HOSTILE_TITLE = '<img src=x onerror=alert(1)> & "quotes" > spaces\u00a0and 🧪 名前'


@pytest.fixture(scope="session")
def seed_corpus() -> Path:
    """The five Hugging Face Daily Papers listings beside the repository (../shared)."""
    if not SEED_CORPUS.is_dir():
        pytest.skip(f"seed corpus not found at {SEED_CORPUS}")
    return SEED_CORPUS


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


def _mention(text: str, field: str, start: int, extractor: str = "test") -> dict[str, object]:
    return {
        "text": text,
        "field": field,
        "start": start,
        "end": start + len(text),
        "sentence_start": 0,
        "sentence_end": start + len(text),
        "extractor": extractor,
        "confidence": 0.9,
    }


def make_tiny_graph() -> nx.MultiDiGraph:
    """A hand-made graph in kg's graph schema (see kg/graph.py), hostile text included.

    Papers A (introduces FlexGen), B (introduces InstInfer, compares with FlexGen, uses
    Qwen2.5-7B) and C (hostile title, evaluates on LongBench, uses Qwen2.5-7B). B cites A
    through FlexGen; Qwen2.5-7B is a variant of Qwen2.5.
    """
    g = nx.MultiDiGraph(kg_format=1)
    g.add_node(
        "arxiv:2303.06865",
        node_type="paper",
        label="FlexGen: High-Throughput Generative Inference of LLMs with a Single GPU",
        title="FlexGen: High-Throughput Generative Inference of LLMs with a Single GPU",
        abstract="We present FlexGen, a high-throughput generation engine.",
        date="2023-03-13",
        authors=["Ying Sheng", "Lianmin Zheng"],
        n_authors=2,
        upvotes=5,
        organisation=None,
        urls=["https://arxiv.org/abs/2303.06865"],
        arxiv_id="2303.06865",
        doi=None,
        sources=["a.txt:12"],
    )
    g.add_node(
        "title:instinfer-in-storage-attention-54887386",
        node_type="paper",
        label="InstInfer: In-Storage Attention",
        title="InstInfer: In-Storage Attention",
        abstract="We propose InstInfer. Compared to FlexGen, InstInfer is faster on Qwen2.5-7B.",
        date="--09-08",
        authors=[],
        n_authors=9,
        upvotes=2,
        organisation="DianJin",
        urls=[],
        arxiv_id=None,
        doi=None,
        sources=["b.txt:3", "c.txt:40"],
    )
    g.add_node(
        "title:hostile-0badc0de",
        node_type="paper",
        label=HOSTILE_TITLE,
        title=HOSTILE_TITLE,
        abstract="We evaluate Qwen2.5-7B on LongBench. </script><script>alert(2)</script>",
        date="2024",
        authors=["Ö. Müller", "<b>bold</b>"],
        n_authors=2,
        upvotes=None,
        organisation=None,
        urls=["https://example.org/a b>c"],
        arxiv_id=None,
        doi=None,
        sources=["d.json:1"],
    )
    entities = {
        "method:flexgen": dict(
            node_type="method",
            label="FlexGen",
            aliases=["FlexGen", "Flexgen"],
            introduced_by=["arxiv:2303.06865"],
            n_papers=2,
            url=None,
            family=None,
            size=None,
            variant=None,
        ),
        "method:instinfer": dict(
            node_type="method",
            label="InstInfer",
            aliases=["InstInfer"],
            introduced_by=["title:instinfer-in-storage-attention-54887386"],
            n_papers=1,
            url=None,
            family=None,
            size=None,
            variant=None,
        ),
        "model:qwen2.5-7b": dict(
            node_type="model",
            label="Qwen2.5-7B",
            aliases=["Qwen2.5-7B"],
            introduced_by=[],
            n_papers=2,
            url=None,
            family="model:qwen2.5",
            size="7B",
            variant=None,
        ),
        "model:qwen2.5": dict(
            node_type="model",
            label="Qwen2.5",
            aliases=["Qwen2.5"],
            introduced_by=[],
            n_papers=0,
            url=None,
            family=None,
            size=None,
            variant=None,
        ),
        "benchmark:longbench": dict(
            node_type="benchmark",
            label="LongBench",
            aliases=["LongBench", "<LongBench>"],
            introduced_by=[],
            n_papers=1,
            url=None,
            family=None,
            size=None,
            variant=None,
        ),
        "repo:github.com/fminference/flexgen": dict(
            node_type="repo",
            label="github.com/FMInference/FlexGen",
            aliases=["https://github.com/FMInference/FlexGen"],
            introduced_by=["arxiv:2303.06865"],
            n_papers=1,
            url="https://github.com/FMInference/FlexGen",
            family=None,
            size=None,
            variant=None,
        ),
    }
    for node, attrs in entities.items():
        g.add_node(node, **attrs)

    def link(paper: str, entity: str, role: str, text: str, field: str, start: int) -> None:
        g.add_edge(
            paper,
            entity,
            key=role,
            relation=role,
            weight=1.0,
            mentions=[_mention(text, field, start)],
        )

    a, b, c = (
        "arxiv:2303.06865",
        "title:instinfer-in-storage-attention-54887386",
        "title:hostile-0badc0de",
    )
    link(a, "method:flexgen", "introduces", "FlexGen", "title", 0)
    link(
        a,
        "repo:github.com/fminference/flexgen",
        "introduces",
        "https://github.com/FMInference/FlexGen",
        "abstract",
        0,
    )
    link(b, "method:instinfer", "introduces", "InstInfer", "title", 0)
    link(b, "method:flexgen", "compares_with", "FlexGen", "abstract", 34)
    link(b, "model:qwen2.5-7b", "uses", "Qwen2.5-7B", "abstract", 67)
    link(c, "model:qwen2.5-7b", "uses", "Qwen2.5-7B", "abstract", 12)
    link(c, "benchmark:longbench", "evaluates_on", "LongBench", "abstract", 26)
    g.add_edge(
        "model:qwen2.5-7b", "model:qwen2.5", key="variant_of", relation="variant_of", weight=1.0
    )
    g.add_edge(b, a, key="cites", relation="cites", weight=1.0, via=["method:flexgen"])
    return g


@pytest.fixture
def tiny_graph() -> nx.MultiDiGraph:
    """A fresh copy of the hand-made graph for each test (tests may mutate it)."""
    return make_tiny_graph()

"""Famous names are not introduced by a proposing sentence, only by a title they open."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.ids import paper_id
from kg.model import Paper, Role


def _roles(title: str, abstract: str) -> dict[str, Role]:
    paper = Paper(id=paper_id(title=title), title=title, abstract=abstract)
    return {m.text: m.role for m in extract(paper)}


@pytest.mark.parametrize(
    ("abstract", "famous"),
    [
        (
            "We introduce FooPrompt, which generalizes Chain-of-Thought prompting; GPT-4 with "
            "FooPrompt solves more tasks.",
            ["Chain-of-Thought", "GPT-4"],
        ),
        ("We introduce FooPrompt, a method that elicits long CoTs from small models.", ["CoTs"]),
    ],
)
def test_a_proposing_sentence_does_not_introduce_famous_names(
    abstract: str, famous: list[str]
) -> None:
    roles = _roles("FooPrompt: Better Reasoning", abstract)
    assert roles["FooPrompt"] is Role.INTRODUCES
    for name in famous:
        assert name in roles, (name, roles)
        assert roles[name] is not Role.INTRODUCES, (name, roles)


def test_a_title_that_opens_with_a_famous_name_introduces_it() -> None:
    roles = _roles(
        "LoRA: Low-Rank Adaptation of Large Language Models",
        "We propose Low-Rank Adaptation, or LoRA, which freezes the pretrained weights.",
    )
    assert roles["LoRA"] is Role.INTRODUCES


def test_a_new_method_sharing_a_famous_benchmarks_acronym_is_introduced() -> None:
    """AIME is a well-known math benchmark; a paper proposing the method "Action Inference
    by Maximising Evidence (AIME)" introduces a different thing with the same letters, so
    papers evaluating on the benchmark must not look like they cite it."""
    paper = Paper(
        id="p",
        title="Action Inference by Maximising Evidence: Imitation with World Models",
        abstract="In this paper, we propose Action Inference by Maximising Evidence (AIME) "
        "to imitate experts. AIME learns a world model first.",
    )
    found = {(m.text, m.type.value, m.role) for m in extract(paper)}
    assert ("AIME", "method", Role.INTRODUCES) in found, found
    assert not any(t == "AIME" and k == "benchmark" for t, k, _ in found), found
    other = Paper(id="q", title="Math Reasoning", abstract="We evaluate on AIME and MATH.")
    assert {(m.text, m.type.value) for m in extract(other)} >= {("AIME", "benchmark")}


def test_an_acronym_is_as_well_known_as_its_long_form() -> None:
    roles = _roles(
        "FooKac Correctors: Sampling Better",
        "To simulate these equations, we propose Sequential Monte Carlo (SMC) resampling "
        "algorithms that leverage compute.",
    )
    assert roles["SMC"] is not Role.INTRODUCES
    roles = _roles(
        "Tree of Thoughts: Deliberate Problem Solving with Large Language Models",
        "We introduce Tree of Thoughts (ToT), which generalizes prompting.",
    )
    assert roles["Tree of Thoughts"] is Role.INTRODUCES
    assert roles["ToT"] is Role.INTRODUCES

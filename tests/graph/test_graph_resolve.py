"""Entity resolution: must-merge and must-not-merge tables, blocking vs all pairs, alias files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

from kg.errors import InputError
from kg.model import EntityType, Field, Mention, Paper, Role
from kg.resolve import (
    AliasRules,
    Rule,
    load_aliases,
    number_signature,
    parse_aliases,
    resolve,
    typo_pairs,
)


def mention(text: str, kind: str = "method", paper: str = "p1", role: Role = Role.USES) -> Mention:
    return Mention(paper, text, EntityType(kind), role, Field.ABSTRACT, 0, len(text), "t", 1.0)


def same_entity(a: str, b: str, kind: str, **kw: object) -> bool:
    r = resolve([mention(a, kind, "p1"), mention(b, kind, "p2")], **kw)  # type: ignore[arg-type]
    return r.assignments[0] == r.assignments[1]


MUST_MERGE = [
    ("LLaMA-3", "Llama 3", "model"),
    ("LLaMA-3", "LLaMA3", "model"),
    ("Llama 3", "llama3", "model"),
    ("Qwen2.5-7B", "Qwen 2.5 7B", "model"),
    ("Qwen2.5-Math-7B-Instruct", "Qwen2.5-7B-Math-Instruct", "model"),
    ("FlexGen", "Flexgen", "method"),
    ("InstInfer", "InstInfers", "method"),
    ("PRM", "PRMs", "method"),
    ("LongBench", "the LongBench benchmark", "benchmark"),
    ("GSM8K", "the GSM8K dataset", "benchmark"),
    ("MMLU", "MMLU benchmark", "benchmark"),
    ("Llama 3", "the Llama 3 model", "model"),
    ("Speculative Decoding", "speculative-decoding", "method"),
    ("Chain-of-Thought", "chain of thought", "method"),
    ("Ångström", "Angstrom", "method"),
    ("https://github.com/FMInference/FlexGen", "github.com/fminference/flexgen.git", "repo"),
]

MUST_NOT_MERGE = [
    ("GPT-4", "GPT-4o", "model"),
    ("GPT-4", "GPT-4.5", "model"),
    ("GPT-4o", "GPT-4.5", "model"),
    ("Qwen2.5-7B", "Qwen2.5-1.5B", "model"),
    ("Qwen2.5-7B", "Qwen2.5-72B", "model"),
    ("Qwen2-Math", "Qwen2.5-Math", "model"),
    ("SATCOMP-2022", "SATCOMP-2023", "benchmark"),
    ("HumanEval", "HumanEval+", "benchmark"),
    ("ImageNet", "ImageNet-R", "benchmark"),
    ("ImageNet-A", "ImageNet-R", "benchmark"),
    ("BERT", "BART", "model"),
    ("LLaVA", "LLaMA", "model"),
    ("ResNet", "ResNeXt", "method"),
    ("Llama-3-8B", "Llama-3-8B-Instruct", "model"),
    ("Process Reward Model", "Process Reward", "method"),
    ("github.com/a/b", "github.com/a/c", "repo"),
]


@pytest.mark.parametrize(("a", "b", "kind"), MUST_MERGE)
def test_graph_must_merge(a: str, b: str, kind: str) -> None:
    assert same_entity(a, b, kind)


@pytest.mark.parametrize(("a", "b", "kind"), MUST_NOT_MERGE)
def test_graph_must_not_merge(a: str, b: str, kind: str) -> None:
    assert not same_entity(a, b, kind)


def test_graph_types_stay_apart() -> None:
    r = resolve([mention("LongBench", "benchmark"), mention("LongBench", "method")])
    assert r.assignments == ("benchmark:longbench", "method:longbench")


def test_graph_acronym_links_to_long_form_from_paper_text() -> None:
    paper = Paper(
        id="p1",
        title="Better PRMs",
        abstract="We train Process Reward Models (PRMs) with search.",
    )
    mentions = [
        mention("Process Reward Models", "method", "p1"),
        mention("PRMs", "method", "p1"),
        mention("PRM", "method", "p2"),
    ]
    r = resolve(mentions, papers=[paper])
    assert len(set(r.assignments)) == 1
    (entity,) = r.entities
    rules = {m.alias: m.rule for m in entity.merges}
    assert set(entity.entity.aliases) == {"PRM", "PRMs", "Process Reward Models"}
    assert Rule.ABBREVIATION in rules.values()
    assert rules[entity.entity.name] == Rule.PREFERRED
    # without the defining paper the acronym stays apart
    assert len(set(resolve(mentions).assignments)) == 2


def test_graph_acronym_alone_gains_its_expansion_as_alias() -> None:
    paper = Paper(id="p1", title="T", abstract="Monte Carlo Tree Search (MCTS) helps.")
    r = resolve([mention("MCTS", "method", "p1")], papers=[paper])
    (entity,) = r.entities
    assert entity.entity.aliases == ("MCTS", "Monte Carlo Tree Search")
    expansion = next(m for m in entity.merges if m.alias == "Monte Carlo Tree Search")
    assert expansion.rule == Rule.ABBREVIATION and expansion.papers == ("p1",)


def test_graph_model_variant_gets_family_not_merged() -> None:
    r = resolve([mention("Qwen2.5-7B", "model"), mention("Qwen2.5", "model", "p2")])
    by_id = r.by_id()
    assert set(by_id) == {"model:qwen2.5-7b", "model:qwen2.5"}
    variant = by_id["model:qwen2.5-7b"]
    assert variant.entity.family == "model:qwen2.5"
    assert (variant.size, variant.variant) == ("7B", None)
    assert by_id["model:qwen2.5"].n_papers == 1
    # a family nobody names is created, with no papers
    r = resolve([mention("GPT-4o-mini", "model")])
    by_id = r.by_id()
    assert by_id["model:gpt-4o-mini"].entity.family == "model:gpt-4o"
    assert by_id["model:gpt-4o"].n_papers == 0
    assert by_id["model:gpt-4o-mini"].variant == "mini"


def test_graph_merges_explain_every_alias_with_its_papers() -> None:
    r = resolve(
        [
            mention("FlexGen", paper="p1", role=Role.INTRODUCES),
            mention("FlexGen", paper="p2"),
            mention("Flexgen", paper="p3"),
            mention("the FlexGen system", paper="p4"),
        ]
    )
    (entity,) = r.entities
    merges = {m.alias: m for m in entity.merges}
    assert entity.entity.name == "FlexGen"
    assert merges["FlexGen"].rule == Rule.PREFERRED
    assert merges["FlexGen"].papers == ("p1", "p2")
    assert merges["Flexgen"].rule == Rule.SAME_KEY and merges["Flexgen"].papers == ("p3",)
    assert merges["the FlexGen system"].rule == Rule.AFFIX
    assert entity.entity.introduced_by == ("p1",)
    assert entity.n_papers == 4 and entity.n_mentions == 4


def test_graph_typo_needs_a_common_name_and_a_rare_slip() -> None:
    # equally common look-alikes stay apart (two names, not a name and its typo)
    assert not same_entity("SpeculativeDecoding", "SpecultiveDecoding", "method")
    r = resolve(
        [mention("Retrievalformer", paper=f"p{i}") for i in range(3)]
        + [mention("Retrievalfrmer", paper="p9")]
    )
    assert len(r.entities) == 1


def test_graph_typo_merge_has_a_score() -> None:
    r = resolve(
        [
            mention("SpeculativeDecoding"),
            mention("SpeculativeDecoding", paper="p2"),
            mention("SpecultiveDecoding", paper="p3"),
        ]
    )
    (entity,) = r.entities
    typo = next(m for m in entity.merges if m.alias == "SpecultiveDecoding")
    assert typo.rule == Rule.TYPO and 90 < typo.score < 100


def test_graph_resolution_is_independent_of_mention_order() -> None:
    ms = [
        mention(t, "model", f"p{i}")
        for i, t in enumerate(
            ["LLaMA-3", "Llama 3", "GPT-4", "GPT-4o", "Qwen2.5-7B", "qwen2.5-7b", "Llama3"]
        )
    ]
    a = resolve(ms)
    b = resolve(list(reversed(ms)))
    assert a.entities == b.entities
    assert a.assignments == tuple(reversed(b.assignments))


def test_graph_slug_collisions_get_a_hash_suffix() -> None:
    # "C++" and "C" slug alike ("c"), but are different things
    r = resolve([mention("C"), mention("C", paper="p2"), mention("C++", paper="p3")])
    ids = sorted({*r.assignments})
    assert ids[0] == "method:c" and ids[1].startswith("method:c-") and len(ids) == 2
    assert r.assignments[0] == "method:c"  # the one more papers name keeps the plain id


def test_graph_alias_file_forces_merges_and_splits(tmp_path: Path) -> None:
    path = tmp_path / "aliases.json"
    path.write_text(
        json.dumps(
            {
                "merge": [{"type": "method", "names": ["DPO", "Direct Preference Optimization"]}],
                "split": [{"names": ["FlexGen", "Flexgen"]}],
            }
        )
    )
    rules = load_aliases(path)
    ms = [
        mention("DPO"),
        mention("Direct Preference Optimization", paper="p2"),
        mention("FlexGen", paper="p3"),
        mention("Flexgen", paper="p4"),
    ]
    r = resolve(ms, aliases=rules)
    assert r.assignments[0] == r.assignments[1]
    assert r.assignments[2] != r.assignments[3]
    dpo = r.by_id()[r.assignments[0]]
    assert {m.rule for m in dpo.merges} == {Rule.PREFERRED, Rule.ALIAS_FILE}
    assert parse_aliases(rules.as_json()) == rules


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "JSON object"),
        ({"merge": [{"names": ["only one"]}]}, "two or more"),
        ({"merge": [{"type": "author", "names": ["a", "b"]}]}, "unknown type"),
        ({"merge": {}}, "must be a list"),
        ({"join": []}, "JSON object"),
    ],
)
def test_graph_bad_alias_files_say_what_is_wrong(data: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_aliases(data)


def test_graph_unreadable_alias_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        load_aliases(tmp_path / "missing.json")
    (tmp_path / "bad.json").write_text("{")
    with pytest.raises(InputError, match="not valid JSON"):
        load_aliases(tmp_path / "bad.json")


def test_graph_empty_resolution() -> None:
    assert resolve([]) == resolve([], aliases=AliasRules())
    assert resolve([]).entities == ()


def naive_typo_pairs(keys: list[str], min_length: int = 8) -> set[tuple[int, int]]:
    return {
        (i, j)
        for i in range(len(keys))
        for j in range(i + 1, len(keys))
        if len(keys[i]) >= min_length
        and len(keys[j]) >= min_length
        and keys[i] != keys[j]
        and number_signature(keys[i]) == number_signature(keys[j])
        and Levenshtein.distance(keys[i], keys[j]) <= 1
    }


@st.composite
def key_families(draw: st.DrawFn) -> list[str]:
    """Random keys plus one-edit mutants of them, so that positives exist."""
    alphabet = st.sampled_from("abcde12.")
    bases = draw(st.lists(st.text(alphabet, min_size=6, max_size=14), min_size=1, max_size=12))
    keys = list(bases)
    for base in bases:
        for _ in range(draw(st.integers(0, 3))):
            pos = draw(st.integers(0, len(base)))
            ch = draw(st.sampled_from("abcde12"))
            op = draw(st.sampled_from(["ins", "del", "sub"]))
            if op == "ins":
                keys.append(base[:pos] + ch + base[pos:])
            elif op == "del" and pos < len(base):
                keys.append(base[:pos] + base[pos + 1 :])
            elif pos < len(base):
                keys.append(base[:pos] + ch + base[pos + 1 :])
    return keys


@settings(max_examples=150, deadline=None)
@given(keys=key_families())
def test_graph_blocking_finds_the_same_pairs_as_all_pairs(keys: list[str]) -> None:
    assert typo_pairs(keys) == naive_typo_pairs(keys)


def test_graph_signature_examples() -> None:
    assert number_signature("satcomp2022") != number_signature("satcomp2023")
    assert number_signature("llama38b") == number_signature("llama38b")

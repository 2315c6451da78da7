"""Unit tables for each extractor, the name parser, URL normalisation, roles and acronyms."""

from __future__ import annotations

import pytest

from kg.errors import InputError, QueryError
from kg.extract import extract, registered, resolve_overlaps
from kg.extract.abbreviations import find_abbreviations
from kg.extract.lexicon import load_lexicon
from kg.extract.models import ModelName, parse_model_name
from kg.extract.repos import normalise_url
from kg.extract.roles import cue_role
from kg.model import EntityType, Field, Mention, Paper, Role


def found(abstract: str, title: str = "A Study", **options: object) -> dict[str, tuple[str, str]]:
    paper = Paper(id="p", title=title, abstract=abstract)
    return {m.text: (m.type.value, m.role.value) for m in extract(paper, **options)}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Qwen2.5-Math-7B-Instruct", ModelName("Qwen2.5", "7B", "Math-Instruct")),
        ("GPT-4o", ModelName("GPT-4o")),
        ("GPT-4", ModelName("GPT-4")),
        ("GPT-4o-mini", ModelName("GPT-4o", None, "mini")),
        ("LLaMA-3-8B", ModelName("LLaMA-3", "8B")),
        ("Llama-2-7b-chat-hf", ModelName("Llama-2", "7B", "chat-hf")),
        ("Mixtral 8x7B", ModelName("Mixtral", "8x7B")),
        ("o1", ModelName("o1")),
        ("o3-mini", ModelName("o3", None, "mini")),
        ("DeepSeek-R1-Distill-Qwen-7B", ModelName("DeepSeek-R1", "7B", "Distill-Qwen")),
        ("BERT-base", ModelName("BERT", None, "base")),
        ("Claude 3.5 Sonnet", ModelName("Claude 3.5", None, "Sonnet")),
        ("Qwen2.5-1.5B", ModelName("Qwen2.5", "1.5B")),
        ("", ModelName("")),
    ],
)
def test_parse_model_name(text: str, expected: ModelName) -> None:
    assert parse_model_name(text) == expected


def test_gpt4o_is_not_gpt4() -> None:
    assert parse_model_name("GPT-4o").family != parse_model_name("GPT-4").family
    assert parse_model_name("o1").family != parse_model_name("o3").family


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "https://huggingface.co/datasets/TreeAILab/Multi-turn_Long-context_Benchmark_for_LLMs{new",
            "https://huggingface.co/datasets/TreeAILab/Multi-turn_Long-context_Benchmark_for_LLMs",
        ),
        ("https://GitHub.com/FMInference/FlexGen.git", "https://github.com/FMInference/FlexGen"),
        ("https://github.com/THUDM/T1.", "https://github.com/THUDM/T1"),
        ("https://xuxw98.github.io/ESAM/,", "https://xuxw98.github.io/ESAM"),
        ("http://aka.ms/MInference", "https://aka.ms/MInference"),
        ("github.com/a/b/", "https://github.com/a/b"),
        ("https://example.org/wiki/Foo_(bar))", "https://example.org/wiki/Foo_(bar)"),
        ("HTTPS://WWW.EXAMPLE.COM:443/Path", "https://www.example.com/Path"),
        ("lab-x.github.io/proj/.", "https://lab-x.github.io/proj"),
        ("no link here", ""),
    ],
)
def test_normalise_url(raw: str, expected: str) -> None:
    assert normalise_url(raw) == expected
    assert normalise_url(expected) == expected


def test_repo_mention_excludes_debris_and_punctuation() -> None:
    got = found(
        "Code is available at https://github.com/a/B.git. Data: "
        "https://huggingface.co/datasets/x/LLMs{new"
    )
    assert got["https://github.com/a/B.git"] == ("repo", "introduces")
    assert "https://huggingface.co/datasets/x/LLMs" in got


def test_project_pages_without_a_scheme_are_repos() -> None:
    """Abstracts often write a project page bare ("Project page: name.github.io")."""
    got = found(
        "Project page: my-lab.github.io. Demo at team.gitlab.io/demo/, not at a.github.iota."
    )
    assert got["my-lab.github.io"][0] == "repo"
    assert got["team.gitlab.io/demo/"][0] == "repo"
    assert not any("iota" in name for name in got)


@pytest.mark.parametrize(
    ("abstract", "name", "kind"),
    [
        ("We compare with vLLM and FlashAttention.", "vLLM", "method"),
        ("We compare with vLLM and FlashAttention.", "FlashAttention", "method"),
        ("It is trained with PPO and DPO.", "DPO", "method"),
        ("We use Best-of-N and beam search.", "Best-of-N", "method"),
        ("We evaluate on GSM8K and MATH.", "GSM8K", "benchmark"),
        ("We evaluate on GSM8K and MATH.", "MATH", "benchmark"),
        ("Results on LongBench and RULER.", "RULER", "benchmark"),
        ("We build the FLAME dataset for testing.", "FLAME", "benchmark"),
        ("Experiments on SuperBench-v2 show gains.", "SuperBench-v2", "benchmark"),
        ("We fine-tune Qwen2.5-Math-7B-Instruct.", "Qwen2.5-Math-7B-Instruct", "model"),
        ("It beats GPT-4o and o1 on math.", "GPT-4o", "model"),
        ("It beats GPT-4o and o1 on math.", "o1", "model"),
        ("We fine-tune LLaMA-3-8B here.", "LLaMA-3-8B", "model"),
        ("We apply it to the recent RAVE model.", "RAVE", "model"),
        ("We train FooNet-7B on text.", "FooNet-7B", "model"),
    ],
)
def test_finds_names(abstract: str, name: str, kind: str) -> None:
    assert found(abstract).get(name, ("none",))[0] == kind


@pytest.mark.parametrize(
    "abstract",
    [
        "The attention mechanism of LLMs on a GPU with KV cache in VRAM over PCIe.",
        "We study RL and NLP with AI on the CPU, SSD and API.",
        "our approach uses a 13B model on an NVIDIA A6000 GPU, 11.1times faster.",
        "",
    ],
)
def test_generic_text_has_no_entities(abstract: str) -> None:
    assert found(abstract) == {}


def test_title_name_before_colon_is_introduced() -> None:
    got = found(
        "InstInfer offloads attention, compared to FlexGen.",
        title="InstInfer: In-Storage Attention Offloading",
    )
    assert got["InstInfer"] == ("method", "introduces")
    assert got["FlexGen"] == ("method", "compares_with")


@pytest.mark.parametrize(
    ("abstract", "name", "kind"),
    [
        ("We propose Archon, a framework for inference.", "Archon", "method"),
        ("We introduce ProcBench, a benchmark for reasoning.", "ProcBench", "benchmark"),
        ("A new system, dubbed Zebra, is built.", "Zebra", "method"),
        ("We present Falconer, a video-language model.", "Falconer", "model"),
    ],
)
def test_introduction_cues(abstract: str, name: str, kind: str) -> None:
    assert found(abstract)[name] == (kind, "introduces")


@pytest.mark.parametrize(
    ("before", "kind", "role"),
    [
        ("It outperforms ", EntityType.METHOD, Role.COMPARES_WITH),
        ("We evaluate on ", EntityType.BENCHMARK, Role.EVALUATES_ON),
        ("Our method is built on ", EntityType.METHOD, Role.USES),
        ("We fine-tune ", EntityType.MODEL, Role.USES),
        ("Code is available at ", EntityType.REPO, Role.INTRODUCES),
        ("Much faster than ", EntityType.MODEL, Role.COMPARES_WITH),
        ("It gains 3 points over ", EntityType.METHOD, Role.COMPARES_WITH),
        # "over" before a number is a quantity: the default role stands
        ("We fine-tune it, with over 11x speed-ups on ", EntityType.MODEL, Role.USES),
        ("Over 1,000 runs across ", EntityType.MODEL, Role.USES),
        # a dataset trained on or built upon is used; one reported on is evaluated on
        ("The model is trained on ", EntityType.BENCHMARK, Role.USES),
        ("We build upon the ", EntityType.BENCHMARK, Role.USES),
        ("We evaluate it using ", EntityType.BENCHMARK, Role.EVALUATES_ON),
        (
            "Unlike training on raw data, it reaches 25.4% on ",
            EntityType.BENCHMARK,
            Role.EVALUATES_ON,
        ),
    ],
)
def test_cue_roles(before: str, kind: EntityType, role: Role) -> None:
    assert cue_role(before, kind) is role


def test_strongest_role_wins_within_a_paper() -> None:
    got = extract(Paper(id="p", title="A", abstract="We use vLLM. Our system outperforms vLLM."))
    assert {m.role for m in got if m.text == "vLLM"} == {Role.COMPARES_WITH}


def test_abbreviations_schwartz_hearst() -> None:
    text = "We train Process Reward Models (PRMs) and use the key-value (KV) cache."
    pairs = [(a.short, a.long) for a in find_abbreviations(text)]
    assert pairs == [("PRMs", "Process Reward Models"), ("KV", "key-value")]
    for a in find_abbreviations(text):
        assert text[a.long_start : a.long_end] == a.long
        assert text[a.short_start : a.short_end] == a.short


def test_quotation_marks_around_a_long_form_are_not_part_of_it() -> None:
    text = "Our unique \u201dEvolution of Quills\u201d (EoQ) technique and 'Zorb Net' (ZN) help."
    found = find_abbreviations(text)
    assert [(a.short, a.long) for a in found] == [
        ("EoQ", "Evolution of Quills"),
        ("ZN", "Zorb Net"),
    ]
    assert all(text[a.long_start : a.long_end] == a.long for a in found)


def test_overlaps_longest_span_wins_one_type_per_span() -> None:
    def m(text: str, start: int, kind: EntityType, conf: float) -> Mention:
        return Mention(
            "p", text, kind, Role.USES, Field.ABSTRACT, start, start + len(text), "t", conf
        )

    kept = resolve_overlaps(
        [
            m("Qwen2.5", 0, EntityType.MODEL, 0.9),
            m("Qwen2.5-Math", 0, EntityType.METHOD, 0.5),
            m("Qwen2.5-Math", 0, EntityType.MODEL, 0.9),
        ]
    )
    assert [(k.text, k.type) for k in kept] == [("Qwen2.5-Math", EntityType.MODEL)]


def test_registry_names_and_unknown_name() -> None:
    assert sorted(registered()) == ["benchmarks", "methods", "models", "repos"]
    with pytest.raises(QueryError, match="Available names: benchmarks, methods, models, repos"):
        extract(Paper(id="p", title="t"), extractors=["nope"])


def test_disabling_an_extractor() -> None:
    got = found("We evaluate vLLM on GSM8K.", exclude=["benchmarks"])
    assert "GSM8K" not in got and "vLLM" in got
    only = found("We evaluate vLLM on GSM8K.", extractors=["benchmarks"])
    assert set(only) == {"GSM8K"}


def test_user_lexicon(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "mine.txt"
    path.write_text("# mine\nbenchmark: Zorblax\nstop: FlexGen\n", encoding="utf-8")
    got = found("We run FlexGen on Zorblax today.", lexicons=[str(path)])
    assert got == {"Zorblax": ("benchmark", "evaluates_on")}
    bad = Path(str(tmp_path)) / "bad.txt"
    bad.write_text("Zorblax\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.txt:1"):
        load_lexicon((str(bad),))


def test_a_compiled_lexicon_pickles_and_finds_the_same() -> None:
    import pickle

    lexicon = load_lexicon()
    text = "We run vLLM on GSM8K with beam search."
    found_before = list(lexicon.find(text))  # compiles the automaton
    copy = pickle.loads(pickle.dumps(lexicon))
    assert list(copy.find(text)) == found_before
    assert copy.entries == lexicon.entries and copy.stop == lexicon.stop


def test_an_acronym_with_several_capitals_gets_a_word_initial_long_form() -> None:
    from kg.extract.abbreviations import find_abbreviations

    found = find_abbreviations(
        "We introduce Tree of Thoughts (ToT), and sparse Mixture-of-Experts (MoE)."
    )
    assert [(a.short, a.long) for a in found] == [
        ("ToT", "Tree of Thoughts"),
        ("MoE", "Mixture-of-Experts"),
    ]


def test_builtin_lexicons_give_each_name_one_type_and_list_it_once() -> None:
    """A name in two lexicon files silently takes the type of the later file; the data
    files say each name's type exactly once instead."""
    from importlib.resources import files

    data = files("kg.extract").joinpath("data")
    where: dict[str, list[str]] = {}
    for name in ("benchmarks.txt", "models.txt", "methods.txt", "stoplist.txt"):
        for line in data.joinpath(name).read_text(encoding="utf-8").splitlines():
            entry = line.strip()
            if entry and not entry.startswith("#"):
                where.setdefault(entry, []).append(name)
    assert {k: v for k, v in where.items() if len(v) > 1} == {}

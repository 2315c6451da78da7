"""General introduction, typing and span patterns (one sentence each, not corpus strings)."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.names import Candidate, _consolidate
from kg.model import EntityType, Field, Paper


def found(abstract: str, title: str = "A Study of Things") -> dict[str, tuple[str, str]]:
    paper = Paper(id="p", title=title, abstract=abstract)
    return {m.text: (m.type.value, m.role.value) for m in extract(paper)}


@pytest.mark.parametrize(
    ("abstract", "name", "kind"),
    [
        # "our approach, X (Y)": the long form and its acronym are introduced
        ("Our approach, Quick-start Tuning (QST), avoids forgetting.", "QST", "method"),
        # "our X framework"
        ("We show that our ZetaFlow framework scales to long inputs.", "ZetaFlow", "method"),
        # a long form that starts where the proposing verb's object starts
        (
            "First, we propose a Damped Kernel Update method with Lazy Steps (DKU-LS) here.",
            "DKU-LS",
            "method",
        ),
        # an apposition with commas among its adjectives makes a dataset
        (
            "To fill the gap, we introduce QuillSet, a modern, real-world dataset.",
            "QuillSet",
            "benchmark",
        ),
        # a proposing verb without "we" before a coined name with an apposition
        (
            "This lets us drop the cache and present FlowKite: a system for serving.",
            "FlowKite",
            "method",
        ),
        # the paper's parts described right after their Title Case names
        (
            "We propose FooNet. It combines Gated Memory Routing, which selects slots.",
            "Gated Memory Routing",
            "method",
        ),
        # the paper's own verb after another of its own ("we streamline ... and propose")
        (
            "In this work, we streamline existing recommenders and propose a simple yet highly "
            "effective model Zephyrec-2. Zephyrec-2 is fast.",
            "Zephyrec-2",
            "model",
        ),
        # "our second approach is X"
        (
            "We propose two approaches. Our second approach is Answer-Guided Repair, where the "
            "model corrects itself.",
            "Answer-Guided Repair",
            "method",
        ),
        # "which we call X (ACR)"
        (
            "We derive a weighted scheme which we call Kernel Path Correctors (KPCs) for sampling.",
            "Kernel Path Correctors",
            "method",
        ),
        # "a new algorithm (X)"
        ("We give a new algorithm (ZIGLOW) that explores.", "ZIGLOW", "method"),
        # "X is a novel ..."
        ("VortexKV is a novel scheduler for batched decoding.", "VortexKV", "method"),
        # "a new benchmark, X," and "a more efficient counterpart, X,"
        ("We release a new benchmark, TarnEval, for agents.", "TarnEval", "benchmark"),
        (
            "BarkFit is slow; we complement it with a more efficient counterpart, QuBark, that "
            "scales.",
            "QuBark",
            "method",
        ),
        # the means of the paper's own work: "we address X by proposing Y"
        (
            "Here we address this challenge by proposing Zonal Drift Sampling.",
            "Zonal Drift Sampling",
            "method",
        ),
        # an unparenthesised acronym right after the long form it spells
        (
            "We tackle this by proposing Self-Tuned Robust Merging STRM, a practical framework.",
            "STRM",
            "method",
        ),
    ],
)
def test_introduced(abstract: str, name: str, kind: str) -> None:
    assert found(abstract).get(name) == (kind, "introduces")


def test_adaptation_of_a_known_method_is_used_not_introduced() -> None:
    got = found(
        "To train it, we introduce Ada-PPO, an adaptation of Proximal Policy Optimization (PPO),"
        " which fixes collapse."
    )
    assert got["Ada-PPO"] == ("method", "introduces")
    assert got["PPO"][1] != "introduces"


def test_title_rest_names_a_model_series() -> None:
    got = found("We train it on math.", title="ZORB: Adaptive Reasoning Model")
    assert got["ZORB"] == ("model", "introduces")
    got = found("We train it on math.", title="ZORB: Training Language Models to Think")
    assert got["ZORB"][0] == "method"


def test_title_without_colon_opening_with_a_technique_name() -> None:
    got = found("We study returns.", title="Multi-Goal Sequence Transformers for Offline Control")
    assert got["Multi-Goal Sequence Transformers"] == ("method", "introduces")


def test_spaced_model_versions_and_sizes() -> None:
    got = found("We fine-tune Llama 3.1 8B and Mistral 7B, then Llama 2. BERT 12 layers.")
    assert {"Llama 3.1 8B", "Mistral 7B", "Llama 2", "BERT"} <= set(got)


def test_parenthesised_dataset_list_is_benchmarks() -> None:
    got = found("It is evaluated on three datasets (Hamlet, KorpaSet, and ZEBRA) with care.")
    assert got["KorpaSet"][0] == "benchmark"
    assert got["ZEBRA"][0] == "benchmark"


def test_publicly_available_datasets_are_not_introduced() -> None:
    got = found("It is evaluated using publicly available datasets (KorpaSet, and ZEBRA).")
    assert got["KorpaSet"] == ("benchmark", "evaluates_on")


def test_acronym_follows_its_long_form_and_theories_are_not_entities() -> None:
    got = found("It ranks high in the leak-free AI Mathematical Olympiad (AIMO) this year.")
    assert got.get("AIMO", ("benchmark",))[0] == "benchmark"
    got = found("Drawing on Information Foraging Theory (IFT), we propose ZetaFlow.")
    assert "IFT" not in got


def test_number_formats_and_units_are_not_names() -> None:
    got = found("Weights in BFloat16 fit on 8x80GB nodes.")
    assert "BFloat16" not in got
    assert "8x80GB" not in got


def test_an_introduced_name_is_typed_by_what_the_paper_calls_it_everywhere() -> None:
    got = found(
        "We then introduce Quiformer (Query Interaction Transformer) for ranking. Experiments "
        "show the Quiformer model is fast. We deployed the Quiformer model at scale."
    )
    assert got["Quiformer"] == ("model", "introduces")


def test_the_authors_earlier_work_is_not_introduced_again() -> None:
    got = found(
        "We previously introduced KestrelRL, a benchmark of real tasks. Here we present "
        "KestrelRL-2, with new datasets."
    )
    assert got["KestrelRL-2"][1] == "introduces"
    assert got["KestrelRL"][1] != "introduces"


def test_acronyms_of_common_noun_phrases_are_not_names() -> None:
    got = found(
        "We study the generalized Gaussian distribution (GGD) of errors and propose a scheme "
        "to leverage the GGD. Marked TPPs model time and marks together."
    )
    assert "GGD" not in got
    assert "TPPs" not in got


def test_two_models_joined_by_a_slash_are_two_mentions() -> None:
    got = found("We built the assistant upon Llama-2/Llama-3 and compare it to GPT-4o.")
    assert {"Llama-2", "Llama-3"} <= set(got)
    assert "Llama-2/Llama-3" not in got


def test_venues_with_a_year_and_spaced_gpus_are_not_methods() -> None:
    got = found("Accepted at NeurIPS 2024 and WWW 2025; trained on one RTX 3090 in a day.")
    assert not {"NeurIPS 2024", "WWW 2025", "RTX 3090"} & set(got)


def test_a_spaced_decimal_version_belongs_to_the_name() -> None:
    got = found("Experiments on LCQuAD 1.0 and QALD-9 show gains.")
    assert got["LCQuAD 1.0"][0] == "benchmark"


def test_title_heads_that_open_a_phrase_are_not_names() -> None:
    got = found("Beyond memorization, models infer.", title="Beyond Memorization: Privacy")
    assert "Beyond Memorization" not in got
    got = found("We present ZetaFlow for serving.", title="ZetaFlow: Fast Serving")
    assert got["ZetaFlow"] == ("method", "introduces")


def test_a_family_stem_name_that_the_title_calls_an_agent_is_a_method() -> None:
    got = found("We build it on LLaMA.", title="Llama-Agent: A Fine-Tunable Generalist Agent")
    assert got["Llama-Agent"] == ("method", "introduces")


def test_a_name_starting_in_lower_case_after_the_papers_own_verb() -> None:
    got = found("We further propose a new method f-DVL that avoids instability.")
    assert got["f-DVL"] == ("method", "introduces")


def test_a_title_head_with_an_inner_exclamation_mark_is_a_name() -> None:
    got = found(
        "We implement this via Hogwild! Inference: a parallel inference engine.",
        title="Hogwild! Inference: Parallel LLM Generation via Concurrent Attention",
    )
    assert got["Hogwild! Inference"] == ("method", "introduces")


def test_a_lower_case_initial_name_right_after_the_verb() -> None:
    got = found("To enable it, we present mllm-NPX, the first system of its kind.")
    assert got["mllm-NPX"] == ("method", "introduces")


def test_plain_words_listed_after_a_dataset_head_are_benchmarks() -> None:
    got = found("It is evaluated on three public datasets (Bramble, EndoSet, and CAVERN).")
    assert got["Bramble"] == ("benchmark", "evaluates_on")
    assert got["CAVERN"][0] == "benchmark"
    got = found("It also helps report generation tasks (Quillon).")
    assert got["Quillon"][0] == "benchmark"


def test_hyphenated_names_with_lower_case_connectors_are_whole() -> None:
    got = found("This paper presents Sketch-and-Refine, a novel framework for reasoning.")
    assert got["Sketch-and-Refine"] == ("method", "introduces")
    assert "Sketch" not in got


def test_a_capitalised_adjective_after_the_verb_is_not_a_name() -> None:
    got = found("We propose a novel Bayesian method that reduces the sample size.")
    assert "Bayesian" not in got


def test_a_curated_name_with_slashed_versions_keeps_its_type() -> None:
    got = found("Experiments on MOT16/17/20 show gains.")
    assert got["MOT16/17/20"][0] == "benchmark"


def test_decimal_figures_do_not_break_an_evaluation_clause() -> None:
    got = found("It yields a 46.8% accuracy gain and a 97.28% speed-up on Zk-2q.")
    assert got["Zk-2q"] == ("benchmark", "evaluates_on")
    got = found("It yields a 46.8% accuracy gain. Then we tune it with Zk-2q.")
    assert got["Zk-2q"][0] == "method"  # a sentence's full stop still ends the clause


def test_a_claimed_result_on_a_name_makes_it_a_benchmark() -> None:
    got = found("Zorp-1 outperforms all baselines on Qelt-7 and Vanta-3.")
    assert got["Qelt-7"] == ("benchmark", "evaluates_on")
    assert got["Vanta-3"][0] == "benchmark"
    got = found("It achieves state-of-the-art accuracy across Qelt-7, with 3.2% gains.")
    assert got["Qelt-7"][0] == "benchmark"
    got = found("It shows consistent gains over Zorp-1 in every setting.")
    assert got["Zorp-1"][0] == "method"  # "gains over X": X is a baseline


def test_a_naming_clause_takes_the_kind_of_its_head_noun() -> None:
    got = found("We propose a novel model for ranking, named Zeta Fold Network (ZFN).")
    assert got["Zeta Fold Network"] == ("model", "introduces")
    assert got["ZFN"] == ("model", "introduces")
    got = found("We build a large dataset of annotated proofs, termed as Proofy.")
    assert got["Proofy"] == ("benchmark", "introduces")
    got = found("We design a framework around a compact model, dubbed Zorbit.")
    assert got["Zorbit"][0] == "model"  # the nearest head noun
    got = found("We propose a model-agnostic framework, named Zorbit.")
    assert got["Zorbit"][0] == "method"  # "model-agnostic" is no head


def test_an_acronym_and_its_long_form_share_the_stronger_role() -> None:
    title = "LoRA: Low-Rank Adaptation of Large Language Models"
    got = found("We propose Low-Rank Adaptation (LoRA), which freezes weights.", title)
    assert got["LoRA"] == ("method", "introduces")
    assert got["Low-Rank Adaptation"] == ("method", "introduces")
    abstract = "Methods such as Direct Policy Optimization (DPO) exist. We fine-tune with DPO."
    assert found(abstract)["Direct Policy Optimization"] == ("method", "uses")
    # A new long form for a famous acronym does not make the famous name introduced.
    got = found("We introduce Tree of Trials (ToT), a new framework. GPT-4 with ToT wins.")
    assert got["Tree of Trials"] == ("method", "introduces")
    assert got["ToT"][1] != "introduces"


def test_only_the_papers_own_proposal_after_by_is_introduced() -> None:
    got = found("Others scaled it by proposing Zonal Drift Sampling; we study it.")
    assert got.get("Zonal Drift Sampling", ("", ""))[1] != "introduces"
    got = found("We improve recall by using Zonal Drift Sampling.")
    assert got.get("Zonal Drift Sampling", ("", ""))[1] != "introduces"
    # an acronym after a long form is no part of it, even where it does not spell it
    got = found("We propose Self-Tuned Robust Merging TRAX for merging.")
    assert "Self-Tuned Robust Merging" in got
    assert "Self-Tuned Robust Merging TRAX" not in got


def test_a_capitalised_naming_word_is_part_of_a_name() -> None:
    got = found("We study Question Answering, Named Entity Recognition and Parsing tasks.")
    assert all(role != "introduces" for _, role in got.values())
    assert found("We propose a method called ZapNet.")["ZapNet"] == ("method", "introduces")


def test_two_title_case_techniques_joined_by_and_are_two_names() -> None:
    got = found("We combine Bayesian Kernel Optimization and Guided Tree Search for planning.")
    assert got["Bayesian Kernel Optimization"][0] == "method"
    assert got["Guided Tree Search"][0] == "method"
    assert "Bayesian Kernel Optimization and Guided Tree Search" not in got


def test_a_sized_version_of_an_introduced_name_is_introduced() -> None:
    title = "Zorbit: Function Calling at the Edge"
    got = found("We present Zorbit. Our Zorbit-1.1B model beats GPT-4-Turbo and Qwen2-7B.", title)
    assert got["Zorbit-1.1B"] == ("model", "introduces")
    assert got["Qwen2-7B"][1] != "introduces"
    got = found("We release Flarm, a family of models. Flarm-7B is strong; FlarmX-7B is not.")
    assert got["Flarm-7B"][1] == "introduces"
    assert got.get("FlarmX-7B", ("", ""))[1] != "introduces"


def test_a_title_that_opens_with_a_gerund_names_no_method() -> None:
    got = found("We study drafts.", title="Refining Multi-draft Speculative Decoding")
    assert "Refining Multi-draft Speculative Decoding" not in got
    got = found("We study drafts.", title="Boosting Sparse Mixture Routers for Long Inputs")
    assert all(role != "introduces" for _, role in got.values())


def test_a_hyphenated_size_after_a_spaced_version() -> None:
    got = found("We run Llama 2-13B as the target model.")
    assert got["Llama 2-13B"][0] == "model"
    assert "2-13B" not in got


def test_an_acronym_spelt_out_after_it_introduces_both_forms() -> None:
    got = found("We introduce ZAPR (Zonal and Adaptive Pruning Rules), a novel method.")
    assert got["ZAPR"] == ("method", "introduces")
    assert got["Zonal and Adaptive Pruning Rules"] == ("method", "introduces")
    assert "Adaptive Pruning Rules" not in got


def test_the_long_form_of_a_title_acronym_is_introduced_too() -> None:
    got = found("We propose Quilted Span-jumP (QuSP) training for it.", title="QuSP: Long Inputs")
    assert got["Quilted Span-jumP"] == ("method", "introduces")
    assert "Span-jumP" not in got


def test_a_comma_after_the_head_noun_still_introduces_the_name() -> None:
    # the acronym is a curated model name; what the paper proposes is a method that shares it
    got = found("We propose a novel method, Offline Pre-Tuning for Control (OPT), here. OPT wins.")
    assert got["OPT"] == ("method", "introduces")
    assert got["Offline Pre-Tuning for Control"] == ("method", "introduces")
    got = found("We propose a novel framework, Quiet Harbor, for routing.")
    assert got["Quiet Harbor"] == ("method", "introduces")


def test_a_devised_module_is_introduced() -> None:
    got = found("We devise a Gated Flow Fusion (GFF) module to align features.")
    assert got["GFF"] == ("method", "introduces")


def test_a_list_after_benchmarks_and_a_colon_is_benchmarks() -> None:
    got = found("We evaluate it across two benchmarks: KelpTrail and MoxRun.")
    assert got["MoxRun"] == ("benchmark", "evaluates_on")


def test_citation_keys_are_not_names() -> None:
    got = found("Probes detect it [AM23; Bei+24, DYT24] [Qwen24] [3, 5-7] with GPT-4 [GPT-4].")
    assert set(got) == {"GPT-4"}


def test_an_apposition_is_typed_by_the_last_noun_of_its_phrase() -> None:
    got = found("We propose ZorbMat, an end-to-end diffusion model fine-tuning strategy.")
    assert got["ZorbMat"] == ("method", "introduces")
    got = found("We release QuillSet, a large benchmark dataset of 10k dialogues.")
    assert got["QuillSet"] == ("benchmark", "introduces")


def test_an_unknown_name_in_a_list_is_of_its_neighbours_kind() -> None:
    got = found("Tasks come from LeetCode, KelpJudge, and Codeforces. We tune Llama-3 and ZorbLM.")
    assert got["KelpJudge"][0] == "benchmark"
    assert got["ZorbLM"][0] == "model"
    got = found("On LongBench and PG-19, ZorbPrune keeps its accuracy.")
    assert got["ZorbPrune"][0] == "method"  # the list ended with PG-19


def test_a_title_head_drops_the_words_around_its_name() -> None:
    got = found("We release it.", title="The ZorbWeb Datasets: Decanting the Web")
    assert got["ZorbWeb"] == ("benchmark", "introduces")
    got = found("We train ZorbLM-2.", title="ZorbLM-2 Technical Report: Small Models")
    assert got["ZorbLM-2"][1] == "introduces"
    assert "ZorbLM-2 Technical Report" not in got


def test_a_title_names_without_its_article_and_with_its_acronym() -> None:
    got = found(
        "We model it as a game called the Quill Zorbing Game.",
        title="The Quill Zorbing Game: Loop Play",
    )
    assert got["Quill Zorbing Game"] == ("method", "introduces")
    got = found("We study it.", title="A Multi-Scale Zorb Transformer for Music Generation")
    assert got["Multi-Scale Zorb Transformer"] == ("method", "introduces")
    got = found(
        "We present QZB, the first evaluation suite for agents.",
        title="Quill Zorb Bench (QZB): Benchmarking Attacks on Agents",
    )
    assert got["Quill Zorb Bench"] == got["QZB"] == ("benchmark", "introduces")


def test_datasets_listed_after_the_papers_own_verb_are_introduced() -> None:
    got = found("We also introduce new datasets (KelpMath, Zorb-Edu, and QuillTalk) for it.")
    assert {got[n] for n in ("KelpMath", "Zorb-Edu", "QuillTalk")} == {("benchmark", "introduces")}


def test_our_model_with_adjectives_before_the_head_is_introduced() -> None:
    got = found("Only our fine-tuned model ZRB-Llama resolves the simplest issues.")
    assert got["ZRB-Llama"] == ("model", "introduces")


def test_a_name_built_on_a_family_is_whole() -> None:
    got = found("We compare Zorb-Llama with Code-Llama and OpenAI-o1.")
    assert got["Zorb-Llama"][0] == got["Code-Llama"][0] == "model"
    assert "Llama" not in got


def test_spaced_model_tiers_belong_to_the_name() -> None:
    got = found("We test Claude Sonnet 3.7, Gemini 1.5 Pro and Qwen 2 Large language models.")
    assert {"Claude Sonnet 3.7", "Gemini 1.5 Pro", "Qwen 2"} <= set(got)


def test_task_names_and_plural_classes_are_not_names() -> None:
    got = found("We map Text-to-3D and Image-to-Video with ZiTs and Video-LLMs.")
    assert not {"Text-to-3D", "Image-to-Video", "ZiTs", "Video-LLMs"} & set(got)
    assert found("Small ViTs are fast.")["ViTs"][0] == "model"  # more of a curated name


def test_a_title_head_opening_with_a_phrase_word_is_no_name() -> None:
    got = found("We compress the cache.", title="Beyond ZRAG: Task-Aware Cache Compression")
    assert "Beyond ZRAG" not in got


def test_a_coined_name_with_a_spaced_size_is_a_model() -> None:
    got = found("We train ZorbDA 8B from scratch. ZorbDA is strong.")
    assert got["ZorbDA 8B"][0] == "model"
    assert got["ZorbDA"][0] == "model"


def test_we_name_this_method_introduces_it() -> None:
    got = found("We name this method Quiet Score Folding (QSF), which helps. The name is apt.")
    assert got["QSF"] == ("method", "introduces")
    assert got["Quiet Score Folding"] == ("method", "introduces")


def test_an_introduced_name_with_a_size_that_the_paper_calls_a_dataset_is_a_benchmark() -> None:
    """A size suffix names a dataset's size too: the paper's own word decides."""
    got = found("We present Zorbix-5B, a large-scale open dataset of listening events.")
    assert got["Zorbix-5B"] == ("benchmark", "introduces")
    got = found("We present Zorbix-7B, a compact open model for ranking.")
    assert got["Zorbix-7B"] == ("model", "introduces")


def test_a_head_noun_after_a_bracketed_acronym_types_both_forms() -> None:
    got = found("We introduce the Probing Quill Evaluation (PQE) dataset to test models.")
    assert got["Probing Quill Evaluation"] == ("benchmark", "introduces")
    assert got["PQE"] == ("benchmark", "introduces")


def test_a_comma_after_a_fronted_prepositional_object_is_no_apposition() -> None:
    """ "On X, our method ..." says nothing of what X is; "the X and Y datasets" does."""
    got = found(
        "Experiments on the Quarry and ZK-RGBD datasets show gains. "
        "On ZK-RGBD, our method beats the closest baseline."
    )
    assert got["ZK-RGBD"][0] == "benchmark"


def test_a_spaced_tier_alone_or_a_size_version_belongs_to_a_family_name() -> None:
    got = found("Models like GPT-4V and Gemini Pro fail, as does Whisper large-v3 here.")
    assert got["Gemini Pro"] == ("model", "uses")
    assert got["Whisper large-v3"][0] == "model"


def test_a_spaced_version_keeps_the_kind_its_name_has_in_the_paper() -> None:
    """ "OWSM v3.1" is a version of the model OWSM; "NYU Depth v2" stays a dataset."""
    got = found("Like models such as Whisper and ZORB, we beat ZORB v3.1 on CSJ.")
    assert got["ZORB v3.1"][0] == "model"
    assert found("We evaluate on NYU Depth v2 and KITTI.")["NYU Depth v2"][0] == "benchmark"


def test_metrics_units_and_task_acronyms_are_not_names() -> None:
    got = found(
        "Our AAC method obtains a 33.0 SPIDEr-FL score and 0.71 NDS, at 800 MHz, "
        "and a Macro-F1 of 80 on QuillBench."
    )
    assert not {"AAC", "SPIDEr-FL", "NDS", "MHz", "Macro-F1"} & set(got)
    assert got["QuillBench"][0] == "benchmark"


def test_a_variant_of_a_curated_name_keeps_its_kind() -> None:
    assert found("Our RL training improves MBPP-plus by 6%.")["MBPP-plus"][0] == "benchmark"
    assert found("It also helps GSM8K-Hard a lot.")["GSM8K-Hard"][0] == "benchmark"


def test_an_evaluation_framework_is_a_benchmark() -> None:
    got = found("We address this by proposing QUILL, an evaluation framework for long contexts.")
    assert got["QUILL"] == ("benchmark", "introduces")


def test_a_bracketed_list_is_a_list() -> None:
    """An unknown name in brackets with a known benchmark is one more benchmark."""
    got = found("It beats VLA methods in simulated (ZORBSIM, FurnitureBench) settings.")
    assert got["ZORBSIM"][0] == "benchmark"


def test_a_long_curated_name_in_other_inner_case_is_found() -> None:
    got = found("It reaches 2.4% WER on the Librispeech test-clean set, using Deepseek-V3.")
    assert got["Librispeech"][0] == "benchmark"
    assert "Complex" not in found("Complex tasks need long chains of reasoning.")


def test_enumerated_title_case_parts_of_an_introduced_design_are_introduced() -> None:
    design = (
        "We propose ZorbDet, a detector. ZorbDet comprises three designs: 1) Object Aligned "
        "Quill Fusion aligns features. 2) Focused Quill Sampling samples points."
    )
    got = found(design)
    assert got["Object Aligned Quill Fusion"] == ("method", "introduces")
    assert got["Focused Quill Sampling"] == ("method", "introduces")
    traits = (
        "We propose ZorbSet, a dataset. ZorbSet has several appealing properties: "
        "1) Vast Quill Vocabulary: it has many classes. 2) Rich Quill Annotations: many boxes."
    )
    assert "Vast Quill Vocabulary" not in found(traits)
    phases = (
        "We propose ZorbPlan, a planner. The exemplars guide planning in two key phases: "
        "(1) Task Quillposition, by aligning sub-goals, and (2) Relation Quillploration."
    )
    assert "Task Quillposition" not in found(phases)


def test_a_name_on_a_family_stem_that_the_paper_calls_an_algorithm_is_a_method() -> None:
    got = found(
        "We propose OPT-Zorb, an algorithm to construct adaptive draft trees.",
        title="OPT-Zorb: Speculative Decoding with Draft Trees",
    )
    assert got["OPT-Zorb"] == ("method", "introduces")


def test_namely_after_the_papers_own_proposing_verb_introduces_the_name() -> None:
    got = found(
        "In this paper, we propose a novel multi-domain pre-training and cross-domain "
        "transfer framework, namely ZQGCL. It works."
    )
    assert got["ZQGCL"] == ("method", "introduces")
    assert found("Two datasets, namely ZQSet and ZQBench, are used.").get("ZQSet", ("", ""))[1] != (
        "introduces"
    )


def test_a_lower_case_name_described_by_an_apposition_after_we_propose_is_introduced() -> None:
    got = found("Next, we propose quill voting, a simple, but effective training-free approach.")
    assert got["quill voting"] == ("method", "introduces")
    assert "several experiments" not in found(
        "We present several experiments, a detailed analysis and a framework."
    )


def test_a_plain_title_head_is_a_name_when_the_rest_says_what_it_is() -> None:
    """ "Quill Gym: An End-to-End ... Framework" names the framework; "Beyond Quills: ..."
    and a head the rest does not describe stay phrases."""
    abstract = "We develop a code framework for locomotion."
    got = found(abstract, title="Quill Gym: An End-to-End Reinforcement Learning Framework")
    assert got["Quill Gym"] == ("method", "introduces")
    assert "Quill Gym" not in found(abstract, title="Quill Gym: Training Robots to Walk")
    assert "Beyond Quills" not in found(abstract, title="Beyond Quills: A Framework for Robots")


def test_the_source_of_evaluation_datasets_is_a_benchmark() -> None:
    got = found("ZorbPFN performs well on 48 large tabular datasets from QuillML.")
    assert got["QuillML"][0] == "benchmark"


def test_acronyms_of_task_names_are_not_entities() -> None:
    got = found(
        "Time series anomaly detection (TSAD) and Sequential Quill Recommendation (SQRec) "
        "matter; Large Multimodal Models (LMMs) struggle."
    )
    assert not {"TSAD", "SQRec", "LMMs"} & set(got)


def test_a_dated_shared_task_is_a_benchmark() -> None:
    got = found("It beats the winner of DCASE 2023 Task 6A and of SemEval-2024 Task 4.")
    assert got["DCASE 2023 Task 6A"][0] == "benchmark"
    assert got["SemEval-2024 Task 4"][0] == "benchmark"
    assert "Task 2" not in found("In Task 2, we rank answers.")


def test_a_title_ending_with_a_technique_introduces_it() -> None:
    abstract = "We propose a system for offloading experts to the host."
    got = found(abstract, title="Accurate Expert Predictions in MoE Inference via Cross-Quill Gate")
    assert got["Cross-Quill Gate"] == ("method", "introduces")
    # a problem setting, and a tail that describes the name the title opens with
    assert "One-Sided Feedback" not in found(
        abstract, title="Fair Learning with One-Sided Feedback"
    )
    assert "Token Pruning" not in found(
        "HAMburgler speeds up decoding.", title="HAMburgler: Faster Inference via Token Pruning"
    )


def test_a_quoted_name_after_a_naming_word_is_introduced_in_any_case() -> None:
    got = found('We propose a novel update scheme for on-policy RL called "quill updates" here.')
    assert got["quill updates"] == ("method", "introduces")


def test_a_sized_name_that_a_dataset_head_noun_names_is_a_benchmark() -> None:
    got = found("We pre-trained these models on our newly introduced large-scale data Zorb-300B.")
    assert got["Zorb-300B"][0] == "benchmark"
    assert found("We fine-tune Zorb-7B on our data.")["Zorb-7B"][0] == "model"


def test_a_score_after_a_benchmark_is_not_its_version() -> None:
    got = found("It scores HumanEval 93.9, MBPP 83.1 and LCQuAD 1.0 on ZorbEval v2.1.")
    assert got["HumanEval"][0] == "benchmark" and "HumanEval 93.9" not in got
    assert "LCQuAD 1.0" in got and "ZorbEval v2.1" in got


def test_an_apposition_may_carry_a_size_and_a_naming_clause_a_long_modifier() -> None:
    got = found("We introduce Zorbmodel-LM, a compact and efficient 1.1B language model.")
    assert got["Zorbmodel-LM"] == ("model", "introduces")
    got = found(
        "We present an innovative process-oriented math process reward model called Zorb-Herd."
    )
    assert got["Zorb-Herd"] == ("model", "introduces")


def test_a_technical_report_introduces_the_model_it_is_about() -> None:
    abstract = "In this report we present a seven billion-parameter foundation model for code."
    assert found(abstract, title="CodeQuill Technical Report")["CodeQuill"] == (
        "model",
        "introduces",
    )
    got = found(
        "We present the Zorba2 series of hybrid models.", title="The Zorba2 Suite: Technical Report"
    )
    assert got["Zorba2"] == ("model", "introduces")
    got = found("We release the data.", title="The ZorbQA Suite: Evaluating Agents")
    assert got["ZorbQA"][0] == "benchmark"


def test_size_ranges_article_phrases_and_clause_items_are_not_names() -> None:
    got = found(
        "ZorbLM is on par with 7B-13B LLMs on An Olympiad set. Our evaluation reveals "
        "patterns: (1) In Numerical Calculation, ZorbLM leads; (2) In Quill Reasoning, it lags."
    )
    assert not {"7B-13B", "An Olympiad", "In Numerical Calculation", "In Quill Reasoning"} & set(
        got
    )


def test_a_benchmark_split_belongs_to_its_name() -> None:
    assert found("It proves 60% of miniF2F-test.")["miniF2F-test"][0] == "benchmark"


def test_a_title_head_with_two_names_introduces_both_as_the_abstract_types_them() -> None:
    got = found(
        "In this paper, we introduce ZorbLM-54B and ZorbLM-141B, two large language models.",
        title="ZorbLM-54B & ZorbLM-141B: Scaling Up Domain Adaptation for the Legal Domain",
    )
    assert got["ZorbLM-54B"] == ("model", "introduces")
    assert got["ZorbLM-141B"] == ("model", "introduces")
    assert "ZorbLM-54B & ZorbLM-141B" not in got
    got = found(
        "We introduce ZorbECG, a standardised benchmark. We also propose qECG, "
        "an xLSTM-based recurrent model trained on it.",
        title="ZorbECG & qECG: a benchmark and baseline for ECG foundation models",
    )
    assert (got["ZorbECG"][0], got["qECG"][0]) == ("benchmark", "model")


def test_a_bracketed_name_after_our_approach_is_introduced() -> None:
    got = found("Consequently, our latent diffusion model (LDM)-based approach (Quango) wins.")
    assert got["Quango"] == ("method", "introduces")


def test_title_case_compound_adjectives_and_task_acronyms_are_not_names() -> None:
    got = found(
        "Automated Quill Repair (AQR) matters. One-shot controllable quill editing (OQE) too. "
        "We study LLM-Based and CLIP-Guided agents."
    )
    assert not {"AQR", "OQE", "LLM-Based", "CLIP-Guided"} & set(got)
    got = found("We present ZorbUI, a UI-Focused agent, and a GPU-Efficient ZorbKV cache.")
    assert not {"UI-Focused", "GPU-Efficient"} & set(got)


def test_a_modifier_before_a_named_head_is_not_what_the_paper_introduces() -> None:
    """A task's acronym before "approach called X" stays the task's (generic), not a name."""
    got = found(
        "Automated Quill Repair (QPR) is hard. "
        "This paper introduces an innovative QPR approach called GiantQuill."
    )
    assert got["GiantQuill"] == ("method", "introduces")
    assert "QPR" not in got


def test_reward_models_in_general_are_not_methods() -> None:
    """As ANNOTATION.md decides: a named reward model is; the class of them is not."""
    got = found("A policy SLM searches guided by an SLM-based process reward model.")
    assert "process reward model" not in got


def test_a_lower_case_name_that_a_naming_clause_gives_is_introduced() -> None:
    got = found(
        "We also introduce a new training objective called masked quill modeling that helps."
    )
    assert got["masked quill modeling"] == ("method", "introduces")
    got = found("We explore a lightweight method we call semi-quill question. It is cheap.")
    assert got["semi-quill question"] == ("method", "introduces")
    assert "attention sink" not in found(
        "This is the so-called attention sink, as named in prior work."
    )


def test_a_curated_name_the_paper_names_outright_as_its_own_is_introduced() -> None:
    """A well-known name may come from the paper being read: "we propose PagedAttention,
    an attention algorithm" introduces it; "we propose SMC resampling algorithms" does not
    introduce SMC."""
    got = found("To address this, we propose PagedAttention, an attention algorithm.")
    assert got["PagedAttention"] == ("method", "introduces")
    got = found(
        "To simulate these PDEs, we propose Sequential Monte Carlo (SMC) resampling algorithms."
    )
    assert got["SMC"][1] != "introduces"


def test_a_plural_long_form_with_a_plural_acronym_is_a_class() -> None:
    got = found(
        "Recent advances in Graph Neural Networks (GNNs) and Graph Quillformers (GQs) have "
        "been driven by Positional Quillings (PQs), which are critical for GQs."
    )
    assert not {"Graph Quillformers", "GQs", "Positional Quillings", "PQs"} & set(got)


def test_a_name_after_its_title_case_description_and_head_noun_is_the_name() -> None:
    got = found("We introduce the Visual Document Quill Benchmark ViDoQuill, composed of tasks.")
    assert got["ViDoQuill"] == ("benchmark", "introduces")
    assert "Visual Document Quill Benchmark ViDoQuill" not in got


def test_a_lower_case_head_noun_after_a_long_form_is_not_part_of_it() -> None:
    got = found(
        "We propose a Cognitive Temporal Quill Extrapolation framework (CognTQE), which works."
    )
    assert got["Cognitive Temporal Quill Extrapolation"] == ("method", "introduces")
    assert "Cognitive Temporal Quill Extrapolation framework" not in got


def test_languages_robots_and_lower_case_metrics_are_not_names() -> None:
    got = found(
        "We test on Python, Java, and C++ code, deploy on ANYmal and Unitree robots with "
        "SteamVR, and report nDCG@10 for LLM-Designed rewards."
    )
    assert not {
        "Python",
        "Java",
        "C++",
        "ANYmal",
        "Unitree",
        "SteamVR",
        "nDCG@10",
        "LLM-Designed",
    } & set(got)


def test_a_defined_name_as_subject_of_is_proposed_is_introduced() -> None:
    got = found(
        "To exploit the cues, Hybrid Quill Aggregation (HQA) is proposed to combine fields. "
        "Low-Rank Adaptation (LoRA) was proposed earlier."
    )
    assert got["HQA"] == ("method", "introduces")
    assert got["Hybrid Quill Aggregation"] == ("method", "introduces")
    assert got["LoRA"][1] != "introduces"


def test_a_hyphenated_variant_takes_the_kind_of_its_name() -> None:
    got = found(
        "We present ZorbQA, a benchmark of driving questions, and its visual part ZorbQA-V.",
        title="ZorbQA: Passing the Driving Knowledge Test",
    )
    assert got["ZorbQA-V"][0] == "benchmark"


def test_a_title_head_listing_steps_is_one_introduced_name_and_a_dash_ends_a_head() -> None:
    abstract = "We guide provers with informal sketches."
    got = found(abstract, title="Draft, Quill, and Prove: Guiding Formal Theorem Provers")
    assert got["Draft, Quill, and Prove"] == ("method", "introduces")
    got = found(abstract, title="Plan, Quill, and Track — Language Models are Good Teachers")
    assert got["Plan, Quill, and Track"] == ("method", "introduces")
    assert "Less, More" not in found(abstract, title="Less, More, and Other Stories: A Study")


def test_namely_after_a_language_model_head_names_a_model() -> None:
    got = found("We introduce a new variant of neural codec LM, namely QuillLM. It is fast.")
    assert got["QuillLM"] == ("model", "introduces")
    assert (
        found("We use Second-Order Optimization to formulate the LLM QV problem.").get(
            "QV", ("", "")
        )[0]
        != "model"
    )


def test_an_example_of_a_plural_head_noun_has_its_kind() -> None:
    assert found("Learned sparse models such as ZPLADE have shown promise.")["ZPLADE"][0] == "model"
    got = found("Pretraining corpora like ZorbPile, and ZorbWeb, are large.")
    assert (got["ZorbPile"][0], got["ZorbWeb"][0]) == ("benchmark", "benchmark")


def test_which_introduces_a_novel_thing_after_our_own_is_our_own_too() -> None:
    got = found(
        "We propose a Cognitive Quill framework (CognQ), which introduces a novel temporal "
        "relation directed graph (TQR-Digraph) and performs reasoning."
    )
    assert got["TQR-Digraph"] == ("method", "introduces")
    got = found(
        "First, we introduce the QDF-aware Quill loss, which introduces Inverted Quill "
        "Frequency (IQF) to the sparsification of representations."
    )
    assert got.get("IQF", ("", ""))[1] != "introduces"


def test_names_joined_by_slashes_are_judged_one_by_one() -> None:
    got = found("We report results on three benchmarks (ZorbQA/QuillBench-Doc/MP-ZorbVQA).")
    assert {n: got.get(n, ("",))[0] for n in ("ZorbQA", "QuillBench-Doc", "MP-ZorbVQA")} == {
        "ZorbQA": "benchmark",
        "QuillBench-Doc": "benchmark",
        "MP-ZorbVQA": "benchmark",
    }
    got = found("The gains hold for ZorbNet/QuillNet alike, and for Single/Multiple turns.")
    assert got["ZorbNet"][0] == got["QuillNet"][0] == "method"
    assert not {"ZorbNet/QuillNet", "Single", "Multiple", "Single/Multiple"} & set(got)
    # a model with a second version after a slash: the first model is named whole
    assert "GPT-3.5" in found("Data generated by GPT-3.5/4 is contaminated.")
    assert "ShapeNet-55/34" in found("We evaluate on ShapeNet-55/34 and find gains.")


def test_a_connector_keeps_a_hyphenated_name_whole() -> None:
    got = found("We use LLM-as-a-judge and VLM-as-a-critic scoring to rate answers.")
    assert "LLM-as-a-judge" in got and "LLM-as-a" not in got
    assert "VLM-as-a-critic" in got


def test_an_apostrophe_year_is_a_version_of_its_name() -> None:
    got = found("We evaluate on WMT'22 and WMT'23 news test sets.")
    assert got["WMT'22"][0] == got["WMT'23"][0] == "benchmark"
    assert not [n for n in found("Presented at NeurIPS'24 in Vancouver.") if "NeurIPS" in n]


def test_licences_metrics_and_chips_are_not_names() -> None:
    got = found(
        "The data is released under CC-BY-4.0; we report CTR and eCPM gains, and train on "
        "eight B200s."
    )
    assert not {"CC-BY-4.0", "CTR", "eCPM", "B200s"} & set(got)


def test_what_the_papers_own_name_introduces_is_introduced() -> None:
    got = found(
        "We propose ZorbSVD, an adaptive compression approach. Specifically, ZorbSVD "
        "introduces zorbComp, which compensates for errors. Prior work introduces QuillCR."
    )
    assert got["zorbComp"] == ("method", "introduces")
    assert got.get("QuillCR", ("", ""))[1] != "introduces"


def test_a_name_introduced_in_this_work_is_introduced() -> None:
    got = found(
        "Experiments use the ZorbRAG toolkit introduced in this work, and the QuillSet "
        "dataset proposed in this paper, and QuillNet, proposed in earlier work."
    )
    assert got["ZorbRAG"] == ("method", "introduces")
    assert got["QuillSet"] == ("benchmark", "introduces")
    assert got.get("QuillNet", ("", ""))[1] != "introduces"


def test_a_curated_name_the_paper_presents_as_its_own_is_introduced() -> None:
    # the paper behind a well-known name presents it as new or as its own
    got = found("We propose a new kernel, FlashAttention, designed for long inputs.")
    assert got["FlashAttention"] == ("method", "introduces")
    got = found("We then apply our proposed FlashAttention to rewrite the kernels.")
    assert got["FlashAttention"] == ("method", "introduces")
    # ... but not when it only builds on it
    got = found("We propose a new kernel that builds on FlashAttention for long inputs.")
    assert got["FlashAttention"][1] != "introduces"
    got = found("We propose FlashAttention resampling kernels for long inputs.")
    assert got["FlashAttention"][1] != "introduces"


def test_an_introduced_title_case_name_may_have_lower_case_hyphen_parts() -> None:
    got = found("First, we introduce a Multi-route Zorb Retrieval for the retrieval stage.")
    assert got["Multi-route Zorb Retrieval"] == ("method", "introduces")
    assert "Multi" not in got


def test_spelling_variants_of_a_name_take_one_type() -> None:
    title, abstract = "Zorb MMLU: Biases", "We release Zorb-MMLU. Zorb-MMLU has subsets."
    found = [
        Candidate(Field.TITLE, 0, 9, EntityType.METHOD, 0.97, "introduced", True),
        Candidate(Field.ABSTRACT, 11, 20, EntityType.BENCHMARK, 0.97, "introduced", True),
        Candidate(Field.ABSTRACT, 22, 31, EntityType.BENCHMARK, 0.97, "introduced", True),
    ]
    assert {c.type for c in _consolidate(found, title, abstract)} == {EntityType.BENCHMARK}


def test_defined_parts_of_the_papers_own_design_are_introduced() -> None:
    got = found(
        "We propose ZorbSeg. It has a Pixel-wise Zorb Redistribution (PZR) module that "
        "fuses features, and we use the Zorb Pooling (ZP) operator."
    )
    assert got["PZR"] == ("method", "introduces")
    assert got.get("ZP", ("", ""))[1] != "introduces"
    got = found(
        "We propose QuillRA. QuillRA consists of two pretext tasks: QBAE (Quill-Based "
        "Auto-Encoding) and QBAR (Quill-Based Auto-Regression). Baselines use QLTR (Quill "
        "Learning To Rank)."
    )
    assert got["QBAE"] == got["QBAR"] == ("method", "introduces")
    assert got.get("QLTR", ("", ""))[1] != "introduces"


def test_a_title_that_calls_a_benchmark_shaped_name_a_method_types_it() -> None:
    title = "ZorbRAG-DocQA: A Multi-Modal Retrieval Method for Document Question-Answering"
    got = found("We evaluate on public datasets.", title=title)
    assert got["ZorbRAG-DocQA"] == ("method", "introduces")
    got = found("It has 5k questions.", title="ZorbDocQA: A Dataset for Question-Answering")
    assert got["ZorbDocQA"] == ("benchmark", "introduces")


def test_games_used_as_environments_are_benchmarks() -> None:
    got = found("Our agent plays Minecraft, StarCraft II and Werewolf against humans.")
    assert {got[n][0] for n in ("Minecraft", "StarCraft II", "Werewolf")} == {"benchmark"}


def test_a_spaced_release_stays_on_a_model_name() -> None:
    got = found("We compare Claude 3.5 Sonnet v2 with Gemini 2.5 Pro Exp on coding.")
    assert got["Claude 3.5 Sonnet v2"][0] == got["Gemini 2.5 Pro Exp"][0] == "model"


def test_a_head_noun_followed_by_what_is_done_to_it_only_modifies_that() -> None:
    got = found(
        "First, we design a Zorb-based Quill Optimization (ZQO) dataset construction strategy "
        "for RL training."
    )
    assert got["ZQO"] == ("method", "introduces")
    assert found("We release the ZorbSet (ZS) dataset for RL training.")["ZS"][0] == "benchmark"


def test_a_title_that_ends_by_presenting_its_name_introduces_it() -> None:
    title = "LLM Pruning and Distillation in Practice: The Minitron Approach"
    assert found("We prune and distill models.", title=title)["Minitron"] == (
        "method",
        "introduces",
    )
    title = "Policy Evaluation in Continuous Time: A Martingale Approach"
    assert "Martingale" not in found("We evaluate policies.", title=title)


def test_we_describe_a_name_with_an_apposition_introduces_it() -> None:
    got = found("We describe ZEMBA, a GPT-based metric for translation quality.")
    assert got["ZEMBA"] == ("method", "introduces")


def test_title_case_parts_the_papers_own_name_takes_in_are_introduced() -> None:
    got = found(
        "We introduce Plan-ZCTS, a framework for web navigation. Plan-ZCTS incorporates a "
        "Dual-Gating Quill to validate plans and Structural Zorbing for repair of subplans, "
        "and leverages Quadratic Neural Networks."
    )
    assert got["Dual-Gating Quill"] == got["Structural Zorbing"] == ("method", "introduces")
    assert got.get("Quadratic Neural Networks", ("", ""))[1] != "introduces"


def test_citations_precisions_and_divergences_are_not_names() -> None:
    got = found(
        "We translate problems from the GSM8K dataset (Cobbe et al., 2021), minimise the "
        "Kullback-Leibler divergence (KLD) and store 2-Bit weights."
    )
    assert got["GSM8K"][0] == "benchmark"
    assert not {"Cobbe et al.", "Cobbe", "Kullback-Leibler", "KLD", "2-Bit"} & set(got)


def test_platforms_norms_units_and_classes_are_not_names() -> None:
    got = found(
        "Trained on AWS with L2 regularisation at 3 GPa, our SSM beats MultiModal baselines "
        "on CHAIR."
    )
    assert not {"AWS", "L2", "GPa", "SSM", "MultiModal", "CHAIR"} & set(got)


def test_a_word_inside_a_defined_long_form_is_no_name_of_its_own() -> None:
    got = found("We build on Generative retrieval via LEXical iNdex learning (GLEN) for search.")
    assert "LEXical" not in got
    assert "GLEN" in got


def test_a_lower_case_coined_name_and_its_variants_are_introduced() -> None:
    got = found("We introduce zeta-1, a new language model for code, and xQuill, a network.")
    assert got["zeta-1"] == ("model", "introduces")
    assert "state-of-the-art" not in found("We introduce state-of-the-art tools for code.")
    got = found("We introduce ZorbLM-2, a new language model. Results show ZorbLM-2-base is fast.")
    assert got["ZorbLM-2-base"] == ("model", "introduces")


def test_a_hyphenated_variant_of_the_papers_own_name_is_its_own_too() -> None:
    got = found("Our ZorbSeg framework is fast. ZorbSeg-EF0 uses 300 times fewer parameters.")
    assert got["ZorbSeg-EF0"][1] == "introduces"
    got = found("We introduce ZorbSeg, a network. ZorbSeg search beats A* search on maps.")
    assert got.get("A* search", ("", ""))[1] != "introduces"


def test_a_variant_several_segments_deep_of_the_papers_own_name_is_its_own() -> None:
    got = found("We introduce ZorbMoE, a language model. We then tune ZorbMoE-1B-7B-Instruct.")
    assert got["ZorbMoE-1B-7B-Instruct"] == ("model", "introduces")


def test_a_quoted_name_after_its_head_noun_in_our_sentence_is_introduced() -> None:
    got = found(
        'We reformulate ranking within a generative framework ("Generative Zorbers"). Prior '
        'work uses a retrieval approach ("Dense Quills").'
    )
    assert got["Generative Zorbers"] == ("method", "introduces")
    assert got.get("Dense Quills", ("", ""))[1] != "introduces"


def test_a_problem_the_paper_poses_is_not_what_it_introduces() -> None:
    got = found(
        "We propose a novel problem termed Open-Ended Zorb Parsing (OE-ZP) for robots. "
        "We also propose ZorbNet, a network, and introduce Quill Zorb Segmentation here."
    )
    assert got.get("OE-ZP", ("", ""))[1] != "introduces"
    assert got.get("Quill Zorb Segmentation", ("", ""))[1] != "introduces"
    assert got["ZorbNet"] == ("method", "introduces")


def test_a_named_split_or_task_stays_on_its_benchmark() -> None:
    got = found(
        "We report results on LVIS minival and SemEval-2024 Task 8, not on the LVIS test set."
    )
    assert got["LVIS minival"][0] == got["SemEval-2024 Task 8"][0] == "benchmark"
    assert "LVIS test" not in got


def test_this_study_speaks_for_the_paper() -> None:
    got = found("This study introduces ZorbOpt, an innovative framework for tuning.")
    assert got["ZorbOpt"] == ("method", "introduces")


def test_a_name_from_the_background_is_not_introduced_by_a_later_proposal() -> None:
    got = found(
        "Quill Visual Zorbing (QVZ) has emerged as a promising solution. "
        "We present ZorbSLAM, a robust learning-based QVZ approach with three components."
    )
    assert got["ZorbSLAM"] == ("method", "introduces")
    assert got["QVZ"][1] != "introduces"


def test_a_curated_name_the_paper_proposes_outright_is_introduced() -> None:
    """The paper behind a now well-known name: a coordinated proposing verb, or the name
    naming its kind of thing ("the X algorithm, which")."""
    got = found("We survey agents and propose ReAct, a simple paradigm for reasoning.")
    assert got["ReAct"] == ("method", "introduces")
    got = found("In this work we present the DreamerV3 algorithm which learns from feedback.")
    assert got["DreamerV3"] == ("method", "introduces")
    got = found("We present the DreamerV3 agent family of tools for coding.")
    assert got["DreamerV3"][1] != "introduces"


def test_an_acronym_defined_for_something_new_is_introduced() -> None:
    got = found(
        "We propose ZorbOpt, a framework. It adds memory and a novel quill-structured zorb "
        "estimator (QZE) sampler."
    )
    assert got["QZE"] == ("method", "introduces")


def test_scientific_metrics_notations_and_transforms_are_not_names() -> None:
    got = found(
        "ZorbFold writes SMILES, reports pLDDT, RMSD and TM-score, and uses STFT and MFCCs."
    )
    assert not {"SMILES", "pLDDT", "RMSD", "TM-score", "STFT", "MFCCs"} & set(got)


def test_a_name_with_a_data_segment_is_a_dataset_whatever_its_size() -> None:
    got = found("We train on ZorbPajama-Data-1T and QuillCoder-Data.")
    assert got["ZorbPajama-Data-1T"][0] == got["QuillCoder-Data"][0] == "benchmark"


def test_greek_variant_letters_and_inner_bench_segments_stay_on_names() -> None:
    got = found("We release Zorb-ORPO-\u03b1 and test on NAS-Bench-Suite-Zero.")
    assert "Zorb-ORPO-\u03b1" in got
    assert got["NAS-Bench-Suite-Zero"][0] == "benchmark"


def test_a_stop_listed_word_is_never_introduced() -> None:
    got = found("We propose ZorbNet. Our proposed method shows superior macro-average pAUC.")
    assert got["ZorbNet"] == ("method", "introduces")
    assert "pAUC" not in got


def test_architecture_classes_are_not_names() -> None:
    got = found("ZorbGen trains a Generative Adversarial Network (GAN), a VAE and two LSTMs.")
    assert not {"Generative Adversarial Network", "GAN", "VAE", "LSTMs"} & set(got)


def test_the_part_at_the_core_of_the_papers_own_name_is_its_own() -> None:
    got = found("We present Zorbango. At the core of Zorbango is QuillNet, a guidance module.")
    assert got["QuillNet"] == ("method", "introduces")


def test_a_lower_case_name_called_with_its_acronym_is_introduced() -> None:
    got = found("We present a novel training-free proxy called weighted zorb correlation (WZCor).")
    assert got["WZCor"] == ("method", "introduces")
    got = found("We propose the first baseline model, named bilateral zorb network (BZNet).")
    assert got["BZNet"] == ("model", "introduces")
    got = found("The clinical named entity recognition (CNER) task locates terms. We fix it.")
    assert got.get("CNER", ("", ""))[1] != "introduces"


def test_a_title_head_that_is_a_sentence_names_nothing() -> None:
    got = found(
        "We show that Context Misleads Zorbs often.",
        title="Context Misleads Zorbs: The Role of Quill Filtering",
    )
    assert "Context Misleads Zorbs" not in got


def test_textbook_techniques_written_in_lower_case_are_methods() -> None:
    got = found("ZorbNet applies layer normalization, logistic regression and Granger causality.")
    assert {
        got[n][0] for n in ("layer normalization", "logistic regression", "Granger causality")
    } == {"method"}


def test_estimands_sensors_formats_and_circuit_classes_are_not_names() -> None:
    got = found("ZorbCausal estimates CATE from IMU data in CoNLL-U on NISQ devices with PQCs.")
    assert not {"CATE", "IMU", "CoNLL-U", "NISQ", "PQCs"} & set(got)


def test_listed_dataset_items_and_evaluation_initiatives_are_benchmarks() -> None:
    got = found("Results on benchmarks (ZorbFaces and QuillK datasets) and CIFAR-{10, 100} (e.g.).")
    assert "QuillK" in got and "QuillK datasets" not in got and "CIFAR-{10" not in got
    got = found("We enter the Quill Alignment Evaluation Initiative (QAEI) and QAEI 2025 tracks.")
    assert got["QAEI"][0] == got["QAEI 2025"][0] == "benchmark"


def test_technique_families_named_as_a_class_are_not_names() -> None:
    got = found(
        "ZorbMerge studies model merging, contrastive learning and inverse reinforcement learning."
    )
    assert not {"model merging", "contrastive learning", "inverse reinforcement learning"} & set(
        got
    )


def test_more_ways_a_paper_names_a_curated_name_as_its_own() -> None:
    got = found("We analyse warm-up, and we further propose QLoRA, a new variant of LoRA.")
    assert got["QLoRA"] == ("method", "introduces")
    got = found("Here we develop a new layerwise optimization technique called QLoRA for it.")
    assert got["QLoRA"] == ("method", "introduces")


def test_a_proposed_name_keeps_the_lower_case_hyphen_parts_of_its_words() -> None:
    got = found("In this paper, we propose the Quill Multi-stage Decoding for zorb tagging.")
    assert got["Quill Multi-stage Decoding"] == ("method", "introduces")
    assert "Quill Multi" not in got


def test_titles_that_name_normalisations_minimisations_and_schemes() -> None:
    got = found("We study it.", title="Zorb Quill Normalization")
    assert got["Zorb Quill Normalization"] == ("method", "introduces")
    got = found("We study it.", title="Quill Mask Scheme for Self-Supervised Zorb Denoising")
    assert got["Quill Mask Scheme"] == ("method", "introduces")
    got = found("We study it.", title="On Zorb Normalization in the Quill Architecture")
    assert "On Zorb Normalization" not in got


def test_a_short_prefix_on_a_curated_benchmark_makes_a_variant_benchmark() -> None:
    got = found("EsBBQ and KorMMLU differ from the originals in language only.")
    assert got["EsBBQ"][0] == got["KorMMLU"][0] == "benchmark"


def test_generic_architectures_fields_and_tasks_are_not_names() -> None:
    got = found(
        "We train ZorbNet, a Transformer and a CNN, for Neural Architecture Search (NAS) and "
        "Radiology Report Generation (RRG)."
    )
    assert not {"Transformer", "CNN", "Neural Architecture Search", "NAS", "RRG"} & set(got)


def test_the_segment_anything_model_is_named_whole() -> None:
    got = found("ZorbSeg prompts the Segment Anything Model with boxes.")
    assert got["Segment Anything Model"][0] == "model"
    assert "Segment Anything" not in got


def test_a_method_name_runs_on_over_the_transformer_it_names() -> None:
    got = found("We compare the Post-LN Transformer with Zorb-LN Transformers on translation.")
    assert "Post-LN Transformer" in got and "Zorb-LN Transformers" in got
    assert "Post-LN" not in got


def test_a_title_head_of_two_steps_names_the_method() -> None:
    got = found("We speed up decoding.", title="Sketch & Polish: Lossless Zorb Acceleration")
    assert got["Sketch & Polish"] == ("method", "introduces")


def test_well_known_techniques_of_other_fields_are_methods() -> None:
    got = found("ZorbDock beats AutoDock Vina, density functional theory and tri-training.")
    assert {got[n][0] for n in ("AutoDock Vina", "density functional theory", "tri-training")} == {
        "method"
    }


def test_well_known_datasets_and_environments_of_other_fields_are_benchmarks() -> None:
    got = found("ZorbNet is pretrained on PubChem and UniRef100, then run on Acrobot and GTSRB.")
    assert {got[n][0] for n in ("PubChem", "UniRef100", "Acrobot", "GTSRB")} == {"benchmark"}


def test_single_digit_accelerators_and_regions_are_not_names() -> None:
    got = found("ZorbDet runs at 100 FPS on a T4 GPU, pooling each RoI and antibody CDR.")
    assert not {"T4", "RoI", "CDR"} & set(got)


def test_more_well_known_techniques_are_methods() -> None:
    got = found("ZorbGen distils consistency models and checks drift with Kolmogorov-Smirnov.")
    assert got["consistency models"][0] == got["Kolmogorov-Smirnov"][0] == "method"


def test_a_curated_name_any_rule_found_is_introduced_when_named_outright() -> None:
    """A lexicon name the paper gives its own approach is introduced, lower case and all;
    a name the paper casts in a part of its system is used."""
    got = found("Our approach, named instruction backtranslation, starts with a seed model.")
    assert got["instruction backtranslation"] == ("method", "introduces")
    got = found("Specifically, we introduce the Mamba as the vision backbone of our method.")
    assert got["Mamba"][1] != "introduces"


def test_a_famous_acronym_follows_the_long_form_the_paper_names_outright() -> None:
    """The paper behind a famous acronym spells it out as its own; a long form that some
    other curated name already answers to ("Soft Actor-Critic") makes a new acronym."""
    got = found("We introduce the Multilingual Grade School Math (MGSM) benchmark, by hand.")
    assert got["MGSM"] == ("benchmark", "introduces")
    got = found("We introduce Segment and Complete (SAC), a defense against patch attacks.")
    assert got["SAC"][1] != "introduces"

"""What a paper's title says it introduces: the name before its colon ("FlexGen: ..."),
a title that is or opens with a technique's name, and the technique a title ends with.

Each function reads the title (and, for a head's kind, the abstract) and adds names to the
paper's ``introduced`` table (:func:`kg.extract.introductions.introduced_names`); a name
already there keeps its kind.
"""

from __future__ import annotations

import re

from kg.extract.abbreviations import stands_for
from kg.extract.context import (
    HEAD_KIND,
    kind_said,
    title_rest_names_a_thing,
    type_of_introduced,
)
from kg.extract.lexicon import Lexicon
from kg.extract.shapes import coined_shape, generic_span
from kg.model import EntityType, Paper

__all__ = [
    "PHRASE_OPENERS",
    "TITLE_PRESENTS",
    "introduce_title_head",
    "introduce_title_lead",
    "introduce_title_tail",
]

#: Words that open a phrase, not a name, before a title's colon ("Beyond Memorization",
#: "Towards Robust RL", "When Less Is More").
PHRASE_OPENERS = frozenset(
    [
        "Beyond",
        "On",
        "Towards",
        "Toward",
        "Back",
        "From",
        "Into",
        "Through",
        "Across",
        "Against",
        "Without",
        "Over",
        "Under",
        "Between",
        "When",
        "Why",
        "How",
        "What",
        "Where",
        "Which",
        "Who",
        "Can",
        "Do",
        "Does",
        "Is",
        "Are",
        "Should",
        "Not",
        "No",
        "Less",
        "More",
        "Make",
        "Let",
        "One",
        "All",
        "Every",
        "Rethinking",
        "Revisiting",
        "Understanding",
        "Unleashing",
        "Demystifying",
        "Exploring",
        "Overcoming",
        "Bridging",
        "Breaking",
        "Scaling",
        "Learning",
        "Harnessing",
        "Improving",
        "Enhancing",
        "Boosting",
        "Mitigating",
        "Leveraging",
        "Unlocking",
        "Advancing",
        "Empowering",
        "Evaluating",
        "Benchmarking",
        "Teaching",
        "Training",
        "Making",
        "Taking",
        "Thinking",
        "Reasoning",
    ]
)


#: Verbs that make a title's head a sentence ("Context Misleads LLMs", "Size Matters").
_TITLE_VERBS = frozenset(
    [
        "Is",
        "Are",
        "Was",
        "Were",
        "Be",
        "Matters",
        "Matter",
        "Misleads",
        "Mislead",
        "Beats",
        "Beat",
        "Helps",
        "Help",
        "Hurts",
        "Hurt",
        "Works",
        "Work",
        "Fails",
        "Fail",
        "Needs",
        "Need",
        "Meets",
        "Meet",
        "Makes",
        "Make",
        "Learns",
        "Learn",
        "Knows",
        "Know",
        "Thinks",
        "Think",
        "Sees",
        "See",
        "Talks",
        "Talk",
        "Lies",
        "Lie",
        "Can",
        "Should",
        "Could",
        "Would",
        "Will",
        "Does",
        "Do",
        "Has",
        "Have",
        "Wins",
        "Win",
        "Goes",
        "Go",
        "Gets",
        "Get",
        "Takes",
        "Take",
        "Says",
        "Say",
    ]
)


#: A short Title Case title ending like a technique is the name of what the paper proposes.
_METHOD_TITLE = re.compile(
    r"(?:Decoding|Optimization|Learning|Search|Attention|Sampling|Tuning|Training|Prompting|"
    r"Transformers?|Distillation|Quantization|Pruning|Retrieval|Normalization|Minimization|"
    r"Regularization)$"
)


#: A title without a colon that opens with a Title Case technique name before a preposition
#: ("Multi-Objective Decision Transformers for Offline RL"): the paper's own method.
_TITLE_LEAD_METHOD = re.compile(
    r"^(?:An?\s+|The\s+)?((?:[A-Z][\w-]*\s){1,4}?[\w-]*(?:Decoding|Optimization|Attention|Sampling|Tuning|"
    r"Prompting|Transformers?|Distillation|Quantization|Pruning|Networks?|Adapters?|Encoders?|"
    r"Minimization|Normalization|Regularization|Schemes?|"
    r"Decoders?|Estimators?|Samplers?|Planners?|Routers?|Compressors?|Verifiers?|Tokenizers?))"
    r"\s+(?:for|with|via|in|on|of|from|to|as)\s"
)


def introduce_title_head(paper: Paper, introduced: dict[str, EntityType], lexicon: Lexicon) -> None:
    """The name before a title's colon ("FlexGen: ..."), unless the head is a phrase."""
    title, exact = paper.title, lexicon.by_name
    colon = title.find(":")
    if colon < 0 and (dash := _HEAD_DASH.search(title)) is not None:
        colon = dash.start()  # "Plan, Eliminate, and Track — Language Models are ..."
    report = _REPORT.search(title)
    if report is not None and (colon < 0 or colon == report.start()):
        colon = report.start()  # "CodeShell Technical Report": the report's subject leads
    else:
        report = None
    if 0 < colon <= 60:
        head, said = _bare_title_head(title[:colon].strip(), report=report is not None)
        defined = _DEFINED_HEAD.fullmatch(head)
        if defined is not None and stands_for(defined.group(2), defined.group(1)):
            # "MCP Security Bench (MSB): ..." introduces the name and its acronym, one kind
            long, short = defined.groups()
            at = title.find(long)
            kind = (
                said
                or kind_said(paper.abstract, short)
                or kind_said(paper.abstract, long)
                or type_of_introduced(title, at, at + len(long), lexicon, exact, title[colon + 1 :])
            )
            introduced[long] = introduced[short] = kind
            return
        pair = _NAME_PAIR.fullmatch(head)
        if pair is not None and coined_shape(pair.group(1)) and coined_shape(pair.group(2)):
            # "SaulLM-54B & SaulLM-141B: ..." introduces both; the title's rest speaks of
            # both at once ("a benchmark and baseline"), so the abstract says what each is.
            for name in pair.groups():
                at = title.find(name)
                introduced[name] = kind_said(paper.abstract, name) or type_of_introduced(
                    title, at, at + len(name), lexicon, exact, None
                )
            return
        words = head.split()
        hs = title.find(head)
        # "Hogwild! Inference" is a name; "Wow!", "Why?" and "90% Faster" are not.
        phrase = (len(words) > 1 and any(w[:1].islower() or "'" in w for w in words)) or any(
            ch in head for ch in "%,?"
        )
        phrase = phrase or head.endswith("!")
        # "Context Misleads LLMs", "Field Matters": a sentence, not a name
        phrase = phrase or any(w in _TITLE_VERBS for w in words[1:])
        steps = _NAMED_STEPS.fullmatch(head) is not None  # "Draft, Sketch, and Prove"
        if (
            not steps
            and len(words) > 1
            and (
                words[0] in PHRASE_OPENERS
                or (
                    not any(coined_shape(w) for w in words)
                    and head.lower() not in paper.abstract.lower()
                    and not (len(words) <= 3 and title_rest_names_a_thing(title[colon + 1 :]))
                )
            )
        ):
            phrase = True  # a catchy phrase ("Beyond Memorization", "Beyond RAG"), not a name
        if phrase and any(s == 0 and e == len(head) for s, e, _ in lexicon.find(head)):
            phrase = False  # a curated name: "Tree of Thoughts: ..." is the paper behind it
        phrase = phrase and not steps
        if (
            not phrase
            and (
                (1 <= len(words) <= 4 and (head[:1].isupper() or head[:1].isdigit()))
                or (head[:1].isalpha() and any(c.isupper() for c in head))
            )
            and not generic_span(head, lexicon)
            and len(words) <= 4
        ):
            if report is not None:  # a technical report presents a model, unless curated
                introduced[head] = said or exact.get(head) or EntityType.MODEL
                return
            introduced[head] = said or type_of_introduced(
                title, hs, hs + len(head), lexicon, exact, title[colon + 1 :]
            )


#: A title head that defines its acronym: "MCP Security Bench (MSB)".
_DEFINED_HEAD = re.compile(r"(.+?)\s+\(([A-Za-z][\w.+-]{1,11})\)")

#: A dash that ends a title's head where a colon would: "Yambda-5B — A Large-Scale ...".
_HEAD_DASH = re.compile(r"\s[\u2014\u2013]\s")

#: A title head that lists the steps of a method: "Draft, Sketch, and Prove", "Imitate,
#: Explore, and Self-Improve", "Draft & Verify": one name, although it has an "and".
_NAMED_STEPS = re.compile(r"[A-Z][\w-]*(?:, [A-Z][\w-]*)*,? (?:and|&) [A-Z][\w-]*")

#: Two names joined in a title's head: "SaulLM-54B & SaulLM-141B", "Foo and Bar".
_NAME_PAIR = re.compile(r"(\S+)\s+(?:&|and)\s+(\S+)")

#: A title that ends in "Technical Report", after a colon or not ("CodeShell Technical
#: Report", "The Zamba2 Suite: Technical Report").
_REPORT = re.compile(r"(?::\s*|\s+)(?:Technical|Tech)\s+Report\s*$")

#: Words around a coined name in a title's head that are not part of the name: "The
#: FineWeb Datasets", "FunReason-MT Technical Report" (the head noun says the kind).
_TITLE_HEAD_WRAPPER = re.compile(
    r"(?:The\s+)?(?P<name>\S+?)(?:\s+(?:(?P<bench>Datasets?|Benchmarks?|Corpus)|"
    r"(?P<suite>Suite|Series|Family)|(?P<model>Models?|LLMs?)|(?:Technical\s+|Tech\s+)?Report))?"
)


#: "The" before two or more capitalised words: "The Docking Game" ("The Pile", one word, and
#: "The Stack v2" keep it).
_THE_PHRASE = re.compile(r"The\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)")


def _bare_title_head(head: str, *, report: bool = False) -> tuple[str, EntityType | None]:
    """A title's head without "The", a head noun or "Technical Report" around a coined name,
    and the kind the head noun says (None when none is said). A suite or series is one of
    benchmarks, except in a technical report, which presents models."""
    the = _THE_PHRASE.fullmatch(head)
    if the is not None:
        return the.group(1), None  # "The Docking Game": the article is no part of it
    m = _TITLE_HEAD_WRAPPER.fullmatch(head)
    if m is None or m.group("name") == head or not coined_shape(m.group("name")):
        return head, None
    kind: EntityType | None
    if m.group("suite"):
        kind = EntityType.MODEL if report or m.group("suite") != "Suite" else EntityType.BENCHMARK
    elif m.group("bench"):
        kind = EntityType.BENCHMARK
    else:
        kind = EntityType.MODEL if m.group("model") else None
    return m.group("name"), kind


def introduce_title_lead(title: str, introduced: dict[str, EntityType], lexicon: Lexicon) -> None:
    """A colon-less title that is, or opens with, a Title Case technique name."""
    words = title.split()
    if ":" in title or not words or words[0] in PHRASE_OPENERS or words[0].endswith("ing"):
        return  # "Improving Multi-candidate Speculative Decoding": what is done to a method
    if (
        2 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and (_METHOD_TITLE.search(title))
    ):
        introduced.setdefault(title.strip(), EntityType.METHOD)
        return
    lead = _TITLE_LEAD_METHOD.match(title)
    if lead is not None:
        name = lead.group(1)
        if lexicon.by_name.get(name) is None and not lexicon.is_stop(name):
            introduced.setdefault(name, EntityType.METHOD)


#: A title that ends with the technique it works through: "... in MoE Inference via
#: Cross-Layer Gate", "... with Collaborative Verification" (two to five Title Case words).
_TITLE_TAIL_METHOD = re.compile(
    r"\s(?:via|with|through|using)\s+((?:[A-Z][\w-]*\s){1,4}[A-Z][\w-]*[a-z])\s*$"
)
#: The last word of a technique's name: what is done, or the part that does it.
_TECHNIQUE_HEAD = re.compile(
    r"(?:Decoding|Optimization|Attention|Sampling|Search|Distillation|Quantization|Pruning|"
    r"Tuning|Prompting|Verification|Gate|Gating|Routing|Caching|Fusion|Penalty|Regularization|"
    r"Augmentation|Alignment|Merging|Scheduling|Compression|Masking|Rollout|Reranking|"
    r"Refinement|Calibration|Steering|Editing|Guidance|Matching|Encoding|Injection|"
    r"Perturbation|Randomization|Aggregation|Selection|Filtering|"
    r"Sparsification|Interpolation|Ensembling|Correction|Normalization|Minimization)$"
)


#: A title that ends by presenting its name after the colon: "LLM Pruning and Distillation
#: in Practice: The Minitron Approach" (groups: the article, the name, the head noun).
TITLE_PRESENTS = re.compile(
    r":\s+(The\s+|An?\s+|Our\s+)([A-Z][\w+.-]*[\w+])\s+(Approach|Method|Framework|Recipe|"
    r"Algorithm|System|Model|Models|Benchmark|Dataset)\s*$"
)


def introduce_title_tail(title: str, introduced: dict[str, EntityType], lexicon: Lexicon) -> None:
    """The technique a title ends with ("... via Cross-Layer Gate", "...: The Minitron
    Approach") is the paper's own, unless the title opens with its own name ("HAMburger:
    ... via Token Smashing": the tail describes that name)."""
    colon = title.find(":")
    if colon > 0 and any(name in title[:colon] for name in introduced):
        return
    presented = TITLE_PRESENTS.search(title)
    if presented is not None:
        article, name, head = presented.groups()
        # "The Minitron Approach" names it; "A Martingale Approach" describes one
        if (article[0] in "TO" or coined_shape(name)) and not lexicon.is_stop(name):
            introduced.setdefault(name, HEAD_KIND.get(head.lower().rstrip("s"), EntityType.METHOD))
            return
    m = _TITLE_TAIL_METHOD.search(title)
    if m is None:
        return
    name = m.group(1)
    if not _TECHNIQUE_HEAD.search(name) or lexicon.is_stop(name) or lexicon.by_name.get(name):
        return
    introduced.setdefault(name, EntityType.METHOD)

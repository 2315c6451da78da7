"""Find name-like spans in a paper and decide which kind of entity each one names.

One pass per field finds every candidate: lexicon hits by Aho-Corasick, coined names by one
combined regex (typed by :mod:`kg.extract.shapes`, then by :mod:`kg.extract.context`), a few
multi-word shapes (competitions, versioned names, listed datasets, Title Case technique
names), and the names the paper introduces (:mod:`kg.extract.introductions`). Then each name
gets one kind per paper, by weighted evidence. The four type extractors (``methods``,
``benchmarks``, ``models`` and the URL-based ``repos``) each keep their own type from this
shared analysis, which is computed once per paper and lexicon (a small LRU cache: extractors
stay pure).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import NamedTuple

from kg.extract.abbreviations import find_abbreviations
from kg.extract.context import classify, mid_sentence_title_phrases
from kg.extract.introductions import introduced_names, posed_as_problem
from kg.extract.lexicon import Lexicon
from kg.extract.roles import name_key
from kg.extract.shapes import (
    FIXED,
    NAME,
    NOT_A_NAME,
    NOT_BEFORE,
    NOT_ENTITY_HEAD,
    ORG_NAMES,
    PARTS_FOUND,
    SKIP,
    SPLIT,
    bounded_put,
    common_phrase,
    decide,
    list_items,
    name_end,
    new_cache,
    trim,
)
from kg.model import EntityType, Field, Mention, Paper, Role

__all__ = ["Candidate", "analyse", "mentions_of_type"]


#: After a model family from the lexicon: a spaced version, size and/or tier (Llama 3.1 8B,
#: Llama 2-7B, Gemini 1.5 Pro, Claude Sonnet 3.7, Gemini Pro, Whisper large-v3), then
#: perhaps a release (Gemini 2.5 Pro Exp, Claude 3.5 Sonnet v2).
_TIER = (
    r"(?:Pro|Flash|Sonnet|Opus|Haiku|Turbo|Ultra|Nano|Mini|Medium|Large|Small|Instruct|Chat)"
    r"(?!\s+(?:language|vision|multimodal|reasoning)\b)"  # "Qwen 2 Large language models"
)
_PARAMETERS = r"(?:\d+x)?\d+(?:\.\d+)?[BM]"
_RELEASE = r"\s(?:Exp|Preview|v\d+(?:\.\d+)*)"  # "Claude 3.5 Sonnet v2", "Gemini 2.5 Pro Exp"
_NAME_ENDS = r"(?![\w+-]|\.\d)"
_SPACED_MODEL_TAIL = re.compile(
    rf"(?:\s{_TIER}\s\d(?:\.\d+)*|\s\d(?:\.\d+)*(?:\s{_TIER})?(?:[\s-]{_PARAMETERS})?"
    rf"|\s{_PARAMETERS}|\s{_TIER}|\s(?:tiny|base|small|medium|large)-v\d+)"
    rf"(?:{_RELEASE})?{_NAME_ENDS}|{_RELEASE}{_NAME_ENDS}",
    re.ASCII,
)


#: A maker's name glued before a model's name: "OpenAI-o1", "Meta-Llama".
_ORG_BEFORE = re.compile(rf"\b{ORG_NAMES}-$")


#: A parameter count written after a name with a space: "LLaDA 8B", "Dream 7B".
_SPACED_SIZE = re.compile(rf"\s{_PARAMETERS}{_NAME_ENDS}", re.ASCII)


#: Multi-word names that end in a version or name a competition or shared task (NYU Depth
#: v2, Amazon KDD Cup 2024, SemEval-2024 Task 4): benchmarks.
_MULTI = re.compile(
    r"[A-Z][\w.+-]*(?:\s[A-Z][\w.+-]*){0,3}\s(?:v\d+(?:\.\d+)*|(?:Cup|Challenge|"
    r"Competition|Olympiad)(?:\s\d{4})?)\b"
    r"|[A-Z][\w.+-]*[\s-](?:19|20)\d\d\sTask\s\d+[A-Za-z]?\b",  # DCASE 2023 Task 6A
    re.ASCII,
)


_LEADING_WORDS = frozenset(
    {
        "In",
        "On",
        "For",
        "The",
        "Our",
        "We",
        "This",
        "These",
        "With",
        "From",
        "At",
        "By",
        "To",
        "And",
        "Of",
        "As",
        "An",
        "A",
        "Using",
    }
)


_TECHNIQUE_HEADS = frozenset(
    {
        "Optimization",
        "Transformer",
        "Transformers",
        "Filter",
        "Estimation",
        "Generation",
        "Pruning",
        "Quantization",
        "Augmentation",
        "Explorer",
        "Workflow",
        "Gradients",
        "Decoding",
        "Attention",
        "Search",
        "Sampling",
        "Tuning",
        "Prompting",
        "Distillation",
        "Retrieval",
        "Algorithm",
        "Framework",
        "Engine",
        "Planner",
        "Compressor",
        "Scheduler",
        "Router",
        "Verifier",
        "Refinement",
        "Alignment",
        "Regularization",
        "Normalization",
        "Descent",
        "Iteration",
        "Propagation",
        "Caching",
        "Offloading",
        "Speculation",
    }
)


#: Any technique head anywhere: without one, no Title Case technique phrase can end.
_TECHNIQUE_HEAD_WORD = re.compile(
    r"[A-Z](?:" + "|".join(sorted(h[1:] for h in _TECHNIQUE_HEADS)) + ")"
)


class Candidate(NamedTuple):
    """A classified span: field, offsets, type, confidence, the rule that decided it.

    A named tuple, not a dataclass: a paper has dozens and tuples are built several times
    faster.
    """

    field: Field
    start: int
    end: int
    type: EntityType
    confidence: float
    rule: str
    introduced: bool = False


#: A bracketed citation in alphabetic or numeric style: "[Hua+24]", "[Kay23; Rum+24]",
#: "[AM23, DYT24]", "[3, 7-9]". Its keys look like coined names but name no entity.
_CITE_KEY = r"(?:[A-Z][A-Za-z]{0,5}\+?(?:\d{2}|\d{4})[a-z]?|\d{1,3}(?:[-\u2013]\d{1,3})?)"
_CITATION = re.compile(rf"\[{_CITE_KEY}(?:[;,]\s*{_CITE_KEY})*\]")


#: A version tag (a literal first character: the regex engine skips to it quickly).
_V_DIGIT = re.compile(r"v\d")


def _may_name_multi(text: str) -> bool:
    """Whether :data:`_MULTI` can match: a competition word, "Task " or a spaced ``v<digit>``."""
    return (
        "Cup" in text
        or "Challenge" in text
        or "Competition" in text
        or "Olympiad" in text
        or "Task " in text
        or any(text[m.start() - 1 : m.start()].isspace() for m in _V_DIGIT.finditer(text))
    )


@functools.lru_cache(maxsize=32)
def analyse(paper: Paper, lexicon: Lexicon) -> tuple[Candidate, ...]:
    """Every classified candidate span of a paper's title and abstract, before overlaps.

    Examples
    --------
    >>> from kg.extract.lexicon import load_lexicon
    >>> p = Paper(id="x", title="FlexGen: Fast Inference", abstract="We run OPT-30B on GLUE.")
    >>> sorted({(c.type.value, c.rule) for c in analyse(p, load_lexicon())})
    ... # doctest: +NORMALIZE_WHITESPACE
    [('benchmark', 'lexicon'), ('method', 'introduced'), ('method', 'lexicon'),
     ('model', 'family'), ('model', 'lexicon')]
    """
    exact = lexicon.by_name
    title = paper.title
    introduced = introduced_names(paper, lexicon)
    out: list[Candidate] = []
    for field in (Field.TITLE, Field.ABSTRACT):
        text = title if field is Field.TITLE else paper.abstract
        if not text:
            continue
        first = len(out)
        for start, end, kind in lexicon.find(text):
            # Inside a longer name (Zorb-Llama), unless after its maker (OpenAI-o1).
            if (
                start > 0
                and (text[start - 1].isalnum() or text[start - 1] in "-_")
                and (kind is not EntityType.MODEL or not _ORG_BEFORE.search(text, 0, start))
            ):
                continue
            # A model family may run on into its version (Qwen2.5), nothing else may touch.
            if (
                end < len(text)
                and (text[end].isalnum() or text[end] == "_")
                and (kind is not EntityType.MODEL or text[end].isalpha())
            ):
                continue
            if (
                end < len(text)
                and text[end] == "-"
                and end + 1 < len(text)
                and (text[end + 1].isupper() or text[end + 1].isdigit())
                and kind is not EntityType.MODEL
            ):
                continue
            if kind is EntityType.MODEL:
                family_end = end
                m = NAME.match(text, start)
                if m is not None and m.end() > end:
                    # Llama-2/Llama-3 names two models: the second is found on its own.
                    slash = text.find("/", end, m.end())
                    end = trim(text, start, m.end() if slash < 0 else slash)
                elif end < len(text) and text[end] == "-":
                    m2 = re.match(r"(?:-[\w.+]+)+", text[end : end + 60])
                    if m2:
                        end = trim(text, start, end + m2.end())
                if end > family_end and NOT_A_NAME.fullmatch(text, start, end):
                    end = family_end  # "CLIP-Guided": the family alone is the name
                if end < len(text) and text[end] == " ":
                    spaced = _SPACED_MODEL_TAIL.match(text, end)
                    if spaced is not None:  # Llama 3.1 8B, Mistral 7B, Llama 2
                        end = spaced.end()
            out.append(Candidate(field, start, end, kind, 0.95, "lexicon"))
        abbreviations = find_abbreviations(text) if "(" in text else ()
        generic = {
            a.short
            for a in abbreviations
            if (common_phrase(a.long) and a.short[:1].isupper())
            or lexicon.is_stop(a.long)
            or NOT_ENTITY_HEAD.search(a.long)
            or posed_as_problem(text, a.long_start)
        }
        # A plural long form with a plural acronym names a class ("Graph Transformers
        # (GTs)", "Message Passing Neural Networks (MPNNs)"), unless the paper makes it.
        classes = {
            a.long
            for a in abbreviations
            if a.short[-1:] == "s" and a.long[-1:] == "s" and a.long not in introduced
        }
        generic |= {a.short for a in abbreviations if a.long in classes}
        named = frozenset(
            a.short for a in abbreviations if a.long.istitle() and a.long not in classes
        )
        generic |= {a.short + "s" for a in abbreviations if a.short in generic}
        generic |= {
            a.short[:-1] for a in abbreviations if a.short in generic and a.short[-1] == "s"
        }
        ends = lexicon.cached("name-ends", new_cache)
        decisions = lexicon.cached("name-decisions", new_cache)
        for m in NAME.finditer(text):
            start = m_start = m.start()
            if start and (text[start - 1].isalnum() or text[start - 1] in NOT_BEFORE):
                # A name that starts in lower case (vLLM, o1, pPE): take the letters before.
                s0 = start
                while s0 and "a" <= text[s0 - 1] <= "z":
                    s0 -= 1
                if s0 == start or (s0 and (text[s0 - 1].isalnum() or text[s0 - 1] in NOT_BEFORE)):
                    continue
                start = s0
            raw = m.group()
            rel_end = ends.get(raw)
            if rel_end is None:
                rel_end = bounded_put(ends, raw, name_end(raw))
            end = m_start + rel_end
            token = text[start:end]
            decision = decisions.get(token)
            if decision is None:
                decision = bounded_put(decisions, token, decide(token, lexicon, exact))
            if decision[0] is SPLIT:  # names joined by slashes, each judged alone
                parts = []
                for offset, length in decision[1]:
                    part = text[start + offset : start + offset + length]
                    judged = decisions.get(part)
                    if judged is None:
                        judged = bounded_put(decisions, part, decide(part, lexicon, exact))
                    parts.append((start + offset, start + offset + length, part, judged))
            else:
                parts = [(start, end, token, decision)]
            for start, end, token, decision in parts:
                code = decision[0]
                if code is SKIP:
                    continue
                if code is FIXED:
                    out.append(Candidate(field, start, end, *decision[1]))
                elif code is PARTS_FOUND:
                    for offset, length, part_kind in decision[1]:
                        out.append(
                            Candidate(
                                field,
                                start + offset,
                                start + offset + length,
                                part_kind,
                                0.9,
                                "lexicon",
                            )
                        )
                else:
                    found = classify(text, start, end, lexicon, exact, named)
                    if (
                        found is not None
                        and token in generic
                        and (found[0] is not EntityType.MODEL or found[2] not in ("family", "size"))
                    ):
                        continue
                    if found is not None:
                        if text[end : end + 1] == " " and token not in generic:
                            sized = _SPACED_SIZE.match(text, end)
                            if sized is not None:  # "LLaDA 8B": a model, size and all
                                found, end = (EntityType.MODEL, 0.85, "size"), sized.end()
                        out.append(Candidate(field, start, end, found[0], found[1], found[2]))
        if _may_name_multi(text):
            for m in _MULTI.finditer(text):
                start, end = m.span()
                words = m.group().split(" ")
                while len(words) > 1 and words[0] in _LEADING_WORDS:
                    start += len(words[0]) + 1
                    words = words[1:]
                if len(words) >= 2:
                    rule = "versioned" if words[-1].startswith("v") else "multi"
                    out.append(Candidate(field, start, end, EntityType.BENCHMARK, 0.8, rule))
        if "(" in text:
            out.extend(_listed_datasets(text, field, lexicon))
        if field is Field.ABSTRACT and _TECHNIQUE_HEAD_WORD.search(text) is not None:
            out.extend(
                c for c in _title_case_names(text, lexicon) if text[c.start : c.end] not in classes
            )
        for abbr in abbreviations:
            long = abbr.long
            if long in introduced or abbr.short in introduced:
                continue
            if long[:1].isupper() and not lexicon.is_stop(abbr.short):
                known = exact.get(long) or exact.get(abbr.short)
                if known is not None:
                    out.append(
                        Candidate(field, abbr.long_start, abbr.long_end, known, 0.9, "abbreviation")
                    )
        for name, kind in introduced.items():
            pos = text.find(name)
            while pos >= 0:
                end = pos + len(name)
                if (pos == 0 or not text[pos - 1].isalnum()) and (
                    end >= len(text) or not text[end].isalnum()
                ):
                    out.append(Candidate(field, pos, end, kind, 0.97, "introduced", True))
                pos = text.find(name, end)
        if abbreviations:
            # A word inside a defined long form is part of that name, not one of its own
            # ("Decision ConvFormer (DC)", "via LEXical iNdex learning (GLEN)").
            longs = [(a.long_start, a.long_end) for a in abbreviations]
            out[first:] = [
                c
                for c in out[first:]
                if c.rule not in _SHAPE_RULES
                or not any(
                    s <= c.start and c.end <= e and (s, e) != (c.start, c.end) for s, e in longs
                )
            ]
        if "[" in text:  # citation keys look like names ("[Hua+24]", "[Qwen24]")
            cited = [m.span() for m in _CITATION.finditer(text)]
            out[first:] = [c for c in out[first:] if not any(s < c.start < e for s, e in cited)]
    if "(" in title or "(" in paper.abstract:
        out = _acronyms_follow_long_forms(out, title, paper.abstract)
    out = _follow_list_siblings(
        _sized_heads_are_models(out, title, paper.abstract), title, paper.abstract
    )
    out = _versions_follow_their_names(out, title, paper.abstract, exact)
    return _consolidate(_names_take_their_tails(out, title, paper.abstract), title, paper.abstract)


#: After a benchmark: a named split or task of it ("COCO test-dev", "COCO val2017", "LVIS
#: minival", "DCASE 2024 Task 4"); a plain "test" or "val" may start "test set" instead.
_SPLIT_TAIL = re.compile(
    r" (?:test-dev|test-std|test-challenge|minival\w*|(?:val|train|test)(?:20)?\d\d|"
    r"[Tt]ask ?\d{1,2}[A-Za-z]?)(?![\w-])"
)


def _names_take_their_tails(found: list[Candidate], title: str, abstract: str) -> list[Candidate]:
    """Spans run on over the words that complete a name: a benchmark's over a named split
    or task written after it (the split is what the paper reports on, and "Task4" alone is
    no name of its own), a method's over "Transformer" ("Post-LN Transformer" is the
    architecture's name)."""
    out = []
    for c in found:
        tail = None
        if c.type is EntityType.BENCHMARK:
            tail = _SPLIT_TAIL.match(title if c.field is Field.TITLE else abstract, c.end)
        elif c.type is EntityType.METHOD:
            tail = _ARCHITECTURE_TAIL.match(title if c.field is Field.TITLE else abstract, c.end)
        if tail is not None:
            c = c._replace(end=tail.end())
        out.append(c)
    return out


#: After a method's name: the architecture word that completes it ("Pre-LN Transformers").
_ARCHITECTURE_TAIL = re.compile(r" Transformers?(?![\w-])")


def _versions_follow_their_names(
    found: list[Candidate], title: str, abstract: str, exact: dict[str, EntityType]
) -> list[Candidate]:
    """A version or variant names the same kind of thing as its name: a spaced version
    ("NYU Depth v2", "OWSM v3.1") and a hyphenated variant that only its shape typed
    ("DriveQA-V" in the paper that introduces the benchmark DriveQA) take the kind the
    lexicon or the paper's other mentions give the name (the first that a rule other than
    shape decided); a spaced version stays a dataset when none does."""

    def text_of(c: Candidate) -> str:
        return (title if c.field is Field.TITLE else abstract)[c.start : c.end]

    def variant(c: Candidate) -> bool:
        return c.rule in _SHAPE_RULES and "-" in text_of(c)

    if not any(c.rule == "versioned" or variant(c) for c in found):
        return found
    kinds: dict[str, EntityType] = {}
    for c in found:
        if c.rule not in _SHAPE_RULES and c.rule != "versioned":
            kinds.setdefault(text_of(c), c.type)
    out = []
    for c in found:
        if c.rule == "versioned" or variant(c):
            name = text_of(c).rpartition(" " if c.rule == "versioned" else "-")[0]
            kind = exact.get(name) or kinds.get(name)
            if kind is not None and kind is not c.type:
                c = c._replace(type=kind)
        out.append(c)
    return out


#: A parenthesised list right after a plural dataset head: "three datasets (Hamlyn,
#: EndoSLAM, and SCARED)", "report generation tasks (Glaive)".
#: The forward pattern is ``\b(?:datasets?|benchmarks?|tasks|environments|suites?|corpora)
#: \s*\(([^()]{2,200})\)``; it is matched in two halves: the parenthesis, and the head before
#: it written backwards (on the reversed 40 characters before each "(", the rarer character).
_PARENTHESIS = re.compile(r"\(([^()]{2,200})\)")
_DATASET_HEAD_REVERSED = re.compile(
    r"\s*(?:s?tesatad|s?kramhcneb|sksat|stnemnorivne|s?etius|aroproc)\b"
)


def _dataset_lists(text: str) -> Iterator[re.Match[str]]:
    """The parenthesised lists after a plural dataset head (group 1: the list), found from
    each "(" instead of searching for the head words at every position."""
    at = text.find("(")
    while at >= 0:
        m = _PARENTHESIS.match(text, at)
        if m is not None and _DATASET_HEAD_REVERSED.match(text[max(0, at - 40) : at][::-1]):
            yield m
            at = text.find("(", m.end())
        else:
            at = text.find("(", at + 1)


#: A head noun that closes a listed item: "DIV2K datasets".
_LIST_HEAD_AFTER = re.compile(r"\s+(?:datasets?|benchmarks?|corpora|corpus)$")


def _listed_datasets(text: str, field: Field, lexicon: Lexicon) -> Iterator[Candidate]:
    """The items of a parenthesised list that a dataset head introduces: benchmarks, plain
    words included (Hamlyn), which no name shape would find."""
    for m in _dataset_lists(text):
        for offset, name in list_items(m.group(1)):
            if " et al" in name or "{" in name or "}" in name:
                continue  # a citation ("(Cobbe et al., 2021)"), or LaTeX ("CIFAR-{10, 100}")
            name = _LIST_HEAD_AFTER.sub("", name)  # "(CelebA and DIV2K datasets)"
            if len(name.split()) <= 4 and not lexicon.is_stop(name):
                start = m.start(1) + offset
                yield Candidate(field, start, start + len(name), EntityType.BENCHMARK, 0.7, "list")


def _acronyms_follow_long_forms(
    found: list[Candidate], title: str, abstract: str
) -> list[Candidate]:
    """An acronym is the same kind of thing as its long form when the long form's kind
    rests on evidence ("AI Mathematical Olympiad (AIMO)": a benchmark, so AIMO is one) or
    its words say it ("Ontology Alignment Evaluation Initiative (OAEI)"); so is the acronym
    with a year ("OAEI 2025")."""
    texts = (title, abstract)
    pairs = [a for text in texts if "(" in text for a in find_abbreviations(text)]
    if not pairs:
        return found
    kinds: dict[str, EntityType] = {}
    for c in found:
        if c.rule not in ("coined", "acronym", "title-case"):
            kinds.setdefault(texts[c.field is Field.ABSTRACT][c.start : c.end], c.type)
    retype: dict[str, EntityType] = {}
    for abbr in pairs:
        kind = kinds.get(abbr.long)
        if kind is None and abbr.long[:1].isupper() and _BENCHMARK_WORD.search(abbr.long):
            kind = EntityType.BENCHMARK
        if kind is not None and abbr.short not in kinds:
            retype[abbr.short] = kind
    if not retype:
        return found
    out = []
    for c in found:
        name = texts[c.field is Field.ABSTRACT][c.start : c.end]
        head, _, year = name.partition(" ")
        kind = retype.get(name) or (retype.get(head) if _YEAR.fullmatch(year) else None)
        out.append(c._replace(type=kind) if kind is not None and not c.introduced else c)
    return out


#: A word that makes a long form a benchmark's name.
_BENCHMARK_WORD = re.compile(
    r"\b(?:Benchmark|Evaluation|Challenge|Competition|Dataset|Corpus|Leaderboard|Olympiad)\b"
)
_YEAR = re.compile(r"(?:19|20)\d\d")


def _title_case_names(text: str, lexicon: Lexicon) -> Iterator[Candidate]:
    """Title Case phrases inside a sentence that end like a technique: methods.

    In running text a capitalised multi-word phrase away from a sentence start is a name;
    it is taken as a method only when its last word is a technique head (Optimization,
    Transformer, Filter, Decoding, ...), which leaves out generic classes written in Title
    Case ("Large Language Models", "Convolutional Neural Networks").
    """
    for m in mid_sentence_title_phrases(text):
        start, phrase = m.start(), m.group()
        first, _, rest = phrase.partition(" ")
        if first.endswith("ing") and " " in rest:  # "Initializing Decision Transformers"
            start, phrase = start + len(first) + 1, rest
        # "Low-Rank Adaptation and Supervised Fine-Tuning": two names, each judged alone.
        for part in phrase.split(" and "):
            last = part.rsplit(" ", 1)[-1].rsplit("-", 1)[-1]
            if last in _TECHNIQUE_HEADS and last != part and not lexicon.is_stop(part):
                yield Candidate(
                    Field.ABSTRACT, start, start + len(part), EntityType.METHOD, 0.55, "title-case"
                )
            start += len(part) + len(" and ")


#: Rules that type a name by its shape alone, for want of evidence.
_SHAPE_RULES = frozenset({"coined", "acronym", "title-case"})


def _sized_heads_are_models(found: list[Candidate], title: str, abstract: str) -> list[Candidate]:
    """A name the paper also writes with a spaced size ("LLaDA 8B") is a model where its
    shape alone typed it ("LLaDA is strong")."""
    texts = (title, abstract)
    heads = {
        texts[c.field is Field.ABSTRACT][c.start : c.end].rpartition(" ")[0]
        for c in found
        if c.rule == "size"
    }
    if not heads:
        return found
    return [
        c._replace(type=EntityType.MODEL, rule="size")
        if c.rule in _SHAPE_RULES and texts[c.field is Field.ABSTRACT][c.start : c.end] in heads
        else c
        for c in found
    ]


#: Between two items of one list: ", ", ", and ", " or "; the last gap has "and"/"or".
_LIST_GAP = re.compile(r",\s*|(,\s*|\s+)(?:and|or)\s+")


def _next_to_a_list_gap(text: str, c: Candidate) -> bool:
    before, after = text[max(0, c.start - 5) : c.start], text[c.end : c.end + 5]
    return before.endswith((", ", ",", " and ", " or ")) or after.startswith((",", " and ", " or "))


def _bracketed(text: str, items: list[tuple[int, int]]) -> bool:
    """Whether items are a whole list in brackets: "(SIMPLER, FurnitureBench)"."""
    return (
        len(items) > 1
        and text[: items[0][0]].endswith("(")
        and text[items[-1][1] : items[-1][1] + 1] == ")"
    )


def _follow_list_siblings(found: list[Candidate], title: str, abstract: str) -> list[Candidate]:
    """A name typed by its shape alone takes the type of its list: in "LeetCode, AtCoder,
    and CodeForces" or "Llama-3, Qwen2.5 and ZorbLM" the unknown name is one more of the
    kind its neighbours are on evidence. A list is names joined by commas and closed by
    "and"/"or" ("On A and B, ZorbX keeps ..." lists only A and B) or by brackets ("(A, B)")."""
    texts = (title, abstract)
    if not any(
        c.rule in _SHAPE_RULES and _next_to_a_list_gap(texts[c.field is Field.ABSTRACT], c)
        for c in found
    ):
        return found
    retype: dict[tuple[Field, int, int], EntityType] = {}
    for field in (Field.TITLE, Field.ABSTRACT):
        text = texts[field is Field.ABSTRACT]
        # the candidates of each span (a name may have several)
        spans: dict[tuple[int, int], list[Candidate]] = {}
        for c in found:
            if c.field is field:
                spans.setdefault((c.start, c.end), []).append(c)
        items: list[tuple[int, int]] = []
        for start, end in sorted(spans, key=lambda se: (se[0], -se[1])):
            if not items or start >= items[-1][1]:  # outermost spans only
                items.append((start, end))
        lists: list[list[tuple[int, int]]] = []  # the closed lists ("A, B and C")
        current: list[tuple[int, int]] = []
        closed = False
        for item in [*items, (len(text), len(text))]:
            gap = _LIST_GAP.fullmatch(text[current[-1][1] : item[0]]) if current else None
            if gap is None or closed:
                if closed or _bracketed(text, current):
                    lists.append(current)
                current, closed = [item], False
            else:
                current.append(item)
                closed = gap.group(1) is not None  # "and"/"or" brings the last item
        for items_of_list in lists:
            evidence = {
                c.type
                for span in items_of_list
                for c in spans[span]
                if c.rule not in _SHAPE_RULES or c.introduced
            }
            if len(evidence) != 1:
                continue
            (kind,) = evidence
            for span in items_of_list:
                group = spans[span]
                if all(c.rule in _SHAPE_RULES and not c.introduced for c in group):
                    retype[(field, *span)] = kind
    if not retype:
        return found
    return [
        c._replace(type=retype[key], confidence=0.7, rule="list")
        if (key := (c.field, c.start, c.end)) in retype
        else c
        for c in found
    ]


def _consolidate(found: list[Candidate], title: str, abstract: str) -> tuple[Candidate, ...]:
    """One type per name per paper: the type with the most evidence (introductions count
    double) wins, so "3DMOTFormer ... framework" and "3DMOTFormer model" agree. A type read
    from a name's shape only counts a tenth: one "model Lite-LLM4Rec" outweighs four bare
    occurrences that merely look like a method's name."""
    # Spelling variants of one name vote together ("Global MMLU", "Global-MMLU").
    names = [
        name_key((title if c.field is Field.TITLE else abstract)[c.start : c.end]) for c in found
    ]
    first: dict[str, EntityType] = {}
    for c, name in zip(found, names, strict=True):
        if first.setdefault(name, c.type) is not c.type:
            break
    else:
        return tuple(found)  # every name has one type already
    votes: dict[str, dict[EntityType, float]] = {}
    for c, name in zip(found, names, strict=True):
        weight = c.confidence * (2.0 if c.introduced else 0.1 if c.rule in _SHAPE_RULES else 1.0)
        tally = votes.setdefault(name, {})
        tally[c.type] = tally.get(c.type, 0.0) + weight
    best = {
        name: max(tally.items(), key=lambda kv: (kv[1], kv[0].value))[0]
        for name, tally in votes.items()
        if len(tally) > 1
    }
    if not best:
        return tuple(found)
    return tuple(
        Candidate(c.field, c.start, c.end, best[name], c.confidence, c.rule, c.introduced)
        if name in best
        else c
        for c, name in zip(found, names, strict=True)
    )


def mentions_of_type(
    paper: Paper, lexicon: Lexicon, kind: EntityType, extractor: str
) -> Iterator[Mention]:
    """The candidates of one type as mentions (role ``introduces`` or, for now, ``mentions``)."""
    for c in _by_type(paper, lexicon).get(kind, ()):
        text = paper.title if c.field is Field.TITLE else paper.abstract
        role = Role.INTRODUCES if c.introduced else Role.MENTIONS
        yield Mention(
            paper.id,
            text[c.start : c.end],
            kind,
            role,
            c.field,
            c.start,
            c.end,
            extractor,
            c.confidence,
        )


@functools.lru_cache(maxsize=32)
def _by_type(paper: Paper, lexicon: Lexicon) -> dict[EntityType, list[Candidate]]:
    """:func:`analyse`'s candidates grouped by type (each extractor reads its own group)."""
    groups: dict[EntityType, list[Candidate]] = {}
    for c in analyse(paper, lexicon):
        groups.setdefault(c.type, []).append(c)
    return groups

"""Find name-like spans in a paper and decide which kind of entity each one names.

One pass per field finds every candidate (lexicon hits by Aho-Corasick, coined names by one
combined regex, names a paper says it introduces), then each candidate is classified by a
short table of evidence, strongest first: the curated lexicons, the stop-list, model family
stems and parameter counts (``-7B``), benchmark-like suffixes (``-Bench``, ``Eval``,
``QA``), the head noun right after the name ("the FLAME dataset", "the RAVE model"), an
apposition ("ProcBench, a benchmark for ..."), and finally the shape of the name (coined
CamelCase names are methods). The four type extractors (``methods``, ``benchmarks``,
``models`` and the URL-based ``repos``) each keep their own type from this shared analysis,
which is computed once per paper and lexicon (a small LRU cache: extractors stay pure).

What a paper introduces is read from: the name before a title's colon; "we propose /
introduce / present X" (also "we study ... and propose X", a coined X a few words into the
verb's noun phrase, and the long form of an acronym that starts there); "called / dubbed /
named X", "which we call X"; "our approach, X", "our second approach is X" and "our X
framework"; "X, a novel ...", "X is a novel ...", "a new algorithm (X)"; a proposing
verb right before a coined name with an apposition ("present LightWaveS: a framework");
"(ACR)" after a proposing verb; a colon-less title opening with a Title Case technique
name; Title Case parts of the paper's design described right after ("Perplexity
Consistency, which ..."); and, when none of these names anything, the paper's most repeated
unknown coined name. "We previously introduced X" is the authors' earlier work. An
introduced name is typed by what the paper calls it wherever it occurs ("the Hiformer
model"), and a name typed only by its shape gives way to any evidence.

Speed: the same name strings recur across papers, so every decision that depends on the
string alone (trimming, curated/version/slash checks, stop-list, family stems, suffixes) is
memoised per lexicon in bounded tables; only the context checks run per occurrence.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any, NamedTuple, TypeVar

from kg.extract.abbreviations import find_abbreviations
from kg.extract.lexicon import Lexicon
from kg.extract.roles import find_cues, own_verb
from kg.model import EntityType, Field, Mention, Paper, Role

__all__ = ["Candidate", "analyse", "mentions_of_type"]

T = TypeVar("T")

#: Coined names: a capital or digit after the first letter (vLLM, FlexGen, GPT-4o, o1,
#: Qwen2.5-Math-7B, DFloat11, StarCoder+) or a Title-case hyphen compound (Flash-VStream),
#: with a spaced version or year (NYU Depth v2, LCQuAD 1.0, TREC 2022).
_NAME = re.compile(
    r"[A-Z0-9][a-z]*(?:[A-Z0-9+][\w+]*|[.\-/][\w+]+)(?:[.\-/][\w+]+)*\+*"
    r"(?:\s(?:v?\d+\.\d+|v\d+|\d{4})\b)?",
    re.ASCII,
)
_PARTS = re.compile(r"[-/]")
#: The kinds named by the three groups of the head-noun patterns, in group order.
_HEAD_KINDS = (EntityType.BENCHMARK, EntityType.MODEL, EntityType.METHOD)
#: Never names: quantities with units (82Hz, 16GB, 4K), citation keys (fu2020d4rl).
_NOT_A_NAME = re.compile(
    r"(?:\d+x)?\d+(?:\.\d+)?(?:Hz|kHz|MHz|GHz|ms|GB|MB|KB|TB|PB|fps|FPS|K|k|x|X|px|mm|cm|km|kW|mAh|dB)"
    r"|[a-z]+\d{4}[a-z0-9]*",
    re.ASCII,
)
#: A bare version after a slash: "MOT16/17/20", "GPT-3.5/4".
_BARE_VERSION = re.compile(r"\d+(?:\.\d+)?[a-z]?", re.ASCII)
#: A name followed by a year.
_DATED = re.compile(r"(.+?)[-\s]?(?:19|20)\d\d", re.ASCII)
#: A name followed by a year or version: the name is looked up alone.
_VERSIONED = re.compile(r"(.+?)[-\s]?(?:v?\d+(?:\.\d+)*)", re.ASCII)
#: After a model family from the lexicon: a spaced version and/or size (Llama 3.1 8B).
_SPACED_MODEL_TAIL = re.compile(
    r"(?:\s\d(?:\.\d+)*(?:\s(?:\d+x)?\d+(?:\.\d+)?[BM])?|\s(?:\d+x)?\d+(?:\.\d+)?[BM])(?![\w+-]|\.\d)",
    re.ASCII,
)
#: Multi-word names that end in a version or name a competition (NYU Depth v2,
#: Amazon KDD Cup 2024): benchmarks.
_MULTI = re.compile(
    r"[A-Z][\w.+-]*(?:\s[A-Z][\w.+-]*){0,3}\s(?:v\d+(?:\.\d+)*|(?:Cup|Challenge|"
    r"Competition|Olympiad)(?:\s\d{4})?)\b",
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
#: Words that open a phrase, not a name, before a title's colon ("Beyond Memorization",
#: "Towards Robust RL", "When Less Is More").
_PHRASE_OPENERS = frozenset(
    [
        "Beyond",
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
_NOT_BEFORE = frozenset("._+-/@\\")
#: Lower-case trailing parts that are words, not part of a name (LoRA-based, KV-cache).
_LOWER_TAIL = re.compile(r"(?:-[a-z][a-z]+)+$", re.ASCII)
_MODEL_VARIANT_WORDS = frozenset(
    [
        "mini",
        "base",
        "large",
        "small",
        "tiny",
        "medium",
        "xl",
        "xxl",
        "chat",
        "instruct",
        "it",
        "hf",
        "turbo",
        "preview",
        "pro",
        "plus",
        "distill",
        "coder",
        "math",
        "vision",
        "flash",
        "lite",
        "nano",
        "max",
        "ultra",
        "uncased",
        "cased",
    ]
)
_SIZE_ONLY = re.compile(
    r"(?:\d+x)?\d+(?:\.\d+)?[BbMmKkTtx\u00d7]?|\d+[Dd]|\d+(?:st|nd|rd|th)|[a-z]+\d+", re.ASCII
)
_HARDWARE = re.compile(r"(?:[AHVLTBP]\d{2,4}|RTX.*|GTX.*|TX\d|Jetson.*|M\d|MI\d{3}X?)$", re.ASCII)
_MODEL_SIZE = re.compile(r"[A-Za-z].*[-_ ](?:\d+x)?\d+(?:\.\d+)?[BM](?:\b|-)", re.ASCII)
_BENCH_SUFFIX = re.compile(
    r"(?:Bench|bench|BENCH|Eval|EVAL|QA|Arena|Leaderboard)(?:[-\s]?(?:v?\d+(?:\.\d+)*|Live|Hard|Lite|Pro|Verified))?$"
)
_HEAD_AFTER = re.compile(
    r"\s+(?:(dataset|datasets|benchmark|benchmarks|corpus|corpora|suite|leaderboard|"
    r"challenge|competition|testbed|split|tasks|environment|environments|games)|"
    r"(model|models|LLM|LLMs|checkpoint|checkpoints|series|detector|encoder|backbone)|(framework|system|method|methods|approach|algorithm|"
    r"architecture|engine|library|technique|strategy|pipeline|toolkit|agent|optimizer|"
    r"scheduler|paradigm|protocol|attack|mechanism|module|decoding|search|sampling|prompting))\b"
)
_APPOSITION = re.compile(
    r"(?:\s*\([^()]{1,20}\))?[,:]\s+(?:a|an|the|our)\s+(?:[\w-]+,?\s+){0,5}?"
    r"(?:(benchmark|dataset|corpus|suite|testbed)|(model|series)(?!\s+(?:inference|serving))|"
    r"(framework|system|method|approach|algorithm|architecture|engine|library|technique|"
    r"strategy|pipeline|toolkit|agent|paradigm|assistant|network))\b"
)
#: After an introducing verb (found by :func:`kg.extract.roles.find_cues`): the name.
_INTRO_TAIL = re.compile(
    r"\w*\s+(?:as\s+)?(?:(?:a|an|the|our)\s+)?(?:(?:novel|new|simple|general|unified|scalable|efficient|"
    r"lightweight|first|open-source|large-scale|comprehensive|challenging|framework|method|"
    r"benchmark|dataset|model|system|approach|algorithm)\s+)*"
    r"[\"“']?([A-Z][\w+*]*(?:\.[\w+*]+)*(?:(?:[\- ]|-(?:and|or|of|to|then|the|in|for)-)"
    r"[A-Z0-9][\w+*]*(?:\.[\w+*]+)*){0,3})"
)
#: After the paper's own introducing verb, further off: a coined name after a few lower-case
#: words of the same noun phrase ("propose a simple yet highly effective model Lite-LLM4Rec",
#: "propose a new method f-DVL"); a preposition, conjunction or relative word ends the phrase.
_INTRO_FAR = re.compile(
    r"\w*\s+(?:(?!(?:that|which|who|to|for|of|on|in|with|by|using|from|than|and|or|where|when|"
    r"while|via|into|over|under|between|across|against|such|as|based|is|are|was|were|its|their)"
    r"\b)[a-z][a-z-]*,?\s+){0,7}[\"“']?([A-Za-z][\w+*]*(?:[.\-][\w+*]+)*)"
)
#: A lower-case word right after a name: the "name" was a modifier of it.
_LOWER_WORD_NEXT = re.compile(r"\s+[a-z]")
#: After a name: "-- a new class of", ", a novel", " is a novel": the paper presents the name
#: as its own.
_NOVEL = re.compile(r"(?:,|\s--?|\s\u2014|\s+is)\s*an?\s+(?:new|novel)\b")
#: "a new algorithm (GLOW)", "a novel benchmark (SynthX)": the head says what is new.
_NEW_NAMED = re.compile(
    r"\ban?\s+(?:new|novel)\s+(?:[\w-]+\s+){0,3}?(algorithm|method|framework|model|dataset|"
    r"benchmark|approach|architecture|technique|system)s?\s+\(([A-Za-z][\w+.-]{1,15})\)"
)
_LAST_NAME = re.compile(r"(?:([A-Z0-9][\w+.-]*[\w+])|\(([A-Za-z][\w+.-]*)\))$")
_PARENTHESISED = re.compile(r"\(([A-Za-z][\w+.-]{1,15})\)")
_TITLE_PHRASE = re.compile(
    r"[A-Z][a-z]+(?:(?:[- ](?:of |for |the |to |and )?|-(?:and|or|of|to)-)[A-Z][a-z]+){1,5}"
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
#: Head nouns that say what kind of thing a phrase names.
_HEAD_WORD = re.compile(
    r"\b(dataset|benchmark|corpus|suite|testbed|model|framework|system|method|algorithm|"
    r"approach|technique|process|strategy|mechanism|architecture)s?\b",
    re.IGNORECASE,
)
_HEAD_KIND = {
    **dict.fromkeys(("dataset", "benchmark", "corpus", "suite", "testbed"), EntityType.BENCHMARK),
    "model": EntityType.MODEL,
}
_NAMING = ("called", "dubbed", "named", "termed", "coined")
_TITLE_HEAD_BENCH = re.compile(
    r"^\s*(?:An?\s+|The\s+)?(?:[\w-]+\s+){0,4}?(?:Benchmark|Benchmarking|Dataset|Corpus|Suite|"
    r"Testbed|Leaderboard|Evaluation)s?\b"
)
_TITLE_HEAD_METHOD = re.compile(
    r"^\s*(?:An?\s+|The\s+)?(?:[\w-]+\s+){0,4}?(?:Framework|Agent|Method|System|Approach|"
    r"Algorithm|Architecture|Engine|Pipeline|Toolkit|Library)s?\b"
)
_TITLE_HEAD_MODEL = re.compile(
    r"^\s*(?:(?:An?|The|Open)\s+(?:[\w-]+\s+){0,3}?|(?![A-Z][a-z]+ing\s|(?:Towards?|How|Why|When|What|Can|Are|Do|Does|Is|Make|Let)\s)"
    r"(?:[A-Z0-9][\w-]*\s+){1,4}?)"
    r"(?:Model|Models|LLM|LLMs|Series)"
    # the head of its phrase ("An Open Reasoning Model for X"), not a modifier ("LLM Generation")
    r"(?=\s*$|\s*[:,.]|\s+(?:for|with|via|that|in|on|to|of|from|and|by|as|is|are)\b)"
)
#: Before a name: an evaluation clause whose list the name is in ("results on A, B and").
_EVAL_BEFORE = re.compile(
    r"(?:datasets?|benchmarks?|evaluat\w*|experiments?|results|tested|test sets?|"
    r"splits?|accuracy|performance|scores?|rates?)\b[^.;:]{0,80}?"
    r"(?:\b(?:on|across|including|such as|like|namely|over)\s+|\((?:e\.g\.|i\.e\.),?\s*"
    r"|(?<=sets )\(|(?<=marks )\()"
    r"(?:the\s+)?(?:[\w.+-]+(?:\s[\w.+-]+)?(?:\s*\([^()]{0,30}\))?"
    r"(?:,\s*|\s+and\s+|\s+or\s+|,\s+and\s+)){0,6}$"
)
#: After a name: the rest of a list ending in a plural dataset head ("A, B and C datasets").
_EVAL_AFTER = re.compile(
    r"(?:(?:,\s*|\s+)(?:and\s+|or\s+)?[\w.+-]+){0,5}\s+(?:datasets|benchmarks)\b"
)
_EVAL_WORDS = (
    "dataset",
    "benchmark",
    "evaluat",
    "experiment",
    "result",
    "test",
    "split",
    "accuracy",
    "performance",
    "score",
    "rate",
)
#: :data:`_EVAL_BEFORE` written backwards, matched at the start of the reversed window: a
#: match of the original ending at the window's end exists exactly when this one matches
#: (one anchored attempt instead of a search from every position). ``\n?`` stands for
#: ``$`` matching before a final newline.
_EVAL_BEFORE_REVERSED = re.compile(
    r"\n?(?:(?:\s*,|\s+dna\s+|\s+ro\s+|\s+dna\s+,)(?:\)[^()]{0,30}\(\s*)?"
    r"(?:[\w.+-]+\s)?[\w.+-]+){0,6}"
    r"(?:\s+eht)?"
    r"(?:\s+(?:no|ssorca|gnidulcni|sa hcus|ekil|yleman|revo)\b|\s*,?(?:\.g\.e|\.e\.i)\("
    r"|\((?= stes)|\((?= skram))"
    r"[^.;:]{0,80}"
    r"\b(?:s?tesatad|s?kramhcneb|\w*taulave|s?tnemirepxe|stluser|detset|s?tes tset|s?tilps|"
    r"ycarucca|ecnamrofrep|s?erocs|s?etar)",
    re.IGNORECASE,  # "Experiments on X" opens a sentence
)
#: Any of the words, as one scan (a cheap test before :data:`_EVAL_BEFORE`).
_EVAL_WORD = re.compile("|".join(_EVAL_WORDS), re.IGNORECASE)
#: Before a name: a head noun naming its kind ("a new dataset, ExpTime", "benchmark called X").
_HEAD_BEFORE = re.compile(
    r"(?:(dataset|benchmark|corpus|suite|testbed)|(model)|(framework|system|method|"
    r"algorithm|approach|technique|engine|library|architecture))s?\s*"
    r"(?:,\s*|\s+(?:called|named|dubbed|termed|coined)\s+)?[\"“']?$"
)
#: :data:`_HEAD_BEFORE` backwards, anchored at the start of the reversed window; the head
#: word (hence the group) right before the end is the same either way.
_HEAD_BEFORE_REVERSED = re.compile(
    r"\n?[\"“']?(?:\s*,|\s+(?:dellac|deman|debbud|demret|deniloc)\s+)?\s*s?"
    r"(?:(tesatad|kramhcneb|suproc|etius|debtset)|(ledom)|(krowemarf|metsys|dohtem|"
    r"mhtirogla|hcaorppa|euqinhcet|enigne|yrarbil|erutcetihcra))"
)


def _head_before(window: str) -> int | None:
    """The group of :data:`_HEAD_BEFORE` that matches at the end of window (1 benchmark,
    2 model, 3 method), or None."""
    m = _HEAD_BEFORE_REVERSED.match(window[::-1])
    return None if m is None else m.lastindex


#: A short Title Case title ending like a technique is the name of what the paper proposes.
_METHOD_TITLE = re.compile(
    r"(?:Decoding|Optimization|Learning|Search|Attention|Sampling|Tuning|Training|Prompting|"
    r"Transformers?|Distillation|Quantization|Pruning|Retrieval)$"
)
#: A title without a colon that opens with a Title Case technique name before a preposition
#: ("Multi-Objective Decision Transformers for Offline RL"): the paper's own method.
_TITLE_LEAD_METHOD = re.compile(
    r"^((?:[A-Z][\w-]*\s){1,4}?[\w-]*(?:Decoding|Optimization|Attention|Sampling|Tuning|"
    r"Prompting|Transformers?|Distillation|Quantization|Pruning|Networks?|Adapters?|Encoders?|"
    r"Decoders?|Estimators?|Samplers?|Planners?|Routers?|Compressors?|Verifiers?|Tokenizers?))"
    r"\s+(?:for|with|via|in|on|of|from|to|as)\s"
)
#: Long forms that name no method, model or dataset (theories, problems, conditions):
#: their acronyms are not entities ("Information Foraging Theory (IFT)").
_NOT_ENTITY_HEAD = re.compile(
    r"\b(?:Theory|Theorem|Problem|Problems|Task|Tasks|Condition|Hypothesis|Law|Principle|"
    r"Phenomenon|Effect|Setting|Game|Score|Metric|Loss|Error|Rate|Ratio)$"
)
_ORG_PREFIX = re.compile(
    r"(?:OpenAI|Meta|Google|Microsoft|Anthropic|Alibaba|Mistral|DeepMind)[-\s]"
)
_SIZE_IN_NAME = re.compile(r"[-_](?:\d+x)?\d+(?:\.\d+)?[BM]\b", re.ASCII)


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


def _family_stems(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(n.lower() for n, k in lexicon.entries if k is EntityType.MODEL)


#: Coined names ending in a family stem are models built from it (TimeLlaMA, CodeBERT).
_FAMILY_SUFFIXES = ("llama", "bert", "qwen", "gpt", "mistral", "gemma", "llava")


def _model_stem(token: str, lexicon: Lexicon) -> bool:
    stems = lexicon.cached("model-stems", _family_stems)
    org = _ORG_PREFIX.match(token)
    if org is not None:
        token = token[org.end() :]
    low = token.lower()
    if low.endswith(_FAMILY_SUFFIXES) and not low.startswith(_FAMILY_SUFFIXES):
        return True
    head = low.split("-", 1)[0]
    if head in stems or low in stems:
        return True
    alpha = re.match(r"[a-z]+", low)
    if alpha is None:
        return False
    run = alpha.group(0)
    rest = low[len(run) :]
    if run in stems and (not rest or not rest[0].isalpha()):
        return True
    two = "-".join(low.split("-")[:2])
    return two in stems


#: A version tag (a literal first character: the regex engine skips to it quickly).
_V_DIGIT = re.compile(r"v\d")


def _may_name_multi(text: str) -> bool:
    """Whether :data:`_MULTI` can match: a competition word or a spaced ``v<digit>``."""
    return (
        "Cup" in text
        or "Challenge" in text
        or "Competition" in text
        or "Olympiad" in text
        or any(text[m.start() - 1 : m.start()].isspace() for m in _V_DIGIT.finditer(text))
    )


def _trim(text: str, start: int, end: int) -> int:
    """New end after dropping lower-case word tails (LoRA-based -> LoRA)."""
    token = text[start:end]
    m = _LOWER_TAIL.search(token)
    if m is None:
        return end
    parts = token[m.start() :].split("-")[1:]
    keep = 0
    for part in parts:
        if part.lower() in _MODEL_VARIANT_WORDS:
            keep += 1
        else:
            break
    if keep == len(parts):
        return end
    return start + m.start() + sum(len(p) + 1 for p in parts[:keep])


#: Decisions about one name string, memoised per lexicon (see :func:`_decide`).
_SKIP, _FIXED, _PARTS_FOUND, _CLASSIFY = "skip", "fixed", "parts", "classify"
#: Memo tables are cleared when they reach this size (bounded memory on huge corpora).
_MEMO_LIMIT = 200_000


def _new_cache(_: Lexicon) -> dict[str, Any]:
    return {}


def _bounded_put(table: dict[str, T], key: str, value: T) -> T:
    if len(table) >= _MEMO_LIMIT:
        table.clear()
    table[key] = value
    return value


def _name_end(raw: str) -> int:
    """End of a coined-name match relative to its start: a spaced year or version is kept
    only after a coined name, and lower-case word tails are dropped."""
    end = len(raw)
    if " " in raw:
        head = raw.split(" ", 1)[0]
        if not _coined_shape(head):
            end = len(head)
    return _trim(raw, 0, end)


def _decide(token: str, lexicon: Lexicon, exact: dict[str, EntityType]) -> tuple[Any, ...]:
    """What the text of a coined-name match is, as far as the string alone tells.

    ``(_SKIP,)`` not a name; ``(_FIXED, (type, confidence, rule))`` a curated name (or one
    with a version); ``(_PARTS_FOUND, ((offset, length, type), ...))`` a slash pair of
    curated names (DPO/SimPO); ``(_CLASSIFY,)`` a name whose type depends on its context.
    """
    if len(token) < 2 or (token[0].isdigit() and token.lower() == token):
        return (_SKIP,)
    known = exact.get(token)
    if known is not None:  # curated names, also plain words (Llama) and Self-Refine
        return (_FIXED, (known, 0.95, "lexicon"))
    if token.isalpha() and token[1:].islower():
        return (_SKIP,)  # an ordinary capitalised word
    if _NOT_A_NAME.fullmatch(token) or (token[0].islower() and len(token) < 3):
        return (_SKIP,)
    versioned = _VERSIONED.fullmatch(token)
    if versioned is not None and versioned.group(1) in exact:
        # A curated name with a year or version: SATCOMP-2022, TREC 2022, MOT20.
        return (_FIXED, (exact[versioned.group(1)], 0.9, "lexicon-version"))
    dated = _DATED.fullmatch(token)
    if dated is not None and lexicon.is_stop(dated.group(1)):
        return (_SKIP,)  # a venue or organisation with a year: WWW 2025, NeurIPS 2024
    if "/" in token:
        parts = token.split("/")
        first = exact.get(parts[0])
        if first is not None and all(_BARE_VERSION.fullmatch(p) for p in parts[1:]):
            return (_FIXED, (first, 0.9, "lexicon-version"))  # MOT16/17/20
        kinds = [
            exact.get(p) or (EntityType.MODEL if _model_stem(p, lexicon) else None) for p in parts
        ]
        if all(kinds) and all(len(p) > 1 for p in parts):
            found = []
            pos = 0
            for part, part_kind in zip(parts, kinds, strict=True):  # DPO/SimPO
                if part_kind is not None:
                    found.append((pos, len(part), part_kind))
                pos += len(part) + 1
            return (_PARTS_FOUND, tuple(found))
        if token[0].isdigit():
            return (_SKIP,)  # 1/N, 3/4: fractions
    if not _coined_shape(token) or all(
        lexicon.is_stop(part) for part in _PARTS.split(token) if part
    ):
        return (_SKIP,)
    return (_CLASSIFY,)


def _token_class(
    token: str, lexicon: Lexicon, exact: dict[str, EntityType]
) -> tuple[bool, tuple[EntityType, float, str] | None, bool]:
    """What a name's string alone says of its type: ``(decided, result, plural acronym)``.

    When ``decided`` the result stands whatever the context; otherwise the context is read
    first and ``result`` is the fallback (a plural acronym falling back to nothing unless the
    paper defines it with a Title Case long form).
    """
    kind = exact.get(token)
    if kind is not None:
        return True, (kind, 0.95, "lexicon"), False
    if lexicon.is_stop(token) or _SIZE_ONLY.fullmatch(token) or _HARDWARE.match(token):
        return True, None, False
    if _BENCH_SUFFIX.search(token):
        return True, (EntityType.BENCHMARK, 0.85, "suffix"), False
    if _model_stem(token, lexicon):
        return True, (EntityType.MODEL, 0.9, "family"), False
    if _SIZE_IN_NAME.search(token):
        return True, (EntityType.MODEL, 0.8, "size"), False
    plural = token.endswith("s") and token[:-1].isupper()
    if any(ch.islower() for ch in token):
        return False, (EntityType.METHOD, 0.6, "coined"), plural
    if sum(ch.isalpha() for ch in token) >= 3:
        return False, (EntityType.METHOD, 0.45, "acronym"), plural
    return False, None, plural


def _classify(
    text: str,
    start: int,
    end: int,
    lexicon: Lexicon,
    exact: dict[str, EntityType],
    named: frozenset[str] = frozenset(),
) -> tuple[EntityType, float, str] | None:
    token = text[start:end]
    classes: dict[str, tuple[bool, tuple[EntityType, float, str] | None, bool]]
    classes = lexicon.cached("token-classes", _new_cache)
    found = classes.get(token)
    if found is None:
        found = _bounded_put(classes, token, _token_class(token, lexicon, exact))
    decided, result, plural = found
    if decided:
        return result
    if plural and token not in named:
        return None  # a plural acronym names a class of things (CNNs, EBMs, TPPs models)
    after = _HEAD_AFTER.match(text, end)
    if after is not None:
        head = _HEAD_KINDS[(after.lastindex or 1) - 1]
        return head, 0.8, "head-noun"
    appos = _APPOSITION.match(text, end)
    if appos is not None:
        head = _HEAD_KINDS[(appos.lastindex or 1) - 1]
        return head, 0.8, "apposition"
    window = text[max(0, start - 140) : start]
    before = _head_before(window[-60:])
    if before is not None:
        head = _HEAD_KINDS[before - 1]
        return head, 0.75, "head-before"
    after_window = text[end : end + 80]
    if (_EVAL_WORD.search(window) is not None and _EVAL_BEFORE_REVERSED.match(window[::-1])) or (
        ("datasets" in after_window or "benchmarks" in after_window)
        and _EVAL_AFTER.match(after_window)
    ):
        return EntityType.BENCHMARK, 0.6, "eval-context"
    return result


def _type_of_introduced(
    text: str,
    start: int,
    end: int,
    lexicon: Lexicon,
    exact: dict[str, EntityType],
    title_rest: str | None,
) -> EntityType:
    """The kind of a name a paper introduces: what its string or context says, else what
    the rest of the title calls it ("X: A Benchmark for ...", "X: A Generalist Agent"),
    else a method. A name built on a model family's stem (Pangu-Agent) is typed by the
    title first: the paper says what it built from the family."""
    found = _classify(text, start, end, lexicon, exact)
    if (
        found is not None
        and found[2] == "family"
        and title_rest is not None
        and _TITLE_HEAD_METHOD.match(title_rest)
    ):
        return EntityType.METHOD
    if found is not None and found[2] not in ("coined", "acronym"):
        return found[0]
    if title_rest is not None:
        if _TITLE_HEAD_BENCH.match(title_rest):
            return EntityType.BENCHMARK
        if _TITLE_HEAD_MODEL.match(title_rest):
            return EntityType.MODEL
    return EntityType.METHOD


def _coined_shape(token: str) -> bool:
    """A digit, an all-caps part, or a capital inside a part: not just Title Case words."""
    if token.endswith("+") or any(c.isdigit() for c in token):
        return True
    for part in token.split("-"):
        if (len(part) >= 2 and part.isupper()) or any(c.isupper() for c in part[1:]):
            return True
    return False


def _generic_span(text: str, lexicon: Lexicon) -> bool:
    words = text.split()
    return lexicon.is_stop(text) or all(w.lower() == w for w in words)


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
    out: list[Candidate] = []
    introduced: dict[str, EntityType] = {}
    title = paper.title
    # The name before the colon of a title is what the paper introduces.
    colon = title.find(":")
    if 0 < colon <= 60:
        head = title[:colon].strip()
        words = head.split()
        hs = title.find(head)
        # "Hogwild! Inference" is a name; "Wow!", "Why?" and "90% Faster" are not.
        phrase = (len(words) > 1 and any(w[:1].islower() or "'" in w for w in words)) or any(
            ch in head for ch in "%,?"
        )
        phrase = phrase or head.endswith("!")
        if (
            len(words) > 1
            and not any(_coined_shape(w) for w in words)
            and (head.lower() not in paper.abstract.lower() or words[0] in _PHRASE_OPENERS)
        ):
            phrase = True  # a catchy phrase ("Beyond Memorization"), not a name
        if phrase and any(s == 0 and e == len(head) for s, e, _ in lexicon.find(head)):
            phrase = False  # a curated name: "Tree of Thoughts: ..." is the paper behind it
        if (
            not phrase
            and (
                (1 <= len(words) <= 4 and (head[:1].isupper() or head[:1].isdigit()))
                or (head[:1].isalpha() and any(c.isupper() for c in head))
            )
            and not _generic_span(head, lexicon)
            and len(words) <= 4
        ):
            kind = _type_of_introduced(
                title, hs, hs + len(head), lexicon, exact, title[colon + 1 :]
            )
            introduced[head] = kind
    for field in (Field.TITLE, Field.ABSTRACT):
        text = title if field is Field.TITLE else paper.abstract
        if not text:
            continue
        for cue_start, cue_end in _intro_cues(text):
            own = text[cue_start:cue_end].lower() in _NAMING or own_verb(text, cue_start)
            m = _INTRO_TAIL.match(text, cue_end)
            if m is None and own:
                m = _INTRO_FAR.match(text, cue_end)
                if m is None or not _coined_shape(m.group(1)) or _generic_acronym(text, m.group(1)):
                    continue
            if m is None:
                continue
            name_start, name_end = m.span(1)
            if not own:
                # "... and present LightWaveS: a framework for": a proposing verb right
                # before a coined name that an apposition describes.
                if m.start(1) - cue_end > 1 or not _APPOSITION.match(text, name_end):
                    continue
                if not _coined_shape(text[name_start:name_end]):
                    continue
            if _introduce_long_form(text, name_start, introduced, lexicon, exact):
                continue
            name_end = _trim(text, name_start, name_end)
            name = text[name_start:name_end].rstrip(".")
            if (
                " " not in name
                and not _coined_shape(name)
                and _LOWER_WORD_NEXT.match(text, name_start + len(name))
            ):
                continue  # an adjective: "we propose a novel Bayesian method"
            if len(name) < 2 or _generic_span(name, lexicon) or name in ("We", "This", "In"):
                continue
            if len(name.split()) > 1 and not all(w[:1].isupper() for w in name.split()):
                name = name.split()[0]
            if name not in introduced:
                introduced[name] = _type_of_introduced(
                    text, name_start, name_start + len(name), lexicon, exact, None
                )
    for field_text in (title, paper.abstract):
        if "our " in field_text or "Our " in field_text:
            for m in _our_names(field_text):
                start = m.start(1) if m.group(1) is not None else m.start(2)
                end = m.end(1) if m.group(1) is not None else m.end(2)
                if _introduce_long_form(field_text, start, introduced, lexicon, exact):
                    continue
                name = field_text[start:end]
                if name in introduced or lexicon.is_stop(name) or not _coined_shape(name):
                    continue
                if exact.get(name) is not None:
                    continue  # a curated name the paper builds on ("our LoRA model")
                introduced[name] = _type_of_introduced(field_text, start, end, lexicon, exact, None)
    words = title.split()
    if (
        colon < 0
        and 2 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and (_METHOD_TITLE.search(title))
    ):
        introduced.setdefault(title.strip(), EntityType.METHOD)
    elif colon < 0:
        lead = _TITLE_LEAD_METHOD.match(title)
        if lead is not None:
            name = lead.group(1)
            if exact.get(name) is None and not lexicon.is_stop(name):
                introduced.setdefault(name, EntityType.METHOD)
    abstract = paper.abstract
    if abstract and "(" in abstract:
        for abbr in find_abbreviations(abstract):
            for name, kind in list(introduced.items()):
                if abbr.long.endswith(name):
                    introduced.setdefault(abbr.short, kind)
                    break
    for field_text in (title, abstract):
        if " new" in field_text or " novel" in field_text:
            for m in _NOVEL.finditer(field_text):
                before = field_text[max(0, m.start() - 80) : m.start()]
                last_name = _LAST_NAME.search(before)
                if last_name is not None:
                    name = last_name.group(1) or last_name.group(2)
                    if not lexicon.is_stop(name) and _coined_shape(name):
                        introduced.setdefault(name, EntityType.METHOD)
                        if last_name.group(2) and last_name.group(1) is None:
                            long = before[: last_name.start()].rstrip()
                            for a in find_abbreviations(field_text):
                                if a.short == name and long.endswith(a.long):
                                    introduced.setdefault(a.long, EntityType.METHOD)
            for m in _NEW_NAMED.finditer(field_text):  # "a new algorithm (GLOW)"
                name = m.group(2)
                if not lexicon.is_stop(name) and _coined_shape(name) and name not in exact:
                    introduced.setdefault(name, _HEAD_KIND.get(m.group(1), EntityType.METHOD))
        if "(" in field_text:
            _introduce_parenthesised(field_text, introduced, lexicon)
    if not introduced and abstract:
        _introduce_main_name(abstract, introduced, lexicon, exact)
    elif abstract and (", which" in abstract or "mode" in abstract or "odule" in abstract):
        _introduce_components(abstract, introduced, lexicon, exact)
    if abstract:
        for name, kind in list(introduced.items()):
            if kind is EntityType.METHOD:
                introduced[name] = _kind_said(abstract, name) or kind
    for field in (Field.TITLE, Field.ABSTRACT):
        text = title if field is Field.TITLE else paper.abstract
        if not text:
            continue
        for start, end, kind in lexicon.find(text):
            touches = (start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_")) or (
                end < len(text) and (text[end].isalnum() or text[end] in "_")
            )
            # A model family may run on into its version (Qwen2.5), nothing else may touch.
            glued_version = kind is EntityType.MODEL and end < len(text) and not text[end].isalpha()
            if touches and not glued_version:
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
                m = _NAME.match(text, start)
                if m is not None and m.end() > end:
                    # Llama-2/Llama-3 names two models: the second is found on its own.
                    slash = text.find("/", end, m.end())
                    end = _trim(text, start, m.end() if slash < 0 else slash)
                elif end < len(text) and text[end] == "-":
                    m2 = re.match(r"(?:-[\w.+]+)+", text[end : end + 60])
                    if m2:
                        end = _trim(text, start, end + m2.end())
                if end < len(text) and text[end] == " ":
                    spaced = _SPACED_MODEL_TAIL.match(text, end)
                    if spaced is not None:  # Llama 3.1 8B, Mistral 7B, Llama 2
                        end = spaced.end()
            out.append(Candidate(field, start, end, kind, 0.95, "lexicon"))
        abbreviations = find_abbreviations(text) if "(" in text else ()
        generic = {
            a.short
            for a in abbreviations
            if (_common_phrase(a.long) and a.short[:1].isupper())
            or lexicon.is_stop(a.long)
            or _NOT_ENTITY_HEAD.search(a.long)
        }
        named = frozenset(a.short for a in abbreviations if a.long.istitle())
        generic |= {a.short + "s" for a in abbreviations if a.short in generic}
        generic |= {
            a.short[:-1] for a in abbreviations if a.short in generic and a.short[-1] == "s"
        }
        ends = lexicon.cached("name-ends", _new_cache)
        decisions = lexicon.cached("name-decisions", _new_cache)
        for m in _NAME.finditer(text):
            start = m_start = m.start()
            if start and (text[start - 1].isalnum() or text[start - 1] in _NOT_BEFORE):
                # A name that starts in lower case (vLLM, o1, pPE): take the letters before.
                s0 = start
                while s0 and "a" <= text[s0 - 1] <= "z":
                    s0 -= 1
                if s0 == start or (s0 and (text[s0 - 1].isalnum() or text[s0 - 1] in _NOT_BEFORE)):
                    continue
                start = s0
            raw = m.group()
            rel_end = ends.get(raw)
            if rel_end is None:
                rel_end = _bounded_put(ends, raw, _name_end(raw))
            end = m_start + rel_end
            token = text[start:end]
            decision = decisions.get(token)
            if decision is None:
                decision = _bounded_put(decisions, token, _decide(token, lexicon, exact))
            code = decision[0]
            if code is _SKIP:
                continue
            if code is _FIXED:
                out.append(Candidate(field, start, end, *decision[1]))
            elif code is _PARTS_FOUND:
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
                found = _classify(text, start, end, lexicon, exact, named)
                if (
                    found is not None
                    and token in generic
                    and (found[0] is not EntityType.MODEL or found[2] not in ("family", "size"))
                ):
                    continue
                if found is not None:
                    out.append(Candidate(field, start, end, found[0], found[1], found[2]))
        if _may_name_multi(text):
            for m in _MULTI.finditer(text):
                start, end = m.span()
                words = m.group().split(" ")
                while len(words) > 2 and words[0] in _LEADING_WORDS:
                    start += len(words[0]) + 1
                    words = words[1:]
                if len(words) >= 2:
                    out.append(Candidate(field, start, end, EntityType.BENCHMARK, 0.8, "multi"))
        if "(" in text:
            out.extend(_listed_datasets(text, field, lexicon))
        if field is Field.ABSTRACT and _TECHNIQUE_HEAD_WORD.search(text) is not None:
            out.extend(_title_case_names(text, lexicon))
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
    if "(" in title or "(" in paper.abstract:
        out = _acronyms_follow_long_forms(out, title, paper.abstract)
    return _consolidate(out, title, paper.abstract)


#: A parenthesised list right after a plural dataset head: "three datasets (Hamlyn,
#: EndoSLAM, and SCARED)", "report generation tasks (Glaive)".
_DATASET_LIST = re.compile(
    r"\b(?:datasets?|benchmarks?|tasks|environments|suites?|corpora)\s*\(([^()]{2,200})\)"
)
_LIST_ITEM = re.compile(r"(?:the\s+)?([A-Z][^,()]*?)\s*(?:,|$|\s+(?:and|or)\s+)")


def _listed_datasets(text: str, field: Field, lexicon: Lexicon) -> Iterator[Candidate]:
    """The items of a parenthesised list that a dataset head introduces: benchmarks, plain
    words included (Hamlyn), which no name shape would find."""
    for m in _DATASET_LIST.finditer(text):
        for item in _LIST_ITEM.finditer(m.group(1)):
            name = item.group(1)
            if len(name.split()) <= 4 and not lexicon.is_stop(name):
                start = m.start(1) + item.start(1)
                yield Candidate(field, start, start + len(name), EntityType.BENCHMARK, 0.7, "list")


def _common_phrase(long: str) -> bool:
    """Whether an acronym's long form is a common noun phrase, written in lower case at both
    ends ("temporal point processes", "generalized Gaussian distribution"), not a name."""
    words = long.split()
    return bool(words) and words[0][:1].islower() and words[-1][:1].islower()


def _generic_acronym(text: str, name: str) -> bool:
    """Whether name is a two-letter acronym or stands for a common noun phrase in text
    ("private inference (PI)", "temporal point processes (TPPs)"), not a coined name."""
    if len(name) <= 2:
        return True
    return "(" in text and any(
        a.short in (name, name + "s") and _common_phrase(a.long) for a in find_abbreviations(text)
    )


def _kind_said(text: str, name: str) -> EntityType | None:
    """What the paper calls a name it introduces, over all its whole-word occurrences: an
    apposition ("X, a benchmark for") or a singular head noun after it ("the Hiformer model"), and
    at the first occurrence also a head noun before it ("a new dataset, X"; later, "Using a
    Gemma 3 12B model, TTI ..." would say nothing of TTI). The most frequent kind wins, the
    first on a tie; None when no occurrence says."""
    votes: dict[EntityType, int] = {}
    pos = text.find(name)
    first = True
    while pos >= 0:
        end = pos + len(name)
        if (pos == 0 or not text[pos - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
        ):
            group = None
            found = _APPOSITION.match(text, end) or _HEAD_AFTER.match(text, end)
            # A plural head may be a verb or a class ("DRM models the ...", "TPP models").
            if found is not None and not found.group(found.lastindex or 0).endswith("s"):
                group = found.lastindex
            if group is None and first:
                group = _head_before(text[max(0, pos - 60) : pos])
            first = False
            if group is not None:
                kind = _HEAD_KINDS[group - 1]
                votes[kind] = votes.get(kind, 0) + 1
        pos = text.find(name, end)
    return max(votes, key=votes.__getitem__) if votes else None


def _acronyms_follow_long_forms(
    found: list[Candidate], title: str, abstract: str
) -> list[Candidate]:
    """An acronym is the same kind of thing as its long form when the long form's kind
    rests on evidence ("AI Mathematical Olympiad (AIMO)": a benchmark, so AIMO is one)."""
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
        if kind is not None and abbr.short not in kinds:
            retype[abbr.short] = kind
    if not retype:
        return found
    return [
        c._replace(type=retype[name])
        if (name := texts[c.field is Field.ABSTRACT][c.start : c.end]) in retype
        and not c.introduced
        else c
        for c in found
    ]


#: The paper's own thing named: "Our approach, Warm-start RL (WSRL), ...", "our LAE framework",
#: "Our second approach is Reference-Answer-based Correction".
_OUR_NAME = re.compile(
    r"(?:(?:proposed|new|novel|final|first|second|third)\s+)?(?:approach|method|framework|model|"
    r"system|algorithm|technique|solution|pipeline|architecture|benchmark|dataset|agent)"
    r"(?:,|\s+is)?\s+"
    r"(?:called\s+|named\s+|dubbed\s+|termed\s+)?([A-Z][\w+*.-]*[\w+*](?:\s[A-Z0-9][\w+*.-]*)?)"
    r"|(?:proposed\s+)?([A-Z][\w+*.-]*[\w+*])\s+(?:framework|method|approach|model|"
    r"system|algorithm|architecture|benchmark|dataset|pipeline|agent)\b"
)


def _our_names(text: str) -> Iterator[re.Match[str]]:
    """:data:`_OUR_NAME` matched after each whole word "our"/"Our" (found with str.find),
    in text order."""
    found = []
    for word in ("our", "Our"):
        i = text.find(word)
        while i >= 0:
            j = i + 3
            before = text[i - 1] if i else " "
            if not (before.isalnum() or before == "_") and j < len(text) and text[j].isspace():
                k = j
                while k < len(text) and text[k].isspace():
                    k += 1
                m = _OUR_NAME.match(text, k)
                if m is not None:
                    found.append(m)
            i = text.find(word, j)
    found.sort(key=lambda m: m.start())
    yield from found


def _introduce_long_form(
    text: str,
    start: int,
    introduced: dict[str, EntityType],
    lexicon: Lexicon,
    exact: dict[str, EntityType],
) -> bool:
    """An acronym definition whose long form starts at ``start`` ("we propose a Normalized
    Policy Gradient method with Implicit Gradient Transport (N-PG-IGT)"): introduce both
    forms, typed by the long form, and say so."""
    if "(" not in text:
        return False
    for abbr in find_abbreviations(text):
        if abbr.long_start != start:
            continue
        if lexicon.is_stop(abbr.short) or lexicon.is_stop(abbr.long) or abbr.long.islower():
            return False
        if abbr.short in introduced or abbr.long in introduced:
            return True
        kind = _type_of_introduced(text, abbr.long_start, abbr.long_end, lexicon, exact, None)
        if kind is EntityType.METHOD and abbr.short not in exact:
            # The acronym's own context may say more ("(ACR) benchmark"); a curated acronym
            # does not: the paper proposes a new thing that shares its letters (AIME).
            kind = _type_of_introduced(text, abbr.short_start, abbr.short_end, lexicon, exact, None)
        introduced[abbr.long] = introduced[abbr.short] = kind
        return True
    return False


def _plausible_main_name(token: str, lexicon: Lexicon, exact: dict[str, EntityType]) -> bool:
    """Whether a coined-name match could be a paper's own unknown name (memoised per string)."""
    if " " in token or "/" in token or len(token) < 3 or token in exact:
        return False
    return (
        _coined_shape(token) and not lexicon.is_stop(token) and _NOT_A_NAME.fullmatch(token) is None
    )


@functools.lru_cache(maxsize=16)
def _intro_cues(text: str) -> tuple[tuple[int, int], ...]:
    """The proposing-verb cues of text as ``(start, end)``."""
    return tuple((s0, e0) for s0, e0, cue in find_cues(text) if cue == "intro")


def _introduce_main_name(
    text: str, introduced: dict[str, EntityType], lexicon: Lexicon, exact: dict[str, EntityType]
) -> None:
    """A paper that says it presents something but names nothing after the verb ("we
    present a solution ... PSI-KT is a hierarchical approach"): its most repeated coined
    name that no lexicon knows is what it introduces (at least twice; an all-capital
    acronym three times)."""
    if not any(cue == "intro" and own_verb(text, s0) for s0, _, cue in find_cues(text)):
        return
    generic = {a.short for a in find_abbreviations(text) if _common_phrase(a.long)}
    generic |= {short[:-1] for short in generic if short.endswith("s")}  # TPPs -> TPP
    plausible = lexicon.cached("main-name", _new_cache)
    counts: dict[str, int] = {}
    for m in _NAME.finditer(text):
        start, end = m.start(), _trim(text, m.start(), m.end())
        if start and (text[start - 1].isalnum() or text[start - 1] in _NOT_BEFORE):
            continue
        token = text[start:end]
        if token in generic:
            continue
        ok = plausible.get(token)
        if ok is None:
            ok = _bounded_put(plausible, token, _plausible_main_name(token, lexicon, exact))
        if ok:
            counts[token] = counts.get(token, 0) + 1
    best = max(counts.items(), key=lambda kv: kv[1], default=None)
    if best is None:
        return
    name, count = best
    start = text.find(name)
    end = start + len(name)
    if count >= (3 if name.isupper() else 2) and _classify(text, start, end, lexicon, exact):
        introduced[name] = _type_of_introduced(text, start, end, lexicon, exact, None)


#: After a Title Case phrase: it is described as a part of the paper's own design.
_COMPONENT_AFTER = re.compile(
    r"(?:\s*\(([^()]{1,15})\))?(?:,\s+which\b|\s+(?:module|component|strategy|mechanism|"
    r"process|stage|mode|layer|block)\b)"
)


def _mid_sentence_title_phrases(text: str) -> Iterator[re.Match[str]]:
    """Title Case phrases that stand inside a sentence, as whole words.

    A sentence start capitalises any phrase, so only a capitalised phrase after other words
    says the writer treats it as a name.
    """
    for m in _TITLE_PHRASE.finditer(text):
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "-_/"):
            continue
        i = start - 1
        while i >= 0 and text[i] == " ":
            i -= 1
        if i >= 0 and text[i] not in ".!?:":
            yield m


def _introduce_components(
    text: str, introduced: dict[str, EntityType], lexicon: Lexicon, exact: dict[str, EntityType]
) -> None:
    """In a paper that introduces something, a Title Case name inside a sentence that is
    then described (", which ...", "... module", "... strategy") names one of its parts:
    "Perplexity Consistency, which integrates ...", "a Deep Web Explorer module"."""
    for m in _mid_sentence_title_phrases(text):
        start, phrase = m.start(), m.group()
        if phrase in introduced or phrase in exact or lexicon.is_stop(phrase):
            continue
        after = _COMPONENT_AFTER.match(text, m.end())
        if after is None:
            continue
        short = after.group(1)
        if (short is not None and short in exact) or text[max(0, start - 3) : start] == "of ":
            continue  # a known method spelled out, or what the new one is built from
        introduced[phrase] = EntityType.METHOD


def _introduce_parenthesised(
    text: str, introduced: dict[str, EntityType], lexicon: Lexicon
) -> None:
    """ "We present a ... dataset of ... (ExpTime)": the parenthesised name is introduced.

    The parenthesis must follow a proposing verb of the paper's own ("we propose") within
    the same clause, with no other cue (using, compared to) in between; the kind comes from
    the first head noun in between (dataset -> benchmark), and the long form of an acronym
    is introduced with it.
    """
    cues = find_cues(text)
    longs = {a.short: a.long for a in find_abbreviations(text)}
    for index, (cue_start, cue_end, cue) in enumerate(cues):
        if cue != "intro" or not own_verb(text, cue_start):
            continue
        window = text[cue_end : cue_end + 140]
        stop = window.find(". ")
        window = window if stop < 0 else window[:stop]
        m = _PARENTHESISED.search(window)
        if m is None:
            continue
        short = m.group(1)
        limit = cue_end + m.start()
        tail = _INTRO_TAIL.match(text, cue_end)
        if (
            tail is not None
            and tail.end(1) < limit
            and text[tail.end(1) : limit].strip()
            and _coined_shape(tail.group(1))
        ):
            continue  # "we introduce Ada-GRPO, an adaptation of ... (GRPO)": Ada-GRPO is new
        later = cues[index + 1 :]
        if any(s0 < limit and k not in ("intro", "avail") for s0, _, k in later):
            continue
        if short in introduced or lexicon.is_stop(short) or not _coined_shape(short):
            continue
        heads = _HEAD_WORD.findall(window[: m.end() + 40])
        kind = _HEAD_KIND.get(heads[0].lower(), EntityType.METHOD) if heads else EntityType.METHOD
        introduced[short] = kind
        long = longs.get(short)
        if long and not long.islower():
            introduced.setdefault(long, kind)


def _title_case_names(text: str, lexicon: Lexicon) -> Iterator[Candidate]:
    """Title Case phrases inside a sentence that end like a technique: methods.

    In running text a capitalised multi-word phrase away from a sentence start is a name;
    it is taken as a method only when its last word is a technique head (Optimization,
    Transformer, Filter, Decoding, ...), which leaves out generic classes written in Title
    Case ("Large Language Models", "Convolutional Neural Networks").
    """
    for m in _mid_sentence_title_phrases(text):
        start, phrase = m.start(), m.group()
        first, _, rest = phrase.partition(" ")
        if first.endswith("ing") and " " in rest:  # "Initializing Decision Transformers"
            start, phrase = start + len(first) + 1, rest
        last = phrase.rsplit(" ", 1)[-1].rsplit("-", 1)[-1]
        if last in _TECHNIQUE_HEADS and not lexicon.is_stop(phrase):
            yield Candidate(Field.ABSTRACT, start, m.end(), EntityType.METHOD, 0.55, "title-case")


#: Rules that type a name by its shape alone, for want of evidence.
_SHAPE_RULES = frozenset({"coined", "acronym", "title-case"})


def _consolidate(found: list[Candidate], title: str, abstract: str) -> tuple[Candidate, ...]:
    """One type per name per paper: the type with the most evidence (introductions count
    double) wins, so "3DMOTFormer ... framework" and "3DMOTFormer model" agree. A type read
    from a name's shape only counts a tenth: one "model Lite-LLM4Rec" outweighs four bare
    occurrences that merely look like a method's name."""
    names = [
        (title if c.field is Field.TITLE else abstract)[c.start : c.end].lower() for c in found
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

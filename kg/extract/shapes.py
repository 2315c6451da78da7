"""What a name's string alone says: whether a span is a name at all, where it ends, and
the kind its shape suggests.

A coined name has a capital or digit after its first letter (vLLM, FlexGen, GPT-4o, o1,
Qwen2.5-Math-7B, DFloat11, StarCoder+) or is a Title Case hyphen compound (Flash-VStream).
Its string is checked, strongest evidence first, against the curated lexicons, the
stop-list, model family stems and parameter counts (``-7B``), and benchmark-like suffixes
(``-Bench``, ``Eval``, ``QA``); what the string leaves open is settled by the words around
it (:mod:`kg.extract.context`).

Speed: the same name strings recur across papers, so every decision that depends on the
string alone (trimming, curated/version/slash checks, stop-list, family stems, suffixes) is
memoised per lexicon in bounded tables (:func:`bounded_put`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, TypeVar

from kg.extract.lexicon import Lexicon
from kg.model import EntityType

__all__ = [
    "FIXED",
    "NAME",
    "NOT_A_NAME",
    "NOT_BEFORE",
    "NOT_ENTITY_HEAD",
    "PARTS_FOUND",
    "SKIP",
    "SPLIT",
    "TASK_NOUNS",
    "bounded_put",
    "coined_shape",
    "common_phrase",
    "decide",
    "generic_span",
    "is_size",
    "name_end",
    "new_cache",
    "token_class",
    "trim",
]

T = TypeVar("T")


#: Coined names: a capital or digit after the first letter (vLLM, FlexGen, GPT-4o, o1,
#: Qwen2.5-Math-7B, DFloat11, StarCoder+) or a Title-case hyphen compound (Flash-VStream),
#: with a spaced version or year (NYU Depth v2, LCQuAD 1.0, TREC 2022); a spaced number
#: such as 93.9 is a score ("HumanEval 93.9"), not a version.
NAME = re.compile(
    r"[A-Z0-9][a-z]*(?:[A-Z0-9+][\w+]*|[.\-/][\w+]+)(?:[.\-/][\w+]+)*\+*(?:'\d\d\b)?"
    r"(?:-[\u03b1-\u03c9](?!\w))?"  # a Greek variant letter: Mistral-ORPO-\u03b2
    r"(?:\s(?:v?\d\.\d+|v\d+(?:\.\d+)?|\d{4})\b)?",
    re.ASCII,
)


_PARTS = re.compile(r"[-/]")


#: Never names: quantities with units (82Hz, 16GB, 4K), citation keys (fu2020d4rl).
_MODALITY = (
    r"(?:Text|Image|Video|Speech|Audio|Code|SQL|Point|Scene|Shape|Motion|Music|Sketch|[1-4]D)"
)
NOT_A_NAME = re.compile(
    r"(?:\d+x)?\d+(?:\.\d+)?(?:Hz|kHz|MHz|GHz|ms|GB|MB|KB|TB|PB|fps|FPS|K|k|x|X|px|mm|cm|km|kW|mAh|dB)"
    r"|[a-z]+\d{4}[a-z0-9]*"
    r"|\d+(?:\.\d+)?[BMKT]?-\d+(?:\.\d+)?[BMKT]"  # a size range: 7B-13B
    # a compound adjective in a title: LLM-Based, CLIP-Guided, Tuning-Free
    r"|[\w.+]+-(?:Based|Driven|Guided|Aware|Powered|Enhanced|Oriented|Centric|Free|Specific|"
    r"Designed|Generated|Assisted|Inspired|Informed|Conditioned|Agnostic|Focused|Efficient|"
    r"Friendly|Intensive|Sensitive|Dependent|Invariant|Preserving|Supervised|Augmented|"
    r"Adaptive|Constrained|Controlled|Grounded)"
    # a task between modalities: Text-to-3D, Image-to-Video, Text-to-SQL
    rf"|{_MODALITY}-to-{_MODALITY}s?"
    r"|\d+(?:\.\d+)?-?[Bb]its?"  # a precision: 2-Bit, 4bit
    r"|CC-?BY(?:-[A-Z]{2})*(?:-\d\.\d)?",  # a licence: CC-BY-4.0, CC-BY-NC-SA
    re.ASCII,
)


#: A bare version after a slash: "MOT16/17/20", "GPT-3.5/4".
_BARE_VERSION = re.compile(r"\d+(?:\.\d+)?[a-z]?", re.ASCII)


#: A name followed by a year.
_DATED = re.compile(r"(.+?)(?:[-\s]?(?:19|20)\d\d|'\d\d)", re.ASCII)


#: A name followed by a year or version: the name is looked up alone.
_VERSIONED = re.compile(r"(.+?)(?:[-\s]?v?\d+(?:\.\d+)*|'\d\d)", re.ASCII)


#: A name followed by a variant word or split: MBPP-plus, MMLU-Pro, GPQA-Diamond, miniF2F-test.
_VARIANT = re.compile(
    r"(.+?)[-\s](?:plus|Plus|Pro|Hard|Lite|Verified|Live|Mini|Full|Extended|Diamond|Redux|"
    r"Easy|Long|Multi|Hindi|Chinese|CN|ZH|EN|test|valid|validation|dev)",
    re.ASCII,
)


NOT_BEFORE = frozenset("._+-/@\\")


#: The nouns that end a task's name ("... Instance Segmentation", "Question Answering").
TASK_NOUNS = (
    r"(?:Answering|Recognition|Detection|Classification|Segmentation|Captioning|"
    r"Summarization|Forecasting|Recommendation)"
)


#: Long forms that name no method, model or dataset (theories, problems, conditions,
#: tasks): their acronyms are not entities ("Information Foraging Theory (IFT)", "Time
#: Series Anomaly Detection (TSAD)").
NOT_ENTITY_HEAD = re.compile(
    r"\b(?:Theory|Theorem|Problem|Problems|Task|Tasks|Condition|Hypothesis|Law|Principle|"
    r"Phenomenon|Effect|Setting|Game|Score|Metric|Loss|Error|Rate|Ratio|"
    rf"{TASK_NOUNS}|Repair|Editing|Synthesis|Testing)$",
    re.IGNORECASE,
)


#: Lower-case trailing parts that are words, not part of a name (LoRA-based, KV-cache).
_LOWER_TAIL = re.compile(r"(?:-[a-z][a-z]+)+$", re.ASCII)


#: A lower-case tail after a connector is part of a hyphenated name (LLM-as-a-judge,
#: Chain-of-thought), not a word glued on.
_CONNECTED_TAIL = re.compile(r"-(?:as|of|to|for|over|vs)(?:-an?|-the)?-[a-z][a-z]+$", re.ASCII)


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
        # a benchmark's split: miniF2F-test, MMLU-dev
        "test",
        "valid",
        "val",
        "dev",
    ]
)


_SIZE_ONLY = re.compile(
    r"(?:\d+x)?\d+(?:\.\d+)?[BbMmKkTtx\u00d7]?|\d+[Dd]|\d+(?:st|nd|rd|th)|[a-z]+\d+", re.ASCII
)


_HARDWARE = re.compile(r"(?:[AHVLTBP]\d{2,4}|RTX.*|GTX.*|TX\d|Jetson.*|M\d|MI\d{3}X?)s?$", re.ASCII)


_BENCH_SUFFIX = re.compile(
    r"(?:Bench|bench|BENCH|Eval|EVAL|QA|Arena|Leaderboard)(?:[-\s]?(?:v?\d+(?:\.\d+)*|Live|Hard|Lite|Pro|Verified))?$"
)


#: A segment that says the name is data or a benchmark, whatever model stem, size or suffix
#: it has: RedPajama-Data-1T, StarCoder-Data, Zorb-Corpus, NAS-Bench-Suite-Zero.
_DATA_SEGMENT = re.compile(r"-(?:Data|Dataset|Corpus|Bench|Benchmark)(?![\w])")


#: Makers whose name is written before their models' names (OpenAI-o1, Meta-Llama).
ORG_NAMES = r"(?:OpenAI|Meta|Google|Microsoft|Anthropic|Alibaba|Mistral|DeepMind)"
_ORG_PREFIX = re.compile(ORG_NAMES + r"[-\s]")


_SIZE_IN_NAME = re.compile(r"[-_](?:\d+x)?\d+(?:\.\d+)?[BM]\b", re.ASCII)


def _benchmark_tail(token: str, exact: dict[str, EntityType]) -> bool:
    """Whether a short prefix and a curated benchmark of three or more capitals and digits
    make the name: a variant of that benchmark (EsBBQ, KorMMLU, ArabicMMLU)."""
    for i in range(1, min(7, len(token) - 2)):
        tail = token[i:]
        if tail[0].isupper() and token[i - 1].isalpha() and exact.get(tail) is EntityType.BENCHMARK:
            return sum(ch.isupper() or ch.isdigit() for ch in tail) >= 3
    return False


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


def trim(text: str, start: int, end: int) -> int:
    """New end after dropping lower-case word tails (LoRA-based -> LoRA)."""
    token = text[start:end]
    m = _LOWER_TAIL.search(token)
    if m is None or _CONNECTED_TAIL.search(token):
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


#: Decisions about one name string, memoised per lexicon (see :func:`decide`).
SKIP, FIXED, PARTS_FOUND, SPLIT, _CLASSIFY = "skip", "fixed", "parts", "split", "classify"


#: Memo tables are cleared when they reach this size (bounded memory on huge corpora).
_MEMO_LIMIT = 200_000


def new_cache(_: Lexicon) -> dict[str, Any]:
    return {}


def bounded_put(table: dict[str, T], key: str, value: T) -> T:
    if len(table) >= _MEMO_LIMIT:
        table.clear()
    table[key] = value
    return value


def name_end(raw: str) -> int:
    """End of a coined-name match relative to its start: a spaced year or version is kept
    only after a coined name, and lower-case word tails are dropped."""
    end = len(raw)
    if " " in raw:
        head = raw.split(" ", 1)[0]
        if not coined_shape(head):
            end = len(head)
    return trim(raw, 0, end)


def decide(token: str, lexicon: Lexicon, exact: dict[str, EntityType]) -> tuple[Any, ...]:
    """What the text of a coined-name match is, as far as the string alone tells.

    ``(SKIP,)`` not a name; ``(FIXED, (type, confidence, rule))`` a curated name (or one
    with a version); ``(PARTS_FOUND, ((offset, length, type), ...))`` a slash pair of
    curated names (DPO/SimPO); ``(SPLIT, ((offset, length), ...))`` other names joined by
    slashes, each to be judged alone (M3DocVQA/MP-DocVQA; GPT-3.5/4 keeps GPT-3.5);
    ``(_CLASSIFY,)`` a name whose type depends on its context.
    """
    if len(token) < 2 or (token[0].isdigit() and token.lower() == token):
        return (SKIP,)
    known = exact.get(token)
    if known is not None:  # curated names, also plain words (Llama) and Self-Refine
        return (FIXED, (known, 0.95, "lexicon"))
    if token.isalpha() and token[1:].islower():
        return (SKIP,)  # an ordinary capitalised word
    if NOT_A_NAME.fullmatch(token) or (token[0].islower() and len(token) < 3):
        return (SKIP,)
    versioned = _VERSIONED.fullmatch(token)
    if versioned is not None and versioned.group(1) in exact:
        # A curated name with a year or version: SATCOMP-2022, TREC 2022, MOT20.
        return (FIXED, (exact[versioned.group(1)], 0.9, "lexicon-version"))
    variant = _VARIANT.fullmatch(token)
    if variant is not None and variant.group(1) in exact:
        return (FIXED, (exact[variant.group(1)], 0.9, "lexicon-version"))
    dated = _DATED.fullmatch(token)
    if dated is not None and lexicon.is_stop(dated.group(1)):
        return (SKIP,)  # a venue or organisation with a year: WWW 2025, NeurIPS 2024
    if "/" in token and not token[0].isdigit():  # 1/N, 3/4 are fractions
        parts = token.split("/")
        kinds = [
            exact.get(p) or (EntityType.MODEL if _model_stem(p, lexicon) else None) for p in parts
        ]
        if all(_BARE_VERSION.fullmatch(p) for p in parts[1:]):  # versions: MOT16/17/20
            if kinds[0] is EntityType.MODEL:  # GPT-3.5/4: two models, the first named whole
                return (PARTS_FOUND, ((0, len(parts[0]), kinds[0]),))
            if kinds[0] is not None:
                return (FIXED, (kinds[0], 0.9, "lexicon-version"))
        elif all(kinds) and all(len(p) > 1 for p in parts):
            found = []
            pos = 0
            for part, part_kind in zip(parts, kinds, strict=True):  # DPO/SimPO
                if part_kind is not None:
                    found.append((pos, len(part), part_kind))
                pos += len(part) + 1
            return (PARTS_FOUND, tuple(found))
        else:  # other names joined by slashes: each is judged alone
            spans, pos = [], 0
            for part in parts:
                if len(part) > 1 and not part.isdigit():
                    spans.append((pos, len(part)))
                pos += len(part) + 1
            return (SPLIT, tuple(spans))
    elif "/" in token:
        return (SKIP,)
    if (not coined_shape(token) and not _model_stem(token, lexicon)) or all(
        lexicon.is_stop(part) for part in _PARTS.split(token) if part
    ):
        return (SKIP,)  # Title Case words, unless built on a model family (Zorb-Llama)
    return (_CLASSIFY,)


#: A plural of an acronym-like word, alone or ending a compound: CNNs, ViTs, Video-LLMs.
_PLURAL_CLASS = re.compile(r"(?:[\w]+-)*(?:[A-Z]+|[A-Z][A-Za-z]*[A-Z])s")


def token_class(
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
    if _BENCH_SUFFIX.search(token) or _DATA_SEGMENT.search(token) or _benchmark_tail(token, exact):
        return True, (EntityType.BENCHMARK, 0.85, "suffix"), False
    if _model_stem(token, lexicon):
        return True, (EntityType.MODEL, 0.9, "family"), False
    if _SIZE_IN_NAME.search(token):
        return True, (EntityType.MODEL, 0.8, "size"), False
    plural = _PLURAL_CLASS.fullmatch(token) is not None
    if plural and exact.get(token[:-1]) is not None:  # CoTs: more of a curated name
        return True, (exact[token[:-1]], 0.9, "lexicon-plural"), False
    if any(ch.islower() for ch in token):
        return False, (EntityType.METHOD, 0.6, "coined"), plural
    if sum(ch.isalpha() for ch in token) >= 3:
        return False, (EntityType.METHOD, 0.45, "acronym"), plural
    return False, None, plural


def coined_shape(token: str) -> bool:
    """A digit, an all-caps part, or a capital inside a part: not just Title Case words."""
    if token.endswith("+") or any(c.isdigit() for c in token):
        return True
    for part in token.split("-"):
        if (len(part) >= 2 and part.isupper()) or any(c.isupper() for c in part[1:]):
            return True
    return False


def generic_span(text: str, lexicon: Lexicon) -> bool:
    words = text.split()
    return lexicon.is_stop(text) or all(w.lower() == w for w in words)


def common_phrase(long: str) -> bool:
    """Whether an acronym's long form is a common noun phrase, written in lower case at both
    ends ("temporal point processes", "generalized Gaussian distribution"), not a name."""
    words = long.split()
    return bool(words) and words[0][:1].islower() and words[-1][:1].islower()


#: A parameter count: 7B, 1.5B, 70b, 350M, 8x7B, 1T (units upper-cased when parsed).
_SIZE = re.compile(r"(?:\d+x)?\d+(?:\.\d+)?[BMKT]", re.IGNORECASE | re.ASCII)


def is_size(token: str) -> bool:
    """Whether a token is a parameter count such as ``7B``, ``1.5b``, ``8x7B`` or ``350M``.

    Examples
    --------
    >>> [is_size(t) for t in ("7B", "1.5b", "8x7B", "350M", "B7", "7")]
    [True, True, True, True, False, False]
    """
    return _SIZE.fullmatch(token) is not None


#: An item of a list's inside: "(the) Name" up to a comma, "and"/"or" or the end.
_LIST_ITEM = re.compile(r"(?:the\s+)?([A-Z][^,()/]*?)\s*(?:,|/(?=[A-Z0-9])|$|\s+(?:and|or)\s+)")


def list_items(inside: str) -> Iterator[tuple[int, str]]:
    """The capitalised items of a list, each with its offset in ``inside``: "Hamlyn,
    EndoSLAM, and the SCARED set" -> Hamlyn, EndoSLAM, SCARED set; "A/B" -> A, B."""
    for m in _LIST_ITEM.finditer(inside):
        yield m.start(1), m.group(1)

"""What the words around a name say of its kind.

Evidence, strongest first: the head noun right after the name ("the FLAME dataset", "the
RAVE model"), an apposition ("ProcBench, a benchmark for ..."), a head noun right before it
("a new dataset, ExpTime"), and an evaluation clause whose list the name is in ("results on
A, B and C"). Names a paper introduces are typed by what every occurrence calls them
(:func:`kind_said`) and, failing that, by what the title calls its subject ("X: A Benchmark
for ...").

The end-anchored patterns are matched backwards on the reversed window (one anchored
attempt instead of a search from every position); their readable forward forms are kept
beside them, and a property test pins that both agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.lexicon import Lexicon
from kg.extract.shapes import bounded_put, new_cache, token_class
from kg.model import EntityType

__all__ = [
    "APPOSITION",
    "DONE_TO_IT",
    "HEAD_KIND",
    "apposition_kind",
    "classify",
    "kind_said",
    "mid_sentence_title_phrases",
    "naming_clause_kind",
    "title_rest_names_a_thing",
    "type_of_introduced",
]

#: A head noun's kind, by the noun in lower case (other head nouns name methods).
HEAD_KIND = {
    **dict.fromkeys(("dataset", "benchmark", "corpus", "suite", "testbed"), EntityType.BENCHMARK),
    "model": EntityType.MODEL,
}

#: The kinds named by the three groups of the head-noun patterns, in group order.
_HEAD_KINDS = (EntityType.BENCHMARK, EntityType.MODEL, EntityType.METHOD)


#: After a head noun: what is done to it, so that the head only modifies that ("(PO) dataset
#: construction strategy" is a strategy, "model compression" a technique).
DONE_TO_IT = (
    r"(?!\s+(?:construction|creation|curation|collection|generation|synthesis|selection|"
    r"augmentation|cleaning|filtering|compression|merging|pruning|distillation|training|"
    r"fine-tuning|alignment|editing)\b)"
)


_HEAD_AFTER = re.compile(
    r"(?:\s*\([^()]{1,20}\)|\))?\s+(?:(dataset|datasets|benchmark|benchmarks|corpus|corpora|suite|leaderboard|"
    r"challenge|competition|testbed|split|tasks|environment|environments|games)|"
    r"(model|models|LLM|LLMs|checkpoint|checkpoints|series|detector|encoder|backbone)|(framework|system|method|methods|approach|algorithm|"
    r"architecture|engine|library|technique|strategy|pipeline|toolkit|agent|optimizer|"
    r"scheduler|paradigm|protocol|attack|mechanism|module|decoding|search|sampling|prompting))\b"
    + DONE_TO_IT
)


#: After a name: an apposition whose head noun says its kind ("X, a benchmark for", "X, an
#: end-to-end diffusion model fine-tuning strategy"; an evaluation framework is a benchmark).
#: A head noun is the last noun of its phrase: one that another head follows within two
#: words only modifies it.
APPOSITION = re.compile(
    r"(?:\s*\([^()]{1,20}\))?[,:]\s+(?:a|an|the|our)\s+(?:[\w.+-]+,?\s+){0,5}?"
    r"(?:(benchmark|dataset|corpus|suite|testbed|(?:evaluation|benchmarking)\s+(?:framework|"
    r"platform|toolkit|harness|protocol))|(model|series)(?!\s+(?:inference|serving))|"
    r"(framework|system|method|approach|algorithm|architecture|engine|library|technique|"
    r"strategy|pipeline|toolkit|agent|paradigm|assistant|network))(?![\w-])"
    r"(?!\s+(?:[\w-]+\s+)?(?:framework|system|method|approach|algorithm|architecture|"
    r"technique|strategy|pipeline|toolkit|paradigm|benchmark|dataset|suite|corpus)\b)"
)


#: A sentence that opens with a preposition and its object: "On TUM-RGBD, our method
#: outperforms ..." The comma after such an object ends the phrase; what follows is the
#: sentence's subject, not an apposition describing the object.
_FRONTED_PHRASE = re.compile(
    r"(?:^|[.!?;]\s+)(?:On|In|For|With|From|Across|Over|Under|At|By|Through|Beyond|Unlike|"
    r"Besides|Compared\s+(?:to|with)|Relative\s+to)\s+(?:the\s+)?$"
)


def _appositive(text: str, start: int, end: int) -> re.Match[str] | None:
    """:data:`APPOSITION` after the name at ``start:end``, unless the name is the object of
    a fronted preposition."""
    found = APPOSITION.match(text, end)
    if found is not None and _FRONTED_PHRASE.search(text, max(0, start - 40), start):
        return None
    return found


#: A title's rest that says with an article what the head names: "An End-to-End
#: Reinforcement Learning Framework for ...", "A Benchmark for ...".
_TITLE_REST_NAMES = re.compile(r"^\s*(?:An?|The)\s")


def title_rest_names_a_thing(rest: str) -> bool:
    """Whether the rest of a title after its colon is "A/An/The ... <kind noun>": then
    the head before the colon is that thing's name, coined-looking or not."""
    return _TITLE_REST_NAMES.match(rest) is not None and (
        _TITLE_HEAD_METHOD.match(rest) is not None or _TITLE_HEAD_BENCH.match(rest) is not None
    )


def apposition_kind(text: str, start: int, end: int) -> EntityType | None:
    """The kind an apposition after the name at ``start:end`` gives it, or None."""
    found = _appositive(text, start, end)
    return None if found is None else _HEAD_KINDS[(found.lastindex or 1) - 1]


_TITLE_PHRASE = re.compile(
    r"[A-Z][a-z]+(?:(?:[- ](?:of |for |the |to |and )?|-(?:and|or|of|to)-)[A-Z][a-z]+){1,5}"
)


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


#: Before a name: an evaluation clause whose list the name is in ("results on A, B and",
#: "three benchmarks: A, B, and").
_EVAL_BEFORE = re.compile(
    r"(?:(?:datasets?|benchmarks?|evaluat\w*|experiments?|results|tested|test sets?|"
    r"splits?|accuracy|performance|scores?|rates?)\b(?:[^.;:]|(?<=\d)\.(?=\d)){0,80}?"
    r"(?:\b(?:on|across|including|such as|like|namely|over)\s+|\((?:e\.g\.|i\.e\.),?\s*"
    r"|(?<=sets )\(|(?<=marks )\(|(?<=sets):\s+|(?<=marks):\s+"
    r"|(?<=sets)\s?[\u2014\u2013]\s?|(?<=marks)\s?[\u2014\u2013]\s?)"
    # a claimed result: "gains on X", "outperforms A on X" ("gains over A" names a baseline)
    r"|(?:achiev\w*|improv\w*|gains?|outperform\w*|surpass\w*|state-of-the-art|SOTA)\b"
    r"(?:[^.;:]|(?<=\d)\.(?=\d)){0,80}?\b(?:on|across)\s+)"
    r"(?:the\s+)?(?:[\w.+-]+(?:\s[\w.+-]+){0,2}(?:\s*\([^()]{0,30}\))?"
    r"(?:,\s*|\s+and\s+|\s+or\s+|,\s+and\s+)){0,6}$",
    re.IGNORECASE,  # as its reversed form: "Experiments on X" opens a sentence
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
    "achiev",
    "improv",
    "gain",
    "outperform",
    "surpass",
    "state-of-the-art",
    "SOTA",
)


#: :data:`_EVAL_BEFORE` written backwards, matched at the start of the reversed window: a
#: match of the original ending at the window's end exists exactly when this one matches
#: (one anchored attempt instead of a search from every position). ``\n?`` stands for
#: ``$`` matching before a final newline.
_EVAL_BEFORE_REVERSED = re.compile(
    r"\n?(?:(?:\s*,|\s+dna\s+|\s+ro\s+|\s+dna\s+,)(?:\)[^()]{0,30}\(\s*)?"
    r"(?:[\w.+-]+\s){0,2}[\w.+-]+){0,6}"
    r"(?:\s+eht)?"
    r"(?:(?:\s+(?:no|ssorca|gnidulcni|sa hcus|ekil|yleman|revo)\b|\s*,?(?:\.g\.e|\.e\.i)\("
    r"|\((?= stes)|\((?= skram)|\s+:(?=stes)|\s+:(?=skram)"
    r"|\s?[\u2014\u2013]\s?(?=stes)|\s?[\u2014\u2013]\s?(?=skram))"
    r"(?:[^.;:]|(?<=\d)\.(?=\d)){0,80}"
    r"\b(?:s?tesatad|s?kramhcneb|\w*taulave|s?tnemirepxe|stluser|detset|s?tes tset|s?tilps|"
    r"ycarucca|ecnamrofrep|s?erocs|s?etar)"
    r"|\s+(?:no|ssorca)\b(?:[^.;:]|(?<=\d)\.(?=\d)){0,80}"
    r"\b(?:\w*veihca|\w*vorpmi|s?niag|\w*mrofreptuo|\w*ssaprus|tra-eht-fo-etats|ATOS))",
    re.IGNORECASE,  # "Experiments on X" opens a sentence
)


_EVAL_WORDS_LOWER = tuple(word.lower() for word in _EVAL_WORDS)


def _has_eval_word(window: str) -> bool:
    """Whether any of :data:`_EVAL_WORDS` is in window, case-insensitively: a cheap test
    before :data:`_EVAL_BEFORE` (substring tests beat one case-insensitive alternation)."""
    low = window.lower()
    return any(word in low for word in _EVAL_WORDS_LOWER)


#: Before a name: a head noun naming its kind ("a new dataset, ExpTime", "benchmark called X").
_HEAD_BEFORE = re.compile(
    r"(?:(dataset|benchmark|corpus|suite|testbed|(?<!\w)data)|(model|(?<!\w)LM|(?<!\w)LLM)|"
    r"(framework|system|method|algorithm|approach|technique|engine|library|architecture))s?\s*"
    r"(?:,\s*|,\s*namely\s+|\s+(?:called|named|dubbed|termed|coined)\s+)?[\"“']?$"
)


#: :data:`_HEAD_BEFORE` backwards, anchored at the start of the reversed window; the head
#: word (hence the group, after the connector's group 1) right before the end is the same
#: either way.
_HEAD_BEFORE_REVERSED = re.compile(
    r"\n?[\"“']?(\s*,|\s+yleman\s*,|\s+(?:dellac|deman|debbud|demret|deniloc)\s+)?\s*s?"
    r"(?:(tesatad|kramhcneb|suproc|etius|debtset|atad(?!\w))|(ledom|ML(?!\w)|MLL(?!\w))|"
    r"(krowemarf|metsys|dohtem|"
    r"mhtirogla|hcaorppa|euqinhcet|enigne|yrarbil|erutcetihcra))"
)


#: Before a name: datasets drawn from it ("48 tabular datasets from OpenML"): a collection
#: of datasets, a benchmark.
_SOURCE_OF_DATASETS = re.compile(r"\b(?:datasets|benchmarks)\s+(?:from|of)\s+(?:the\s+)?$")


#: Before a name: it is one of the examples a plural head noun gives ("retrieval models
#: such as SPLADE", "datasets like X and", "methods (e.g., X,"), the head saying its kind.
_EXAMPLE_OF = re.compile(
    r"\b(?:(datasets|benchmarks|corpora)|(models|LLMs|LMs|checkpoints)|(methods|approaches|"
    r"algorithms|frameworks|systems|techniques))\s*,?\s*\(?(?:such\s+as|like|including|"
    r"e\.g\.,?)\s+(?:the\s+)?(?:[\w.+-]+(?:,\s*|,?\s+and\s+|,?\s+or\s+))*$"
)


def _head_before(window: str) -> int | None:
    """The group of :data:`_HEAD_BEFORE` that matches at the end of window (1 benchmark,
    2 model, 3 method), or None."""
    m = _HEAD_BEFORE_REVERSED.match(window[::-1])
    if m is None or m.lastindex is None:
        return None
    # group 1 is the connector; "LM"/"LLM" is a head only with one ("codec LM, namely X"),
    # not as a modifier ("the LLM VQ problem").
    if m.group(3) in ("ML", "MLL") and m.group(1) is None:
        return None
    return m.lastindex - 1


def _names_a_dataset(text: str, start: int, end: int) -> bool:
    """Whether a head noun right before or after a name says it is a dataset: a size suffix
    also gives a dataset's size ("the large-scale data Time-300B", "the Yambda-5B dataset")."""
    after = _HEAD_AFTER.match(text, end)
    if after is not None:
        return after.lastindex == 1
    return _head_before(text[max(0, start - 60) : start]) == 1


def classify(
    text: str,
    start: int,
    end: int,
    lexicon: Lexicon,
    exact: dict[str, EntityType],
    named: frozenset[str] = frozenset(),
) -> tuple[EntityType, float, str] | None:
    token = text[start:end]
    classes: dict[str, tuple[bool, tuple[EntityType, float, str] | None, bool]]
    classes = lexicon.cached("token-classes", new_cache)
    found = classes.get(token)
    if found is None:
        found = bounded_put(classes, token, token_class(token, lexicon, exact))
    decided, result, plural = found
    if decided:
        if result is not None and result[2] == "size" and _names_a_dataset(text, start, end):
            return EntityType.BENCHMARK, 0.8, "head-noun"  # "the data Time-300B"
        return result
    if plural and token not in named:
        return None  # a plural acronym names a class of things (CNNs, EBMs, TPPs models)
    after = _HEAD_AFTER.match(text, end)
    if after is not None:
        head = _HEAD_KINDS[(after.lastindex or 1) - 1]
        return head, 0.8, "head-noun"
    appos = _appositive(text, start, end)
    if appos is not None:
        head = _HEAD_KINDS[(appos.lastindex or 1) - 1]
        return head, 0.8, "apposition"
    window = text[max(0, start - 140) : start]
    before = _head_before(window[-60:])
    if before is not None:
        head = _HEAD_KINDS[before - 1]
        return head, 0.75, "head-before"
    if " such as " in window or " like " in window or "e.g." in window or "including" in window:
        example = _EXAMPLE_OF.search(window)
        if example is not None:
            return _HEAD_KINDS[(example.lastindex or 1) - 1], 0.7, "example-of"
    after_window = text[end : end + 80]
    if (
        (_has_eval_word(window) and _EVAL_BEFORE_REVERSED.match(window[::-1]))
        or (("datasets" in window or "benchmarks" in window) and _SOURCE_OF_DATASETS.search(window))
        or (
            ("datasets" in after_window or "benchmarks" in after_window)
            and _EVAL_AFTER.match(after_window)
        )
    ):
        return EntityType.BENCHMARK, 0.6, "eval-context"
    return result


def type_of_introduced(
    text: str,
    start: int,
    end: int,
    lexicon: Lexicon,
    exact: dict[str, EntityType],
    title_rest: str | None,
) -> EntityType:
    """The kind of a name a paper introduces: what its string or context says, else what
    the rest of the title calls it ("X: A Benchmark for ...", "X: A Generalist Agent"),
    else a method. A name built on a model family's stem (Pangu-Agent) or ending like a
    benchmark (MMRAG-DocQA) is typed by the title first: the paper says what it built."""
    found = classify(text, start, end, lexicon, exact)
    if (
        found is not None
        and found[2] in ("family", "suffix")
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
    head = _head_of_naming_clause(text, start)
    return EntityType.METHOD if head is None else _HEAD_KINDS[head - 1]


def _head_of_naming_clause(text: str, start: int) -> int | None:
    """The group of :data:`_NAMED_AFTER_HEAD` (1 benchmark, 2 model, 3 method) of the head
    nearest before a name that a naming word introduces, or None."""
    found = None
    pos = max(0, start - 160)
    while (m := _NAMED_AFTER_HEAD.search(text, pos, start)) is not None:
        found, pos = m.lastindex, m.start() + 1
    return found


#: A head noun a few words after "a"/"an" whose clause then names the thing: "a novel model
#: for Task 2, named X", "a new dataset of 10k dialogues, called X". The nearest such head
#: before the naming word says the kind.
_NAMED_AFTER_HEAD = re.compile(
    r"\b(?:an?|the)\s+(?:[\w-]+\s+){0,5}?(?:(dataset|benchmark|corpus|suite|testbed)|(model)|"
    r"(framework|system|method|algorithm|approach|technique|architecture|pipeline|agent|"
    r"objective|strategy|mechanism|module|scheme|procedure|recipe))"
    r"(?![\w-])[^.;:()]{0,80}?\b(?:called|named|dubbed|termed|we\s+call)\s+(?:as\s+)?[\"“']?$"
)


def naming_clause_kind(text: str, start: int) -> EntityType | None:
    """The kind the head noun of a naming clause ending at ``start`` gives ("a new training
    objective called <start>"), or None when no such clause ends there."""
    head = _head_of_naming_clause(text, start)
    return None if head is None else _HEAD_KINDS[head - 1]


def kind_said(text: str, name: str) -> EntityType | None:
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
            found = _appositive(text, pos, end) or _HEAD_AFTER.match(text, end)
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


def mid_sentence_title_phrases(text: str) -> Iterator[re.Match[str]]:
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

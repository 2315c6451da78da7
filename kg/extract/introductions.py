"""What a paper says it introduces, with the kind of each introduced name.

The title's wordings (the name before its colon, a title that opens or ends with a
technique, "<Name> Technical Report") are read by :mod:`kg.extract.titles`; this module
reads the abstract's: "we propose / introduce / present X" (also "we study ... and propose
X", a coined X a few words into the verb's noun phrase, a lower-case X that an apposition
describes, and the long form of an acronym that starts there); "called / dubbed / named X",
"which we call X", quoted or lower-case names after those words, ", namely X"; "X (Y) is
proposed to ..."; "X introduced in this work"; "We describe X, a ..."; "our approach, X",
"our X framework", "our ... approach (X)", "our proposed X"; "X, a novel ...", "a new
algorithm (X)", "a new architecture, X,"; a framework ("Quoted Name") in a sentence the
paper speaks in; a proposing verb right before a coined name with an apposition ("present
LightWaveS: a framework"); "(ACR)" after a proposing verb; what the paper's own name
introduces, incorporates or consists of ("AdaSVD introduces adaComp") or has at its core
("At the core of Mustango is MuNet"); defined parts of the
paper's design ("a ... (PFR) module") and Title Case parts described or enumerated right
after ("Perplexity Consistency, which ...", "three designs: 1) Object Aligned Temporal
Fusion ..."); and, when none of these names anything, the paper's most repeated unknown
coined name. "We previously introduced X" is the authors' earlier work.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from kg.extract.abbreviations import find_abbreviations, stands_for
from kg.extract.context import (
    APPOSITION,
    DONE_TO_IT,
    HEAD_KIND,
    apposition_kind,
    classify,
    kind_said,
    mid_sentence_title_phrases,
    naming_clause_kind,
    type_of_introduced,
)
from kg.extract.lexicon import Lexicon
from kg.extract.roles import NAMING_WORDS, find_cues, own_verb
from kg.extract.shapes import (
    NAME,
    NOT_A_NAME,
    NOT_BEFORE,
    NOT_ENTITY_HEAD,
    TASK_NOUNS,
    bounded_put,
    coined_shape,
    common_phrase,
    generic_span,
    list_items,
    new_cache,
    token_class,
    trim,
)
from kg.extract.titles import (
    PHRASE_OPENERS,
    introduce_title_head,
    introduce_title_lead,
    introduce_title_tail,
)
from kg.model import EntityType, Paper

__all__ = ["introduced_names", "posed_as_problem"]

#: After an introducing verb (found by :func:`kg.extract.roles.find_cues`): the name.
_INTRO_TAIL = re.compile(
    r"\w*\s+(?:as\s+)?(?:(?:a|an|the|our|this)\s+)?(?:(?:novel|new|simple|general|unified|scalable|efficient|"
    r"lightweight|first|open-source|large-scale|comprehensive|challenging|framework|method|"
    r"benchmark|dataset|model|system|approach|algorithm),?\s+)*"
    # a capital, or a short lower-case stem before a capital or digit (phi-1, xLSTM, mT5)
    r"[\"“']?((?:[A-Z]|[a-z]{1,6}(?=[A-Z0-9]|-\d))[\w+*]*(?:\.[\w+*]+)*(?:-[a-z]\w*)*"
    r"(?:(?:[\- ]|-(?:and|or|of|to|then|the|in|for)-)[A-Z0-9][\w+*]*(?:\.[\w+*]+)*"
    r"(?:-[a-z]\w*)*){0,5})"  # lower-case hyphen parts of any word: "Hybrid Multi-stage Decoding"
)


#: After the paper's own introducing verb, further off: a coined name after a few lower-case
#: words of the same noun phrase ("propose a simple yet highly effective model Lite-LLM4Rec",
#: "propose a new method f-DVL"); a preposition, conjunction or relative word ends the phrase.
_INTRO_FAR = re.compile(
    r"\w*\s+(?:(?!(?:that|which|who|to|for|of|on|in|with|by|using|from|than|and|or|where|when|"
    r"while|via|into|over|under|between|across|against|such|as|based|is|are|was|were|its|their)"
    r"\b)[a-z][a-z-]*,?\s+){0,7}[\"“']?([A-Za-z][\w+*]*(?:[.\-][\w+*]+)*)"
)


#: After a name: a head noun that a naming word then names ("APR approach called X"): the
#: first name only says what kind of thing the named one is.
_NAMED_LATER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:approach|method|framework|model|system|technique|algorithm|tool|"
    r"agent|pipeline|benchmark|dataset)s?,?\s+(?:called|named|dubbed|termed)\b"
)

#: A Title Case description, its head noun, then the name: "Visual Document Retrieval
#: Benchmark ViDoRe", "Hierarchical Planning Framework HiPlan".
_HEADED_NAME = re.compile(
    r".+\s(Benchmark|Dataset|Corpus|Suite|Framework|Model|System|Method|Algorithm|Toolkit)"
    r"\s(\S+)"
)
#: A lower-case word right after a name: the "name" was a modifier of it.
_LOWER_WORD_NEXT = re.compile(r"\s+[a-z]")


#: "new" or "novel" as a word (a literal first letter: the regex engine skips to it quickly).
_NEW_WORD = re.compile(r"n(?:ew|ovel)\b")
#: Before "new"/"novel", read backwards: after a name, "-- a new class of", ", a novel",
#: " is a novel" present the name as the paper's own. The forward form is
#: ``(?:,|\s--?|\s\u2014|\s+is)\s*an?\s+``; matching it backwards from each "new" costs
#: one anchored attempt instead of a search from every whitespace of the text.
_NOVEL_REVERSED = re.compile(r"\s+n?a\s*(?:,|-?-\s|\u2014\s|si\s+)")


#: "a new algorithm (GLOW)", "a novel benchmark, SynthX,", "a more efficient counterpart,
#: HyGLOW,": the head says what is new.
_NEW_NAMED = re.compile(
    r"a(?<!\wa)n?\s+(?:new|novel|more\s+[a-z]+|(?:simpler|faster|cheaper|lighter|stronger))\s+"
    r"(?:[\w-]+\s+){0,3}?(algorithm|method|framework|model|dataset|benchmark|approach|"
    r"architecture|technique|system|variant|counterpart|extension|version)s?"
    r"(?:\s+\(([A-Za-z][\w+.-]{1,15})\)|,\s+([A-Za-z][\w+.-]{1,30}),)"
)


_LAST_NAME = re.compile(r"(?:([A-Z0-9][\w+.-]*[\w+])|\(([A-Za-z][\w+.-]*)\))$")


_PARENTHESISED = re.compile(r"\(([A-Za-z][\w+.-]{1,15})\)")


#: Head nouns that say what kind of thing a phrase names.
_HEAD_WORD = re.compile(
    r"\b(dataset|benchmark|corpus|suite|testbed|model|framework|system|method|algorithm|"
    r"approach|technique|process|strategy|mechanism|architecture)s?\b" + DONE_TO_IT,
    re.IGNORECASE,
)


def introduced_names(paper: Paper, lexicon: Lexicon) -> dict[str, EntityType]:
    """The names a paper says it introduces, each with its kind, in the order found.

    Each step adds what one kind of wording says; an earlier step's kind for a name stands.
    """
    introduced: dict[str, EntityType] = {}
    title, abstract = paper.title, paper.abstract
    introduce_title_head(paper, introduced, lexicon)
    for text in (title, abstract):
        if text:
            _introduce_cued(text, introduced, lexicon)
    for text in (title, abstract):
        if "our " in text or "Our " in text:
            _introduce_ours(text, introduced, lexicon)
        if "namely" in text:
            _introduce_namely(text, introduced, lexicon)
    if "(" in abstract and (" is " in abstract or " are " in abstract):
        _introduce_passive(abstract, introduced, lexicon)
    if " in this " in abstract or " by this " in abstract or " the present " in abstract:
        _introduce_here(abstract, introduced, lexicon)
    if '("' in abstract or "(“" in abstract:
        _introduce_quoted_after_head(abstract, introduced, lexicon)
    if "e describe" in abstract or "e detail" in abstract or "e unveil" in abstract:
        _introduce_described(abstract, introduced, lexicon)
    if abstract:
        _introduce_lower_named(abstract, introduced, lexicon)
    for text in (title, abstract):
        if (
            "called" in text
            or "named" in text
            or "dubbed" in text
            or "termed" in text
            or "we call" in text
        ):
            _introduce_quoted(text, introduced, lexicon)
    introduce_title_lead(title, introduced, lexicon)
    introduce_title_tail(title, introduced, lexicon)
    if "(" in abstract:
        for abbr in find_abbreviations(abstract):  # the acronym of an introduced long form
            for name, kind in list(introduced.items()):
                if abbr.long.endswith(name):
                    introduced.setdefault(abbr.short, kind)
                    break
    for text in (title, abstract):
        if " new" in text or " novel" in text:
            _introduce_novel(text, introduced, lexicon)
        _introduce_new_named(text, introduced, lexicon)
        if "(" in text:
            _introduce_parenthesised(text, introduced, lexicon)
    exact = lexicon.by_name
    if not introduced and abstract:
        _introduce_main_name(abstract, introduced, lexicon, exact)
    elif abstract and (
        ", which" in abstract
        or "mode" in abstract
        or "odule" in abstract
        or "1)" in abstract
        or "i)" in abstract
    ):
        _introduce_components(abstract, introduced, lexicon, exact)
    if introduced and "(" in abstract:
        _introduce_defined_parts(abstract, introduced, lexicon, exact)
    if introduced and abstract:
        _introduce_taken_in(abstract, introduced, lexicon, exact)
        if "t the core" in abstract or "t the heart" in abstract:
            _introduce_core(abstract, introduced, lexicon)
    for name in _posed_problems(abstract, introduced) | {
        n for n in introduced if lexicon.is_stop(n)
    }:
        del introduced[name]  # a problem posed, or a metric ("our method's pAUC"), is no name
    if abstract:
        for name, kind in list(introduced.items()):
            said = kind_said(abstract, name) if kind is not EntityType.BENCHMARK else None
            # A method may turn out a model or dataset; a model only a dataset (a size
            # suffix names a dataset's size too: "Yambda-5B, a large-scale open dataset")
            # or, when a model family's stem alone made it a model, anything ("OPT-Tree,
            # an algorithm to construct draft trees").
            if said is not None and (
                kind is EntityType.METHOD
                or said is EntityType.BENCHMARK
                or _on_family_stem(name, lexicon, exact)
            ):
                introduced[name] = said
    return introduced


#: A task's name: modifiers, then a task noun ("Open-Ended 3D Instance Segmentation",
#: "Optical Character Recognition"). A chain or compound of one ("Chain of Summarization",
#: "Multi-resolution Retrieval-Detection") names a technique.
_TASK_NAME = re.compile(rf"(?:(?!of )[\w-]+ )+{TASK_NOUNS}", re.IGNORECASE)
#: Before a name: the paper poses it as a problem ("a novel problem termed X", "a new task
#: called X", "a new problem of x (X)").
_POSED = re.compile(r"\b(?:problem|task|setting)\s+(?:(?:termed|called|named|dubbed)\s+|of\s+)$")


def posed_as_problem(text: str, start: int) -> bool:
    """Whether the name at ``start`` is a problem the paper poses ("a novel problem termed
    X", "a new task called X"): a name, but of no method, model or dataset."""
    return _POSED.search(text, max(0, start - 30), start) is not None


def _posed_problems(abstract: str, introduced: dict[str, EntityType]) -> set[str]:
    """The introduced names that are problems the paper poses, not things it builds: a
    task's name, and a name (with its acronym) that a problem-posing clause gives."""
    posed = {name for name in introduced if _TASK_NAME.fullmatch(name)}
    if "(" in abstract and introduced:
        for a in find_abbreviations(abstract):
            if posed_as_problem(abstract, a.long_start):
                posed |= {a.long, a.short} & introduced.keys()
    return posed


def _on_family_stem(name: str, lexicon: Lexicon, exact: dict[str, EntityType]) -> bool:
    """Whether only a model family's stem in it types a name a model (OPT-Tree, Zorb-Llama)."""
    found = token_class(name, lexicon, exact)[1]
    return found is not None and found[2] == "family" and name not in exact


#: Adverbs between a subject and its verb (with any "-ly" word): "AdaSVD also introduces".
_ADVERBS = frozenset({"also", "further", "then", "additionally", "moreover", "first", "next"})


def _said_of_own_name(text: str, start: int, introduced: dict[str, EntityType]) -> bool:
    """Whether the verb at ``start`` has a name the paper introduces as its subject: what
    "AdaSVD introduces" proposes is a part of the paper's own AdaSVD."""
    if not introduced or not text[start - 1 : start].isspace():
        return False
    words = text[max(0, start - 40) : start].split()
    if words and (words[-1] in _ADVERBS or words[-1].endswith("ly")):
        words.pop()
    return bool(words) and words[-1] in introduced


def _introduce_cued(text: str, introduced: dict[str, EntityType], lexicon: Lexicon) -> None:
    """The name after a proposing or naming verb: "we propose X", "called X", "X (our
    own) introduces Y"."""
    exact = lexicon.by_name
    for cue_start, cue_end in _intro_cues(text):
        own = (
            text[cue_start:cue_end].lower() in NAMING_WORDS
            or own_verb(text, cue_start)
            or _said_of_own_name(text, cue_start, introduced)
        )
        m = _INTRO_TAIL.match(text, cue_end)
        if m is None and own:
            m = _INTRO_FAR.match(text, cue_end)
            if m is None or not coined_shape(m.group(1)) or _generic_acronym(text, m.group(1)):
                continue
        if m is None:
            continue
        name_start, name_end = m.span(1)
        if not own:
            # "... and present LightWaveS: a framework for": a proposing verb right
            # before a coined name that an apposition describes.
            if m.start(1) - cue_end > 1 or not APPOSITION.match(text, name_end):
                continue
            if not coined_shape(text[name_start:name_end]):
                continue
        if _introduce_long_form(text, name_start, introduced, lexicon, exact):
            continue
        name_end = trim(text, name_start, name_end)
        name = text[name_start:name_end].rstrip(".")
        if (
            " " not in name
            and not coined_shape(name)
            and _LOWER_WORD_NEXT.match(text, name_start + len(name))
        ):
            continue  # an adjective: "we propose a novel Bayesian method"
        if _NAMED_LATER.match(text, name_start + len(name)):
            continue  # a modifier: "an innovative APR approach called GiantRepair"
        if (
            len(name) < 2
            or (generic_span(name, lexicon) and not (name[:1].islower() and coined_shape(name)))
            or name in ("We", "This", "In")
        ):
            continue
        if len(name.split()) > 1 and not all(w[:1].isupper() for w in name.split()):
            name = name.split()[0]
        headed = _HEADED_NAME.fullmatch(name)
        if headed is not None and coined_shape(headed.group(2)):
            # "the Visual Document Retrieval Benchmark ViDoRe": the name after its head noun
            introduced.setdefault(
                headed.group(2), HEAD_KIND.get(headed.group(1).lower(), EntityType.METHOD)
            )
            continue
        long, _, short = name.rpartition(" ")
        if " " in long and len(short) >= 2 and short.isupper():
            # "proposing Robust Preference Optimization RPO": the acronym is not part of the
            # long form; it is a second name if it spells it.
            name, short = long, short if stands_for(short, long) else ""
        if name not in introduced:
            introduced[name] = type_of_introduced(
                text, name_start, name_start + len(name), lexicon, exact, None
            )
            if name == long and short:
                introduced.setdefault(short, introduced[name])


#: A present-tense passive proposing verb: "HSTA is proposed to ...", "... is introduced".
#: The present tense marks the paper's own work ("was proposed" is someone else's).
_PASSIVE_INTRO = re.compile(
    r"\s(?:is|are)\s+(?:also\s+|further\s+|then\s+|first\s+|\w+ly\s+)?"
    r"(?:proposed|introduced|designed|developed|presented|devised)\b"
)


#: "... introduced in this work", "proposed in this paper": the paper's own thing, found
#: from "this work" (the rarer, literal part) and then the verb before it.
_THIS_WORK = re.compile(r"\s(?:this|the\s+present)\s+(?:work|paper|study|article)\b")
_MADE_IN = re.compile(
    r"\b(?:introduced|proposed|presented|developed|designed|built|created|constructed)\s+"
    r"(?:in|by)$"
)
#: Before the verb: the name, then at most a head noun and "that/which is".
_NAME_BEFORE_HERE = re.compile(
    r"([A-Z][\w+*.-]*[\w+*])(?:\s+\([^()]{1,40}\))?(?:\s+[a-z]+)?"
    r"(?:,?\s+(?:that|which)\s+(?:is|was|are|were))?,?\s+$"
)


def _add_new_coined(
    text: str, start: int, end: int, introduced: dict[str, EntityType], lexicon: Lexicon
) -> None:
    """Introduce the coined name at ``text[start:end]`` with the kind its context gives,
    unless a lexicon lists it (curated or stop-listed); a kind found earlier stands."""
    name, exact = text[start:end], lexicon.by_name
    if coined_shape(name) and not lexicon.is_stop(name) and name not in exact:
        introduced.setdefault(name, type_of_introduced(text, start, end, lexicon, exact, None))


def _introduce_here(text: str, introduced: dict[str, EntityType], lexicon: Lexicon) -> None:
    """ "the MedRAG toolkit introduced in this work", "X (...) proposed in this paper"."""
    for here in _THIS_WORK.finditer(text):
        if not text.endswith((" in", " by"), 0, here.start()):
            continue  # "In this work, ...": no verb before it (the common case, cheaply)
        m = _MADE_IN.search(text, max(0, here.start() - 30), here.start())
        if m is None:
            continue
        before = _NAME_BEFORE_HERE.search(text, max(0, m.start() - 90), m.start())
        if before is not None:
            _add_new_coined(text, before.start(1), before.end(1), introduced, lexicon)


def _introduce_passive(text: str, introduced: dict[str, EntityType], lexicon: Lexicon) -> None:
    """ "Hybrid Spatio-Temporal Aggregation (HSTA) is proposed to ...", "a Self-Critic
    Monte Carlo Tree Search (SC-MCTS) guided by a reward model is introduced": a defined
    name that is the subject of a present-tense passive proposing verb, in its clause."""
    exact = lexicon.by_name
    abbreviations = find_abbreviations(text)
    for m in _PASSIVE_INTRO.finditer(text):
        for a in reversed(abbreviations):
            if a.short_end > m.start():
                continue
            gap = text[a.short_end + 1 : m.start()]
            in_clause = len(gap) <= 40 and not any(ch in gap for ch in ".;:,()")
            known = a.short in exact or a.long in exact or lexicon.is_stop(a.short)
            if in_clause and a.long[:1].isupper() and not known:
                introduced.setdefault(a.long, EntityType.METHOD)
                introduced.setdefault(a.short, EntityType.METHOD)
            break


#: ", namely X": a name given to what the sentence's own proposing verb proposed.
_NAMELY = re.compile(r",?\s+namely,?\s+[\"“']?([A-Z][\w+*.-]*[\w+*])")


def _introduce_namely(text: str, introduced: dict[str, EntityType], lexicon: Lexicon) -> None:
    """ "We propose a novel ... framework, namely MDGCL": the name after "namely" in a
    sentence whose proposing verb is the paper's own."""
    exact = lexicon.by_name
    cues = _intro_cues(text)
    for m in _NAMELY.finditer(text):
        start, end = m.span(1)
        name = text[start : trim(text, start, end)]
        if name in introduced or name in exact or lexicon.is_stop(name) or not coined_shape(name):
            continue
        opening = text.rfind(". ", 0, m.start()) + 1
        if any(opening <= s < m.start() and own_verb(text, s) for s, _ in cues):
            introduced[name] = type_of_introduced(
                text, start, start + len(name), lexicon, exact, None
            )


#: A quoted name after a naming word, in any case: 'called "partial updates"',
#: "dubbed `thought dropping'".
_QUOTED_NAME = re.compile(
    r"\b(?:called|named|dubbed|termed|coined)\s+(?:as\s+)?(?:``|[\"“'\u2018`])"
    r"([A-Za-z][\w-]*(?:\s[\w-]+){0,4}?)(?:''|[\"”'\u2019])"
)


#: A lower-case name after a naming word, up to the clause's end: "a new training objective
#: called masked codec modeling that ...", "a lightweight method we call semi-half question.".
_LOWER_CALLED = re.compile(
    r"\b(?:called|named|dubbed|termed|we\s+call)\s+(?:as\s+)?"
    r"((?:[a-z][a-z-]+\s){0,3}[a-z][a-z-]+)(?=\s+(?:that|which|to|for|with|in|and|on)\b|\s*[,.;:(])"
)


def _introduce_quoted(text: str, introduced: dict[str, EntityType], lexicon: Lexicon) -> None:
    """'a novel policy update scheme called "partial updates"': a quoted name a naming word
    gives is introduced whatever its case; so is an unquoted lower-case one when the
    clause says what it names ("a new training objective called masked codec modeling")."""
    exact = lexicon.by_name
    for m in _QUOTED_NAME.finditer(text):
        name = m.group(1)
        if name in introduced or lexicon.is_stop(name) or name in exact:
            continue
        start = m.start(1)
        introduced[name] = type_of_introduced(text, start, start + len(name), lexicon, exact, None)
    for m in _LOWER_CALLED.finditer(text):
        name, start = m.group(1), m.start(1)
        if name in introduced or lexicon.is_stop(name) or name in exact:
            continue
        if name.startswith("entit") or NOT_ENTITY_HEAD.search(name):
            continue  # "named entity recognition (NER)": a task, "named" no naming word
        kind = naming_clause_kind(text, start)
        acronym = _ACRONYM_AFTER.match(text, m.end(1))
        if acronym is not None and not coined_shape(acronym.group(1)):
            acronym = None
        if kind is None and acronym is not None:
            kind = EntityType.METHOD  # "a ... proxy called weighted response correlation (WRCor)"
        if kind is not None:
            introduced[name] = kind
            if acronym is not None and not lexicon.is_stop(acronym.group(1)):
                introduced.setdefault(acronym.group(1), kind)


#: Right after a name: the acronym it defines.
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Za-z][\w.+-]{1,12})\)")


#: The paper speaking: "we" as a word.
_WE_IN = re.compile(r"\b[Ww]e\b")


#: A quoted Title Case name in brackets right after the head noun it names: "within a
#: generative modeling framework ("Generative Recommenders")".
_QUOTED_AFTER_HEAD = re.compile(
    r"\b(?:framework|paradigm|approach|method|formulation|model|architecture|system|"
    r"algorithm|technique|strategy)\s+\([\"“]([A-Z][\w-]*(?:\s[A-Z][\w-]*){0,4})[\"”]\)"
)


def _introduce_quoted_after_head(
    text: str, introduced: dict[str, EntityType], lexicon: Lexicon
) -> None:
    """'... a generative modeling framework ("Generative Recommenders")': the paper names
    its own framework, in a sentence it speaks in ("we")."""
    for m in _QUOTED_AFTER_HEAD.finditer(text):
        name = m.group(1)
        opening = text.rfind(". ", 0, m.start()) + 1
        if (
            name in lexicon.by_name
            or lexicon.is_stop(name)
            or not _WE_IN.search(text, opening, m.start())
        ):
            continue
        introduced.setdefault(
            name, EntityType.MODEL if m.group(0).startswith("model") else EntityType.METHOD
        )


#: Right after a proposing verb: a lower-case name of one to four words that an apposition
#: describes ("we propose medoid voting, a simple ... approach"); function words, articles
#: and numbers cannot start or be part of it.
_LOWER_NAME = re.compile(
    r"\w*\s+((?!(?:a|an|the|to|that|this|these|our|two|three|four|several|new|novel|using|"
    r"how|what|which|it|its|them|both|each|all|some|more|here)\b)[a-z][a-z-]+"
    r"(?:\s(?!(?:and|or|of|to|for|in|on|with|that|which|by|as)\b)[a-z][a-z-]+){0,3})(?=,)"
)


def _introduce_lower_named(text: str, introduced: dict[str, EntityType], lexicon: Lexicon) -> None:
    """A lower-case coined name right after the paper's own proposing verb, described by an
    apposition: "we propose medoid voting, a simple, but effective training-free approach"."""
    for cue_start, cue_end in _intro_cues(text):
        m = _LOWER_NAME.match(text, cue_end)
        if m is None or text[cue_start:cue_end].lower() in NAMING_WORDS:
            continue
        name = m.group(1)
        kind = apposition_kind(text, m.start(1), m.end(1))
        if kind is None or lexicon.is_stop(name) or name in introduced:
            continue
        if own_verb(text, cue_start):
            introduced[name] = kind


def _introduce_ours(text: str, introduced: dict[str, EntityType], lexicon: Lexicon) -> None:
    """ "Our approach, X", "our second approach is X", "our X framework", "our ...
    approach (X)", "our proposed X" (a curated name too: the paper may be where it comes
    from)."""
    exact = lexicon.by_name
    for m in _our_names(text):
        group = next(g for g in (1, 2, 3, 4) if m.group(g) is not None)
        start, end = m.span(group)
        if _introduce_long_form(text, start, introduced, lexicon, exact):
            continue
        name = text[start:end]
        # A bracketed name after "our ... approach" needs no coined shape ("(Tango)").
        named = group == 3 or coined_shape(name) or (group == 4 and name in exact)
        if name in introduced or lexicon.is_stop(name) or not named:
            continue
        if exact.get(name) is not None and group != 4:
            continue  # a curated name the paper builds on ("our LoRA model")
        introduced[name] = type_of_introduced(text, start, end, lexicon, exact, None)


def _presented_as_new(text: str) -> Iterator[int]:
    """Where each "<name>, a new" / "<name> is a novel" wording starts: the end of the name."""
    for m in _NEW_WORD.finditer(text):
        at = m.start()
        if at and text[at - 1].isspace():
            found = _NOVEL_REVERSED.match(text[max(0, at - 60) : at][::-1])
            if found is not None:
                yield at - found.end()


def _introduce_novel(text: str, introduced: dict[str, EntityType], lexicon: Lexicon) -> None:
    """ "X, a novel ...", "X is a new ..."."""
    for start in _presented_as_new(text):
        before = text[max(0, start - 80) : start]
        last_name = _LAST_NAME.search(before)
        if last_name is not None:
            name = last_name.group(1) or last_name.group(2)
            if not lexicon.is_stop(name) and coined_shape(name):
                introduced.setdefault(name, EntityType.METHOD)
                if last_name.group(2) and last_name.group(1) is None:
                    long = before[: last_name.start()].rstrip()
                    for a in find_abbreviations(text):
                        if a.short == name and long.endswith(a.long):
                            introduced.setdefault(a.long, EntityType.METHOD)


def _introduce_new_named(text: str, introduced: dict[str, EntityType], lexicon: Lexicon) -> None:
    """ "a new algorithm (X)", "a novel benchmark, X,", "a more efficient counterpart, X,"."""
    exact = lexicon.by_name
    for m in _NEW_NAMED.finditer(text):
        name = m.group(2) or m.group(3)
        if lexicon.is_stop(name) or not coined_shape(name):
            continue
        if name not in exact:
            introduced.setdefault(name, HEAD_KIND.get(m.group(1), EntityType.METHOD))
        elif m.group(3):  # "a new architecture, HSTU,": a curated name from this paper
            introduced.setdefault(name, exact[name])


#: "We describe GEMBA, a GPT-based metric": a reporting verb before an apposition.
_DESCRIBED = re.compile(
    r"\b[Ww]e\s+(?:describe|detail|unveil|report\s+on)\s+([A-Z][\w+*.-]*[\w+*]),\s+(?:an?|our)\s"
)


def _introduce_described(text: str, introduced: dict[str, EntityType], lexicon: Lexicon) -> None:
    """ "We describe X, a ...": X is what the paper presents."""
    for m in _DESCRIBED.finditer(text):
        _add_new_coined(text, m.start(1), m.end(1), introduced, lexicon)


#: After a name: a verb of taking in parts ("Plan-MCTS incorporates a Dual-Gating Reward").
_TAKES_IN = re.compile(
    r"\s+(?:also\s+|further\s+|then\s+|\w+ly\s+)?(?:incorporates|integrates|features|"
    r"employs|introduces|adds|combines|comprises|includes|contains)\s"
)


def _introduce_taken_in(
    text: str, introduced: dict[str, EntityType], lexicon: Lexicon, exact: dict[str, EntityType]
) -> None:
    """Title Case parts that the paper's own name takes in, in the same sentence ("Plan-MCTS
    incorporates a Dual-Gating Reward ... and Structural Refinement for ...")."""
    spans = _clauses_after_own_subject(text, _TAKES_IN, introduced)
    if not spans:
        return
    for m in mid_sentence_title_phrases(text):
        phrase = m.group()
        if not any(start <= m.start() < end for start, end in spans):
            continue
        if phrase in exact or lexicon.is_stop(phrase) or text[m.end() : m.end() + 2] == " (":
            continue  # a curated name, or an acronym's long form (another rule types those)
        if phrase.endswith("s"):
            continue  # a class of things it uses: "Quadratic Neural Networks"
        introduced.setdefault(phrase, EntityType.METHOD)


#: "At the core of Mustango is MuNet, a ...": the part at the heart of the paper's own name.
_AT_CORE = re.compile(
    r"\b[Aa]t\s+the\s+(?:core|heart)\s+of\s+([\w+.-]+?)(?:'s)?\s+(?:is|lies)\s+"
    r"(?:an?\s+|the\s+)?([A-Za-z][\w+*.-]*[\w+*])"
)


def _introduce_core(text: str, introduced: dict[str, EntityType], lexicon: Lexicon) -> None:
    """A coined name at the core of a name the paper introduces is the paper's own too."""
    for m in _AT_CORE.finditer(text):
        if m.group(1) in introduced:
            _add_new_coined(text, m.start(2), m.end(2), introduced, lexicon)


def _generic_acronym(text: str, name: str) -> bool:
    """Whether name is a two-letter acronym or stands for a common noun phrase in text
    ("private inference (PI)", "temporal point processes (TPPs)"), not a coined name."""
    if len(name) <= 2:
        return True
    return "(" in text and any(
        a.short in (name, name + "s") and common_phrase(a.long) for a in find_abbreviations(text)
    )


#: The paper's own thing named: "Our approach, Warm-start RL (WSRL), ...", "our LAE framework",
#: "Our second approach is Reference-Answer-based Correction", "our fine-tuned model SWE-Llama",
#: "our LDM-based approach (Tango)".
_OUR_NAME = re.compile(
    r"(?:(?:proposed|new|novel|final|first|second|third|(?:[a-z]+-)*[a-z]+(?:ed|ing))\s+){0,2}"
    r"(?:approach|method|framework|model|"
    r"system|algorithm|technique|solution|pipeline|architecture|benchmark|dataset|agent)"
    r"(?:,|\s+is)?\s+"
    r"(?:called\s+|named\s+|dubbed\s+|termed\s+)?([A-Z][\w+*.-]*[\w+*](?:\s[A-Z0-9][\w+*.-]*)?)"
    r"|(?:proposed\s+)?([A-Z][\w+*.-]*[\w+*])\s+(?:framework|method|approach|model|"
    r"system|algorithm|architecture|benchmark|dataset|pipeline|agent)\b"
    # "our latent diffusion model (LDM)-based approach (Tango)": the name in brackets
    r"|[^.;:]{0,60}?\b(?:approach|method|framework|system|algorithm|technique|pipeline|"
    r"architecture|agent)\s+\(([A-Z][\w+*.-]*[\w+*])\)"
    # "our proposed Evol-Instruct"
    r"|proposed\s+([A-Z][\w+*.-]*[\w+*])(?![\w+*-])"
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
    """An acronym definition that starts at ``start`` ("we propose a Normalized Policy
    Gradient method with Implicit Gradient Transport (N-PG-IGT)", "we introduce FASP (Fast
    and Accurate Structured Pruning)"): introduce both forms, typed by the long form, and
    say so."""
    if "(" not in text:
        return False
    for abbr in find_abbreviations(text):
        if start not in (abbr.long_start, abbr.short_start):  # "FASP (Fast and ...)" too
            continue
        if lexicon.is_stop(abbr.short) or lexicon.is_stop(abbr.long) or abbr.long.islower():
            return False
        known = introduced.get(abbr.short) or introduced.get(abbr.long)
        if known is not None:  # one form is the title's head already: the other joins it
            introduced.setdefault(abbr.short, known)
            introduced.setdefault(abbr.long, known)
            return True
        kind = type_of_introduced(text, abbr.long_start, abbr.long_end, lexicon, exact, None)
        if kind is EntityType.METHOD and abbr.short not in exact:
            # The acronym's own context may say more ("(ACR) benchmark"); a curated acronym
            # does not: the paper proposes a new thing that shares its letters (AIME).
            kind = type_of_introduced(text, abbr.short_start, abbr.short_end, lexicon, exact, None)
        introduced[abbr.long] = introduced[abbr.short] = kind
        return True
    return False


def _plausible_main_name(token: str, lexicon: Lexicon, exact: dict[str, EntityType]) -> bool:
    """Whether a coined-name match could be a paper's own unknown name (memoised per string)."""
    if " " in token or "/" in token or len(token) < 3 or token in exact:
        return False
    return (
        coined_shape(token) and not lexicon.is_stop(token) and NOT_A_NAME.fullmatch(token) is None
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
    generic = {a.short for a in find_abbreviations(text) if common_phrase(a.long)}
    generic |= {short[:-1] for short in generic if short.endswith("s")}  # TPPs -> TPP
    plausible = lexicon.cached("main-name", new_cache)
    counts: dict[str, int] = {}
    for m in NAME.finditer(text):
        start, end = m.start(), trim(text, m.start(), m.end())
        if start and (text[start - 1].isalnum() or text[start - 1] in NOT_BEFORE):
            continue
        token = text[start:end]
        if token in generic:
            continue
        ok = plausible.get(token)
        if ok is None:
            ok = bounded_put(plausible, token, _plausible_main_name(token, lexicon, exact))
        if ok:
            counts[token] = counts.get(token, 0) + 1
    best = max(counts.items(), key=lambda kv: kv[1], default=None)
    if best is None:
        return
    name, count = best
    start = text.find(name)
    end = start + len(name)
    if count >= (3 if name.isupper() else 2) and classify(text, start, end, lexicon, exact):
        introduced[name] = type_of_introduced(text, start, end, lexicon, exact, None)


#: After a Title Case phrase: it is described as a part of the paper's own design.
_COMPONENT_AFTER = re.compile(
    r"(?:\s*\(([^()]{1,15})\))?(?:,\s+which\b|\s+(?:module|component|strategy|mechanism|"
    r"process|stage|mode|layer|block)\b)"
)


#: Before a Title Case phrase: an enumeration marker, "1) ", "(ii) ", "a) ".
_ENUMERATED = re.compile(r"(?:^|[\s:;,(])\(?(?:\d|[ivx]{1,4}|[a-e])\)\s*$")
#: First words of an enumerated item that is a clause, not a part's name: "(1) In
#: Numerical Calculation, X leads", "(2) Beyond Accuracy, ...".
_ITEM_OPENERS = PHRASE_OPENERS | {"In", "On", "For", "With", "At", "By", "As", "The", "A", "An"}
#: What an enumeration lists when its items are not parts of a design: "several appealing
#: properties: 1) Vast Vocabulary: ...", "three challenges: (i) Data Scarcity ...", "two
#: key phases: (1) Task Decomposition, ..." (the steps of a process, not named parts).
_NOT_PARTS = re.compile(
    r"\b(?:propert|characteristic|advantage|challenge|limitation|finding|question|observation|"
    r"issue|aspect|feature|insight|lesson|problem|difficult|dimension|criteri|phase|stage|"
    r"step)\w*"
)


#: The first marker of an enumeration: "1)", "(i)", "a)".
_FIRST_ITEM = re.compile(r"(?:^|[\s:;,(])\(?(?:1|i|a)\)")


def _lists_parts(text: str, start: int) -> bool:
    """Whether the enumeration an item at ``start`` belongs to lists parts of a design, by
    the words of the sentence that opens it ("comprises three designs:", not "has several
    appealing properties:")."""
    first = max(
        _FIRST_ITEM.finditer(text, max(0, start - 1500), start + 1),
        default=None,
        key=lambda m: m.start(),
    )
    if first is None:
        return False
    opening = text.rfind(". ", 0, first.start()) + 1
    return _NOT_PARTS.search(text, opening, first.start()) is None


def _introduce_components(
    text: str, introduced: dict[str, EntityType], lexicon: Lexicon, exact: dict[str, EntityType]
) -> None:
    """In a paper that introduces something, a Title Case name inside a sentence that is
    then described (", which ...", "... module", "... strategy") or enumerated ("three
    designs: 1) Object Aligned Temporal Fusion aligns ...") names one of its parts:
    "Perplexity Consistency, which integrates ...", "a Deep Web Explorer module"."""
    for m in mid_sentence_title_phrases(text):
        start, phrase = m.start(), m.group()
        if phrase in introduced or phrase in exact or lexicon.is_stop(phrase):
            continue
        after = _COMPONENT_AFTER.match(text, m.end())
        if after is None:
            if (
                _ENUMERATED.search(text, max(0, start - 8), start)
                and phrase.split(" ", 1)[0] not in _ITEM_OPENERS
                and _lists_parts(text, start)
            ):
                introduced[phrase] = EntityType.METHOD
            continue
        short = after.group(1)
        if (short is not None and short in exact) or text[max(0, start - 3) : start] == "of ":
            continue  # a known method spelled out, or what the new one is built from
        if short is not None and short.endswith("s") and phrase.endswith("s"):
            continue  # a class of things: "Positional Encodings (PEs), which ..."
        introduced[phrase] = EntityType.METHOD


#: After an acronym's bracket: the defined thing is a part of a design ("a Pixel-wise
#: feature redistribution (PFR) module").
_PART_NOUN_AFTER = re.compile(r"\)\s+(?:module|component|block|layer|unit|mechanism|branch)s?\b")
#: Right before a long form: the paper presents it as new ("and a novel X (Y) sampler").
_NEW_BEFORE = re.compile(r"\b(?:an?|our)\s+(?:new|novel)\s+$")
#: After a name: a verb that lists its parts ("LLaRA consists of two pretext tasks: ...").
_CONSISTS_OF = re.compile(
    r"\s+(?:consists\s+of|comprises|is\s+composed\s+of|is\s+made\s+up\s+of)\s"
)


def _clauses_after_own_subject(
    text: str, verb: re.Pattern[str], introduced: dict[str, EntityType]
) -> list[tuple[int, int]]:
    """The rest of each sentence where a name the paper introduces is the subject of
    ``verb`` (matched right after the name: "Plan-MCTS incorporates ..."), as ``(start,
    end)`` offsets. The names are few, so each is looked up (str.find) rather than the verb
    searched for."""
    spans = []
    for name in introduced:
        pos = text.find(name)
        while pos >= 0:
            end = pos + len(name)
            m = verb.match(text, end)
            if m is not None and (pos == 0 or not text[pos - 1].isalnum()):
                stop = text.find(". ", m.end())
                spans.append((m.end(), len(text) if stop < 0 else stop))
            pos = text.find(name, end)
    return spans


def _introduce_defined_parts(
    text: str, introduced: dict[str, EntityType], lexicon: Lexicon, exact: dict[str, EntityType]
) -> None:
    """Acronyms the paper defines for parts of its own design: one named as a module or
    block ("a Pixel-wise feature redistribution (PFR) module"), one presented as new ("a
    novel LLM-tree-structured parzen estimator (LLM-TPE) sampler"), or listed in the sentence
    where the paper's own name "consists of" its parts; both forms are introduced."""
    parts_from = _clauses_after_own_subject(text, _CONSISTS_OF, introduced)
    for a in find_abbreviations(text):
        if a.short in introduced or a.short in exact or a.long in exact:
            continue
        if lexicon.is_stop(a.short) or not coined_shape(a.short) or NOT_ENTITY_HEAD.search(a.long):
            continue
        if (
            _PART_NOUN_AFTER.match(text, a.short_end)
            or _NEW_BEFORE.search(text, max(0, a.long_start - 20), a.long_start)
            or any(
                start <= a.long_start < end or start <= a.short_start < end
                for start, end in parts_from
            )
        ):
            introduced[a.short] = EntityType.METHOD
            if not a.long.islower():
                introduced.setdefault(a.long, EntityType.METHOD)


#: A plural dataset head opening a parenthesised list right after the proposing verb's
#: object ("introduce new specialized datasets (A, B, and C)"); no clause break before it.
_NEW_DATASET_LIST = re.compile(r"^[^.;:()]{0,60}?\b(?:datasets|benchmarks|corpora)\s*\(")


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
        listed = _NEW_DATASET_LIST.search(window)
        if listed is not None:
            # "we introduce new datasets (FineMath, Stack-Edu, and SmolTalk)": each is new
            items = text[cue_end + listed.end() : cue_end + listed.end() + 200].split(")", 1)[0]
            for _, name in list_items(items):
                if len(name.split()) <= 3 and not lexicon.is_stop(name):
                    introduced.setdefault(name, EntityType.BENCHMARK)
            continue
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
            and coined_shape(tail.group(1))
        ):
            continue  # "we introduce Ada-GRPO, an adaptation of ... (GRPO)": Ada-GRPO is new
        later = cues[index + 1 :]
        if any(s0 < limit and k not in ("intro", "avail") for s0, _, k in later):
            continue
        if short in introduced or lexicon.is_stop(short) or not coined_shape(short):
            continue
        heads = _HEAD_WORD.findall(window[: m.end() + 40])
        kind = HEAD_KIND.get(heads[0].lower(), EntityType.METHOD) if heads else EntityType.METHOD
        introduced[short] = kind
        long = longs.get(short)
        if long and not long.islower():
            introduced.setdefault(long, kind)

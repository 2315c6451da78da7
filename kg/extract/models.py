"""Pretrained models and model families: find them and parse family, size and variant.

A model name is a family (``Qwen2.5``, ``LLaMA-3``, ``GPT-4o``), maybe a parameter count
(``7B``, ``1.5B``, ``8x7B``) and maybe a variant (``Math-Instruct``, ``base``, ``mini``).
:func:`parse_model_name` splits a name into those parts so that resolution can tell a
sibling (``Qwen2.5-7B`` vs ``Qwen2.5-72B``) from an alias (``Llama 3 8B`` vs ``LLaMA-3-8B``).

The family keeps its version *including* a letter suffix: ``GPT-4o`` is its own family, not a
variant of ``GPT-4`` (they are different models, released and evaluated separately), and
likewise ``o1``/``o3``, ``Qwen2``/``Qwen2.5``, ``DeepSeek-V3``/``DeepSeek-R1``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.extract.lexicon import Lexicon
from kg.extract.names import mentions_of_type
from kg.extract.registry import extractor
from kg.extract.shapes import is_size
from kg.model import EntityType, Mention, Paper

__all__ = ["ModelName", "is_size", "models", "parse_model_name"]

#: A version written as its own segment: 3, 3.1, v2, v1.5, 4o, 4V, 2.5 (after a name).
_VERSION = re.compile(r"v?\d+(?:\.\d+)*[a-zA-Z]?", re.ASCII)
#: A letter-and-number generation tag right after the name: R1, V3, V2.5, K2, M1.
_TAG = re.compile(r"[A-Z]\d+(?:\.\d+)*", re.ASCII)
_SEGMENTS = re.compile(r"[\s_-]+")


@dataclass(frozen=True, slots=True)
class ModelName:
    """A model name split into its family, parameter count and variant.

    ``family`` includes the version (``Qwen2.5``, ``LLaMA-3``, ``GPT-4o``); ``size`` is the
    parameter count with an upper-case unit (``7B``) or None; ``variant`` is everything else
    joined by hyphens in the order written (``Math-Instruct``) or None.
    """

    family: str
    size: str | None = None
    variant: str | None = None


def _name_words(segments: list[str], text: str) -> int:
    """How many leading segments form the name (several only for spaced names)."""
    if " " not in text:
        return 1
    n = 1
    while (
        n < len(segments)
        and segments[n][:1].isupper()
        and segments[n][1:].islower()
        and segments[n - 1].isalpha()
        and not any(ch.isdigit() for ch in segments[n])
    ):
        n += 1
    # A trailing capitalised word after a complete name is a variant ("Claude 3 Opus"
    # is handled by the version rule; "Stable Diffusion XL" keeps XL out by case).
    return n


def parse_model_name(text: str) -> ModelName:
    """Split a model name into family (with version), parameter count and variant.

    The first segment is the name; a version written as the next segment (``3``, ``3.1``,
    ``4o``, ``v2``) or a generation tag (``R1``, ``V3``) joins the family with the separator
    used in the text; a parameter count (``7B``, ``8x7B``) is the size; every other segment,
    in order, forms the variant. Multi-word names (``Stable Diffusion``, ``Claude 3.5``)
    keep their spaces.

    Parameters
    ----------
    text : str
        A model name as written, e.g. ``"Qwen2.5-Math-7B-Instruct"``.

    Returns
    -------
    ModelName
        The parts. ``GPT-4o`` parses to family ``GPT-4o`` (never ``GPT-4``: a different model).

    Examples
    --------
    >>> parse_model_name("Qwen2.5-Math-7B-Instruct")
    ModelName(family='Qwen2.5', size='7B', variant='Math-Instruct')
    >>> parse_model_name("LLaMA-3-8B")
    ModelName(family='LLaMA-3', size='8B', variant=None)
    >>> parse_model_name("GPT-4o")
    ModelName(family='GPT-4o', size=None, variant=None)
    >>> parse_model_name("GPT-4o-mini")
    ModelName(family='GPT-4o', size=None, variant='mini')
    >>> parse_model_name("DeepSeek-R1-Distill-Qwen-7B")
    ModelName(family='DeepSeek-R1', size='7B', variant='Distill-Qwen')
    >>> parse_model_name("Mixtral 8x7B")
    ModelName(family='Mixtral', size='8x7B', variant=None)
    >>> parse_model_name("BERT-base")
    ModelName(family='BERT', size=None, variant='base')
    >>> parse_model_name("Claude 3.5 Sonnet")
    ModelName(family='Claude 3.5', size=None, variant='Sonnet')
    """
    text = " ".join(text.split()).strip(" -_")
    if not text:
        return ModelName("")
    segments = [s for s in _SEGMENTS.split(text) if s]
    seps = [m.group(0) for m in _SEGMENTS.finditer(text)]
    n = _name_words(segments, text)
    family = text[: _offset_after(text, segments, n)]
    rest = segments[n:]
    rest_seps = seps[n - 1 :]
    if rest and (_VERSION.fullmatch(rest[0]) or _TAG.fullmatch(rest[0])) and not is_size(rest[0]):
        sep = rest_seps[0] if rest_seps else "-"
        family = f"{family}{' ' if ' ' in sep else '-'}{rest[0]}"
        rest = rest[1:]
    size: str | None = None
    variant: list[str] = []
    for seg in rest:
        if size is None and is_size(seg):
            size = seg[:-1] + seg[-1].upper()
        else:
            variant.append(seg)
    return ModelName(family, size, "-".join(variant) or None)


def _offset_after(text: str, segments: list[str], n: int) -> int:
    """The end offset in text of the first n segments."""
    pos = 0
    for seg in segments[:n]:
        pos = text.index(seg, pos) + len(seg)
    return pos


@extractor("models", produces=EntityType.MODEL)
def models(paper: Paper, lexicon: Lexicon) -> Iterator[Mention]:
    """Named pretrained models and families (family stems + version/size/variant, -7B names)."""
    return mentions_of_type(paper, lexicon, EntityType.MODEL, "models")

"""Stable identifiers: the same paper or entity gets the same id on every run and machine."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from kg.text import normalise_title

__all__ = ["entity_id", "normalise_arxiv_id", "normalise_doi", "paper_id", "slug"]

_ARXIV_NEW = re.compile(r"(\d{4}\.\d{4,5})(?:v\d+)?", re.ASCII)
_ARXIV_OLD = re.compile(r"([a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?", re.ASCII | re.IGNORECASE)
_DOI = re.compile(r"10\.\d{4,9}/\S+", re.ASCII)
_SLUG_DROP = re.compile(r"[^a-z0-9.]+")
_SLUG_SPACE = bytes(i if re.fullmatch(r"[a-z0-9.]", chr(i)) else 32 for i in range(256))


def normalise_arxiv_id(value: str) -> str | None:
    """Extract a version-less arXiv id from an id, ``arXiv:`` string or arXiv URL.

    Examples
    --------
    >>> normalise_arxiv_id("http://arxiv.org/abs/2409.04992v2")
    '2409.04992'
    >>> normalise_arxiv_id("arXiv:hep-th/9901001v1")
    'hep-th/9901001'
    >>> normalise_arxiv_id("not an id") is None
    True
    """
    m = _ARXIV_NEW.search(value) or _ARXIV_OLD.search(value)
    return m.group(1) if m else None


def normalise_doi(value: str) -> str | None:
    """Extract a lower-case DOI from a DOI, ``doi:`` string or doi.org URL.

    Examples
    --------
    >>> normalise_doi("https://doi.org/10.1145/3620666.3651357.")
    '10.1145/3620666.3651357'
    """
    m = _DOI.search(value)
    return m.group(0).rstrip(".,;").lower() if m else None


def slug(text: str, *, max_length: int = 48) -> str:
    """A short readable ASCII slug: ``"InstInfer: In-Storage"`` -> ``"instinfer-in-storage"``.

    Non-Latin text may give an empty slug; callers add a hash so ids stay unique.

    Examples
    --------
    >>> slug("Qwen2.5-Math: Ångström GPT-4o!")
    'qwen2.5-math-angstrom-gpt-4o'
    """
    if text.isascii():  # fast path, same result (checked by a hypothesis test)
        out = "-".join(text.lower().encode().translate(_SLUG_SPACE).decode().split()).strip("-.")
    else:
        ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
        out = _SLUG_DROP.sub("-", ascii_text).strip("-.")
    if len(out) > max_length:
        out = out[:max_length].rstrip("-.")
    return out


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=4).hexdigest()


def paper_id(*, title: str, arxiv_id: str | None = None, doi: str | None = None) -> str:
    """The stable id of a paper: arXiv id, else DOI, else a slug and hash of the title.

    Examples
    --------
    >>> paper_id(title="Anything", arxiv_id="2409.04992v3")
    'arxiv:2409.04992'
    >>> paper_id(title="X", doi="10.1145/ABC.1")
    'doi:10.1145/abc.1'
    >>> paper_id(title="InstInfer: In-Storage Attention")
    'title:instinfer-in-storage-attention-54887386'
    """
    if arxiv_id and (a := normalise_arxiv_id(arxiv_id)):
        return f"arxiv:{a}"
    if doi and (d := normalise_doi(doi)):
        return f"doi:{d}"
    key = normalise_title(title)
    s = slug(key)
    return f"title:{s}-{_digest(key)}" if s else f"title:{_digest(key)}"


def entity_id(entity_type: str, key: str) -> str:
    """The stable id of an entity from its type and resolution key (``model:qwen2.5-7b``).

    Examples
    --------
    >>> entity_id("model", "Qwen2.5 7B")
    'model:qwen2.5-7b'
    >>> entity_id("method", "思维链")
    'method:x-7f79a1a3'
    """
    s = slug(key, max_length=64)
    if not s or len(s) < len(key.strip()) // 2:
        s = f"{s or 'x'}-{_digest(key)}"
    return f"{entity_type}:{s}"

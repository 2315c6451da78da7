"""The one place where kg mints IRIs for papers, entities, mentions and source graphs.

An IRI is ``base`` + a kind (``paper/``, ``method/``, ...) + the node's id, percent-encoded
(RFC 3987 / RFC 3986) so that any id, title or name gives a valid IRI: every character outside
``A-Z a-z 0-9 - . _ ~ :`` (and ``/`` inside ids, kept for readable DOIs and repository paths)
becomes ``%XX`` of its UTF-8 bytes, ``%`` included, so the mapping is one-to-one. Ids are
already readable slugs (:mod:`kg.ids`), so IRIs stay readable::

    https://w3id.org/kg/id/paper/arxiv:2303.06865
    https://w3id.org/kg/id/method/flexgen
    https://w3id.org/kg/id/paper/arxiv:2303.06865#introduces/method:flexgen/1

Nodes that qualify a paper (its links, mentions, authors) get fragment IRIs under the paper's
IRI, so a triple-store user can see at a glance which paper a node belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote

from kg.errors import ExportError

__all__ = ["DEFAULT_BASE", "Minter", "check_base", "encode"]

#: The base IRI of exported resources unless ``--base`` says otherwise.
DEFAULT_BASE = "https://w3id.org/kg/id/"

_SAFE = "-._~:"
_PLAIN = re.compile(r"[A-Za-z0-9\-._~:]*")  # nothing to encode: skip quote(), 5x faster
_PLAIN_SLASH = re.compile(r"[A-Za-z0-9\-._~:/]*")
_DOTS = re.compile(r"(?:(?<=/)|^)(\.{1,2})(?=/|$)")
_BASE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]*[/#]$")
_ENTITY_KINDS = frozenset({"method", "benchmark", "model", "repo"})


def encode(text: str, *, keep_slash: bool = False) -> str:
    """Percent-encode ``text`` into IRI-safe ASCII (one-to-one).

    With ``keep_slash`` the ``/`` of ids stays readable; a path segment that is only dots
    (``.`` or ``..``) is encoded so that no IRI normalisation can remove it.

    Examples
    --------
    >>> encode("a b>c/名")
    'a%20b%3Ec%2F%E5%90%8D'
    >>> encode("doi:10.1/x/../y", keep_slash=True)
    'doi:10.1/x/%2E%2E/y'
    """
    plain = _PLAIN_SLASH if keep_slash else _PLAIN
    out = text if plain.fullmatch(text) else quote(text, safe=_SAFE + "/" if keep_slash else _SAFE)
    if keep_slash and "." in out:
        out = _DOTS.sub(lambda m: "%2E" * len(m.group(1)), out)
    return out


def check_base(base: str) -> str:
    """Return ``base`` if it is an absolute IRI ending in ``/`` or ``#``, else raise.

    Raises
    ------
    ExportError
        When ``base`` could not prefix kg's IRIs.

    Examples
    --------
    >>> check_base("https://example.org/kg/")
    'https://example.org/kg/'
    """
    if not _BASE.match(base) or not base.isascii():
        raise ExportError(
            f"base IRI {base!r} is not usable: give an absolute ASCII IRI ending in '/' or '#', "
            f"for example {DEFAULT_BASE!r}"
        )
    return base


@dataclass(frozen=True, slots=True)
class Minter:
    """Mints every resource IRI of one export under ``base``.

    Examples
    --------
    >>> m = Minter("https://example.org/")
    >>> m.node("model:qwen2.5-7b")
    'https://example.org/model/qwen2.5-7b'
    >>> m.node("title:hostile-0badc0de")
    'https://example.org/paper/title:hostile-0badc0de'
    >>> m.mention("arxiv:1", "uses", "model:x y", 2)
    'https://example.org/paper/arxiv:1#uses/model:x%20y/2'
    """

    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        check_base(self.base)

    def node(self, node_id: str) -> str:
        """The IRI of a paper (any id without an entity-type prefix) or an entity."""
        return _node(self.base, node_id)

    def link(self, paper_id: str, role: str, entity_id: str) -> str:
        """The IRI of the qualified link ``paper -role-> entity``."""
        return f"{_node(self.base, paper_id)}#{role}/{encode(entity_id)}"

    def mention(self, paper_id: str, role: str, entity_id: str, position: int) -> str:
        """The IRI of the ``position``-th (1-based) mention of a link."""
        return f"{self.link(paper_id, role, entity_id)}/{position}"

    def citation(self, citing_id: str, cited_id: str) -> str:
        """The IRI of the qualified citation-style link ``citing -> cited``."""
        return f"{_node(self.base, citing_id)}#cites/{encode(cited_id)}"

    def author(self, paper_id: str, position: int) -> str:
        """The IRI of the ``position``-th (1-based) author slot of a paper."""
        return f"{_node(self.base, paper_id)}#author/{position}"

    def merge(self, entity_id: str, position: int) -> str:
        """The IRI of the ``position``-th (1-based) alias-merge explanation of an entity."""
        return f"{_node(self.base, entity_id)}#merge/{position}"

    def extractor(self, name: str) -> str:
        """The IRI of a named extractor (a prov:SoftwareAgent)."""
        return f"{self.base}extractor/{encode(name)}"

    def source_graph(self, path: str) -> str:
        """The IRI of the named graph holding what was read from source file ``path``."""
        return f"{self.base}source/{encode(path, keep_slash=True)}"

    def entities_graph(self) -> str:
        """The IRI of the named graph holding entities and entity-to-entity links."""
        return f"{self.base}graph/entities"


@lru_cache(maxsize=65536)
def _node(base: str, node_id: str) -> str:
    kind, sep, key = node_id.partition(":")
    if sep and kind in _ENTITY_KINDS:
        return f"{base}{kind}/{encode(key, keep_slash=True)}"
    return f"{base}paper/{encode(node_id, keep_slash=True)}"

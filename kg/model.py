"""The records that flow between kg's stages.

Every stage takes and returns these frozen, slotted dataclasses, so a stage can never change
what an earlier one produced, and the StrEnum values are the strings of the JSON contract
(``kg extract --jsonl``, ``kg ... --json``) and of the graph's node and edge attributes.

Data flow::

    sources  ->  Paper (+ Problem for what was skipped)
    extract  ->  Mention (text span + type + role + provenance)
    resolve  ->  Entity (one per distinct thing; aliases, family for model variants)
    graph    ->  networkx.MultiDiGraph (schema in kg/graph.py)
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "Entity",
    "EntityType",
    "Field",
    "Mention",
    "NodeType",
    "Paper",
    "Problem",
    "Relation",
    "Role",
    "SourceRef",
]


class EntityType(StrEnum):
    """The four kinds of shared entity a paper can name."""

    METHOD = "method"
    BENCHMARK = "benchmark"
    MODEL = "model"
    REPO = "repo"


class NodeType(StrEnum):
    """Graph node types: papers plus the entity types (same strings)."""

    PAPER = "paper"
    METHOD = "method"
    BENCHMARK = "benchmark"
    MODEL = "model"
    REPO = "repo"


class Role(StrEnum):
    """What a paper does with an entity it names, most specific first."""

    INTRODUCES = "introduces"
    EVALUATES_ON = "evaluates_on"
    COMPARES_WITH = "compares_with"
    USES = "uses"
    MENTIONS = "mentions"


class Relation(StrEnum):
    """Every edge kind in the graph: the five roles plus the two derived links."""

    INTRODUCES = "introduces"
    EVALUATES_ON = "evaluates_on"
    COMPARES_WITH = "compares_with"
    USES = "uses"
    MENTIONS = "mentions"
    VARIANT_OF = "variant_of"
    CITES = "cites"


class Field(StrEnum):
    """The text fields of a paper that extractors read."""

    TITLE = "title"
    ABSTRACT = "abstract"


@dataclass(frozen=True, slots=True, order=True)
class SourceRef:
    """Where one record of a paper was read: file (or ``-`` for stdin), 1-based line, format."""

    path: str
    line: int
    format: str


@dataclass(frozen=True, slots=True)
class Paper:
    """One paper, possibly merged from several listings.

    ``id`` is stable across runs and machines: ``arxiv:<id>`` (version stripped),
    ``doi:<lower-case doi>``, else ``title:<slug>-<hash>`` of the normalised title
    (see :func:`kg.ids.paper_id`). ``date`` is ISO 8601: ``YYYY-MM-DD``, ``YYYY-MM``,
    ``YYYY``, or ``--MM-DD`` when a listing gives no year (xsd:gMonthDay).
    """

    id: str
    title: str
    abstract: str = ""
    authors: tuple[str, ...] = ()
    n_authors: int | None = None
    date: str | None = None
    updated: str | None = None
    upvotes: int | None = None
    organisation: str | None = None
    urls: tuple[str, ...] = ()
    arxiv_id: str | None = None
    doi: str | None = None
    categories: tuple[str, ...] = ()
    sources: tuple[SourceRef, ...] = ()

    @property
    def author_count(self) -> int | None:
        """The number of authors: the listed names, else the count a listing gave."""
        return len(self.authors) if self.authors else self.n_authors


@dataclass(frozen=True, slots=True)
class Problem:
    """A record that was skipped (or a file that could not be read), and why.

    Readers never raise for one bad record: they report a Problem and go on.
    """

    path: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Mention:
    """One span of a paper's text that names an entity, with its provenance.

    ``text == getattr(paper, field)[start:end]`` always holds; the sentence that contains it
    is ``[sentence_start, sentence_end)`` of the same field (offsets, not a copy, so a million
    mentions do not hold a million sentences).
    """

    paper_id: str
    text: str
    type: EntityType
    role: Role
    field: Field
    start: int
    end: int
    extractor: str
    confidence: float
    sentence_start: int = 0
    sentence_end: int = 0


@dataclass(frozen=True, slots=True)
class Entity:
    """One distinct thing after resolution: its preferred name and every alias seen.

    ``id`` is ``<type>:<key>`` (for example ``model:qwen2.5-7b``), stable across runs.
    ``family`` is the id of the model family entity this model is a variant of, if any.
    ``introduced_by`` lists the ids of the papers that introduce it.
    """

    id: str
    type: EntityType
    name: str
    aliases: tuple[str, ...] = ()
    family: str | None = None
    introduced_by: tuple[str, ...] = ()
    url: str | None = None

"""One exception tree for kg; the library raises these, the CLI turns them into one-line errors.

::

    KgError
     +-- InputError      a source, alias or lexicon file cannot be read or parsed at all
     +-- WorkspaceError  a workspace directory is missing, incomplete or of another version
     +-- ExportError     an export cannot be written or an RDF file cannot be read back
     +-- StoreError      a triple store refused, failed or timed out
     +-- QueryError      a SPARQL query or a name given on the command line is not usable

Every message says what went wrong and what to do about it.
"""

from __future__ import annotations

__all__ = [
    "ExportError",
    "InputError",
    "KgError",
    "QueryError",
    "StoreError",
    "WorkspaceError",
]


class KgError(Exception):
    """Base class of every error kg raises on purpose."""


class InputError(KgError):
    """A source, alias or lexicon file cannot be read or parsed at all."""


class WorkspaceError(KgError):
    """A workspace directory is missing, incomplete, or written by an incompatible version."""


class ExportError(KgError):
    """An export cannot be written, or an RDF file cannot be read back."""


class StoreError(KgError):
    """A triple store refused the connection, answered with an HTTP error, or timed out."""


class QueryError(KgError):
    """A query, or a paper/entity name given by the user, cannot be answered as asked."""

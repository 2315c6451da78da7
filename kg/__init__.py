"""kg: turn research-paper listings into a citation-style knowledge graph.

The public API is listed in ``__all__``; names load lazily (PEP 562) so that ``import kg``
stays cheap and the CLI pays for networkx, rdflib and pyvis only when a command needs them.
"""

from __future__ import annotations

import importlib
from typing import Any

#: public name -> module that defines it; tests/test_api.py pins this table.
_EXPORTS: dict[str, str] = {
    "Entity": "kg.model",
    "EntityType": "kg.model",
    "ExportError": "kg.errors",
    "Field": "kg.model",
    "InputError": "kg.errors",
    "KgError": "kg.errors",
    "Mention": "kg.model",
    "NodeType": "kg.model",
    "Paper": "kg.model",
    "Problem": "kg.model",
    "QueryError": "kg.errors",
    "Relation": "kg.model",
    "Role": "kg.model",
    "SourceRef": "kg.model",
    "StoreError": "kg.errors",
    "WorkspaceError": "kg.errors",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))

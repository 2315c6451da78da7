"""kg: turn research-paper listings into a citation-style knowledge graph.

The public API is listed in ``__all__``; names load lazily (PEP 562) so that ``import kg``
stays cheap and the CLI pays for networkx, rdflib and pyvis only when a command needs them.
"""

from __future__ import annotations

import importlib
from typing import Any

#: public name -> module that defines it; tests/test_api.py pins this table.
_EXPORTS: dict[str, str] = {
    "BuildResult": "kg.pipeline",
    "Community": "kg.analysis",
    "DEFAULT_BASE": "kg.rdf",
    "Entity": "kg.model",
    "EntityType": "kg.model",
    "ExportError": "kg.errors",
    "Field": "kg.model",
    "InputError": "kg.errors",
    "KgError": "kg.errors",
    "Mention": "kg.model",
    "ModelName": "kg.extract",
    "NodeType": "kg.model",
    "Paper": "kg.model",
    "Problem": "kg.model",
    "QueryError": "kg.errors",
    "Ranked": "kg.analysis",
    "ReadResult": "kg.sources",
    "RelatedPaper": "kg.analysis",
    "Relation": "kg.model",
    "Resolution": "kg.resolve",
    "Role": "kg.model",
    "SourceRef": "kg.model",
    "StoreError": "kg.errors",
    "WorkspaceError": "kg.errors",
    "add": "kg.pipeline",
    "build": "kg.pipeline",
    "build_graph": "kg.graph",
    "central": "kg.analysis",
    "communities": "kg.analysis",
    "cooccurrence": "kg.analysis",
    "explain": "kg.analysis",
    "export": "kg.rdf",
    "extract": "kg.extract",
    "extract_all": "kg.extract",
    "extractor": "kg.extract",
    "find_node": "kg.analysis",
    "load": "kg.workspace",
    "load_aliases": "kg.resolve",
    "merge_papers": "kg.sources.merge",
    "normalise_url": "kg.extract",
    "paper_to_dict": "kg.sources",
    "parse_model_name": "kg.extract",
    "path": "kg.analysis",
    "push": "kg.rdf",
    "read_papers": "kg.sources",
    "read_rdf": "kg.rdf",
    "related": "kg.analysis",
    "render_view": "kg.views",
    "resolve": "kg.resolve",
    "save": "kg.workspace",
    "show": "kg.analysis",
    "sparql": "kg.rdf",
    "stats": "kg.analysis",
    "validate": "kg.rdf",
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

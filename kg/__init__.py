"""kg: a knowledge-graph builder for French news.

The pipeline reads like the package layout::

    corpus -> nlp -> extract -> resolve -> graph -> render / query / store

``kg.build(...)`` runs it from Python and ``kg.open(...)`` loads what it wrote for SPARQL; ``kg build`` and
``kg query`` do the same from the shell.
"""

from __future__ import annotations

__version__ = "0.1.0"

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.pipeline import BuildResult, build
    from kg.query import KnowledgeGraph


def open(path: str | Path = "out") -> KnowledgeGraph:
    """A built graph, ready for SPARQL: an output folder of ``kg build`` (its store ``out/store``, or its files) or
    a graph file (see :meth:`kg.query.KnowledgeGraph.open`). ``kg.open("out").query("SELECT ...")``."""
    from kg.query import KnowledgeGraph

    return KnowledgeGraph.open(path)


def __getattr__(name: str) -> Any:
    """``kg.build`` and ``kg.BuildResult``, imported on first use: ``kg query`` answers without loading spaCy."""
    if name in ("build", "BuildResult"):
        from kg import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


__all__ = ["BuildResult", "__version__", "build", "open"]

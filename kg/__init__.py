"""kg: a knowledge-graph builder for French news.

The pipeline reads like the package layout::

    corpus -> nlp -> extract -> resolve -> graph -> render / query / store

``kg.build(...)`` runs it from Python; ``kg build`` runs it from the shell.
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.pipeline import BuildResult, build
    from kg.query import open_graph as open

__all__ = ["BuildResult", "__version__", "build", "open"]


def __getattr__(name: str) -> Any:
    """``kg.build``, ``kg.BuildResult`` and ``kg.open``, imported on first use: ``kg query`` answers without
    loading spaCy."""
    if name in ("build", "BuildResult"):
        from kg import pipeline

        return getattr(pipeline, name)
    if name == "open":
        from kg.query import open_graph

        return open_graph
    raise AttributeError(f"module 'kg' has no attribute {name!r}")

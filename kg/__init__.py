"""kg: a knowledge-graph builder for French news.

The pipeline reads like the package layout::

    corpus -> nlp -> extract -> resolve -> graph -> render / query / store

``kg.build(...)`` runs it from Python; ``kg build`` runs it from the shell.
"""

from __future__ import annotations

__version__ = "0.1.0"

from kg.pipeline import BuildResult, build

__all__ = ["BuildResult", "__version__", "build"]

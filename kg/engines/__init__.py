"""Engines: who parses and extracts the documents — this process, a pool of local processes, or a Dask cluster.

Every engine takes documents in order and yields their :class:`~kg.extract.DocumentExtraction` in the same order,
so resolution and graph writing (always in the calling process) see exactly what a serial build sees, and the
output is byte-identical whichever engine ran. The engine is a matter of speed only.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Protocol

from kg.model import Document

if TYPE_CHECKING:
    from kg.extract import DocumentExtraction

ENGINES = ("serial", "process", "dask")


class Engine(Protocol):
    """Parse and extract ``documents``, yielding one extraction per document, in order."""

    def __call__(self, documents: Sequence[Document]) -> Iterator[DocumentExtraction]: ...


def make_engine(name: str = "serial", *, workers: int = 1, model: str | None = None, batch_size: int = 16,
                scheduler: str | None = None) -> Engine:
    """The engine called ``name``; ``ValueError`` for an unknown one or a bad worker count."""
    if workers < 1:
        raise ValueError("--workers must be at least 1")
    if name == "serial" or (name == "process" and workers == 1):
        from kg.engines.serial import SerialEngine

        return SerialEngine(model, batch_size)
    if name == "process":
        from kg.engines.process import ProcessEngine

        return ProcessEngine(workers, model, batch_size)
    if name == "dask":
        from kg.engines.dask import DaskEngine

        try:
            import distributed  # noqa: F401
        except ImportError as exc:
            raise ValueError("--engine dask needs dask.distributed: pip install 'kg[dask]'") from exc

        return DaskEngine(scheduler, workers, model, batch_size)
    raise ValueError(f"unknown engine {name!r} (choose from {', '.join(ENGINES)})")

"""The unit of work shipped to other processes or machines: parse and extract one batch of documents.

It returns the worker's pipeline key with the extractions, so the caller can refuse results from a worker whose kg
version, spaCy model or cue files differ from its own (they would build a different graph).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future
from functools import cache
from typing import Any, Protocol

from kg.cache import pipeline_key
from kg.engines.serial import extract_stream
from kg.extract import DocumentExtraction
from kg.model import Document
from kg.nlp import load_pipeline, model_id


class PipelineMismatch(RuntimeError):
    """A worker runs another kg version, spaCy model or cue files than the client."""


@cache
def local_pipeline_key(model: str | None) -> str:
    return pipeline_key(model_id(load_pipeline(model)))


def extract_batch(documents: list[Document], model: str | None,
                  batch_size: int) -> tuple[str, list[DocumentExtraction]]:
    """Parse and extract ``documents`` in this process (the pipeline is loaded once per process and kept)."""
    return local_pipeline_key(model), list(extract_stream(documents, model, batch_size))


def batches(documents: Sequence[Document], size: int) -> Iterator[list[Document]]:
    for i in range(0, len(documents), size):
        yield list(documents[i : i + size])


class HasResult(Protocol):
    def result(self) -> Any: ...


def ordered_results(tasks: Iterable[list[Document]], submit: Any, window: int,
                    expected_key: str) -> Iterator[DocumentExtraction]:
    """Submit batches with at most ``window`` in flight and yield their extractions in submission order.

    The window bounds memory (results wait at most ``window`` batches for a slow one) while keeping every worker busy.
    """
    in_flight: list[Future | HasResult] = []
    it = iter(tasks)
    for batch in it:
        in_flight.append(submit(batch))
        if len(in_flight) >= window:
            break
    while in_flight:
        key, extractions = in_flight.pop(0).result()
        if key != expected_key:
            raise PipelineMismatch("a worker runs another kg version, spaCy model or cue files than this process "
                                   f"(pipeline key {key} != {expected_key})")
        nxt = next(it, None)
        if nxt is not None:
            in_flight.append(submit(nxt))
        yield from extractions

"""The process engine: a pool of local worker processes, each with its own spaCy pipeline, parse + extract.

Why not spaCy's ``nlp.pipe(n_process=N)``: it parallelises parsing only, ships every Doc back to this process to be
extracted here, and the serialisation of Docs eats most of the gain on a small machine. Shipping a batch of documents
out and a batch of extractions back is small; each worker loads the pipeline once (inherited at fork when the parent
already has it) and keeps it for the whole build.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from kg.engines.worker import batches, extract_batch, local_pipeline_key, ordered_results
from kg.extract import DocumentExtraction
from kg.model import Document
from kg.nlp import load_pipeline


def _start(model: str | None) -> None:
    """Worker initialiser: load the pipeline now, not on the first task."""
    load_pipeline(model)


class ProcessEngine:
    """``workers`` local processes; batches of documents out, extractions back, in order."""

    def __init__(self, workers: int, model: str | None = None, batch_size: int = 16) -> None:
        self.workers = workers
        self.model = model
        self.batch_size = batch_size

    def __call__(self, documents: Sequence[Document]) -> Iterator[DocumentExtraction]:
        if not documents:
            return
        key = local_pipeline_key(self.model)  # also loads the pipeline here, so forked workers inherit it
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        # Small corpora are split evenly so every worker gets a share; big ones go in batches of batch_size.
        size = max(1, min(self.batch_size, -(-len(documents) // self.workers)))
        with ProcessPoolExecutor(self.workers, mp_context=context, initializer=_start,
                                 initargs=(self.model,)) as pool:
            yield from ordered_results(
                batches(documents, size),
                lambda batch: pool.submit(extract_batch, batch, self.model, self.batch_size),
                window=self.workers * 3,
                expected_key=key,
            )

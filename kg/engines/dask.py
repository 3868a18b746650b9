"""The Dask engine: per-document extraction as Dask tasks on a ``dask.distributed`` cluster; the rest stays here.

Each task parses and extracts a batch of documents on a worker (which loads the spaCy pipeline once and keeps it);
the client gathers the extractions in document order and does resolution and graph writing itself, so the output is
byte-identical to a serial build. Workers must have the same kg, spaCy model and cue files installed as the client:
every result carries the worker's pipeline key and a mismatch stops the build.

``scheduler`` is the address of a running scheduler (``tcp://host:8786``); without one, a LocalCluster of
``workers`` processes is started for the build and closed after it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from kg.engines.worker import batches, extract_batch, local_pipeline_key, ordered_results
from kg.extract import DocumentExtraction
from kg.model import Document


class DaskEngine:
    """Batches of documents as tasks on a Dask cluster, results gathered in order."""

    def __init__(self, scheduler: str | None, workers: int = 2, model: str | None = None,
                 batch_size: int = 16) -> None:
        self.scheduler = scheduler
        self.workers = workers
        self.model = model
        self.batch_size = batch_size

    def __call__(self, documents: Sequence[Document]) -> Iterator[DocumentExtraction]:
        if not documents:
            return
        from distributed import Client, LocalCluster

        key = local_pipeline_key(self.model)
        cluster = None
        if self.scheduler:
            client = Client(self.scheduler)
        else:
            cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
        try:
            n_workers = max(1, len(client.scheduler_info().get("workers", {})))
            size = max(1, min(self.batch_size, -(-len(documents) // n_workers)))
            yield from ordered_results(
                batches(documents, size),
                lambda batch: client.submit(extract_batch, batch, self.model, self.batch_size, pure=False),
                window=max(4, n_workers * 3),
                expected_key=key,
            )
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

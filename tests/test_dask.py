"""``kg build --engine dask``: extraction as tasks on a real dask.distributed cluster, same files as a serial build."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import kg
from kg.engines.worker import PipelineMismatch, ordered_results
from tests.build_helpers import same_output
from tests.conftest import SEEDS


def test_a_local_cluster_of_two_worker_processes_writes_the_serial_build(seed_build: Path, tmp_path: Path) -> None:
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      host="127.0.0.1") as cluster:
        result = kg.build(SEEDS, tmp_path, engine="dask", scheduler=cluster.scheduler_address, cache=False,
                          html=False, progress=False)
        assert len(cluster.workers) == 2
    assert result.cache_misses == 5
    same_output(seed_build, tmp_path)


def test_results_from_a_worker_with_another_pipeline_are_refused() -> None:
    """A worker with another kg version, model or cue files would build another graph: the build stops instead."""
    with ThreadPoolExecutor(1) as pool, pytest.raises(PipelineMismatch, match="another kg version"):
        list(ordered_results([[]], lambda batch: pool.submit(lambda: ("other-key", [])), 2, expected_key="mine"))

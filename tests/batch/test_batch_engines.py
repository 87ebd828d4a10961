"""The three engines behind one interface: a task's result or its error comes back through its future, and
the LocalCluster Kronika starts has workers forked with the pipeline loaded, which do not profile their tasks,
poll less often and keep glibc's default heap trimming."""

from __future__ import annotations

import os
import sys

import dask
import pytest

from kronika.batch.engines import LOCAL_CLUSTER_CONFIG, TRIMMING, Dask, Inline, Pool
from kronika.batch.pool import PRELOAD
from kronika.options import LIBRARY_DEFAULTS

ENGINES = {
    "inline": lambda: Inline(),
    "pool": lambda: Pool(2, LIBRARY_DEFAULTS),
    "dask": lambda: Dask(LIBRARY_DEFAULTS, workers=1, scheduler=None),
}


def half(number: int) -> int:
    """Module-level, so it pickles; a ValueError for an odd number."""
    if number % 2:
        raise ValueError(f"{number} is odd")
    return number // 2


@pytest.mark.parametrize("name", ENGINES)
def test_results_and_errors_come_back_through_the_future(name):
    with ENGINES[name]() as engine:
        futures = [engine.submit(half, n, key=f"half-{name}-{n}") for n in (4, 7)]
        while not all(f.done() for f in futures):
            engine.first_done([f for f in futures if not f.done()])
        assert futures[0].result() == 2
        with pytest.raises(ValueError, match="7 is odd"):
            futures[1].result()
        for future in futures:
            engine.release(future)


def worker_setting(key: str):
    """Module-level, so it pickles: a Dask setting and an environment variable as a worker sees them."""
    return dask.config.get(key), os.environ.get(TRIMMING)


def test_the_local_cluster_runs_with_kronikas_settings():
    with ENGINES["dask"]() as engine:
        for key, value in LOCAL_CLUSTER_CONFIG.items():
            seen, trimming = engine.submit(worker_setting, key).result()
            assert seen == value, key
            # Whatever this process has (an earlier cluster's nanny may have set it here), not the nanny's.
            assert trimming == os.environ.get(TRIMMING)


def preloaded() -> bool:
    """Module-level, so it pickles: whether this process holds what the pool's forkserver preloads (a worker
    spawned for itself never imports it)."""
    return PRELOAD in sys.modules


def test_the_local_clusters_workers_are_forked_with_the_pipelines_loaded():
    with ENGINES["dask"]() as engine:
        assert engine.submit(preloaded).result()

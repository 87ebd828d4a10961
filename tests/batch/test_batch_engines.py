"""The three engines behind one interface: a task's result or its error comes back through its future, and
the LocalCluster Kronika starts has workers that do not profile their tasks."""

from __future__ import annotations

import dask
import pytest

from kronika.batch.engines import Dask, Inline, Pool
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
        if name == "dask":
            profiling = engine.submit(dask.config.get, "distributed.worker.profile.enabled")
            assert profiling.result() is False

"""The warm pool: workers are forked from a server that loaded the pipeline, so none loads it alone."""

from __future__ import annotations

import pytest

from kronika.batch.pool import warm_pool


def loaded_in_worker() -> dict[str, int]:
    """What the worker process holds before it has analysed anything (module-level, so it pickles)."""
    from kronika.core import load_pipeline
    from kronika.kb.base import load_kb
    from kronika.stages.link import load_linker

    return {
        "pipeline": load_pipeline.cache_info().currsize,
        "kb": load_kb.cache_info().currsize,
        "linker": load_linker.cache_info().currsize,
    }


def nothing() -> None:
    """An initializer that loads nothing: whatever the worker holds came from the server."""


@pytest.mark.parametrize("workers", [1, 2])
def test_workers_start_loaded(workers):
    with warm_pool(workers, nothing) as pool:
        held = [pool.submit(loaded_in_worker).result() for _ in range(workers)]
    from kronika.lang import SUPPORTED

    # One pipeline and linker per language pack, all over the one knowledge base.
    one_each = {"pipeline": len(SUPPORTED), "kb": 1, "linker": len(SUPPORTED)}
    assert all(h == one_each for h in held), held

"""A process pool whose workers start with the pipeline loaded: `ingest --jobs` and `batch --engine local`.

Workers are forked from a ``forkserver`` (clean: no inherited database connection or threads of the
parent) that has imported ``kronika.batch.preload`` first, which loads every language pack's pipeline and
its resources. Each worker is a fork of that loaded server, so N workers cost one load (seconds, in the
server, while the parent reads its input) instead of N, and share the loaded pages until they write to them.

The forkserver is one per parent process and keeps the preload it started with: a pool made after another
forkserver pool in the same process reuses that server, and the initializer then loads in each worker
(instantly when the server was preloaded).
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

PRELOAD = "kronika.batch.preload"


def warm_pool(workers: int, initializer, initargs: tuple = ()) -> ProcessPoolExecutor:
    """``workers`` processes forked from a preloaded forkserver; ``initializer(*initargs)`` runs in each."""
    context = get_context("forkserver")
    context.set_forkserver_preload([PRELOAD])
    return ProcessPoolExecutor(workers, mp_context=context, initializer=initializer, initargs=initargs)

"""One BLAS thread per Kronika process.

numpy's BLAS (OpenBLAS here) starts a thread per core on its first matrix product, and the threads spin while
they wait for the next one. Kronika's matrix products are small (an article's story vector, a story's
similarities), so the threads buy little, and its parallelism is processes (``--jobs``, ``--workers``): with
the spinning threads `ingest --jobs 2` spent 218 ms of CPU per article and 85 without, and one-process
`ingest` 208 ms against 74 (400 BSNLP articles at load; docs/measured/batch.md, and
docs/history/batch.md for session 13). The variables must be
set before numpy loads its BLAS: the command line sets them first thing, and a worker pool's forkserver
inherits them. A number the user set is kept.
"""

from __future__ import annotations

import os

ONE_THREAD = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def one_thread_each() -> None:
    """One BLAS thread in this process, if numpy has not loaded yet, and in the processes it starts from here
    on, unless the user chose a number. A process whose numpy is already loaded keeps its threads."""
    for name in ONE_THREAD:
        os.environ.setdefault(name, "1")

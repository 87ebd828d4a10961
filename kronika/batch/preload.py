"""Imported once by the forkserver of ``kronika.batch.pool``: loads the pipelines that workers forked from it use.

Importing this module is the load (a forkserver only imports its preload modules); the loaded objects then
leave the garbage collector's reach (``kronika.batch.pool.preload``).
"""

from __future__ import annotations

from kronika.batch.pool import preload


def _preload() -> None:
    from kronika.batch.pool import load_worker
    from kronika.lang import SUPPORTED
    from kronika.options import AnalysisOptions

    for code in SUPPORTED:
        load_worker(AnalysisOptions(lang=code))


preload(_preload, "worker")

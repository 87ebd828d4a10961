"""Imported once by the forkserver of ``kronika.batch.pool``: loads the pipelines that workers forked from it use.

Importing this module is the load (a forkserver only imports its preload modules). The loaded objects are
then moved out of the garbage collector's reach (``gc.freeze``): they live as long as the process, and a
collection in a worker would otherwise touch every one of them and copy their pages from the server.
"""

from __future__ import annotations

import gc
import logging


def _preload() -> None:
    from kronika.batch.worker import load_worker
    from kronika.lang import SUPPORTED
    from kronika.options import AnalysisOptions

    for code in SUPPORTED:
        load_worker(AnalysisOptions(lang=code))


try:
    _preload()
except Exception as error:  # noqa: BLE001 - a failed preload must not kill the server; workers then load alone
    logging.getLogger("kronika").warning(
        "worker preload failed (%s: %s); each worker loads its own", type(error).__name__, error
    )
gc.freeze()

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

import gc
import logging
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

from kronika.blas import one_thread_each
from kronika.collector import fewer_collections
from kronika.errors import KronikaError
from kronika.options import AUTO, LIBRARY_DEFAULTS, AnalysisOptions

PRELOAD = "kronika.batch.preload"
IDENTIFIER = "kronika.batch.preload_langid"


def warm_pool(workers: int, initializer, initargs: tuple = (), *, preload: tuple[str, ...] = ()) -> ProcessPoolExecutor:
    """``workers`` processes forked from a preloaded forkserver; ``initializer(*initargs)`` runs in each.
    ``preload``: more modules for a new forkserver to import first (``kronika ingest``'s story encoder, the
    language identifier: ``preloads``)."""
    context = _server(preload)
    return ProcessPoolExecutor(workers, mp_context=context, initializer=initializer, initargs=initargs)


def start_server(preload: tuple[str, ...] = ()) -> None:
    """Start now the forkserver that ``warm_pool(..., preload=preload)`` forks its workers from, rather than on
    the pool's first task: its loading (seconds, on one core) then overlaps what the caller does first (the
    `ingest` writer imports the store and the story hook and opens the store, 0.4 s of CPU), instead of adding
    to it on the serial start of the run. A pool made later in this process uses this server."""
    from multiprocessing import forkserver

    _server(preload)
    forkserver.ensure_running()


def _server(preload: tuple[str, ...]):
    context = get_context("forkserver")
    context.set_forkserver_preload([*preload, PRELOAD])
    one_thread_each()  # before the server starts: it and its workers inherit the environment
    return context


def preloads(options) -> tuple[str, ...]:
    """What a pool analysing with ``options`` preloads beside the pipelines: the language identifier when
    articles' languages are identified (it costs seconds to load, wasted where a language is given)."""
    from kronika.options import AUTO

    return (IDENTIFIER,) if options.lang == AUTO else ()


def preload(load: Callable[[], None], what: str) -> None:
    """A forkserver preload module's body: ``load()``, then the loaded objects out of the garbage collector's
    reach (``gc.freeze``): they live as long as the process, and a collection in a worker would otherwise touch
    every one of them and copy their pages from the server. A failed load must not kill the server: the
    workers then load ``what`` each for themselves."""
    fewer_collections()  # the server's workers fork from it and inherit the thresholds
    try:
        load()
    except Exception as error:  # noqa: BLE001 - see above
        logging.getLogger("kronika").warning(
            "%s preload failed (%s: %s); each worker loads its own", what, type(error).__name__, error
        )
    gc.freeze()


def load_worker(options: AnalysisOptions = LIBRARY_DEFAULTS) -> None:
    """Load the pipeline and every stage's resources now, so the first partition does not pay for it."""
    from kronika.batch.lifecycle import die_with_parent
    from kronika.core import load_pipeline
    from kronika.record import Document

    die_with_parent()
    lang = options.lang
    if lang == AUTO:  # the identifier, and the Polish pipeline: the slowest to load
        warm_identifier()
        lang = "pl"
    try:
        load_pipeline(lang, options.parse)(Document(text="Start."))
    except KronikaError:
        pass  # a pipeline that cannot load is reported for each article it concerns, not as a dead worker


def warm_identifier() -> None:
    """Load the language identifier's models that articles use. The text is recognised by no pack, and as long
    as an article: lingua reads a text of 120 characters or more by its trigrams alone, and loads those models.
    A short warm-up ("warm-up") made it load the models of one- to five-letter n-grams besides, which articles
    never use: 3.6 s of CPU instead of 0.4, in the forkserver, and again in every worker it forked (2.3-3.3 s
    each, on the critical path of `ingest --jobs N` and `batch`), since lingua loads those on first need."""
    from kronika.lang.langid import detect_language

    detect_language(" ".join(["warm-up"] * 120))

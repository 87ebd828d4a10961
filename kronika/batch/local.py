"""The local engine, one article at a time: records in the order of their articles, analysed in this process
or in a pool of workers forked with the pipeline loaded (``kronika.batch.pool``). ``kronika ingest`` and
``kronika watch`` analyse through it; ``run_batch`` ships whole partitions to the same pool.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from operator import attrgetter

from kronika.errors import InputError, KronikaError
from kronika.options import AnalysisOptions
from kronika.record import Document, Token

log = logging.getLogger("kronika")
WINDOW = 16  # articles in flight per worker


def analysed(
    articles: Iterable,
    options: AnalysisOptions,
    *,
    jobs: int,
    extra: Callable[[Document], object] | None = None,
    preload: tuple[str, ...] = (),
    drop: tuple[str, ...] = (),
) -> Iterator[Document | KronikaError | tuple[Document, object]]:
    """Records (or errors) for ``articles`` in their order, in this process or in ``jobs`` worker processes.
    The options were checked when they were made, so a bad language never reaches a worker pool.

    With ``extra`` (a module-level function, so it pickles), each record comes as ``(record, extra(record))``,
    computed where the record was made: a writer's per-record work (story vectors) done by the workers. An
    ``extra`` that fails gives None: the writer then does that work itself, as without ``extra``. ``preload``:
    modules the pool's forkserver imports besides the pipelines (what ``extra`` loads, loaded once). ``drop``:
    list fields of the record (``tokens``, ``mentions``) that a worker empties once ``extra`` has made what
    the caller needed of them, so they do not travel (kept where ``extra`` failed, for the caller to redo it)."""
    from kronika.core import analyze_articles

    if jobs <= 1:
        for result in analyze_articles(articles, options):
            yield result if extra is None or isinstance(result, KronikaError) else (result, _apply(extra, result))
        return
    from kronika.batch.pool import load_worker, preloads, warm_pool

    # Forked from a preloaded forkserver: no inherited database connection or threads, the pipeline loaded once.
    work = partial(analyse_one, options=options, extra=extra, drop=drop)
    with warm_pool(jobs, load_worker, (options,), preload=(*preload, *preloads(options))) as pool:
        pending: deque = deque()
        for article in articles:
            if isinstance(article, KronikaError):
                yield article
                continue
            pending.append(pool.submit(work, article))
            # A bounded window keeps every worker busy without reading the whole input ahead. It must outlast
            # the caller's pauses: `ingest` writes 64 records in one transaction (about 0.4 s of the writer's
            # CPU), and 4 articles per worker in flight are only about 0.2 s of a worker's work.
            while len(pending) >= jobs * WINDOW:
                yield _unpack(pending.popleft().result())
        while pending:
            yield _unpack(pending.popleft().result())


def analyse_one(
    article,
    *,
    options: AnalysisOptions,
    extra: Callable[[Document], object] | None = None,
    drop: tuple[str, ...] = (),
) -> tuple:
    """Analyse one article in a worker. Errors travel as plain tuples: InputError does not unpickle."""
    from kronika.core import analyze_articles

    (result,) = analyze_articles([article], options)
    if isinstance(result, InputError):
        return ("error", result.code, result.source, result.problem)
    if isinstance(result, KronikaError):
        return ("error", result.code, article.source or article.id, result.message)
    made = _apply(extra, result) if extra is not None else None
    if made is not None:
        for name in drop:
            setattr(result, name, [])
    return ("record", _pack(result), extra is not None, made)


TOKEN_FIELDS = attrgetter(*(field.name for field in dataclasses.fields(Token)))


def _pack(doc: Document) -> tuple[Document, list[tuple]]:
    """The record to send to the parent, its tokens as plain tuples of their fields. Pickled as objects, a
    BSNLP article's 337 tokens were two thirds of its record's pickle, and the writer (one process for all
    workers) spent 2.3 ms an article unpickling it; 0.5 ms as tuples, the tokens rebuilt. The same record
    comes out: the store's rows do not change. The worker's record is not used after this."""
    tokens, doc.tokens = doc.tokens, []
    return doc, [TOKEN_FIELDS(token) for token in tokens]


def _unpacked(packed: tuple[Document, list[tuple]]) -> Document:
    doc, tokens = packed
    doc.tokens = [Token(*fields) for fields in tokens]
    return doc


def _apply(extra: Callable[[Document], object], doc: Document) -> object:
    try:
        return extra(doc)
    except Exception as error:  # noqa: BLE001 - the writer redoes it and reports what fails there
        name = getattr(extra, "__name__", "extra")
        log.warning(
            "%s of %s failed in a worker (%s: %s); the writer redoes it", name, doc.id, type(error).__name__, error
        )
        return None


def _unpack(result: tuple) -> Document | KronikaError | tuple[Document, object]:
    if result[0] == "error":
        _, code, source, problem = result
        return InputError(code, source, problem)
    _, packed, with_extra, made = result
    doc = _unpacked(packed)
    return (doc, made) if with_extra else doc

"""The local engine, one article at a time: records in the order of their articles, analysed in this process
or in a pool of workers forked with the pipeline loaded (``kronika.batch.pool``). ``kronika ingest`` and
``kronika watch`` analyse through it; ``run_batch`` ships whole partitions to the same pool.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from functools import partial

from kronika.errors import InputError, KronikaError
from kronika.options import AnalysisOptions
from kronika.record import Document


def analysed(articles: Iterable, options: AnalysisOptions, *, jobs: int) -> Iterator[Document | KronikaError]:
    """Records (or errors) for ``articles`` in their order, in this process or in ``jobs`` worker processes.
    The options were checked when they were made, so a bad language never reaches a worker pool."""
    from kronika.core import analyze_articles

    if jobs <= 1:
        yield from analyze_articles(articles, options)
        return
    from kronika.batch.pool import warm_pool
    from kronika.batch.worker import load_worker

    # Forked from a preloaded forkserver: no inherited database connection or threads, the pipeline loaded once.
    work = partial(analyse_one, options=options)
    with warm_pool(jobs, load_worker, (options,)) as pool:
        pending: deque = deque()
        for article in articles:
            if isinstance(article, KronikaError):
                yield article
                continue
            pending.append(pool.submit(work, article))
            # A bounded window keeps every worker busy without reading the whole input ahead.
            while len(pending) >= jobs * 4:
                yield _unpack(pending.popleft().result())
        while pending:
            yield _unpack(pending.popleft().result())


def analyse_one(article, *, options: AnalysisOptions) -> tuple:
    """Analyse one article in a worker. Errors travel as plain tuples: InputError does not unpickle."""
    from kronika.core import analyze_articles

    (result,) = analyze_articles([article], options)
    if isinstance(result, InputError):
        return ("error", result.code, result.source, result.problem)
    if isinstance(result, KronikaError):
        return ("error", result.code, article.source or article.id, result.message)
    return ("record", result)


def _unpack(result: tuple) -> Document | KronikaError:
    if result[0] == "error":
        _, code, source, problem = result
        return InputError(code, source, problem)
    return result[1]

"""What runs on a worker: one partition in (articles, or the line ranges it reads itself), its Parquet
files and done-marker out, a small summary back.

The pipeline is loaded once per worker process (``kronika.core.load_pipeline`` is a per-process cache;
``PipelinePlugin`` warms it when a Dask worker starts, the pool's initializer does the same locally), and
each worker writes its own files: only the summary travels back to the driver.
"""

from __future__ import annotations

import gc
import os
import re
import resource
import socket
import time
from collections import defaultdict

from kronika.batch import tables
from kronika.batch.output import DOCUMENTS, ERRORS, EVENTS, BatchOutput
from kronika.batch.partitions import Partition, ReadError, check_partition
from kronika.batch.pool import load_worker
from kronika.errors import InputError, KronikaError
from kronika.options import LIBRARY_DEFAULTS, AnalysisOptions

ISO_DATE = re.compile(r"^\d{4}(-\d{2}){0,2}$")


def process_partition(partition: Partition, out: str, options: AnalysisOptions = LIBRARY_DEFAULTS) -> dict:
    """Analyse the partition's articles, write its tables under ``out`` and return its summary."""
    from kronika.core import analyze_articles

    started = time.perf_counter()
    documents: dict[str | None, list[dict]] = defaultdict(list)
    events: dict[str | None, list[dict]] = defaultdict(list)
    errors: list[dict] = []
    items = partition.read(date=options.date, max_bytes=options.max_bytes)
    check_partition(partition, items, options.lang)
    results = iter(analyze_articles([item for item in items if not isinstance(item, ReadError)], options))
    counts = {"articles": 0, "failed": 0, "events": 0}
    languages: dict[str, int] = {}
    for position, item in enumerate(items):
        if isinstance(item, ReadError):
            errors.append(
                tables.error_row(item.code, item.source, item.message, partition=partition.id, position=position)
            )
            counts["failed"] += 1
            continue
        result = next(results)
        if isinstance(result, KronikaError):
            source = result.source if isinstance(result, InputError) else item.source or item.id
            problem = result.problem if isinstance(result, InputError) else result.message
            errors.append(tables.error_row(result.code, source, problem, partition=partition.id, position=position))
            counts["failed"] += 1
            continue
        documents[_partition_date(result.date)].append(
            tables.document_row(result, input=item.source, partition=partition.id, position=position)
        )
        for row in tables.event_rows(result, partition=partition.id):
            events[_partition_date(row["date"])].append(row)
            counts["events"] += 1
        counts["articles"] += 1
        languages[result.lang] = languages.get(result.lang, 0) + 1
    output = {
        DOCUMENTS: {date: tables.table(rows, tables.DOCUMENTS) for date, rows in documents.items()},
        EVENTS: {date: tables.table(rows, tables.EVENTS) for date, rows in events.items()},
    }
    if errors:
        output[ERRORS] = {None: tables.table(errors, tables.ERRORS)}
    summary = {
        "index": partition.index,
        "items": len(items),
        **counts,
        "languages": languages,
        "seconds": round(time.perf_counter() - started, 3),
        **worker_info(),
    }
    files = BatchOutput(out).write_partition(partition.id, output, summary)
    return {**summary, "partition": partition.id, "files": files}


def _partition_date(value: str | None) -> str | None:
    # The directory name must be the row's own date (a reader filtering on `day` expects it); the pipeline
    # only gives ISO dates, so anything else would be a bug, kept readable under the null partition.
    return value if value and ISO_DATE.match(value) else None


def worker_info() -> dict:
    """Which process did the work and its peak resident memory so far (ru_maxrss is KiB on Linux)."""
    return {
        "worker": f"{socket.gethostname()}:{os.getpid()}",
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # pragma: no cover - distributed is a declared dependency; only the Dask engine needs it
    WorkerPlugin = object


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline once when a Dask worker starts (and again in a worker that replaces a dead one)."""

    name = "kronika-pipeline"

    def __init__(self, options: AnalysisOptions = LIBRARY_DEFAULTS):
        self.options = options

    async def setup(self, worker) -> None:
        import asyncio

        from kronika.collector import fewer_collections

        fewer_collections()  # a worker of a running scheduler's cluster is not forked from the pool's server
        # Loading takes seconds; off the event loop, the worker keeps answering the scheduler meanwhile.
        await asyncio.get_running_loop().run_in_executor(None, load_worker, self.options)
        # As the pool's forkserver does (kronika.batch.preload): the loaded pipeline lives as long as the
        # worker, so a full collection need not walk its 650,000 objects (0.4 s each time, measured).
        gc.freeze()

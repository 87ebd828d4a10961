"""``run_batch``: plan partitions, skip finished ones, run the rest on an engine, report what happened.

Engines: ``local`` runs in this process (one worker) or a process pool (several); ``dask`` submits to a
Dask scheduler (given by address, or a LocalCluster started here). Either way the driver only reads and
hashes the input, ships partitions, and collects small summaries; workers analyse and write.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import partial

from kronika.batch.inputs import read_inputs
from kronika.batch.output import BatchOutput
from kronika.batch.partitions import DEFAULT_SIZE, Partition, Planner
from kronika.batch.pool import warm_pool
from kronika.batch.worker import PipelinePlugin, load_worker, process_partition
from kronika.errors import KronikaError
from kronika.options import LIBRARY_DEFAULTS, AnalysisOptions

ENGINES = ("local", "dask")
WINDOW_PER_WORKER = 2  # partitions queued per worker: keeps each busy without reading the input far ahead

Progress = Callable[[str, dict], None]


@dataclass
class BatchReport:
    partitions: int = 0  # processed in this run
    skipped: int = 0  # finished by an earlier run (done-marker present)
    articles: int = 0  # analysed and written, this run and earlier ones
    events: int = 0
    failed: int = 0  # inputs and articles in the errors table
    duplicates: int = 0  # articles repeated in the input, kept once
    failed_partitions: list[tuple[str, str]] = field(default_factory=list)  # (partition, error)
    workers: dict[str, float] = field(default_factory=dict)  # worker -> peak resident MiB
    processed_articles: int = 0  # articles (and failures) handled in this run, for the rate
    seconds: float = 0.0
    dashboard: str | None = None
    languages: dict[str, int] = field(default_factory=dict)  # articles per language, this run and earlier

    @property
    def rate(self) -> float:
        """Items (articles and failed inputs) per second processed in this run."""
        return self.processed_articles / self.seconds if self.seconds else 0.0

    @property
    def ok(self) -> bool:
        return not self.failed and not self.failed_partitions


def run_batch(
    inputs: Iterable[str],
    out: str,
    *,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    partition_size: int = DEFAULT_SIZE,
    options: AnalysisOptions = LIBRARY_DEFAULTS,
    progress: Progress | None = None,
    on_dashboard: Callable[[str], None] | None = None,
) -> BatchReport:
    """Analyse ``inputs`` into the batch output directory ``out`` (see ``kronika.batch.output``); ``options``
    travel to every worker (its language, its date for inputs without one, its input size limit).

    ``progress(kind, summary)`` is called once per partition: ``done`` (with the worker's summary),
    ``skipped`` (finished earlier; the marker's summary) or ``failed`` (``{"partition", "items", "error"}``).
    A rerun with the same inputs skips finished partitions and gives the same files as one uninterrupted run.
    """
    if engine not in ENGINES:
        raise KronikaError("E704", f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if scheduler and engine != "dask":
        raise KronikaError("E704", "--scheduler needs --engine dask")
    output = BatchOutput(out)
    lock = output.prepare()
    report = BatchReport()
    started = time.perf_counter()
    # A partition's id hashes the language only: the records' tables hold no tokens, so nothing else of the
    # options changes what a partition writes.
    planner = Planner(size=partition_size, lang=options.lang)

    def note(kind: str, summary: dict) -> None:
        if kind == "failed":
            report.failed_partitions.append((summary["partition"], summary["error"]))
        else:
            report.partitions += kind == "done"
            report.skipped += kind == "skipped"
            report.articles += summary["articles"]
            report.events += summary["events"]
            report.failed += summary["failed"]
            for code, count in summary.get("languages", {}).items():  # markers of older runs have none
                report.languages[code] = report.languages.get(code, 0) + count
            if kind == "done":
                report.processed_articles += summary["items"]
                worker = summary["worker"]
                report.workers[worker] = max(report.workers.get(worker, 0.0), summary["peak_rss_mib"])
        if progress:
            progress(kind, summary)

    def pending() -> Iterator[Partition]:
        for part in planner.partitions(read_inputs(inputs, date=options.date, max_bytes=options.max_bytes)):
            if output.is_done(part.id):
                note("skipped", output.read_marker(part.id))
            else:
                yield part

    run = partial(process_partition, out=str(out), options=options)
    try:
        if engine == "dask":
            _run_dask(
                pending(),
                run,
                note,
                options=options,
                workers=workers,
                scheduler=scheduler,
                report=report,
                on_dashboard=on_dashboard,
            )
        elif (workers or 1) <= 1:
            for part in pending():
                _finish(note, part, lambda p=part: run(p))
        else:
            _run_pool(pending(), run, note, options=options, workers=workers)
    finally:
        report.duplicates = planner.duplicates
        report.seconds = time.perf_counter() - started
        # Temporary files of partitions that failed or were lost with a dead worker; their redo wrote its own.
        output.remove_temporary()
        lock.release()
    return report


def _finish(note, part: Partition, result: Callable[[], dict]) -> None:
    try:
        summary = result()
    except Exception as error:  # noqa: BLE001 - one failed partition is reported; the rerun redoes it
        problem = f"{type(error).__name__}: {error}"
        note("failed", {"partition": part.id, "items": part.size, "error": problem})
    else:
        note("done", summary)


def _run_pool(parts: Iterator[Partition], run, note, *, options: AnalysisOptions, workers: int) -> None:
    # Forked from a preloaded forkserver: clean (no inherited threads or handles), the pipeline loaded once.
    with warm_pool(workers, load_worker, (options,)) as pool:
        running: dict = {}
        try:
            for part in parts:
                running[pool.submit(run, part)] = part
                while len(running) >= workers * WINDOW_PER_WORKER:
                    _collect(running, note, wait(running, return_when=FIRST_COMPLETED).done)
        except BrokenProcessPool:
            # A pool cannot replace a dead worker (Dask can); the finished partitions stay done.
            raise KronikaError(
                "E707",
                "a worker process died (out of memory, or killed); rerun the same "
                "command to redo the unfinished partitions",
            ) from None
        while running:
            _collect(running, note, wait(running, return_when=FIRST_COMPLETED).done)


def _collect(running: dict, note, finished) -> None:
    for future in finished:
        _finish(note, running.pop(future), future.result)


def _run_dask(
    parts: Iterator[Partition],
    run,
    note,
    *,
    options: AnalysisOptions,
    workers: int | None,
    scheduler: str | None,
    report: BatchReport,
    on_dashboard,
) -> None:
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    try:
        if scheduler:
            try:
                client = Client(scheduler, timeout="20s")
            except (OSError, TimeoutError) as error:
                raise KronikaError(
                    "E705",
                    f"{scheduler}: no Dask scheduler answers there ({error}); start "
                    "one with `dask scheduler` and workers with `dask worker ADDRESS`",
                ) from None
        else:
            # One thread per worker: the pipeline is pure Python, so threads would only share one core.
            cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True, dashboard_address=":0")
            client = Client(cluster)
        with client:
            report.dashboard = _dashboard(client)
            if report.dashboard and on_dashboard:
                on_dashboard(report.dashboard)
            client.register_plugin(PipelinePlugin(options))
            window = max(1, len(client.scheduler_info().get("workers", {}))) * WINDOW_PER_WORKER
            queue = as_completed()
            parts_of: dict = {}
            for part in parts:
                # Keyed by partition id; the scheduler reruns a partition lost with a dead worker elsewhere.
                future = client.submit(run, part, key=f"kronika-partition-{part.id}")
                parts_of[future.key] = part
                queue.add(future)
                while queue.count() >= window:
                    _collect_dask(next(queue), parts_of, note)
            for future in queue:
                _collect_dask(future, parts_of, note)
    finally:
        if cluster is not None:
            cluster.close()


def _collect_dask(future, parts_of: dict, note) -> None:
    part = parts_of.pop(future.key)
    _finish(note, part, future.result)
    future.release()


def _dashboard(client) -> str | None:
    """The scheduler's dashboard address when it serves one (it needs bokeh on the scheduler's host)."""
    try:
        if "dashboard" not in client.scheduler_info().get("services", {}):
            return None
        return client.dashboard_link
    except Exception:  # noqa: BLE001 - the dashboard is a convenience; its absence must not stop the batch
        return None

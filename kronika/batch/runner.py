"""``run_batch``: plan partitions, skip finished ones, run the rest on an engine, report what happened.

Engines (``kronika.batch.engines``): ``local`` runs in this process (one worker) or a process pool (several);
``dask`` submits to a Dask scheduler (given by address, or a LocalCluster started here). Either way the
driver only cuts the input into plans (finding line boundaries in JSON Lines files, reading other inputs),
names them from the keys the workers send back, and collects small summaries; workers read their own lines,
analyse and write.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import partial

from kronika.batch.engines import Dask, Inline, Pool
from kronika.batch.inputs import read_inputs
from kronika.batch.output import BatchOutput
from kronika.batch.partitions import DEFAULT_SIZE, Partition, Plan, Planner, index_items
from kronika.batch.worker import process_partition
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

    reading = {"date": options.date, "max_bytes": options.max_bytes}
    plans = planner.plans(read_inputs(inputs, by_reference=True, **reading))
    run = partial(process_partition, out=str(out), options=options)
    try:
        with _engine(engine, workers, scheduler, options, on_dashboard) as tasks:
            report.dashboard = getattr(tasks, "dashboard", None)
            try:
                _drive(plans, tasks, planner, output, note, run, reading)
            except BrokenProcessPool:
                # A pool cannot replace a dead worker (Dask can); the finished partitions stay done.
                raise KronikaError(
                    "E707",
                    "a worker process died (out of memory, or killed); rerun the same "
                    "command to redo the unfinished partitions",
                ) from None
    finally:
        report.duplicates = planner.duplicates
        report.seconds = time.perf_counter() - started
        # Temporary files of partitions that failed or were lost with a dead worker; their redo wrote its own.
        output.remove_temporary()
        lock.release()
    return report


def _engine(engine: str, workers: int | None, scheduler: str | None, options: AnalysisOptions, on_dashboard):
    if engine == "dask":
        return Dask(options, workers=workers, scheduler=scheduler, on_dashboard=on_dashboard)
    if (workers or 1) <= 1:
        return Inline()
    return Pool(workers, options)


def _drive(plans: Iterator[Plan], tasks: Inline, planner: Planner, output: BatchOutput, note, run, reading) -> None:
    """Index the plans ahead (on the workers when they hold line ranges), name and deduplicate them in
    input order, skip the finished ones and keep a bounded window of partitions running."""
    window = tasks.workers * WINDOW_PER_WORKER
    ahead: deque = deque()  # (plan, its keys or the future of its keys), in input order
    running: dict = {}

    def look_ahead() -> None:
        # Indexing is cheap next to analysis; twice the window ahead, a plan's keys are there when needed.
        while len(ahead) < 2 * window and (plan := next(plans, None)) is not None:
            keys = tasks.submit(index_items, plan.items, **reading) if plan.by_reference else None
            ahead.append((plan, keys))

    look_ahead()
    while ahead:
        plan, keys = ahead.popleft()
        look_ahead()
        try:
            keys = index_items(plan.items, **reading) if keys is None else _result(tasks, keys)
        except Exception as error:  # noqa: BLE001 - one unreadable plan is reported; the rerun redoes it
            note("failed", {"partition": f"input-{plan.index}", "items": plan.size, "error": _problem(error)})
            continue
        part = planner.partition(plan, keys)
        if part is None:  # every article of it came earlier in the input
            continue
        if output.is_done(part.id):
            note("skipped", output.read_marker(part.id))
            continue
        # Keyed by partition id: Dask reruns a partition lost with a dead worker elsewhere.
        running[tasks.submit(run, part, key=f"kronika-partition-{part.id}")] = part
        while len(running) >= window:
            _collect(tasks, running, note)
    while running:
        _collect(tasks, running, note)


def _result(tasks: Inline, future):
    try:
        return future.result()
    finally:
        tasks.release(future)


def _collect(tasks: Inline, running: dict, note) -> None:
    for future in tasks.first_done(running):
        _finish(note, running.pop(future), lambda future=future: _result(tasks, future))


def _finish(note, part: Partition, result: Callable[[], dict]) -> None:
    try:
        summary = result()
    except Exception as error:  # noqa: BLE001 - one failed partition is reported; the rerun redoes it
        note("failed", {"partition": part.id, "items": part.size, "error": _problem(error)})
    else:
        note("done", summary)


def _problem(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"

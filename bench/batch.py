"""Batch throughput on one input: one process, a local pool of N, Dask with N workers (a benchmark, never
a test).

Writes the BSNLP Polish news articles (``../shared/data/bsnlp-pl``, read as ``bench/throughput.py`` reads
them) to one JSONL file and runs ``kronika.batch.run_batch`` on it three times into fresh output directories:
``--engine local --workers 1`` (in this process, pipeline already loaded), ``--engine local --workers N``
and ``--engine dask --workers N`` (a LocalCluster). Prints, for each, articles/s over the wall clock (with
the workers' start-up) and in the steady state (from the first finished partition to the last), the scaling
against one process, peak resident memory per worker, the per-article cost of each pipeline stage, and the
number of workers a stream of articles needs.

    .venv/bin/python bench/batch.py [--data ../shared/data] [--limit 400] [--workers 2] [--partition-size 8]

Needs the machine to itself: other processes on the same cores depress the scaling it measures.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import read_bsnlp, timed_pass

from kronika.batch import run_batch
from kronika.core import load_pipeline
from kronika.record import Document

ARTICLES_PER_DAY = 1_000_000
PEAK_TO_MEAN = 2.5  # news arrive unevenly: the busiest hour carries about 2-3x the day's mean rate
HEADROOM = 1.25  # spare capacity so a burst or a lost worker does not build a backlog


def write_input(docs: list[Document], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as out:
        records = ({"date": doc.date, "title": doc.title, "text": doc.text} for doc in docs)
        out.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def stage_costs(docs: list[Document]) -> tuple[dict[str, float], float]:
    """Milliseconds per article for each stage, in this process, after a warm-up pass; and the load time."""
    started = time.perf_counter()
    pipeline = load_pipeline("pl")
    pipeline(Document(text="Start."))
    startup = time.perf_counter() - started
    timed_pass(pipeline, docs[: max(1, len(docs) // 10)])  # warm caches
    per_stage, _tokens = timed_pass(pipeline, docs)
    return {name: 1000 * t / len(docs) for name, t in per_stage.items()}, startup


def tree_cpu() -> dict[int, tuple[float, float]]:
    """CPU seconds (user, system) so far of this process and every process below it (pool workers and their
    forkserver, Dask's workers; the scheduler and the nannies of a LocalCluster run in this process)."""
    import psutil

    me = psutil.Process()
    seconds = {}
    for process in [me, *me.children(recursive=True)]:
        try:
            times = process.cpu_times()
        except psutil.Error:  # ended between the listing and the reading
            continue
        seconds[process.pid] = (times.user, times.system)
    return seconds


def measure(name: str, source: Path, out: Path, **options) -> dict:
    finished: list[tuple[float, int]] = []
    cpu: list[dict[int, float]] = []  # the tree's CPU at the first and the latest finished partition

    def progress(kind: str, summary: dict) -> None:
        if kind == "done":
            finished.append((time.perf_counter(), summary["items"]))
            cpu[1:] = [tree_cpu()]
            cpu[:1] = cpu[:1] or cpu[1:]

    started = time.perf_counter()
    report = run_batch([str(source)], out, progress=progress, **options)
    wall = time.perf_counter() - started
    if not report.ok or not finished:
        raise SystemExit(f"{name}: the batch failed: {report}")
    # Steady state: articles finished after the first partition, over the time since it finished.
    steady = (
        sum(n for _, n in finished[1:]) / (finished[-1][0] - finished[0][0])
        if len(finished) > 2
        else report.processed_articles / wall
    )
    # CPU of every process per article in the steady state: what the engine costs beside the analysis, measured
    # in a way other load on the machine barely changes (unlike the wall clock).
    first, last = cpu[0], cpu[-1]
    # A process started since the first partition (a replaced worker) counts for nothing, start-up included.
    per_article = 1000 / max(1, sum(n for _, n in finished[1:]))
    user = {pid: (t[0] - first.get(pid, t)[0]) * per_article for pid, t in last.items()}
    system = {pid: (t[1] - first.get(pid, t)[1]) * per_article for pid, t in last.items()}
    return {
        "name": name,
        "articles": report.articles,
        "cpu_ms": sum(user.values()) + sum(system.values()),
        "driver_ms": user[os.getpid()] + system[os.getpid()],
        "system_ms": sum(system.values()),
        "wall": report.processed_articles / wall,
        "steady": steady,
        "seconds": wall,
        "memory": sorted(report.workers.values()),
        "dashboard": report.dashboard,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    parser.add_argument("--limit", type=int, default=400, help="articles to use (0: all 1,098)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partition-size", type=int, default=8)
    args = parser.parse_args()
    import distributed  # noqa: F401 - its import sets its loggers to INFO; only the numbers below matter

    logging.getLogger("distributed").setLevel(logging.ERROR)

    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    docs = read_bsnlp(Path(args.data) / "bsnlp-pl", args.limit or None)
    if not docs:
        print(f"no BSNLP texts under {args.data}/bsnlp-pl", file=sys.stderr)
        return 1
    chars = sum(len(d.text) for d in docs)
    costs, startup = stage_costs(docs)
    with tempfile.TemporaryDirectory(prefix="kronika-bench-batch-") as tmp:
        source = Path(tmp) / "input.jsonl"
        write_input(docs, source)
        size = args.partition_size
        runs = [
            measure("1 process", source, Path(tmp) / "one", workers=1, partition_size=size),
            measure(
                f"local pool, {args.workers} processes",
                source,
                Path(tmp) / "pool",
                workers=args.workers,
                partition_size=size,
            ),
            measure(
                f"Dask LocalCluster, {args.workers} workers",
                source,
                Path(tmp) / "dask",
                engine="dask",
                workers=args.workers,
                partition_size=size,
            ),
        ]
    print(
        f"input: {len(docs)} BSNLP Polish articles, {chars / 1e6:.2f} M characters, "
        f"partitions of {args.partition_size}; pipeline start-up in one process {startup:.1f} s"
    )
    one = runs[0]["steady"]
    for run in runs:
        memory = ", ".join(f"{m:.0f}" for m in run["memory"])
        print(
            f"{run['name']:<32} {run['steady']:6.1f} articles/s steady ({run['steady'] / one:.2f}x), "
            f"{run['wall']:6.1f} articles/s wall with start-up ({run['seconds']:.1f} s); "
            f"CPU of all processes {run['cpu_ms']:.1f} ms/article steady ({run['cpu_ms'] / runs[0]['cpu_ms']:.2f}x; "
            f"this process {run['driver_ms']:.1f}, system {run['system_ms']:.1f}); "
            f"peak MiB per worker: {memory}"
        )
    total = sum(costs.values())
    print(
        "ms per article: "
        + ", ".join(f"{name} {ms:.2f}" for name, ms in costs.items())
        + f"; all stages {total:.1f} ms ({1000 / total:.1f} articles/s per core)"
    )
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        f"peak memory of this process (driver + 1-process run): "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    )
    per_worker = max(runs[1]["steady"], runs[2]["steady"]) / args.workers
    mean = ARTICLES_PER_DAY / 86_400
    peak = mean * PEAK_TO_MEAN
    print(
        f"projection for {ARTICLES_PER_DAY:,} articles a day: mean {mean:.1f} articles/s, busiest hour "
        f"~{peak:.0f} articles/s; at {per_worker:.1f} articles/s per worker that is "
        f"{math.ceil(peak / per_worker * HEADROOM)} workers ({HEADROOM:.2f}x headroom)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

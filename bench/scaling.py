"""Scaling of the commands that run several processes: `ingest --jobs N`, `batch --engine local/dask --workers N`,
each against its one-process run in the same session (a benchmark, never a test).

Writes the first ``--limit`` BSNLP Polish articles (read as ``bench/throughput.py`` reads them) to one JSONL
file and runs every command as a user would, a new ``python -m kronika`` process each time (start-up,
reading, analysis and writing all inside the wall time), into a fresh store or output directory. The
commands take turns, ``--repeat`` rounds, and each keeps its best (least) wall time: another process on the
same cores only ever adds time. Prints seconds, articles/s and the ratio to the one-process run of the
same command, with the load average when each best run ended: a ratio measured beside other work on the same
cores says little. The CPU time of every process of a run (the command, its forkserver and workers, sampled
every 0.2 s, as forkserver children are nobody's to wait for: the last 0.2 s of a process can be missed) per
article is the steadier number, and it is printed by role: the command's own process (ingest's writer, batch's
driver and, with Dask's LocalCluster, its scheduler), the forkserver, the N busiest other processes (the
workers) and the rest (Dask's nannies). The serial CPU is the command's before it started any other process
(the head), the forkserver's (its preload, before any worker exists) and the command's after the workers' last
CPU (the tail: the last batch written, closing). From those, the run with the least CPU on each side predicts
the ratio on N free cores: the one-process run's CPU against the N-process run's serial CPU plus the rest
spread over N cores. On a loaded machine that prediction, not the wall-time ratio, is what the code decides.

``--code DIR`` runs the same commands from another checkout too (``git worktree add DIR COMMIT``), taking turns
with this one, so code before and after a change is measured in the same minutes.

    .venv/bin/python bench/scaling.py [--limit 400] [--workers 2] [--repeat 3] [--only ingest|batch|dask] [--partition-size 8]
                                      [--code ../kronika-before]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import read_bsnlp  # noqa: E402


def commands(source: Path, workers: int, partition_size: int = 8) -> dict[str, tuple[str, list[list[str]]]]:
    """name -> (family, [one-process command, N-process command]) with OUT standing for a fresh target."""
    size = ["--partition-size", str(partition_size)]
    return {
        "ingest": (
            "ingest",
            [
                ["ingest", str(source), "--db", "OUT/store.db", "--jobs", "1"],
                ["ingest", str(source), "--db", "OUT/store.db", "--jobs", str(workers)],
            ],
        ),
        "batch": (
            "batch",
            [
                ["batch", str(source), "--out", "OUT/batch", "--workers", "1", *size],
                ["batch", str(source), "--out", "OUT/batch", "--workers", str(workers), *size],
            ],
        ),
        "dask": (
            "batch",
            [
                ["batch", str(source), "--out", "OUT/batch", "--workers", "1", *size],
                ["batch", str(source), "--out", "OUT/batch", "--engine", "dask", "--workers", str(workers), *size],
            ],
        ),
    }


@dataclass
class Timing:
    """One run of a command: wall seconds, the load average when it ended, and its processes' CPU seconds by
    role (see ``roles``)."""

    wall: float
    load: float
    cpu: float  # all its processes
    own: float  # the command's own process: ingest's writer, batch's driver (with Dask: and the scheduler)
    head: float  # the own process's CPU before it started any other process: serial
    tail: float  # the own process's CPU after the workers' last CPU: serial (the last batch written, closing)
    server: float  # forkservers' own CPU (their preload, before any worker forks): serial
    workers: list[float] = field(default_factory=list)  # the busiest N other processes, busiest first
    others: float = 0.0  # every other process (Dask's nannies, resource trackers)
    phases: dict[str, float] = field(default_factory=dict)  # batch runs: where the wall time went (``phases``)

    def serial(self) -> float:
        return self.head + self.server + self.tail

    def predicted(self, cores: int) -> float:
        """Wall seconds on ``cores`` free cores: the serial CPU on one core, the rest spread over all of them
        (every process runnable meanwhile: the workers have a window of work, the writer keeps up)."""
        return self.serial() + (self.cpu - self.serial()) / cores


def roles(samples: dict[int, list[tuple[float, float]]], info: dict[int, tuple[int, str]], own: int, workers: int):
    """``Timing`` fields from the CPU samples (pid -> [(seconds since start, CPU seconds)]) of a run whose
    command is ``own``; ``info``: pid -> (parent pid, command line)."""
    last = {pid: series[-1][1] for pid, series in samples.items()}
    others = [pid for pid in samples if pid != own]
    first_child = min((samples[pid][0][0] for pid in others), default=float("inf"))
    own_series = samples.get(own, [(0.0, 0.0)])

    def own_at(moment: float) -> float:  # the own process's CPU at its last sample before ``moment``
        return max((cpu for t, cpu in own_series if t <= moment), default=0.0)

    # A forkserver is a process started as one whose parent is not one (its children are its forks).
    servers = [
        pid for pid in others if "forkserver" in info[pid][1] and "forkserver" not in info.get(info[pid][0], (0, ""))[1]
    ]
    busiest = sorted((pid for pid in others if pid not in servers), key=last.get, reverse=True)[:workers]
    busiest = [pid for pid in busiest if workers > 1]  # a one-process run has no workers
    worked = [
        max((t for (t, cpu), (_, before) in zip(samples[pid][1:], samples[pid]) if cpu > before), default=0.0)
        for pid in busiest
    ]
    tail = last.get(own, 0.0) - own_at(max(worked)) if worked else 0.0
    return {
        "own": last.get(own, 0.0),
        "head": own_at(first_child) if others else last.get(own, 0.0),
        "tail": tail,
        "server": sum(last[pid] for pid in servers),
        "workers": [last[pid] for pid in busiest],
        "others": sum(last[pid] for pid in others if pid not in servers and pid not in busiest),
    }


def phases(out: Path, started: float, ended: float) -> dict[str, float]:
    """Where a batch run's wall time went, from its done-markers (each partition's worker, its seconds of
    reading, analysis and table making, and the marker's time, written last): ``start`` from the launch to
    the first partition's start (imports, the workers' start and loading), ``run`` from there to the last
    partition's end, ``spread`` between the workers' last ends (one core idle: the partitions' granularity),
    ``end`` from the last end to the command's exit (closing the workers, the summary), and ``busy``, the
    partitions' seconds over the workers' share of ``run`` (under 1: workers waiting for work or writing)."""
    ends: dict[str, float] = {}
    first, busy = float("inf"), 0.0
    for marker in (out / "_done").glob("*.json"):
        summary = json.loads(marker.read_text(encoding="utf-8"))
        end = marker.stat().st_mtime - started
        first = min(first, end - summary["seconds"])
        ends[summary["worker"]] = max(ends.get(summary["worker"], 0.0), end)
        busy += summary["seconds"]
    if not ends:
        return {}
    last = max(ends.values())
    return {
        "start": first,
        "run": last - first,
        "spread": last - min(ends.values()),
        "end": ended - started - last,
        "busy": busy / (len(ends) * (last - first)) if last > first else 0.0,
    }


def run(command: list[str], tmp: Path, code: Path = ROOT, keep: Path | None = None, workers: int = 1) -> Timing:
    """``command`` run from the checkout ``code``, its processes' CPU sampled every 0.2 s (forkserver children
    are nobody's to wait for); its output is moved to ``keep`` when given."""
    import psutil

    with tempfile.TemporaryDirectory(dir=tmp) as out:
        argv = [sys.executable, "-m", "kronika", *(part.replace("OUT", out) for part in command)]
        started, launched = time.perf_counter(), time.time()
        process = subprocess.Popen(argv, cwd=code, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples: dict[int, list[tuple[float, float]]] = {}  # pid -> [(seconds since start, CPU seconds)]
        info: dict[int, tuple[int, str]] = {}  # pid -> (parent pid, command line)
        parent = psutil.Process(process.pid)
        while process.poll() is None:
            moment = time.perf_counter() - started
            try:
                for child in [parent, *parent.children(recursive=True)]:
                    try:
                        times = child.cpu_times()
                        if child.pid not in info:
                            info[child.pid] = (child.ppid(), " ".join(child.cmdline()))
                        samples.setdefault(child.pid, []).append((moment, times.user + times.system))
                    except psutil.Error:
                        pass  # ended between the listing and the reading
            except psutil.Error:
                pass
            time.sleep(0.2)
        wall = time.perf_counter() - started
        if process.returncode:
            raise subprocess.CalledProcessError(process.returncode, argv)
        spent = phases(Path(out) / "batch", launched, launched + wall) if command[0] == "batch" else {}
        if keep is not None:
            shutil.rmtree(keep, ignore_errors=True)
            shutil.move(out, keep)
            Path(out).mkdir()
        cpu = sum(series[-1][1] for series in samples.values())
        return Timing(wall, os.getloadavg()[0], cpu, phases=spent, **roles(samples, info, process.pid, workers))


def describe(timing: Timing, n: int) -> str:
    """One run's wall time and where its CPU went, per article (ms) and in serial seconds."""
    ms = 1000 / n
    text = f"{timing.wall:.1f} s, load {timing.load:.1f}, CPU {timing.cpu * ms:.1f} ms/article"
    if timing.phases:
        spent = timing.phases
        text += (
            f" (wall: start {spent['start']:.1f} s, partitions {spent['run']:.1f} s, workers' ends {spent['spread']:.1f} s"
            f" apart, end {spent['end']:.1f} s; workers busy {100 * spent['busy']:.0f}%)"
        )
    if not timing.workers:
        return text
    workers = ", ".join(f"{cpu * ms:.1f}" for cpu in timing.workers)
    return (
        f"{text} = own process {timing.own * ms:.1f} (serial: head {timing.head:.1f} s, tail {timing.tail:.1f} s)"
        f" + forkserver {timing.server:.1f} s + workers {workers} + others {timing.others * ms:.1f}"
    )


def report(name: str, ones: list[Timing], manys: list[Timing], n: int, workers: int) -> None:
    """The best wall times and their ratio (the load decides much of it on a shared machine), then the ratio
    the CPU predicts on free cores, from each side's run with the least CPU: the one-process run's CPU against
    the N-process run's serial CPU plus the rest spread over N cores."""
    one, many = min(ones, key=lambda t: t.wall), min(manys, key=lambda t: t.wall)
    print(
        f"{name:<7} wall: 1 process {one.wall:6.1f} s ({n / one.wall:5.1f} articles/s, load {one.load:.1f})   "
        f"{workers} processes {many.wall:6.1f} s ({n / many.wall:5.1f} articles/s, load {many.load:.1f})   "
        f"{one.wall / many.wall:.2f}x"
    )
    one, many = min(ones, key=lambda t: t.cpu), min(manys, key=lambda t: t.cpu)
    print(f"        CPU, least of the runs: 1 process {describe(one, n)}")
    print(f"        {workers} processes {describe(many, n)}")
    print(
        f"        serial CPU {many.serial():.1f} s of {many.cpu:.1f} s ({100 * many.serial() / many.cpu:.1f}%); on "
        f"{workers} free cores: 1 process {one.cpu:.1f} s, {workers} processes {many.predicted(workers):.1f} s: "
        f"{one.cpu / many.predicted(workers):.2f}x predicted"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", action="append", choices=("ingest", "batch", "dask"))
    parser.add_argument(
        "--partition-size", type=int, default=8, help="batch's articles per partition (its own default is 64)"
    )
    parser.add_argument("--code", action="append", default=[], help="another checkout to run the same commands from")
    parser.add_argument("--keep", help="keep each command's last output under this folder (to compare them)")
    args = parser.parse_args()
    codes = [ROOT, *(Path(code).resolve() for code in args.code)]
    docs = read_bsnlp(Path(args.data) / "bsnlp-pl", args.limit)
    if not docs:
        print(f"no BSNLP texts under {args.data}/bsnlp-pl", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="kronika-bench-scaling-") as tmp_name:
        tmp = Path(tmp_name)
        source = tmp / "input.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for doc in docs:
                out.write(
                    json.dumps({"date": doc.date, "title": doc.title, "text": doc.text}, ensure_ascii=False) + "\n"
                )
        chosen = {
            name: spec
            for name, spec in commands(source, args.workers, args.partition_size).items()
            if not args.only or name in args.only
        }
        print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
        runs: dict[tuple[Path, str, int], list[Timing]] = {}
        for _ in range(args.repeat):
            for name, (_family, pair) in chosen.items():
                for which, command in enumerate(pair):
                    for code in codes:
                        if name == "dask" and which == 0 and (code, "batch", 0) in runs:
                            continue  # the same one-process batch run as "batch"
                        key = (code, "batch" if name == "dask" and which == 0 else name, which)
                        keep = Path(args.keep) / f"{code.name}-{key[1]}-{which}" if args.keep else None
                        timing = run(command, tmp, code, keep, args.workers if which else 1)
                        print(f"  {code.name} {key[1]} {command[-2:]}: {describe(timing, len(docs))}", flush=True)
                        runs.setdefault(key, []).append(timing)
    print(
        f"{len(docs)} BSNLP articles, best of {args.repeat} runs each, {os.cpu_count()} cores, "
        f"load average now {' '.join(f'{x:.1f}' for x in os.getloadavg())}"
    )
    for code in codes:
        if len(codes) > 1:
            print(code)
        for name in chosen:
            ones, manys = runs[(code, "batch" if name == "dask" else name, 0)], runs[(code, name, 1)]
            report(name, ones, manys, len(docs), args.workers)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

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
article is the steadier number.

``--code DIR`` runs the same commands from another checkout too (``git worktree add DIR COMMIT``), taking turns
with this one, so code before and after a change is measured in the same minutes.

    .venv/bin/python bench/scaling.py [--limit 400] [--workers 2] [--repeat 3] [--only ingest|batch|dask]
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import read_bsnlp  # noqa: E402


def commands(source: Path, workers: int) -> dict[str, tuple[str, list[list[str]]]]:
    """name -> (family, [one-process command, N-process command]) with OUT standing for a fresh target."""
    size = ["--partition-size", "8"]
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


def run(
    command: list[str], tmp: Path, code: Path = ROOT, keep: Path | None = None
) -> tuple[float, float, float, float]:
    """(wall seconds, the load average over the last minute when it ended, CPU seconds of all its processes,
    CPU seconds of the command's own process: ingest's writer) of ``command`` run from the checkout ``code``;
    its output is moved to ``keep`` when given."""
    import psutil

    with tempfile.TemporaryDirectory(dir=tmp) as out:
        argv = [sys.executable, "-m", "kronika", *(part.replace("OUT", out) for part in command)]
        started = time.perf_counter()
        process = subprocess.Popen(argv, cwd=code, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seen: dict[int, float] = {}  # each process's own CPU seconds when last sampled
        parent = psutil.Process(process.pid)
        while process.poll() is None:
            try:
                for child in [parent, *parent.children(recursive=True)]:
                    try:
                        times = child.cpu_times()
                        seen[child.pid] = times.user + times.system
                    except psutil.Error:
                        pass  # ended between the listing and the reading
            except psutil.Error:
                pass
            time.sleep(0.2)
        wall = time.perf_counter() - started
        if process.returncode:
            raise subprocess.CalledProcessError(process.returncode, argv)
        if keep is not None:
            shutil.rmtree(keep, ignore_errors=True)
            shutil.move(out, keep)
            Path(out).mkdir()
        return wall, os.getloadavg()[0], sum(seen.values()), seen.get(process.pid, 0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", action="append", choices=("ingest", "batch", "dask"))
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
            name: spec for name, spec in commands(source, args.workers).items() if not args.only or name in args.only
        }
        print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
        best: dict[tuple[Path, str, int], tuple[float, float, float, float]] = {}
        for _ in range(args.repeat):
            for name, (_family, pair) in chosen.items():
                for which, command in enumerate(pair):
                    for code in codes:
                        if name == "dask" and which == 0 and (code, "batch", 0) in best:
                            continue  # the same one-process batch run as "batch"
                        key = (code, "batch" if name == "dask" and which == 0 else name, which)
                        keep = Path(args.keep) / f"{code.name}-{key[1]}-{which}" if args.keep else None
                        timing = run(command, tmp, code, keep)
                        print(f"  {code.name} {key[1]} {command[-2:]}: {timing[0]:.1f} s", flush=True)
                        best[key] = min(best.get(key, (float("inf"), 0.0, 0.0, 0.0)), timing)
    print(
        f"{len(docs)} BSNLP articles, best of {args.repeat} runs each, {os.cpu_count()} cores, "
        f"load average now {' '.join(f'{x:.1f}' for x in os.getloadavg())}"
    )
    for code in codes:
        if len(codes) > 1:
            print(code)
        for name in chosen:
            one, many = best[(code, "batch" if name == "dask" else name, 0)], best[(code, name, 1)]
            n = len(docs)
            print(
                f"{name:<7} 1 process {one[0]:6.1f} s ({n / one[0]:5.1f} articles/s, load {one[1]:.1f}, "
                f"CPU {1000 * one[2] / n:.1f} ms/article)   {args.workers} processes {many[0]:6.1f} s "
                f"({n / many[0]:5.1f} articles/s, load {many[1]:.1f}, CPU {1000 * many[2] / n:.1f} ms/article, "
                f"of which the command's own process {1000 * many[3] / n:.1f})   {one[0] / many[0]:.2f}x"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

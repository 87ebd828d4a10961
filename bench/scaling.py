"""Scaling of the commands that run several processes: `ingest --jobs N`, `batch --engine local/dask --workers N`,
each against its one-process run in the same session (a benchmark, never a test).

Writes the first ``--limit`` BSNLP Polish articles (read as ``bench/throughput.py`` reads them) to one JSONL
file and runs every command as a user would, a new ``python -m kronika`` process each time (start-up,
reading, analysis and writing all inside the wall time), into a fresh store or output directory. The
commands take turns, ``--repeat`` rounds, and each keeps its best (least) wall time: another process on the
same cores only ever adds time. Prints seconds, articles/s and the ratio to the one-process run of the
same command, with the load average when each best run ended: a ratio measured beside other work on the same
cores says little (the CPU time of the workers is not measured: forkserver children are nobody's to wait for).

    .venv/bin/python bench/scaling.py [--limit 400] [--workers 2] [--repeat 3] [--only ingest|batch|dask]
"""

from __future__ import annotations

import argparse
import json
import os
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


def run(command: list[str], tmp: Path) -> tuple[float, float]:
    """(wall seconds, the load average over the last minute when it ended)."""
    with tempfile.TemporaryDirectory(dir=tmp) as out:
        argv = [sys.executable, "-m", "kronika", *(part.replace("OUT", out) for part in command)]
        started = time.perf_counter()
        subprocess.run(argv, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.perf_counter() - started, os.getloadavg()[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", action="append", choices=("ingest", "batch", "dask"))
    args = parser.parse_args()
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
        best: dict[tuple[str, int], tuple[float, float]] = {}
        for _ in range(args.repeat):
            for name, (_family, pair) in chosen.items():
                for which, command in enumerate(pair):
                    if name == "dask" and which == 0 and ("batch", 0) in best:
                        continue  # the same one-process batch run as "batch"
                    key = ("batch" if name == "dask" and which == 0 else name, which)
                    best[key] = min(best.get(key, (float("inf"), 0.0)), run(command, tmp))
    print(
        f"{len(docs)} BSNLP articles, best of {args.repeat} runs each, {os.cpu_count()} cores, "
        f"load average now {os.getloadavg()[0]:.1f}"
    )
    for name in chosen:
        (one, one_load), (many, many_load) = best[("batch" if name == "dask" else name, 0)], best[(name, 1)]
        print(
            f"{name:<7} 1 process {one:6.1f} s ({len(docs) / one:5.1f} articles/s, load {one_load:.1f})   "
            f"{args.workers} processes {many:6.1f} s ({len(docs) / many:5.1f} articles/s, load {many_load:.1f})"
            f"   {one / many:.2f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The garbage collector's own CPU under Python's default thresholds and under Kronika's.

    .venv/bin/python bench/collector.py [--limit 400] [--passes 1]

Runs the Polish pipeline with the parser over the BSNLP articles of ``bench/throughput.py`` in a new process per
setting, default (700, 10, 10) and Kronika's (``kronika/collector.py``), and prints for each the collector's
CPU (timed by ``gc.callbacks``), how many collections and how much of it went to full ones, and the process's
CPU per article. The collector's own time is the figure to read on a shared machine: the process's CPU moves
with the machine (Morfeusz2's own rate moved from 102 to 187 articles/s between runs of one session).
Alternating the settings inside one process is no fairer: a full collection a default block sets off walks
what the other blocks left, so the default is charged for work the other setting's blocks caused.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import gc, json, sys, time
from pathlib import Path
sys.path[:0] = [{root!r}, {bench!r}]
from kronika.blas import one_thread_each
one_thread_each()
from throughput import read_bsnlp
from kronika.core import load_pipeline
from kronika.record import Document
gc.set_threshold(*{threshold!r})
docs = read_bsnlp(Path({data!r}) / "bsnlp-pl", {limit!r})
pipeline = load_pipeline("pl", parse=True)
pipeline(Document(text="Rozgrzewka."))
spent = {{"all": 0.0, "full": 0.0, "count": 0}}
began = [0.0]
def timed(phase, info):
    if phase == "start":
        began[0] = time.process_time()
        return
    seconds = time.process_time() - began[0]
    spent["all"] += seconds
    spent["count"] += 1
    spent["full"] += seconds if info["generation"] == 2 else 0.0
gc.callbacks.append(timed)
start = time.process_time()
for _ in range({passes!r}):
    for doc in docs:
        pipeline(Document(text=doc.text, date=doc.date, title=doc.title))
spent["cpu"] = time.process_time() - start
spent["articles"] = len(docs) * {passes!r}
print(json.dumps(spent))
"""


def main() -> int:
    from kronika.collector import DEFAULT, YOUNG_THRESHOLD

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--limit", type=int, default=400, help="the first N articles (0: all 1,098)")
    parser.add_argument("--passes", type=int, default=1)
    args = parser.parse_args()
    settings = {"default": DEFAULT, "Kronika": (YOUNG_THRESHOLD, *DEFAULT[1:])}
    for name, threshold in settings.items():
        code = CHILD.format(
            root=str(ROOT),
            bench=str(ROOT / "bench"),
            threshold=threshold,
            data=args.data,
            limit=args.limit or None,
            passes=args.passes,
        )
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
        got = json.loads(run.stdout.strip().splitlines()[-1])
        per = 1000 / got["articles"]
        print(
            f"{name} {threshold}: collector {got['all']:.2f} s CPU in {got['count']} collections "
            f"({got['full']:.2f} s full) = {got['all'] * per:.2f} ms an article; the process "
            f"{got['cpu'] * per:.2f} ms an article over {got['articles']} articles",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())

"""Resident memory of one process analysing the BSNLP Polish news again and again: whether the analysis keeps
anything per article once its per-word caches are full (``kronika/caches.py``).

    .venv/bin/python bench/pipeline_memory.py [--data ../shared/data] [--passes 4]

The first pass meets the corpus's words for the first time and fills the caches up to their bound; a later
pass meets no new word, so any growth there is memory kept per article. Prints VmRSS every quarter pass.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import read_bsnlp  # noqa: E402
from watch_soak import rss_mib  # noqa: E402

from kronika.core import load_pipeline  # noqa: E402
from kronika.record import Document  # noqa: E402


def resident_mib() -> float:
    return rss_mib(os.getpid()) or float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--passes", type=int, default=4)
    args = parser.parse_args()
    docs = read_bsnlp(Path(args.data) / "bsnlp-pl", None)
    if not docs:
        print(f"no BSNLP texts under {args.data}/bsnlp-pl", file=sys.stderr)
        return 1
    pipeline = load_pipeline("pl")
    quarter = max(1, len(docs) // 4)
    print(f"{len(docs)} articles; {resident_mib():.0f} MiB with the pipeline built")
    ends = []
    for number in range(args.passes):
        for i, original in enumerate(docs, 1):
            pipeline(Document(text=original.text, date=original.date, title=original.title))
            if i % quarter == 0:
                print(f"pass {number + 1}, article {i}: {resident_mib():.0f} MiB", flush=True)
        gc.collect()
        ends.append(resident_mib())
    growth = [(b - a) * 1024 / len(docs) for a, b in zip(ends, ends[1:])]
    print("growth per article in each later pass (KiB): " + ", ".join(f"{g:.1f}" for g in growth))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Throughput and peak memory of the text layer on real Polish news (a benchmark, never a test).

Reads the BSNLP Polish news texts (``../shared/data/bsnlp-pl/<topic>/raw/pl/*.txt``: id, language, date,
URL and title lines, then the body), runs the default pipeline in one process (one core), and prints
articles/s, tokens/s, the share of each stage, start-up time and peak resident memory.

    .venv/bin/python bench/throughput.py [--data ../shared/data] [--limit N] [--repeat 2]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kronika.core import load_pipeline, normalize_text  # noqa: E402
from kronika.record import Document  # noqa: E402


def read_bsnlp(root: Path, limit: int | None) -> list[Document]:
    docs = []
    for path in sorted(root.glob("*/raw/pl/*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        body = "\n".join(lines[5:]).strip()
        if body:
            date = lines[2].strip() or None
            docs.append(Document(text=normalize_text(body), date=date, title=lines[4].strip() or None))
        if limit and len(docs) >= limit:
            break
    return docs


def timed_pass(pipeline, docs: list[Document]) -> tuple[dict[str, float], int]:
    """Run every article through the pipeline afresh; seconds spent in each stage, and tokens seen."""
    per_stage: dict[str, float] = defaultdict(float)
    tokens = 0
    for original in docs:
        doc = Document(text=original.text, date=original.date, title=original.title)
        for stage in pipeline.stages:
            t0 = time.perf_counter()
            doc = stage(doc)
            per_stage[stage.name] += time.perf_counter() - t0
        tokens += len(doc.tokens)
    return per_stage, tokens


def peak_rss_mib() -> float:
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=2, help="passes over the corpus; the first warms caches")
    args = parser.parse_args()

    docs = read_bsnlp(Path(args.data) / "bsnlp-pl", args.limit)
    if not docs:
        print(f"no BSNLP texts under {args.data}/bsnlp-pl", file=sys.stderr)
        return 1
    rss_before = peak_rss_mib()
    started = time.perf_counter()
    pipeline = load_pipeline("pl")
    pipeline(Document(text="Rozgrzewka."))  # loads every stage's resources
    startup = time.perf_counter() - started

    chars = sum(len(d.text) for d in docs)
    print(f"corpus: {len(docs)} BSNLP Polish articles, {chars / 1e6:.2f} M characters; start-up {startup:.2f} s")
    for run in range(1, args.repeat + 1):
        started = time.perf_counter()
        per_stage, tokens = timed_pass(pipeline, docs)
        elapsed = time.perf_counter() - started
        shares = ", ".join(f"{name} {1000 * t / len(docs):.2f} ms/article" for name, t in per_stage.items())
        print(f"pass {run}: {len(docs) / elapsed:.1f} articles/s per core, {tokens / elapsed:,.0f} tokens/s "
              f"({'cold caches' if run == 1 else 'warm caches'}); {shares}")
    print(f"peak memory: {peak_rss_mib():.0f} MiB resident (interpreter and imports before loading: "
          f"{rss_before:.0f} MiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

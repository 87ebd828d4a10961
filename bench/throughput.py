"""Throughput and peak memory of the text layer on real Polish news (a benchmark, never a test).

Reads the BSNLP Polish news texts (``../shared/data/bsnlp-pl/<topic>/raw/pl/*.txt``: id, language, date,
URL and title lines, then the body), runs the default pipeline in one process (one core), and prints
articles/s, tokens/s, the cost of each stage in ms/article, start-up time and peak resident memory.

The yardstick is Morfeusz2 alone analysing the same texts in the same process (a fresh analyser, each
article's text in one call): the ratio is the best pipeline pass over the best Morfeusz pass, as a shared
machine only ever adds time. ``--cold N`` also times ``python -m kronika analyze`` of the first article as a
new process N times (best and every run).

    .venv/bin/python bench/throughput.py [--data ../shared/data] [--limit N] [--repeat 3] [--parse] [--cold 3] [--cpu]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kronika.blas import one_thread_each  # noqa: E402
from kronika.collector import fewer_collections  # noqa: E402

# As every `kronika` command does before numpy loads (kronika/blas.py) and before it reads (kronika/collector.py):
# the pipeline is measured as it runs.
one_thread_each()
fewer_collections()

from kronika.core import load_pipeline, normalize_text  # noqa: E402
from kronika.record import Document  # noqa: E402


def read_bsnlp(root: Path, limit: int | None) -> list[Document]:
    docs = []
    for path in sorted(root.glob("*/raw/pl/*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        body = "\n".join(lines[5:]).strip()
        if body:
            date = lines[2].strip() or None
            if date and len(date) > 10 and date[10] in "T ":
                date = date[:10]  # 8 articles give a timestamp: its day, as the JSONL reader takes it
            docs.append(Document(text=normalize_text(body), date=date, title=lines[4].strip() or None))
        if limit and len(docs) >= limit:
            break
    return docs


def timed_pass(pipeline, docs: list[Document], clock=time.perf_counter) -> tuple[dict[str, float], int]:
    """Run every article through the pipeline afresh; seconds spent in each stage, and tokens seen."""
    per_stage: dict[str, float] = defaultdict(float)
    tokens = 0
    for original in docs:
        doc = Document(text=original.text, date=original.date, title=original.title)
        for stage in pipeline.stages:
            t0 = clock()
            doc = stage(doc)
            per_stage[stage.name] += clock() - t0
        tokens += len(doc.tokens)
    return per_stage, tokens


def story_encoding(pipeline, docs: list[Document], clock=time.perf_counter) -> float:
    """Milliseconds per article of the story vectors `kronika ingest` computes in its writer process (title,
    lead and entity names of each analysed record), in batches as a write of ``DEFAULT_BATCH`` records
    prepares them."""
    from kronika.batch.ingest import DEFAULT_BATCH
    from kronika.stories.encoder import embed_documents, load_encoder

    records = [pipeline(Document(text=d.text, date=d.date, title=d.title)) for d in docs]
    load_encoder()
    started = clock()
    for k in range(0, len(records), DEFAULT_BATCH):
        embed_documents(records[k : k + DEFAULT_BATCH])
    return 1000 * (clock() - started) / len(records)


def morfeusz_pass(docs: list[Document], clock=time.perf_counter) -> float:
    """Seconds Morfeusz2 alone takes to analyse every article's text (its own tokenisation, all readings)."""
    import morfeusz2

    morfeusz = morfeusz2.Morfeusz()
    started = clock()
    for doc in docs:
        morfeusz.analyse(doc.text)
    return clock() - started


def cold_start(doc: Document, runs: int) -> list[tuple[float, float]]:
    """(wall, CPU) seconds of ``python -m kronika analyze`` of one article in a new process, ``runs`` times.

    As an installed copy runs: with Python's bytecode cache (``PYTHONDONTWRITEBYTECODE`` is dropped, else
    every module is compiled from source at every start) and with the prebuilt cache (``kronika.prebuilt``),
    which the first run writes when it is missing or stale; the best run is the one to read."""
    root = Path(__file__).resolve().parents[1]
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text((f" date {doc.date} \n" if doc.date else "") + doc.text, encoding="utf-8")
        times = []
        for _ in range(runs):
            started, cpu = time.perf_counter(), _children_cpu()
            subprocess.run(
                [sys.executable, "-m", "kronika", "analyze", str(path)],
                cwd=root,
                check=True,
                stdout=subprocess.DEVNULL,
                env=env,
            )
            times.append((time.perf_counter() - started, _children_cpu() - cpu))
    return times


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def peak_rss_mib() -> float:
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3, help="passes over the corpus; the first warms caches")
    parser.add_argument("--parse", action="store_true", help="include the dependency parser")
    parser.add_argument("--cold", type=int, default=0, metavar="N", help="time N one-article cold starts")
    parser.add_argument(
        "--cpu",
        action="store_true",
        help="time with the process's CPU clock, not the wall clock: on a machine other work keeps busy, time "
        "spent waiting for a core is left out (both sides of the ratio alike)",
    )
    parser.add_argument(
        "--stories", action="store_true", help="also time the story encoder, which `kronika ingest` runs in its writer"
    )
    args = parser.parse_args()
    clock = time.process_time if args.cpu else time.perf_counter

    docs = read_bsnlp(Path(args.data) / "bsnlp-pl", args.limit)
    if not docs:
        print(f"no BSNLP texts under {args.data}/bsnlp-pl", file=sys.stderr)
        return 1
    rss_before = peak_rss_mib()
    started = clock()
    pipeline = load_pipeline("pl", parse=args.parse)
    pipeline(Document(text="Rozgrzewka."))  # loads every stage's resources
    startup = clock() - started

    chars = sum(len(d.text) for d in docs)
    print(f"corpus: {len(docs)} BSNLP Polish articles, {chars / 1e6:.2f} M characters; start-up {startup:.2f} s")
    best, floor = float("inf"), float("inf")
    for run in range(1, args.repeat + 1):
        floor = min(floor, morfeusz_pass(docs, clock))
        started = clock()
        per_stage, tokens = timed_pass(pipeline, docs, clock)
        elapsed = clock() - started
        best = min(best, elapsed)
        shares = ", ".join(f"{name} {1000 * t / len(docs):.2f}" for name, t in per_stage.items())
        print(
            f"pass {run}: {len(docs) / elapsed:.1f} articles/s per core, {tokens / elapsed:,.0f} tokens/s "
            f"({'cold caches' if run == 1 else 'warm caches'}); ms/article: {shares}"
        )
    print(
        f"Morfeusz2 alone: {len(docs) / floor:.1f} articles/s (best of {args.repeat}); pipeline best "
        f"{len(docs) / best:.1f} articles/s = {best / floor:.1f}x Morfeusz2 "
        f"({(best + startup) / floor:.1f}x with the start-up)"
    )
    if args.cold:
        times = cold_start(docs[0], args.cold)
        print(
            f"cold start, `kronika analyze` of one article ({len(docs[0].text)} characters): best "
            f"{min(times)[0]:.2f} s wall, {min(cpu for _, cpu in times):.2f} s CPU (runs, wall/CPU: "
            f"{', '.join(f'{wall:.2f}/{cpu:.2f}' for wall, cpu in times)})"
        )
    if args.stories:
        print(f"story encoding, as ingest's writer does it: {story_encoding(pipeline, docs, clock):.1f} ms/article")
    print(
        f"peak memory: {peak_rss_mib():.0f} MiB resident (interpreter and imports before loading: {rss_before:.0f} MiB)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Does analysis time grow with the length of one article, and no faster? (a benchmark, never a test)

One article is built from the project's example texts repeated (paragraphs kept, datelines dropped) to a
starting length, then doubled three times; each length is analysed once, in one process, after a warm-up, and
the time per doubling is printed as a ratio. Times are this process's CPU seconds (``time.process_time``):
on a shared machine the wall clock measures the neighbours as much as the pipeline. Linear time gives ratios near 2.0 (issue 19 measured 4.9x per
quadrupling before the per-event scans were indexed); above 2.2 (1.1x of twice) something grows faster than
the text.

    .venv/bin/python bench/long_documents.py [--start 50000] [--doublings 3] [--stages]

``--stages`` also prints each stage's seconds at every length, to find the stage that grows too fast.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

# One BLAS thread, before numpy loads: idle BLAS threads spin, and their CPU time would count as the pipeline's.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's kronika, not an installed one

from kronika.ingest.dateline import split_dateline  # noqa: E402 - after the thread settings
from kronika.pipeline import Pipeline, default_stages  # noqa: E402
from kronika.record import Document  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATE = "2025-09-04"
LINEAR_SLACK = 1.1  # a doubling may cost up to 1.1x twice the time before it counts as faster than linear


def example_text() -> str:
    texts = []
    for path in sorted((ROOT / "examples").glob("*.txt")):
        _, text = split_dateline(path.read_text(encoding="utf-8"), str(path))
        texts.append(text.strip())
    return "\n\n".join(texts)


def article_of_length(base: str, length: int) -> str:
    """``base`` repeated to ``length`` characters, cut after the last full stop."""
    text = "\n\n".join([base] * (length // len(base) + 1))[:length]
    return text[: text.rfind(".") + 1]


def analyse(pipeline: Pipeline, text: str) -> tuple[float, dict[str, float], Document]:
    timings: dict[str, float] = {}
    doc = Document(text=text, date=DATE)
    started = time.process_time()
    for stage in pipeline.stages:
        begun = time.process_time()
        doc = stage(doc)
        timings[stage.name] = time.process_time() - begun
    return time.process_time() - started, timings, doc


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--start", type=int, default=50_000, help="characters of the first article")
    parser.add_argument("--doublings", type=int, default=3)
    parser.add_argument("--stages", action="store_true", help="print each stage's seconds")
    args = parser.parse_args()

    pipeline = Pipeline(default_stages("pl"))
    analyse(pipeline, "Premier spotkał się w czwartek z prezydentem.")  # resources load before any timing
    base = example_text()
    rows = []
    for step in range(args.doublings + 1):
        text = article_of_length(base, args.start * 2**step)
        seconds, timings, doc = analyse(pipeline, text)
        rows.append((len(text), len(doc.sentences), seconds, timings))
    print(f"{'characters':>11} {'sentences':>9} {'CPU s':>8} {'ratio':>6} {'s per MB':>9}")
    slow = False
    for i, (chars, sentences, seconds, _) in enumerate(rows):
        ratio = seconds / rows[i - 1][2] if i else None
        slow |= ratio is not None and ratio > 2 * LINEAR_SLACK
        shown = f"{ratio:6.2f}" if ratio else f"{'':>6}"
        print(f"{chars:>11,} {sentences:>9,} {seconds:>8.1f} {shown} {seconds / chars * 1e6:>9.1f}")
    if args.stages:
        names = list(rows[0][3])
        print("\nCPU s per stage:   " + " ".join(f"{n:>9}" for n in names))
        for chars, _, _, timings in rows:
            print(f"{chars:>18,} " + " ".join(f"{timings[n]:>9.2f}" for n in names))
    print(
        "linear: every doubling within 1.1x of twice the time"
        if not slow
        else "FASTER THAN LINEAR: a doubling cost more than 2.2x; rerun with --stages to find the stage"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

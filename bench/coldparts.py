"""Where a cold start goes: wall and CPU seconds of imports and of each stage's first call on one article, in a new process.

    .venv/bin/python bench/coldparts.py [FILE]      # default: examples/001_xi_putin_pekin.txt

Each stage's first call includes loading what it needs (dictionaries, models, the knowledge base, indexes),
so the sum is what ``kronika analyze`` of one article costs after ``python`` itself has started.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "examples" / "001_xi_putin_pekin.txt"
    started = time.perf_counter()
    from kronika.cli import main as _cli  # noqa: F401 - what `kronika` imports before it reads anything
    from kronika.core import load_pipeline
    from kronika.ingest import read_articles
    from kronika.ingest.decoding import normalize_text
    from kronika.record import Document

    parts = {"imports": (time.perf_counter() - started, time.process_time())}
    mark, cpu = time.perf_counter(), time.process_time()
    pipeline = load_pipeline("pl")
    parts["pipeline"] = (time.perf_counter() - mark, time.process_time() - cpu)
    article = next(iter(read_articles((str(path),))))
    doc = Document(
        text=normalize_text(article.text),
        id=article.id or "",
        url=article.url,
        date=article.date,
        lang="pl",
        title=article.title,
    )
    for stage in pipeline.stages:
        mark, cpu = time.perf_counter(), time.process_time()
        doc = stage(doc)
        parts[stage.name] = (time.perf_counter() - mark, time.process_time() - cpu)
    total = time.perf_counter() - started
    print(
        "wall (CPU) seconds: "
        + "  ".join(f"{name} {wall:.2f} ({cpu:.2f})" for name, (wall, cpu) in parts.items())
        + f"  | total {total:.2f} s wall, {time.process_time():.2f} s CPU (with the interpreter's start)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

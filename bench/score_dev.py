"""The whole pipeline on the gold articles of ``../shared/eval/dev``, graded by its ``score.py``.

    .venv/bin/python bench/score_dev.py [--show-errors] [--out DIR]

Writes one record file per gold file (``DIR/seed.jsonl``, ``DIR/dev-pl.jsonl``) and prints the grader's
lines for each: entities, temporal expressions and events. The grader and the gold stay in ../shared.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import kronika  # noqa: E402

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
GOLD_FILES = ("seed.jsonl", "dev-pl.jsonl")


def analyse_gold(gold: Path, out: Path) -> tuple[int, float]:
    started = time.perf_counter()
    count = 0
    with gold.open(encoding="utf-8") as source, out.open("w", encoding="utf-8") as sink:
        for line in source:
            if line.strip():
                article = json.loads(line)
                record = kronika.analyze(
                    article["text"], date=article.get("date"), id=article["id"], url=article.get("url")
                )
                sink.write(record.to_json(tokens=False) + "\n")
                count += 1
    return count, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", default=str(EVAL), help="the shared eval folder (score.py and dev/)")
    parser.add_argument("--out", default=None, help="where to keep the records (a temporary folder otherwise)")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    eval_dir = Path(args.eval)
    out_dir = Path(args.out or tempfile.mkdtemp(prefix="kronika-dev-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    kronika.analyze("Rozgrzewka.")  # load every stage before timing
    for name in GOLD_FILES:
        gold = eval_dir / "dev" / name
        records = out_dir / name
        count, seconds = analyse_gold(gold, records)
        print(f"== {name}: {count} articles in {seconds:.1f} s; records in {records}")
        command = [sys.executable, str(eval_dir / "score.py"), str(gold), str(records)]
        if args.show_errors:
            command.append("--show-errors")
        sys.stdout.flush()
        subprocess.run(command, check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

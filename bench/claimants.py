"""Amount claimant accuracy on every annotated Polish set, with train-pl split in two halves by article id.

    .venv/bin/python bench/claimants.py [--sets train,check,dev,seed]

The claimant rule (``kronika/stages/claimant_rule.py``) learns nothing, so its train-pl number is also its out-of-fold
number; a rule written to fit a few train-pl articles shows as the halves disagreeing. The halves are fixed by a
checksum of the article id (not by order), so both draw on every source of the set. check-pl is scored, never read.
"""

from __future__ import annotations

import argparse
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.events import EVAL, SETS, analyse, load_grader, read_gold  # noqa: E402


def half(article_id: str) -> str:
    """Which half of train-pl an article falls in: "A" or "B", by a checksum of its id."""
    return "AB"[zlib.crc32(article_id.encode()) % 2]


def claimant_counts(grader, gold: list[dict], system: list[dict]) -> dict[str, list[int]]:
    """Per half and in all: [matched amounts, those with the gold claimant]."""
    by_id = {s["id"]: s for s in system}
    counts = {"all": [0, 0], "A": [0, 0], "B": [0, 0]}
    for g in gold:
        if "amounts" not in g:
            continue
        tp, _, _, _, right = grader.score_amounts(g, by_id.get(g["id"], {}))
        for key in ("all", half(g["id"])):
            counts[key][0] += tp
            counts[key][1] += right
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", default=str(EVAL), help="the shared eval folder")
    parser.add_argument("--sets", default="train,check,dev,seed")
    args = parser.parse_args()
    grader = load_grader(Path(args.eval))
    print("| set | claimant accuracy (right / matched) | half A | half B |")
    print("|---|---|---|---|")
    for name in args.sets.split(","):
        gold = read_gold(Path(args.eval) / SETS[name])
        counts = claimant_counts(grader, gold, analyse(gold))

        def cell(key: str) -> str:
            matched, right = counts[key]
            return f"{right / matched:.3f} ({right} / {matched})" if matched else "-"

        halves = (cell("A"), cell("B")) if name == "train" else ("", "")
        print(f"| {name} | {cell('all')} | {halves[0]} | {halves[1]} |", flush=True)


if __name__ == "__main__":
    main()

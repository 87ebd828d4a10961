"""Evaluate ``lemmatize_phrase`` on PolEval 2019 Task 2 (and optionally the KPWr keyword test).

Score = 0.2 * case-sensitive accuracy + 0.8 * case-insensitive accuracy (the task metric).
The data is read from the shared folder at run time and never copied into the project.

Example:
    .venv/bin/python bench/lemmatization.py --show-errors 30
    .venv/bin/python bench/lemmatization.py --kpwr
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kronika.lang.pl.morphology import load_morphology  # noqa: E402  (run from a checkout)

DATA = Path("/work/shared/data")
POLEVAL = "poleval2019-task2-lemmatization/train_index.tsv"
KPWR_KEYWORDS = "polem-kpwr-lemmatization/corpus/kpwr-1.1-fixed-keywords-test.txt"


def read_poleval(path: Path) -> list[tuple[str, str, str]]:
    """(doc_id, orth, gold lemma) rows; the file has CRLF line ends."""
    rows = []
    with path.open(encoding="utf-8", newline="") as f:
        for line in f:
            cols = line.rstrip("\r\n").split("\t")
            if len(cols) == 4:
                rows.append((cols[1], cols[2], cols[3]))
    return rows


def read_kpwr_keywords(path: Path) -> list[tuple[str, str, str]]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 2:
                rows.append(("", cols[1], cols[0]))
    return rows


def error_type(orth: str, gold: str, guess: str) -> str:
    if guess.lower() == gold.lower():
        return "case only"
    if guess == orth:
        return "left unchanged"
    if gold == orth:
        return "changed, should stay"
    g, p = gold.split(), guess.split()
    if len(g) != len(p):
        return "token count differs"
    wrong = [i for i, (a, b) in enumerate(zip(g, p)) if a.lower() != b.lower()]
    if len(g) == 1:
        return "single word"
    if wrong == [0]:
        return "multi-word: first word"
    if 0 not in wrong:
        return "multi-word: later words"
    return "multi-word: several words"


def evaluate(
    rows: list[tuple[str, str, str]], show_errors: int, label: str, seed: int, *, singular_common: bool = False
) -> None:
    morphology = load_morphology()
    started = time.perf_counter()
    guesses = [morphology.lemmatize_phrase(orth, singular_common=singular_common) for _doc, orth, _gold in rows]
    elapsed = time.perf_counter() - started
    exact = sum(g == gold for g, (_d, _o, gold) in zip(guesses, rows))
    folded = sum(g.lower() == gold.lower() for g, (_d, _o, gold) in zip(guesses, rows))
    n = len(rows)
    acc_cs, acc_ci = exact / n, folded / n
    score = 0.2 * acc_cs + 0.8 * acc_ci
    print(
        f"{label}: score {score:.2%}  AccCS {acc_cs:.2%}  AccCI {acc_ci:.2%}  "
        f"({n} phrases, {n / elapsed:,.0f} phrases/s)"
    )
    errors = [(o, gold, g) for g, (_d, o, gold) in zip(guesses, rows) if g != gold]
    types = Counter(error_type(o, gold, g) for o, gold, g in errors)
    for kind, count in types.most_common():
        print(f"  {kind:28s} {count:6d}  {count / n:6.2%}")
    if show_errors:
        random.Random(seed).shuffle(errors)
        for o, gold, g in errors[:show_errors]:
            print(f"    [{error_type(o, gold, g)}] {o!r}: gold {gold!r}, got {g!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA, help="shared data folder")
    parser.add_argument("--show-errors", type=int, default=0, metavar="N", help="print N random errors")
    parser.add_argument("--kpwr", action="store_true", help="also score the KPWr keyword test (Polem's 88.2%%)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N phrases (quick runs)")
    parser.add_argument("--seed", type=int, default=0, help="seed for picking the errors shown")
    args = parser.parse_args()

    rows = read_poleval(args.data / POLEVAL)
    if args.limit:
        rows = rows[: args.limit]
    evaluate(rows, args.show_errors, "PolEval 2019 T2 train", args.seed)
    if args.kpwr:
        # The keyword gold is lower-cased, so its case-insensitive accuracy is the number to compare
        # with Polem's 88.2%; keywords are cited in the singular.
        for singular in (False, True):
            evaluate(
                read_kpwr_keywords(args.data / KPWR_KEYWORDS),
                args.show_errors,
                f"KPWr keywords test (singular_common={singular})",
                args.seed,
                singular_common=singular,
            )


if __name__ == "__main__":
    main()

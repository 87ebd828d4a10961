"""Quote speaker accuracy out of fold on train-pl, over five partitions by article (a benchmark, never a test).

    .venv/bin/python bench/speaker_cv.py [--eval ../shared/eval] [--partitions 5] [--threshold 0.5]

The speaker rows of docs/measured/quotes-and-amounts.md ("CV mean of 5 partitions: alone / chained (nested) /
chained (4/4/0/0)") come from this: partition 0 puts article i in fold i mod 5, the others are shuffled by seeds 0-3 (``shuffled_folds``).
In each, the quote and speaker models are retrained on four folds and decode the fifth at the shipped quote
threshold, three ways: each quote alone (nobody's bias ``NOBODY_BIAS``); the article's quotes chained with the
bonuses and nobody's bias nested cross-validation picks (``tune_chain``); chained with fixed bonuses and
``NOBODY_BIAS``. It prints each partition and their mean, so a change is
judged by how many partitions gain, not by one number. Every function is `scripts/train_quotes.py`'s, so a
branch that changes them is measured by running this file from that branch. Needs the ``train`` extra.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import train_quotes as quotes  # noqa: E402  (scripts/train_quotes.py)
from kronika.quotes.model import QuoteModels  # noqa: E402
from learning import load_grader, shuffled_folds, training_sets  # noqa: E402  (scripts/learning.py)

FOLDS = 5
# The chain's bonuses held fixed (paragraph, next, near, far): the third column beside the nested tuning.
FIXED = {"paragraph": 4.0, "next": 4.0, "near": 0.0, "far": 0.0}


def partition_scores(grader, data, per_article, fold_of: list[int], threshold: float) -> tuple[float, float, float]:
    """Speaker accuracy of one partition: each quote alone, nested-tuned chain, fixed chain."""
    models = [
        (
            quotes.fit([row for i in train for row in per_article[i][0]]),
            quotes.fit_ranker([group for i in train for group in per_article[i][1]]),
        )
        for train in training_sets(fold_of, FOLDS)
    ]

    def fold_models(i: int) -> QuoteModels:
        return QuoteModels(*models[fold_of[i]], None, threshold, 0.0, nobody_bias=quotes.NOBODY_BIAS)

    alone = [quotes.decode(text, found, fold_models(i)) for i, (_, text, found) in enumerate(data)]
    _, nested, _, _ = quotes.tune_chain(grader, data, models, threshold, 0.0, FOLDS, fold_of)
    fixed = []
    for i, (_, text, found) in enumerate(data):
        chosen = fold_models(i)
        scores = chosen.quote.many([quotes.quote_features(text, c) for c in found])
        kept = [c for c, p in zip(found, scores) if p["yes"] >= threshold]
        options = quotes.speaker_options(text, kept, chosen)
        fixed.append(quotes._chained(text, kept, *options, FIXED, threshold, 0.0))

    def speaker(decoded) -> float:
        return quotes.grade(grader, [(row[0], q) for row, q in zip(data, decoded)])["speaker"]

    return speaker(alone), nested["speaker"], speaker(fixed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval", type=Path, default=quotes.EVAL)
    parser.add_argument("--partitions", type=int, default=5, help="i mod 5, then shuffled by seeds 0, 1, ...")
    parser.add_argument("--threshold", type=float, default=0.5, help="the quote model's threshold (shipped: 0.5)")
    args = parser.parse_args()
    started = time.process_time()
    grader = load_grader(args.eval)
    data = quotes.analyse(args.eval / "train" / "train-pl.jsonl")
    per_article = [quotes.examples(grader, gold, text, found) for gold, text, found in data]
    n = len(data)
    partitions = [[i % FOLDS for i in range(n)]] + [shuffled_folds(n, FOLDS, seed) for seed in range(4)]
    results = []
    for number, fold_of in enumerate(partitions[: args.partitions]):
        results.append(partition_scores(grader, data, per_article, fold_of, args.threshold))
        print(
            "partition {}: alone {:.4f}  chained (nested) {:.4f}  chained (4/4/0/0) {:.4f}".format(number, *results[-1])
        )
    means = [sum(r[k] for r in results) / len(results) for k in range(3)]
    print(
        "mean of {} partitions: alone {:.4f}  chained (nested) {:.4f}  chained (4/4/0/0) {:.4f}".format(
            len(results), *means
        )
    )
    print(f"CPU {time.process_time() - started:.0f} s")


if __name__ == "__main__":
    main()

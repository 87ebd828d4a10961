"""``scripts/learning.py``'s shuffled partitions: every article in exactly one fold, folds of even size, the same
partition for the same seed and another for another seed."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from learning import shuffled_folds, training_sets  # noqa: E402

# (articles, folds)
CASES = [(240, 5), (59, 5), (7, 3), (1, 5)]


@pytest.mark.parametrize(("n", "folds"), CASES)
def test_every_article_has_one_fold_and_the_folds_are_even(n, folds):
    fold_of = shuffled_folds(n, folds, seed=0)
    assert len(fold_of) == n and set(fold_of) <= set(range(folds))
    sizes = Counter(fold_of)
    assert max(sizes.values()) - min(sizes.values()) <= 1


def test_a_seed_gives_one_partition_and_another_seed_another():
    assert shuffled_folds(240, 5, 1) == shuffled_folds(240, 5, 1)
    assert shuffled_folds(240, 5, 1) != shuffled_folds(240, 5, 2)


def test_each_folds_training_set_is_every_other_article():
    fold_of = shuffled_folds(12, 3, seed=4)
    for k, train in enumerate(training_sets(fold_of, 3)):
        assert sorted(train + [i for i in range(12) if fold_of[i] == k]) == list(range(12))
        assert all(fold_of[i] != k for i in train)

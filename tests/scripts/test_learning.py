"""``scripts/learning.py``'s shuffled partitions: every article in exactly one fold, folds of even size, the same
partition for the same seed and another for another seed; the learning curve's shares of a training set."""

from __future__ import annotations

import sys
import random
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from learning import share_of, shuffled_folds, training_sets  # noqa: E402

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


# (training articles, share, how many the share keeps)
SHARES = [(192, 0.25, 48), (192, 0.5, 96), (192, 0.75, 144), (192, 1.0, 192), (3, 0.1, 1)]


@pytest.mark.parametrize(("n", "share", "kept"), SHARES)
def test_a_share_keeps_that_many_articles_of_the_set_in_order(n, share, kept):
    train = list(range(0, 2 * n, 2))
    picked = share_of(train, share, random.Random(0))
    assert len(picked) == kept and set(picked) <= set(train) and picked == sorted(picked)


def test_a_seed_draws_one_share_and_another_seed_another():
    train = list(range(100))
    assert share_of(train, 0.5, random.Random(3)) == share_of(train, 0.5, random.Random(3))
    assert share_of(train, 0.5, random.Random(3)) != share_of(train, 0.5, random.Random(4))

"""Row sums in a given order are the sums of adding one row at a time, to the bit."""

from __future__ import annotations

import numpy as np
import pytest

from kronika.rowsums import sum_in_order

# Rows whose sums depend on the order of addition (1e16 + 1 rounds away the 1), and a row of zeros (the last).
MATRIX = np.array([[1e16, 0.1], [1.0, 0.2], [-1e16, 0.3], [3.0, 1e-17], [0.0, 0.0]])
ZERO = 4


def one_at_a_time(items, initial):
    sums = []
    for rows in items:
        total = list(initial)
        for r in rows:
            total = [t + w for t, w in zip(total, MATRIX[r].tolist())]
        sums.append(total)
    return sums


@pytest.mark.parametrize(
    ("items", "initial"),
    [
        ([[0, 1, 2, 3]], (0.0, 0.0)),
        ([[1, 0, 2, 3], [3, 2, 1, 0], [0, 2, 1, 3]], (0.0, 0.0)),
        ([[0, 1, 2, 3], [], [2]], (0.5, -0.25)),
        ([[1, 1, 1, 0, 2]], (1e16, 0.0)),
        ([], (0.0, 0.0)),
    ],
)
def test_sums_are_one_row_at_a_time(items, initial):
    rows = [r for item in items for r in item]
    counts = [len(item) for item in items]
    got = sum_in_order(MATRIX, rows, counts, ZERO, initial=np.array(initial))
    assert got.tolist() == one_at_a_time(items, initial)
    assert got.shape == (len(items), MATRIX.shape[1])

"""Sums of matrix rows in a given order, the same to the bit as adding them one at a time.

Floating-point addition is not associative, and numpy's reductions (``sum``, ``add.reduceat``) may add in any
order (pairs, several accumulators). A model scored one item at a time in plain code (CRFsuite's tagger, a
Python loop over feature weights) adds weight after weight; to give the same numbers for many items at once,
this adds the k-th row of every item in step k: each step one array addition, each item's sum built in its
own order. Items with fewer rows add a row of zeros, which changes no sum.
"""

from __future__ import annotations

import numpy as np


def sum_in_order(matrix: np.ndarray, rows, counts, zero: int, initial=None) -> np.ndarray:
    """Per item, ``initial`` (0 when None; one row for all items, or a matrix of a row per item) plus its rows
    of ``matrix`` in the order given (``rows`` and ``counts`` lists or integer arrays): ``rows`` holds the items' row numbers one item after another, ``counts`` how many each has, and
    ``zero`` is the number of a row of zeros in ``matrix``. The items are taken longest first, so step k adds
    to the first ``active[k]`` of them only: the work is the number of rows, not the longest item's times all."""
    n = len(counts)
    sizes = np.asarray(counts, dtype=np.intp)
    width = int(sizes.max()) if n else 0
    order = np.argsort(-sizes, kind="stable")
    rank = np.empty(n, dtype=np.intp)
    rank[order] = np.arange(n)
    table = np.full((width, n), zero, dtype=np.intp)
    if len(rows):
        starts = np.cumsum(sizes) - sizes
        table[np.arange(len(rows)) - np.repeat(starts, sizes), np.repeat(rank, sizes)] = rows
    active = (n - np.searchsorted(np.sort(sizes), np.arange(width), side="right")).tolist()
    if initial is not None and np.ndim(initial) == 2:
        total = np.array(initial[order], dtype=matrix.dtype)  # each item's own start, longest item first
    else:
        total = np.zeros((n, matrix.shape[1]))
        if initial is not None:
            total += initial  # 0 + x is x: the first addition is exact
    for step, m in zip(table, active):
        total[:m] += matrix[step[:m]]
    return total[rank]

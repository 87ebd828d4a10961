"""Exact perceptron scores, and the test of when they pick the class the float32 reference picks.

The shipped weights are float16 values (``Perceptron.save``), so each is an integer times 2**-24 of less than
2**40 in those units: a score, a sum of at most a few dozen of them, is an exact integer in any order of
addition. The reference decision (``Perceptron.scores``: float32 rows summed by numpy, then argmax) rounds
at every addition, by at most (k - 1) * 2**-24 * sum(|w|) over k rows. So when the exact best score leads
every other candidate by more than twice that, the reference picks it too, ties included (argmax takes the
first maximum); closer calls are left to the reference. The bound is kept as a last lane of every row: the
row's largest weight in absolute value, summed with the scores.

For the move model (four classes) a row is one Python integer holding every class in a 64-bit lane, so a
score over all classes is one integer addition per feature: two's complement lanes add independently as
long as no sum leaves its lane, and sums stay below 2**47.
"""

from __future__ import annotations

import numpy as np

SCALE = 2**24  # a float16 value times this is an integer
LANE = 64
_MASK, _HALF = (1 << LANE) - 1, 1 << (LANE - 1)
# A lead decides when lead * 2**MARGIN_BITS > the bound lane: rows per decision are at most 33 < 2**6, and
# (k - 1) * 2**-24 * bound, doubled, is below bound * 2**-17; two bits more for safety.
MARGIN_BITS = 15


def is_float16(weights: np.ndarray) -> bool:
    """Whether every weight is a float16 value (a model as saved), the condition for exact integer scores."""
    return bool(np.array_equal(weights, weights.astype(np.float16).astype(weights.dtype)))


def bounded(weights: np.ndarray) -> np.ndarray:
    """The weights in float64 with the row bound as a last column, and a zero row last (a missing feature)."""
    wide = weights.astype(np.float64)
    rows = np.hstack([wide, np.abs(wide).max(axis=1, keepdims=True)])
    return np.vstack([rows, np.zeros((1, rows.shape[1]))])


def packed_rows(weights: np.ndarray) -> list[int]:
    """Each row's scaled weights and bound as one integer, class c in lane c, the bound in the last lane."""
    scaled = np.rint(bounded(weights)[:-1] * SCALE).astype("<i8")
    # Lanes read as unsigned; a negative lane borrows one from the lane above, given back by ``borrow``.
    borrow = np.zeros((scaled.shape[0], scaled.shape[1] + 1), dtype="<i8")
    borrow[:, 1:] = scaled < 0
    width, raw, owed = scaled.shape[1] * 8, scaled.tobytes(), borrow.tobytes()
    out = []
    for i in range(scaled.shape[0]):
        out.append(
            int.from_bytes(raw[i * width : (i + 1) * width], "little")
            - int.from_bytes(owed[i * (width + 8) : (i + 1) * (width + 8)], "little")
        )
    return out


def unpack(packed: int, lanes: int) -> list[int]:
    """The signed lanes of a sum of packed rows (classes, then the bound)."""
    out = []
    for _ in range(lanes - 1):
        low = packed & _MASK
        if low >= _HALF:
            low -= 1 << LANE
        out.append(low)
        packed = (packed - low) >> LANE
    out.append(packed)
    return out


def rows_of(packed: list[int], classes: int) -> np.ndarray:
    """Float32 weight rows back from packed rows, exactly (the reference's input, for a close call)."""
    if not packed:
        return np.zeros((0, classes), dtype=np.float32)
    scaled = np.array([unpack(p, classes + 1)[:classes] for p in packed], dtype=np.float64)
    return (scaled / SCALE).astype(np.float32)

"""Relations of a sentence's arcs all at once: the same labels as ``relation_features`` and
``Perceptron.scores`` per arc, as one gather and one sum over a matrix of feature rows.

Once the heads are known every arc's relation is independent of the others, so a sentence's arcs are
scored together in float64, exact for float16 weights (``kronika.parse.exact``); an arc whose best
relation does not lead by the margin that rules out float32 rounding is scored the reference's way.
"""

from __future__ import annotations

import numpy as np

from kronika.parse.exact import MARGIN_BITS, bounded
from kronika.parse.features import Words, relation_features
from kronika.parse.perceptron import Perceptron

ROOT_RELATION = "root"


def children_of(heads: list[int]) -> dict[int, list[int]]:
    """Dependents of each head position, in order (the head list is of words 1..n, 0 for the root)."""
    children: dict[int, list[int]] = {}
    for dependent, head in enumerate(heads, start=1):
        children.setdefault(head, []).append(dependent)
    return children


class ExactRelations:
    def __init__(self, model: Perceptron):
        self.model = model
        self.rows = bounded(model.weights)  # features x (classes + bound), a zero row last
        self.missing = self.rows.shape[0] - 1
        self.fallbacks = 0

    def label(self, words: Words, heads: list[int]) -> list[str]:
        children = children_of(heads)
        arcs = [(d, h) for d, h in enumerate(heads, start=1) if h]
        labels = [ROOT_RELATION] * len(heads)
        if not arcs:
            return labels
        # A missing feature reads the zero row; the order of rows does not matter, the sums being exact.
        get, missing = self.model.features.get, self.missing
        rows = [[get(f, missing) for f in relation_features(words, h, d, children)] for d, h in arcs]
        sums = self.rows[np.array(rows)].sum(axis=1)
        scores, bound = sums[:, :-1], sums[:, -1]
        best = scores.argmax(axis=1)
        top_two = np.partition(scores, -2, axis=1)[:, -2:] if scores.shape[1] > 1 else np.hstack([scores] * 2)
        decided = (top_two[:, 1] - top_two[:, 0]) * 2.0**MARGIN_BITS > bound
        classes = self.model.classes
        for (d, h), choice, sure in zip(arcs, best.tolist(), decided.tolist()):
            if not sure:
                self.fallbacks += 1
                choice = int(self.model.scores(relation_features(words, h, d, children)).argmax())
            labels[d - 1] = classes[choice]
        return labels

"""A sparse multinomial linear model over feature strings: trained by ``scripts/train_events.py`` (scikit-learn's
logistic regression), shipped as JSON, scored here in plain Python so the pipeline needs no learning library.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from kronika import prebuilt
from kronika.caches import WORD_TYPES
from kronika.errors import KronikaError
from kronika.rowsums import sum_in_order


@dataclass
class LinearModel:
    classes: list[str]
    intercept: list[float]
    weights: dict[str, list[float]]
    # The weights as one matrix (a row per feature, then a zero row and the intercept), built on first use.
    _rows: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)
    _matrix: np.ndarray | None = field(default=None, init=False, repr=False, compare=False)
    _fixed: Callable | None = field(default=None, init=False, repr=False, compare=False)
    # Probabilities of the sequences of feature tuples ``probabilities_in_parts`` has scored.
    _scored: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    # What users of the model work out of its weights once (``kronika.events.reach``), kept as long as it.
    derived: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def many(self, feature_lists: list[list[str]]) -> list[dict[str, float]]:
        """``probabilities`` of many items in one pass of array arithmetic: what scoring every word of an
        article costs once instead of once per word."""
        if not feature_lists:
            return []
        return [dict(zip(self.classes, row)) for row in self.shares(feature_lists).tolist()]

    def shares(
        self,
        feature_lists: list[list[str]],
        fixed: list[tuple[str, ...]] | None = None,
        after: list[tuple[str, ...]] | None = None,
    ) -> np.ndarray:
        """``many``'s probabilities as an array: a row per item, a column per class. ``fixed``, when given, holds
        a tuple of features per item that come before its list's, and ``after`` one that comes after it: the
        rows of each distinct tuple are looked up once per process (a word's own features, the same for each of
        its occurrences; its cues, shared by many words)."""
        if not feature_lists:
            return np.zeros((0, len(self.classes)))
        get = self._matrix_rows().get
        known = self._tuple_rows()
        zero = len(self._rows)
        rows, starts = [], []
        for n, features in enumerate(feature_lists):
            starts.append(len(rows))
            rows.append(zero)  # every item has a row, so reduceat never meets an empty stretch
            if fixed is not None:
                rows += known(fixed[n])
            rows += [k for k in map(get, features) if k is not None]
            if after is not None:
                rows += known(after[n])
        scores = np.add.reduceat(self._matrix[rows], starts, axis=0) + np.asarray(self.intercept)
        exps = np.exp(scores - scores.max(axis=1, keepdims=True))
        return exps / exps.sum(axis=1, keepdims=True)

    def _tuple_rows(self) -> Callable[[tuple[str, ...]], tuple[int, ...]]:
        """The rows of a tuple of features, each tuple translated once (at most ``WORD_TYPES`` kept)."""
        if self._fixed is None:
            self._fixed = lru_cache(maxsize=WORD_TYPES)(self._known_rows)
        return self._fixed

    def _known_rows(self, features: tuple[str, ...]) -> tuple[int, ...]:
        get = self._matrix_rows().get
        return tuple(k for k in map(get, features) if k is not None)

    def _matrix_rows(self) -> dict[str, int]:
        """The weights as one matrix, built on first use: a row per feature, then a zero row and the intercept."""
        if self._matrix is None:
            self._rows = {f: k for k, f in enumerate(self.weights)}
            self._matrix = np.zeros((len(self.weights) + 2, len(self.classes)))
            if self.weights:
                self._matrix[:-2] = np.array(list(self.weights.values()), dtype=float)
            self._matrix[-1] = self.intercept
        return self._rows

    def probabilities(self, features: list[str]) -> dict[str, float]:
        scores = list(self.intercept)
        for feature in features:
            row = self.weights.get(feature)
            if row is not None:
                for k, w in enumerate(row):
                    scores[k] += w
        return self._softmax(scores)

    def probabilities_each(self, feature_lists: list[list[str]]) -> list[dict[str, float]]:
        """``probabilities`` of each item, the same to the bit: the intercept and then each weight row added in
        turn (``kronika.rowsums``), the exponentials Python's own; only the additions run as array arithmetic
        for all items at once."""
        if not feature_lists:
            return []
        index = self._matrix_rows()
        get = index.get
        rows, counts = [], []
        for features in feature_lists:
            known = [k for k in map(get, features) if k is not None]
            rows += known
            counts.append(len(known))
        sums = sum_in_order(self._matrix, rows, counts, zero=len(index), initial=self._matrix[-1])
        return [self._softmax(scores) for scores in sums.tolist()]

    def probabilities_in_parts(self, items: list[list[tuple[str, ...]]]) -> list[dict[str, float]]:
        """``probabilities_each`` of items given as tuples of features one after another. An item's sum is its
        rows added in turn, so items of the same tuples have the same probabilities to the bit: each distinct
        sequence of tuples is scored once per process (at most ``WORD_TYPES`` kept), and the rows of each
        distinct tuple looked up once."""
        if not items:
            return []
        keys = [tuple(parts) for parts in items]
        scored = self._scored
        new = list(dict.fromkeys(k for k in keys if k not in scored))
        if new:
            if len(scored) + len(new) > WORD_TYPES:
                scored.clear()
                new = list(dict.fromkeys(keys))
            zero = len(self._matrix_rows())
            known = self._tuple_rows()
            rows, counts = [], []
            for parts in new:
                start = len(rows)
                for part in parts:
                    rows += known(part)
                counts.append(len(rows) - start)
            sums = sum_in_order(self._matrix, rows, counts, zero=zero, initial=self._matrix[-1])
            scored.update(zip(new, map(self._softmax, sums.tolist())))
        return [dict(scored[k]) for k in keys]

    def _softmax(self, scores: list[float]) -> dict[str, float]:
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps)}

    def to_json(self) -> dict:
        return {"classes": self.classes, "intercept": self.intercept, "weights": self.weights}

    @classmethod
    def from_json(cls, data: dict) -> "LinearModel":
        return cls(list(data["classes"]), list(data["intercept"]), dict(data["weights"]))


def load_models(path: Path, rebuild: str) -> tuple[dict[str, LinearModel], dict]:
    """The named models of one JSON file and its settings; a missing or broken file is one error naming it and
    the command that rebuilds it."""
    try:
        data = prebuilt.read_json(path)
        return {name: LinearModel.from_json(body) for name, body in data["models"].items()}, dict(data["settings"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise KronikaError(
            "E403",
            f"event model {path} is missing or broken ({type(error).__name__}: {error}); rebuild it with: {rebuild}",
        ) from None

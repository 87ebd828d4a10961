"""A sparse multinomial linear model over feature strings: trained by ``scripts/train_events.py`` (scikit-learn's
logistic regression), shipped as JSON, scored here in plain Python so the pipeline needs no learning library.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from kronika import prebuilt
from kronika.errors import KronikaError


@dataclass
class LinearModel:
    classes: list[str]
    intercept: list[float]
    weights: dict[str, list[float]]
    # The weights as one matrix (a row per feature, then a zero row), built on first use by ``many``.
    _rows: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)
    _matrix: np.ndarray | None = field(default=None, init=False, repr=False, compare=False)

    def many(self, feature_lists: list[list[str]]) -> list[dict[str, float]]:
        """``probabilities`` of many items in one pass of array arithmetic: what scoring every word of an
        article costs once instead of once per word."""
        if not feature_lists:
            return []
        if self._matrix is None:
            self._rows = {f: k for k, f in enumerate(self.weights)}
            self._matrix = np.zeros((len(self.weights) + 1, len(self.classes)))
            if self.weights:
                self._matrix[:-1] = np.array(list(self.weights.values()), dtype=float)
        zero = len(self._rows)
        rows, starts = [], []
        for features in feature_lists:
            starts.append(len(rows))
            rows.append(zero)  # every item has a row, so reduceat never meets an empty stretch
            rows.extend(self._rows[f] for f in features if f in self._rows)
        scores = np.add.reduceat(self._matrix[rows], starts, axis=0) + np.asarray(self.intercept)
        exps = np.exp(scores - scores.max(axis=1, keepdims=True))
        shares = exps / exps.sum(axis=1, keepdims=True)
        return [dict(zip(self.classes, row)) for row in shares.tolist()]

    def probabilities(self, features: list[str]) -> dict[str, float]:
        scores = list(self.intercept)
        for feature in features:
            row = self.weights.get(feature)
            if row is not None:
                for k, w in enumerate(row):
                    scores[k] += w
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

"""A multi-class averaged perceptron over feature strings, dense in classes and stored as one array.

Training needs nothing but numpy: examples are lists of feature indices, and the averaged weights are kept
with the usual timestamp trick (each update also adds its step count times the change to a second array,
so the average is ``w - u / steps`` at the end). At run time a decision is one row gather and one sum.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np


class Perceptron:
    def __init__(self, classes: list[str], features: dict[str, int], weights: np.ndarray):
        self.classes = classes
        self.features = features
        self.weights = weights  # (features, classes)

    def scores(self, feats: list[str]) -> np.ndarray:
        rows = [self.features[f] for f in feats if f in self.features]
        if not rows:
            return np.zeros(len(self.classes), dtype=np.float32)
        return self.weights[rows].sum(axis=0)

    def save(self, path: Path) -> None:
        names = sorted(self.features, key=self.features.get)
        np.save(path.with_suffix(".npy"), self.weights.astype(np.float16))
        path.with_suffix(".json").write_text(
            json.dumps({"classes": self.classes, "features": names}, ensure_ascii=False), encoding="utf-8"
        )

    @classmethod
    def load(cls, path: Path) -> Perceptron:
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        weights = np.load(path.with_suffix(".npy")).astype(np.float32)
        return cls(meta["classes"], {f: i for i, f in enumerate(meta["features"])}, weights)


class Trainer:
    """Averaged-perceptron training over index examples; ``allowed`` masks illegal classes per example."""

    def __init__(self, n_features: int, n_classes: int):
        self.w = np.zeros((n_features, n_classes), dtype=np.float64)
        self.u = np.zeros_like(self.w)
        self.steps = 1

    def update(self, rows: np.ndarray, gold: int, allowed: np.ndarray | None = None) -> bool:
        scores = self.w[rows].sum(axis=0)
        if allowed is not None:
            scores = np.where(allowed, scores, -np.inf)
        guess = int(scores.argmax())
        if guess != gold:
            for cls, delta in ((gold, 1.0), (guess, -1.0)):
                np.add.at(self.w[:, cls], rows, delta)
                np.add.at(self.u[:, cls], rows, self.steps * delta)
        self.steps += 1
        return guess == gold

    def averaged(self) -> np.ndarray:
        return (self.w - self.u / self.steps).astype(np.float32)


def prune(features: dict[str, int], weights: np.ndarray, floor: float = 1e-3) -> tuple[dict[str, int], np.ndarray]:
    """Drop features whose weights are all near zero: they only cost memory."""
    keep = np.abs(weights).max(axis=1) >= floor
    names = [f for f, i in sorted(features.items(), key=lambda kv: kv[1]) if keep[i]]
    return {f: i for i, f in enumerate(names)}, weights[keep]

"""A sparse multinomial linear model over feature strings: trained by ``scripts/train_events.py`` (scikit-learn's
logistic regression), shipped as JSON, scored here in plain Python so the pipeline needs no learning library.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from kronika.errors import KronikaError


@dataclass
class LinearModel:
    classes: list[str]
    intercept: list[float]
    weights: dict[str, list[float]]

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
        data = json.loads(path.read_text(encoding="utf-8"))
        return {name: LinearModel.from_json(body) for name, body in data["models"].items()}, dict(data["settings"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise KronikaError("E403", f"event model {path} is missing or broken ({type(error).__name__}: {error}); "
                           f"rebuild it with: {rebuild}") from None

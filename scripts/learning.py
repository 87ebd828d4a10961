"""What the training scripts share: the shared grader loaded as a module, and a scikit-learn logistic
regression turned into the project's ``LinearModel`` (the form the pipeline loads without scikit-learn)."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

from kronika.events.linear import LinearModel

# Weights smaller than this in every class are dropped: they only cost file size.
MIN_WEIGHT = 1e-3


def load_grader(eval_dir: Path):
    """``score.py`` of the shared eval folder, as a module: its matching functions label the examples."""
    spec = importlib.util.spec_from_file_location("kronika_grader", eval_dir / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fit_linear(rows: list[dict], labels: list[str], c: float, *, intercept: bool = True) -> LinearModel:
    """A logistic regression on feature dicts. With two classes scikit-learn keeps one row, the second class's
    score against the first; the first then scores zero, so the softmax over both is that logistic."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(rows)
    model = LogisticRegression(C=c, max_iter=2000, fit_intercept=intercept)
    model.fit(x, labels)
    classes = [str(k) for k in model.classes_]
    if len(classes) == 2:
        coef = [[0.0] * len(vectorizer.feature_names_), model.coef_[0]]
        biases = [0.0, float(model.intercept_[0]) if intercept else 0.0]
    else:
        coef, biases = model.coef_, [float(b) for b in model.intercept_]
    weights = {}
    for k, name in enumerate(vectorizer.feature_names_):
        column = [float(row[k]) for row in coef]
        if max(abs(w) for w in column) >= MIN_WEIGHT:
            weights[name] = [round(w, 4) for w in column]
    return LinearModel(classes, [round(b, 4) for b in biases], weights)


def shuffled_folds(n: int, folds: int, seed: int) -> list[int]:
    """The fold of each of ``n`` articles in a partition shuffled by ``seed``: on a few hundred articles one
    partition's cross-validated score moves by a point or more with the partition alone, so a change is judged by
    the mean over several."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    fold_of = [0] * n
    for k, i in enumerate(order):
        fold_of[i] = k % folds
    return fold_of


def training_sets(fold_of: list[int], folds: int) -> list[list[int]]:
    """For each fold, the articles the models scoring it are trained on: all the others."""
    return [[i for i, fold in enumerate(fold_of) if fold != k] for k in range(folds)]


def share_of(train: list[int], share: float, rng: random.Random) -> list[int]:
    """``share`` of the training articles drawn by ``rng``, in their order (the learning curve's smaller sets);
    all of them at a share of 1, and never none."""
    if share >= 1.0:
        return list(train)
    return sorted(rng.sample(train, max(1, round(share * len(train)))))

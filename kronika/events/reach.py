"""Which trigger candidates can reach the trigger model's threshold at all, told before their cues are read.

A type's probability is at least ``floor`` only if its score exceeds the score of "no event" by at least
``log(floor / (1 - floor))``. A word's own features and its neighbours' lemmas give that difference exactly
up to its place (cues, the sentence, the rules' reading); the most any place of a word of its class can add,
when neither the trigger table nor the rules read it, is worked out once per class from every place it can
have (``plain_places``). A word whose bound falls short of the threshold for every type cannot be a site, so
``decode.trigger_sites`` scores only the others (at the shipped threshold, a third of the words of news): the
probabilities it computes are the same, and so are the sites.
"""

from __future__ import annotations

import math
import numpy as np

from kronika.caches import WORD_TYPES
from kronika.events.features import plain_places, word_features
from kronika.events.linear import LinearModel
from kronika.events.view import ArticleView

NONE = "NONE"
# Far above the rounding of sums of a few dozen weights, far below any weight a model learns.
MARGIN = 1e-6


# A probability whose score is this far below the best is still above 0 (exp(-700) is about 1e-304).
UNDERFLOW = -700.0
NO_WORDS: dict[str, int] = {}


class Reach:
    """The bound's parts for one trigger model: each feature's weights less those of "no event"."""

    def __init__(self, model: LinearModel):
        index = model._matrix_rows()
        self.none = model.classes.index(NONE)
        matrix = model._matrix
        self.diff = matrix[:-1] - matrix[:-1, [self.none]]  # a row per feature, then the zero row
        self.intercept = np.asarray(model.intercept) - model.intercept[self.none]
        self.get, self.zero = index.get, len(index)
        self._places: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._words: dict[str, dict[str, int]] = {}  # class -> lemma -> row of ``_matrix``
        self._count = 0
        self._matrix = np.zeros((64, 2, len(model.classes)))

    def _sum(self, features: tuple[str, ...]) -> np.ndarray:
        get, zero = self.get, self.zero
        return self.diff[[get(f, zero) for f in features]].sum(axis=0)

    def _place(self, cls: str) -> tuple[np.ndarray, np.ndarray]:
        """The least and the most a plain place adds for a word of class ``cls``."""
        bounds = self._places.get(cls)
        if bounds is None:
            sums = [self._sum(p) for p in plain_places(cls)]
            bounds = self._places[cls] = (np.min(sums, axis=0), np.max(sums, axis=0))
        return bounds

    def _add(self, words: dict[tuple[str, str], tuple[str, ...]]) -> None:
        """Rows in ``_matrix`` for new word types ((class, lemma) -> own features): the intercept and their own
        features' part with the least and the most of their place, all in one pass of array arithmetic."""
        get, zero = self.get, self.zero
        width = max(map(len, words.values()))
        rows = [[get(f, zero) for f in features] + [zero] * (width - len(features)) for features in words.values()]
        own = self.intercept + self.diff[rows].sum(axis=1)
        places = [self._place(cls) for cls, _ in words]
        first = self._count
        end = self._count = first + len(words)
        while end > len(self._matrix):
            self._matrix = np.concatenate([self._matrix, np.zeros_like(self._matrix)])
        self._matrix[first:end, 0] = own + np.array([low for low, _ in places])
        self._matrix[first:end, 1] = own + np.array([high for _, high in places])
        for (cls, lemma), row in zip(words, range(first, end)):
            self._words.setdefault(cls, {})[lemma] = row

    def reachable(self, view: ArticleView, words: list[int], neighbours: list[tuple[str, str]], floor: float):
        """For each word, whether some type's probability may reach ``floor`` (0 < floor < 1); and whether every
        word not reaching it is sure to give every type a probability above 0 (so skipping it changes no key's
        order in ``trigger_sites``)."""
        get, zero = self.get, self.zero
        lemmas, classes, by_class = view.lemmas, view.classes, self._words
        ids = [by_class.get(classes[i], NO_WORDS).get(lemmas[i]) for i in words]
        if None in ids:
            # Kept for at most ``WORD_TYPES`` word types: past that, the article's own start afresh.
            new = {(classes[i], lemmas[i]): word_features(view, i) for k, i in zip(ids, words) if k is None}
            if self._count + len(new) > WORD_TYPES:
                by_class.clear()
                self._count = 0
                new = {(classes[i], lemmas[i]): word_features(view, i) for i in words}
            self._add(new)
            ids = [by_class[classes[i]][lemmas[i]] for i in words]
        context = self.diff[[get(a, zero) for a, _ in neighbours]] + self.diff[[get(b, zero) for _, b in neighbours]]
        parts = self._matrix[ids]
        low, high = parts[:, 0] + context, parts[:, 1] + context
        high[:, self.none] = -np.inf
        reach = high.max(axis=1) >= math.log(floor / (1 - floor)) - MARGIN
        # Words the trigger table or the rules read have features no plain place has: always scored.
        reach |= np.array([i in view.lexicon or i in view.rule_at for i in words], dtype=bool)
        high[:, self.none] = 0.0
        skipped = ~reach
        positive = bool(np.all(low[skipped].min(axis=1) - high[skipped].max(axis=1) > UNDERFLOW))
        return reach.tolist(), positive


def reach_of(model: LinearModel) -> Reach:
    """The model's bound parts, made once per model and kept with it."""
    reach = model.derived.get("reach")
    if reach is None:
        reach = model.derived["reach"] = Reach(model)
    return reach

"""Run the two perceptrons over a sentence: moves until the buffer is empty, then a relation per arc."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from kronika.parse.features import Words, move_features, relation_features
from kronika.parse.perceptron import Perceptron
from kronika.parse.system import State

ROOT_RELATION = "root"


class Parser:
    def __init__(self, moves: Perceptron, relations: Perceptron):
        self.moves = moves
        self.relations = relations

    @classmethod
    def load(cls, folder: Path) -> Parser:
        return cls(Perceptron.load(folder / "moves"), Perceptron.load(folder / "relations"))

    def parse(self, attributes: list[tuple[str, str, str, str]]) -> tuple[list[int], list[str]]:
        """Heads (1-based positions, 0 for a root) and relations for the words of one sentence."""
        words = Words.of(attributes)
        heads = self.heads(words, len(attributes))
        return heads, self.label(words, heads)

    def heads(self, words: Words, n: int) -> list[int]:
        state = State(n)
        while not state.done:
            scores = self.moves.scores(move_features(state, words))
            legal = state.legal()
            state.apply(int(np.where(legal, scores, -np.inf).argmax()))
        return state.finish()

    def label(self, words: Words, heads: list[int]) -> list[str]:
        children: dict[int, list[int]] = {}
        for dependent, head in enumerate(heads, start=1):
            children.setdefault(head, []).append(dependent)
        labels = []
        for dependent, head in enumerate(heads, start=1):
            if head == 0:
                labels.append(ROOT_RELATION)
                continue
            scores = self.relations.scores(relation_features(words, head, dependent, children))
            labels.append(self.relations.classes[int(scores.argmax())])
        return labels

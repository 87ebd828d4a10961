"""The shipped parser on sentences of the plainest shapes news has, and the perceptron it runs on."""

from __future__ import annotations

import numpy as np
import pytest

import kronika

from kronika.parse.perceptron import Perceptron, Trainer, prune

# Sentence, then (word, its head word, relation) pairs the shipped model must get: subjects, objects,
# a genitive modifier, a prepositional phrase. Written for these tests.
SENTENCES = [
    ("Rosja zaatakowała Ukrainę .", [("Rosja", "zaatakowała", "nsubj"), ("Ukrainę", "zaatakowała", "obj")]),
    (
        "Polska wezwała ambasadora Rosji .",
        [("Polska", "wezwała", "nsubj"), ("ambasadora", "wezwała", "obj"), ("Rosji", "ambasadora", "nmod")],
    ),
    (
        "Premier pojechał do Kijowa .",
        [("Premier", "pojechał", "nsubj"), ("Kijowa", "pojechał", "obl"), ("do", "Kijowa", "case")],
    ),
]


@pytest.mark.parametrize("text, arcs", SENTENCES)
def test_shipped_parser(text, arcs):
    doc = kronika.analyze(text, parse=True)
    words = [t.text for t in doc.tokens]
    for word, head, relation in arcs:
        token = doc.tokens[words.index(word)]
        assert (doc.tokens[token.head].text, token.dep) == (head, relation)
    assert sum(t.head is None for t in doc.tokens) == 1


def test_trainer_separates_and_roundtrips(tmp_path):
    # Two features, each the sign of one class; averaged weights must rank the right class first.
    trainer = Trainer(n_features=2, n_classes=2)
    for _ in range(5):
        trainer.update(np.array([0]), 0)
        trainer.update(np.array([1]), 1)
    model = Perceptron(["a", "b"], {"x": 0, "y": 1}, trainer.averaged())
    assert model.scores(["x"]).argmax() == 0 and model.scores(["y"]).argmax() == 1
    assert not model.scores(["unseen"]).any()
    model.save(tmp_path / "m")
    again = Perceptron.load(tmp_path / "m")
    assert again.classes == ["a", "b"] and again.scores(["y"]).argmax() == 1


def test_prune_drops_silent_features():
    features, weights = prune({"x": 0, "y": 1, "z": 2}, np.array([[1.0, 0.0], [0.0, 0.0], [0.0, -2.0]]))
    assert features == {"x": 0, "z": 1} and weights.shape == (2, 2)

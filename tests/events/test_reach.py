"""Trigger sites found with the words that cannot reach the threshold left out are the sites of every word."""

from __future__ import annotations

import pytest

import kronika
from kronika.events.decode import _best_words, trigger_sites
from kronika.events.features import is_trigger_candidate, neighbour_features
from kronika.events.linear import LinearModel
from kronika.events.model import load_event_models
from kronika.events.reach import reach_of
from kronika.events.view import build_view
from kronika.stages.events import code_events, load_coder

TEXTS = [
    "Rosja zaatakowała Ukrainę w poniedziałek. Kim Dzong Un spotkał się z Xi Jinpingiem w Pekinie.",
    "Premier Donald Tusk nie zamierza krytykować prezydenta. Według Chin Rosja mogłaby zaatakować Ukrainę.",
    "Ministrowie rozmawiali o pomocy dla Ukrainy, a Francja i Niemcy zapowiedziały sankcje wobec Rosji.",
]
# A word class no word of these texts lacks: scores of every type far below "no event" for nouns, so some
# probabilities are 0 (the keys' order then needs every word) and the rest of the sentence still scores.
UNDERFLOW = LinearModel(
    ["NONE", "ASSAULT", "CONSULT"], [0.0, 0.0, 0.0], {"c=subst": [0.0, -900.0, -900.0], "l=zaatakować": [0.0, 5.0, 0.0]}
)
TOY = LinearModel(["ASSAULT", "NONE"], [0.0, 2.0], {"l=zaatakować": [4.0, 0.0], "neg": [-3.0, 0.0]})


@pytest.fixture(scope="module")
def coder():
    return load_coder("pl")


def views(coder):
    for text in TEXTS:
        doc = kronika.analyze(text, date="2025-09-04")
        yield build_view(doc, coder, code_events(doc, coder))


@pytest.mark.parametrize("model", ["shipped", TOY, UNDERFLOW])
@pytest.mark.parametrize("floor", [0.0, 0.01, 0.2, 0.5, 0.9])
def test_sites_are_those_of_every_word(coder, model, floor):
    model = load_event_models("pl")[0]["trigger"] if model == "shipped" else model
    for view in views(coder):
        words = [i for i in range(len(view.lemmas)) if is_trigger_candidate(view, i)]
        neighbours = [neighbour_features(view, i) for i in words]
        every = _best_words(view, model, coder.cues, words, neighbours, floor, False)
        assert trigger_sites(view, model, coder.cues, floor) == every


def test_past_the_cache_bound(coder, monkeypatch):
    monkeypatch.setattr("kronika.events.reach.WORD_TYPES", 3)
    model = LinearModel(TOY.classes, TOY.intercept, TOY.weights)  # a model of its own: a bound of its own
    for _ in range(2):
        test_sites_are_those_of_every_word(coder, model, 0.2)


def test_words_left_out_and_probabilities_of_0(coder):
    shipped = load_event_models("pl")[0]["trigger"]
    for view in views(coder):
        words = [i for i in range(len(view.lemmas)) if is_trigger_candidate(view, i)]
        neighbours = [neighbour_features(view, i) for i in words]
        reach, positive = reach_of(shipped).reachable(view, words, neighbours, 0.2)
        assert positive and not all(reach)  # the shipped model leaves words out, safely
        assert not reach_of(UNDERFLOW).reachable(view, words, neighbours, 0.2)[1]

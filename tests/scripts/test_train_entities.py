"""``scripts/train_entities.py``: which system entities the grader pairs with gold ones (its greedy order: a second
entity of the same name is an extra), and the cross-validated score keeps an entity something names."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from train_entities import matched, score  # noqa: E402


def _prf(tp, n_sys, n_gold):
    return {"tp": tp, "sys": n_sys, "gold": n_gold}


def _score_entities(gold, system):
    flags = matched(GRADER, gold, system["entities"])
    return sum(flags), len(system["entities"]), len(gold["entities"]), [], []


# The grader's interface, reduced to what the script calls (the real one is ../shared/eval/score.py).
GRADER = SimpleNamespace(
    ENTITY_TYPES={"PER", "ORG", "GPE", "LOC"},
    norm=lambda s: str(s or "").casefold(),
    entity_keys=lambda g: {str(g["name"]).casefold()} | ({g["wikidata"]} if g.get("wikidata") else set()),
    prf=_prf,
    score_entities=_score_entities,
)

GOLD = {"entities": [{"name": "Poland", "type": "GPE", "wikidata": "Q36"}, {"name": "Jan Nowak", "type": "PER"}]}

# (system entities, which the grader pairs)
MATCHES = [
    ([{"id": "Q36", "name": "Polska", "type": "GPE"}], [True]),
    ([{"id": "x", "name": "Jan Nowak", "type": "PER"}, {"id": "y", "name": "Jan Nowak", "type": "PER"}], [True, False]),
    (
        [{"id": "x", "name": "Jan Nowak", "type": "MISC"}, {"id": "z", "name": "Kopalnia", "type": "ORG"}],
        [False, False],
    ),
]


@pytest.mark.parametrize(("system", "expected"), MATCHES)
def test_the_grader_pairs_each_gold_entity_once(system, expected):
    assert matched(GRADER, GOLD, system) == expected


# (probabilities, named by an event, threshold, entities kept)
SCORES = [
    ([0.9, 0.1], [False, False], 0.5, 1),
    ([0.9, 0.1], [False, True], 0.5, 2),
    ([0.9, 0.1], [False, False], 0.0, 2),
]


@pytest.mark.parametrize(("probs", "named", "threshold", "kept"), SCORES)
def test_an_entity_something_names_is_kept_in_the_score(probs, named, threshold, kept):
    entities = [{"id": "Q36", "name": "Poland", "type": "GPE"}, {"id": "z", "name": "Kopalnia", "type": "ORG"}]
    article = {"gold": GOLD, "entities": entities, "named": named}
    assert score(GRADER, [article], [probs], threshold)["sys"] == kept

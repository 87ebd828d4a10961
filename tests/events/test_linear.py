"""The sparse linear model: scores, the JSON round trip, and one clear error for a missing or broken file."""

from __future__ import annotations

import json

import pytest

from kronika.errors import KronikaError
from kronika.events.linear import LinearModel, load_models

MODEL = LinearModel(["NONE", "ASSAULT"], [1.0, -1.0], {"l=atak": [0.0, 3.0], "neg": [1.0, -1.0]})

# (features, probability of ASSAULT): unknown features add nothing; weights add up before the softmax
CASES = [
    ([], 0.1192),
    (["l=atak"], 0.7311),
    (["l=atak", "neg"], 0.2689),
    (["l=atak", "unseen"], 0.7311),
]


@pytest.mark.parametrize(("features", "expected"), CASES)
def test_probabilities(features, expected):
    probabilities = MODEL.probabilities(features)
    assert probabilities["ASSAULT"] == pytest.approx(expected, abs=1e-4)
    assert sum(probabilities.values()) == pytest.approx(1.0)


def test_json_round_trip(tmp_path):
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"models": {"trigger": MODEL.to_json()}, "settings": {"trigger": 0.2}}))
    models, settings = load_models(path, "make it")
    assert models["trigger"] == MODEL and settings == {"trigger": 0.2}


@pytest.mark.parametrize("content", [None, "", "{not json", '{"models": {}}', '{"models": {"t": {}}, "settings": {}}'])
def test_missing_or_broken_file_names_itself_and_the_rebuild(tmp_path, content):
    path = tmp_path / "model.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(KronikaError) as error:
        load_models(path, "python scripts/train_events.py")
    assert error.value.code == "E403"
    assert str(path) in str(error.value) and "scripts/train_events.py" in str(error.value)


def test_many_agrees_with_one_at_a_time():
    lists = [features for features, _ in CASES] + [["unseen"], []]
    for one, together in zip([MODEL.probabilities(f) for f in lists], MODEL.many(lists)):
        assert together == pytest.approx(one)
    assert MODEL.many([]) == []


# Weights whose sums depend on the order of addition, so "the same to the bit" is a real claim.
ROUNDING = LinearModel(
    ["NONE", "A", "B"],
    [0.1, 1e16, -0.3],
    {"x": [0.2, 1.0, 1e-17], "y": [0.7, -1e16, 0.1], "z": [1e-3, 3.0, 0.2]},
)


@pytest.mark.parametrize("model", [MODEL, ROUNDING])
def test_probabilities_each_is_one_at_a_time_to_the_bit(model):
    lists = [[], ["x"], ["x", "y", "z"], ["z", "y", "x"], ["y", "y", "unseen"], ["l=atak", "neg"]]
    assert model.probabilities_each(lists) == [model.probabilities(f) for f in lists]
    assert model.probabilities_each([]) == []


def test_shares_are_many_as_an_array():
    lists = [["x", "y"], [], ["z"]]
    assert [dict(zip(ROUNDING.classes, row)) for row in ROUNDING.shares(lists).tolist()] == ROUNDING.many(lists)


def test_shares_with_fixed_features_first_are_the_same_to_the_bit():
    lists = [["x", "y"], [], ["z", "unseen"], ["y"]]
    fixed = [("z",), ("y", "unseen"), (), ("x", "y")]
    together = [[*first, *rest] for first, rest in zip(fixed, lists)]
    assert ROUNDING.shares(lists, fixed).tolist() == ROUNDING.shares(together).tolist()
    assert ROUNDING.shares(lists, fixed).tolist() == ROUNDING.shares(lists, fixed).tolist()  # translated once, kept


def test_probabilities_in_parts_are_each_to_the_bit():
    items = [[("x", "y"), ("z",)], [], [("z",), ("y", "unseen"), ()], [("x", "y"), ("z",)], [("y",)]]
    flat = [[f for part in parts for f in part] for parts in items]
    assert ROUNDING.probabilities_in_parts(items) == ROUNDING.probabilities_each(flat)
    assert ROUNDING.probabilities_in_parts(items) == ROUNDING.probabilities_each(flat)  # scored once, kept
    assert ROUNDING.probabilities_in_parts([]) == []


def test_probabilities_in_parts_past_the_cache_bound(monkeypatch):
    monkeypatch.setattr("kronika.events.linear.WORD_TYPES", 2)
    model = LinearModel(ROUNDING.classes, ROUNDING.intercept, ROUNDING.weights)
    items = [[("x",)], [("y",)], [("z",)], [("x",)], [("x", "y")]]
    flat = [[f for part in parts for f in part] for parts in items]
    for _ in range(2):
        assert model.probabilities_in_parts(items) == model.probabilities_each(flat)
        assert model.probabilities_in_parts(items[:1]) == model.probabilities_each(flat[:1])

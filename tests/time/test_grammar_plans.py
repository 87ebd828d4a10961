"""A temporal grammar compiled from kept rule plans is the grammar compiled afresh."""

from __future__ import annotations

import pytest

from kronika import prebuilt
from kronika.lang import get_language
from kronika.time.grammar import compile_grammar, find_matches, rule_plans


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    grammar = get_language("pl").temporal
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(prebuilt.ENV, str(tmp_path_factory.mktemp("cache")))
        prebuilt.load("plans", [], lambda: rule_plans(grammar))
        kept = prebuilt.load("plans", [], lambda: pytest.fail("read back, not rebuilt"))
    return compile_grammar(grammar), compile_grammar(grammar, kept)


def test_same_rules_and_prefilters(both):
    fresh, kept = both
    assert [r.body for r in fresh.rules] == [r.body for r in kept.rules]
    assert [[p.__dict__ for p in r.prefilters] for r in fresh.rules] == [
        [p.__dict__ for p in r.prefilters] for r in kept.rules
    ]
    assert fresh.risky == kept.risky


SENTENCES = [
    "Spotkanie odbędzie się 5 maja 2025 r. o godz. 17.30.",
    "Trzy lata temu, w środę wieczorem.",
    "Od poniedziałku do piątku przez dwa tygodnie.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_same_matches(both, sentence):
    fresh, kept = both
    found = [
        [(m.start, m.end, m.rule, m.slots) for m in find_matches(grammar, sentence, 0, len(sentence))]
        for grammar in (fresh, kept)
    ]
    assert found[0] == found[1] and found[0]


def test_plans_for_another_grammar_are_refused():
    grammar = get_language("pl").temporal
    with pytest.raises(ValueError):
        compile_grammar(grammar, rule_plans(grammar)[:-1])

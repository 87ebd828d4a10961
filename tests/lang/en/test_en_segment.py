"""English sentences and tokens: abbreviations keep their period, "U.S." may end a sentence."""

from __future__ import annotations

import pytest

from kronika.lang import get_language
from kronika.stages.segment import split_sentences, tokenize

ENGLISH = get_language("en")


def sentences(text: str) -> list[str]:
    spans = tokenize(text, ENGLISH)
    return [text[a:b] for a, b in split_sentences(text, spans, ENGLISH)]


CASES = [
    ("Mr. Brown arrived. He left early.", ["Mr. Brown arrived.", "He left early."]),
    ("Dr. Lee met Gen. Ortiz in the capital.", ["Dr. Lee met Gen. Ortiz in the capital."]),
    ("Troops left the U.S. base on Monday.", ["Troops left the U.S. base on Monday."]),
    (
        "The talks took place in the U.S. The next round is in Geneva.",
        ["The talks took place in the U.S.", "The next round is in Geneva."],
    ),
    ("Prices rose, e.g. fuel and bread. Wages did not.", ["Prices rose, e.g. fuel and bread.", "Wages did not."]),
    ("It starts at 9 a.m. The talks follow.", ["It starts at 9 a.m.", "The talks follow."]),
    # A name after "U.S." continues the sentence, as a name after a sentence-final abbreviation may.
    ("Aid reached the U.S. Navy base.", ["Aid reached the U.S. Navy base."]),
    (
        "\u201cWe will stay,\u201d she said. Nobody answered.",
        ["\u201cWe will stay,\u201d she said.", "Nobody answered."],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sentences(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("Mr. Brown", "Mr."),
        ("the U.S. embassy", "U.S."),
        ("the U.N. envoy", "U.N."),
        ("e.g. fuel", "e.g."),
    ],
)
def test_abbreviation_is_one_token(text, token):
    assert token in [text[a:b] for a, b in tokenize(text, ENGLISH)]

"""Document tone on sentences written for these tests."""

from __future__ import annotations

import pytest

from kronika.record import Document
from kronika.stages.tone import document_tone


def tone(pipeline, text: str) -> float:
    return pipeline(Document(text=text, date="2025-09-04")).tone


# (text, sign of its tone)
CASES = [
    ("Rosja zaatakowała Ukrainę, w ataku zginęło pięć osób, a wielu zostało rannych.", -1),
    ("Przywódcy podpisali porozumienie pokojowe i zapowiedzieli współpracę.", 1),
    ("Nie osiągnięto porozumienia w sprawie rozejmu.", -1),
    ("Premier przyjechał do Krakowa w środę.", 0),
]


@pytest.mark.parametrize(("text", "sign"), CASES)
def test_tone_sign(pipeline, text, sign):
    value = tone(pipeline, text)
    assert (value > 0) - (value < 0) == sign


def test_tone_is_gdelt_scaled():
    # One word of weight -1 among four words: -25 on GDELT's percentage scale.
    assert document_tone(["wojna", "trwać", "od", "lat"], {"wojna": -1.0}) == -25.0


def test_lexicon_scores_are_bounded():
    from kronika.lang.pl.tone import POLARITY

    assert len(POLARITY) >= 300
    assert all(-1.0 <= v <= 1.0 for v in POLARITY.values())


BAD_INPUT = [
    "",
    "1 2 3\n4 5 6\n7 8 9",
    "Pokój, wojna, atak, porozumienie.",
    " ".join(["atak"] * 2000),
]


@pytest.mark.parametrize("text", BAD_INPUT)
def test_bad_input_gives_a_number(pipeline, text):
    assert isinstance(tone(pipeline, text), float)

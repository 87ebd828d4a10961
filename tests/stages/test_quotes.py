"""Quotes with speaker and verb of saying, on sentences written for these tests."""

from __future__ import annotations

import pytest

from kronika.record import Document


def quotes(pipeline, text: str):
    doc = pipeline(Document(text=text, date="2025-09-04"))
    for q in doc.quotes:
        assert doc.text[q.start:q.end] == q.text
    return [(q.text, q.speaker.name if q.speaker else None, q.verb) for q in doc.quotes]


# (text, a quote that must be found: quoted words, speaker's canonical name, verb as written)
CASES = [
    ("- Bez względu na to, jak zmieni się sytuacja, stanowisko to pozostanie niezmienne - zapewnił Xi, "
     "cytowany przez media.",
     ("Bez względu na to, jak zmieni się sytuacja, stanowisko to pozostanie niezmienne", "Xi Jinping", "zapewnił")),
    ("Podczas spotkania Xi podkreślił, że Chiny i Korea Północna są „dobrymi sąsiadami i przyjaciółmi”.",
     ("dobrymi sąsiadami i przyjaciółmi", "Xi Jinping", "podkreślił")),
    ('"Nie ustąpimy ani o krok" - powiedział Władimir Putin.', ("Nie ustąpimy ani o krok", "Vladimir Putin",
                                                               "powiedział")),
    ("Wołodymyr Zełenski oświadczył, że Ukraina nie zgodzi się na oddanie terytoriów.",
     ("Ukraina nie zgodzi się na oddanie terytoriów", "Volodymyr Zelenskyy", "oświadczył")),
    ("Kim Dzong Un spotkał się z Xi. Dodał, że Pekin będzie nadal wspierał Pjongjang.",
     ("Pekin będzie nadal wspierał Pjongjang", "Kim Jong Un", "Dodał")),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_quote_is_found(pipeline, text, expected):
    assert expected in quotes(pipeline, text)


def test_scare_quotes_are_not_speech(pipeline):
    text = 'Stosunki obu krajów określane są mianem "braterstwa krwi".'
    assert quotes(pipeline, text) == []


def test_a_quote_that_never_closes_is_not_guessed(pipeline):
    found = quotes(pipeline, "Minister powiedział: „Nie zgodzimy się na to nigdy. A potem wyszedł z sali.")
    assert not any("wyszedł" in q[0] for q in found)


BAD_INPUT = [
    "",
    " ".join(["słowo"] * 2000) + ".",
    "„" + " ".join(["cytat"] * 2000),
    "„„„ ” ” „ « » \" \" \"",
    "Pekin, Moskwa, Kijów, Warszawa.",
    "1 2 3\n4 5 6\n7 8 9\n- 10 - 11 - 12",
    "- " + " - ".join(["powiedział"] * 300),
]


@pytest.mark.parametrize("text", BAD_INPUT)
def test_bad_input_finishes(pipeline, text):
    found = quotes(pipeline, text)
    assert isinstance(found, list)
    if text.startswith("„"):
        assert found == []  # a quote that never closes is not guessed


def test_quotes_do_not_overlap(pipeline):
    text = "- Jutro Chiny ogłoszą, że „nie ustąpią nikomu w tej sprawie” - zapewnił Xi, cytowany przez media."
    doc = pipeline(Document(text=text, date="2025-09-04"))
    spans = sorted((q.start, q.end) for q in doc.quotes)
    assert spans and all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))

"""Quotes with speaker and verb of saying, on sentences written for these tests."""

from __future__ import annotations

import pytest

from kronika.quotes.candidates import MAX_QUOTE_CHARS
from kronika.record import Document


def quotes(pipeline, text: str):
    doc = pipeline(Document(text=text, date="2025-09-04"))
    for q in doc.quotes:
        assert doc.text[q.start : q.end] == q.text
    return [(q.text, q.speaker.name if q.speaker else None, q.verb) for q in doc.quotes]


# (text, a quote that must be found: quoted words, speaker's canonical name, verb as written)
CASES = [
    (
        "- Bez względu na to, jak zmieni się sytuacja, stanowisko to pozostanie niezmienne - zapewnił Xi, "
        "cytowany przez media.",
        ("Bez względu na to, jak zmieni się sytuacja, stanowisko to pozostanie niezmienne", "Xi Jinping", "zapewnił"),
    ),
    (
        "Podczas spotkania Xi podkreślił, że Chiny i Korea Północna są „dobrymi sąsiadami i przyjaciółmi”.",
        ("dobrymi sąsiadami i przyjaciółmi", "Xi Jinping", "podkreślił"),
    ),
    (
        '"Nie ustąpimy ani o krok" - powiedział Władimir Putin.',
        ("Nie ustąpimy ani o krok", "Vladimir Putin", "powiedział"),
    ),
    # Speech before a dash and a verb of saying needs no marks.
    (
        "Władimir Putin przyjechał do Pekinu.\nNasze relacje są najlepsze w historii – powiedział Władimir Putin.",
        ("Nasze relacje są najlepsze w historii", "Vladimir Putin", "powiedział"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_quote_is_found(pipeline, text, expected):
    assert expected in quotes(pipeline, text)


# Reported speech without marks, scare quotes and names between marks are no quotes (GUIDE "Quotes").
NOT_QUOTES = [
    "Wołodymyr Zełenski oświadczył, że Ukraina nie zgodzi się na oddanie terytoriów.",
    'Rzecznik nazwał ich "terrorystami".',
    'Informację podał dziennik "Haaretz".',
]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_not_a_quote(pipeline, text):
    assert quotes(pipeline, text) == []


BAD_INPUT = [
    "",
    " ".join(["słowo"] * 2000) + ".",
    "„" + " ".join(["cytat"] * 2000),
    '„„„ ” ” „ « » " " "',
    "Pekin, Moskwa, Kijów, Warszawa.",
    "1 2 3\n4 5 6\n7 8 9\n- 10 - 11 - 12",
    "- " + " - ".join(["powiedział"] * 300),
]


@pytest.mark.parametrize("text", BAD_INPUT)
def test_bad_input_finishes(pipeline, text):
    assert isinstance(quotes(pipeline, text), list)


# A mark that never closes: (text, a word no quote may hold, the end a quote may run to or None).
UNCLOSED = [
    # Closed by nothing before the paragraph ends: nothing after the break is quoted.
    ("Minister powiedział: „Nie zgodzimy się na to nigdy.\nPotem wyszedł z sali.", "wyszedł", None),
    # The article ends inside the quote (a truncated text): the quote runs to the end, and no further.
    ("Premier powiedział: „Nie zgodzimy się na to nigdy, bo to byłoby", None, "byłoby"),
    # Too long to be a quote: an unclosed mark does not swallow the article.
    ("„" + " ".join(["cytat"] * 2000), "cytat", None),
]


@pytest.mark.parametrize(("text", "banned", "end"), UNCLOSED)
def test_an_unclosed_mark_gives_a_bounded_quote(pipeline, text, banned, end):
    found = quotes(pipeline, text)
    assert all(len(q[0]) <= MAX_QUOTE_CHARS for q in found)
    if banned is not None:
        assert not any(banned in q[0] for q in found)
    if end is not None:
        assert any(q[0].endswith(end) for q in found)


def test_quotes_do_not_overlap(pipeline):
    text = "- Jutro Chiny ogłoszą, że „nie ustąpią nikomu w tej sprawie” - zapewnił Xi, cytowany przez media."
    doc = pipeline(Document(text=text, date="2025-09-04"))
    spans = sorted((q.start, q.end) for q in doc.quotes)
    assert spans and all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))

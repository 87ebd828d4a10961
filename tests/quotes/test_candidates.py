"""Quote candidates by form: marked spans, unclosed marks, dashes; table-driven, on sentences written for these tests."""

from __future__ import annotations

import pytest

from kronika.lang.pl.quotes import QUOTE_PAIRS
from kronika.quotes.candidates import MAX_QUOTE_CHARS, find_candidates, marked_spans, read_text
from kronika.record import Document

# (text, the inner texts of the spans found, whether each closed)
MARKED = [
    ("Powiedział „tak” i wyszedł.", [("tak", True)]),
    ('Napisał "nie" oraz "może".', [("nie", True), ("może", True)]),
    # Unclosed before a paragraph break: nothing.
    ("Powiedział „tak i wyszedł.\nPotem wrócił.", []),
    # The text ends inside the quote: the rest of the text, not closed.
    ("Powiedział „tak i wyszedł", [("tak i wyszedł", False)]),
    # A mark followed by a space opens nothing.
    ("Znak „ stoi sam.", []),
    ("", []),
    # A straight quote right after a letter closes, it does not open; the marks after it still do.
    ('Słowo" i «inne» oraz „trzecie”.', [("inne", True), ("trzecie", True)]),
    # A text without any mark, and a mark as the last character.
    ("Nic tu nie cytuje.", []),
    ("Na końcu „", []),
]


@pytest.mark.parametrize(("text", "expected"), MARKED)
def test_marked_spans(text, expected):
    assert [(text[a:b], closed) for a, b, closed in marked_spans(text, QUOTE_PAIRS)] == expected


def test_an_unclosed_mark_never_runs_past_the_limit():
    text = "„" + "słowo " * (MAX_QUOTE_CHARS // 3)
    assert all(b - a <= MAX_QUOTE_CHARS for a, b, _ in marked_spans(text, QUOTE_PAIRS))


# (text, (kind, the quoted words, verb of saying as written or None)) that must be among the candidates
FORMS = [
    ("„Nie ustąpimy” – powiedział minister.", ("marked", "Nie ustąpimy", "powiedział")),
    ("- Nie ustąpimy - powiedział minister.", ("dash", "Nie ustąpimy", "powiedział")),
    ("Ambasador zabrał głos.\nNie ustąpimy nikomu – powiedział.", ("tail", "Nie ustąpimy nikomu", "powiedział")),
    ("Minister mówił: — Nie ustąpimy nikomu.", ("dash", "Nie ustąpimy nikomu", None)),
]


@pytest.mark.parametrize(("text", "expected"), FORMS)
def test_candidate_forms(pipeline, polish, text, expected):
    doc = pipeline(Document(text=text, date="2025-09-04"))
    found = read_text(doc, polish, polish.data("quotes"))
    candidates = [
        (c.kind, text[c.start : c.end], found.tokens[c.verb].text if c.verb is not None else None)
        for c in find_candidates(found)
    ]
    assert expected in candidates

"""A source named by a pronoun before a quote, on sentences written for these tests."""

from __future__ import annotations

import pytest

from kronika.quotes.candidates import find_candidates, read_text
from kronika.quotes.pronoun_source import pronoun_source
from kronika.record import Document

# (text, the name the pronoun points back to for the first quote, or None)
POINTED = [
    # "jego zdaniem": the person the sentence before reported.
    ("Donald Tusk spotkał się w piątek z dziennikarzami. Jego zdaniem „rząd nie ustąpi”.", "Donald Tusk"),
    # "według niego", after a quote of the same speaker.
    ("Donald Tusk przemawiał w Sejmie. Według niego „to początek zmian”.", "Donald Tusk"),
    # No pronoun before the view noun: nothing pointed.
    ("Donald Tusk przemawiał w Sejmie. Zdaniem ekspertów „to początek zmian”.", None),
]


@pytest.mark.parametrize(("text", "name"), POINTED)
def test_pronoun_source(pipeline, polish, text, name):
    found = read_text(pipeline(Document(text=text, date="2025-09-04")), polish, polish.data("quotes"))
    entity = pronoun_source(found, find_candidates(found)[0])
    assert (entity.name if entity is not None else None) == name

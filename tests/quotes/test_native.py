"""A home party's name in the article's spelling where the knowledge base holds it without its letters."""

from __future__ import annotations

import pytest

from kronika.quotes.candidates import read_text
from kronika.quotes.native import native_names
from kronika.record import Document

# (text, the first word of the party's name as it stands, its name as the quote stage writes it)
NAMES = [
    # A Polish person the knowledge base writes in ASCII ("Jozef Oleksy") takes the article's letters.
    ("„Nie chcę, ale muszę” – powiedział Józef Oleksy.", "Józef", "Józef Oleksy"),
    # Also from an inflected mention, through the lemma.
    ("Słowa Józefa Oleksego odbiły się echem.", "Józefa", "Józef Oleksy"),
    # A foreign one keeps the English name, though the Polish transcription folds to it.
    ("„Rozejm trwa” – powiedział Dmytro Kułeba.", "Dmytro", None),
]


@pytest.mark.parametrize(("text", "word", "name"), NAMES)
def test_a_home_party_takes_the_articles_letters(pipeline, polish, text, word, name):
    data = polish.data("quotes")
    found = read_text(pipeline(Document(text=text, date="2025-09-04")), polish, data)
    entity = next(p.entity for p in found.placed if found.tokens[p.start].text == word)
    assert native_names(found, data.HOME_STATE).get(entity.id) == name

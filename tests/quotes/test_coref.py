"""A bare surname after the full name read as that person, on sentences written for these tests."""

from __future__ import annotations

import pytest

from kronika.quotes.candidates import read_text
from kronika.quotes.coref import with_surnames
from kronika.record import Document

# (text, the surname as it stands alone, the name of the entity it must be read as)
SURNAMES = [
    (
        "Do Warszawy przyjechał Filippo Grandi, wysoki komisarz ONZ. „Mamy tam zespół” – powiedział Grandi.",
        "Grandi",
        "Filippo Grandi",
    ),
    (
        "Gubernator Gavin Newsom skrytykował prezydenta. „To granica” – napisał Newsom.",
        "Newsom",
        "Gavin Newsom",
    ),
]


def _text(pipeline, polish, text):
    return read_text(pipeline(Document(text=text, date="2025-09-04")), polish, polish.data("quotes"))


@pytest.mark.parametrize(("text", "surname", "name"), SURNAMES)
def test_a_bare_surname_is_the_full_name(pipeline, polish, text, surname, name):
    found = with_surnames(_text(pipeline, polish, text), polish)
    last = max(i for i, t in enumerate(found.tokens) if t.text == surname)
    assert any(p.start == last and p.entity.name == name for p in found.placed)
    assert found.mention_starts == [p.start for p in found.placed]


def test_no_full_name_leaves_the_text_alone(pipeline, polish):
    found = _text(pipeline, polish, "„Mamy tam zespół” – powiedział Grandi.")
    assert with_surnames(found, polish).placed == found.placed

"""A bare surname after the full name read as that person, and an unlinked person's country read from their title,
on sentences written for these tests."""

from __future__ import annotations

import pytest

from kronika.quotes.candidates import read_text
from kronika.quotes.coref import with_surnames
from kronika.quotes.origin import person_countries, speaker_party
from kronika.record import Document
from kronika.stages.link import load_linker

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

# (text, the person's name as it stands, the country their title gives)
COUNTRIES = [
    ("„Rozejm trwa” – powiedział rzecznik katarskiego MSZ Majid Al-Ansari.", "Majid", "QAT"),
    ("„Presja rośnie” – ocenił wiceminister spraw wewnętrznych Litwy Władysław Kondratowicz.", "Władysław", "LTU"),
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


@pytest.mark.parametrize(("text", "word", "country"), COUNTRIES)
def test_a_title_gives_an_unlinked_person_a_country(pipeline, polish, text, word, country):
    found = _text(pipeline, polish, text)
    countries = person_countries(found, load_linker(polish.code).adjective_state)
    person = next(p.entity for p in found.placed if found.tokens[p.start].text == word)
    assert speaker_party(person, countries).country == country

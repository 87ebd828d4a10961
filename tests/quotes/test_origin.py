"""An unlinked party's country read from its title, on sentences written for these tests."""

from __future__ import annotations

import pytest

from kronika.quotes.candidates import read_text
from kronika.quotes.mentions import unlinked
from kronika.quotes.origin import speaker_party, title_countries
from kronika.record import Document, Entity
from kronika.stages.link import load_linker

# (text, the first word of the party's name as it stands, the country their title gives or None)
COUNTRIES = [
    ("„Rozejm trwa” – powiedział rzecznik katarskiego MSZ Majid Al-Ansari.", "Majid", "QAT"),
    ("„Presja rośnie” – ocenił wiceminister spraw wewnętrznych Litwy Władysław Kondratowicz.", "Władysław", "LTU"),
    # A title set after the name by a comma.
    ("„Rozejm trwa” – poinformował Madżid Al-Ansari, rzecznik MSZ Kataru.", "Madżid", "QAT"),
    # A clause after the name is no title.
    ("„Rozejm trwa” – poinformował Madżid Al-Ansari, który przyleciał z Kataru.", "Madżid", None),
    # A place the person came to is no title: nothing is read past the verb or from a governed state.
    ("W poniedziałek do Warszawy przyjechał Filippo Grandi. „Mamy tam zespół” – powiedział.", "Filippo", None),
]


def _text(pipeline, polish, text):
    return read_text(pipeline(Document(text=text, date="2025-09-04")), polish, polish.data("quotes"))


@pytest.mark.parametrize(("text", "word", "country"), COUNTRIES)
def test_a_title_gives_an_unlinked_person_a_country(pipeline, polish, text, word, country):
    found = _text(pipeline, polish, text)
    countries = title_countries(found, load_linker(polish.code).adjective_state)
    person = next(p.entity for p in found.placed if found.tokens[p.start].text == word)
    assert speaker_party(person, countries).country == country


@pytest.mark.parametrize(
    ("key", "expected"),
    [("kronika:3e00b8ce517e", True), ("kronika:tvn24", False), ("Q22686", False), ("body:LTU", False)],
)
def test_unlinked_is_a_name_the_knowledge_base_lacks(key, expected):
    assert unlinked(Entity(id=key, name="X", type="PER")) is expected

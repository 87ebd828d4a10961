"""Web portals named by their address in running text."""

from __future__ import annotations

import pytest
from conftest import linked_entities

from kronika.kb import Entry, KnowledgeBase
from kronika.lang import get_language
from kronika.stages.link import Linker

ENTRIES = [
    Entry("kronika:tvn24", "TVN24", "ORG", "POL", "MED", aliases={"pl": ("TVN24",)}),
    Entry("Q918", "Twitter", "ORG", "USA", "BUS", aliases={"pl": ("Twitter",)}),
    # An entry of another sector is no portal ("wp.pl" is not the army's acronym).
    Entry("kronika:wp", "Polish Armed Forces", "ORG", "POL", "MIL", aliases={"pl": ("WP",)}),
]

# (text, the entities found: name -> country)
CASES = [
    ("Materiał opublikowano na portalu tvn24.pl w czwartek.", {"TVN24": "POL"}),
    ("Jak podaje portalsamorzadowy.pl, zatrzymano dwie osoby.", {"portalsamorzadowy.pl": "POL"}),
    ("Pisał o tym serwis www.example.com wczoraj.", {"example.com": None}),
    ("Wpis pojawił się na twitter.com rano.", {"Twitter": "USA"}),
    ("Pisze o tym wp.pl od rana.", {"wp.pl": "POL"}),
    # Links, credits and e-mail addresses are no mentions.
    ("Zobacz pic.twitter.com/abc i napisz na jan@wp.pl dziś.", {}),
    ("Źródło: RadioZET.pl/PAP", {}),
]


@pytest.fixture(scope="module")
def linker():
    return Linker(get_language("pl"), KnowledgeBase(ENTRIES))


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_an_address_in_running_text_names_its_portal(linker, text, expected):
    got = {e.name: e.country for e in linked_entities(linker, text) if e.type == "ORG"}
    assert got == expected

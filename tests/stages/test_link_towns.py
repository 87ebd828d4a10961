"""Small towns are linked only in an article that names their state (kronika/stages/link_towns.py)."""

from __future__ import annotations

import pytest
from conftest import linked_entities

from kronika.kb import Entry, KnowledgeBase
from kronika.lang import get_language
from kronika.stages.link import Linker

SMALL = {"small_town": True}
ENTRIES = [
    Entry("Q212", "Ukraine", "GPE", "UKR", aliases={"pl": ("Ukraina",)}),
    Entry("Q183", "Germany", "GPE", "DEU", aliases={"pl": ("Niemcy",)}),
    Entry("Q36", "Poland", "GPE", "POL", aliases={"pl": ("Polska",)}),
    Entry("kronika:dobropillia", "Dobropillia", "GPE", "UKR", aliases={"pl": ("Dobropilla",)}, extra=SMALL),
    Entry("kronika:nidda", "Nidda", "GPE", "DEU", aliases={"pl": ("Nida",)}, extra=SMALL),
    # A town of the list that is no small town (a Polish one, a larger one) needs no such context.
    Entry("kronika:pinczow", "Pińczów", "GPE", "POL", aliases={"pl": ("Pińczów",)}),
]

# (text, the names of the entities the base links)
CASES = [
    ("Rosjanie ostrzelali Dobropilla na Ukrainie.", {"Dobropillia", "Ukraine"}),
    ("Rosjanie ostrzelali Dobropilla.", set()),
    ("Nida wylała pod Pińczowem.", {"Pińczów"}),
    ("Nidda leży w Niemczech.", {"Nidda", "Germany"}),
]


@pytest.fixture(scope="module")
def linker():
    return Linker(get_language("pl"), KnowledgeBase(ENTRIES))


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_a_small_town_needs_its_state_in_the_article(linker, text, expected):
    assert {e.name for e in linked_entities(linker, text) if e.id} == expected

"""Streets named after a street noun are places of their own, named "<name> Street"."""

from __future__ import annotations

import pytest

from kronika.kb import Entry, KnowledgeBase
from kronika.lang import get_language
from kronika.record import Document
from kronika.stages.link import Linker, link_entities
from kronika.stages.morph import MorphologyStage
from kronika.stages.segment import SegmentStage

ENTRIES = [Entry("Q270", "Warsaw", "GPE", "POL", aliases={"pl": ("Warszawa",)})]

# (text, the names found): a genitive name stays as written, an adjective agrees with "ulica"; a capitalised
# "Ulica" is a name's own word, and a street noun before a lower-case word names nothing.
CASES = [
    ("Protest przeszedł ul. Kasprzaka w Warszawie.", {"Kasprzaka Street", "Warsaw"}),
    ("Demonstranci weszli na ulicę Zielną.", {"Zielna Street"}),
    ("Mieszka przy ulicy Grenadierów.", {"Grenadierów Street"}),
    ("Ulica była pusta, a ulica obok też.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_streets(text, expected):
    language = get_language("pl")
    doc = MorphologyStage(language)(SegmentStage(language)(Document(text=text, date="2025-09-04")))
    doc.mentions = []
    got = link_entities(doc, Linker(language, KnowledgeBase(ENTRIES)))
    assert {e.name for e in got} == expected
    assert all(e.type == "LOC" for e in got if e.name.endswith("Street"))

"""A first name the detector left out joins the one-word name after it (``link_first_names.py``)."""

from __future__ import annotations

import re

import pytest

from kronika.kb import Entry, KnowledgeBase
from kronika.lang import get_language
from kronika.record import Document, NameMention
from kronika.stages.link import Linker, link_entities
from kronika.stages.morph import MorphologyStage
from kronika.stages.segment import SegmentStage

ENTRIES = [
    # people whose first names the linker learns: "Mustafa", "Aman", "Do"
    Entry("kronika:mustafa-kemal", "Mustafa Kemal", "PER", "TUR"),
    Entry("kronika:aman-gupta", "Aman Gupta", "PER", "IND"),
    Entry("kronika:do-hung", "Do Hung", "PER", "VNM"),
    Entry("kronika:lord-hung", "Lord Hung", "PER", "GBR"),
    Entry("kronika:the-hung", "The Hung", "PER", "VNM"),
    Entry("kronika:the-times", "The Times", "ORG", "GBR"),
    Entry("kronika:the-economist", "The Economist", "ORG", "GBR"),
    Entry("kronika:bali", "Bali", "LOC", "IDN", aliases={"pl": ("Bali",)}),
    Entry("kronika:anand", "Anand", "GPE", "IND", aliases={"pl": ("Anand",)}),
]


@pytest.fixture(scope="module")
def linker():
    return Linker(get_language("pl"), KnowledgeBase(ENTRIES))


def names(linker, text: str, mentions=()) -> dict[str, str]:
    language = get_language("pl")
    doc = MorphologyStage(language)(SegmentStage(language)(Document(text=text, date="2025-09-04")))
    doc.mentions = []
    for surface, type_, lemma in mentions:
        start = re.search(rf"(?<!\w){re.escape(surface)}(?!\w)", text).start()
        doc.mentions.append(NameMention(start, start + len(surface), surface, type_, lemma))
    return {e.name: e.type for e in link_entities(doc, linker)}


# (text, the detector's mentions, expected names and types)
CASES = [
    # a place the gazetteer found after a first name at a sentence's opening: a person
    ("Mustafa Bali z SDF przyznaje, że siły rosną.", (), {"Mustafa Bali": "PER"}),
    # a surname the detector found alone (and the base links to a town), after a first name inside the sentence
    ("Rzecznik resortu Mustafa Anand przekazał informację.", [("Anand", "PER", "Anand")], {"Mustafa Anand": "PER"}),
    # a first name that is a common noun naming no person too ("aman")
    ("Rzecznik resortu Aman Anand przekazał informację.", [("Anand", "PER", "Anand")], {"Aman Anand": "PER"}),
    # a title that is a first name of the base's people too ("Lord Kerr"): the place stays
    ("Rozmawiał z nim Lord Bali wczoraj.", (), {"Bali": "LOC"}),
    # a word that opens more of the base's bodies' names than people's ("The Times", "The Economist")
    ("Gazeta The Bali podała to wczoraj.", (), {"Bali": "LOC"}),
    # a sentence's first word that is also a common word ("do"): the place stays
    ("Do Bali przyleciał prezydent.", (), {"Bali": "LOC"}),
    # a capitalised word before the first name: a title, the place stays
    ("Przemawiał Prezes Mustafa Bali wczoraj.", (), {"Bali": "LOC"}),
]


@pytest.mark.parametrize("text, mentions, expected", CASES)
def test_a_left_out_first_name_joins_the_name_after_it(linker, text, mentions, expected):
    got = names(linker, text, mentions)
    assert {n: t for n, t in got.items() if n in expected or t == "PER"} == expected

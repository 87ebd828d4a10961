"""A one-word name the base lacks, typed a person, listed right after a known place is a place."""

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
    Entry("Q801", "Israel", "GPE", "ISR", aliases={"pl": ("Izrael",)}),
    Entry("kronika:haifa", "Haifa", "GPE", "ISR", aliases={"pl": ("Hajfa",)}, parent="Q801"),
    Entry("kronika:ashdod", "Ashdod", "GPE", "ISR", parent="Q801"),
]

# (text, the detector's mentions, the names found): listed with Haifa, "Aszdodzie" is looked for among places
# (its Polish spelling sounds as Ashdod); a person after a person stays a person.
CASES = [
    ("Stanęły porty w Hajfie i Aszdodzie.", [("Aszdodzie", "PER", "Aszdoda")], {"Haifa", "Ashdod"}),
    (
        "Przemawiali Jan Kowalski i Aszdod.",
        [("Jan Kowalski", "PER", "Jan Kowalski"), ("Aszdod", "PER", "Aszdod")],
        {"Jan Kowalski", "Aszdod"},
    ),
]


@pytest.mark.parametrize(("text", "mentions", "expected"), CASES)
def test_a_name_listed_with_places_is_a_place(text, mentions, expected):
    language = get_language("pl")
    doc = MorphologyStage(language)(SegmentStage(language)(Document(text=text, date="2025-09-04")))
    doc.mentions = []
    for surface, type_, lemma in mentions:
        start = re.search(re.escape(surface), text).start()
        doc.mentions.append(NameMention(start, start + len(surface), surface, type_, lemma))
    assert {e.name for e in link_entities(doc, Linker(language, KnowledgeBase(ENTRIES)))} == expected

"""A one-word name the base lacks, typed a person, listed right after a known place is a place; a full name typed a
place, listed between people's full names, is a person's."""

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
    assert {e.name for e in _entities(text, mentions)} == expected


# (text, the detector's mentions, the type of the name typed a place): between people it is a person's
PEOPLE_CASES = [
    (
        "Uwolnieni to: Matan Angrest, Gali Berman, Ziw Berman i Alon Ohel.",
        [
            ("Matan Angrest", "PER", "Matan Angrest"),
            ("Gali Berman", "LOC", "Gala Berman"),
            ("Ziw Berman", "PER", "Ziw Berman"),
        ],
        "PER",
    ),
    # the last of a list of people
    (
        "Uwolnieni to: Alon Ohel, Matan Angrest i Gali Berman.",
        [
            ("Alon Ohel", "PER", "Alon Ohel"),
            ("Matan Angrest", "PER", "Matan Angrest"),
            ("Gali Berman", "LOC", "Gala Berman"),
        ],
        "PER",
    ),
    # one person and a name after "i" is no list of people: the detector's type stands
    (
        "Uwolnieni to: Matan Angrest i Gali Berman.",
        [("Matan Angrest", "PER", "Matan Angrest"), ("Gali Berman", "LOC", "Gala Berman")],
        "LOC",
    ),
    # a place follows it in the list: it stays a place
    (
        "Byli tam Matan Angrest, Nowa Wieś i Hajfa.",
        [("Matan Angrest", "PER", "Matan Angrest"), ("Nowa Wieś", "GPE", "Nowa Wieś")],
        "GPE",
    ),
]


@pytest.mark.parametrize(("text", "mentions", "kind"), PEOPLE_CASES)
def test_a_full_name_listed_with_people_is_a_person(text, mentions, kind):
    place = next(surface for surface, type_, _ in mentions if type_ != "PER")
    types = {m.text: e.type for e in _entities(text, mentions) for m in e.mentions}
    assert types[place] == kind


def _entities(text, mentions):
    language = get_language("pl")
    doc = MorphologyStage(language)(SegmentStage(language)(Document(text=text, date="2025-09-04")))
    doc.mentions = []
    for surface, type_, lemma in mentions:
        start = re.search(re.escape(surface), text).start()
        doc.mentions.append(NameMention(start, start + len(surface), surface, type_, lemma))
    return link_entities(doc, Linker(language, KnowledgeBase(ENTRIES)))

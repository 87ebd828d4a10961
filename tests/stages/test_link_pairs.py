"""Two names joined by a hyphen, split for the linker when each side is a name the base knows."""

from __future__ import annotations

import pytest

from kronika.kb import Entry, KnowledgeBase
from kronika.lang import get_language
from kronika.record import Document, NameMention
from kronika.stages.link import Linker, link_entities
from kronika.stages.link_pairs import split_name_pairs
from kronika.stages.morph import MorphologyStage
from kronika.stages.segment import SegmentStage

ENTRIES = [
    Entry("Q159", "Russia", "GPE", "RUS", "GOV", aliases={"pl": ("Rosja",)}, adjectives={"pl": ("rosyjski",)}),
    Entry("Q212", "Ukraine", "GPE", "UKR", "GOV", aliases={"pl": ("Ukraina",)}, adjectives={"pl": ("ukraiński",)}),
    Entry("Q458", "European Union", "ORG", None, "IGO", aliases={"pl": ("UE", "Unia Europejska")}),
    Entry("kronika:bb", "Bielsko-Biała", "GPE", "POL", aliases={"pl": ("Bielsko-Biała",)}),
    Entry("kronika:bielsko", "Bielsko", "GPE", "POL", aliases={"pl": ("Bielsko",)}),
    Entry("kronika:biala", "Biała", "GPE", "POL", aliases={"pl": ("Biała",)}),
]


@pytest.fixture(scope="module")
def linker():
    return Linker(get_language("pl"), KnowledgeBase(ENTRIES))


def analysed(text: str, surface: str, type_: str) -> Document:
    language = get_language("pl")
    doc = MorphologyStage(language)(SegmentStage(language)(Document(text=text, date="2024-05-01")))
    start = text.index(surface)
    doc.mentions = [NameMention(start, start + len(surface), surface, type_, surface)]
    return doc


# (text, the detector's mention, its type, expected entity name -> mention texts)
CASES = [
    ("Rozmowy Rosja-Ukraina utknęły.", "Rosja-Ukraina", "GPE", {"Russia": ["Rosja"], "Ukraine": ["Ukraina"]}),
    ("Szczyt UE-Rosja odwołano.", "UE-Rosja", "ORG", {"European Union": ["UE"], "Russia": ["Rosja"]}),
    # A name with a hyphen of its own stays whole, though each part is a name too.
    ("Mieszkańcy Bielsko-Biała protestują.", "Bielsko-Biała", "GPE", {"Bielsko-Biała": ["Bielsko-Biała"]}),
    # A side the base does not know keeps the word whole.
    ("Mecz Rosja-Wakanda odwołano.", "Rosja-Wakanda", "GPE", {"Rosja-Wakanda": ["Rosja-Wakanda"]}),
]


@pytest.mark.parametrize(("text", "surface", "type_", "expected"), CASES)
def test_names_joined_by_a_hyphen(linker, text, surface, type_, expected):
    got = {e.name: [m.text for m in e.mentions] for e in link_entities(analysed(text, surface, type_), linker)}
    assert got == expected


def test_split_tokens_point_into_the_text(linker):
    doc = analysed("Rozmowy Rosja–Ukraina utknęły.", "Rosja–Ukraina", "GPE")
    tokens = split_name_pairs(linker, doc.tokens)
    assert [doc.text[t.start : t.end] for t in tokens] == [t.text for t in tokens]
    assert [t.text for t in tokens][1:4] == ["Rosja", "–", "Ukraina"]
    assert split_name_pairs(linker, doc.tokens[:1]) == doc.tokens[:1]

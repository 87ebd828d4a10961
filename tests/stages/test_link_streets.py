"""Places named after a place noun are places of their own: "<name> Street", "<name> River", "Hotel <name>"."""

from __future__ import annotations

import pytest

from kronika.kb import Entry, KnowledgeBase
from kronika.lang import get_language
from kronika.record import Document
from kronika.stages.link import Linker, link_entities
from kronika.stages.morph import MorphologyStage
from kronika.stages.segment import SegmentStage

ENTRIES = [
    Entry("Q270", "Warsaw", "GPE", "POL", aliases={"pl": ("Warszawa",)}),
    Entry("Q865", "Taiwan", "GPE", "TWN", aliases={"pl": ("Tajwan",)}),
    Entry("Q190", "Narva", "GPE", "EST", aliases={"pl": ("Narwa",)}),
    Entry("Q1022", "Halabja", "GPE", "IRQ"),
]

# (text, the names found): a street's genitive name stays as written, an adjective agrees with "ulica"; a
# capitalised "Ulica" is a name's own word, and a place noun before a lower-case word names nothing. A bridge
# takes the name's base form, a hotel's English word opens the name; "wyspa" names island groups by its plural,
# one island by its name alone; a known state after "wyspy" stays itself, a town after "rzeka" gives way to the
# river; a town's noun may open a list of towns, each the base's town its name sounds as.
CASES = [
    ("Protest przeszedł ul. Kasprzaka w Warszawie.", {"Kasprzaka Street", "Warsaw"}),
    ("Demonstranci weszli na ulicę Zielną.", {"Zielna Street"}),
    ("Mieszka przy ulicy Grenadierów.", {"Grenadierów Street"}),
    ("Szli aleją Poniatowskiego.", {"Poniatowskiego Avenue"}),
    ("Tłumy szły ulicami Warszawy.", {"Warsaw"}),
    ("Zebrali się na lotnisku\nW sobotę odlecieli.", set()),
    ("Ulica była pusta, a ulica obok też.", set()),
    ("Kolumna przejechała mostem Poniatowskiego.", {"Poniatowski Bridge"}),
    ("Żołnierze starli się nad rzeką Galwan.", {"Galwan River"}),
    ("Statki krążą wokół wysp Spratly.", {"Spratly Islands"}),
    ("Wybuch nastąpił przed hotelem Dayah.", {"Hotel Dayah"}),
    ("Więzienie stoi na wyspie Nusakambangan.", {"Nusakambangan"}),
    ("Drony spadły w miejscowościach Wyryki, Wohyń i Cześniki.", {"Wyryki", "Wohyń", "Cześniki"}),
    ("Walki trwały w mieście Ras al-Ain.", {"Ras al-Ain"}),
    ("Region obejmuje prowincje Dahuk i Halabdża.", {"Dahuk", "Halabja"}),
    ("Mieszkają na Wyspach Brytyjskich.", set()),
    ("Wojsko zbombardowało wieś Pa Zy Gyi.", {"Pa Zy Gyi"}),
    ("Zamknięto lotniska: Chopina i Modlin.", {"Chopin Airport", "Modlin Airport"}),
    ("Okręty pływają wokół wyspy Tajwan.", {"Taiwan"}),
    ("Przypłynęli przez rzekę Narwa.", {"Narwa River"}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_streets(text, expected):
    language = get_language("pl")
    doc = MorphologyStage(language)(SegmentStage(language)(Document(text=text, date="2025-09-04")))
    doc.mentions = []
    got = link_entities(doc, Linker(language, KnowledgeBase(ENTRIES)))
    assert {e.name for e in got} == expected
    assert all(e.type in ("GPE", "LOC") for e in got)

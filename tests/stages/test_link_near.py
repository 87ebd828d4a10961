"""A name the base lacks as written that is a slip away from one of its names links to it when the entry fits the
article: a state, a body of no state, or an entry of a state the article names."""

from __future__ import annotations

import pytest

from kronika.kb import Entry, KnowledgeBase
from kronika.lang import get_language
from kronika.stages.link import Linker
from kronika.stages.link_near import key, near_entry

ENTRIES = [
    Entry(
        "Q1019", "Madagascar", "GPE", "MDG", "GOV", aliases={"pl": ("Madagaskar",)}, adjectives={"pl": ("malgaski",)}
    ),
    Entry("kronika:al-qaeda", "Al-Qaeda", "ORG", None, "REB", aliases={"pl": ("Al-Kaida",)}),
    Entry("kronika:lashkar-e-taiba", "Lashkar-e-Taiba", "ORG", "PAK", "REB", source="curated"),
    Entry("kronika:namangan", "Namangan", "GPE", "UZB"),
    Entry("kronika:pawel-nowak", "Paweł Nowakowski", "PER", "POL"),
]

# (texts of the unlinked name, its type, the states the article names, the entry expected or None)
CASES = [
    (["Madagskar"], "GPE", set(), "Q1019"),  # a state fits any article
    (["Al-kaid"], "ORG", set(), "kronika:al-qaeda"),  # a lemma gone astray; a body of no state
    (["Lakshar-e-Taiba"], "ORG", {"PAK", "IND"}, "kronika:lashkar-e-taiba"),
    (["Lakshar-e-Taiba"], "ORG", {"FRA"}, None),  # a group of a state the article never names
    (["Namanga"], "GPE", {"KEN", "TZA"}, None),  # a town in Kenya is no Namangan of Uzbekistan
    (["Madagskar"], "PER", set(), None),  # a person's name is only another person's
    (["Madagaskar"], "GPE", set(), None),  # the same key: the base's own lookup had its chance
    (["Al-Kaid Nowak"], "ORG", set(), None),  # not near enough
]


@pytest.fixture(scope="module")
def linker():
    return Linker(get_language("pl"), KnowledgeBase(ENTRIES))


@pytest.mark.parametrize(("texts", "type_", "states", "expected"), CASES)
def test_a_near_name_links_when_the_entry_fits_the_article(linker, texts, type_, states, expected):
    entry = near_entry(linker, texts, type_, states)
    assert (entry.id if entry else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Agence France-Presse", "agence france presse"), ("Malmö", "malmo"), ("Al-Kaida", "al kaida")],
)
def test_keys_ignore_case_accents_and_hyphens(text, expected):
    assert key(text) == expected

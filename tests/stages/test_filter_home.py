"""Organisations of the home state the knowledge base lacks, in an article about it, stay as named; one holding
a foreign state's or an international body's name, or in an article about another state, is the filter's."""

from __future__ import annotations

import pytest

from kronika.kb import Entry, KnowledgeBase
from kronika.lang import get_language
from kronika.record import Entity, Mention
from kronika.stages.filter_home import home_organisations, top_states
from kronika.stages.link import Linker, link_entities
from tests.stages.test_link import analysed

ENTRIES = [
    Entry("Q36", "Poland", "GPE", "POL", aliases={"pl": ("Polska",)}),
    Entry("Q43", "Turkey", "GPE", "TUR", aliases={"pl": ("Turcja",)}),
    Entry("Q458", "European Union", "ORG", None, aliases={"pl": ("UE",)}),
    Entry("kronika:sejm", "Sejm", "ORG", "POL", aliases={"pl": ("Sejm",)}),
]

# (text, the detector's mentions, the home state, the names kept as home organisations)
CASES = [
    (
        "Polska protestuje. W Polsce Ruch Obrony Granic i Kancelaria Sejmu ogłosiły protest.",
        [("Ruch Obrony Granic", "ORG", "Ruch Obrony Granic"), ("Kancelaria Sejmu", "ORG", "Kancelaria Sejmu")],
        "POL",
        {"Ruch Obrony Granic", "Kancelaria Sejmu"},
    ),
    (
        "Polska protestuje. W Polsce Trybunał Sprawiedliwości UE orzekł.",
        [("Trybunał Sprawiedliwości UE", "ORG", "Trybunał Sprawiedliwości UE")],
        "POL",
        set(),
    ),
    (
        "Polska protestuje. W Polsce Stowarzyszenie Dziennikarzy Turcji protestowało.",
        [("Stowarzyszenie Dziennikarzy Turcji", "ORG", "Stowarzyszenie Dziennikarzy Turcji")],
        "POL",
        set(),
    ),
    (
        "Turcja protestuje. W Turcji Ruch Obrony Granic protestował.",
        [("Ruch Obrony Granic", "ORG", "Ruch Obrony Granic")],
        "POL",
        set(),
    ),
    (
        "Polska protestuje. W Polsce Ruch Obrony Granic protestował.",
        [("Ruch Obrony Granic", "ORG", "Ruch Obrony Granic")],
        None,
        set(),
    ),
]


@pytest.mark.parametrize(("text", "mentions", "home", "expected"), CASES)
def test_home_organisations_stay_as_named(text, mentions, home, expected):
    doc = analysed(text, mentions=mentions)
    linker = Linker(get_language("pl"), KnowledgeBase(ENTRIES))
    doc.entities = link_entities(doc, linker)
    kept = home_organisations(doc, linker, home)
    assert {e.name for e in doc.entities if e.id in kept} == expected


def _state(country: str, n: int) -> Entity:
    return Entity(country, country, "GPE", country, mentions=[Mention(0, 1, "x")] * n)


# (the states' mention counts, the states named most: ties all count)
TOPS = [([], set()), ([("POL", 3), ("DEU", 2)], {"POL"}), ([("POL", 2), ("CZE", 2)], {"POL", "CZE"})]


@pytest.mark.parametrize(("counts", "expected"), TOPS)
def test_the_states_named_most(counts, expected):
    assert top_states([_state(c, n) for c, n in counts]) == expected


# (text, the detector's mentions, the names the stage keeps when its model drops everything)
STAGE_CASES = [
    (
        "Polska protestuje. W Polsce Ruch Obrony Granic protestował.",
        [("Ruch Obrony Granic", "ORG", "Ruch Obrony Granic")],
        {"Ruch Obrony Granic"},
    ),
    (
        "Turcja protestuje. W Turcji Ruch Obrony Granic protestował.",
        [("Ruch Obrony Granic", "ORG", "Ruch Obrony Granic")],
        set(),
    ),
]


@pytest.mark.parametrize(("text", "mentions", "expected"), STAGE_CASES)
def test_the_entity_filter_keeps_home_organisations_its_model_drops(monkeypatch, text, mentions, expected):
    from kronika.events.linear import LinearModel
    from kronika.stages import entity_filter

    language = get_language("pl")
    linker = Linker(language, KnowledgeBase(ENTRIES))
    doc = analysed(text, mentions=mentions)
    doc.entities = link_entities(doc, linker)
    drop_all = LinearModel(["drop", entity_filter.KEEP], [1.0, -1.0], {})
    monkeypatch.setattr(entity_filter, "load_filter", lambda code: (drop_all, 0.99))
    monkeypatch.setattr(entity_filter, "load_linker", lambda code: linker)
    kept = entity_filter.EntityFilterStage(language)(doc).entities
    assert {e.name for e in kept} == expected

"""Regions listed under one noun, the second by its adjective alone, and regions whose adjective the
dictionary lacks."""

from __future__ import annotations

import pytest
from conftest import linked_entities

from kronika.kb import Entry, KnowledgeBase
from kronika.lang import get_language
from kronika.stages.link import Linker

ENTRIES = [
    Entry("Q159", "Russia", "GPE", "RUS", "GOV", aliases={"pl": ("Rosja",)}),
    Entry("kronika:kursk-oblast", "Kursk Oblast", "GPE", "RUS", aliases={"pl": ("obwód kurski",)}),
    Entry("kronika:belgorod-oblast", "Belgorod Oblast", "GPE", "RUS", aliases={"pl": ("obwód biełgorodzki",)}),
    Entry("kronika:bryansk-oblast", "Bryansk Oblast", "GPE", "RUS", aliases={"pl": ("obwód briański",)}),
]

# (text, the regions found with their mentions): "biełgorodzki" and "briański" are not in the dictionary.
CASES = [
    ("Walki trwają w obwodzie briańskim.", {"Bryansk Oblast": ["obwodzie briańskim"]}),
    (
        "Ewakuowano ludność w obwodzie kurskim oraz biełgorodzkim.",
        {"Kursk Oblast": ["obwodzie kurskim"], "Belgorod Oblast": ["biełgorodzkim"]},
    ),
    (
        "W obwodzie kurskim, biełgorodzkim i briańskim ogłoszono alarm.",
        {"Kursk Oblast": ["obwodzie kurskim"], "Belgorod Oblast": ["biełgorodzkim"], "Bryansk Oblast": ["briańskim"]},
    ),
    # An adjective that names no region of the noun ends the list.
    ("W obwodzie kurskim i ciemnym lesie było cicho.", {"Kursk Oblast": ["obwodzie kurskim"]}),
]


@pytest.fixture(scope="module")
def linker():
    return Linker(get_language("pl"), KnowledgeBase(ENTRIES))


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_a_region_named_by_its_adjective_in_a_list_is_that_region(linker, text, expected):
    got = {e.name: [m.text for m in e.mentions] for e in linked_entities(linker, text)}
    assert got == expected

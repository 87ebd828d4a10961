"""A state's national Red Cross or Red Crescent society, named by its English title."""

from __future__ import annotations

import pytest
from conftest import linked_entities

from kronika.kb import Entry, KnowledgeBase
from kronika.lang import get_language
from kronika.stages.link import Linker

ENTRIES = [
    Entry(
        "Q822", "Lebanon", "GPE", "LBN", "GOV", aliases={"pl": ("Liban",)},
        adjectives={"pl": ("libański",), "en": ("Lebanese",)},
    ),
    Entry(
        "Q1028", "Morocco", "GPE", "MAR", "GOV", aliases={"pl": ("Maroko",)},
        adjectives={"pl": ("marokański",), "en": ("Moroccan",)},
    ),
]  # fmt: skip

# (text, the entities found: name -> country)
CASES = [
    ("Według Libańskiego Czerwonego Krzyża rannych jest stu.", {"Lebanese Red Cross": "LBN"}),
    ("Służby skontaktowały się z marokańskim Czerwonym Półksiężycem.", {"Moroccan Red Crescent": "MAR"}),
    # No state's adjective: no state's society.
    ("Hamas przekazał zakładników Czerwonemu Krzyżowi.", {}),
]


@pytest.fixture(scope="module")
def linker():
    return Linker(get_language("pl"), KnowledgeBase(ENTRIES))


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_a_states_adjective_before_the_movement_names_its_society(linker, text, expected):
    got = {e.name: e.country for e in linked_entities(linker, text)}
    assert got == expected

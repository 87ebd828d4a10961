"""``scripts/build_kb.py``: which names a small town may be linked by (``PolishNames.is_free``) and the
Ukrainian and Russian towns' English and Polish names (``cyrillic_names``)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from build_kb import PolishNames, cyrillic_names  # noqa: E402

PERSON_WORDS = frozenset({"morales", "cruz"})

# (name, whether no Polish word, first name, surname or person's name of the base spells it)
FREE = [
    ("Pokrowsk", True),  # unknown to SGJP
    ("Budziszyn", True),  # a place only to SGJP
    ("Marina", False),  # a first name
    ("Most", False),  # a common noun
    ("Unia", False),  # a place, but a common noun too
    ("Āmūr", False),  # "Amur" without its diacritics
    ("Morales", False),  # a person's surname in the base
    ("Santa Cruz", True),  # several words: one free word is enough
    ("Port Huron", True),
]


@pytest.fixture(scope="module")
def polish():
    return PolishNames()


@pytest.mark.parametrize(("name", "free"), FREE)
def test_is_free(polish, name, free):
    assert polish.is_free(name, PERSON_WORDS) is free


# (GeoNames' name and alternate names, state, English name or None, Polish spelling or None)
CITIES = [
    ("Zaporizhzhya", ["Запорожье", "Запоріжжя", "Zaporijja"], "UKR", "Zaporizhzhia", "Zaporiżżia"),
    ("Vovchansk", ["Вовчанськ", "Волчанск"], "UKR", "Vovchansk", "Wowczańsk"),
    ("Belgorod", ["Белгород", "Білгород"], "RUS", None, "Biełgorod"),
    ("Paris", ["Париж", "Paryż"], "FRA", None, None),
]


@pytest.mark.parametrize(("name", "alternates", "state", "english", "polish_name"), CITIES)
def test_cyrillic_names(name, alternates, state, english, polish_name):
    city = {"name": name, "alternatenames": alternates}
    assert cyrillic_names(city, state) == (english, polish_name)

"""English spellings of Polish spellings of Georgian, Armenian, Persian, Hebrew, Bulgarian, Greek, Korean and
Turkic names, and which names take them."""

from __future__ import annotations

import pytest

from kronika.lang.pl import LANGUAGE
from kronika.lang.pl.conventions import marked_state, romanize, spell
from kronika.lang.pl.translit import first_names

# (Polish spelling, convention, English spelling)
SPELLINGS = [
    ("Dawit Gelaszwili", "georgian", "Davit Gelashvili"),
    ("Lewan Kachidze", "georgian", "Levan Kakhidze"),
    ("Aram Szachinian", "armenian", "Aram Shakhinyan"),
    ("Gurgen Mirzojan", "armenian", "Gurgen Mirzoyan"),
    ("Reza Chosrowi", "persian", "Reza Khosrovi"),
    ("Hosejn Dżalili", "persian", "Hosein Jalili"),
    ("Mahmud Rowhanifar", "persian", "Mahmud Rouhanifar"),
    ("Ejal Cur", "hebrew", "Eyal Tzur"),
    ("Awiw Szochat", "hebrew", "Aviv Shochat"),
    ("Petyr Jordanow", "bulgarian", "Petar Yordanov"),
    ("Jelena Chadżijewa", "bulgarian", "Elena Hadzhieva"),
    ("Kostas Papadopulos", "greek", "Kostas Papadopoulos"),
    ("Janis Kocakis", "greek", "Yanis Kotsakis"),
    ("Pak Dzong Mjong", "korean", "Pak Jong Myong"),
    ("Bolat Dżumabajew", "turkic", "Bolat Jumabayev"),
]


@pytest.mark.parametrize(("polish", "convention", "english"), SPELLINGS)
def test_spell(polish, convention, english):
    assert spell(polish, convention) == english


def known(word: str) -> bool:
    return word in {"Jan", "Kowalski", "Marek", "Dawid", "Kowalidze"}


PEOPLE = [
    ("USA", ["Matthew", "John"], ["Matthew", "John"]),
    ("POL", ["Marek"], ["Marek"]),
    ("GEO", ["Dawit"], []),
    ("SAU", ["Jamal"], []),
    ("KAZ", ["Bolat"], ["Bolat"]),
    ("RUS", ["Sergei"], ["Siergiej"]),
]

# (name, the state the evidence gives the person, English spelling and state or None)
CASES = [
    ("Lewan Kachidze", None, ("Levan Kakhidze", "GEO")),  # a Georgian surname ending alone
    ("Kostas Papadopulos", None, ("Kostas Papadopoulos", "GRC")),  # a Greek one
    ("Petyr Jordanow", None, None),  # no ending of one language: the article's state alone is not enough
    ("Petyr Jordanow", "BGR", ("Petar Yordanov", "BGR")),
    ("Ejal Cur", "ISR", ("Eyal Tzur", "ISR")),  # an Israeli by the text
    ("Ejal Cur", "USA", None),  # an American by the text: his name is his own
    ("Somchai Wongsawat", "THA", None),  # a state of no convention keeps its name as written
    ("Matthew Whitmore", "GEO", None),  # letters no Polish spelling writes
    ("Kim Jong Chol", "PRK", None),  # an English spelling already: no Polish letter
    ("Nicos Kotsis", "CYP", None),
    ("Jan Kowalidze", None, None),  # dictionary words only, with an ending alone: stays
]


@pytest.mark.parametrize(("name", "state", "expected"), CASES)
def test_romanize(name, state, expected):
    assert romanize(name, known, state) == expected


@pytest.mark.parametrize(
    ("name", "state"),
    [("Nino Burdżanadze", "GEO"), ("Zurab Chaczidze", "GEO"), ("Jorgos Papakis", "GRC"), ("Anna Nowak", None)],
)
def test_marked_state(name, state):
    assert marked_state(name) == state


# The pack's order: a stated state and a surname ending go first; East Slavic (unless the first name is only
# other states' people's) and Arabic next; a first name of one convention's people last.
PACK = [
    ("Dżamal Haszimi", {"RUS": 3}, None, ("Jamal Hashimi", None)),  # an Arab's first name in news from Moscow
    ("Bolat Nurlanow", {}, None, ("Bolat Nurlanov", None)),  # a Kazakh's first name: the spelling, no state
    ("Siergiej Nurlanow", {}, None, ("Sergei Nurlanov", "RUS")),
    ("Nikołaj Petkow", {"BGR": 3}, "BGR", ("Nikolay Petkov", "BGR")),
    ("Siergiej Ławrow", {"GEO": 2, "RUS": 1}, None, ("Sergei Lavrov", "RUS")),
    ("Matthew Whitmore", {"GEO": 3}, "USA", None),
    ("Zurab Chaczidze", {"RUS": 3}, None, ("Zurab Khachidze", "GEO")),
]


@pytest.mark.parametrize(("name", "context", "state", "expected"), PACK)
def test_pack_order(name, context, state, expected):
    assert LANGUAGE.romanize(name, context, state, first_names(PEOPLE), person=True) == expected


def test_places_keep_their_names():
    assert LANGUAGE.romanize("Kutaisi Czachidze", {"GEO": 3}, "GEO", None, person=False) is None

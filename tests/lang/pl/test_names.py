"""The surname endings of the Polish pack's names data."""

from __future__ import annotations

import pytest

from kronika.lang.pl.names import (
    adjective_forms,
    feminine_forms,
    masculine_forms,
    may_be_ia_oblique,
    o_name_base,
    strip_case_ending,
)

# (surname as written, the first name's cases, the nominative by its regular ending or None)
STRIP_CASES = [
    ("Bazouma", {"gen"}, "Bazoum"),
    ("Bazoumowi", {"dat"}, "Bazoum"),
    ("Bazoumem", {"inst"}, "Bazoum"),
    ("Lecornu", {"gen"}, None),  # a vowel at the end: indeclinable
    # A woman's adjectival surname ends in "-a" in the nominative: no masculine genitive.
    ("Kędzierska", {"gen", "acc"}, None),
    ("Nowicka", {"gen"}, None),
    ("Zawadzka", {"acc"}, None),
    ("Kowalski", {"gen"}, None),
    # A surname in -i declines as an adjective.
    ("Sulejmaniego", {"gen"}, "Sulejmani"),
    ("Kowalskiego", {"acc"}, "Kowalski"),
    ("Sulejmaniemu", {"dat"}, "Sulejmani"),
    ("Sulejmanim", {"inst"}, "Sulejmani"),
    ("Nawalnego", {"gen"}, None),  # "-ego" after no "i": the nominative may end in "-y" or "-e"
]


@pytest.mark.parametrize(("surname", "cases", "expected"), STRIP_CASES)
def test_strip_case_ending(surname, cases, expected):
    assert strip_case_ending(surname, cases) == expected


# (an oblique form, the base form of a man's name in -o it may be, or None)
O_NAME_CASES = [
    ("Kościuszki", "Kościuszko"),
    ("Kościuszce", "Kościuszko"),
    ("Kościuszkę", "Kościuszko"),
    ("Kościuszką", "Kościuszko"),
    ("Castrowi", "Castro"),
    ("Castrem", "Castro"),
    ("Petra", "Petro"),
    ("Szewardnadze", None),  # a Georgian "-dze" is no "-o" name
    ("Lee", None),
    ("Ki", None),
]


@pytest.mark.parametrize(("word", "expected"), O_NAME_CASES)
def test_o_name_base(word, expected):
    assert o_name_base(word) == expected


# (a feminine name in -a the dictionary lacks, its regular oblique forms: genitive, dative/locative,
# accusative, instrumental); other words have none.
FEMININE_CASES = [
    ("Burkina", ("Burkiny", "Burkinie", "Burkinę", "Burkiną")),
    ("Tamba", ("Tamby", "Tambie", "Tambę", "Tambą")),
    ("Kiruka", ("Kiruki", "Kiruce", "Kirukę", "Kiruką")),
    ("Tamora", ("Tamory", "Tamorze", "Tamorę", "Tamorą")),
    ("Bissau", ()),
    ("Kidal", ()),
    ("Goa", ()),
]


@pytest.mark.parametrize(("word", "expected"), FEMININE_CASES)
def test_feminine_forms(word, expected):
    assert feminine_forms(word) == expected


# (a masculine name ending in a consonant the dictionary lacks, its regular oblique forms); others have none.
MASCULINE_CASES = [
    ("Kidal", ("Kidala", "Kidalu", "Kidalowi", "Kidalem")),
    ("Chartum", ("Chartuma", "Chartumu", "Chartumowi", "Chartumem", "Chartumie")),
    ("Dakar", ("Dakara", "Dakaru", "Dakarowi", "Dakarem", "Dakarze")),
    ("Rabat", ("Rabata", "Rabatu", "Rabatowi", "Rabatem", "Rabacie")),
    ("Toreck", ("Torecka", "Torecku", "Toreckowi", "Toreckiem")),
    ("Goma", ()),
    ("Abu", ()),
]


@pytest.mark.parametrize(("word", "expected"), MASCULINE_CASES)
def test_masculine_forms(word, expected):
    assert masculine_forms(word) == expected


# (adjective in its base form, some of its regular case forms, or none for a word that is no such adjective)
ADJECTIVE_CASES = [
    ("briański", {"briańskim", "briańskiego", "briańską", "briańskiej", "briańskie"}),
    ("biełgorodzki", {"biełgorodzkim", "biełgorodzkiego"}),
    ("czarny", {"czarnym", "czarnego", "czarną", "czarnej"}),
    ("Briański", set()),  # a capitalised word is a name's, declined by the name rules
    ("obwód", set()),
    ("zły", set()),  # too short to tell
]


@pytest.mark.parametrize(("word", "expected"), ADJECTIVE_CASES)
def test_adjective_forms(word, expected):
    forms = set(adjective_forms(word))
    assert expected <= forms and bool(forms) is bool(expected)


# (form, lemma, whether the form may be an oblique case of the lemma): after a soft consonant an "-ia" noun
# loses its "a" ("Kasi"); after any other letter, or a doubled one, its oblique cases end in "-ii".
IA_OBLIQUE_CASES = [
    ("Kasi", "Kasia", True),
    ("Ani", "Ania", True),
    ("Dzidzi", "Dzidzia", True),
    ("Cipi", "Cipia", False),
    ("Krissi", "Krissia", False),
    ("Marii", "Maria", True),
    ("Gali", "Gala", True),
    ("Berman", "Berman", True),
]


@pytest.mark.parametrize(("form", "lemma", "expected"), IA_OBLIQUE_CASES)
def test_may_be_ia_oblique(form, lemma, expected):
    assert may_be_ia_oblique(form, lemma) is expected

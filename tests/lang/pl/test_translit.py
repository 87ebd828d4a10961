"""English spellings of Polish transliterations of Ukrainian, Russian and Belarusian names."""

from __future__ import annotations

import pytest

from kronika.lang.pl.translit import first_names, romanize, sound_keys, source_state, spell

# (Polish spelling, state, English spelling)
SPELLINGS = [
    ("Wołodymyr Kłyczko", "UKR", "Volodymyr Klychko"),
    ("Andrij Jermak", "UKR", "Andrii Yermak"),
    ("Mykołajiw", "UKR", "Mykolaiv"),
    ("Kyjiw", "UKR", "Kyiv"),
    ("Charków", "UKR", "Kharkov"),
    ("Szczastia", "UKR", "Shchastia"),
    ("Siergiej Szojgu", "RUS", "Sergei Shoigu"),
    ("Władimir Miedinski", "RUS", "Vladimir Medinsky"),
    ("Nikołaj Pietrow", "RUS", "Nikolai Petrov"),
    ("Jewgienij Rodionow", "RUS", "Yevgeny Rodionov"),
    ("Wiaczesław Wołodin", "RUS", "Vyacheslav Volodin"),
    ("Aleksiej Nawalnyj", "RUS", "Aleksei Navalny"),
    ("Pawło Żebriwski", "UKR", "Pavlo Zhebrivskyi"),
    ("Hienadź Łukaszonak", "BLR", "Hienadz Lukashonak"),
]


@pytest.mark.parametrize(("polish", "state", "english"), SPELLINGS)
def test_spell(polish, state, english):
    assert spell(polish, state) == english


def unknown(word: str) -> bool:
    return False  # as if no word were in the dictionary


POLISH = {"Maciej", "Jan", "Kowalski", "Wiaczesław"}

# (name, mentions of states in the article, expected state or None)
STATES = [
    ("Ołeksij Kyryłenko", {}, "UKR"),  # markers: "Ky", "-enko"
    ("Andrij Hnatiuk", {"POL": 5}, "UKR"),
    # an article about other states: one ending shared with Polish transliterations proves nothing, two do
    ("Getachew Reda", {"ETH": 3}, None),
    ("Jurij Dawydow", {"DEU": 2}, "RUS"),
    ("Jurij Dawydow", {"UKR": 1, "RUS": 1}, "RUS"),  # the Russian ending outweighs an even context
    ("Zajiczkin", {"BLR": 3}, "BLR"),
    ("Kłynowe", {"UKR": 4, "POL": 1}, "UKR"),  # no marker: an article about Ukraine, Polish-only letters
    ("Kłynowe", {"UKR": 1, "POL": 4}, None),  # ... but not in an article mostly about Poland
    ("John Smith", {"RUS": 1, "USA": 1}, None),  # "h" alone marks nothing
    ("Steve Witkoff", {"RUS": 5}, None),  # no letter an English spelling lacks
    ("Maciej Wewiór", {"RUS": 5}, None),  # a Polish first name
    ("Jan Kowalski", {"UKR": 5}, None),
    ("Moussa Kourouma", {}, None),  # a French "ou" alone marks nothing
    ("Swiatłana Cichanouska", {"BLR": 2}, "BLR"),  # ... a Belarusian one tells the states apart
]


@pytest.mark.parametrize(("name", "context", "state"), STATES)
def test_source_state(name, context, state):
    assert source_state(name, context, lambda word: word in POLISH) == state


def test_romanize_gives_spelling_and_state():
    assert romanize("Serhij Tkaczuk", {"UKR": 2}, unknown) == ("Serhii Tkachuk", "UKR")
    assert romanize("John Smith", {}, unknown) is None


# (name, the state the text says the person serves, expected): the text decides before any letter does, and a
# name with sequences Polish transliteration never writes is already in its own Latin spelling.
STATED = [
    ("Matthew Whitmore", None, None),  # "ew" looks Russian, but "th"/"wh" are not Polish transliteration
    ("Serhij Tkaczuk", "USA", None),
    ("Serhij Tkaczuk", "UKR", ("Serhii Tkachuk", "UKR")),
    ("Grant Shapps", None, None),
    ("Abdourahamane Tchiani", None, None),  # a French "tch"
]


@pytest.mark.parametrize(("name", "state", "expected"), STATED)
def test_romanize_honours_the_stated_state(name, state, expected):
    assert romanize(name, {"RUS": 3}, unknown, state) == expected


# (Polish spelling, English spelling, whether they share a key)
SOUND_CASES = [
    ("Wiktor Janukowycz", "Viktor Yanukovych", True),
    ("Witalij Kliczko", "Vitali Klitschko", True),
    ("Arsenij Jaceniuk", "Arseniy Yatsenyuk", True),
    ("Słowiańsk", "Sloviansk", True),
    ("Siergiej Skripal", "Sergei Skripal", True),
    ("Jan Kowalski", "John Cowley", False),
    ("Petro Poroszenko", "Pedro Porras", False),
    # One word kept in an English spelling, the other in the Polish one.
    ("Ilkham Alijew", "Ilham Aliyev", True),
]


@pytest.mark.parametrize(("polish", "english", "shared"), SOUND_CASES)
def test_sound_keys_meet_across_spellings(polish, english, shared):
    assert bool(sound_keys(polish) & sound_keys(english)) is shared


def test_sound_keys_of_no_letters_are_empty():
    assert sound_keys("123 -") == frozenset()


# The knowledge base's people as ``first_names`` reads them: (country, English first names, Polish first names).
PEOPLE = [
    ("RUS", ["Sergei"], []),
    ("RUS", ["Sergey"], ["Siergiej"]),
    ("RUS", ["Andrey"], []),
    ("RUS", ["Andrei"], []),
    ("UKR", ["Volodymyr"], []),
    ("BLR", ["Viktar"], ["Wiktar"]),
    ("FRA", ["Andre"], []),
    ("BRA", ["Andre"], []),
    ("COG", ["Andre"], []),
    ("POL", ["Wladyslaw"], ["Władysław"]),
    ("CZE", ["Vladislav"], []),
    ("RUS", ["Vladislav"], []),
]

# (name, mentions of states in the article, expected state): a Polish spelling of a first name that mostly
# the base's East Slavic people bear marks the name; one other states' people bear as written does not.
FIRST_NAME_CASES = [
    ("Siergiej Mostek", {}, "RUS"),  # the base spells a Russian "Siergiej"
    ("Andriej Bolko", {}, "RUS"),  # "Andrei": Russians only ("Andre" is another name)
    ("Wołodymyr Bolko", {}, "UKR"),
    ("Wiktar Bolko", {}, "BLR"),
    ("Władysław Bolko", {"RUS": 1, "POL": 3}, None),  # a Polish person's first name as written
    ("Siergiej Kowalski", {}, None),  # a dictionary surname, and no East Slavic state in the article
    ("Siergiej Kowalski", {"RUS": 1, "POL": 1}, "RUS"),
    ("Siergiej", {}, None),  # a first name alone is no name to convert
]


@pytest.mark.parametrize(("name", "context", "state"), FIRST_NAME_CASES)
def test_first_names_mark_the_source_state(name, context, state):
    assert source_state(name, context, lambda word: word in ("Kowalski", "Władysław"), first_names(PEOPLE)) == state


def test_romanize_by_first_name():
    assert romanize("Siergiej Mostek", {}, unknown, first_names=first_names(PEOPLE)) == ("Sergei Mostek", "RUS")

"""English spellings of Polish transcriptions of Arabic names."""

from __future__ import annotations

import pytest

from kronika.lang.pl.arabic import is_arabic, romanize, spell

# (Polish spelling, English spelling)
SPELLINGS = [
    ("Chalid Dżabir asz-Szamri", "Khalid Jabir al-Shamri"),
    ("Jusuf bin Zajed", "Yusuf bin Zayed"),
    ("Nasrullah Mudżahid", "Nasrullah Mujahid"),
    ("Abd ar-Rahman", "Abd al-Rahman"),
    ("Hamid ad-Dżabiri", "Hamid al-Jabiri"),  # "ad-" before no "d" stays as written, its letters converted
    ("Fajsal an-Nasir", "Faysal al-Nasir"),
]


@pytest.mark.parametrize(("polish", "english"), SPELLINGS)
def test_spell(polish, english):
    assert spell(polish).lower() == english.lower()


def known(word: str) -> bool:
    return word in {"Kowalski", "Marek", "Jan"}


# (name, mentions of states in the article, the state the text gives the person, whether it is Arabic)
ARABIC_CASES = [
    ("Tarik al-Hadżiri", {}, None, True),  # the article
    ("Sajf bin Rasid", {"POL": 4}, None, True),  # "bin", in an article about Poland too
    ("Hibatullah Dżamil", {}, None, True),  # "-ullah"
    ("Abu Dżafar", {}, None, True),
    ("Dżamil Hasan", {"IRQ": 3}, None, True),  # no marker: an article about Iraq, a Polish "dż"
    ("Dżamil Hasan", {"IRQ": 1, "POL": 3}, None, False),  # ... not one mostly about Poland
    ("Dżamil Hasan", {}, "SYR", True),  # a Syrian by the text
    ("Dżamil Hasan", {"IRQ": 3}, "FRA", False),  # a Frenchman by the text
    ("Zabihullah Mudżahid", {}, "AFG", True),  # an Afghan by the text: Pashto names come from the same script
    ("Szahid Chakan", {"PAK": 3}, None, True),  # Urdu too
    ("Khalid al-Shamri", {}, None, False),  # already in an English spelling
    ("Marek Kowalski", {"IRQ": 5}, None, False),  # dictionary words
    ("Jan Bin", {"IRQ": 5}, None, False),  # "Bin" closing a name is no particle
]


@pytest.mark.parametrize(("name", "context", "state", "expected"), ARABIC_CASES)
def test_is_arabic(name, context, state, expected):
    assert is_arabic(name, context, known, state) is expected


def test_romanize_leaves_other_names_alone():
    assert romanize("Marek Kowalski", {"IRQ": 5}, known) is None
    assert romanize("Mahmud al-Dżabiri", {}, known) == "Mahmud al-Jabiri"

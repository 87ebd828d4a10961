"""Polish spellings of Ukrainian and Russian place names (kronika/lang/pl/cyrillic.py)."""

from __future__ import annotations

import pytest

from kronika.lang.pl.cyrillic import polish_spelling

# (Cyrillic, language, Polish spelling as Polish news writes the town)
SPELLINGS = [
    ("Покровськ", "uk", "Pokrowsk"),  # -ськ is "-sk"
    ("Вовчанськ", "uk", "Wowczańsk"),  # н before -ськ is soft
    ("Слов’янськ", "uk", "Słowiańsk"),  # after the apostrophe "ia"
    ("Куп'янськ", "uk", "Kupiańsk"),
    ("Авдіївка", "uk", "Awdijiwka"),  # ї "ji"
    ("Єнакієве", "uk", "Jenakijewe"),  # є opening a word and after a vowel "je"
    ("Часів Яр", "uk", "Czasiw Jar"),
    ("Гуляйполе", "uk", "Hulajpołe"),  # г "h", л "ł"
    ("Мелітополь", "uk", "Melitopol"),  # л soft before і and ь
    ("Балаклія", "uk", "Bałaklija"),
    ("Добропілля", "uk", "Dobropilla"),  # л soft before a soft л
    ("Торецьк", "uk", "Toreck"),  # -цьк is "-ck"
    ("Ірпінь", "uk", "Irpiń"),  # нь "ń"
    ("Белгород", "ru", "Biełgorod"),  # е after a consonant "ie"
    ("Шебекино", "ru", "Szebiekino"),
    ("Суджа", "ru", "Sudża"),
    ("Брянск", "ru", "Briańsk"),
    ("Железногорск", "ru", "Żeleznogorsk"),  # е after ж "e"
    ("Щёлково", "ru", "Szczołkowo"),
    ("Ильинский", "ru", "Iljinskij"),  # ь before a vowel gives it its glide; an adjective keeps "-nsk"
    ("Энгельс", "ru", "Engiels"),
]


@pytest.mark.parametrize(("cyrillic", "language", "polish"), SPELLINGS)
def test_polish_spelling(cyrillic, language, polish):
    assert polish_spelling(cyrillic, language) == polish

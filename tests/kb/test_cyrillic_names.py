"""A city's Ukrainian or Russian name among GeoNames' alternate names, and the Ukrainian national
romanisation (kronika/kb/cyrillic.py)."""

from __future__ import annotations

import pytest

from kronika.kb.cyrillic import native_name, ukrainian_romanisation

# (alternate names, language, GeoNames name, the name in that language or None)
NATIVE = [
    # The current name, not the Soviet one or the other language's.
    (["Красноармейск", "Красноармійськ", "Покровск", "Покровськ"], "uk", "Pokrovsk", "Покровськ"),
    (["Красноармейск", "Красноармійськ", "Покровск", "Покровськ"], "ru", "Pokrovsk", "Покровск"),
    (["Харков", "Харків", "Харьков"], "uk", "Kharkiv", "Харків"),
    # A letter-for-letter spelling back of the romanisation loses to the shorter real name.
    (["Новокузнетск", "Новокузнецк"], "ru", "Novokuznetsk", "Новокузнецк"),
    # Belarusian (ў) and Serbian (ј) spellings are neither.
    (["Аўдзееўка", "Авдијивка"], "uk", "Avdiyivka", None),
    (["Москва"], "uk", "Paris", None),
]


@pytest.mark.parametrize(("names", "language", "current", "expected"), NATIVE)
def test_native_name(names, language, current, expected):
    assert native_name(names, language, current) == expected


# (Ukrainian, the English Wikipedia's title)
ROMANISED = [
    ("Запоріжжя", "Zaporizhzhia"),
    ("Вінниця", "Vinnytsia"),
    ("Миколаїв", "Mykolaiv"),
    ("Кривий Ріг", "Kryvyi Rih"),
    ("Авдіївка", "Avdiivka"),
    ("Слов'янськ", "Sloviansk"),
    ("Єнакієве", "Yenakiieve"),
    ("Згурівка", "Zghurivka"),
    ("Івано-Франківськ", "Ivano-Frankivsk"),
]


@pytest.mark.parametrize(("ukrainian", "english"), ROMANISED)
def test_ukrainian_romanisation(ukrainian, english):
    assert ukrainian_romanisation(ukrainian) == english

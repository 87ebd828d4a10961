"""The surname endings of the Polish pack's names data."""

from __future__ import annotations

import pytest

from kronika.lang.pl.names import strip_case_ending

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
]


@pytest.mark.parametrize(("surname", "cases", "expected"), STRIP_CASES)
def test_strip_case_ending(surname, cases, expected):
    assert strip_case_ending(surname, cases) == expected

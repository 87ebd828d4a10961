"""The Polish temporal grammar as data: every form of every word, and rules that compile."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kronika.lang.pl import temporal
from kronika.lang.pl.temporal import TEMPORAL_GRAMMAR
from kronika.time.grammar import compile_grammar

LEXICONS = TEMPORAL_GRAMMAR.lexicons

MONTH_CASES = [
    ("styczeń", 1),
    ("stycznia", 1),
    ("styczniu", 1),
    ("lutego", 2),
    ("lutym", 2),
    ("marca", 3),
    ("marcu", 3),
    ("kwietnia", 4),
    ("maja", 5),
    ("maju", 5),
    ("czerwca", 6),
    ("czerwcu", 6),
    ("lipca", 7),
    ("sierpnia", 8),
    ("września", 9),
    ("wrześniu", 9),
    ("wrzesień", 9),
    ("października", 10),
    ("listopadzie", 11),
    ("grudnia", 12),
    ("grudniem", 12),
]


@pytest.mark.parametrize("form, month", MONTH_CASES)
def test_month_forms(form, month):
    assert LEXICONS["month"][form] == month


@pytest.mark.parametrize("roman, month", [("i", 1), ("iv", 4), ("ix", 9), ("xii", 12)])
def test_roman_months(roman, month):
    assert LEXICONS["monthroman"][roman] == {"month": month}
    assert "xiii" not in LEXICONS["monthroman"]


WEEKDAY_CASES = [
    ("poniedziałek", 1),
    ("poniedziałku", 1),
    ("wtorek", 2),
    ("wtorku", 2),
    ("środa", 3),
    ("środę", 3),
    ("środy", 3),
    ("czwartek", 4),
    ("czwartkiem", 4),
    ("piątek", 5),
    ("sobotę", 6),
    ("sobocie", 6),
    ("niedzielę", 7),
    ("niedzieli", 7),
]


@pytest.mark.parametrize("form, weekday", WEEKDAY_CASES)
def test_weekday_forms(form, weekday):
    assert LEXICONS["weekday"][form] == weekday


@pytest.mark.parametrize(
    "form, weekday", [("wtorkowego", 2), ("sobotniej", 6), ("poniedziałkowe", 1), ("niedzielnym", 7)]
)
def test_weekday_adjectives(form, weekday):
    assert LEXICONS["weekdayadj"][form] == {"weekday": weekday}


NUMBER_CASES = [
    ("dwa", 2),
    ("dwóch", 2),
    ("dwoma", 2),
    ("dwóm", 2),
    ("dwie", 2),
    ("trzy", 3),
    ("trzech", 3),
    ("trzema", 3),
    ("sześć", 6),
    ("sześciu", 6),
    ("pięćdziesiąt", 50),
    ("pięćdziesięciu", 50),
    ("dwadzieścia pięć", 25),
    ("dwudziestu pięciu", 25),
    ("pół", 0.5),
    ("półtora", 1.5),
    ("kilka", "X"),
    ("wielu", "X"),
]


@pytest.mark.parametrize("form, number", NUMBER_CASES)
def test_number_words(form, number):
    assert LEXICONS["quantity"][form] == number


UNIT_CASES = [
    ("dni", "D"),
    ("dnia", "D"),
    ("tygodnie", "W"),
    ("tygodni", "W"),
    ("miesięcy", "M"),
    ("lat", "Y"),
    ("roku", "Y"),
    ("laty", "Y"),
    ("godziny", "H"),
    ("godzin", "H"),
    ("minut", "MIN"),
    ("dekady", "DE"),
    ("stulecia", "CE"),
]


@pytest.mark.parametrize("form, unit", UNIT_CASES)
def test_units(form, unit):
    assert LEXICONS["unit"][form]["unit"] == unit


@pytest.mark.parametrize(
    "form, slots",
    [
        ("wczoraj", {"offset": -1}),
        ("przedwczoraj", {"offset": -2}),
        ("jutro", {"offset": 1}),
        ("dziś", {"offset": 0}),
        ("wczorajszego", {"offset": -1}),
    ],
)
def test_deictic_days(form, slots):
    lexicon = LEXICONS["deictic"] if form in LEXICONS["deictic"] else LEXICONS["deicticadj"]
    assert lexicon[form] == slots


@pytest.mark.parametrize(
    "form, shift",
    [
        ("zeszłym", -1),
        ("ubiegłego", -1),
        ("przyszłym", 1),
        ("następnym", 1),
        ("bieżącego", 0),
        ("tym", 0),
    ],
)
def test_shifts(form, shift):
    assert LEXICONS["shift"][form] == {"shift": shift}


@pytest.mark.parametrize("form, season", [("wiosną", "SP"), ("latem", "SU"), ("jesienią", "FA"), ("zimą", "WI")])
def test_seasons(form, season):
    assert LEXICONS["season"][form] == {"season": season}


@pytest.mark.parametrize(
    "form, part",
    [("początku", "START"), ("połowie", "MID"), ("końca", "END"), ("schyłku", "END"), ("drugiej połowie", "H2")],
)
def test_parts_of_periods(form, part):
    assert LEXICONS["part"][form] == {"part": part}


@pytest.mark.parametrize("form, unit", [("codziennie", "D"), ("corocznie", "Y")])
def test_set_words(form, unit):
    assert LEXICONS["setword"][form] == {"unit": unit}


def test_lexicon_forms_are_lower_case_and_clean():
    for name, lexicon in LEXICONS.items():
        for form in lexicon:
            assert form == form.strip(), (name, form)
            if name not in ("zone",):
                assert form == form.lower(), (name, form)


def test_lexicons_do_not_map_a_form_two_ways():
    # "lata" is a year unit and never a season: the season lexicon leaves it out.
    assert "lata" not in LEXICONS["season"]
    assert set(LEXICONS["monthloc"]) <= set(LEXICONS["month"])


def test_grammar_compiles():
    compiled = compile_grammar(TEMPORAL_GRAMMAR)
    assert len(compiled.rules) == len(TEMPORAL_GRAMMAR.rules)
    # A rule's regex is compiled when a sentence first needs it; here every one is.
    assert all(rule.regex.pattern for rule in compiled.rules)
    names = [rule.name for rule in TEMPORAL_GRAMMAR.rules]
    assert len(names) == len(set(names))


def test_module_names_its_sources():
    source = Path(temporal.__file__).read_text(encoding="utf-8")
    docstring = source.split('"""')[1]
    assert "Sources:" in docstring


def test_stage_module_holds_no_polish_words():
    stage = Path(__file__).resolve().parents[3] / "kronika" / "stages" / "time.py"
    code = stage.read_text(encoding="utf-8")
    polish_letters = re.compile("[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")
    code_lines = [line for line in code.splitlines() if not line.strip().startswith("#")]
    # Polish appears only in comments and docstring examples, never in code.
    docstring_free = re.sub(r'""".*?"""', "", "\n".join(code_lines), flags=re.S)
    assert not polish_letters.search(re.sub(r"#.*", "", docstring_free))

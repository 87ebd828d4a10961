"""The rule index: the same candidate rules as every rule's prefilters and final words tested one by one."""

from __future__ import annotations

import re
import string
from types import SimpleNamespace

import pytest

from kronika.lang.pl.temporal import TEMPORAL_GRAMMAR
from kronika.time.grammar import compile_grammar
from kronika.time.index import RuleIndex, literal_form
from kronika.time.prefilter import Prefilter

# (fragment as regex source, the string it finds in a lower-cased sentence with digits as "0")
LITERAL_CASES = [
    ("marca", "marca"),
    ("MARCA", "marca"),
    (r"\d\d\.\d\d", "00.00"),
    (r"w\.", "w."),
    (r"\-", "-"),
    ("m²", "m²"),  # a superscript is no decimal digit to \d
    (r"a\ b", None),  # whitespace would span two chunks
    ("5", None),  # a literal digit would be taken for any digit
    ("[ab]", None),  # not a string of literals
    ("İ", None),  # lower-cases to two characters
]


@pytest.mark.parametrize("fragment, form", LITERAL_CASES)
def test_literal_form(fragment, form):
    assert literal_form(fragment) == form


def _one_by_one(compiled_rules, risky, text, start, end):
    """What find_matches did before the index: each rule's final words, then its prefilters."""
    sentence = text[start:end]
    words = frozenset(re.findall(r"\w+", sentence.casefold()))
    lowered = sentence.lower()
    lowered = lowered if risky.isdisjoint(lowered) else None
    return [
        r
        for r in compiled_rules
        if (r.final_words is None or not r.final_words.isdisjoint(words))
        and all(p.search(text, start, end, lowered) for p in r.prefilters)
    ]


COMPILED = compile_grammar(TEMPORAL_GRAMMAR)

# Sentences written for this test: dates, clocks, durations, units last, digits of other scripts, risky letters.
SENTENCES = [
    "Spotkanie odbyło się 4 września 2025 r. o godz. 17.30 w Pekinie.",
    "Dwa tygodnie temu minister obiecał reformę, a od trzech lat nic się nie zmieniło.",
    "W ubiegłym tygodniu, we wtorek wieczorem, rozmowy trwały ponad dwadzieścia godzin.",
    "Raz w miesiącu, w każdy poniedziałek rano i co najmniej dwa razy w roku.",
    "Kot siedział na płocie.",
    "Wybory w latach 90. XX wieku, na przełomie kwietnia i maja 1995 roku.",
    "İstanbul, 12.03.2024: ıle DNİ trwała wizyta? Oſtatnio 3 dni.",
    "Σ w MARCU, ΣΑΣ, 15-17 listopada, 2019-11-15, między 9:30 a 22:00.",
    "Rok ٢٠٢٤ i ２０２４ (cyfry innych pism), 5\u00a0lat i\u00a0dni.",
    "",
    "   ",
    "ROKU,LATA;DNI(TYGODNI)MIESIĘCY",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_grammar_candidates_as_one_by_one(sentence):
    text = "Wstęp. " + sentence
    expected = _one_by_one(COMPILED.rules, COMPILED.risky, text, 7, len(text))
    index = COMPILED.index
    assert list(index.candidates(text, 7, len(text))) == expected
    assert list(index.candidates(text, 7, len(text))) == expected  # chunks and plans served from the caches


def _rule(fragment_sets, final_words=None):
    prefilters = tuple(Prefilter(frozenset(f), re.IGNORECASE) for f in fragment_sets)
    return SimpleNamespace(prefilters=prefilters, final_words=final_words)


# Rules with fragments searched in the whole sentence (whitespace), shared final words and no filter at all.
RULES = [
    _rule([{r"\d\d\d\d"}]),
    _rule([{"ma", "kot"}, {r"\d"}]),
    _rule([{r"a\ b"}]),
    _rule([], frozenset({"lat", "dni"})),
    _rule([{"temu"}], frozenset({"lat", "dni"})),
    _rule([]),
]
RISKY = frozenset().union(*(p.risky for r in RULES for p in r.prefilters))
SMALL_CASES = [
    "kot ma 3 lata",
    "a b 2024",
    "Ala ma KOTA od 5 dni, 2 lat temu",
    "nic",
    "ſtary kot 1999",
]


@pytest.mark.parametrize("sentence", SMALL_CASES)
def test_small_index_as_one_by_one(sentence):
    index = RuleIndex(RULES, RISKY)
    expected = _one_by_one(RULES, RISKY, sentence, 0, len(sentence))
    assert list(index.candidates(sentence, 0, len(sentence))) == expected
    assert list(index.candidates(sentence, 0, len(sentence))) == expected


def test_every_printable_character_alone():
    index = COMPILED.index
    for char in string.printable + "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ–—²½":
        text = f"x {char} 12 {char}{char}"
        assert list(index.candidates(text, 0, len(text))) == _one_by_one(
            COMPILED.rules, COMPILED.risky, text, 0, len(text)
        ), repr(char)

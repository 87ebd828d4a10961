"""What every match of a regex must contain: sound (never skips a sentence the regex matches) and useful."""

from __future__ import annotations

import re

import pytest

from kronika.time.prefilter import Prefilter, required_fragments, word_list

# (pattern, the fragment sets expected, best first); sets of fragments are alternatives, sets are all needed.
CASES = [
    (r"\d{4}", [{r"\d\d\d\d"}]),
    (r"(?:ab|cd)e", [{"abe", "cde"}]),
    (r"x?", []),  # may match nothing: nothing is needed
    (r"[^a]b", [{"b"}]),  # a negated class is anything
    (r"(?:w|we)\s+\d", [{"we", "w"} - {"we"}, {r"\d"}]),  # "we" contains "w": one fragment does
    (r"foo(?i:bar)", [{"foo"}]),  # inline flags are left unread
    (r"(?:abcdefgh)", [{"abcde"}]),  # cut to five characters
    (r"1[0-2]\.", [{r"\d\d\."}]),  # digits generalised
    (r"m²", [{"m²"}]),  # but not a superscript, which the regex \d does not match
    (r"(?=abc)x", [{"x"}]),  # a lookahead adds nothing to the match
    (r"(?:kot|pies)+\s+ma", [{"kot", "pies"}, {"ma"}]),
]


@pytest.mark.parametrize("pattern, expected", CASES)
def test_required_fragments(pattern, expected):
    assert [set(s) for s in required_fragments(pattern, re.IGNORECASE)] == expected


# Word lists stand in a pattern as one character each.
LEXICON = {"\ue000": word_list(["marca", "marzec", "co najmniej"])}

LEXICON_CASES = [
    ("\ue000", [{"marca", "marze", "najmn"}]),
    (r"(?:\ue000|x)\s+\d", [{"marca", "marze", "najmn", "x"}, {r"\d"}]),
    (r"(?:\ue000|\d)", [{"marca", "marze", "najmn", r"\d"}]),  # the parser makes a class of one-character branches
]


@pytest.mark.parametrize("pattern, expected", LEXICON_CASES)
def test_word_lists_stand_in(pattern, expected):
    assert [set(s) for s in required_fragments(pattern, re.IGNORECASE, LEXICON)] == expected


# (fragments, sentence, found): the lower-cased search and the case-insensitive one agree, risky letters included.
SEARCH_CASES = [
    ({"marca"}, "Było to w MARCU i w Marcach", True),
    ({"marca"}, "Koniec Marca.", True),
    ({"marca"}, "Koniec maja.", False),
    ({"is"}, "dotless ıs here", True),  # re's ignore-case takes "ı" as "i", lower() does not
    ({"is"}, "long ſ in Iſ", True),  # re's ignore-case takes "ſ" as "s"
    ({"is"}, "capital İS", True),  # "İ" lowers to two characters; re folds it to "i"
    ({r"\d\d"}, "rok 2024", True),
]


@pytest.mark.parametrize("fragments, sentence, found", SEARCH_CASES)
def test_prefilter_search_agrees_with_the_regex(fragments, sentence, found):
    prefilter = Prefilter(frozenset(fragments), re.IGNORECASE)
    exact = re.compile("|".join(fragments), re.IGNORECASE).search(sentence) is not None
    lowered = sentence.lower()
    lowered = lowered if prefilter.risky.isdisjoint(lowered) else None
    assert prefilter.search(sentence, 0, len(sentence), lowered) == exact == found

"""The compiled temporal grammar: word lists as tries, rules skipped by their prefilters, and the same matches as
every rule tried on every sentence."""

from __future__ import annotations

import re

import pytest

from kronika.lang.pl.temporal import TEMPORAL_GRAMMAR
from kronika.time.grammar import _alternation, _final_words, compile_grammar, find_matches, read_match

FORMS = ["dwa", "dwadzieścia", "dwanaście", "dwie", "dwu", "co", "co najmniej", "r", "r.", "ok.", "około"]

# (text, what follows the word list in the test regex): each forces the regex to back off to shorter forms.
TRIE_CASES = [
    ("dwadzieścia lat", r"\s+lat"),
    ("dwanaście dni", r"\w*"),
    ("co  najmniej dwa", r"\s+dwa"),
    ("co najmniej", r"\s+najmniej"),  # the longer form must give way for the whole to match
    ("r. i r", r"\.?"),
    ("Około PÓŁNOCY ok. dwu", r"\s+\w+"),
    ("dwadzieściadwa", r""),
]


@pytest.mark.parametrize("text, tail", TRIE_CASES)
def test_trie_matches_what_the_flat_list_matches(text, tail):
    ordered = sorted(set(FORMS), key=lambda f: (-len(f), f))
    flat = "|".join(r"\s+".join(re.escape(p) for p in f.split(" ")) for f in ordered)
    as_list = re.compile(f"(?P<w>{flat}){tail}", re.IGNORECASE)
    as_trie = re.compile(f"(?P<w>{_alternation(FORMS)}){tail}", re.IGNORECASE)
    assert [m.span("w") + m.span() for m in as_trie.finditer(text)] == [
        m.span("w") + m.span() for m in as_list.finditer(text)
    ]


def test_case_folding_siblings_keep_the_flat_list():
    # re takes "ı" for "i" when case is ignored: two branches could match one letter.
    assert _alternation(["ia", "ıb"]) == "ia|ıb"


COMPILED = compile_grammar(TEMPORAL_GRAMMAR)

# Sentences written for this test: dates, clocks, durations, sets, and none; risky letters ("ı", "İ", "ſ") too.
SENTENCES = [
    "Spotkanie odbyło się 4 września 2025 r. o godz. 17.30 w Pekinie.",
    "Od trzech lat nic się nie zmieniło, a dwa tygodnie temu minister znów obiecał reformę.",
    "W ubiegłym tygodniu, we wtorek wieczorem, rozmowy trwały ponad dwadzieścia godzin.",
    "Raz w miesiącu, w każdy poniedziałek rano i co najmniej dwa razy w roku.",
    "Kot siedział na płocie i nic nie mówił.",
    "Wybory w latach 90. XX wieku, na przełomie kwietnia i maja 1995 roku.",
    "İstanbul, 12.03.2024: ıle DNİ trwała wizyta? Oſtatnio 3 dni.",
    "Dnia 15-17 listopada, 2019-11-15, między 9:30 a 22:00 czasu miejscowego.",
    "Za pół roku, przed dwoma laty, w przyszłym roku i w tym tygodniu.",
    "W roku ubiegłym, przed rokiem i przez tydzień; miesiąc po wyborach, wczorajsze spotkanie i dzisiejszy dzień.",
]


def _every_rule(text: str, start: int, end: int):
    """The matches with no prefilter: every rule's regex over the whole sentence."""
    found = []
    for compiled_rule in COMPILED.rules:
        for m in compiled_rule.regex.finditer(text, start, end):
            before = text[max(start, m.start() - 40) : m.start()]
            if compiled_rule.not_after is not None and compiled_rule.not_after.search(before):
                continue
            if compiled_rule.only_after is not None and not compiled_rule.only_after.search(before):
                continue
            match = read_match(COMPILED, compiled_rule.rule, m, text, start)
            if match is not None:
                found.append((match.start, match.end, match.rule))
    return found


@pytest.mark.parametrize("sentence", SENTENCES)
def test_prefilters_never_lose_a_match(sentence):
    text = "Wstęp. " + sentence
    found = [(m.start, m.end, m.rule) for m in find_matches(COMPILED, text, 7, len(text))]
    assert found == _every_rule(text, 7, len(text))


# (pattern, a word its matches end with, or None when the rule has no final words to skip sentences by)
FINAL_WORD_CASES = [
    (r"{PREP}{shift}\s+{unit}", "roku"),
    (r"{unit}\s+{shift}(?!\s+\w)", "ubiegłym"),  # a lookahead after the last word list consumes nothing
    (r"{unitsg}(?=\s+(?:po|przed)\s)", "miesiąc"),
    (r"{deicticadj}{GENERIC}", "wczorajsze"),  # a macro that is a lookahead
    (r"{unit}\s+temu", None),
    (r"{unit}\s*{YEAR}", None),
    (r"(?:w|we)\s+(?P<year>20\d{2})(?!\s+{~unit}(?!\w))", None),  # the word list stands inside the lookahead
]


@pytest.mark.parametrize("pattern, word", FINAL_WORD_CASES)
def test_final_words(pattern, word):
    words = _final_words(pattern, TEMPORAL_GRAMMAR)
    assert (words is None) if word is None else (word in words)


def test_prefilters_hold_no_word_list_placeholders():
    for compiled_rule in COMPILED.rules:
        for prefilter in compiled_rule.prefilters:
            assert not re.search("[\ue000-\uf8ff]", prefilter.exact.pattern), compiled_rule.rule.name


def test_most_rules_have_a_prefilter():
    assert sum(bool(r.prefilters) for r in COMPILED.rules) >= 0.9 * len(COMPILED.rules)

"""The linker's transliteration step answers each name once an article (kronika/stages/link_romanize.py)."""

from collections import Counter
from types import SimpleNamespace

import pytest

from kronika.stages.link_romanize import _ArticleSpeller, _word_lemmas


class _Counting:
    """A language and a linker that count their calls and answer from a table."""

    def __init__(self, answers):
        self.answers, self.calls = answers, Counter()

    def romanize(self, name, context, state=None, first_names=None, person=False):
        self.calls[("romanize", name, state, person)] += 1
        return self.answers.get(name)

    def sound_match(self, name, type_):
        self.calls[("sound", name, type_)] += 1
        return self.answers.get(name)


@pytest.mark.parametrize(
    "asked",
    [
        [("Serhij Popko", None, True)] * 3,
        [("Awdijiwka", None, False), ("Awdijiwka", "UKR", False), ("Awdijiwka", None, False)],
    ],
)
def test_article_speller_asks_once_a_key(asked):
    counting = _Counting({"Serhij Popko": ("Serhii Popko", "UKR"), "Awdijiwka": ("Avdiivka", "UKR")})
    linker = SimpleNamespace(language=counting, sound_match=counting.sound_match, first_name_evidence=lambda: None)
    speller = _ArticleSpeller(linker, Counter({"UKR": 2}))
    answers = [speller(*key) for key in asked] + [speller.sound_match(key[0], "PER") for key in asked]
    assert answers == [counting.answers[key[0]] for key in asked] * 2
    assert set(counting.calls.values()) == {1}
    assert len(counting.calls) == len(set(asked)) + len({key[0] for key in asked})


class _Morphology:
    def candidates(self, word, name_like=False):
        return [SimpleNamespace(lemma=lemma) for lemma in {"Alijewem": ["Alijewo", "alijew"]}.get(word, [word])]


class _Language:
    oblique_cases = ()

    def strip_case_ending(self, word, cases):
        return {"Alijewem": "Alijew"}.get(word)

    def o_name_base(self, word):
        return {"Poroszenki": "Poroszenko"}.get(word)


@pytest.mark.parametrize(
    ("word", "lemmas"),
    [
        ("Alijewem", ("Alijewem", "Alijew", "Alijewo")),  # the word first, a lower-case lemma dropped
        ("Poroszenki", ("Poroszenki", "Poroszenko")),  # the word once though the morphology gives it again
        ("lider", ("lider",)),  # an uncapitalised word only as written
    ],
)
def test_word_lemmas(word, lemmas):
    assert _word_lemmas(_Morphology(), _Language(), word) == lemmas

"""The English tagger and lemmatiser: Penn tags, their UD reading, lemmas of regular and irregular forms."""

from __future__ import annotations

import pytest

from kronika.lang import get_language
from kronika.lang.ud import morph

ENGLISH = get_language("en")


def tagged(sentence: str) -> list[tuple[str, str]]:
    words = sentence.split()
    return ENGLISH.morphology().annotate(words, frozenset(words))


SENTENCES = [
    ("Russia attacked Ukraine .", [("Russia", "NNP"), ("attack", "VBD"), ("Ukraine", "NNP"), (".", "PUNCT")]),
    (
        "The minister has visited China",
        [("the", "DT"), ("minister", "NN"), ("have", "AUX_VBZ"), ("visit", "VBN"), ("China", "NNP")],
    ),
    (
        "They plan to impose sanctions",
        [("they", "PRP"), ("plan", "VBP"), ("to", "TO"), ("impose", "VB"), ("sanction", "NNS")],
    ),
    (
        "Officials said the talks would resume",
        [("Officials", "NNP"), ("say", "VBD"), ("the", "DT"), ("talk", "NNS"), ("would", "MD"), ("resume", "VB")],
    ),
    (
        "Police detained two men and the countries agreed",
        [
            ("Police", "NNP"),
            ("detain", "VBD"),
            ("two", "CD"),
            ("man", "NNS"),
            ("and", "CC"),
            ("the", "DT"),
            ("country", "NNS"),
            ("agree", "VBD"),
        ],
    ),
    (
        "The army voted and she didn't stay",
        [("the", "DT"), ("army", "NN"), ("vote", "VBD"), ("and", "CC"), ("she", "PRP"), ("not", "RB"), ("stay", "VB")],
    ),
    (
        "Poland's envoy met 3,000 people",
        [("Poland", "NNP"), ("envoy", "NN"), ("meet", "VBD"), ("3,000", "CD_DIGIT"), ("person", "NNS")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES)
def test_annotate(sentence, expected):
    assert tagged(sentence) == expected


UD = [
    ("NN", "NOUN", {"Number=Sing"}),
    ("NNPS", "PROPN", {"Number=Plur"}),
    ("VBD", "VERB", {"Mood=Ind", "Tense=Past", "VerbForm=Fin"}),
    ("VBZ", "VERB", {"Mood=Ind", "Number=Sing", "Person=3", "Tense=Pres", "VerbForm=Fin"}),
    ("AUX_VBD", "AUX", {"Mood=Ind", "Tense=Past", "VerbForm=Fin"}),
    ("MD", "AUX", {"VerbForm=Fin"}),
    ("JJS", "ADJ", {"Degree=Sup"}),
    ("CD_DIGIT", "NUM", {"NumForm=Digit", "NumType=Card"}),
    ("IN", "ADP", set()),
]


@pytest.mark.parametrize(("tag", "upos", "feats"), UD)
def test_ud_reading(tag, upos, feats):
    reading = ENGLISH.morph(tag)
    assert (reading.upos, set(reading.feats), reading.xpos) == (upos, feats, tag)
    # The stages' shared reader finds the English reading behind the Polish pack's.
    assert morph(tag) == reading


def test_unknown_tag_has_no_class():
    assert ENGLISH.morph("subst:sg:nom:m1").upos == ""


@pytest.mark.parametrize(
    ("word", "lemmas"),
    [
        ("voted", {"vote", "vot"}),
        ("stopped", {"stop", "stopp"}),
        ("carried", {"carry"}),
        ("freed", {"free"}),
        ("crises", {"crisis"}),
        ("met", {"meet"}),
        ("taken", {"take"}),
    ],
)
def test_analyse_gives_every_lemma_an_ending_allows(word, lemmas):
    assert lemmas <= {r.lemma for r in ENGLISH.morphology().analyse(word)}


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("voted", "vote"),
        ("used", "use"),
        ("closed", "close"),
        ("traded", "trade"),
        ("opened", "open"),
        ("edited", "edit"),
        ("visited", "visit"),
        ("joined", "join"),
        ("debated", "debate"),
        ("stopped", "stop"),
        ("raised", "raise"),
        ("attacked", "attack"),
        ("bring", "bring"),
        ("bringing", "bring"),
    ],
)
def test_likeliest_lemma_first(word, lemma):
    assert ENGLISH.morphology().analyse(word)[0].lemma == lemma


@pytest.mark.parametrize(
    ("phrase", "singular", "base"),
    [
        ("Russia's", False, "Russia"),
        ("Vladimir Putin", False, "Vladimir Putin"),
        ("the protesters", True, "the protester"),
    ],
)
def test_lemmatize_phrase(phrase, singular, base):
    assert ENGLISH.morphology().lemmatize_phrase(phrase, singular_common=singular) == base

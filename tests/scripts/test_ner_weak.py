"""The weak labels of ``scripts/ner_weak.py``: gold names found in the text, and the labels they get."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

import kronika
from kronika.record import Token
from kronika.stages.morph import _tokens_by_sentence
from kronika.stages.ner import OUTSIDE, load_tagger

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import ner_weak  # noqa: E402

# The script is given the shared grader, whose ``norm`` folds case and drops punctuation; the tests do not
# depend on ../shared existing, so they pass a normaliser of that kind written here.
GRADER = SimpleNamespace(norm=lambda text: re.sub(r"[^\w ]", "", text.casefold()).strip())


def tokens(text: str) -> list[Token]:
    out, pos = [], 0
    for word in text.split():
        out.append(Token(pos, pos + len(word), word))
        pos += len(word) + 1
    return out


FIND = [
    ("Spotkał się z Donaldem Tuskiem w Gdańsku .", "Donald Tusk", [(3, 5)]),
    ("Marsz przeszedł ulicą Kasprzaka w Warszawie .", "Kasprzaka Street", []),  # every word must be there
    ("Przemawiał na Placu Zbawiciela .", "Plac Zbawiciela", [(2, 4)]),
    ("Donald przyjechał , a Tusk odjechał .", "Donald Tusk", []),  # the words must stand together
    ("wzrost donald tuska .", "Donald Tusk", []),  # lower case is no name
    ("Rozmawiał z Jo Biden .", "Jo Baden", []),  # short words must match whole
    ("Ostrzegła Unia Europejska .", "the European Union", []),  # an English name stays unfound
]


@pytest.mark.parametrize(("text", "name", "spans"), FIND)
def test_find_by_words(text, name, spans):
    assert ner_weak.find_by_words(GRADER, tokens(text), name) == spans


NAMES = [
    ("Donald Tusk", True),
    ("Korea Płn.", True),
    ("F-16", True),
    ("amerykański prezydent", False),
    ("Północnokoreański przywódca", False),
    ("obwodzie kurskim", False),
]


@pytest.mark.parametrize(("text", "expected"), NAMES)
def test_is_name(text, expected):
    assert ner_weak.is_name(text) is expected


PERSONS = [
    (1, ["B-persName#B-persName-surname"]),
    (2, ["B-persName#B-persName-forename", "I-persName#B-persName-surname"]),
    (3, ["B-persName#B-persName-forename", "I-persName#I-persName-forename", "I-persName#B-persName-surname"]),
]


@pytest.mark.parametrize(("length", "labels"), PERSONS)
def test_person_labels(length, labels):
    assert ner_weak.person_labels(length) == labels


@pytest.mark.parametrize("article_id", ["tra-001", "x", "trj-029"])
def test_fold_is_stable_and_in_range(article_id):
    assert ner_weak.fold_of(article_id, 5) == ner_weak.fold_of(article_id, 5) in range(5)


ADJECTIVAL = [
    # (word, lemma, the linker takes it for a state's adjective or people)
    ("rosyjskimi", "rosyjski", True),
    ("Rosjanie", "Rosjanin", True),
    ("Polscy", "polski", True),
    ("unijnych", "unijny", True),  # no capital: no mention, whatever it is
    ("Warszawie", "Warszawa", False),
    ("Tusk", "Tusk", False),
]


@pytest.mark.parametrize(("word", "lemma", "expected"), ADJECTIVAL)
def test_adjectival(word, lemma, expected):
    assert ner_weak.adjectival([Token(0, len(word), word, lemma)]) is expected


SETTLED = [
    # (sentence, the found name's words, the words whose label the shipped tagger keeps)
    ("Minister spotkał się z rosyjskimi dyplomatami w Warszawie.", ("Warszawie",), ("rosyjskimi",)),
    ("Polscy rolnicy protestowali w Brukseli.", ("Brukseli",), ("Polscy",)),
]


@pytest.mark.parametrize(("text", "found", "kept"), SETTLED)
def test_settle_keeps_the_taggers_adjectival_names(text, found, kept):
    """The gold lists no adjectives: their labels stay the tagger's, while a found name takes a gold type."""
    sentence = _tokens_by_sentence(kronika.analyze(text))[0]
    tagger = load_tagger("pl")
    name_forms = tagger.features.document_name_forms([sentence])
    spans = [(t.start, t.end, "GPE", False) for t in sentence if t.text in found]
    labels = ner_weak.settle(sentence, tagger, name_forms, spans, [], [])
    assert labels is not None
    tagged = tagger.label(sentence, name_forms)
    for token, label, own in zip(sentence, labels, tagged):
        if token.text in kept:
            assert label == own != OUTSIDE
        elif token.text not in found:
            assert label == OUTSIDE

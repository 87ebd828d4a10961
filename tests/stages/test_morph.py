"""The morphology stage on small documents: lemmas and tags set, batch equals one by one."""

from __future__ import annotations

import pickle

import pytest

from kronika.lang import get_language
from kronika.pipeline import Pipeline
from kronika.record import Document
from kronika.stages.morph import MorphologyStage
from kronika.stages.segment import SegmentStage


TEXTS = [
    "Kim Dzong Un spotkał się z Xi Jinpingiem w Pekinie. Po wizycie Kima w Chinach wrócił do Korei Północnej.",
    "Prezydent Zełenski rozmawiał z Władimirem Putinem. Zełenskiego poparł m.in. premier Kanady.",
    "Szczyt Szanghajskiej Organizacji Współpracy odbył się w Tiencinie.",
    # "Kim" opening a sentence alone is also the pronoun "kto"; the document shows it is a name.
    "Przyjechał Kim Dzong Un. Kim podkreślił, że rozmowy były udane.",
]

EXPECTED = [
    (0, "Jinpingiem", "Jinping"),
    (0, "Pekinie", "Pekin"),
    (0, "Kima", "Kim"),
    (0, "Korei", "Korea"),
    (1, "Putinem", "Putin"),
    (1, "Zełenskiego", "Zełenski"),
    (2, "Tiencinie", "Tiencin"),
    (2, "Organizacji", "organizacja"),
    (3, "Kim", "Kim"),
    (3, "podkreślił", "podkreślić"),
    # Morfeusz reads "Un" as the acronym UN; written as a name, it stays a name.
    (3, "Un", "Un"),
]


def make_doc(text: str) -> Document:
    return SegmentStage(get_language("pl"))(Document(text=text))


@pytest.fixture(scope="module")
def stage():
    return MorphologyStage(get_language("pl"))


@pytest.mark.parametrize(("text_index", "token", "lemma"), EXPECTED)
def test_stage_lemmas(stage, text_index, token, lemma):
    doc = stage(make_doc(TEXTS[text_index]))
    assert {t.lemma for t in doc.tokens if t.text == token} == {lemma}


@pytest.mark.parametrize("text", TEXTS)
def test_every_token_gets_lemma_and_tag(stage, text):
    doc = stage(make_doc(text))
    assert all(t.lemma and t.tag for t in doc.tokens)


def test_batch_equals_one_by_one(stage):
    alone = [stage(make_doc(text)).tokens for text in TEXTS]
    pipeline = Pipeline([SegmentStage(get_language("pl")), stage])
    batch = [doc.tokens for doc in pipeline.pipe(Document(text=t) for t in reversed(TEXTS))][::-1]
    assert batch == alone


def test_stage_declares_fields_and_pickles(stage):
    assert stage.name == "morphology"
    assert stage.requires == ("sentences", "tokens")
    assert stage.assigns == ("tokens.lemma", "tokens.tag")
    copy = pickle.loads(pickle.dumps(stage))
    assert copy(make_doc(TEXTS[2])).tokens == stage(make_doc(TEXTS[2])).tokens


def test_tokens_outside_sentences_are_still_tagged(stage):
    doc = make_doc("Spotkanie w Pekinie")
    doc.sentences = []  # a stage that dropped the sentences must not leave tokens untagged
    assert [t.lemma for t in stage(doc).tokens] == ["spotkanie", "w", "Pekin"]


def test_empty_document(stage):
    doc = Document(text="")
    assert stage(doc).tokens == []


# Token starts, sentence spans, and the groups expected (token starts per group): sentences one after another
# (the segmenter's), a token between or outside them (a group of its own), tokens out of order, an empty
# sentence, and overlapping spans (the general path: a token goes to the first span not ending before it).
GROUPINGS = [
    ([0, 3, 6, 10, 14], [(0, 9), (10, 20)], [[0, 3, 6], [10, 14]]),
    ([0, 3, 9, 10, 14, 25], [(0, 9), (10, 20)], [[0, 3], [9], [10, 14], [25]]),
    ([10, 0, 3], [(0, 5), (10, 12)], [[0, 3], [10]]),
    ([0, 3, 6], [(0, 4), (4, 4), (4, 9)], [[0, 3], [6]]),
    ([0, 3, 6, 8], [(0, 7), (2, 9)], [[0, 3, 6], [8]]),
    ([1, 2], [], [[1], [2]]),
]


@pytest.mark.parametrize(("starts", "spans", "expected"), GROUPINGS)
def test_tokens_by_sentence(starts, spans, expected):
    from kronika.record import Token
    from kronika.stages.morph import _tokens_by_sentence

    doc = Document(text="x" * 30)
    doc.tokens = [Token(text="x", start=s, end=s + 1) for s in starts]
    doc.sentences = spans
    assert [[t.start for t in group] for group in _tokens_by_sentence(doc)] == expected

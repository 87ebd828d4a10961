"""The morphology stage on small documents: lemmas and tags set, batch equals one by one."""

from __future__ import annotations

import pickle
import re

import pytest

from kronika.lang.pl.morphology import load_morphology
from kronika.pipeline import Pipeline
from kronika.record import Document, Token
from kronika.stages.morph import MorphologyStage


class PolishStub:
    """Only what the stage needs from the language pack, so these tests do not wait on the pack."""

    code = "pl"

    def morphology(self):
        return load_morphology()


class GivenTokens:
    """Stands for the segmenter: the documents below arrive with sentences and tokens set."""

    name = "given"
    requires = ()
    assigns = ("sentences", "tokens")

    def __call__(self, doc: Document) -> Document:
        return doc


TOKEN_RE = re.compile(r"m\.in\.|\w+(?:['’-]\w+)*|\S")
SENTENCE_RE = re.compile(r"[^.!?]+[.!?]?")

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
]


def make_doc(text: str) -> Document:
    doc = Document(text=text)
    doc.sentences = [(m.start(), m.end()) for m in SENTENCE_RE.finditer(text) if m.group().strip()]
    doc.tokens = [Token(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]
    return doc


@pytest.fixture(scope="module")
def stage():
    return MorphologyStage(PolishStub())


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
    batch = [doc.tokens for doc in Pipeline([GivenTokens(), stage]).pipe(make_doc(t) for t in reversed(TEXTS))][::-1]
    assert batch == alone


def test_stage_declares_fields_and_pickles(stage):
    assert stage.name == "morphology"
    assert stage.requires == ("sentences", "tokens")
    assert stage.assigns == ("tokens.lemma", "tokens.tag")
    copy = pickle.loads(pickle.dumps(stage))
    assert copy(make_doc(TEXTS[2])).tokens == stage(make_doc(TEXTS[2])).tokens


def test_tokens_outside_sentences_are_still_tagged(stage):
    doc = make_doc("Spotkanie w Pekinie")
    doc.sentences = []
    assert [t.lemma for t in stage(doc).tokens] == ["spotkanie", "w", "Pekin"]


def test_empty_document(stage):
    doc = Document(text="")
    assert stage(doc).tokens == []

"""The name stage on sentences run through the real pipeline: obvious names, offsets, pickling, batches."""

from __future__ import annotations

import pickle

import pytest

from kronika.lang import get_language
from kronika.pipeline import Pipeline
from kronika.record import Document, Token
from kronika.stages.morph import MorphologyStage
from kronika.stages.ner import NerStage, Span, decode, load_tagger, model_dir, propagate
from kronika.stages.segment import SegmentStage

pytestmark = pytest.mark.skipif(
    not (model_dir("pl") / "model.crfsuite").exists(), reason="no name tagger model; run scripts/train_ner.py"
)

TEXTS = [
    "Kim Dzong Un spotkał się z Xi Jinpingiem w Pekinie.",
    "Prezydent Ukrainy Wołodymyr Zełenski zarzucił Pekinowi wspieranie Rosji.",
    "Według Narodowej Służby Wywiadowczej (NIS) Korei Południowej żołnierze wrócili do kraju.",
    "Minister Radosław Sikorski przyleciał wczoraj do Warszawy z Brukseli.",
    "Nad Wisłą w Krakowie odbył się koncert, na który przyszedł Andrzej Duda.",
]

# (text index, mention text, type): clear cases only.
# Known misses of the CRF (NKJP is 1990s-2000s Polish text): kept visible, not dropped.
KNOWN_MISS = pytest.mark.xfail(
    reason="CRF 1.1 miss: Korean names (the whole 'Kim Dzong Un' is found but "
    "typed ORG: 'Un' reads as the acronym UN), agency names rare in NKJP"
)

EXPECTED = [
    pytest.param(0, "Kim Dzong Un", "PER", marks=KNOWN_MISS),
    pytest.param(2, "Narodowej Służby Wywiadowczej", "ORG", marks=KNOWN_MISS),
    (2, "Korei Południowej", "GPE"),
    (0, "Xi Jinpingiem", "PER"),
    (0, "Pekinie", "GPE"),
    (1, "Ukrainy", "GPE"),
    (1, "Wołodymyr Zełenski", "PER"),
    (1, "Rosji", "GPE"),
    (3, "Radosław Sikorski", "PER"),
    (3, "Warszawy", "GPE"),
    (3, "Brukseli", "GPE"),
    (4, "Krakowie", "GPE"),
    (4, "Andrzej Duda", "PER"),
]

LEMMAS = [
    ("Xi Jinpingiem", "Xi Jinping"),
    ("Pekinie", "Pekin"),
    ("Warszawy", "Warszawa"),
    ("Korei Południowej", "Korea Południowa"),
]

DECODE = [
    (["O", "B-orgName", "I-orgName", "O"], [Span(1, 3, "orgName", 0)]),
    (["I-orgName", "O"], [Span(0, 1, "orgName", 0)]),
    (["B-orgName", "B-orgName"], [Span(0, 1, "orgName", 0), Span(1, 2, "orgName", 0)]),
    (
        ["B-persName#B-persName-forename", "I-persName#B-persName-surname"],
        [Span(0, 2, "persName", 0), Span(0, 1, "persName-forename", 1), Span(1, 2, "persName-surname", 1)],
    ),
    # A nested entity ends with its outer entity.
    (
        ["B-orgName#B-placeName-settlement", "B-orgName#I-placeName-settlement"],
        [
            Span(0, 1, "orgName", 0),
            Span(0, 1, "placeName-settlement", 1),
            Span(1, 2, "orgName", 0),
            Span(1, 2, "placeName-settlement", 1),
        ],
    ),
]


def test_propagate_tags_repeated_names():
    def sentence(*words):
        return [Token(0, 0, w) for w in words]

    sentences = [
        sentence("Jan", "Pciuch", "przyszedł"),
        sentence("Potem", "Jan", "Pciuch", "wyszedł", "Pciuch"),
    ]
    found = [
        [Span(0, 2, "persName", 0), Span(0, 1, "persName-forename", 1), Span(1, 2, "persName-surname", 1)],
        [],
    ]
    result = propagate(sentences, found)
    assert result[0] == found[0]
    # The whole name where it recurs, with its parts; a lone "Pciuch" was never tagged alone.
    assert result[1] == [
        Span(1, 3, "persName", 0),
        Span(1, 2, "persName-forename", 1),
        Span(2, 3, "persName-surname", 1),
    ]


@pytest.fixture(scope="module")
def pipeline():
    language = get_language("pl")
    return Pipeline([SegmentStage(language), MorphologyStage(language), NerStage(language)])


@pytest.fixture(scope="module")
def docs(pipeline):
    return [pipeline(Document(text=t)) for t in TEXTS]


@pytest.mark.parametrize(("labels", "spans"), DECODE)
def test_decode(labels, spans):
    assert decode(labels) == spans


@pytest.mark.parametrize(("index", "text", "type_"), EXPECTED)
def test_obvious_names(docs, index, text, type_):
    found = {(m.text, m.type) for m in docs[index].mentions}
    assert (text, type_) in found


@pytest.mark.parametrize(("text", "lemma"), LEMMAS)
def test_mention_lemmas(docs, text, lemma):
    lemmas = {m.text: m.lemma for d in docs for m in d.mentions}
    assert lemmas[text] == lemma


def test_offsets_point_into_text(docs):
    for doc in docs:
        assert doc.mentions
        for m in doc.mentions:
            assert doc.text[m.start : m.end] == m.text
            assert m.source == "model"
            assert m.type in {"PER", "ORG", "GPE", "LOC"}


def test_nothing_in_plain_text(pipeline):
    doc = pipeline(Document(text="Wczoraj padał deszcz, a dzisiaj świeci słońce."))
    assert doc.mentions == []


def test_stage_declares_fields():
    stage = NerStage(get_language("pl"))
    assert stage.name == "ner"
    assert stage.requires == ("sentences", "tokens", "tokens.lemma")
    assert stage.assigns == ("mentions",)


def test_pickles(pipeline):
    clone = pickle.loads(pickle.dumps(pipeline))
    doc = clone(Document(text=TEXTS[0]))
    assert [(m.start, m.end, m.type) for m in doc.mentions] == [
        (m.start, m.end, m.type) for m in pipeline(Document(text=TEXTS[0])).mentions
    ]


def test_batch_equals_one_by_one(pipeline):
    batch = list(pipeline.pipe(Document(text=t) for t in TEXTS))
    single = [pipeline(Document(text=t)) for t in reversed(TEXTS)][::-1]
    assert [d.to_dict() for d in batch] == [d.to_dict() for d in single]


def test_empty_document(pipeline):
    assert pipeline(Document(text="")).mentions == []


# Names inside outer names (NKJP nesting the training file lost), found through the real tagger.
NESTED = [
    (
        "Profesor pracuje w Polskiej Akademii Nauk od dziesięciu lat.",
        ("Polskiej Akademii Nauk", "orgName", 0),
        ("Polskiej", "placeName-country", 1),
    ),
    (
        "Mieszka przy ulicy Adama Mickiewicza w Gdańsku.",
        ("ulicy Adama Mickiewicza", "geogName", 0),
        ("Mickiewicza", "persName-surname", 2),
    ),
]


@pytest.mark.parametrize(("text", "outer", "inner"), NESTED)
def test_nested_names(pipeline, text, outer, inner):
    doc = pipeline(Document(text=text))
    found = {
        (" ".join(t.text for t in s[span.start : span.end]), span.category, span.layer)
        for s, span in load_tagger("pl").spans(doc)
    }
    assert outer in found and inner in found
    # nested names are for evaluation: the mentions keep the outer name only
    assert outer[0] in {m.text for m in doc.mentions} and inner[0] not in {m.text for m in doc.mentions}

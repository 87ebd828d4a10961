"""The article layout the quote and amount stages share: the same as worked out afresh, and made again when the
article or its entities change."""

from __future__ import annotations

from kronika.quotes.mentions import article_layout, lemma_of, place_mentions, sentence_token_spans
from kronika.record import Document

TEXTS = [
    "Władimir Putin spotkał się w Pekinie z Xi Jinpingiem. Rozmawiali o Ukrainie.",
    "Minister spraw zagranicznych Polski przyleciał do Kijowa.",
]


def fresh(doc: Document, polish) -> tuple:
    return sentence_token_spans(doc), [lemma_of(t) for t in doc.tokens], place_mentions(doc, polish)


def test_the_layout_is_the_one_worked_out_afresh(pipeline, polish):
    docs = [pipeline(Document(text=text, date="2025-09-04")) for text in TEXTS]
    for doc in docs + docs[::-1] + [docs[0], docs[0]]:
        layout = article_layout(doc, polish)
        assert (layout.spans, layout.lemmas, layout.placed) == fresh(doc, polish)


def test_each_caller_gets_lists_of_its_own(pipeline, polish):
    doc = pipeline(Document(text=TEXTS[0], date="2025-09-04"))
    first = article_layout(doc, polish)
    first.placed.clear()
    first.lemmas.append("x")
    assert article_layout(doc, polish).placed == place_mentions(doc, polish)
    assert article_layout(doc, polish).lemmas == [lemma_of(t) for t in doc.tokens]


def test_changed_entities_are_placed_again(pipeline, polish):
    doc = pipeline(Document(text=TEXTS[0], date="2025-09-04"))
    assert article_layout(doc, polish).placed
    dropped = doc.entities.pop()
    assert article_layout(doc, polish).placed == place_mentions(doc, polish)
    doc.entities = [dropped]
    assert article_layout(doc, polish).placed == place_mentions(doc, polish)
    dropped.mentions.pop()
    assert article_layout(doc, polish).placed == place_mentions(doc, polish)

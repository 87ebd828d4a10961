"""What an ingest worker sends its parent: the record it made, tokens included, whatever travels in between
(the tokens go as tuples, rebuilt on arrival), with the story hook's extra beside it, or the error."""

from __future__ import annotations

import pickle

import pytest

from kronika.batch.local import _unpack, analyse_one
from kronika.core import analyze_articles
from kronika.errors import InputError
from kronika.ingest.article import Article
from kronika.options import AnalysisOptions
from kronika.record import Document

OPTIONS = AnalysisOptions(lang="pl")


def token_count(doc: Document) -> int:
    """Module-level, so it pickles: an extra that reads the worker's record as analysed."""
    return len(doc.tokens)


@pytest.mark.parametrize("extra", [None, token_count])
def test_a_record_arrives_as_the_worker_made_it(seed_text, extra):
    article = Article(text=seed_text, date="2025-09-04", title="Tytuł", source="seed")
    (expected,) = analyze_articles([Article(text=seed_text, date="2025-09-04", title="Tytuł")], OPTIONS)
    got = _unpack(pickle.loads(pickle.dumps(analyse_one(article, options=OPTIONS, extra=extra))))
    if extra is not None:
        got, made = got
        assert made == len(expected.tokens) > 0
    assert got.to_dict() == expected.to_dict()


def test_an_error_arrives_as_an_input_error():
    article = Article(text=None, source="broken.jsonl:line 3")  # a reader's bug: the analysis fails
    got = _unpack(pickle.loads(pickle.dumps(analyse_one(article, options=OPTIONS))))
    assert isinstance(got, InputError)
    assert (got.code, got.source) == ("E301", "broken.jsonl:line 3")


def failing(doc: Document) -> int:
    raise ValueError("the writer redoes it")


@pytest.mark.parametrize("extra, dropped", [(token_count, True), (failing, False)])
def test_dropped_fields_travel_only_when_the_extra_was_made(seed_text, extra, dropped):
    """What `ingest` drops (the tokens and name mentions, once the worker made the writer's columns of them)
    stays home only when the extra succeeded: otherwise the writer needs them to redo it."""
    article = Article(text=seed_text, date="2025-09-04", title="Tytuł", source="seed")
    (expected,) = analyze_articles([Article(text=seed_text, date="2025-09-04", title="Tytuł")], OPTIONS)
    sent = analyse_one(article, options=OPTIONS, extra=extra, drop=("tokens", "mentions"))
    got, made = _unpack(pickle.loads(pickle.dumps(sent)))
    assert (made is not None) == dropped
    assert expected.tokens and expected.mentions
    if dropped:
        expected.tokens, expected.mentions = [], []
    assert got.to_dict() == expected.to_dict()

"""What the speaker model reads about the choice that nobody named said a quote, on sentences written for these tests."""

from __future__ import annotations

import pytest

from kronika.quotes.candidates import find_candidates, read_text
from kronika.quotes.speakers import named_subject, nobody_features
from kronika.record import Document

# (text, features the nobody option must have, features it must not have)
NOBODY = [
    # A crowd says it: a plural common noun with no name after it.
    (
        "Przed ambasadą zebrali się ludzie. „Precz z wojną!” – krzyczeli demonstranci.",
        {"nobody|common_subject", "nobody|common_subject|plural=True|bare=True", "nobody|verb_lemma=krzyczeć"},
        set(),
    ),
    # A title with its body named right after it: somebody is named.
    (
        "„Nie zgadzamy się na to” – powiedział rzecznik Kremla Dmitrij Pieskow.",
        {"nobody|common_subject|bare=False", "nobody|verb_lemma=powiedzieć"},
        {"nobody|common_subject|bare=True"},
    ),
    # A named subject: no common noun to read.
    (
        "„Nie zgadzamy się na to” – powiedział Władimir Putin.",
        {"nobody|verb_lemma=powiedzieć"},
        {"nobody|common_subject"},
    ),
    # No verb of saying: only the quote's form.
    ("Na transparentach widniało hasło „Wolne media”, a ludzie śpiewali.", {"nobody|has_verb=False"}, set()),
]


@pytest.mark.parametrize(("text", "present", "absent"), NOBODY)
def test_nobody_features(pipeline, polish, text, present, absent):
    found = read_text(pipeline(Document(text=text, date="2025-09-04")), polish, polish.data("quotes"))
    quote = next(c for c in find_candidates(found) if c.kind == "marked")
    features = set(nobody_features(found, quote, 1))
    assert present <= features
    assert not absent & features


# (text, the named subject of its quote's verb of saying, or None)
NAMED = [
    # A subject after adverbials and a title, beyond the words right after the verb.
    (
        "„Sejm pracuje” – powiedział w sobotę do zgromadzonych przed Sejmem poseł PO Andrzej Halicki.",
        "Andrzej Halicki",
    ),
    # A name inside a prepositional phrase after the verb is no subject.
    ("„Nie zgadzamy się na to” – powiedział w rozmowie z premierem Donaldem Tuskiem.", None),
    # Past a comma stands another clause, whose subject said nothing.
    ("„Nie zgadzamy się na to” – powiedział, a premier Donald Tusk tylko się uśmiechnął.", None),
    ("„Nie zgadzamy się na to” – powiedział, zaś minister Radosław Sikorski wyszedł.", None),
]


@pytest.mark.parametrize(("text", "name"), NAMED)
def test_named_subject(pipeline, polish, text, name):
    found = read_text(pipeline(Document(text=text, date="2025-09-04")), polish, polish.data("quotes"))
    quote = next(c for c in find_candidates(found) if c.kind == "marked")
    subject = named_subject(found, quote)
    assert (subject.entity.name if subject is not None else None) == name

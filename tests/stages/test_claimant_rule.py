"""The amount claimant rule (``kronika/stages/claimant_rule.py``) on sentences written for these tests."""

from __future__ import annotations

import pytest

from kronika.record import Document


def claimant_of(pipeline, text: str, amount: str) -> str | None:
    doc = pipeline(Document(text=text, date="2025-09-04"))
    found = next(a for a in doc.amounts if a.text == amount)
    return found.claimant.name if found.claimant else None


# (text, the amount, its claimant's name or None): the source a sentence cites, however it is worded.
CITED_SOURCES = [
    ("Według agencji TASS w ataku zginęło pięć osób.", "pięć osób", "TASS"),
    # "Zdaniem" is tagged as the noun "zdanie": the source is read by its text too.
    ("Zdaniem agencji TASS w ataku zginęło pięć osób.", "pięć osób", "TASS"),
    # A relative pronoun after the source word cites the party named before it.
    ("Raport przedstawiła agencja TASS, według której w ataku zginęło pięć osób.", "pięć osób", "TASS"),
]


@pytest.mark.parametrize(("text", "amount", "name"), CITED_SOURCES)
def test_the_cited_source_claims_the_figure(pipeline, text, amount, name):
    assert claimant_of(pipeline, text, amount) == name


# An impersonal verb of saying names nobody: the report of the sentence before does not go on through it.
IMPERSONAL = [
    ("Agencja TASS podała, że Rosja zaatakowała lotnisko. Podawano, że zginęło pięć osób.", "pięć osób", None),
    (
        "Agencja TASS podała, że Rosja zaatakowała lotnisko. Przekazała również, że zginęło pięć osób.",
        "pięć osób",
        "TASS",
    ),
]


@pytest.mark.parametrize(("text", "amount", "name"), IMPERSONAL)
def test_an_impersonal_verb_carries_no_claimant(pipeline, text, amount, name):
    assert claimant_of(pipeline, text, amount) == name


# A dash tail closes the passage of unmarked speech before it in its paragraph, not a speech that opens with its own
# dash or quote mark, and not a figure in a paragraph before.
CLOSING_DASH = [
    (
        "Rosja wydala czterech dyplomatów. Powinni oni wyjechać do piątku – podała agencja TASS.",
        "czterech dyplomatów",
        "TASS",
    ),
    (
        "Rosja wydala czterech dyplomatów.\n\nPowinni oni wyjechać do piątku – podała agencja TASS.",
        "czterech dyplomatów",
        None,
    ),
    (
        "Rosja wydala czterech dyplomatów. – Powinni oni wyjechać do piątku – podała agencja TASS.",
        "czterech dyplomatów",
        None,
    ),
]


@pytest.mark.parametrize(("text", "amount", "name"), CLOSING_DASH)
def test_a_dash_tail_closes_the_passage_before_it(pipeline, text, amount, name):
    assert claimant_of(pipeline, text, amount) == name

"""The amount claimant rule (``kronika/stages/claimant_rule.py``) on sentences written for these tests."""

from __future__ import annotations

import pytest

from kronika.record import Document


def claimant(pipeline, text: str, amount: str):
    """The claimant the pipeline gives the figure written ``amount`` in ``text`` (None: the article's own)."""
    doc = pipeline(Document(text=text, date="2025-09-04"))
    return next(a for a in doc.amounts if a.text == amount).claimant


def claimant_of(pipeline, text: str, amount: str) -> str | None:
    found = claimant(pipeline, text, amount)
    return found.name if found else None


# (text, the amount, its claimant's name or None): the source a sentence cites, however it is worded.
CITED_SOURCES = [
    ("Według agencji TASS w ataku zginęło pięć osób.", "pięć osób", "TASS"),
    # "Zdaniem" is tagged as the noun "zdanie": the source is read by its text too.
    ("Zdaniem agencji TASS w ataku zginęło pięć osób.", "pięć osób", "TASS"),
    # A relative pronoun after the source word cites the party named before it.
    ("Raport przedstawiła agencja TASS, według której w ataku zginęło pięć osób.", "pięć osób", "TASS"),
]


# An impersonal verb of saying names nobody: the report of the sentence before does not go on through it.
IMPERSONAL = [
    ("Agencja TASS podała, że Rosja zaatakowała lotnisko. Podawano, że zginęło pięć osób.", "pięć osób", None),
    (
        "Agencja TASS podała, że Rosja zaatakowała lotnisko. Przekazała również, że zginęło pięć osób.",
        "pięć osób",
        "TASS",
    ),
]


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


# (text, the amount, the claimant's country or None, its name): a state's authorities named by a common noun claim
# for that state, read from the noun's adjective or else the state the article is about, named as a body of that
# state; unnamed NGOs claim nothing.
AUTHORITY_CLAIMANTS = [
    (
        "Litwa zamknęła lotnisko w Wilnie. Władze podały, że odwołano 140 lotów.",
        "140 lotów",
        "LTU",
        "authorities of Lithuania",
    ),
    ("Według strony izraelskiej w spotkaniu uczestniczyło 30 państw.", "30 państw", "ISR", "side of Israel"),
    (
        "Polskie władze poinformowały o wydaleniu 45 rosyjskich dyplomatów.",
        "45 rosyjskich dyplomatów",
        "POL",
        "authorities of Poland",
    ),
    ("W Mali doszło do zamachu. Jak poinformowała policja, zatrzymano 12 osób.", "12 osób", "MLI", "police of Mali"),
    ("W Nigerii trwają protesty. Według szacunków władz zginęło 10 osób.", "10 osób", "NGA", "authorities of Nigeria"),
    ("W Nigerii trwają protesty. Według organizacji praw człowieka zginęło 10 osób.", "10 osób", None, None),
    ("W Peru trwają protesty. Świadkowie podali, że zatrzymano 50 osób.", "50 osób", None, None),
]


@pytest.mark.parametrize(("text", "amount", "country", "name"), AUTHORITY_CLAIMANTS)
def test_authorities_claim_for_their_state(pipeline, text, amount, country, name):
    found = claimant(pipeline, text, amount)
    assert (found.country if found else None) == country
    assert (found.name if found else None) == name


# (text, the amount, its claimant's name or None): a sentence that passes on a report by the reportative verb beside
# an infinitive goes on with the sentence before's claimant in its paragraph; not past a paragraph break, and not
# without the infinitive ("Miała 40 lat" is the article's own fact).
REPORTATIVE_CLAIMANTS = [
    (
        "Władimir Putin oświadczył, że Rosja zaatakowała lotnisko. Zginąć miało sześć osób.",
        "sześć osób",
        "Vladimir Putin",
    ),
    (
        "Władimir Putin oświadczył, że Rosja zaatakowała lotnisko.\n\nZginąć miało sześć osób.",
        "sześć osób",
        None,
    ),
    (
        "Władimir Putin oświadczył, że Rosja zaatakowała lotnisko. W ataku zginęło sześć osób.",
        "sześć osób",
        None,
    ),
]


# (text, the amount, its claimant's name or None): a cue after the figure attributes it only in the tail a dash
# opens; with no dash between them the cue's clause speaks of something else and the figure is the article's.
CUE_AFTER_FIGURE = [
    ("W ataku zginęło pięć osób – podała agencja TASS.", "pięć osób", "TASS"),
    ("W ataku zginęło pięć osób, ale według agencji TASS nie było wśród nich żołnierzy.", "pięć osób", None),
    ("Agencja TASS podała, że w ataku zginęło pięć osób.", "pięć osób", "TASS"),
]


# The tables above of (text, the amount, its claimant's name or None), by the rule each tests.
NAMED_CLAIMANTS = {
    "cited source": CITED_SOURCES,
    "impersonal verb": IMPERSONAL,
    "closing dash": CLOSING_DASH,
    "reported figure": REPORTATIVE_CLAIMANTS,
    "cue after the figure": CUE_AFTER_FIGURE,
}


@pytest.mark.parametrize(
    ("text", "amount", "name"),
    [pytest.param(*case, id=f"{rule}-{k}") for rule, cases in NAMED_CLAIMANTS.items() for k, case in enumerate(cases)],
)
def test_the_rule_names_the_claimant(pipeline, text, amount, name):
    assert claimant_of(pipeline, text, amount) == name

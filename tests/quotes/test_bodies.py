"""A party named by a common noun: its country from the adjective beside it, else the article's dominant one."""

from __future__ import annotations

import pytest

from kronika.quotes.bodies import body_name, body_party, dominant_country
from kronika.quotes.mentions import Placed, participant
from kronika.record import Entity, Token


def _placed(countries: list[str | None]) -> list[Placed]:
    entities = [Entity(id=f"e{k}", name=f"e{k}", type="GPE", country=c) for k, c in enumerate(countries)]
    return [Placed(e, k, k + 1, frozenset({"Nom"}), False) for k, e in enumerate(entities)]


# (the countries of the article's mentions in order, the dominant country)
DOMINANT = [
    ([], None),
    ([None, None], None),
    (["LTU", "POL", "LTU"], "LTU"),
    (["POL", "LTU", "LTU", "POL"], "POL"),  # a tie: the first named
    ([None, "MLI"], "MLI"),
]


@pytest.mark.parametrize(("countries", "expected"), DOMINANT)
def test_dominant_country(countries, expected):
    assert dominant_country(_placed(countries)) == expected


ADJECTIVES = {"izraelski": "ISR", "polski": "POL"}


def _state(token: Token) -> str | None:
    return ADJECTIVES.get(token.lemma)


def _tokens(words: list[tuple[str, str]]) -> list[Token]:
    return [Token(k, k + 1, text, lemma) for k, (text, lemma) in enumerate(words)]


STRONA = [("według", "według"), ("strony", "strona"), ("izraelskiej", "izraelski"), ("zginęło", "zginąć")]
WLADZE = [("Władze", "władza"), ("podały", "podać"), ("że", "że")]
FAR = [("polskie", "polski"), ("w", "w"), ("tym", "ten"), ("władze", "władza")]
NAMES = {"władza": "authorities", "strona": "side"}
# (tokens, the noun's index, the dominant country, the party's country or None for no party, its name)
PARTIES = [
    (STRONA, 1, "LTU", "ISR", "side of Israel"),  # the adjective beside the noun wins over the article's country
    (WLADZE, 0, "LTU", "LTU", "authorities of Lithuania"),
    (WLADZE, 0, None, None, None),  # nothing to read the country from: no party
    (FAR, 3, None, None, None),  # an adjective three words away belongs to something else
]


@pytest.mark.parametrize(("words", "noun", "dominant", "expected", "name"), PARTIES)
def test_body_party(words, noun, dominant, expected, name):
    tokens = _tokens(words)
    party = body_party(tokens, noun, 0, len(tokens), _state, dominant, NAMES)
    assert (party.country if party else None) == expected
    if party is not None:
        assert participant(party).entity is None and party.name == name


# (the noun's word, the country code, the name shown): a code the knowledge base has no state for stays a code.
NAMED = [
    ("authorities", "LTU", "authorities of Lithuania"),
    ("police", "MLI", "police of Mali"),
    ("władza", "XXK", "władza of XXK"),
]


@pytest.mark.parametrize(("word", "country", "expected"), NAMED)
def test_body_name(word, country, expected):
    assert body_name(word, country) == expected

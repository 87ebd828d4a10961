"""A party named only by a common noun ("władze podały", "według strony izraelskiej", "policja poinformowała").

The grader, like a reader, takes such a party for the state it belongs to: the body has no entity, but its country
is read from the words around the noun, the state's adjective ("rosyjskie MSZ", "strony izraelskiej"), else from the
article's dominant country (the country its parties are most often from: a report on Mali's army calls it "the
army"). A state named right after the noun ("władze Izraela") is a mention, and the stages take that entity itself.
The party is named as the knowledge base names bodies, in English with its state: "authorities of Lithuania" (the
pack's word for the noun, else its lemma; the state's name, else its code), so a list of claimants reads clearly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from kronika.record import Token

if TYPE_CHECKING:
    from kronika.quotes.mentions import Placed

# How many tokens either side of the noun its state's adjective may stand ("polskie władze", "strony izraelskiej",
# "somalijskiego stowarzyszenia dziennikarzy").
ADJECTIVE_REACH = 2


@dataclass(frozen=True)
class Body:
    """A party that is no entity: a state's authorities or official named by a common noun, keyed by its country
    (quotes of one body chain as one speaker's); ``source`` says where the country was read."""

    name: str
    country: str
    source: str = "adjective"  # adjective | article
    type: str = "ORG"
    sector: str | None = None

    @property
    def id(self) -> str:
        return f"body:{self.country}"


def dominant_country(placed: list[Placed]) -> str | None:
    """The country most of the article's mentions belong to (the first named of a tie), or None."""
    counts = Counter(p.entity.country for p in placed if p.entity.country)
    if not counts:
        return None
    top = max(counts.values())
    return next(p.entity.country for p in placed if counts.get(p.entity.country) == top)


@cache
def state_names() -> dict[str, str]:
    """Each state's name in the knowledge base (its English title) by its country code."""
    from kronika.kb import load_kb

    names: dict[str, str] = {}
    for entry in load_kb():
        if entry.is_state():
            names.setdefault(entry.country, entry.name)
    return names


def body_name(word: str, country: str) -> str:
    """How a body is shown: "authorities of Lithuania" (``word`` the noun's English word or lemma)."""
    return f"{word} of {state_names().get(country, country)}"


def body_party(
    tokens: list[Token],
    noun: int,
    lo: int,
    hi: int,
    adjective_state,
    dominant: str | None,
    words: Mapping[str, str] | None = None,
) -> Body | None:
    """The party a common noun at ``noun`` names, with its country: the state's adjective beside it, else the
    article's dominant country; None when neither gives one. ``adjective_state(token)`` is the linker's lookup;
    ``words`` the pack's English word for each noun's lemma (the party's name)."""
    window = range(max(lo, noun - ADJECTIVE_REACH), min(hi, noun + ADJECTIVE_REACH + 1))
    # Nearest first; the tagger may read "polskie" as the noun "polski" (the language), so any word is asked.
    country = next(
        (c for k in sorted(window, key=lambda k: abs(k - noun)) if k != noun and (c := adjective_state(tokens[k]))),
        None,
    )
    lemma = tokens[noun].lemma or tokens[noun].text
    word = (words or {}).get(lemma, lemma)
    if country is not None:
        return Body(body_name(word, country), country)
    return Body(body_name(word, dominant), dominant, "article") if dominant is not None else None

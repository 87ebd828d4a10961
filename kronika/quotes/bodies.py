"""A party named only by a common noun ("władze podały", "według strony izraelskiej", "policja poinformowała").

The grader, like a reader, takes such a party for the state it belongs to: the body has no entity, but its country
is read from the words around the noun, the state's adjective ("rosyjskie MSZ", "strony izraelskiej"), else from the
article's dominant country (the country its parties are most often from: a report on Mali's army calls it "the
army"). A state named right after the noun ("władze Izraela") is a mention, and the stages take that entity itself.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
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


def body_party(tokens: list[Token], noun: int, lo: int, hi: int, adjective_state, dominant: str | None) -> Body | None:
    """The party a common noun at ``noun`` names, with its country: the state's adjective beside it, else the
    article's dominant country; None when neither gives one. ``adjective_state(token)`` is the linker's lookup."""
    window = range(max(lo, noun - ADJECTIVE_REACH), min(hi, noun + ADJECTIVE_REACH + 1))
    # Nearest first; the tagger may read "polskie" as the noun "polski" (the language), so any word is asked.
    country = next(
        (c for k in sorted(window, key=lambda k: abs(k - noun)) if k != noun and (c := adjective_state(tokens[k]))),
        None,
    )
    name = tokens[noun].lemma or tokens[noun].text
    if country is not None:
        return Body(name, country)
    return Body(name, dominant, "article") if dominant is not None else None

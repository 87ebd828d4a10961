"""Names of vessels, aircraft, vehicles and weapons are no entities: "statek towarowy Fitburg", "kutry
\"Berdiańsk\" i \"Nikopol\"", "czołgi Leopard 2", "wyrzutnie rakiet HIMARS".

The detector and the base take such a name for what it is named after (a town, a person) or for a body; the
common noun before it says what it is. A name is a vehicle's when one of the language's vehicle nouns
(``vehicle_nouns``) stands right before it, past quote marks and up to a few lower-case words ("statek
towarowy"), or when it follows such a name in a list ("i", ","). A name the base knows must be in quote marks
too: without them it is the owner ("rakiety Iranu", "drony Hamasu", "okręty Straży Przybrzeżnej Chin").
Every mention of that name in the article goes with it: "Jany Kapu", introduced as a tug, is still the tug two
sentences later.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kronika.record import Token

if TYPE_CHECKING:  # the linker's types; importing them here at run time would be circular
    from kronika.stages.link import Found, Linker

# How many lower-case words may stand between the noun and the name ("kutra patrolowego", "wyrzutnie rakiet").
REACH = 3


def drop_vehicles(linker: Linker, tokens: list[Token], found: list[Found]) -> list[Found]:
    """``found`` without the names of vessels, vehicles and weapons, and without their other mentions."""
    nouns = getattr(linker.language, "vehicle_nouns", frozenset())
    if not nouns:
        return found
    quotes = set(linker.language.quotes)
    joiners = getattr(linker.language, "list_joiners", frozenset())
    vehicles: set[str] = set()
    ends: set[int] = set()
    for f in sorted(found, key=lambda f: f.start):
        j = _skip_quotes(tokens, f.start - 1, quotes)
        if f.entry and j == f.start - 1:
            continue  # a name the base knows, not in quote marks, is the owner: "rakiety Iranu", "drony Hamasu"
        listed = j >= 0 and tokens[j].text.casefold() in joiners and _skip_quotes(tokens, j - 1, quotes) + 1 in ends
        if listed or _after_noun(tokens, j, nouns):
            vehicles.add(_key(f))
            ends.add(f.end)
    return [f for f in found if _key(f) not in vehicles] if vehicles else found


def _key(f: Found) -> str:
    return f.entry or f.name.casefold()


def _skip_quotes(tokens: list[Token], j: int, quotes: set[str]) -> int:
    while j >= 0 and tokens[j].text and all(ch in quotes for ch in tokens[j].text):
        j -= 1
    return j


def _after_noun(tokens: list[Token], j: int, nouns: frozenset[str]) -> bool:
    """Whether a vehicle noun ends at token ``j``, or stands before it past up to REACH lower-case words."""
    for k in range(j, max(-1, j - REACH - 1), -1):
        token = tokens[k]
        if (token.lemma or token.text).casefold() in nouns:
            return True
        if not (token.text.isalpha() and token.text.islower()):
            return False
    return False

"""Streets: the capitalised name after a street noun ("ul. Kasprzaka", "ulicę Zielną") is a place of its own.

The detector seldom marks a street's name, and when it does, it reads it as the person or place the street is
named after ("Kasprzaka", "Grenadierów"). After one of the language's street nouns (``street_nouns``) the run
of capitalised words is the street, named with the noun's English word ("Kasprzaka Street"); whatever else
was found on those words gives way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kronika.record import Token

if TYPE_CHECKING:  # the linker's types; importing them here at run time would be circular
    from kronika.stages.link import Found, Linker

# Longest street name read, in words ("Aleje Jerozolimskie", "Krakowskie Przedmieście").
MAX_WORDS = 3


def street_mentions(linker: Linker, tokens: list[Token], found: list[Found]) -> list[Found]:
    """``found`` with the streets named after a street noun, and without what overlapped them."""
    # Optional parts of a language pack, as the vehicle nouns are: a pack without them names no streets.
    nouns = getattr(linker.language, "street_nouns", {})
    street_word = getattr(linker.language, "street_word", None)
    if not nouns or street_word is None:
        return found
    from kronika.stages.link import Found

    streets = []
    for i, token in enumerate(tokens[:-1]):
        kind = nouns.get(token.text.casefold()) or nouns.get((token.lemma or "").casefold())
        if kind is None or not token.text[:1].islower():
            continue  # "Ulica" opening a name ("Ulica Sezamkowa") is the name's
        end = i + 1
        while end < len(tokens) and end - i <= MAX_WORDS and _capitalised_word(tokens[end].text):
            end += 1
        if end > i + 1:
            words = [street_word(linker.morphology, t.text) for t in tokens[i + 1 : end]]
            streets.append(Found(i + 1, end, "LOC", f"{' '.join(words)} {kind}", None, "street"))
    if not streets:
        return found
    taken = {j for s in streets for j in range(s.start, s.end)}
    return [f for f in found if not any(j in taken for j in range(f.start, f.end))] + streets


def _capitalised_word(text: str) -> bool:
    return text[:1].isupper() and text.replace("-", "").isalpha()

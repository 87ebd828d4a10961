"""A state's national society of a movement: "Libańskiego Czerwonego Krzyża", "z marokańskim Czerwonym
Półksiężycem".

Every state has its own Red Cross or Red Crescent society, and the base lists the international bodies only;
the tagger finds the national one without its adjective, or with it as a Polish name. The movement's name
(``national_societies``) after a state's adjective is that state's society, named as its English title is: the
state's English adjective and the movement's English name ("Lebanese Red Cross").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kronika.record import Token
from kronika.stages.link_model import Found, is_capitalised

if TYPE_CHECKING:  # the linker's type; importing it here at run time would be circular
    from kronika.stages.link import Linker


def national_societies(linker: Linker, tokens: list[Token], found: list[Found]) -> list[Found]:
    """``found`` with each national society in place of the mentions its words held."""
    societies = getattr(linker.language, "national_societies", {})
    last_words = {words[-1] for words in societies}
    for i in range(1, len(tokens) - 1):
        last = tokens[i + 1]
        # Most words are passed over by their first letter, before any lemma is compared.
        if not last.text[:1].isupper() or (last.lemma or last.text).casefold() not in last_words:
            continue
        if not is_capitalised(tokens[i].text):
            continue
        movement = _movement(linker, societies, tokens[i], (last.lemma or last.text).casefold())
        if movement is None:
            continue
        country = linker._adjectives.get((tokens[i - 1].lemma or tokens[i - 1].text).casefold())
        adjective = linker.english_adjective(country) if country else None
        if adjective is None:
            continue
        start, end = i - 1, i + 2
        if any(f.start < start < f.end or f.start < end < f.end for f in found):
            continue  # words of a longer name
        found = [f for f in found if f.end <= start or end <= f.start]
        found.append(Found(start, end, "ORG", f"{adjective} {movement}", None, "society", country))
    return found


def _movement(linker: Linker, societies: dict, first: Token, last: str) -> str | None:
    """The movement whose name the two words are: the tagger may read a capitalised "Czerwonego" as a name
    ("Czerwone"), so every reading of the first word counts."""
    readings = {(first.lemma or first.text).casefold()} | {
        r.lemma.casefold() for r in linker.morphology.analyse(first.text)
    }
    return next((societies[(word, last)] for word in readings if (word, last) in societies), None)

"""Named places after a place noun: "ul. Kasprzaka", "mostem Poniatowskiego", "nad rzeką Galwan", "wyspy Senkaku"
are places of their own.

The detector seldom marks such a name, and when it does, it reads it as the person or town the place is named
after ("Kasprzaka", "Eiffla", "Narva") or runs the noun into it ("Dolina Galwan" as a person). After one of the
language's place nouns (``street_nouns`` by lemma, ``street_forms`` by form: the noun's English word and how
the name is made) the run of capitalised words is the place, named with the noun's English word ("Kasprzaka
Street", "Galwan River", "Hotel Dayah"); whatever else was found on those words gives way. A name the base already knows stays linked: a
known name spanning the noun too ("lotniska Ben Guriona" as "Ben Gurion Airport"), and a known place after a
noun ("wyspy Tajwan", "ulicy Newski Prospekt"); a river or a valley wins over a town of the same name ("rzeki
Narva" is the river, not the town), and a street over the town it is named after ("ronda Waszyngtona").
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from kronika.record import Token
from kronika.stages.link_context import article_states
from kronika.stages.link_towns import placed

if TYPE_CHECKING:  # the linker's types; importing them here at run time would be circular
    from kronika.stages.link import Found, Linker

# Longest place name read, in words ("Aleje Jerozolimskie", "Krakowskie Przedmieście").
MAX_WORDS = 3
# The source of the places named here: their names are whole, to be neither respelt nor joined to a person.
PLACE_SOURCE = "street"
# Longest lower-case article a name's word may open with, joined by a hyphen ("al-Ain", "el-Fasher", "ad-Din").
ARTICLE_LETTERS = 3
# Marks between a noun and the list of names it opens.
LIST_OPENERS = frozenset({":"})
# The types of a linked name a place noun's own name gives way to, unless the noun names something else.
PLACE_TYPES = ("GPE", "LOC")


def street_mentions(linker: Linker, tokens: list[Token], found: list[Found], sentence_starts: set[int]) -> list[Found]:
    """``found`` with the places named after a place noun, and without what overlapped them. A name ends with
    its sentence (a heading's last word and the next sentence's first are no name: "lotnisku / W ostatnim")."""
    # Optional parts of a language pack, as the vehicle nouns are: a pack without them names no streets.
    forms, nouns = place_nouns(linker.language)
    street_word = getattr(linker.language, "street_word", None)
    if not (nouns or forms) or street_word is None:
        return found
    linked = {j: f for f in found if f.entry for j in range(f.start, f.end)}
    # Where the detector or the base began a name: when one begins right after the noun, the place's name ends
    # where the next begins ("prowincji Pendżab Salmaan Taseer" is the province and the governor; "wieś Pa Zy
    # Gyi", whose "Zy Gyi" alone the detector found, is one name).
    starts = {f.start for f in found}
    # The words inside a name that began before them: a noun there is the name's ("Urząd Górniczy miasta
    # Stralsund").
    inside = {j for f in found for j in range(f.start + 1, f.end)}
    named = cache(lambda: article_states(linker, tokens, found))
    joiners = getattr(linker.language, "list_joiners", frozenset())
    places = []
    for i, token in enumerate(tokens[:-1]):
        noun = place_noun(forms, nouns, token)
        if noun is None or not (token.text[:1].islower() or noun.capital) or i in linked or i in inside:
            continue  # "Ulica" opening a name ("Ulica Sezamkowa") is the name's; a known name holds the noun
        start = i + 1
        if noun.listed and start < len(tokens) - 1 and tokens[start].text in LIST_OPENERS:
            start += 1  # "lotniska: Chopina i Modlin"
        while True:
            ends = sentence_starts | {j for j in starts if j > start} if start in starts else sentence_starts
            end = _name_end(tokens, start, ends)
            if end == start or (token.text[:1].isupper() and _adjectival(tokens[start:end])):
                break  # "Wyspy Brytyjskie", "Dolina Krzemowa": a Polish name, the English one translates it
            if not _known_place(linked, start, end, noun.over_towns):
                places.append(_place(linker, noun, tokens[start:end], start, street_word, named))
            if not (noun.listed and end + 1 < len(tokens) and tokens[end].text.casefold() in joiners):
                break
            start = end + 1  # the next name of a list: "w miejscowościach Wyryki, Wohyń i Cześniki"
    if not places:
        return found
    taken = {j for s in places for j in range(s.start, s.end)}
    return [f for f in found if not any(j in taken for j in range(f.start, f.end))] + places


def place_nouns(language) -> tuple[dict, dict]:
    """The language's place nouns by form (``street_forms``) and by lemma (``street_nouns``); empty for a pack
    without them."""
    return getattr(language, "street_forms", {}), getattr(language, "street_nouns", {})


def place_noun(forms: dict, nouns: dict, token: Token):
    """The place noun ``token`` is, by its form or its lemma (the tables of ``place_nouns``), or None."""
    return forms.get(token.text.casefold()) or nouns.get((token.lemma or "").casefold())


def _name_end(tokens: list[Token], start: int, sentence_starts: set[int]) -> int:
    """Where the run of capitalised words from ``start`` ends, within its sentence and ``MAX_WORDS``."""
    end = start
    while (
        end < len(tokens)
        and end - start < MAX_WORDS
        and end not in sentence_starts
        and _capitalised_word(tokens[end].text)
    ):
        end += 1
    return end


def _place(linker: Linker, noun, span: list[Token], start: int, street_word, named) -> Found:
    """The place a noun names by the words of ``span``: the base's place of that English name, when it has one
    ("Eiffel Tower"); a town or an island named alone is also the base's place its name sounds as
    ("Halabdża" is Halabja, "Sniżne" Snizhne), a small town only where the article names its state
    (``named``: mentions by state, read once an article)."""
    from kronika.stages.link import Found

    if noun.base:
        words = [_base_word(t) for t in span]
    else:
        words = [street_word(linker.morphology, t.text) for t in span]
    parts = [noun.english, *words] if noun.before else [*words, noun.english]
    name = " ".join(p for p in parts if p)
    known = next((e for e in linker.kb.lookup(name) if e.type in PLACE_TYPES), None)
    if known is None and not noun.english:
        sound = linker.sound_match(name, noun.type)
        known = sound if sound is not None and sound.type in PLACE_TYPES and placed(sound, named()) else None
    if known is not None:
        return Found(start, start + len(span), known.type, known.name, known.id, PLACE_SOURCE)
    return Found(start, start + len(span), noun.type, name, None, PLACE_SOURCE)


def _known_place(linked: dict[int, Found], start: int, end: int, over_towns: bool) -> bool:
    """Whether a linked place of the base holds the words after the noun, and the noun leaves it be: a known
    place (LOC: "ulicy Newski Prospekt") always, a town (GPE) unless the noun names things after towns."""
    kinds = ("LOC",) if over_towns else PLACE_TYPES
    return any(linked[j].type in kinds for j in range(start, end) if j in linked)


def _adjectival(span: list[Token]) -> bool:
    """Whether a word of the name is a common word to the morphology (an adjective: "Brytyjskich")."""
    return any((t.lemma or "")[:1].islower() for t in span)


def _base_word(token: Token) -> str:
    """A word of a name in its base form, capitalised as a name's ("Poniatowskiego" -> "Poniatowski",
    "Gdańskim" -> "Gdański"); as written when the morphology gives no lemma."""
    lemma = token.lemma or token.text
    return lemma[:1].upper() + lemma[1:]


def _capitalised_word(text: str) -> bool:
    """A word of a name: capitalised, or a lower-case article joined to one ("al-Ain" in "Ras al-Ain")."""
    head, _, rest = text.partition("-")
    if rest and head.isalpha() and head.islower() and len(head) <= ARTICLE_LETTERS:
        text = rest
    return text[:1].isupper() and text.replace("-", "").isalpha()

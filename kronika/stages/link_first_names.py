"""A first name the detector left out of a person's name: "Aman Anand" found as "Anand" (and linked to a town of
that name), "Mustafa Bali" found as the island "Bali". A one-word name right after a first name of the base's
people in its base form, which no one marked and which opens a run of capitalised words, is that person's surname,
and the two are in their base form."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kronika.lang.ud import morph
from kronika.record import Token
from kronika.stages.link_model import Found, is_acronym, is_capitalised

if TYPE_CHECKING:  # the linker's type; importing it here at run time would be circular
    from kronika.stages.link import Linker

# The kinds of one-word names a left-out first name turns into a person's: a body's name is not a surname.
SURNAME_KINDS = frozenset({"PER", "GPE", "LOC"})


def first_names_before(
    linker: Linker, tokens: list[Token], found: list[Found], sentence_starts: set[int]
) -> list[Found]:
    """``found`` with each one-word person's or place's name that follows a first name nobody marked widened to
    the person's full name, linked to the base's person of that name when it knows one."""
    covered = {i for f in found for i in range(f.start, f.end)}
    out = []
    for f in found:
        at = f.start - 1
        if f.end - f.start == 1 and f.type in SURNAME_KINDS and at >= 0 and at not in covered:
            # A capitalised word before the first name makes it part of a title ("Pierwsza Dama Michelle").
            opens = at in sentence_starts or at == 0 or not is_capitalised(tokens[at - 1].text)
            if opens and _first_name(linker, tokens[at].text):
                # The first name in its base form: the surname after it is in its base form too ("Mustafa Bali",
                # not the genitive of "Bala").
                base = f"{tokens[at].text} {tokens[f.start].text}"
                entry = linker.link_name(base, base, "PER")
                entry = entry if entry is not None and entry.type == "PER" else None
                f = Found(at, f.end, "PER", entry.name if entry else base, entry.id if entry else None, f.source)
        out.append(f)
    return out


def _first_name(linker: Linker, word: str) -> bool:
    """Whether ``word`` is a first name of the base's people as written ("Mustafa", "Aman"), which the dictionary
    reads as no title nor word of another class ("Minister", "Lord", "Do" open titles and sentences) and which
    opens no more of the base's other names than people's ("The", "San", "Al" open more names of bodies, places)."""
    if not is_capitalised(word) or is_acronym(word) or not word[1:].islower() or not linker.is_first_name(word):
        return False
    if not all(is_capitalised(r.lemma) or _no_title(r.tag) for r in linker.morphology.analyse(word)):
        return False
    others = {entry_id for _, words, entry_id in linker.aliases_opening(word.casefold()) if len(words) > 1}
    others = [e for e in map(linker.kb.get, others) if e is not None and e.type != "PER"]
    return len(others) <= linker.first_name_count(word)


def _no_title(tag: str) -> bool:
    """Whether a common word's reading is a noun naming no person ("aman"): a title is a personal noun
    ("minister", "lord"), and a word of another class ("do") no first name."""
    reading = morph(tag)
    return reading.upos == "NOUN" and "Animacy=Hum" not in reading.feats

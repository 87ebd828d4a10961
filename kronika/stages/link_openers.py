"""Capitalised common words opening a sentence, which the detector or the base read as names.

A capital at a sentence's start proves nothing: "Tam krzyczeli", '"Cały Izrael płynie"', "Ok. godz. 4" open
with an adverb, an adjective and an abbreviation that a place's name shares ("Tama", "Cali", "Awka"). The
tagger, reading the sentence, took such a word for the common word; a one-word name there whose chosen
lemma is in lower case is no name. So is a common noun there that names nothing the base knows and no
person ("Kopalnia", "Praca", "Kościół": Morfeusz knows villages of those names, the base does not). Quote marks and dashes before the word still leave it at the opening.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kronika.record import Token

if TYPE_CHECKING:
    from kronika.stages.link import Found, Linker


def drop_openers(linker: Linker, tokens: list[Token], sentence_starts: set[int], found: list[Found]) -> list[Found]:
    """``found`` without the one-word names at a sentence's opening that may be common words there."""
    openings = _openings(tokens, sentence_starts)
    return [
        f
        for f in found
        if not (
            f.end - f.start == 1
            and f.start in openings
            and not (f.entry and linker._is_state(f.entry))
            and (
                _common(linker, tokens[f.start].text)
                or (f.entry is None and _common_noun(linker, tokens[f.start].text))
            )
        )
    ]


def _openings(tokens: list[Token], sentence_starts: set[int]) -> set[int]:
    """Indexes of the first word of each sentence, past the punctuation that may open it ('"', '-')."""
    out = set()
    for start in sentence_starts:
        i = start
        while i < len(tokens) and not any(ch.isalnum() for ch in tokens[i].text):
            i += 1
        out.add(i)
    return out


def _common(linker: Linker, word: str) -> bool:
    """Whether the morphology reads the capitalised ``word`` as a common word of another class than a noun
    (a pack without ``is_noun_like`` reads none so)."""
    is_noun_like = getattr(linker.language, "is_noun_like", None)
    return (
        is_noun_like is not None
        and word[:1].isupper()
        and any(
            reading.lemma[:1].islower() and not is_noun_like(reading.tag) for reading in linker.morphology.analyse(word)
        )
    )


def _common_noun(linker: Linker, word: str) -> bool:
    """Whether the capitalised ``word`` is a common noun to the morphology and never a person's name: its proper
    readings, if any, are places (villages the base does not know)."""
    is_noun_like = getattr(linker.language, "is_noun_like", None)
    if is_noun_like is None or not word[:1].isupper():
        return False
    readings = linker.morphology.analyse(word)
    return any(r.lemma[:1].islower() and is_noun_like(r.tag) for r in readings) and not any(r.person for r in readings)

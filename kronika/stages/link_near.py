"""Names the base lacks as written that are a slip away from one of its names, linked when the article's context
agrees: "Madagskarze" is Madagascar, "Lakshar-e-Taiba" Lashkar-e-Taiba, "Agence France Press" Agence
France-Presse, a lemma gone astray ("Al-kaid" for "Al-Kaidy") al-Qaeda.

``Linker._fuzzy`` already forgives a misspelt person's or body's name of several words that shares a word with
the alias. This step compares the whole name, of any length, with every name and inflected form of the base
that opens with the same two letters, and links it when the two are nearly the same string (difflib's ratio
over the grader-style keys: letters and digits, no accents). A near string alone is weak evidence ("Namanga" in
Kenya is no Namangan of Uzbekistan), so the entry must also fit the article: a state, an international body
(no state), or an entry of a state the article names otherwise. Over train-pl's unlinked names, at this ratio
and without that test, 7 names would become right and one right name ("Namanga") wrong; with it the one stays.
"""

from __future__ import annotations

import math
import unicodedata
from collections import defaultdict
from difflib import SequenceMatcher
from functools import cache
from typing import TYPE_CHECKING

from kronika.kb.model import CANONICAL_LANGUAGE as CANONICAL

if TYPE_CHECKING:  # the linker's types; importing them here at run time would be circular
    from kronika.record import Token
    from kronika.stages.link import Found, Linker

# How alike the two keys must be (difflib ratio); 0.85 let "Zielna" be Zielonka and "Aleksiej Miller" Leslie Miller.
NEAR_RATIO = 0.9
# Shorter keys meet too many others at one letter's difference ("Turów", "Turek").
MIN_LETTERS = 6
# A person's name is only another person's; a place, body or state may be any of the three (the tagger's type
# for a misspelt name is a guess: "Ira-ku" was an organisation).
KINDS = {"PER": ("PER",), "ORG": ("ORG", "GPE", "LOC"), "GPE": ("ORG", "GPE", "LOC"), "LOC": ("ORG", "GPE", "LOC")}


def key(text: str) -> str:
    """Case-, accent-, hyphen- and space-insensitive key, as the grader compares names."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


@cache
def _index(linker: Linker) -> dict[tuple[str, int], list[tuple[str, str, str]]]:
    """The base's names and inflected forms by the first two letters and the length of their keys: (key, name,
    entry id). Two keys of lengths a and b reach a ratio of at most 2 min(a, b) / (a + b), so a name is compared
    only with the few lengths near its own."""
    index: dict[tuple[str, int], list[tuple[str, str, str]]] = defaultdict(list)
    seen: set[str] = set()
    lang = linker.language.code
    for entry in linker.kb:
        for name in (entry.name, *entry.aliases_in(lang), *entry.aliases_in(CANONICAL), *entry.forms_in(lang)):
            k = key(name)
            if len(k) >= MIN_LETTERS and (k, entry.id) not in seen:
                seen.add((k, entry.id))
                index[k[:2], len(k)].append((k, name, entry.id))
    return index


def near_entry(linker: Linker, texts: list[str], type_: str, states: set[str]):
    """The one entry of a kind ``type_`` may be whose name is near one of ``texts`` and which fits ``states``."""
    kinds = KINDS.get(type_, ())
    best, best_ratio = None, NEAR_RATIO
    for text in texts:
        k = key(text)
        if len(k) < MIN_LETTERS:
            continue
        matcher = SequenceMatcher(None, "", k)  # the name as the second sequence: its tables are built once
        for other, name, entry_id in _candidates(linker, k):
            matcher.set_seq1(other)
            if matcher.real_quick_ratio() <= best_ratio or matcher.quick_ratio() <= best_ratio:
                continue
            ratio = matcher.ratio()
            if ratio <= best_ratio or ratio == 1.0:
                continue  # an exact key the base's own lookup already had its chance at
            if linker.kb.get(entry_id).type in kinds:
                best, best_ratio = name, ratio
    if best is None:
        return None
    # Of the entries with that name, the one the base's own lookup ranks first ("Lashkar-e-Taiba" is also an
    # alias of two other groups' rows).
    fitting = [e for e in linker.kb.lookup(best) if e.type in kinds]
    entry = linker._choose(fitting, type_) if fitting else None
    return entry if entry is not None and _fits(linker, entry, states) else None


def _candidates(linker: Linker, k: str):
    """The indexed keys that open as ``k`` does and whose length lets the ratio reach ``NEAR_RATIO``."""
    index = _index(linker)
    n = len(k)
    shortest = math.ceil(n * NEAR_RATIO / (2 - NEAR_RATIO))
    longest = math.floor(n * (2 - NEAR_RATIO) / NEAR_RATIO)
    for length in range(shortest, longest + 1):
        yield from index.get((k[:2], length), ())


def _fits(linker: Linker, entry, states: set[str]) -> bool:
    """A state, a body of no state, or an entry of a state the article names."""
    return entry.country is None or entry.country in states or linker._is_state(entry.id)


def link_near(linker: Linker, tokens: list[Token], found: list[Found], states: set[str]) -> None:
    """Link, in place, the unlinked names of ``found`` that are a slip away from a name of the base."""
    for f in found:
        if f.entry or f.type not in KINDS:
            continue
        surface = " ".join(t.text for t in tokens[f.start : f.end])
        entry = near_entry(linker, [f.name, surface], f.type, states)
        if entry is not None:
            f.entry, f.name, f.type = entry.id, entry.name, entry.type

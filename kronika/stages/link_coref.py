"""Coreference of names within an article: a repeated part of a person's full name ("Kim", "Putina"), a
surname alone, an initial and a surname ("K. Nawrocki") and a first name's variant ending join that person."""

from __future__ import annotations

import os
import re
from collections import Counter
from typing import TYPE_CHECKING

from kronika.record import Token
from kronika.stages.link_model import WORD_RE, Found, Group, is_acronym, is_capitalised

if TYPE_CHECKING:  # the linker's type; importing it here at run time would be circular
    from kronika.stages.link import Linker

# A name written as an initial and a surname: "K. Nawrocki".
INITIAL_NAME_RE = re.compile(r"([^\W\d_])\.\s*([^\W\d_][\w'’-]+)")


def name_parts(linker: Linker, tokens: list[Token], found: list[Found]) -> list[Found]:
    """Capitalised words that repeat a part of a person's full name found elsewhere in the article ("Kim",
    "Kima", "Putina"), for when no detector marked them: the grouping step then joins them to that person."""
    covered = {i for f in found for i in range(f.start, f.end)}
    parts: set[str] = set()
    for f in found:
        if f.type == "PER" and f.end - f.start > 1:
            entry = linker.kb.get(f.entry) if f.entry else None
            names = [f.name, *(entry.aliases_in(linker.language.code) if entry else ())]
            names += [" ".join(t.lemma or t.text for t in tokens[f.start : f.end])]
            parts.update(w.casefold() for name in names for w in WORD_RE.findall(name) if is_capitalised(w))
    out = []
    for i, token in enumerate(tokens):
        if i in covered or not is_capitalised(token.text) or is_acronym(token.text):
            continue
        lemma = token.lemma or token.text
        if lemma.casefold() in parts:
            out.append(Found(i, i + 1, "PER", lemma, None, "name part"))
    return out


def join_surnames(linker: Linker, groups: dict[str, Group], by_word: dict[str, list[str]], tokens: list[Token]):
    """A name written as one word ("Ghani", "Santosa", "Asada", "Hassan") that repeats a word of a person's
    full name in the article is that person, though its lemma went astray ("Ghań") or the base linked it to
    a place or another person of that name: within one article the full name said who is meant."""
    people = {k for k, g in groups.items() if _full_name(linker, g, tokens)}
    for key, group in list(groups.items()):
        if key in people or any(e - s > 1 for s, e in group.mentions) or group.type not in ("PER", "GPE", "LOC"):
            continue
        if group.entry and linker._is_state(group.entry):
            continue
        forms = set()
        for start, _ in group.mentions:
            token = tokens[start]
            stripped = linker.language.strip_case_ending(token.text, linker.language.oblique_cases)
            forms.update(w.casefold() for w in (token.text, token.lemma, stripped) if w)
        candidates = {k for form in forms for k in by_word.get(form, ()) if k in people and k != key}
        if not candidates:
            continue
        target = groups[max(sorted(candidates), key=lambda k: len(groups[k].mentions))]
        target.mentions += group.mentions
        del groups[key]


def join_initials(linker: Linker, groups: dict[str, Group], by_word: dict[str, list[str]], tokens: list[Token]):
    """A name the base lacks written as an initial and a surname ("K. Nawrockiego") is the one person named in
    full in the article whose surname that is and whose first name opens with that letter (Karol Nawrocki)."""
    people = {k for k, g in groups.items() if _full_name(linker, g, tokens)}
    for key, group in list(groups.items()):
        if group.entry or group.type != "PER":
            continue
        found = INITIAL_NAME_RE.fullmatch(group.name)
        if found is None:
            continue
        initial, surname = found.groups()
        candidates = {
            k
            for k in by_word.get(surname.casefold(), ())
            if k in people
            and k != key
            and groups[k].name[:1] == initial
            and not INITIAL_NAME_RE.fullmatch(groups[k].name)
        }
        if len(candidates) == 1:
            groups[candidates.pop()].mentions += group.mentions
            del groups[key]


def _variant_names(a: str, b: str) -> bool:
    """Whether two names of two words or more are one name written two ways (``join_variants``)."""
    wa, wb = WORD_RE.findall(a), WORD_RE.findall(b)
    if min(len(wa), len(wb)) < 2 or wa == wb:
        return False
    if _letters(a) == _letters(b):
        return True
    if len(wa) != len(wb) or wa[1:] != wb[1:] or wa[0] == wb[0]:
        return False
    return len(os.path.commonprefix([wa[0].casefold(), wb[0].casefold()])) >= min(4, len(wa[0]), len(wb[0]))


def _letters(name: str) -> str:
    return "".join(c for c in name.casefold() if c.isalnum())


def _full_name(linker: Linker, group: Group, tokens: list[Token]) -> bool:
    """Whether the group is a person named in full somewhere: typed a person, or a name the base lacks typed
    a body that opens with a first name ("Filippo Grandi", which the detector took for a body)."""
    full = [(s, e) for s, e in group.mentions if e - s > 1]
    if not full or group.type not in ("PER", "ORG"):
        return False
    if group.type == "PER":
        return True
    first = tokens[full[0][0]].text
    return not group.entry and (linker.is_first_name(first) or linker.may_be_person(first))


def join_variants(groups: dict[str, Group], votes: dict[str, Counter]) -> None:
    """Unlinked person names that differ only in the ending of a first name ("Janezem Janszą" taken as
    "Janezen Jansza", "Janezowi Janszy" as "Janez Jansza") or in the spaces and hyphens between their letters
    ("Badr al-Busaidi", "Badr Albusaidi"), one of them maybe typed as a body: one person, named by its most
    frequent form, else the one typed as a person, else its shortest."""
    people = [g for k, g in groups.items() if k in votes and g.type in ("PER", "LOC", "GPE", "MISC", "ORG")]
    for a in people:
        for b in people:
            if a is b or a.key not in groups or b.key not in groups or "PER" not in (a.type, b.type):
                continue
            if not _variant_names(a.name, b.name):
                continue
            # A person's reading settled the base form of a name typed as a person ("Irakli", not "Irakla").
            keep, drop = sorted((a, b), key=lambda g: (-len(g.mentions), g.type != "PER", len(g.name)))
            keep.mentions += drop.mentions
            keep.type = "PER"
            keep.country = keep.country or drop.country
            del groups[drop.key]

"""Names the base lacks, written in a Polish transliteration, take their English spelling, and the base's entry
when one sounds or reads as them ("Denys Szmyhal" -> Denys Shmyhal, "Alijewem" -> Alijew)."""

from __future__ import annotations

from collections import Counter
from itertools import product
from math import prod
from typing import TYPE_CHECKING

from kronika.record import Token
from kronika.stages.link_model import SOUND_KINDS, Group, is_capitalised
from kronika.stages.link_towns import placed

if TYPE_CHECKING:  # the linker's type; importing it here at run time would be circular
    from kronika.stages.link import Linker

# How many base forms of one word, and of a whole name, are tried against the base for a name it lacks.
MAX_BASE_READINGS = 4
MAX_BASE_NAMES = 32


def romanize_names(linker: Linker, groups: dict[str, Group], votes: dict[str, Counter], tokens: list[Token]) -> None:
    """Names the base lacks, written in a Polish transliteration ("Serhij Popko", "Awdijiwka"), take their
    English spelling, and the base's entry when it has that spelling ("Denys Szmyhal" -> Denys Shmyhal)."""
    romanize = getattr(linker.language, "romanize", None)
    if romanize is None:
        return
    context: Counter = Counter()
    for group in groups.values():
        entry = linker.kb.get(group.entry) if group.entry else None
        if entry and entry.type == "GPE" and entry.country:
            context[entry.country] += len(group.mentions)
    for key in [k for k in votes if k in groups]:
        group = groups[key]
        if group.type == "ORG" and (entry := linker.sound_match(group.name, "PER")):
            # A person's name the detector typed as a body ("Caj Ing-wen"), which sounds as one of the base's
            # people: that person.
            _move(groups, key, entry)
            continue
        if group.type not in ("PER", "GPE", "LOC"):
            continue
        person = group.type == "PER"
        spelt = romanize(group.name, context, group.country if person else None, linker.first_name_evidence(), person)
        # A small town counts only where the article names its state (link_towns.py).
        hits = [e for e in linker.kb.lookup(spelt[0]) if e.type == group.type and placed(e, context)] if spelt else []
        if not hits and (entry := linker.sound_match(group.name, group.type)) and placed(entry, context):
            hits = [entry]
        if not hits and (entry := _other_base_match(linker, group, tokens, context)) and placed(entry, context):
            hits = [entry]
        if hits:
            _move(groups, key, hits[0])
            continue
        if spelt:
            group.name, country = spelt
            group.country = group.country or country


def _move(groups: dict[str, Group], key: str, entry) -> None:
    """The mentions of the unlinked group ``key`` go to the group of the base's ``entry``."""
    target = groups.get(entry.id)
    if target is None:
        groups[entry.id] = Group(entry.id, entry.name, entry.type, entry.id, list(groups[key].mentions))
    else:
        target.mentions += groups[key].mentions
    del groups[key]


def _other_base_match(linker: Linker, group: Group, tokens: list[Token], context: Counter):
    """The one entry of the base that another reading of the group's words names, when its own base form
    names none: a foreign name's oblique form the lemmatiser left as written or took for another lemma
    ("Alijewem" read as "Alijewo", "Isfahanie" kept whole) still has its right base form among the
    morphology's candidates ("Alijew", "Isfahan"). Several entries so found are no answer."""
    found: dict[str, object] = {}
    for start, end in group.mentions:
        for name in _base_readings(linker, tokens[start:end]):
            person = group.type == "PER"
            spelt = linker.language.romanize(
                name, context, group.country if person else None, linker.first_name_evidence(), person
            )
            hits = [
                e
                for text in (name, spelt[0] if spelt else None)
                if text
                for e in linker.kb.lookup(text)
                if e.type in SOUND_KINDS[group.type]
            ]
            entry = linker.sound_match(name, group.type)
            for hit in hits + ([entry] if entry else []):
                found[hit.id] = hit
            if len(found) > 1:
                return None
    return next(iter(found.values()), None)


def _base_readings(linker: Linker, span: list[Token]) -> list[str]:
    """Names the words of ``span`` may have as base forms, one lemma of the morphology's candidates for each
    capitalised word (the word itself among them); a long name with many readings yields none."""
    options = []
    for token in span:
        lemmas = [token.text]
        if is_capitalised(token.text):
            lemmas += [
                r.lemma for r in linker.morphology.candidates(token.text, name_like=True) if is_capitalised(r.lemma)
            ]
            # A man's surname by its regular ending ("Alijewem" -> "Alijew"), which the guesser may not offer.
            stripped = linker.language.strip_case_ending(token.text, linker.language.oblique_cases)
            if stripped:
                lemmas.insert(1, stripped)
            # A man's name in -o ("Poroszenki" -> "Poroszenko", "Petra" -> "Petro"), which neither offers.
            o_base = linker.language.o_name_base(token.text)
            if o_base:
                lemmas.insert(1, o_base)
        options.append(list(dict.fromkeys(lemmas))[:MAX_BASE_READINGS])  # each lemma once, the first place kept
    if prod(len(o) for o in options) > MAX_BASE_NAMES:
        return []
    return [" ".join(words) for words in product(*options)]

"""Names the base lacks, written in a Polish transliteration, take their English spelling, and the base's entry
when one sounds or reads as them ("Denys Szmyhal" -> Denys Shmyhal, "Alijewem" -> Alijew)."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from itertools import product
from math import prod
from typing import TYPE_CHECKING

from kronika.caches import SCRATCH
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
    if getattr(linker.language, "romanize", None) is None:
        return
    context: Counter = Counter()
    for group in groups.values():
        entry = linker.kb.get(group.entry) if group.entry else None
        if entry and entry.type == "GPE" and entry.country:
            context[entry.country] += len(group.mentions)
    romanize = _ArticleSpeller(linker, context)
    for key in [k for k in votes if k in groups]:
        group = groups[key]
        if group.type == "ORG" and (entry := romanize.sound_match(group.name, "PER")):
            # A person's name the detector typed as a body ("Caj Ing-wen"), which sounds as one of the base's
            # people: that person.
            _move(groups, key, entry)
            continue
        if group.type not in ("PER", "GPE", "LOC"):
            continue
        person = group.type == "PER"
        spelt = romanize(group.name, group.country if person else None, person)
        # A small town counts only where the article names its state (link_towns.py).
        hits = [e for e in linker.kb.lookup(spelt[0]) if e.type == group.type and placed(e, context)] if spelt else []
        if not hits and (entry := romanize.sound_match(group.name, group.type)) and placed(entry, context):
            hits = [entry]
        if not hits and (entry := _other_base_match(linker, romanize, group, tokens)) and placed(entry, context):
            hits = [entry]
        if not hits and person and (entry := linker.nasab_match(spelt[0] if spelt else group.name)):
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


class _ArticleSpeller:
    """The language's ``romanize`` and the linker's ``sound_match`` for one article, each name answered once:
    the mentions of one entity and the readings of its words repeat the same names, and the article's
    context and the base's first names are the same for all of them."""

    def __init__(self, linker: Linker, context: Counter):
        self.linker, self.context = linker, context
        self.first_names = linker.first_name_evidence()
        self.spelt: dict[tuple, tuple[str, str] | None] = {}
        self.sounds: dict[tuple[str, str], object] = {}

    def __call__(self, name: str, state: str | None, person: bool) -> tuple[str, str] | None:
        key = (name, state, person)
        if key not in self.spelt:
            self.spelt[key] = self.linker.language.romanize(name, self.context, state, self.first_names, person)
        return self.spelt[key]

    def sound_match(self, name: str, type_: str):
        key = (name, type_)
        if key not in self.sounds:
            self.sounds[key] = self.linker.sound_match(name, type_)
        return self.sounds[key]


def _other_base_match(linker: Linker, romanize: _ArticleSpeller, group: Group, tokens: list[Token]):
    """The one entry of the base that another reading of the group's words names, when its own base form
    names none: a foreign name's oblique form the lemmatiser left as written or took for another lemma
    ("Alijewem" read as "Alijewo", "Isfahanie" kept whole) still has its right base form among the
    morphology's candidates ("Alijew", "Isfahan"). Several entries so found are no answer."""
    found: dict[str, object] = {}
    # A name met again (another mention written alike, a reading two spans share) finds the entries it found.
    spans: set[tuple[str, ...]] = set()
    names: set[str] = set()
    person = group.type == "PER"
    for start, end in group.mentions:
        span = tokens[start:end]
        if (words := tuple(t.text for t in span)) in spans:
            continue
        spans.add(words)
        for name in _base_readings(linker, span):
            if name in names:
                continue
            names.add(name)
            spelt = romanize(name, group.country if person else None, person)
            hits = [
                e
                for text in (name, spelt[0] if spelt else None)
                if text
                for e in linker.kb.lookup(text)
                if e.type in SOUND_KINDS[group.type]
            ]
            entry = romanize.sound_match(name, group.type)
            for hit in hits + ([entry] if entry else []):
                found[hit.id] = hit
            if len(found) > 1:
                return None
    return next(iter(found.values()), None)


def _base_readings(linker: Linker, span: list[Token]) -> list[str]:
    """Names the words of ``span`` may have as base forms, one lemma of the morphology's candidates for each
    capitalised word (the word itself among them); a long name with many readings yields none."""
    options = [_word_lemmas(linker.morphology, linker.language, token.text) for token in span]
    if prod(len(o) for o in options) > MAX_BASE_NAMES:
        return []
    return [" ".join(words) for words in product(*options)]


@lru_cache(maxsize=SCRATCH)
def _word_lemmas(morphology, language, word: str) -> tuple[str, ...]:
    """The base forms ``_base_readings`` tries for one word, the word first: the same in every article, and
    the words of the names the base lacks recur across articles ("Alijewem", "Poroszenki")."""
    lemmas = [word]
    if is_capitalised(word):
        lemmas += [r.lemma for r in morphology.candidates(word, name_like=True) if is_capitalised(r.lemma)]
        # A man's surname by its regular ending ("Alijewem" -> "Alijew"), which the guesser may not offer.
        stripped = language.strip_case_ending(word, language.oblique_cases)
        if stripped:
            lemmas.insert(1, stripped)
        # A man's name in -o ("Poroszenki" -> "Poroszenko", "Petra" -> "Petro"), which neither offers.
        o_base = language.o_name_base(word)
        if o_base:
            lemmas.insert(1, o_base)
    return tuple(dict.fromkeys(lemmas))[:MAX_BASE_READINGS]  # each lemma once, the first place kept

"""A surname standing alone after the full name, read as that person for the quote stage.

Articles name a speaker in full once ("Filippo Grandi", "gubernator Gavin Newsom") and then by the surname alone
("– dodał Grandi", "napisał Newsom"). The recogniser sometimes misses the bare surname, or takes it for an entity of
its own (an unlinked "Grandi" beside "Filippo Grandi"), so the speaker stage saw nobody there, or named the speaker
by the fragment, which the grader does not match to the full name. Here, for the quote stage only, a capitalised
word outside every mention that is the last word of exactly one entity's multi-word name becomes a mention of that
entity, and an unlinked entity named only by such single words is read as the entity whose surname they are.
"""

from __future__ import annotations

from dataclasses import replace

from kronika.lang import ud
from kronika.lang.ud import morph
from kronika.quotes.candidates import Text
from kronika.quotes.mentions import SPEAKER_TYPES, Placed, name_cases, unlinked

# The shortest surname read alone: shorter words are too often initials or abbreviations.
MIN_SURNAME = 3
PERSON = "PER"


def with_surnames(text: Text, language) -> Text:
    """``text`` with bare surnames placed as mentions of the full name's entity (see the module docstring)."""
    owners = _surname_owners(text)
    if not owners:
        return text
    placed = [_remapped(text, p, owners) for p in text.placed]
    named = {i for p in placed for i in range(p.start, p.end)}
    for i, token in enumerate(text.tokens):
        if i in named or not token.text[:1].isupper():
            continue
        owner = owners.get(token.text.casefold()) or owners.get(text.lemmas[i])
        if owner is not None and owner.type == PERSON:
            governed = i > 0 and ud.preposition(morph(text.tokens[i - 1].tag))
            placed.append(Placed(owner, i, i + 1, name_cases(language.morphology(), token), governed))
    placed.sort(key=lambda p: (p.start, -p.end))
    return replace(text, placed=placed, mention_starts=[p.start for p in placed], memo={})


def _surname_owners(text: Text) -> dict[str, object]:
    """Surname (its form and lemma, casefolded) -> the one entity whose multi-word mentions end with it."""
    seen: dict[str, set[str]] = {}
    entities = {}
    for p in text.placed:
        last = p.end - 1
        if p.entity.type not in SPEAKER_TYPES or p.end - p.start < 2 or not text.tokens[last].text[:1].isupper():
            continue
        for key in {text.tokens[last].text.casefold(), text.lemmas[last]}:
            if len(key) >= MIN_SURNAME and key.isalpha():
                seen.setdefault(key, set()).add(p.entity.id)
        entities[p.entity.id] = p.entity
    return {key: entities[next(iter(ids))] for key, ids in seen.items() if len(ids) == 1}


def _remapped(text: Text, p: Placed, owners: dict[str, object]) -> Placed:
    """``p`` given to the entity whose surname it is, if ``p`` is one word of an unlinked entity."""
    if p.end - p.start != 1 or p.entity.type != PERSON or not unlinked(p.entity):
        return p
    owner = owners.get(text.tokens[p.start].text.casefold()) or owners.get(text.lemmas[p.start])
    if owner is None or owner.id == p.entity.id:
        return p
    return replace(p, entity=owner)

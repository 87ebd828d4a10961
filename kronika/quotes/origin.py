"""The country of a speaker the linker left without one, read from the title named with them.

A person the knowledge base does not know is an entity with no country ("Majid Al-Ansari"), though the article
names their state beside the name: "rzecznik katarskiego MSZ Majid Al-Ansari", "minister spraw zagranicznych Kataru
Mohammed bin Abdulrahman Al Sani", "szef sudańskiej armii Abdel-Fattah Burhan". The grader, like a reader, takes a
speaker's country as naming the party, so the quote's speaker gets the nearest state named within ``TITLE_REACH``
tokens before one of the person's mentions (a state's mention, or the state's adjective by the linker's lookup).
"""

from __future__ import annotations

from dataclasses import replace

from kronika.quotes.candidates import Text
from kronika.quotes.mentions import participant
from kronika.record import Participant

# How many tokens before a person's name their title's state may stand ("rzecznik katarskiego MSZ Majid ...").
TITLE_REACH = 5
LOCAL = "kronika:"
PERSON = "PER"


def person_countries(text: Text, adjective_state) -> dict[str, str]:
    """Entity id -> country, for the unlinked persons with no country whose title names a state.
    ``adjective_state(token)`` is the linker's lookup of a state's adjective."""
    states = {}  # token -> the country of the state mention covering it
    for p in text.placed:
        if p.entity.type == "GPE" and p.entity.country:
            for k in range(p.start, p.end):
                states.setdefault(k, p.entity.country)
    out: dict[str, str] = {}
    for p in text.placed:
        entity = p.entity
        if entity.type != PERSON or entity.country or not entity.id.startswith(LOCAL) or entity.id in out:
            continue
        lo = max(text.sentence(p.start)[0], p.start - TITLE_REACH)
        for k in range(p.start - 1, lo - 1, -1):
            country = states.get(k) or adjective_state(text.tokens[k])
            if country:
                out[entity.id] = country
                break
    return out


def speaker_party(entity, countries: dict[str, str]) -> Participant:
    """The record's party for a speaker, with the country its title gave if the entity has none."""
    party = participant(entity)
    country = countries.get(getattr(entity, "id", None) or "")
    return replace(party, country=country) if country and party.country is None else party

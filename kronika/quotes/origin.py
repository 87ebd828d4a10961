"""The country of a speaker the linker left without one, read from the title named with them.

A person or body the knowledge base does not know is an entity with no country ("Majid Al-Ansari", "Ministerstwo
Handlu"), though the article names their state beside the name: "rzecznik katarskiego MSZ Majid Al-Ansari",
"wiceminister spraw wewnętrznych Litwy Władysław Kondratowicz", "chińskie Ministerstwo Handlu". The grader, like a
reader, takes a speaker's country as naming the party, so the quote's speaker gets the nearest state named within
``TITLE_REACH`` tokens before one of its mentions, between the name and its clause's verb (a state's mention no
preposition governs, or the state's adjective by the linker's lookup). A state further off is where the person
is, not whose they are: "do Warszawy przyjechał Filippo Grandi" gives him no country.
"""

from __future__ import annotations

from dataclasses import replace

from kronika.quotes.candidates import Text
from kronika.quotes.mentions import is_verb, participant, unlinked
from kronika.record import Participant

# How many tokens before a name its title's state may stand ("rzecznik katarskiego MSZ Majid ...").
TITLE_REACH = 5
# The parties whose title may give them a country: persons and organisations ("chińskie Ministerstwo Handlu").
TITLED = ("PER", "ORG")


def title_countries(text: Text, adjective_state) -> dict[str, str]:
    """Entity id -> country, for the unlinked persons and bodies with no country whose title names a state.
    ``adjective_state(token)`` is the linker's lookup of a state's adjective."""
    states = {}  # token -> the country of the state mention covering it
    for p in text.placed:
        # A state after a preposition is a place ("do Warszawy przyjechał X"), not the state of X's title.
        if p.entity.type == "GPE" and p.entity.country and not p.governed:
            for k in range(p.start, p.end):
                states.setdefault(k, p.entity.country)
    out: dict[str, str] = {}
    for p in text.placed:
        entity = p.entity
        if entity.type not in TITLED or entity.country or not unlinked(entity) or entity.id in out:
            continue
        lo = max(text.sentence(p.start)[0], p.start - TITLE_REACH)
        for k in range(p.start - 1, lo - 1, -1):
            if is_verb(text.tokens[k]):
                break  # a title stands between its clause's verb and the name ("powiedział rzecznik MSZ Kataru X")
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

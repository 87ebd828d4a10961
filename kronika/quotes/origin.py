"""The country of a speaker the linker left without one, read from the title named with them.

A person or body the knowledge base does not know is an entity with no country ("Majid Al-Ansari", "Ministerstwo
Handlu"), though the article names their state beside the name: "rzecznik katarskiego MSZ Majid Al-Ansari",
"wiceminister spraw wewnętrznych Litwy Władysław Kondratowicz", "chińskie Ministerstwo Handlu". The grader, like a
reader, takes a speaker's country as naming the party, so the quote's speaker gets the nearest state named within
``TITLE_REACH`` tokens before one of its mentions, between the name and its clause's verb (a state's mention no
preposition governs, or the state's adjective by the linker's lookup), else in a title set after the name by a
comma ("Madżid Al-Ansari, rzecznik MSZ Kataru, ..."). A state further off is where the person
is, not whose they are: "do Warszawy przyjechał Filippo Grandi" gives him no country.
"""

from __future__ import annotations

from dataclasses import replace

from kronika.quotes.candidates import Text
from kronika.lang import ud
from kronika.lang.ud import morph
from kronika.quotes.mentions import WORD, is_verb, participant, unlinked
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
        country = None
        for k in range(p.start - 1, lo - 1, -1):
            if is_verb(text.tokens[k]):
                break  # a title stands between its clause's verb and the name ("powiedział rzecznik MSZ Kataru X")
            country = states.get(k) or adjective_state(text.tokens[k])
            if country:
                break
        if country is None:
            country = _apposition_country(text, p.end, states, adjective_state)
        if country:
            out[entity.id] = country
    return out


def _apposition_country(text: Text, end: int, states: dict[int, str], adjective_state) -> str | None:
    """The state named in a title set after the name by a comma ("Madżid Al-Ansari, rzecznik MSZ Kataru, ..."):
    the title opens with a common (lower-case) nominative noun or adjective right after the comma and runs to the
    next punctuation or verb, at most ``TITLE_REACH`` tokens."""
    tokens = text.tokens
    _, hi = text.sentence(end - 1)
    if end + 1 >= hi or tokens[end].text != ",":
        return None
    head = morph(tokens[end + 1].tag)
    title = tokens[end + 1].text[:1].islower() and (ud.noun(head) or ud.adjective(head)) and "Case=Nom" in head.feats
    if not title:
        return None
    for k in range(end + 1, min(hi, end + 1 + TITLE_REACH)):
        if is_verb(tokens[k]) or not WORD.search(tokens[k].text):
            break
        country = states.get(k) or adjective_state(tokens[k])
        if country:
            return country
    return None


def speaker_party(entity, countries: dict[str, str], names: dict[str, str] | None = None) -> Participant:
    """The record's party for a speaker, with the country its title gave if the entity has none, and the name in
    the article's spelling where ``names`` (``kronika/quotes/native.py``) has one."""
    party = participant(entity)
    key = getattr(entity, "id", None) or ""
    country = countries.get(key)
    if country and party.country is None:
        party = replace(party, country=country)
    return replace(party, name=names[key]) if names and key in names else party

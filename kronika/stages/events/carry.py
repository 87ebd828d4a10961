"""Roles carried over from context: the subject of the clause or sentence before, the speaker, the cited sources."""

from __future__ import annotations

import itertools

from kronika.lang import ud
from kronika.lang.ud import morph
from kronika.record import Event, Token
from kronika.stages.events.build import _participant
from kronika.stages.events.ground import Placed, _common
from kronika.stages.events.tags import _adjectival, tag_cases
from kronika.stages.events.triggers import Coder, Found


# How far before its verb a common noun subject may stand.
SUBJECT_REACH = 8
# How many sides the coder remembers for "obie strony".
RECENT_SIDES = 6


def _own_subject(tokens: list[Token], found: Found, c_lo: int, named: set[int]) -> int | None:
    """The index of a common noun in the nominative before the verb, agreeing in number, that no preposition
    governs and no other verb separates from it: the verb's own subject, not a name ("Ekspert chwali")."""
    verb = morph(tokens[found.start].tag)
    if not ud.finite(verb):
        return None
    number = verb.feats & {"Number=Sing", "Number=Plur"}
    for j in range(found.start - 1, max(c_lo, found.start - SUBJECT_REACH) - 1, -1):
        m = morph(tokens[j].tag)
        if ud.verb(m) or tokens[j].text in ",;:":
            return None
        if not (ud.noun(m) or ud.depreciative(m)) or j in named or not _common(tokens, j):
            continue
        if "Case=Nom" not in m.feats or not number & m.feats:
            continue
        k = j - 1
        while k >= c_lo and (
            _adjectival(tokens[k].tag) or ud.numeral(morph(tokens[k].tag)) or ud.adverb(morph(tokens[k].tag))
        ):
            k -= 1
        if k >= c_lo and ud.preposition(morph(tokens[k].tag)):
            continue
        return j
    return None


def _noun_before(tokens: list[Token], found: Found, c_lo: int, named: set[int], coder: Coder) -> bool:
    """A common noun before the verb that may be its nominative subject and no preposition governs: "że siły
    nieprzyjaciela ostrzeliwują" (the tagger may read "siły" as a genitive; Morfeusz also as a nominative)."""
    governed = False
    for j in range(c_lo + 1, found.start):
        m = morph(tokens[j].tag)
        if ud.preposition(m):
            governed = True
        elif (ud.noun(m) or ud.depreciative(m)) and j not in named and _common(tokens, j):
            if not governed and "Nom" in coder.cases(tokens[j]):
                return True
            governed = False
    return False


def _remember(recent: list[Placed], mentions: list[Placed]) -> None:
    """Keep the latest mention of each side, the latest last."""
    for p in mentions:
        side = p.entity.country or p.entity.id
        recent[:] = [q for q in recent if (q.entity.country or q.entity.id) != side] + [p]
    del recent[:-RECENT_SIDES]


def _last_two(recent: list[Placed]) -> list[Placed]:
    return recent[-2:] if len(recent) >= 2 else []


def _first_person(token: Token, cues) -> bool:
    """First or second person: so tagged, or a past form with its personal ending ("ostrzegałem")."""
    m = morph(token.tag)
    if m.feats & {"Person=1", "Person=2"}:
        return True
    return ud.past(m) and token.text.casefold().endswith(cues.PERSONAL_PAST_ENDINGS)


def _sentence_speaker(coder, readings, in_sentence, tokens, lemmas, start: int, hi: int, cues) -> list[Placed]:
    """The person a verb of saying later in the sentence names: "..., nie będzie Majdanu – dowodził X"."""
    for found in coder.find_triggers(readings, start, hi):
        if found.trigger.speech:
            named = [
                p
                for p in in_sentence
                if p.entity.type == "PER" and p.start >= found.end and p.start - found.end <= 3 and not p.preposition
            ]
            return named[:1]
    return []


def _antecedent(in_sentence: list[Placed], tokens, lemmas, c_lo: int, cues) -> list[Placed]:
    """The names a relative clause opened by "który" refers to: those right before its comma."""
    if lemmas[c_lo] not in cues.RELATIVE_SUBJECTS or c_lo < 2 or tokens[c_lo - 1].text != ",":
        return []
    if "Nom" not in tag_cases(tokens[c_lo].tag):
        return []  # "który" as the object ("którego zaatakowano") or after a preposition
    last = next((p for p in reversed(in_sentence) if p.end == c_lo - 1 and not p.adjective), None)
    if last is None:
        return []
    group = [last]
    for p in reversed(in_sentence):  # "Egipt i Katar, które ...": the whole coordination
        if (
            p.end <= group[0].start - 1
            and lemmas[p.end : group[0].start]
            and all(w in cues.COORDINATORS for w in lemmas[p.end : group[0].start])
            and p.end == group[0].start - 1
        ):
            group.insert(0, p)
    return group


def _between(clause: list[Placed], lemmas, cues) -> list[Placed]:
    """The parties of "między Izraelem a Hamasem", "między Armenią i Azerbejdżanem"."""
    for i, p in enumerate(clause):
        if cues.BETWEEN in (p.preposition, p.outer) and i + 1 < len(clause):
            other = clause[i + 1]
            joined = lemmas[p.end : other.start]
            # "między Izraelem a bojownikami Hamasu": the second party may be named in a genitive
            if (
                joined
                and (joined[0] in cues.COORDINATORS or joined[0] in cues.BETWEEN_JOINERS)
                and (len(joined) == 1 or (len(joined) == 2 and other.attached))
            ):
                return [p, other]
    return []


def _clauses(tokens, lemmas, lo, hi, cues) -> list[tuple[int, int]]:
    bounds = [lo]
    for i in range(lo + 1, hi):
        relative = tokens[i - 1].text == "," and lemmas[i] in cues.RELATIVE_PRONOUNS
        if (
            relative
            or lemmas[i] in cues.CLAUSE_OPENERS
            or tokens[i].text in ";:"
            or (tokens[i].text in "-–—" and tokens[i - 1].text != "-")
        ):
            bounds.append(i)
    bounds.append(hi)
    return [(a, b) for a, b in itertools.pairwise(bounds) if b > a]


def _likewise(events: list[Event], in_sentence: list[Placed], lemmas, lo, cues) -> list[Event]:
    """ "Podobnie jak Indie, Chiny wydają ... na zakup rosyjskiej ropy": India does it too."""
    for opener in cues.LIKEWISE:
        if tuple(lemmas[lo : lo + len(opener)]) != opener:
            continue
        compared = [p for p in in_sentence if p.start == lo + len(opener)]
        if not compared:
            return []
        like = compared[0].entity
        copies = []
        for event in events:
            if like.id in {p.entity for p in event.actor + event.recipient}:
                continue
            copy = Event(
                **{
                    **event.__dict__,
                    "actor": [_participant(like)],
                    "context": list(event.context),
                    "recipient": list(event.recipient),
                    "reported_by": list(event.reported_by),
                }
            )
            copies.append(copy)
        return copies
    return []


def _reporters(tokens, lemmas, lo, hi, mentions: list[Placed], cues) -> list[Placed]:
    """Whom the sentence cites: "według NIS", "przekazała agencja Xinhua", "jak podała agencja Reutera"."""
    out = [p for p in mentions if p.preposition in cues.SOURCE_PREPOSITIONS]
    for i in range(lo, hi):
        if lemmas[i] in cues.REPORTING_VERBS:
            near = [p for p in mentions if p.entity.type == "ORG" and 0 < p.start - i <= 3 and "Nom" in p.cases]
            out += near[:1]
    return out

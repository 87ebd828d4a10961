"""Modality: negation, intention, the conditional and the future around a trigger."""

from __future__ import annotations

from functools import lru_cache

from kronika.lang import ud
from kronika.lang.ud import morph
from kronika.record import Token
from kronika.stages.events.tags import _verb
from kronika.stages.events.triggers import Found


def _future(tokens: list[Token], found: Found) -> bool:
    """A perfective verb in the non-past ("przyleci", "spotka się") speaks of the future in Polish, and so
    does an infinitive after the future of "być" ("będą współpracować")."""
    return future_at(tokens, found.start)


def future_at(tokens: list[Token], start: int) -> bool:
    """``_future`` of a trigger starting at token ``start``: what the learned layer asks of every word it scores,
    without making a ``Found`` for each."""
    infinitive, future, _ = _tense(tokens[start].tag)
    if infinitive:
        return any(_tense(tokens[j].tag)[2] for j in range(max(0, start - 2), start))
    return future


@lru_cache(maxsize=16_384)
def _tense(tag: str | None) -> tuple[bool, bool, bool]:
    """Of a tag, for ``_future`` (asked of every word the learned layer scores): an infinitive; the future by
    itself; the future of "być"."""
    m = morph(tag)
    auxiliary = ud.future_auxiliary(m)
    # Perfective only: a verb of both aspects ("aresztuje") may speak of now.
    perfective = ud.present(m) and "Aspect=Perf" in m.feats and "Aspect=Imp" not in m.feats
    return ud.infinitive(m), auxiliary or perfective, auxiliary


def _modality(tokens, lemmas, found: Found, c_lo, cues) -> str:
    window = range(max(c_lo, found.start - 3), found.start)
    if any(lemmas[j] in cues.NEGATION for j in window):
        return "negated"
    if not _verb(tokens[found.start].tag):
        # An event noun in the object of a negated verb is negated with it: "nie poruszono tematu wojny".
        verbs = [j for j in range(c_lo, found.start) if _verb(tokens[j].tag)]
        if verbs and any(lemmas[j] in cues.NEGATION for j in range(max(c_lo, verbs[-1] - 2), verbs[-1])):
            return "negated"
    if any(lemmas[j] in cues.HYPOTHETICAL_MARKERS for j in range(c_lo, found.start)):
        return "hypothetical"
    if not _verb(tokens[found.start].tag) and _planned(tokens, lemmas, found, c_lo, cues):
        return "intended"
    # "zapowiedzieli wzmocnienie", "zamierza wysłać": the intention verb right before what it announces,
    # or before the content clause the trigger opens ("zapowiedzieli, że będą współpracować").
    if any(lemmas[j] in cues.INTENTION_VERBS for j in range(max(c_lo, found.start - 2), found.start)):
        return "intended"
    if (
        c_lo >= 2
        and lemmas[c_lo] in cues.CONTENT_OPENERS
        and tokens[c_lo - 1].text == ","
        and (lemmas[c_lo - 2] in cues.INTENTION_VERBS)
    ):
        return "intended"
    return "asserted"


# How far from an event noun the participle that plans it may stand ("wizyta ... zaplanowana jest").
PLAN_REACH = 6


def _planned(tokens, lemmas, found: Found, c_lo: int, cues) -> bool:
    """An event noun planned by a participle or verb of intention next to it: "zaplanowane zostało kolejne
    spotkanie", "wizyta kanclerz we Francji zaplanowana jest po wyborach"."""
    for j in range(found.start - 1, max(c_lo, found.start - PLAN_REACH) - 1, -1):
        if _verb_or_passive(tokens[j].tag) and lemmas[j] not in cues.PASSIVE_AUXILIARIES:
            return lemmas[j] in cues.INTENTION_VERBS
    for j in range(found.end, min(len(tokens), found.end + PLAN_REACH)):
        if tokens[j].text in ",;:":
            return False
        if _verb_or_passive(tokens[j].tag) and lemmas[j] not in cues.PASSIVE_AUXILIARIES:
            return lemmas[j] in cues.INTENTION_VERBS and ud.passive_participle(morph(tokens[j].tag))
    return False


def _verb_or_passive(tag: str | None) -> bool:
    return ud.verb(morph(tag)) or ud.passive_participle(morph(tag))


def _next_one(lemmas, found: Found, c_lo: int, cues) -> bool:
    """ "kolejne spotkanie", "następna runda rozmów": the event again, between the same sides."""
    return any(lemmas[j] in cues.NEXT_ONE for j in range(max(c_lo, found.start - 2), found.start))

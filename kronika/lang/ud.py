"""The word classes the stages test, in Universal Dependencies terms, over a pack's ``Morph`` (``pack.morph(tag)``).

Any language whose pack maps its tags to UPOS and features gets the same classes. Each test names the UD
features that set its class apart; the mapping of one tagset (``kronika/lang/pl/ud.py``) documents how its
classes land here. ``morph(tag)`` reads a token's tag through the pack whose tagset it belongs to, so code that
holds only tokens needs no pack in hand; it is cached per tag string, so a token costs a dictionary look-up.
"""

from __future__ import annotations

from functools import lru_cache

from kronika.caches import WORD_TYPES
from kronika.lang import SUPPORTED, get_language
from kronika.lang.base import UNTAGGED, Morph


@lru_cache(maxsize=WORD_TYPES)
def morph(tag: str | None) -> Morph:
    """The UD reading of a tag by the first pack that knows its word class (a pack gives an unknown class no
    UPOS); a tag no pack knows has no UPOS and no features, only the first pack's ``xpos``."""
    if not tag:
        return UNTAGGED
    readings = [get_language(code).morph(tag) for code in SUPPORTED]
    return next((r for r in readings if r.upos), readings[0])


# What sets the participles, the hyphen forms, the post-prepositional and the short adjectives apart from the
# plain adjective.
_NOT_PLAIN_ADJECTIVE = frozenset({"VerbForm=Part", "Hyph=Yes", "PrepCase=Pre", "Variant=Short"})


# UD's classes of nouns: a tagset that tells proper nouns apart (English) gives PROPN, one that does not
# (Polish) NOUN for both.
_NOUNS = ("NOUN", "PROPN")


def noun(m: Morph) -> bool:
    """A noun proper: not a gerund, not a depreciative form."""
    return m.upos in _NOUNS and not m.feats & {"VerbForm=Vnoun", "Polite=Depr"}


def depreciative(m: Morph) -> bool:
    return m.upos == "NOUN" and "Polite=Depr" in m.feats


def gerund(m: Morph) -> bool:
    return m.upos == "NOUN" and "VerbForm=Vnoun" in m.feats


def abbreviation(m: Morph) -> bool:
    return m.upos == "X" and "Abbr=Yes" in m.feats


def unknown_word(m: Morph) -> bool:
    """A word the analyser does not know: X with no feature at all (mostly foreign names)."""
    return m.upos == "X" and not m.feats


def nominal(m: Morph) -> bool:
    """Nouns, gerunds, abbreviations and unknown words: what can name a thing or an event."""
    return m.upos in _NOUNS or abbreviation(m) or unknown_word(m)


def adjective(m: Morph) -> bool:
    """The plain adjective: no participle, no hyphen form ("polsko-"), no short or post-prepositional form."""
    return m.upos == "ADJ" and not m.feats & _NOT_PLAIN_ADJECTIVE


def hyphen_adjective(m: Morph) -> bool:
    """The first part of a compound adjective ("polsko-" in "polsko-niemiecki")."""
    return m.upos == "ADJ" and "Hyph=Yes" in m.feats and "VerbForm=Part" not in m.feats


def passive_participle(m: Morph) -> bool:
    return m.upos == "ADJ" and "Voice=Pass" in m.feats


def active_participle(m: Morph) -> bool:
    return m.upos == "ADJ" and "Voice=Act" in m.feats and "Hyph=Yes" not in m.feats


def adjectival(m: Morph) -> bool:
    """An adjective or an adjectival participle, the hyphen form included: what agrees with a noun."""
    return adjective(m) or hyphen_adjective(m) or passive_participle(m) or active_participle(m)


def numeral(m: Morph) -> bool:
    """A numeral written as a word, not the first part of a compound ("dwu-")."""
    return m.upos == "NUM" and "NumForm=Word" in m.feats and "Hyph=Yes" not in m.feats


def digits(m: Morph) -> bool:
    return m.upos == "NUM" and "NumForm=Digit" in m.feats


def roman_numeral(m: Morph) -> bool:
    return m.upos == "NUM" and "NumForm=Roman" in m.feats


def plural(m: Morph) -> bool:
    """Plural and only plural (a tag open to both numbers is not)."""
    return "Number=Plur" in m.feats and "Number=Sing" not in m.feats


def adverb(m: Morph) -> bool:
    return m.upos == "ADV"


def preposition(m: Morph) -> bool:
    return m.upos == "ADP"


def verb(m: Morph) -> bool:
    """A verb form that can head a clause; neither the fused conditional nor the mobile inflection counts."""
    return m.upos in ("VERB", "AUX") and not m.feats & {"Mood=Cnd", "Clitic=Yes"}


def finite(m: Morph) -> bool:
    """An indicative form with a person: present, past or the future auxiliary (not the impersonal)."""
    return m.has("VerbForm=Fin", "Mood=Ind") and "Person=0" not in m.feats


def present(m: Morph) -> bool:
    """The present form (for a perfective verb, the future)."""
    return m.upos == "VERB" and m.has("VerbForm=Fin", "Tense=Pres")


def past(m: Morph) -> bool:
    """The personal past (the l-participle)."""
    return finite(m) and "Tense=Past" in m.feats


def future_auxiliary(m: Morph) -> bool:
    return m.upos == "AUX" and m.has("VerbForm=Fin", "Tense=Fut")


def impersonal(m: Morph) -> bool:
    """The impersonal past in -no/-to (UD's ``Person=0``)."""
    return "Person=0" in m.feats


def imperative(m: Morph) -> bool:
    return "Mood=Imp" in m.feats


def infinitive(m: Morph) -> bool:
    return "VerbForm=Inf" in m.feats


def verbal(m: Morph) -> bool:
    """A verb form or an adjectival participle: what can name an action."""
    return verb(m) or passive_participle(m) or active_participle(m)

"""The CAMEO roots and codes the event rules single out."""

from __future__ import annotations


# CAMEO roots of talks and cooperation, whose event nouns ("rozmowy", "szczyt") the subject holds.
TALK_ROOTS = frozenset({"03", "04", "05", "06"})
# CAMEO roots of accusations and rejections, whose object noun is what is claimed, not what happened.
CLAIM_ROOTS = frozenset({"11", "12"})
# "Accuse, not specified": what a claim of another's force or threat amounts to.
ACCUSE = "112"
# CAMEO roots of threats, which an answer may reply to as it replies to an accusation.
THREAT_ROOTS = frozenset({"13"})
# CAMEO roots of answers (reject, deny), whose missing recipient is whoever made the claim just before.
ANSWER_ROOTS = frozenset({"12"})
# CAMEO roots of force (coerce, assault, mass violence): without a named target, the place is the target.
TARGET_IS_PLACE_ROOTS = frozenset({"17", "18", "19", "20"})
# CAMEO roots of sanctions and force: done impersonally ("zamknięto konsulat", "zatrzymano"), by the state where.
IMPERSONAL_STATE_ROOTS = TARGET_IS_PLACE_ROOTS | {"16"}
# Mediation (CAMEO 045) is between parties, and a ceasefire (CAMEO 0871) binds both sides: with the parties
# unnamed in the sentence they are the two sides of the nearest conflict the article reports.
MEDIATE = "045"
# "Host a visit" (CAMEO 043): "przyjąć", "podjąć" with a guest, not with a decision.
HOST = "043"
CEASEFIRE = "0871"
# CAMEO root of protest: a protest noun with no one named is the protest of the country it happens in.
PROTEST_ROOT = "14"
# QuadClass of verbal and material conflict: the events that show who faces whom.
CONFLICT_QUADS = frozenset({3, 4})
MATERIAL_CONFLICT = 4
# Meetings (CAMEO 04) announced for later are CAMEO 036, "express intent to meet or negotiate" (AGREE).
MEET_ROOT = "04"
INTENT_TO_MEET = "036"
# Cooperation (CAMEO 06) announced for later is CAMEO 030, "express intent to cooperate" (AGREE).
COOPERATE_ROOT = "06"
INTENT_TO_COOPERATE = "030"
# CAMEO roots of threats and shows of force: with no one named they face the actor's adversary.
POSTURE_ROOTS = frozenset({"13", "15"})

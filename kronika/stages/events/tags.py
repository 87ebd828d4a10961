"""Reading a token's morphological tag: its cases, its word class, and the classes the rules test."""

from __future__ import annotations

from functools import lru_cache

from kronika.lang import ud
from kronika.lang.base import UD_CASES
from kronika.lang.ud import morph


CASES = UD_CASES


def tag_cases(tag: str | None) -> frozenset[str]:
    """The UD cases a tag allows ("Gen", "Acc")."""
    return morph(tag).cases


def tag_class(tag: str | None) -> str:
    """The tagset's own word class, for the feature strings of the learned models (never compared here)."""
    return morph(tag).xpos


def _adjectival(tag: str | None) -> bool:
    """An adjective or adjectival participle: what may stand between a noun and its genitive."""
    return ud.adjectival(morph(tag))


def _nominal(tag: str | None) -> bool:
    return ud.nominal(morph(tag))


def _verb(tag: str | None) -> bool:
    return ud.verb(morph(tag))


@lru_cache(maxsize=16_384)
def _family(tag: str | None) -> str:
    """Nominal, verbal or other (the tag's own class): the kind of word a reading makes of a token."""
    m = morph(tag)
    if ud.nominal(m):
        return "nominal"
    if ud.verbal(m):
        return "verbal"
    return m.xpos


def _impersonal(tag: str | None) -> bool:
    """A singular neuter past form ("udało się"), the impersonal use; the present ("udaje się") is both."""
    m = morph(tag)
    return ud.past(m) and m.has("Number=Sing", "Gender=Neut")

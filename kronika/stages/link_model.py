"""The linker's records and the word tests its parts share: a mention on its way to an entity (``Found``), an
entity being gathered (``Group``), the local id of a name the base lacks, and token spans."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from kronika.kb.model import CANONICAL_LANGUAGE
from kronika.record import Token

WORD_RE = re.compile(r"\w+(?:['’-]\w+)*|[^\w\s]")
# Which entry types a name the base lacks may be matched to by sound, by the type of its mentions.
SOUND_KINDS = {"PER": ("PER",), "GPE": ("GPE", "LOC"), "LOC": ("GPE", "LOC")}


def local_id(type_: str, name: str) -> str:
    """A stable id for a name the knowledge base lacks: same type and base form, same id everywhere."""
    digest = hashlib.sha1(f"{type_}:{name.casefold()}".encode("utf-8")).hexdigest()[:12]
    return f"kronika:{digest}"


@dataclass
class Found:
    """One mention on its way to an entity: its token span and what it was linked to."""

    start: int  # first token index
    end: int  # one past the last token index
    type: str | None
    name: str  # base form, the name of an unlinked entity
    entry: str | None = None  # knowledge-base id
    source: str = "model"
    country: str | None = None  # for a name the base lacks: the state named inside it, if any


@dataclass
class Group:
    key: str
    name: str
    type: str
    entry: str | None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    country: str | None = None


def is_capitalised(text: str) -> bool:
    return text[:1].isupper()


def is_acronym(text: str) -> bool:
    return len(text) > 1 and text.isupper()


def token_span(tokens: list[Token], start: int, end: int) -> tuple[int, int] | None:
    """Token indexes [first, last+1) of the tokens inside the characters [start, end); tokens are in text
    order, so two binary searches do (a long article must not cost a scan per mention)."""
    first = bisect_left(tokens, start, key=lambda t: t.start)
    last = bisect_right(tokens, end, key=lambda t: t.end)
    return (first, last) if first < last else None


def overlaps(a: Found, b: Found) -> bool:
    return a.start < b.end and b.start < a.end


def leader_alias(entry, text: str) -> bool:
    """Whether a person's name of two words or more (``text``) names a body only by an English alias that shares
    no word with the body's name: the event coders' dictionaries list a group's leaders among its names
    ("Mohammed Deif" for the Qassam Brigades), but a text that names the person means the person. A name the
    body bears in the text's language ("Górski Karabach" typed a person's) is the body's all the same."""
    words = _name_words(text)
    if entry.type != "ORG" or len(words) < 2 or words & _name_words(entry.name):
        return False
    own = (alias for lang, aliases in entry.aliases.items() if lang != CANONICAL_LANGUAGE for alias in aliases)
    return all(_name_words(alias) != words for alias in own)


def _name_words(name: str) -> set[str]:
    """The words of a name, a hyphen's parts apart ("Al-Qassam" shares "Qassam" with "Al Qassam")."""
    return {w.casefold() for w in _PLAIN_WORD.findall(name)}


_PLAIN_WORD = re.compile(r"[^\W_]+")

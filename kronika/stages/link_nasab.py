"""An Arabic name written shorter than the base's entry links to it: the press drops links of the chain of
"son of" names and spells a letter its own way ("Mohammed bin Abdulrahman Al Sani", "Mohammed bin
Abdulrahman" for Mohammed bin Abdulrahman bin Jassim Al Thani).

An Arabic personal name is a chain: the given name, "bin"/"ibn" and the father's name, maybe the grandfather's,
and the family's ("Al Thani"). News writes the given name and the father's name, with or without the family;
Polish transcription writes "s" for ث, which English writes "th" ("Al-Sani", "Al Thani"), and vowels differ
between transcriptions ("Muhammad", "Mohammed"). So the names are compared as their words' consonants (the
first letter kept, "th" read as "s", doubled letters once), the articles ("al", "as") left out: a name whose
words, "son of" among them, come in the same order in exactly one person's English name, from its first
word on, names that person.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from kronika.kb.model import CANONICAL_LANGUAGE

if TYPE_CHECKING:  # the linker's type; importing it here at run time would be circular
    from kronika.stages.link import Linker

# The words of a short name besides "son of": its given name and one more.
MIN_WORDS = 3
_VOWELS = re.compile(r"(?<=.)[aeiouy]")
_DOUBLED = re.compile(r"(.)\1+")


def word_key(word: str, spelling) -> str:
    """A word's consonants, its first letter kept ("Mohammed", "Muhammad" -> "mhmd"; "Thani", "Sani" -> "sn");
    ``spelling`` is the language's ``arabic_spelling`` (its "son of" words, articles and letter pairs)."""
    word = unicodedata.normalize("NFKD", word.casefold()).encode("ascii", "ignore").decode()
    if word in spelling.son_of:
        return "bin"
    for english, native in spelling.digraphs:
        word = word.replace(english, native)
    return _DOUBLED.sub(r"\1", _VOWELS.sub("", word))


def name_keys(name: str, spelling) -> tuple[str, ...]:
    """The keys of a name's words without the articles ("Tamim bin Hamad Al Thani" -> tmm bin hmd sn)."""
    words = [w for w in re.split(r"[\s\-‐–]+", name) if w and w.casefold() not in spelling.articles]
    return tuple(word_key(w, spelling) for w in words if w.isalpha())


def nasab_index(linker: Linker) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """The base's people whose English name has "son of", by the key of its first word."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    spelling = linker.language.arabic_spelling
    for entry in linker.kb:
        if entry.type != "PER":
            continue
        for name in {entry.name, *entry.aliases_in(CANONICAL_LANGUAGE)}:
            if has_son_of(name, spelling):
                keys = name_keys(name, spelling)
                index.setdefault(keys[0], []).append((keys, entry.id))
    return index


def has_son_of(name: str, spelling) -> bool:
    """Whether "son of" stands inside ``name``: the cheap test before any key is made."""
    return not spelling.son_of.isdisjoint(name.casefold().split()[1:])


def nasab_match(linker: Linker, index, name: str):
    """The one person of the base whose English name opens with ``name``'s given name, "son of" and father's
    name and has its other words in order, or None; ``name`` must have at least ``MIN_WORDS`` words."""
    keys = name_keys(name, linker.language.arabic_spelling)
    if len(keys) < MIN_WORDS or keys[1] != "bin":
        return None
    # The given name and the father's stand first in both: a link left out further on is the press's habit,
    # but "Hamad bin Jabir" is not Hamad bin Jassim bin Jabir (Jabir is his grandfather: another man).
    found = {entry for full, entry in index.get(keys[0], ()) if full[:3] == keys[:3] and _in_order(keys[3:], full[3:])}
    return linker.kb.get(found.pop()) if len(found) == 1 else None


def _in_order(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """Whether ``part``'s keys come in ``whole`` in the same order (others may stand between)."""
    rest = iter(whole)
    return all(key in rest for key in part)

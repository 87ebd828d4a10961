"""Entities for languages without a pack: knowledge-base names found in the text, in any script.

The knowledge base has English and Polish names. A text in another language is matched against them
after two cheap foldings that need no language data of their own:

- Cyrillic is transliterated to Latin letters (a plain letter-for-letter table), so "Путин" meets
  "Putin" and "Хельсинки" meets "Helsinki";
- a word may carry a short ending the name lacks ("Putina", "Trumpa", "Putins"), as Czech, Russian or
  German inflection adds one; a name word of four letters or fewer must match exactly ("May" is not
  "Mayor");
- a few spellings of one sound are folded together ("x"/"ks", "th"/"t", "w"/"v", "z"/"s", "y"/"i"), so
  "Brekzit" meets "Brexit" and "Navalnyj" meets "Navalny".

Names must start with a capital in the text (acronyms in capitals match only as acronyms). Where one name
belongs to several entries, the first in the knowledge base's order wins: curated entries come first.
Alongside, ``name_keys`` gives language-independent keys for capitalised words inside sentences that the
base does not know ("Navalny", "Navalni", "Навальный" share "naval"), a weaker signal the clusterer uses.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from kronika.kb.base import loose_key
from kronika.record import Entity, Mention

# Scientific-style transliteration, simplified to ASCII where it helps to meet English spellings.
CYRILLIC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "ґ": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "є": "ie",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "і": "i",
    "ї": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "h",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
    "ў": "u",
    "ј": "j",
    "љ": "lj",
    "њ": "nj",
    "ћ": "c",
    "ђ": "dj",
    "џ": "dz",
    "ѓ": "g",
    "ќ": "k",
    "ѕ": "dz",
}
_TRANSLIT = str.maketrans({**CYRILLIC, **{k.upper(): v.capitalize() for k, v in CYRILLIC.items()}})

WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# A name word this long or shorter must match exactly; longer ones may carry an inflectional ending.
EXACT_UP_TO = 4
MAX_ENDING = 3
# Capitalised words shorter than this make no name key: too many are articles and pronouns.
NAME_KEY_MIN = 5
NAME_KEY_PREFIX = 5


# Spellings that differ between Latin-script languages and transliterations for the same sound:
# "Brexit"/"Brekzit", "Theresa"/"Tereza", "Nawalny"/"Navalny"/"Navalnyi".
_SOUNDS = (("th", "t"), ("ph", "f"), ("ck", "k"), ("x", "ks"), ("w", "v"), ("z", "s"), ("y", "i"), ("ii", "i"))


def transliterate(text: str) -> str:
    return text.translate(_TRANSLIT)


def fold(word: str) -> str:
    """The comparison form of a word: transliterated, case-folded, without diacritics, sounds spelt one way."""
    folded = loose_key(transliterate(word))
    for spelling, sound in _SOUNDS:
        folded = folded.replace(spelling, sound)
    return folded


@dataclass(frozen=True)
class _Name:
    words: tuple[str, ...]  # folded
    entry: str
    acronym: bool


def _word_matches(text_word: str, name_word: str) -> bool:
    if text_word == name_word:
        return True
    if len(name_word) <= EXACT_UP_TO:
        return False
    return text_word.startswith(name_word) and len(text_word) - len(name_word) <= MAX_ENDING


class AliasMatcher:
    """Knowledge-base names found in a text of any language; built once per process by ``load_matcher``."""

    def __init__(self, kb):
        self.kb = kb
        # First folded name word's first four letters -> names starting with it, in knowledge-base order.
        self._by_prefix: dict[str, list[_Name]] = defaultdict(list)
        seen: set[tuple[tuple[str, ...], str]] = set()
        for entry in kb:
            for alias in (entry.name, *entry.all_aliases()):
                words = WORD.findall(alias)
                if not words or not words[0][:1].isupper():
                    continue  # a lower-case alias is a common word, not a name
                folded = tuple(fold(w) for w in words)
                acronym = len(words) == 1 and words[0].isupper() and len(words[0]) >= 2
                if len(words) == 1 and len(folded[0]) < EXACT_UP_TO and not acronym:
                    continue
                if (folded, entry.id) in seen:
                    continue
                seen.add((folded, entry.id))
                self._by_prefix[folded[0][:EXACT_UP_TO]].append(_Name(folded, entry.id, acronym))
        for names in self._by_prefix.values():
            # Longest names first, so "Donald Trump" wins over "Donald" at the same place.
            names.sort(key=lambda n: -len(n.words))

    def find(self, text: str) -> list[Entity]:
        """Entities named in ``text``, in order of first mention, each with its mentions (offsets into text)."""
        words = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
        folded = [fold(w) for _, _, w in words]
        found: dict[str, Entity] = {}
        i = 0
        while i < len(words):
            start, _, word = words[i]
            name = self._match_at(words, folded, i) if word[:1].isupper() else None
            if name is None:
                i += 1
                continue
            end = words[i + len(name.words) - 1][1]
            add_mention(found, self.kb.get(name.entry), text, start, end)
            i += len(name.words)
        return list(found.values())

    def _match_at(self, words, folded, i: int) -> _Name | None:
        for name in self._by_prefix.get(folded[i][:EXACT_UP_TO], ()):
            if i + len(name.words) > len(words):
                continue
            if name.acronym:
                if words[i][2].isupper() and folded[i] == name.words[0]:
                    return name
                continue
            if all(_word_matches(folded[i + k], w) for k, w in enumerate(name.words)):
                return name
        return None


def add_mention(found: dict[str, Entity], entry, text: str, start: int, end: int) -> None:
    """One more mention of the knowledge-base ``entry`` among the entities ``found`` in a text."""
    entity = found.get(entry.id)
    if entity is None:
        entity = found[entry.id] = Entity(
            id=entry.id, name=entry.name, type=entry.type, country=entry.country, sector=entry.sector
        )
    entity.mentions.append(Mention(start, end, text[start:end]))


@cache
def load_matcher() -> AliasMatcher:
    from kronika.kb import load_kb

    return AliasMatcher(load_kb())


_SENTENCE_END = re.compile(r"[.!?…:\"„“”«»\n|]\s*$")


def name_key(word: str) -> str | None:
    return fold(word)[:NAME_KEY_PREFIX] if len(word) >= NAME_KEY_MIN else None


def name_keys(text: str, known: list[Entity] = ()) -> set[str]:
    """Keys for capitalised words inside sentences that no known entity covers: their first letters, folded.

    A sentence's first word is left out (it is capitalised for a reason other than being a name), and so are
    words inside a known entity's mentions (``entity_name_keys`` gives those entities' keys).
    """
    covered = _merged(sorted((m.start, m.end) for e in known for m in e.mentions))
    starts = [start for start, _ in covered]
    keys = set()
    for match in WORD.finditer(text):
        word = match.group()
        if not word[:1].isupper() or word.isupper() or len(word) < NAME_KEY_MIN:
            continue
        if _SENTENCE_END.search(text[max(0, match.start() - 3) : match.start()]) or match.start() == 0:
            continue
        # By bisection: a 5 MB article has tens of thousands of mentions and of capitalised words.
        inside = bisect.bisect_right(starts, match.start()) - 1
        if inside >= 0 and match.start() < covered[inside][1]:
            continue
        keys.add(name_key(word))
    return keys


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones joined, so that one bisection finds the span holding an offset."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def entity_name_keys(entities: list[Entity]) -> set[str]:
    """The name keys of entities' canonical names: "Тереза" in an article the base cannot read then meets
    "Theresa May" found in another."""
    return {key for e in entities for key in map(name_key, WORD.findall(e.name)) if key}

"""Names in scripts the alias matcher cannot read (Arabic, Hebrew, Greek, Georgian, Devanagari, CJK, ...):
knowledge-base names met through consonant skeletons.

The alias matcher (``aliases.py``) starts a name only at a capitalised word, and the name keys are made of
capitalised words, so an article in a script without case carries no names at all. Here such a text is
romanized letter by letter (``romanization.tsv``: ALA-LC for the Arabic script, ISO 259 for Hebrew, as data)
and every word, and every name of the knowledge base, is reduced to a **consonant skeleton**: vowels
dropped, consonants folded into the classes that transliterations confuse ("v"/"f"/"w", "p"/"b", "ch"/"sh",
"g"/"j", "z"/"s", "c"/"k"/"q", "h" silent), doubled consonants written once. "شارل ميشيل" and "Charles
Michel" both read "srl msl" (a French final "s" is silent: a word may have one trailing consonant more).
Letters of scripts the table has no row for (Greek, Armenian, Georgian, the Indic scripts, Thai, Chinese,
Japanese, Korean) are romanized by anyascii, so "Πούτιν", "პუტინი" and "पुतिन" all read "btn".

Skeletons are short and collide more than spellings do, so only long ones are trusted: a name of several
words must reach ``MIN_NAME_SKELETON`` consonants in all (each word at least two), a one-word name
``MIN_WORD_SKELETON`` and match exactly. The first matching name in the knowledge base's order wins.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kronika.record import Entity
from kronika.stories.aliases import add_mention, transliterate

MIN_NAME_SKELETON = 6
MIN_WORD_SKELETON = 6
MIN_PART_SKELETON = 3
# A text is read this way when fewer than this share of its letters are Latin or Cyrillic (which the alias
# matcher reads through its capitals and its Cyrillic table).
READABLE_SHARE = 0.5

# Latin spellings of one sound, most specific first, then one letter per consonant class ("" drops it).
_DIGRAPHS = (
    ("sch", "s"),
    ("sh", "s"),
    ("ch", "s"),
    ("sz", "s"),
    ("cz", "s"),
    ("zh", "g"),
    ("kh", ""),
    ("gh", "g"),
    ("th", "t"),
    ("dh", "d"),
    ("ph", "f"),
    ("ck", "k"),
    ("qu", "k"),
    ("x", "ks"),
    # Greek writes "d" as "ντ" ("Ντόναλντ" Donald): read "nt" as "d" on both sides.
    ("nt", "d"),
)
_SOFT_C = re.compile(r"c(?=[eiy])")
_CLASSES = str.maketrans(
    {
        "a": "",
        "e": "",
        "i": "",
        "o": "",
        "u": "",
        "y": "",
        "h": "",
        "'": "",
        "-": "",
        "v": "f",
        "w": "f",
        "p": "b",
        "j": "g",
        "q": "k",
        "c": "k",
        "z": "s",
    }
)
_DOUBLE = re.compile(r"(.)\1+")


def _marks() -> str:
    """A character class of the combining marks (the vowel signs and viramas of Indic scripts, Thai vowels):
    ``\\w`` stops at them, and a word of those scripts must not break at every vowel."""
    ranges, start, last = [], None, None
    for code in range(0x300, 0x10000):
        if unicodedata.category(chr(code)).startswith("M"):
            if start is None:
                start = code
            last = code
        elif start is not None:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(last))}" if last > start else re.escape(chr(start)))
            start = None
    return "".join(ranges)


_WORD = re.compile(rf"[^\W\d_](?:[^\W\d_]|[{_marks()}])*")


@cache
def romanization() -> tuple[dict[str, str], tuple[str, ...], dict[str, str]]:
    """``romanization.tsv``: letter -> Latin for every script in it, the clitic prefixes (longest first), and
    the consonant readings of word-initial vowel carriers."""
    letters: dict[str, str] = {}
    prefixes: list[str] = []
    initial: dict[str, str] = {}
    for line in (Path(__file__).parent / "romanization.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        _, letter, latin = (line.split("\t") + [""])[:3]
        if letter == "prefix":
            prefixes.extend(latin.split(","))
        elif letter == "initial":
            initial.update(pair.split("=") for pair in latin.split(","))
        else:
            letters[letter] = latin
    return letters, tuple(sorted(set(prefixes), key=len, reverse=True)), initial


@cache
def _table():
    return str.maketrans(romanization()[0])


def skeleton(word: str) -> str:
    """The consonant classes of a word in any script the tables read: "Navalny", "نافالني" -> "nfln"."""
    from anyascii import anyascii

    latin = anyascii(unicodedata.normalize("NFC", transliterate(word.translate(_table())))).lower()
    latin = "".join(ch for ch in latin if ch.isascii() and (ch.isalpha() or ch in "'-"))
    for spelling, sound in _DIGRAPHS:
        latin = latin.replace(spelling, sound)
    latin = _SOFT_C.sub("s", latin)
    return _DOUBLE.sub(r"\1", latin.translate(_CLASSES))


def _readable(ch: str) -> bool:
    """A Latin or Cyrillic letter: the scripts whose capitals and table the alias matcher reads."""
    return ch < "\u0250" or "\u0400" <= ch < "\u0530" or "\u1e00" <= ch < "\u1f00"


def caseless(text: str) -> bool:
    """Whether most of the text's letters are in scripts the alias matcher cannot read: without capitals
    (Arabic, Hebrew, Georgian, CJK) or cased but neither Latin nor Cyrillic (Greek, Armenian)."""
    letters = [ch for ch in text[:2000] if ch.isalpha()]
    if not letters:
        return False
    return sum(map(_readable, letters)) < READABLE_SHARE * len(letters)


def word_skeletons(word: str) -> tuple[str, ...]:
    """The skeletons a caseless word may stand for: as written, and without a joined clitic."""
    _, prefixes, initial = romanization()
    readings = [word]
    for prefix in prefixes:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            readings.append(word[len(prefix) :])
    readings += [initial[w[0]] + w[1:] for w in list(readings) if w[:1] in initial]
    return tuple(dict.fromkeys(skeleton(w) for w in readings))


def _same(text: str, name: str) -> bool:
    """Equal skeletons, or one a consonant longer at its end (a silent final letter, an attached ending)."""
    if text == name:
        return True
    short, long = sorted((text, name), key=len)
    return len(short) >= 3 and len(long) == len(short) + 1 and long.startswith(short)


@dataclass(frozen=True)
class _Name:
    words: tuple[str, ...]  # skeletons
    entry: str
    order: int  # the entry's place in the knowledge base: the first wins among names of equal length


class SkeletonMatcher:
    """Knowledge-base names found in a caseless text through consonant skeletons; one per process."""

    def __init__(self, kb):
        self.kb = kb
        # First word's skeleton (and that skeleton less its last consonant) -> names, in knowledge-base order.
        self._by_first: dict[str, list[_Name]] = defaultdict(list)
        seen: set[tuple[tuple[str, ...], str]] = set()
        for order, entry in enumerate(kb):
            for alias in (entry.name, *entry.all_aliases()):
                words = _WORD.findall(alias)
                if not words or not words[0][:1].isupper():
                    continue
                skeletons = tuple(skeleton(w) for w in words)
                if len(words) == 1:
                    if len(skeletons[0]) < MIN_WORD_SKELETON:
                        continue
                elif min(map(len, skeletons)) < MIN_PART_SKELETON or sum(map(len, skeletons)) < MIN_NAME_SKELETON:
                    continue
                if (skeletons, entry.id) in seen:
                    continue
                seen.add((skeletons, entry.id))
                name = _Name(skeletons, entry.id, order)
                for key in {skeletons[0], skeletons[0][:-1]} if len(words) > 1 else {skeletons[0]}:
                    self._by_first[key].append(name)

    def find(self, text: str) -> list[Entity]:
        """Entities named in ``text`` (read as caseless), in order of first mention, with their mentions."""
        words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        readings = [word_skeletons(text[s:e]) for s, e in words]
        found: dict[str, Entity] = {}
        i = 0
        while i < len(words):
            name = self._match_at(readings, i)
            if name is None:
                i += 1
                continue
            add_mention(found, self.kb.get(name.entry), text, words[i][0], words[i + len(name.words) - 1][1])
            i += len(name.words)
        return list(found.values())

    def _match_at(self, readings, i: int) -> _Name | None:
        matches = []
        for first in readings[i]:
            for key in (first, first[:-1]):
                for name in self._by_first.get(key, ()):
                    if i + len(name.words) > len(readings):
                        continue
                    if len(name.words) == 1:
                        if first == name.words[0]:
                            matches.append(name)
                    elif all(any(_same(r, w) for r in readings[i + k]) for k, w in enumerate(name.words)):
                        matches.append(name)
        # The longest name at this place ("Charles Michel" over "Charles"), then the knowledge base's order.
        return min(matches, key=lambda n: (-len(n.words), n.order), default=None)


@cache
def load_skeleton_matcher() -> SkeletonMatcher:
    from kronika.kb import load_kb

    return SkeletonMatcher(load_kb())

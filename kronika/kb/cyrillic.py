"""Which of a city's Cyrillic names is its Ukrainian or Russian one, and the Ukrainian name's English spelling.

GeoNames lists a city's names in every language without saying which is which; a Ukrainian town has its
Ukrainian name, its Russian one and often a Soviet-era name among them ("Покровськ", "Покровск",
"Красноармійськ"). The name of the language is the one written in that language's alphabet alone and closest
to the city's GeoNames name, which is its current name romanised ("Pokrovsk").

The English Wikipedia spells Ukrainian places in the Ukrainian national romanisation (Cabinet of Ministers
resolution 55 of 2010): я/ю/є/ї opening a word "ya/yu/ye/yi", elsewhere "ia/iu/ie/i", й "y" opening a
word, "i" elsewhere, х "kh", ж "zh", ш "sh", щ "shch", ч "ch", ц "ts", г "h", ґ "g", и "y", і "i", "зг"
"zgh", the soft sign and the apostrophe unwritten ("Запоріжжя" "Zaporizhzhia", "Вінниця" "Vinnytsia").
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from anyascii import anyascii

# The letters of each language's alphabet (lower case), with the apostrophe Ukrainian writes.
ALPHABETS = {
    "uk": frozenset("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'’ʼ"),
    "ru": frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя"),
}
# Spellings of one of the two languages only (letters of its alphabet alone, and the Ukrainian soft sign of
# "-ськ", which Russian writes "-ск"), and their weight in choosing a name.
OWN_SPELLINGS = {"uk": re.compile(r"[іїєґ'’ʼ]|[сцз]ьк"), "ru": re.compile(r"[ыэёъ]")}
OWN_SPELLING_WEIGHT = 0.05
# A name closer than this to the GeoNames name (case-folded letters) is the city's current name.
LEAST_LIKENESS = 0.6

# Ukrainian national romanisation: each letter, and (opening a word, elsewhere) for those that differ.
KMU = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "y",
    "і": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "'": "", "’": "",
    "ʼ": "",
}  # fmt: skip
KMU_OPENING = {"є": ("ye", "ie"), "ї": ("yi", "i"), "й": ("y", "i"), "ю": ("yu", "iu"), "я": ("ya", "ia")}


def native_name(names, language: str, current: str) -> str | None:
    """Of ``names``, the one in ``language``'s alphabet ("uk", "ru") closest to ``current``, the city's GeoNames
    name, romanised as that language's names are; None if none is close enough. A name with letters only that
    language writes ("Київ", "Покровськ"; not "Киев", "Покровск") is taken before an equally close one."""
    romanise = ukrainian_romanisation if language == "uk" else anyascii
    target = _letters(current)
    scored = []
    for name in names:
        letters = set(name.lower()) - set(" -")
        if not letters or not letters <= ALPHABETS[language]:
            continue
        score = SequenceMatcher(None, _letters(romanise(name)), target).ratio()
        score += OWN_SPELLING_WEIGHT * bool(OWN_SPELLINGS[language].search(name.lower()))
        if score > LEAST_LIKENESS:
            scored.append((-score, len(name), name))
    # Of equally close names the shorter: GeoNames also lists the romanised name spelt back into Cyrillic a
    # letter at a time, which writes one letter of the romanisation's pairs as two ("Новокузнетск" for
    # "Новокузнецк", "ts" being ц) or keeps its apostrophe as a soft sign ("Краматорьск").
    return min(scored)[2] if scored else None


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", anyascii(text).lower())


def ukrainian_romanisation(name: str) -> str:
    """``name`` in the Ukrainian national romanisation, each word capitalised as the source is."""
    return re.sub(r"[^\W\d_](?:[^\W\d_]|['’ʼ])*", lambda m: _kmu_word(m.group()), name)


def _kmu_word(word: str) -> str:
    lower = word.lower().replace("зг", "zgh")
    out = []
    for i, char in enumerate(lower):
        if char in KMU_OPENING:
            out.append(KMU_OPENING[char][0 if i == 0 else 1])
        else:
            out.append(KMU.get(char, char))
    spelt = "".join(out)
    return spelt[:1].upper() + spelt[1:] if word[:1].isupper() else spelt

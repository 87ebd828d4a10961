"""English spellings of Arabic names that Polish text writes in its own transcription.

Polish transcribes Arabic names into Polish letters ("Zabihullah Mudżahid", "Abdullah bin Zajed al-Nahjan",
"Muktada as-Sadr", "Dżadrija"); English sources write the same names "Zabihullah Mujahid", "Abdullah bin
Zayed Al Nahyan", "Muqtada al-Sadr", "Jadriya". For a name the knowledge base lacks, ``romanize`` undoes the
Polish letters and writes the English ones.

Polish spellings of the source letters: the Polish practical transcription of Arabic (Komisja Standaryzacji
Nazw Geograficznych poza Granicami RP, "Zasady transkrypcji i transliteracji nazw geograficznych z języka
arabskiego", and the PWN spelling rules that follow it for personal names): ج "dż", ش "sz", خ "ch", ي
consonant "j", و consonant "w", ث "s", ذ "z", ق "k", ع and ء left out; the article "al-" assimilated before
the "sun letters" ("as-Sadr", "asz-Szara", "ad-Din", "an-Nahjan", "ar-Rahman", "at-Tajjib", "az-Zajani").
English spellings: the common press and English Wikipedia practice ("Mujahid", "Sheikh", "Khalid", "Zayed",
"Walid"), which keeps "w", writes ي as "y" and the article as "al-" before every letter ("al-Sadr").
Sounds the Polish spelling merges (ق and ك both "k", ث and س both "s") cannot be told apart and stay.

Which names are Arabic is told by the article, the patronymic and kunya particles and the theophoric
endings (``MARKERS``: "al-Ansari", "bin", "Abu", "Abd", "-ullah"), and by the states the article is about.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

# States whose people's names Polish transcribes from the Arabic script in this way: the Arab League's members,
# and Afghanistan and Pakistan, whose Pashto, Dari and Urdu names come from the same script and take the same
# Polish letters (KSNG's rules for Pashto and Urdu: ج "dż", ش "sz", خ "ch", ی "j") and the same English ones.
STATES = frozenset({
    "DZA", "BHR", "COM", "DJI", "EGY", "IRQ", "JOR", "KWT", "LBN", "LBY", "MRT", "MAR", "OMN", "PSE", "QAT",
    "SAU", "SOM", "SDN", "SYR", "TUN", "ARE", "YEM", "AFG", "PAK",
})
# Words and parts of words an Arabic name has and a Polish or English one does not: the article before a
# word ("al-Ansari", "as-Sadr"), "son of" ("bin", "ibn"), "father of" ("Abu"), "servant of" ("Abd",
# "Abdul-", "Abdel-") and "-ullah"/"-allah" ("Zabihullah", "Nasrallah").
MARKERS = re.compile(
    r"(?:^|[\s-])(?:al|el|as|asz|ad|ar|an|at|az)-\w|(?:^|\s)(?:bin|ibn|abu|abd)\s\w|(?:^|\s)abd(?:ul|el|al)"
    r"|[^\W\d_]{3,}(?:ullah|allah)\b")
# The particles of Arabic names, which Polish never inflects ("Abu Bakra" declines "Bakr", not "Abu"): a
# lemmatiser that reads "Abu" as an oblique form of "Ab" must not have the last word.
PARTICLES = frozenset({"abu", "bin", "ibn", "bint"})
# A name without a marker is taken for a transcription only in an article mostly about the states above
# (this share of its state mentions), and only with letters English spellings lack.
CONTEXT_SHARE = 0.5
# "j" among them: Polish writes ج "dż", so its "j" is ي, which English writes "y" ("Zajed" -> "Zayed"); an
# English "Majed" in a Polish text is taken for Polish too, which the text rarely does.
POLISH_LETTERS = re.compile(r"dż|sz|cz|ch|[żłśźćńój]")
# The letters of those no English spelling has ("j" and "ch" are English too: "Asma Jehangir", "Hichem"):
# what a name read as Arabic on its first name alone must have.
POLISH_ONLY = re.compile(r"dż|sz|cz|[żłśźćńó]")
# Sequences Polish transcription never writes: such a name is in an English spelling already ("Sheikh").
NOT_TRANSCRIBED = re.compile(r"sh|kh|th|dh|q|x|v|ee|oo|ou")

_LETTERS = (("dż", "j"), ("sz", "sh"), ("cz", "ch"), ("ch", "kh"), ("ż", "zh"), ("ł", "l"), ("ś", "s"),
            ("ź", "z"), ("ć", "ch"), ("ń", "n"), ("ó", "u"), ("j", "y"))
_PATTERN = re.compile("|".join(re.escape(polish) for polish, _ in _LETTERS))
_ENGLISH = dict(_LETTERS)
# The assimilated article before its sun letter: "as-Sadr" -> "al-Sadr", "asz-Szara" -> "al-Shara".
_ARTICLE = re.compile(r"\b([aA])(s|sz|d|r|n|t|z)-(?=(\2))", re.IGNORECASE)


def _word(word: str) -> str:
    # One pass, longest sequence first: the "ch" made of "cz" must not become "kh".
    spelt = _PATTERN.sub(lambda m: _ENGLISH[m.group().lower()], word.lower())
    return spelt[:1].upper() + spelt[1:] if word[:1].isupper() else spelt


def spell(name: str) -> str:
    """``name`` in the English spelling ("Zabihullah Mudżahid" -> "Zabihullah Mujahid")."""
    name = _ARTICLE.sub(lambda m: m.group(1) + "l-", name)
    return re.sub(r"[^\W\d_]+", lambda m: _word(m.group()), name)


def is_arabic(name: str, context: Mapping[str, int], known: Callable[[str], bool], state: str | None = None) -> bool:
    """Whether ``name`` is a Polish transcription of an Arabic name: a marker, or with none, no dictionary word,
    a letter English spellings lack and an article (or the person's stated state) about the Arab states."""
    lower = name.lower()
    if NOT_TRANSCRIBED.search(lower) or not (POLISH_LETTERS.search(lower) or _ARTICLE.search(name)):
        return False
    if state is not None:
        return state in STATES and (bool(MARKERS.search(lower)) or not any(known(w) for w in _words(name)))
    if MARKERS.search(lower):
        return True
    ours = sum(n for s, n in context.items() if s in STATES)
    return bool(ours) and ours >= CONTEXT_SHARE * sum(context.values()) and not any(known(w) for w in _words(name))


def _words(name: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", name)


def romanize(name: str, context: Mapping[str, int], known: Callable[[str], bool],
             state: str | None = None) -> str | None:
    """The English spelling of a Polish transcription of an Arabic name, else None; ``state``: the one the
    text says the person serves, which must be an Arab state then."""
    return spell(name) if is_arabic(name, context, known, state) else None

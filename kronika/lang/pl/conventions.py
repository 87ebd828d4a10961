"""English spellings of people's names from the other scripts Polish writes in its own letters.

``translit.py`` undoes the Polish transliteration of Ukrainian, Russian and Belarusian names and ``arabic.py``
the Polish transcription of Arabic ones. Polish writes the names of Georgia, Armenia, Iran, Israel, Bulgaria,
Greece, Korea and the Turkic states of the former Soviet Union in Polish letters too ("Irakli Kobachidze",
"Nikol Paszynian", "Ali Laridżani", "Becalel Smotricz", "Rumen Radew", "Kiriakos Micotakis", "Kim Dzong Un",
"Sadyr Dżaparow"), where English sources write "Kobakhidze", "Pashinyan", "Larijani", "Smotrich", "Radev",
"Mitsotakis", "Kim Jong Un", "Japarov". The letters are the Polish practical transcriptions' (KSNG, "Zasady
transkrypcji i transliteracji nazw geograficznych", and the PWN spelling rules for personal names that follow
them: ш "sz", ч "cz", х/خ/ხ "ch", ж "ż", дж/ج/ჯ "dż", ц "c", в/و "w", й/ي "j"); the English ones are the
conventions English Wikipedia names people by: national romanisations of Georgian (2002), Armenian (BGN/PCGN),
Bulgarian (the Streamlined System, 2009: ъ "a", х "h", щ "sht"), Greek (ELOT 743's "ou", "ts"), Persian and
Hebrew in the English press's usual spelling (ش "sh", خ "kh", ج "j", و "v"; צ "tz", ח "ch"), Korean in the
press's McCune-Reischauer ("Jong", "Yo"), and the Turkic states' names as BGN/PCGN writes them from Russian.

Each convention is a list of (Polish, English) letter sequences applied in one pass, longest first, after a
few rewrites that depend on the place in the word. Sounds a Polish spelling merges stay as they are
("Masud" for "Masoud", "Galant" for "Gallant"): no rule here is written for one name.

Which convention a name takes: the state the text says the person serves ("minister spraw zagranicznych
Gruzji X"), else a surname ending only that language has (Georgian "-szwili", "-dze"; Greek "-opulos",
"-akis"), else (in the language pack) a first name only one convention's people bear in the knowledge base.
A name with none of the letters a Polish spelling has and the English one lacks (``POLISH`` and each
convention's ``evidence``) is in an English or other Latin spelling already and stays ("Kim Jong Un").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kronika.lang.pl import translit

# Letter sequences of the Polish spellings of every convention below, and their usual English counterparts.
_COMMON = (
    ("szcz", "shch"), ("sz", "sh"), ("cz", "ch"), ("ch", "kh"), ("dż", "j"), ("dź", "dz"), ("ż", "zh"),
    ("ź", "z"), ("ś", "s"), ("ć", "ch"), ("ń", "n"), ("ł", "l"), ("w", "v"), ("ó", "u"), ("ą", "on"),
    ("ę", "en"), ("j", "y"), ("c", "ts"),
)


@dataclass(frozen=True)
class Convention:
    states: tuple[str, ...]  # the first is the one a surname ending alone points to
    letters: tuple[tuple[str, str], ...]  # (Polish, English), on top of _COMMON
    rewrites: tuple[tuple[str, str], ...] = ()  # (pattern, replacement) on the lower-case Polish word, first
    marker: str | None = None  # a surname ending only names of this language have
    from_russian: bool = False  # spelt as translit.py spells Russian names first, then only ``letters``
    evidence: str = ""  # letters of the Polish spelling the English one lacks, besides ``POLISH``'s


def _convention(states: str, letters=(), rewrites=(), marker: str | None = None, evidence: str = "") -> Convention:
    table = dict(_COMMON)
    table.update(letters)
    return Convention(tuple(states.split()), tuple(table.items()), tuple(rewrites), marker, evidence=evidence)


# Letters only a Polish spelling has: a name without them, or without its convention's ``evidence``, is
# written as its English (or another Latin) spelling already ("Kim Jong Un", "Cho Hyun", "Nicos").
POLISH = r"sz|cz|dż|[żłśźćńó]"
# "w": English spellings of these scripts write "v" (or "w" in Korean); "j": Greek, Bulgarian and Armenian
# English spellings write "y" (the others write "j" for another sound, so a "j" proves nothing there); a "j"
# closing a syllable is Polish for the English "y" everywhere. Not evidence: a lone "c" and "ch", which Polish
# writes for ц and х but the English spellings have too ("Federica" in news from Iran, the Georgian "Gocha").
_W, _J, _JY = "w", "j", "(?<=[aeiou])j(?![aeiou])"


# After "sz", "cz", "ż" Polish writes "y" for the vowel it writes "i" after other letters ("Paszynian").
_HARD_Y = (r"(?:(?<=sz)|(?<=cz)|(?<=ż))y", "i")

CONVENTIONS = {
    # Georgian national romanisation: ხ "kh", ც "ts", ჩ/ჭ "ch", ვ "v" ("Kobachidze" -> "Kobakhidze").
    "georgian": _convention("GEO", rewrites=(_HARD_Y,), marker=r"szwili$|[aeiou]dze$", evidence=_W),
    # Armenian (BGN/PCGN): յ "y", so "-ian"/"-jan" are "-yan" ("Mirzojan", "Papikian"); ш "sh", խ "kh".
    "armenian": _convention("ARM", rewrites=(_HARD_Y, (r"(?<=[^aeiouy])ian$", "yan")), evidence=f"{_W}|{_J}"),
    # Persian as the English press writes it: و "v", ی "y" but "ei" in a closing diphthong ("Hosejn"), the
    # diphthong "ow" before a consonant "ou" ("Rowhani"), "-ijan" "-ian" ("Abdollahijan").
    "persian": _convention(
        "IRN",
        rewrites=(_HARD_Y, (r"ow(?=[^aeiouy])", "ou"), (r"ij(?=an$)", "i"), (r"(?<=[aeiou])j(?=[^aeiouy]|$)", "i")),
        evidence=f"{_W}|{_JY}",
    ),
    # Hebrew as the English press writes it: צ "tz", ח and כ "ch", ו "v", י "y" ("Becalel Halewi" -> "Betzalel
    # Halevi").
    "hebrew": _convention("ISR", letters=(("c", "tz"), ("ch", "ch")), rewrites=(_HARD_Y,), evidence=f"{_W}|{_J}"),
    # Bulgarian Streamlined System: ъ "a" (Polish "y": "Dimityr"), х "h" (Polish "ch"), щ "sht", дж "dzh",
    # я after a consonant "ya" (Polish "ia": "Ognian"), ия "ia", initial е "e" (Polish "je": "Jekaterina").
    "bulgarian": _convention(
        "BGR",
        letters=(("szcz", "sht"), ("ch", "h"), ("y", "a"), ("dż", "dzh")),
        rewrites=(_HARD_Y, (r"^je", "e"), (r"(?<=[^aeiouy])ia", "ja"), (r"ij(?=[aeou])", "i")),
        evidence=f"{_W}|{_J}",
    ),
    # Greek (ELOT 743 as English Wikipedia spells names): ου "ou" (Polish "u"), τσ "ts" (Polish "c"),
    # ξ "x" (Polish "ks"), χ "ch".
    "greek": _convention(
        "GRC CYP",
        letters=(("u", "ou"), ("ks", "x"), ("ch", "ch")),
        marker=r"opulos$|akis$|[^aeiou]idis$",
        evidence=f"{_W}|{_J}|ks|(?<![aeio])u",  # a lone "c" too is English ("Nicos")
    ),
    # Korean as the press writes North and South Korean names: ㅈ "j" (Polish "dz"), ㅊ "ch", ㅇ/ㅛ "y".
    "korean": _convention("KOR PRK", letters=(("dz", "j"), ("ch", "ch")), evidence=r"dz|[bcdfghklmnprst]j"),
    # The Turkic states and Tajikistan and Mongolia, whose names Polish takes from Russian: BGN/PCGN from
    # Russian as for Russia, with дж "j" ("Dżaparow" -> "Japarov").
    "turkic": Convention(
        ("KAZ", "KGZ", "UZB", "TKM", "TJK", "AZE", "MNG"),
        (("dzh", "j"),),
        from_russian=True,
        evidence=f"{_W}|{_JY}",
    ),
}
CONVENTION_OF = {state: name for name, c in CONVENTIONS.items() for state in c.states}
# Sequences the Polish spellings never write: such a name is in an English or other Latin spelling already.
NOT_TRANSCRIBED = re.compile(r"th|wh|sh|q|x|v|ee|oo|ck|tch|kh|ou|[^\W\d_a-ząćęłńóśźż]")
_WORD = re.compile(r"[^\W\d_]+")
_COMPILED = {
    name: (
        re.compile("|".join(re.escape(p) for p, _ in sorted(c.letters, key=lambda pair: -len(pair[0])))),
        dict(c.letters),
        tuple((re.compile(p), r) for p, r in c.rewrites),
        re.compile(c.marker) if c.marker else None,
        re.compile(f"{POLISH}|{c.evidence}" if c.evidence else POLISH),
    )
    for name, c in CONVENTIONS.items()
}


def spell(name: str, convention: str) -> str:
    """``name`` in the English spelling of ``convention`` ("Irakli Kobachidze", "georgian" -> "Irakli
    Kobakhidze")."""
    letters, table, rewrites, _, _ = _COMPILED[convention]
    from_russian = CONVENTIONS[convention].from_russian

    def one(match: re.Match) -> str:
        word = match.group()
        lower = translit.spell(word.lower(), "RUS") if from_russian else word.lower()
        for pattern, replacement in rewrites:
            lower = pattern.sub(replacement, lower)
        spelt = letters.sub(lambda m: table[m.group()], lower)
        return spelt[:1].upper() + spelt[1:] if word[:1].isupper() else spelt

    return _WORD.sub(one, name)


def marked_state(name: str) -> str | None:
    """The first state of the one convention whose surname ending the name's last word has, if any."""
    words = _WORD.findall(name.lower())
    found = [c for c, (_, _, _, marker, _) in _COMPILED.items() if marker and words and marker.search(words[-1])]
    return CONVENTIONS[found[0]].states[0] if len(found) == 1 else None


def romanize(name: str, known: Callable[[str], bool], state: str | None = None) -> tuple[str, str] | None:
    """(English spelling, state) of a Polish spelling of a name from one of ``CONVENTIONS``, else None.

    ``state``: the one the evidence gives the person (the text's "premier Gruzji X", or a first name only that
    state's people bear), which decides (a state without a convention: none); else a convention's surname
    ending ("-szwili"). The state of the article alone is not enough: news from Tbilisi names Poles and
    diplomats too, and taking it cost check-pl an entity and a claimant (docs/measured/events-and-entities.md,
    "Names outside the knowledge base"). A name of dictionary words only ("Jan Kowalski") stays as written with
    a surname ending alone."""
    lower = name.lower()
    if NOT_TRANSCRIBED.search(lower):
        return None
    stated = state is not None
    if stated and state not in CONVENTION_OF:
        return None
    state = state or marked_state(name)
    if state is None:
        return None
    convention = CONVENTION_OF[state]
    if not _COMPILED[convention][4].search(lower):
        return None
    spelt = spell(name, convention)
    if spelt == name or not stated and all(known(w) for w in _WORD.findall(name)):
        return None
    return spelt, state

"""Polish data the morphology layer needs to treat names: Morfeusz labels, qualifiers, endings.

Sources:
- Labels and qualifiers: the SGJP dictionary shipped with Morfeusz2 (``morfeusz2.Morfeusz().analyse``
  fourth and fifth fields), counted over the word types of NKJP 1M.
- Tagset: the NKJP tagset as used by Morfeusz2 (Przepiórkowski et al., "Narodowy Korpus Języka
  Polskiego", 2012, ch. 5); Morfeusz joins alternative values of one attribute with '.'.
- Apostrophe endings: the spelling rule for foreign names whose final letter is not pronounced
  (Wielki słownik ortograficzny PWN, rule 93), the same endings Polem lists in
  ``dict/inflection_nam_liv_person_last.txt``.
"""

from __future__ import annotations

from types import SimpleNamespace

# Labels that mark a proper-name lexeme (capitalised lemma) in SGJP.
PROPER_LABELS = frozenset(
    {
        "imię",
        "nazwisko",
        "nazwa_geograficzna",
        "człon_nazwy_geograficznej",
        "nazwa_organizacji",
        "nazwa_instytucji",
        "nazwa_firmy",
        "nazwa_własna",
        "nazwa_własna_astronomiczna",
        "nazwa_własna_budowli",
        "nazwa_własna_środka_lokomocji",
        "przydomek",
        "pseudonim",
        "człon_nazwiska",
        "człon_nazwy_organizacji",
        "człon_nazwy_instytucji",
        "człon_nazwy_własnej",
        "nazwisko_(odmężowskie)",
        "nazwa_członka_rodu",
        "marka",
        "tytuł",
        "nazwa_święta",
    }
)

# Labels of person names; a person name after a personal noun in the genitive is an apposition
# ("Pana Tadeusza"), not a genitive complement ("Ministerstwa Obrony").
PERSON_LABELS = frozenset({"imię", "nazwisko", "nazwisko_(odmężowskie)", "przydomek", "pseudonim"})

SURNAME_LABELS = frozenset({"nazwisko", "nazwisko_(odmężowskie)"})

# The label SGJP gives common nouns; nouns without any label are pronouns (kto, co, nikt).
COMMON_NOUN_LABEL = "nazwa_pospolita"

# Qualifiers of rare, dated or colloquial readings: a capitalised word in news text is far more
# likely a name than "kima" (slang) or the archaic adjective "ki".
RARE_QUALIFIERS = frozenset(
    {
        "daw.",
        "przest.",
        "pot.",
        "rzad.",
        "gwar.",
        "wulg.",
        "slang",
        "pogard.",
        "lekcew.",
        "niepopr.",
        "reg.",
        "żart.",
        "iron.",
        "środ.",
        "arch.",
        "poet.",
    }
)

# Ending after an apostrophe -> the NKJP tags that ending marks on a masculine personal name.
APOSTROPHE_ENDINGS = {
    "a": ("subst:sg:gen.acc:m1",),
    "ego": ("adj:sg:gen.acc:m1:pos",),
    "emu": ("adj:sg:dat:m1:pos",),
    "owi": ("subst:sg:dat:m1",),
    "em": ("subst:sg:inst:m1",),
    "m": ("adj:sg:inst.loc:m1:pos",),
    "ym": ("adj:sg:inst.loc:m1:pos",),
    "im": ("adj:sg:inst.loc:m1:pos",),
    "u": ("subst:sg:loc.voc:m1",),
    "ie": ("subst:sg:loc.voc:m1",),
    "owie": ("subst:pl:nom:m1",),
    "ów": ("subst:pl:gen.acc:m1",),
    "om": ("subst:pl:dat:m1",),
    "ami": ("subst:pl:inst:m1",),
    "ach": ("subst:pl:loc:m1",),
    "s": ("subst:sg:nom:m1",),
}

APOSTROPHES = "'’"

# Lower-case particles inside foreign personal names; they never inflect and do not end the name.
NAME_PARTICLES = frozenset(
    {"de", "van", "der", "von", "da", "di", "du", "la", "le", "del", "della", "dos", "das", "den",
     "al", "el", "bin", "ibn", "ben", "y", "zu", "ter", "ten", "af"}
)
# The particles that may join two parts of one person's name the detector cut apart ("Tamim" ibn "Hamad
# Al-Sani"), each with the types the part after it may have been given: the ones above that no Polish word
# spells ("da" will give, "ten" this: "Kaczyński da Morawieckiemu szansę" is two people), nor a one-letter
# word. After "son of" ("ibn", "bin", "bint", "ben") a person's name follows whatever the detector typed it
# ("Hamad Al-Sani" read as a body); after the others only a part typed a person.
_PATRONYMICS = {"bin", "ibn", "bint", "ben"}
JOINING_PARTICLES = {
    particle: frozenset({"PER", "ORG"} if particle in _PATRONYMICS else {"PER"})
    for particle in sorted((NAME_PARTICLES | _PATRONYMICS) - {"da", "ten", "y"})
}

# How Polish writes an Arabic name against the English spelling (``kronika/stages/link_nasab.py`` compares the
# two by their consonants): the words for "son of"; the article in its English and assimilated Polish spellings,
# left out ("Al Thani", "as-Sani", "asz-Szarif"); English letter pairs for one Arabic letter read as the one
# letter Polish writes, applied to accent-folded words ("th" for ث: "Sani"; "dh", "kh", "sh", "gh", "q"; Polish
# "dż" for ج, folded "dz", which English writes "j").
ARABIC_SPELLING = SimpleNamespace(
    son_of=frozenset(_PATRONYMICS),
    articles=frozenset({"al", "el", "as", "asz", "ad", "ar", "an", "at", "az", "ash", "ud", "ul"}),
    digraphs=(("th", "s"), ("dh", "z"), ("kh", "h"), ("sh", "s"), ("gh", "g"), ("q", "k"), ("dz", "j")),
)

# Conjunctions that join two names sharing one case ("Prawa i Sprawiedliwości", "Bośni i Hercegowinie").
COORDINATORS = frozenset({"i", "oraz"})

# Common nouns that take a name in apposition even in the genitive ("rzeki Wisły" -> "rzeka Wisła",
# "miasta Krakowa"): generic terms for places and territorial units, after the Polish guidelines for
# geographic names (Komisja Standaryzacji Nazw Geograficznych, "generic term + specific name").
APPOSITION_HEADS = frozenset(
    {
        "rzeka", "jezioro", "morze", "ocean", "zatoka", "wyspa", "półwysep", "archipelag", "cieśnina",
        "góra", "szczyt", "pasmo", "dolina", "przełęcz", "kanał", "potok", "pustynia",
        "miasto", "miasteczko", "wieś", "osada", "gmina", "powiat", "województwo", "prowincja",
        "region", "dzielnica", "osiedle", "stan", "kraj", "państwo", "republika", "księstwo",
    }
)

# Endings a masculine surname takes in the oblique cases after a consonant ("Bazoum": "Bazouma",
# "Bazoumowi", "Bazoumem"), longest first: what is left is the nominative when no dictionary or guess has
# a reading in the case of the first name before it.
SURNAME_CASE_ENDINGS = {
    "gen": ("a",),
    "acc": ("a",),
    "dat": ("owi",),
    "inst": ("em",),
}

# Final letters of a man's surname that never declines: "Lecornu", "Imamoglu" (PWN, "Zasady pisowni", on
# foreign names: those in -u stay as written). Every other man's surname takes an ending in the oblique
# cases: after a consonant ("Bazouma"), adjectivally after -i, -y and a spoken -e ("Verdiego",
# "Kobachidzego"), with an apostrophe after a silent one ("Joyce'a"), and as a noun after -o ("Picassa").
INDECLINABLE_SURNAME_FINALS = frozenset("uü")
# Final letters only an oblique form has ("Szczerbę", "Gochę", "Kowalską"), never a name's base form.
OBLIQUE_FINALS = frozenset("ąę")

# Oblique endings of a man's name in -o and its base-form ending: a Slavic one declines like a feminine noun in
# -a ("Kościuszko": "Kościuszki", "Kościuszce", "Kościuszkę", "Kościuszką"; so "Poroszenki", "Kliczce"), a
# Romance or Ukrainian first name like a masculine noun ("Castro": "Castra", "Castrowi", "Castrem"; "Petra"
# for "Petro"), after the PWN spelling rules for the declension of names. Longest first.
O_NAME_ENDINGS = (("owi", "o"), ("em", "o"), ("ki", "ko"), ("gi", "go"), ("ce", "ko"), ("y", "o"),
                  ("ę", "o"), ("ą", "o"), ("a", "o"))

OBLIQUE_CASES = frozenset({"gen", "dat", "acc", "inst", "loc"})
# Regular endings of a man's first name in the oblique cases ("Johanna", "Johannowi", "Johannem").
FIRST_NAME_ENDINGS = (("owi", frozenset({"dat"})), ("em", frozenset({"inst"})), ("a", frozenset({"gen", "acc"})))

# Endings of a woman's adjectival surname in the nominative ("Kowalska", "Nowicka", "Zawadzka"): the "-a" is no
# masculine genitive there, which would be "-skiego" ("Anna Kowalska" is not the genitive of "Ann Kowalsk").
FEMININE_SURNAME_ENDINGS = ("ska", "cka", "dzka")


# Endings a man's surname in -i takes in the oblique cases, declined as an adjective ("Verdi": "Verdiego",
# "Verdiemu", "Verdim"; "Sulejmaniego", "Kowalskiego"; PWN, "Zasady pisowni", on the declension of names):
# what drops off leaves the nominative in -i.
ADJECTIVAL_SURNAME_ENDINGS = {
    "gen": ("ego",),
    "acc": ("ego",),
    "dat": ("emu",),
    "inst": ("m",),
    "loc": ("m",),
}


def strip_case_ending(surname: str, cases) -> str | None:
    """The nominative of a masculine surname in one of ``cases``, by its regular ending, or None."""
    if surname.casefold().endswith(FEMININE_SURNAME_ENDINGS):
        return None
    for case in sorted(cases):
        for ending in ADJECTIVAL_SURNAME_ENDINGS.get(case, ()):
            stem = surname[: -len(ending)]
            if surname.endswith("i" + ending) and len(stem) >= 3:
                return stem
    for case in sorted(cases):
        for ending in SURNAME_CASE_ENDINGS.get(case, ()):
            stem = surname[: -len(ending)]
            # Keep a stem that still ends in a consonant and is long enough to be a name.
            if surname.endswith(ending) and len(stem) >= 3 and stem[-1].lower() not in "aeiouyąęó":
                return stem
    return None


def o_name_base(word: str) -> str | None:
    """The base form of a man's name in -o that ``word`` may be an oblique form of ("Poroszenki" ->
    "Poroszenko", "Petra" -> "Petro"), by the first ending that fits, or None."""
    for ending, base in O_NAME_ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 2:
            return stem + base
    return None


# Morfeusz's classes for a word its dictionary lacks: "ign", and "frag" for a part it knows only inside a
# longer name ("Burkina").
UNKNOWN_CLASSES = frozenset({"ign", "frag"})
# The dative and locative of a feminine noun in -a by the last consonant of its stem, with the Polish
# alternations ("Goma" -> "Gomie", "Lanka" -> "Lance", "Tara" -> "Tarze"); longest stem ending first.
FEMININE_LOCATIVE = (("ch", "sze"), ("st", "ście"), ("k", "ce"), ("g", "dze"), ("r", "rze"), ("t", "cie"),
                     ("d", "dzie"), ("ł", "le"))
# Stem endings after which the genitive of such a noun is "-i", not "-y" ("Lanki", "Dżenina" -> "Dżeniny").
SOFT_GENITIVE = ("k", "g", "j", "l", "ci", "ni", "si", "zi")


def feminine_forms(word: str) -> tuple[str, ...]:
    """The oblique forms a foreign feminine name in -a takes by the regular declension ("Burkina": "Burkiny",
    "Burkinie", "Burkinę", "Burkiną"), for the word the dictionary lacks; none for another word."""
    if len(word) < 4 or not word.endswith("a") or word[-2:-1].lower() in "aeiouyąęó":
        return ()
    stem = word[:-1]
    locative = next((stem[: -len(end)] + form for end, form in FEMININE_LOCATIVE if stem.endswith(end)), stem + "ie")
    genitive = stem + ("i" if stem.endswith(SOFT_GENITIVE) else "y")
    return genitive, locative, stem + "ę", stem + "ą"


# The locative of a masculine noun ending in a consonant, by that consonant, with the Polish alternations
# ("Chartum" -> "Chartumie", "Dakar" -> "Dakarze", "Rabat" -> "Rabacie"); the other consonants take "-u",
# as the genitive may ("Kidal" -> "Kidalu", "Irak" -> "Iraku"), which is among the forms anyway.
MASCULINE_LOCATIVE = (("st", "ście"), ("t", "cie"), ("d", "dzie"), ("r", "rze"), ("ł", "le"), ("n", "nie"),
                      ("m", "mie"), ("p", "pie"), ("b", "bie"), ("f", "fie"), ("w", "wie"), ("s", "sie"),
                      ("z", "zie"))


def masculine_forms(word: str) -> tuple[str, ...]:
    """The oblique forms a foreign masculine name ending in a consonant takes by the regular declension
    ("Kidal": "Kidalu", "Kidalowi", "Kidalem"; "Chartum": "Chartumu", "Chartumie", "Chartuma"), for the word
    the dictionary lacks; none for another word."""
    if len(word) < 4 or not word[-1:].isalpha() or word[-1:].lower() in "aeiouyąęó":
        return ()
    locative = next((word[: -len(end)] + form for end, form in MASCULINE_LOCATIVE if word.endswith(end)), None)
    instrumental = word + ("iem" if word.endswith(("k", "g")) else "em")  # "Toreckiem", "Hamburgiem"
    return tuple(f for f in (word + "a", word + "u", word + "owi", instrumental, locative) if f)


# The endings of a Polish adjective after its stem, by the letter its base form ends in: "-i" after "k" or "g"
# ("briański": "briańskiego", "briańskim", "briańska", "briańskiej"), "-y" after a hard consonant ("czarny":
# "czarnego"). The masculine personal plural ("-scy") is left out: no region is named by it.
ADJECTIVE_ENDINGS = {
    "i": ("iego", "iemu", "im", "a", "iej", "ą", "ie", "ich", "imi"),
    "y": ("ego", "emu", "ym", "a", "ej", "ą", "e", "ych", "ymi"),
}


def adjective_forms(word: str) -> tuple[str, ...]:
    """The case forms of a lower-case adjective the dictionary lacks by the regular declension ("obwód
    briański" is "w obwodzie briańskim", "biełgorodzki" "biełgorodzkiego"); none for another word."""
    if len(word) < 5 or not word.islower():
        return ()
    if word.endswith(("ki", "gi")):
        endings = ADJECTIVE_ENDINGS["i"]
    elif word.endswith("y") and word[-2:-1] not in "aeiouyąęó":
        endings = ADJECTIVE_ENDINGS["y"]
    else:
        return ()
    stem = word[:-1]
    return tuple(stem + ending for ending in endings)


# Consonants an "i" softens before a vowel ("Kasia", "Zosia", "Ania", "Gabrysia", "Dzidzia"): a feminine noun in
# -ia after one of them loses its "a" in the genitive, dative and locative ("Kasi"); after any other letter,
# or a doubled one (a foreign spelling), the "i" is a vowel of its own and the ending is "-ii" ("Maria",
# "Marii"; "Olimpia", "Olimpii"; PWN, "Zasady pisowni", on nouns in -ia).
SOFT_BEFORE_I = ("dz", "s", "z", "c", "n")


def may_be_ia_oblique(form: str, lemma: str) -> bool:
    """Whether ``form`` may be an oblique case of the feminine ``lemma`` in -ia; True for any other pair.
    "Kasi" may be "Kasia"'s, "Cipi" cannot be "Cipia"'s (that is "Cipii"), nor "Krissi" "Krissia"'s."""
    if not lemma.endswith("ia") or form != lemma[:-1]:
        return True
    stem = lemma[:-2]
    return stem.endswith(SOFT_BEFORE_I) and stem[-1:] != stem[-2:-1]

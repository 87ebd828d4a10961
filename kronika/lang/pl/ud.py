"""Morfeusz2/NKJP tags as Universal Dependencies: the word class (UPOS) and the features of each tag.

Sources: the UD guidelines for Polish (https://universaldependencies.org/pl/, "Morphology": which NKJP classes
become which UPOS and ``VerbForm``, ``Person=0`` for the impersonal ``-no/-to`` forms, ``Polite=Depr`` for the
depreciative nouns, ``Hyph=Yes`` for the ``biało-`` forms, ``PrepCase``, ``Variant``, ``Agglutination``), the NKJP
tagset (Przepiórkowski et al. 2012, "Narodowy Korpus Języka Polskiego", pp. 60-80) and the SGJP tagset of
Morfeusz2 (its extra classes ``part``, ``cond``, ``frag``, ``prefa``, ``prefs``, ``naj``, ``nie``, ``numcomp``,
``pacta``, ``sym``, ``sp``), hand-written from them.

Where UD merges classes this project tells apart, a feature keeps them apart: ``NumForm`` for digits and Roman
numerals, ``VerbType=Mod`` for ``winien`` (``VerbType=Quasi`` is the guidelines' own for ``pred``),
``Clitic=Yes`` for the mobile inflection ``aglt``, and the language-specific ``Fragment=Yes`` for SGJP's parts of
multi-word names (``frag``: "Burkina Faso") and the NKJP's bound words (``burk``). Values with no UD feature
(accommodability ``congr``/``rec``, ``ncol``) are left out. A tag with alternatives ("subst:sg:nom.acc:m3") gives
every alternative its pair ("Case=Nom", "Case=Acc").
"""

from __future__ import annotations

from functools import lru_cache

from kronika.caches import WORD_TYPES
from kronika.lang.base import UNTAGGED, Morph

# Each class: its UPOS and the features every tag of the class has.
CLASSES: dict[str, tuple[str, tuple[str, ...]]] = {
    "subst": ("NOUN", ()),
    "depr": ("NOUN", ("Polite=Depr",)),
    "ger": ("NOUN", ("VerbForm=Vnoun",)),
    "brev": ("X", ("Abbr=Yes",)),
    "ign": ("X", ()),
    "xxx": ("X", ("Foreign=Yes",)),
    "frag": ("X", ("Fragment=Yes",)),
    "burk": ("X", ("Fragment=Yes",)),
    "prefa": ("X", ("Hyph=Yes",)),
    "prefs": ("X", ("Hyph=Yes",)),
    "naj": ("X", ("Hyph=Yes", "Degree=Sup")),
    "adj": ("ADJ", ()),
    "adja": ("ADJ", ("Hyph=Yes",)),
    "adjp": ("ADJ", ("PrepCase=Pre",)),
    "adjc": ("ADJ", ("Variant=Short",)),
    "ppas": ("ADJ", ("VerbForm=Part", "Voice=Pass")),
    "pact": ("ADJ", ("VerbForm=Part", "Voice=Act", "Tense=Pres")),
    "pacta": ("ADJ", ("VerbForm=Part", "Voice=Act", "Tense=Pres", "Hyph=Yes")),
    "fin": ("VERB", ("VerbForm=Fin", "Mood=Ind", "Tense=Pres")),
    "bedzie": ("AUX", ("VerbForm=Fin", "Mood=Ind", "Tense=Fut")),
    "praet": ("VERB", ("VerbForm=Fin", "Mood=Ind", "Tense=Past")),
    "imps": ("VERB", ("VerbForm=Fin", "Mood=Ind", "Tense=Past", "Person=0")),
    "impt": ("VERB", ("VerbForm=Fin", "Mood=Imp")),
    "cond": ("VERB", ("VerbForm=Fin", "Mood=Cnd")),
    "inf": ("VERB", ("VerbForm=Inf",)),
    "pcon": ("VERB", ("VerbForm=Conv", "Tense=Pres")),
    "pant": ("VERB", ("VerbForm=Conv", "Tense=Past")),
    "winien": ("VERB", ("VerbType=Mod",)),
    "pred": ("VERB", ("VerbType=Quasi",)),
    "aglt": ("AUX", ("Clitic=Yes",)),
    "num": ("NUM", ("NumForm=Word",)),
    "numcol": ("NUM", ("NumForm=Word", "NumType=Sets")),
    "numcomp": ("NUM", ("NumForm=Word", "Hyph=Yes")),
    "dig": ("NUM", ("NumForm=Digit",)),
    "romandig": ("NUM", ("NumForm=Roman",)),
    "ppron12": ("PRON", ("PronType=Prs",)),
    "ppron3": ("PRON", ("PronType=Prs",)),
    "siebie": ("PRON", ("PronType=Prs", "Reflex=Yes")),
    "adv": ("ADV", ()),
    "prep": ("ADP", ("AdpType=Prep",)),
    "conj": ("CCONJ", ()),
    "comp": ("SCONJ", ()),
    "qub": ("PART", ()),
    "part": ("PART", ()),
    "nie": ("PART", ("Polarity=Neg", "Hyph=Yes")),
    "interj": ("INTJ", ()),
    "interp": ("PUNCT", ()),
    "sp": ("PUNCT", ("PunctType=Space",)),
    "sym": ("SYM", ()),
}

# Each attribute value: its UD features (the same value never means two things in the tagset).
VALUES: dict[str, tuple[str, ...]] = {
    "sg": ("Number=Sing",),
    "pl": ("Number=Plur",),
    "nom": ("Case=Nom",),
    "gen": ("Case=Gen",),
    "dat": ("Case=Dat",),
    "acc": ("Case=Acc",),
    "inst": ("Case=Ins",),
    "loc": ("Case=Loc",),
    "voc": ("Case=Voc",),
    "m1": ("Gender=Masc", "Animacy=Hum"),
    "m2": ("Gender=Masc", "Animacy=Nhum"),
    "m3": ("Gender=Masc", "Animacy=Inan"),
    "f": ("Gender=Fem",),
    "n": ("Gender=Neut",),
    "pri": ("Person=1",),
    "sec": ("Person=2",),
    "ter": ("Person=3",),
    "pos": ("Degree=Pos",),
    "com": ("Degree=Cmp",),
    "sup": ("Degree=Sup",),
    "imperf": ("Aspect=Imp",),
    "perf": ("Aspect=Perf",),
    "aff": ("Polarity=Pos",),
    "neg": ("Polarity=Neg",),
    "akc": ("Variant=Long",),
    "nakc": ("Variant=Short",),
    "praep": ("PrepCase=Pre",),
    "npraep": ("PrepCase=Npr",),
    "agl": ("Agglutination=Agl",),
    "nagl": ("Agglutination=Nagl",),
    "wok": ("Variant=Long",),
    "nwok": ("Variant=Short",),
    "pun": ("Abbr=Yes", "Pun=Yes"),
    "npun": ("Abbr=Yes", "Pun=No"),
    "col": ("NumType=Sets",),
    "pt": ("Number=Ptan",),
}


# A UD pair back to the one tag value that gives it alone ("Case=Ins" -> "inst").
OWN_VALUES = {pairs[0]: value for value, pairs in VALUES.items() if len(pairs) == 1}
# Each NKJP case value's UD case ("inst" -> "Ins").
UD_CASE = {value: pairs[0][len("Case=") :] for value, pairs in VALUES.items() if pairs[0].startswith("Case=")}


def ud_cases(values) -> frozenset[str]:
    """The UD cases of a set of NKJP case values ({"gen", "inst"} -> {"Gen", "Ins"})."""
    return frozenset(UD_CASE[v] for v in values)


def own_cases(cases) -> frozenset[str]:
    """The NKJP values of a set of UD cases ({"Gen", "Ins"} -> {"gen", "inst"})."""
    return frozenset(OWN_VALUES[f"Case={case}"] for case in cases)


@lru_cache(maxsize=WORD_TYPES)
def to_ud(tag: str | None) -> Morph:
    """The UD reading of one tag, built once per tag string. A class the tables lack has no UPOS (as an
    untagged token), so no stage takes it for any word class."""
    if not tag:
        return UNTAGGED
    word_class, *fields = tag.split(":")
    upos, feats = CLASSES.get(word_class, ("", ()))
    pairs = set(feats)
    for field in fields:
        for value in field.split("."):
            pairs.update(VALUES.get(value, ()))
    return Morph(upos, frozenset(pairs), word_class)

"""The English tagset (the Penn Treebank's tags, which ``kronika/lang/en/morphology.py`` gives) read as Universal
Dependencies.

Source: the conversion the UD English Web Treebank documents for each PTB tag (universaldependencies.org,
"English: tags and features": NN -> NOUN Number=Sing, VBD -> VERB Mood=Ind|Tense=Past|VerbForm=Fin, MD -> AUX
VerbForm=Fin, ...), and Santorini, "Part-of-Speech Tagging Guidelines for the Penn Treebank Project" (1990) for
the tags themselves. English nouns carry no case: a name's ``Morph.cases`` is empty, which the stages read as
"any case", and word order decides the roles.
"""

from __future__ import annotations

from functools import lru_cache

from kronika.caches import WORD_TYPES
from kronika.lang.base import UNTAGGED, Morph

PTB = {
    "NN": ("NOUN", ("Number=Sing",)),
    "NNS": ("NOUN", ("Number=Plur",)),
    "NNP": ("PROPN", ("Number=Sing",)),
    "NNPS": ("PROPN", ("Number=Plur",)),
    "VB": ("VERB", ("VerbForm=Inf",)),
    "VBD": ("VERB", ("Mood=Ind", "Tense=Past", "VerbForm=Fin")),
    "VBG": ("VERB", ("VerbForm=Ger",)),
    "VBN": ("VERB", ("Tense=Past", "VerbForm=Part", "Voice=Pass")),
    "VBP": ("VERB", ("Mood=Ind", "Tense=Pres", "VerbForm=Fin")),
    "VBZ": ("VERB", ("Mood=Ind", "Number=Sing", "Person=3", "Tense=Pres", "VerbForm=Fin")),
    "MD": ("AUX", ("VerbForm=Fin",)),
    "JJ": ("ADJ", ("Degree=Pos",)),
    "JJR": ("ADJ", ("Degree=Cmp",)),
    "JJS": ("ADJ", ("Degree=Sup",)),
    "RB": ("ADV", ()),
    "RBR": ("ADV", ("Degree=Cmp",)),
    "RBS": ("ADV", ("Degree=Sup",)),
    "IN": ("ADP", ()),
    "RP": ("ADP", ()),
    "TO": ("PART", ()),
    "DT": ("DET", ()),
    "PDT": ("DET", ()),
    "WDT": ("PRON", ("PronType=Rel",)),
    "WP": ("PRON", ("PronType=Rel",)),
    "WRB": ("ADV", ("PronType=Int",)),
    "PRP": ("PRON", ("PronType=Prs",)),
    "PRP$": ("PRON", ("Poss=Yes", "PronType=Prs")),
    "EX": ("PRON", ()),
    "CC": ("CCONJ", ()),
    "CD": ("NUM", ("NumForm=Word", "NumType=Card")),
    "CD_DIGIT": ("NUM", ("NumForm=Digit", "NumType=Card")),
    "POS": ("PART", ()),
    "UH": ("INTJ", ()),
    "FW": ("X", ("Foreign=Yes",)),
    "SYM": ("SYM", ()),
    "PUNCT": ("PUNCT", ()),
}

# Auxiliaries: "be", "have" and "do" forms are tagged as verbs in the PTB, but UD calls them AUX; the tagger
# writes them with an "AUX_" prefix ("AUX_VBD" for "was") so that the reading stays one string.
AUX_PREFIX = "AUX_"


@lru_cache(maxsize=WORD_TYPES)
def to_ud(tag: str | None) -> Morph:
    """The UD reading of a tag; a tag this tagset does not have gets no UPOS (another pack may know it)."""
    if not tag:
        return UNTAGGED
    own = tag.removeprefix(AUX_PREFIX)
    if own not in PTB:
        return Morph("", frozenset(), tag)
    upos, feats = PTB[own]
    return Morph("AUX" if tag.startswith(AUX_PREFIX) else upos, frozenset(feats), tag)

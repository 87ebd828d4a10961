"""A small rule-based English tagger and lemmatiser: Penn Treebank tags, lemmas by the regular inflections.

No model and no download: closed-class words and irregular forms come from ``kronika/lang/en/lexicon.py``,
open-class words are read by their ending (Quirk et al. 1985's regular inflections: "-s", "-ed", "-ing") and
their left neighbour ("to attack" is a verb, "the attack" a noun, "Russia attacks" a verb). It codes little
and says so: where an ending leaves the lemma open ("voted": "vot" or "vote"), ``analyse`` gives both
readings and ``annotate`` picks the one the pack knows as a verb (its triggers and verbs of saying).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from kronika.caches import WORD_TYPES
from kronika.lang.en.ud import AUX_PREFIX
from kronika.lang.en.lexicon import (
    ADJECTIVE_SUFFIXES,
    AUXILIARIES,
    CLOSED,
    IRREGULAR_PLURALS,
    IRREGULAR_VERBS,
    NOT_INFLECTED,
)

WORD = re.compile(r"[^\W\d_]", re.UNICODE)
NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
POSSESSIVE = re.compile(r"['’]s?$")
NEGATED = re.compile(r"n['’]t$", re.IGNORECASE)
VOWELS = frozenset("aeiou")
# Short stems in consonant-vowel-consonant take back their "e" ("voted" -> "vote"); longer ones only with
# these endings ("debated", "organized", "produced").
E_ENDINGS = ("at", "iz", "is", "ur", "id", "os", "av", "iv", "uc", "ad", "ut", "ag", "og")
# Left neighbours after which an open-class word is a verb, and a "-s" form the third person.
VERB_AFTER = frozenset({"TO", "MD"})
SUBJECT_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP", "WDT", "WP"})
NOUN_AFTER = frozenset({"DT", "PRP$", "JJ", "JJR", "JJS", "CD", "CD_DIGIT", "POS", "IN"})
BE_OR_HAVE = frozenset({"be", "have"})
# "did not stay", "does stay": the bare verb after "do" and a negation.
VERB_AFTER_LEMMAS = frozenset({"do", "not"})


@dataclass(frozen=True, slots=True)
class Analysis:
    """One reading of a word: what the stages read of Morfeusz's readings in the Polish pack."""

    lemma: str
    tag: str
    labels: tuple[str, ...] = ()
    source: str = "rules"
    score: float = 1.0

    @property
    def person(self) -> bool:
        return False

    @property
    def proper(self) -> bool:
        return self.tag.startswith("NNP")

    @property
    def genders(self) -> frozenset[str]:
        return frozenset()


def _irregular() -> dict[str, list[tuple[str, str]]]:
    forms: dict[str, list[tuple[str, str]]] = {}
    for base, past, participle in IRREGULAR_VERBS:
        forms.setdefault(past, []).append((base, "VBD"))
        if participle != past or past == base:
            forms.setdefault(participle, []).append((base, "VBN"))
    return forms


IRREGULAR_FORMS = _irregular()
IRREGULAR_BASES = frozenset(base for base, _, _ in IRREGULAR_VERBS)


def strip_plural(word: str) -> str:
    """ "crises" -> "crisis", "talks" -> "talk", "sanctions" -> "sanction", "countries" -> "country"."""
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes", "oes")):
        return word[:-2]
    return word[:-1]


def _one_syllable(stem: str) -> bool:
    """A stem of one syllable ending in a single vowel and consonant ("vot", "us", "clos", "trad"), which lost an
    "e"; "open", "edit" and "visit" have two syllables and lost none."""
    if len(stem) < 2 or len(stem) > 4 or stem[-1] in VOWELS | {"w", "x", "y"} or stem[-2] not in VOWELS:
        return False
    onset = stem[:-2]
    return all(c not in VOWELS for c in onset)


def stems(word: str, ending: str) -> list[str]:
    """The lemmas a regular "-ed" or "-ing" form may have, the likelier first ("stopped" -> "stop")."""
    stem = word[: -len(ending)]
    if ending == "ed" and stem.endswith("i") and len(stem) > 2:
        return [stem[:-1] + "y"]
    if ending == "ed" and stem.endswith("e"):  # "agreed", "freed"
        return [stem + "e"]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz" + "aeiou":
        return [stem[:-1], stem]
    short = _one_syllable(stem)
    if short or stem.endswith(E_ENDINGS) or stem.endswith(("v", "c")):
        return [stem + "e", stem]
    return [stem, stem + "e"]


class Morphology:
    """The analyser and tagger of the English pack; ``known_verbs`` decide between lemmas an ending leaves open."""

    def __init__(self, known_verbs: frozenset[str]):
        self.known_verbs = known_verbs | IRREGULAR_BASES
        self.analyse = lru_cache(maxsize=WORD_TYPES)(self._analyse)

    def _analyse(self, word: str) -> tuple[Analysis, ...]:
        """Every reading of one token, the likeliest first."""
        lower = word.casefold()
        if NUMBER.fullmatch(word):
            return (Analysis(word, "CD_DIGIT"),)
        if not WORD.search(word):
            return (Analysis(word, "PUNCT"),)
        if NEGATED.search(lower):
            return (Analysis("not", "RB"),)
        if POSSESSIVE.search(word) and len(word) > 2:
            return tuple(Analysis(r.lemma, r.tag, source="possessive") for r in self._analyse(POSSESSIVE.sub("", word)))
        readings = []
        if lower in AUXILIARIES:
            readings.append(Analysis(*AUXILIARIES[lower]))
        if lower in CLOSED:
            readings.append(Analysis(lower, CLOSED[lower]))
        if word[:1].isupper():
            readings.append(Analysis(word, "NNP", labels=("name",)))
        readings += [Analysis(base, tag) for base, tag in IRREGULAR_FORMS.get(lower, ())]
        readings += self._open_class(lower)
        return tuple(dict.fromkeys(readings))

    def _open_class(self, lower: str) -> list[Analysis]:
        if lower in IRREGULAR_PLURALS:
            return [Analysis(IRREGULAR_PLURALS[lower], "NNS")]
        if lower in IRREGULAR_BASES:  # "bring", "sing": no "-ing" form
            return [Analysis(lower, "VB"), Analysis(lower, "VBP"), Analysis(lower, "NN")]
        if lower in NOT_INFLECTED or lower in CLOSED or lower in AUXILIARIES:
            return [Analysis(lower, "NN")] if lower in NOT_INFLECTED else []
        for ending, tags in (("ed", ("VBD", "VBN")), ("ing", ("VBG",))):
            if lower.endswith(ending) and len(lower) > len(ending) + 1:
                lemmas = sorted(stems(lower, ending), key=lambda lemma: lemma not in self.known_verbs)
                return [Analysis(lemma, tag) for tag in tags for lemma in lemmas] + [Analysis(lower, "JJ")]
        if lower.endswith("ly") and len(lower) > 4:
            return [Analysis(lower, "RB")]
        if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 3:
            base = strip_plural(lower)
            return [Analysis(base, "NNS"), Analysis(base, "VBZ")]
        if lower.endswith(ADJECTIVE_SUFFIXES) and len(lower) > 5:
            return [Analysis(lower, "JJ"), Analysis(lower, "NN")]
        return [Analysis(lower, "NN"), Analysis(lower, "VB"), Analysis(lower, "VBP")]

    def candidates(self, word: str, name_like: bool = False) -> tuple[Analysis, ...]:
        return self.analyse(word)

    def generate(self, lemma: str) -> list[tuple[str, str]]:
        """Inflected forms of a lemma: the linker asks for plural nominatives, which English tags do not mark."""
        return []

    def annotate(
        self,
        texts: Sequence[str],
        document_forms: frozenset[str] = frozenset(),
        name_forms: frozenset[str] = frozenset(),
    ) -> list[tuple[str, str]]:
        """(lemma, tag) for each token of one sentence, chosen by the left neighbour's tag."""
        out: list[tuple[str, str]] = []
        for i, text in enumerate(texts):
            previous = out[-1] if out else None
            out.append(
                self._choose(text, self.analyse(text), previous, i == 0 or texts[i - 1] in "\"“‘'(", document_forms)
            )
        return out

    def _choose(
        self,
        text: str,
        readings: tuple[Analysis, ...],
        previous: tuple[str, str] | None,
        initial: bool,
        document_forms: frozenset[str],
    ) -> tuple[str, str]:
        prev_lemma, prev_tag = previous or ("", "")
        prev_tag = prev_tag.removeprefix(AUX_PREFIX)
        if initial or not text[:1].isupper():
            closed = [r for r in readings if r.tag.startswith(AUX_PREFIX) or r.lemma in CLOSED or r.lemma == "not"]
            if closed:
                return closed[0].lemma, closed[0].tag
        names = [r for r in readings if r.tag == "NNP"]
        # A capital opening a sentence is a name unless the article also writes the word in lower case.
        if names and (not initial or text.lower() not in document_forms):
            return names[0].lemma, "NNP"
        return self._open_choice([r for r in readings if r.tag != "NNP"] or list(readings), prev_tag, prev_lemma)

    def _open_choice(self, options: list[Analysis], prev_tag: str, prev_lemma: str) -> tuple[str, str]:
        tags = {r.tag: r for r in reversed(options)}
        if len(tags) == 1:
            only = options[0]
            return only.lemma, only.tag
        if "VBN" in tags and prev_lemma in BE_OR_HAVE:
            return tags["VBN"].lemma, "VBN"
        if (prev_tag in VERB_AFTER or prev_lemma in VERB_AFTER_LEMMAS) and "VB" in tags:
            return tags["VB"].lemma, "VB"
        if prev_tag in NOUN_AFTER:
            for tag in ("NNS", "NN", "JJ"):
                if tag in tags:
                    return tags[tag].lemma, tag
        if prev_tag in SUBJECT_TAGS:
            for tag in ("VBZ", "VBD", "VBP"):
                if tag in tags and (tag != "VBP" or tags[tag].lemma in self.known_verbs):
                    return tags[tag].lemma, tag
        first = options[0]
        return first.lemma, first.tag

    def lemmatize_phrase(
        self, text: str, document_forms: frozenset[str] = frozenset(), *, singular_common: bool = False
    ) -> str:
        """The base form of a name or noun phrase: English names do not inflect, so the phrase as written,
        without a possessive "'s"; with ``singular_common`` a lower-case plural head in the singular."""
        base = (
            POSSESSIVE.sub("", text.strip())
            if POSSESSIVE.search(text.strip()) and len(text.strip()) > 2
            else text.strip()
        )
        if singular_common:
            words = base.split()
            if words and words[-1].islower() and words[-1].endswith("s") and words[-1] not in NOT_INFLECTED:
                words[-1] = strip_plural(words[-1])
                base = " ".join(words)
        return base

"""Polish morphology: Morfeusz2 analyses, a choice among them in context, a guesser for unknown
names, and a lemmatizer for multi-word names ("Korei Północnej" -> "Korea Północna").

``load_morphology()`` builds one ``Morphology`` per process (Morfeusz and the guesser rules load
once); stages fetch it inside ``__call__`` so the stage objects themselves stay picklable.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import attrgetter

from kronika.caches import MORPHOLOGY_WORDS, SCRATCH, WORD_TYPES
from kronika.lang.pl.guesser import SuffixGuesser, load_guesser
from kronika.lang.pl.names import (
    APOSTROPHE_ENDINGS,
    APPOSITION_HEADS,
    COORDINATORS,
    APOSTROPHES,
    COMMON_NOUN_LABEL,
    NAME_PARTICLES,
    PERSON_LABELS,
    PROPER_LABELS,
    RARE_QUALIFIERS,
    SURNAME_LABELS,
)

# NKJP tagset (Przepiórkowski et al. 2012, ch. 5) as Morfeusz2 writes it.
CASES = ("nom", "gen", "dat", "acc", "inst", "loc", "voc")
NUMBERS = ("sg", "pl")
GENDERS = frozenset({"m1", "m2", "m3", "f", "n"})
DEGREES = frozenset({"pos", "com", "sup"})
NEGATION = frozenset({"aff", "neg"})
ASPECTS = frozenset({"perf", "imperf"})
NOUN_CLASSES = frozenset({"subst", "depr", "ger"})
ADJ_CLASSES = frozenset({"adj", "ppas", "pact"})
# Classes that never inflect inside a name: roman and arabic numerals, abbreviations.
FIXED_CLASSES = frozenset({"romandig", "dig", "brev"})

# Which readings of an ambiguous phrase to try first: singular before plural (a feminine genitive
# singular looks like a nominative plural); the genitive, the commonest case of nouns in Polish text,
# before the nominative (NKJP frequency lists). The vocative is left out: in news text it is rarer
# than the homographs it would create ("Muzo", "Sundance").
READING_ORDER = tuple((case, number) for number in NUMBERS for case in ("gen", "nom", "loc", "inst", "dat", "acc"))

# Reading scores. They add up over the words of a phrase, so only differences between readings of
# the same word matter; the values were set on the PolEval 2019 error list, one rule at a time.
SCORE_KNOWN = 1.0  # a Morfeusz reading
SCORE_WEAK = 0.3  # a rare or pronoun reading of a capitalised word that the guesser may beat
SCORE_GUESS = 0.8  # times the guesser's probability
SCORE_INDECLINABLE = 0.2  # the word as its own lemma in any case
BONUS_PROPER = 0.5  # a name reading of a capitalised word
# Surnames are the largest and least frequent group of SGJP names; a first name or a place of the
# same form is the likelier reading ("Monika" rather than a genitive of the surname "Monik").
BONUS_SURNAME = 0.3
BONUS_GERUND = 0.1
BONUS_GENITIVE_NAME = 0.3
BONUS_DOCUMENT = 0.6
BONUS_PREPOSITION = 0.3
PENALTY_PLURAL_NAME = 0.2
PENALTY_RARE = 0.3
PENALTY_VOCATIVE = 0.1
NON_VOCATIVE = frozenset(CASES) - {"voc"}
INDECLINABLE_TAG = "subst:sg:nom.gen.dat.acc.inst.loc:m1.m2.m3.f.n"

ROMAN_RE = re.compile(r"[IVXLCDM]+")
TOKEN_RE = re.compile(r"\w(?:[\w'’.\-]*\w)?\.?|\S", re.UNICODE)


@lru_cache(maxsize=4096)
def _tag_pos(tag: str) -> str:
    """A tag's word class (asked of every reading many times per sentence: one look-up instead of a split)."""
    return tag.split(":", 1)[0]


@lru_cache(maxsize=4096)
def tag_values(tag: str) -> frozenset[str]:
    """All attribute values of a tag, dotted alternatives included ('subst:sg:gen.acc:m1')."""
    return frozenset(re.split(r"[:.]", tag))


@lru_cache(maxsize=4096)
def _tag_cases(tag: str) -> frozenset[str]:
    """The cases among a tag's values."""
    return tag_values(tag).intersection(CASES)


_COPIES: dict[frozenset[str], frozenset[str]] = {}


def _one_copy(values: frozenset[str]) -> frozenset[str]:
    """One object for equal sets of tag values (a word's cases: a few dozen distinct sets for 20,000 cached words)."""
    return _COPIES.setdefault(values, values)


@lru_cache(maxsize=4096)
def narrow_tag(tag: str, case: str, number: str) -> str:
    """The tag with dotted case and number alternatives reduced to the chosen reading (once per tag and
    reading: the sentence loop narrows a tag for every governed case)."""
    fields = []
    for field in tag.split(":"):
        values = field.split(".")
        if case in values and all(v in CASES for v in values):
            field = case
        elif number in values and all(v in NUMBERS for v in values):
            field = number
        fields.append(field)
    return ":".join(fields)


def match_case(orth: str, form: str) -> str:
    """``form`` written with the capitalisation of ``orth`` (all caps, capitalised or lower)."""
    if len(orth) > 1 and orth.isupper():
        return form.upper()
    if orth[:1].isupper():
        return form[:1].upper() + form[1:]
    if orth[:1].islower():
        return form[:1].lower() + form[1:]
    return form


class _Reading(NamedTuple):
    lemma: str
    tag: str
    labels: tuple[str, ...]
    qualifiers: tuple[str, ...]
    # The lemma with its homonym mark ("Tadeusz:Sm1"), which Morfeusz.generate needs; empty when guessed.
    source: str
    score: float
    # The start of a hyphenated compound kept as written ("Koszalińsko-" in "Koszalińsko-Kołobrzeskiej").
    prefix: str
    # The tag's word class and its attribute values, kept with it: every stage asks them of every reading
    # many times, and a tuple's field is read in C where a property calls a function.
    pos: str
    values: frozenset[str]


class Analysis(_Reading):
    """One reading of a word. A tuple: made, read, hashed and compared in C (the morphology and the stages after
    it make and read hundreds of readings per article). Made by ``Analysis(lemma, tag, ...)`` only: ``pos``
    and ``values`` follow from the tag, so ``_replace`` is never used."""

    __slots__ = ()

    def __new__(
        cls,
        lemma: str,
        tag: str,
        labels: tuple[str, ...] = (),
        qualifiers: tuple[str, ...] = (),
        source: str = "",
        score: float = SCORE_KNOWN,
        prefix: str = "",
    ):
        return _new_tuple(cls, (lemma, tag, labels, qualifiers, source, score, prefix, _tag_pos(tag), tag_values(tag)))

    def __getnewargs__(self):
        return tuple(self)[:7]

    def __repr__(self) -> str:
        return (
            f"Analysis(lemma={self.lemma!r}, tag={self.tag!r}, labels={self.labels!r}, qualifiers={self.qualifiers!r}, "
            f"source={self.source!r}, score={self.score!r}, prefix={self.prefix!r})"
        )

    @property
    def proper(self) -> bool:
        return bool(PROPER_LABELS.intersection(self.labels)) or (not self.source and self.pos in NOUN_CLASSES)

    @property
    def person(self) -> bool:
        return bool(PERSON_LABELS.intersection(self.labels)) or not self.source

    @property
    def weak(self) -> bool:
        """A reading unlikely for a capitalised word in news: rare, dated, or a pronoun."""
        quals = {q.split("_", 1)[0] for qs in self.qualifiers for q in qs.split(",")}
        if RARE_QUALIFIERS.intersection(quals):
            return True
        return self.pos == "subst" and not self.labels

    @property
    def genders(self) -> frozenset[str]:
        return self.values & GENDERS


_new_tuple = tuple.__new__
# What the sentence loop asks of every reading it weighs, as a C-level getter.
_SCORE = attrgetter("score")


def _rescored(a: Analysis, score: float, tag: str) -> Analysis:
    """``a`` with another score and tag (the sentence loop rescores a reading for every preposition and every case
    a word is governed in)."""
    if tag == a[1]:
        return _new_tuple(Analysis, (*a[:5], score, *a[6:]))
    return _new_tuple(Analysis, (a[0], tag, a[2], a[3], a[4], score, a[6], _tag_pos(tag), tag_values(tag)))


def _relemmatised(a: Analysis, lemma: str) -> Analysis:
    return _new_tuple(Analysis, (lemma, *a[1:]))


# The helpers above make readings by position: a field added to or moved in _Reading must be handled there.
if _Reading._fields != ("lemma", "tag", "labels", "qualifiers", "source", "score", "prefix", "pos", "values"):
    raise ImportError("kronika.lang.pl.morphology: the fields of a reading changed; update _rescored and its kin")


def _clean_lemma(lemma: str) -> str:
    # Homonym marks ("Tys:Sf", "z:P") are dictionary bookkeeping; multi-word lemmas use '_'.
    if ":" in lemma and len(lemma) > 1:
        lemma = lemma.split(":", 1)[0] or lemma
    return lemma.replace("_", " ")


@dataclass
class Word:
    """A token of a phrase or sentence with the readings the lemmatizer chooses from."""

    text: str
    start: int
    end: int
    analyses: tuple[Analysis, ...] = ()
    kind: str = "word"  # word | fixed | particle | punct


class _Scored(NamedTuple):
    """A word's readings as the sentence loop reads them (cached per word and name flag; the loop unpacks the first
    four fields of every token's, so they come first)."""

    free: tuple[Analysis, ...]  # the rescored readings: the answer when none of ``lemmas`` is in the document
    best: Analysis | None  # the first of ``free``'s highest scores
    has_prep: bool  # whether a reading is a preposition (rescoring never changes a tag)
    cases: frozenset[str]  # the cases its informative readings can take (what a preposition before it reads)
    # The lemmas that could take document evidence (those other than the word; a tuple is the smaller and
    # ``frozenset.isdisjoint`` reads it as fast).
    lemmas: tuple[str, ...]


class Morphology:
    def __init__(self, morfeusz, guesser: SuffixGuesser):
        self.morfeusz = morfeusz
        self.guesser = guesser
        self.analyse = lru_cache(maxsize=MORPHOLOGY_WORDS)(self._analyse)
        self.generate = lru_cache(maxsize=WORD_TYPES)(self._generate)
        self.guess = lru_cache(maxsize=WORD_TYPES)(self._guess)
        # Per word and reading context, not per token: a word's readings and their context-free scores, and the
        # reading of a run of words (names recur within an article and across articles).
        self._scored = lru_cache(maxsize=MORPHOLOGY_WORDS)(self._scored_free)
        self._reading = lru_cache(maxsize=WORD_TYPES)(self._reading_of)
        self._in_context = lru_cache(maxsize=SCRATCH)(self._best_in_context_free)
        self._ids: dict[tuple[int, int, int], tuple[str, tuple[str, ...], tuple[str, ...]]] = {}  # ``_raw``'s, by ids
        self._tags: dict[int, str] = {}  # ``_generate``'s, by tag id
        # ``lemmatize_phrase``'s answers without document evidence, with the lemmas that would have taken some.
        self._phrases: dict[tuple[str, bool], tuple[str, frozenset[str]]] = {}

    # --- single words ---------------------------------------------------------------------------

    def _from_morfeusz(self, result, prefix: str = "") -> Analysis:
        _orth, lemma, tag, labels, quals = result
        clean = _clean_lemma(lemma)
        if prefix:
            clean = (prefix if clean[:1].isupper() else prefix.lower()) + clean
        return Analysis(clean, tag, tuple(labels), tuple(quals), lemma, SCORE_KNOWN, prefix)

    def _analyse(self, word: str) -> tuple[Analysis, ...]:
        """Morfeusz readings of one token; a token Morfeusz splits gets the readings of its core."""
        raw = self._raw(word)
        if not raw:
            return (Analysis(word, "ign", score=SCORE_INDECLINABLE),)
        last = max(j for _i, j, _r in raw)
        whole = [r for i, j, r in raw if i == 0 and j == last]
        if whole:
            return tuple(self._from_morfeusz(r) for r in whole)
        edges: dict[int, list] = {}
        for i, j, r in raw:
            edges.setdefault(i, []).append((j, r))
        segments: list[list] = []
        node = 0
        while node != last and node in edges:
            target = edges[node][0][0]
            segments.append([r for j, r in edges[node] if j == target])
            node = target
        # Agglutinates ("zrobił|em") and a final full stop ("m.in|.") do not change the lemma.
        core = [s for s in segments if not all(r[2].startswith("aglt") for r in s)]
        while len(core) > 1 and all(r[2] == "interp" for r in core[-1]):
            core.pop()
        if len(core) == 1:
            return tuple(self._from_morfeusz(r) for r in core[0])
        if len(core) >= 3 and core[-2][0][0] == "-" and word.endswith(core[-1][0][0]):
            prefix = word[: len(word) - len(core[-1][0][0])]
            return tuple(self._from_morfeusz(r, prefix) for r in core[-1])
        return (Analysis(word, "ign", score=SCORE_INDECLINABLE),)

    def _raw(self, word: str) -> list:
        """``morfeusz.analyse(word)``: (start node, end node, (form, lemma, tag, names, labels)) per reading, as
        morfeusz2's wrapper gives them without expanding tags or the graph (names and labels as tuples, not lists).
        The wrapper asks the dictionary for each reading's tag, name and labels by their ids, three calls a reading;
        here each id's answer is kept (a dictionary has a few thousand), which halves the cost of a word never seen
        (the first pass over new text). A Morfeusz set to expand tags or the graph goes through the wrapper."""
        morfeusz = self.morfeusz
        if morfeusz.expand_tags or morfeusz.expand_dag:
            return morfeusz.analyse(word)
        engine, ids = morfeusz._morfeusz_obj, self._ids
        out = []
        for i in engine.analyse(word):
            key = (i.tagId, i.nameId, i.labelsId)
            described = ids.get(key)
            if described is None:
                described = ids[key] = (i.getTag(engine), tuple(i.getName(engine)), tuple(i.getLabels(engine)))
            out.append((i.startNode, i.endNode, (i._orth, i._lemma, *described)))
        return out

    def _generate(self, source: str) -> tuple[tuple[str, str], ...]:
        """(form, tag) of every form of a lemma; each tag asked of the dictionary once per id, as in ``_raw`` (the
        wrapper asks every form's tag, name and labels)."""
        morfeusz = self.morfeusz
        try:
            if morfeusz.expand_tags:
                return tuple((form, tag) for form, _l, tag, _lab, _q in morfeusz.generate(source))
            engine, tags = morfeusz._morfeusz_obj, self._tags
            out = []
            for i in engine.generate(source):
                key = i.tagId
                tag = tags.get(key)
                if tag is None:
                    tag = tags[key] = i.getTag(engine)
                out.append((i._orth, tag))
            return tuple(out)
        except RuntimeError:
            return ()

    def _guess(self, word: str) -> tuple[Analysis, ...]:
        """Guessed readings of a name form, best first; the word as its own lemma comes last."""
        out: list[Analysis] = []
        for apostrophe in APOSTROPHES:
            stem, sep, ending = word.rpartition(apostrophe)
            if sep and stem and ending in APOSTROPHE_ENDINGS:
                for tag in APOSTROPHE_ENDINGS[ending]:
                    out.append(Analysis(stem, tag, score=SCORE_GUESS))
        if not out:
            for g in self.guesser.guess(word):
                out.append(Analysis(g.lemma, g.tag, score=SCORE_GUESS * g.score))
        # Many foreign names do not inflect at all ("Xi", "Monti"): the word as its own lemma, in any case.
        out.append(Analysis(word, INDECLINABLE_TAG, score=SCORE_INDECLINABLE))
        return tuple(out)

    def candidates(self, word: str, *, name_like: bool = False) -> tuple[Analysis, ...]:
        """Readings of ``word``: Morfeusz's, plus guesses for unknown or implausibly read names."""
        base = self.analyse(word)
        if not _written_in_capitals(word):
            # "Xi", "Li" are names, not the numerals XI and LI.
            if any(a.pos == "romandig" for a in base):
                base = tuple(a for a in base if a.pos != "romandig") or (
                    Analysis(word, "ign", score=SCORE_INDECLINABLE),
                )
            # An acronym lemma keeps the writer's casing: "Un" in "Kim Dzong Un" is not UN, "Locie" is Lot.
            base = tuple(
                _relemmatised(a, _recased(word, a.lemma)) if len(a.lemma) > 1 and a.lemma.isupper() else a for a in base
            )
        if not _guessable(word):
            return base
        known = [a for a in base if a.pos != "ign"]
        if known and not (name_like and all(a.weak for a in known)):
            return base
        weakened = tuple(_rescored(a, SCORE_WEAK, a.tag) for a in known)
        return weakened + self.guess(word)

    # --- phrases --------------------------------------------------------------------------------

    def words(self, text: str) -> list[Word]:
        out = []
        for m in TOKEN_RE.finditer(text):
            token = m.group()
            word = Word(token, m.start(), m.end())
            if not token[0].isalnum():
                word.kind = "punct"
            elif token in NAME_PARTICLES:
                word.kind = "particle"
            elif _is_fixed(token):
                word.kind = "fixed"
            out.append(word)
        return out

    def lemmatize_phrase(
        self, text: str, document_forms: frozenset[str] = frozenset(), *, singular_common: bool = False
    ) -> str:
        """The base form of a name or noun phrase: its head noun and what agrees with it in the nominative.

        Number is kept ("Państwowych Zakładach" -> "Państwowe Zakłady", as PolEval 2019 wants);
        ``singular_common`` cites lower-case common-noun phrases in the singular instead, as the KPWr
        keyword guidelines do ("serwisów społecznościowych" -> "serwis społecznościowy").
        """
        key = (text, singular_common)
        known = self._phrases.get(key)
        if known is not None and document_forms.isdisjoint(known[1]):
            return known[0]
        words = self.words(text)
        # In a phrase every capitalised word reads as a name.
        name_like = [w.text[:1].isupper() and w.kind != "punct" for w in words]
        lemmas: list[str] = []  # the lemmas that could take evidence from the document (``scored``)
        for word, flag in zip(words, name_like):
            if word.kind == "word":
                entry = self._scored(word.text, flag)
                lemmas.extend(entry.lemmas)
                word.analyses = self.scored(word.text, name_like=flag, document_forms=document_forms)
                if word.analyses and all(a.pos in FIXED_CLASSES for a in word.analyses):
                    word.kind = "fixed"
        lemma = self._phrase_lemma(text, words, singular_common)
        if document_forms.isdisjoint(lemmas):
            # No reading took evidence from the document: the phrase's lemma is the same in every document whose
            # words miss these lemmas (names recur across articles; the NER and entity stages ask for them).
            if len(self._phrases) >= SCRATCH:
                self._phrases.clear()
            self._phrases[key] = (lemma, frozenset(lemmas))
        return lemma

    def _phrase_lemma(self, text: str, words: list[Word], singular_common: bool) -> str:
        """``lemmatize_phrase`` of ``words`` (``text``'s, with their readings)."""
        first = next((i for i, w in enumerate(words) if w.kind == "word"), None)
        if first is None:
            return text
        choice = self.choose_reading(words, first)
        if choice is None:
            return text
        (case, number), assignment = choice
        if len(assignment) == 1 and sum(w.kind != "punct" for w in words) == 1:
            # A word on its own is cited by its dictionary lemma (KPWr guidelines): "Polaków" ->
            # "Polak", "Wielkiego" -> "wielki"; adjectives keep the lemma's lower case.
            ((index, analysis),) = assignment.items()
            word = words[index]
            lemma = analysis.lemma if analysis.pos in ADJ_CLASSES else match_case(word.text, analysis.lemma)
            return text[: word.start] + lemma + text[word.end :]
        target = number
        nouns = [i for i in sorted(assignment) if assignment[i].pos in NOUN_CLASSES]
        if (
            singular_common
            and number == "pl"
            and nouns
            and _singular_citation(words[nouns[0]].text, assignment[nouns[0]])
        ):
            target = "sg"
        pieces = []
        pos = 0
        for index, analysis in sorted(assignment.items()):
            word = words[index]
            pieces.append(text[pos : word.start])
            pieces.append(self.nominative(word.text, analysis, case, number, target))
            pos = word.end
        pieces.append(text[pos:])
        return "".join(pieces)

    def scored(
        self, word: str, *, name_like: bool, document_forms: frozenset[str] = frozenset()
    ) -> tuple[Analysis, ...]:
        """Candidates with context-free preferences applied: names for capitalised words, document evidence."""
        entry = self._scored(word, name_like)
        if document_forms.isdisjoint(entry.lemmas):
            return entry.free  # most words: no reading's lemma is elsewhere in the document
        return _with_document(word, entry, document_forms)

    def _scored_free(self, word: str, name_like: bool) -> _Scored:
        """Each candidate with its score before document evidence, and the candidate rescored so (made once:
        most words have no document evidence), with what the sentence loop asks of them (``_Scored``)."""
        out = []
        capitalised = word[:1].isupper()
        candidates = self.candidates(word, name_like=name_like)
        common = any(a.pos in ADJ_CLASSES or COMMON_NOUN_LABEL in a.labels for a in candidates)
        has_prep = False
        cases: set[str] = set()
        for a in candidates:
            score = a.score
            labels, values, pos = a.labels, a.values, a.pos
            if pos == "prep":
                has_prep = True
            if a.tag != INDECLINABLE_TAG:
                cases.update(_tag_cases(a.tag))
            proper = a.proper
            # SGJP lists many rare surnames that are also common words ("Klub", "Rado" for "Radę",
            # "Wolska"): such a word is far more often the common word, and a person name made of
            # it still inflects the same way.
            surname_only = bool(labels) and SURNAME_LABELS.issuperset(labels)
            if (proper or a.lemma[:1].isupper()) and not (common and surname_only):
                bonus = BONUS_SURNAME if surname_only else BONUS_PROPER
                score += bonus if name_like else (0.1 if capitalised else -bonus)
            if proper and "pl" in values and "sg" not in values and "pt" not in values:
                # A place or person is one of a kind: plural readings of names ("Stanowo" for
                # "Stanów") are rare unless the name is plural only ("Stany", "Katowice").
                score -= PENALTY_PLURAL_NAME
            if a.source and a.weak and (labels or pos != "subst"):
                score -= PENALTY_RARE
            if "voc" in values and not values & NON_VOCATIVE:
                # The vocative is rare in news text; "Xi" is far more often a nominative.
                score -= PENALTY_VOCATIVE
            if pos == "ger" and common:
                # A verbal noun ("Życzenie" from "życzyć") yields to the noun of the same form.
                score -= BONUS_GERUND
            out.append(_rescored(a, score, a.tag) if score != a.score else a)
        free = tuple(out)
        return _Scored(
            free,
            max(free, key=_SCORE),
            has_prep,
            _one_copy(frozenset(cases)),
            tuple(dict.fromkeys(a.lemma for a in candidates if a.lemma != word)),
        )

    def _best_in_context_free(
        self, word: str, name_like: bool, governed: str | None, bonus: float | None, following: frozenset[str] | None
    ) -> Analysis:
        """``_best_in_context`` of a word's readings without document evidence (cached: prepositions and the words
        after them recur)."""
        return _best_in_context(self._scored(word, name_like).free, governed, bonus, following)

    def choose_reading(self, words: Sequence[Word], first: int):
        """The (case, number) reading giving the longest agreeing span from ``words[first]``."""
        # The search reads only each word's text, kind and readings: the same run of words, the same answer.
        found = self._reading(first, tuple((w.text, w.kind, w.analyses) for w in words))
        return None if found is None else (found[0], dict(found[1]))

    def _reading_of(self, first: int, run: tuple):
        words = [Word(text, 0, 0, analyses, kind) for text, kind, analyses in run]
        # What the search asks of each word, once for the twelve readings rather than at every step of each.
        prepared = _Prepared(words)
        # A reading none of the first word's noun or adjective readings has finds no span: not searched.
        opening = {
            (case, number)
            for _a, values, _genders, pos in (prepared.options[first] if words[first].kind == "word" else ())
            if pos in ADJ_CLASSES or pos in NOUN_CLASSES
            for case, number in READING_ORDER
            if case in values and number in values
        }
        best = None
        for rank, (case, number) in enumerate(READING_ORDER):
            if (case, number) not in opening:
                continue
            length, score, assignment = self._span(prepared, first, case, number)
            if not length:
                continue
            key = (length, round(score, 6), -rank)
            if best is None or key > best[0]:
                best = (key, (case, number), assignment)
        if best is None:
            return None
        return best[1], best[2]

    def _span(self, prepared: _Prepared, start: int, case: str, number: str):
        """Depth-first search for the best role assignment (adjective / noun) in one reading."""
        # Each step: (index, genders of the last noun or None, genders allowed before the first noun,
        # the last noun's analysis).
        words, options, fixed = prepared.words, prepared.options, prepared.fixed
        best = (0, 0.0, {})

        def search(i: int, noun_genders, pre_genders, last_noun, length, score, assignment):
            nonlocal best
            if (length, score) > best[:2] and (last_noun is not None or _adjective_only(words, assignment)):
                best = (length, score, dict(assignment))
            if i >= len(words):
                return
            word = words[i]
            if fixed[i] and last_noun is not None:
                search(i + 1, noun_genders, pre_genders, last_noun, length, score, assignment)
                return
            if word.text in COORDINATORS and last_noun is not None and max(assignment) == i - 1:
                # A second noun phrase in the same case starts after the conjunction.
                search(i + 1, None, GENDERS, None, length, score, assignment)
                return
            if word.kind != "word":
                return
            tried = set()
            for a, values, genders, pos in options[i]:
                if case not in values or number not in values:
                    continue
                if pos in ADJ_CLASSES:
                    if last_noun is not None:
                        if not genders & noun_genders:
                            continue
                        if prepared.modifies_next(i):
                            continue
                        new = (noun_genders, pre_genders, last_noun)
                    else:
                        allowed = pre_genders & genders
                        if not allowed:
                            continue
                        new = (None, allowed, None)
                    role = ("adj", new[1] if last_noun is None else genders & noun_genders)
                elif pos in NOUN_CLASSES:
                    if last_noun is None:
                        if not genders & pre_genders:
                            continue
                    elif not _apposition(last_noun, a, case, number, word):
                        continue
                    new = (genders, pre_genders, a)
                    role = ("noun", genders)
                else:
                    continue
                if role in tried:
                    continue
                tried.add(role)
                assignment[i] = _rescored(a, a.score, _fix_gender(a.tag, role[1]))
                search(i + 1, new[0], new[1], new[2], length + 1, score + a.score, assignment)
                del assignment[i]

        search(start, None, GENDERS, None, 0, 0.0, {})
        # The closure refers to itself through its cell: emptied, it is freed at once instead of left to the
        # cyclic collector (eight objects a run, thousands an article).
        search = None
        length, score, assignment = best
        # Adjectives before the head were checked against all genders they allow; now the head
        # is known they take its gender ("Państwowych Zakładach" -> "Państwowe", not "Państwowi").
        pending: list[int] = []
        seen_noun = False
        for i in range(start, max(assignment, default=start - 1) + 1):
            if words[i].text in COORDINATORS:
                seen_noun = False
            if i not in assignment:
                continue
            a = assignment[i]
            if a.pos in NOUN_CLASSES:
                for j in pending:
                    adj = assignment[j]
                    assignment[j] = _rescored(adj, adj.score, _fix_gender(adj.tag, adj.genders & a.genders))
                pending, seen_noun = [], True
            elif not seen_noun:
                pending.append(i)
        return length, score, assignment

    def nominative(self, orth: str, analysis: Analysis, case: str, number: str, target: str | None = None) -> str:
        """``orth`` put into the nominative of ``target`` number (default: its own), same gender and degree."""
        target = target or number
        if case == "nom" and target == number:
            return orth
        if not analysis.source:
            # A guessed noun reading gives its lemma, the nominative singular.
            return match_case(orth, analysis.lemma) if target == "sg" else orth
        wanted = {"nom", target} | (analysis.values & (DEGREES | NEGATION | ASPECTS))
        genders = analysis.genders
        for form, tag in self.generate(analysis.source):
            values = tag_values(tag)
            if tag.split(":", 1)[0] != analysis.pos or not wanted <= values:
                continue
            if genders and not genders & values:
                continue
            tail = orth[len(analysis.prefix) :] if analysis.prefix else orth
            return analysis.prefix + match_case(tail, form)
        return match_case(orth, analysis.lemma)

    # --- running text ---------------------------------------------------------------------------

    def annotate(
        self,
        texts: Sequence[str],
        document_forms: frozenset[str] = frozenset(),
        name_forms: frozenset[str] = frozenset(),
    ) -> list[tuple[str, str]]:
        """(lemma, tag) for each token of one sentence.

        ``document_forms`` are all token texts of the document, ``name_forms`` those written with a
        capital inside a sentence: both let a word borrow evidence from the rest of its article.
        """
        flags = _sentence_name_flags(texts, name_forms)
        scored = self._scored
        # Per token: its readings (with document evidence), the best of them when nothing in the sentence moves
        # a score (most words: the cached answer), whether one is a preposition, and the cases it can take.
        readings = []
        for text, flag in zip(texts, flags):
            entry = scored(text, flag)
            if document_forms.isdisjoint(entry.lemmas):
                readings.append(entry)
            else:
                readings.append((_with_document(text, entry, document_forms), None, entry[2], entry[3], ()))
        chosen: list[Analysis] = []
        previous = None
        last = len(readings) - 1
        in_context = self._in_context
        for i, (options, best, has_prep, _cases, _lemmas) in enumerate(readings):
            governed = bonus = None
            if previous is not None:
                governed = _case_governed(previous.tag)
                if governed:
                    bonus = BONUS_PREPOSITION
                elif flags[i] and previous.pos == "subst" and COMMON_NOUN_LABEL in previous.labels:
                    # A name right after a common noun is mostly its genitive complement ("wizycie Kima").
                    governed, bonus = "gen", BONUS_GENITIVE_NAME
            # A preposition's case is the one the next word can take ("z Xi" inst, "w Pekinie" loc).
            following = readings[i + 1][3] if has_prep and i < last else None
            if governed or following is not None:
                if best is None:  # document evidence: this article's own readings
                    best = _best_in_context(options, governed, bonus, following)
                else:
                    best = in_context(texts[i], flags[i], governed, bonus, following)
            elif best is None:
                best = max(options, key=_SCORE)  # max keeps Morfeusz's order among equals
            chosen.append(best)
            previous = best
        # Consecutive capitalised names share their case ("Kim Dzong Un", "Władimirem Putinem").
        for start, end in _flag_runs(flags):
            found = self._reading(0, tuple((texts[k], "word", readings[k][0]) for k in range(start, end)))
            if found is None or len(found[1]) < 2:
                continue
            (case, number), assignment = found
            for index, analysis in assignment.items():
                chosen[start + index] = _rescored(analysis, analysis.score, narrow_tag(analysis.tag, case, number))
        return [(a.lemma, a.tag) for a in chosen]


def _with_document(word: str, entry: _Scored, document_forms: frozenset[str]) -> tuple[Analysis, ...]:
    """A word's readings with the bonus of a lemma found elsewhere in the document (other than the word itself)."""
    # A reading's score before this bonus is its cached one (``free``), so the bonus is the last term of the same
    # sum, to the last bit.
    return tuple(
        _rescored(a, a.score + BONUS_DOCUMENT, a.tag) if a.lemma != word and a.lemma in document_forms else a
        for a in entry.free
    )


def _best_in_context(
    options: tuple[Analysis, ...], governed: str | None, bonus: float | None, following: frozenset[str] | None
) -> Analysis:
    """The best of a word's readings with the case the word before governs (``governed``, worth ``bonus``) preferred
    and, for a preposition, its readings governing a case the next word can take (``following``) preferred."""
    if governed:
        options = _prefer_case(options, governed, bonus)
    if following is not None:
        options = tuple(
            _rescored(a, a.score + BONUS_PREPOSITION, a.tag)
            if a.pos == "prep" and _governed_case(a) in following
            else a
            for a in options
        )
    return max(options, key=_SCORE)  # max keeps Morfeusz's order among equals


def _sentence_name_flags(texts: Sequence[str], name_forms: frozenset[str]) -> list[bool]:
    """Which capitalised words of a sentence read as names: not sentence-initial (punctuation aside), or else
    followed by another capitalised word or capitalised inside some sentence of the same document
    (``name_forms``)."""
    first = next((i for i, text in enumerate(texts) if text[:1].isalnum()), -1)
    flags = []
    for i, text in enumerate(texts):
        if not text[:1].isupper() or not text[:1].isalnum():
            flags.append(False)
        elif i != first:
            flags.append(True)
        else:
            following = texts[i + 1] if i + 1 < len(texts) else ""
            flags.append(following[:1].isupper() or text in name_forms)
    return flags


def _flag_runs(flags: Sequence[bool]) -> list[tuple[int, int]]:
    """The runs of two flagged words or more (consecutive names)."""
    runs = []
    start = None
    for i, flag in enumerate(flags):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            if i - start >= 2:
                runs.append((start, i))
            start = None
    if start is not None and len(flags) - start >= 2:
        runs.append((start, len(flags)))
    return runs


def _written_in_capitals(word: str) -> bool:
    """An acronym, possibly with an inflectional ending after a hyphen ("ZUS-u", "SMS-em")."""
    stem = word.split("-", 1)[0]
    return len(stem) > 1 and stem.isupper()


def _recased(word: str, lemma: str) -> str:
    """``lemma`` in capitals where ``word`` has them, lower case elsewhere ("Europol" for EUROPOL)."""
    if len(word) == len(lemma):
        return "".join(w if w.isupper() else c.lower() for w, c in zip(word, lemma))
    return match_case(word, lemma.lower())


def _guessable(word: str) -> bool:
    """Capitalised alphabetic words (apostrophes and hyphens allowed), not acronyms."""
    letters = word.replace("-", "").replace("'", "").replace("’", "")
    return word[:1].isupper() and letters.isalpha() and not (len(letters) > 1 and letters.isupper())


def _is_fixed(token: str) -> bool:
    """Numerals, abbreviations and initials: they stay as written inside a name."""
    if token.endswith("."):
        return True
    if token[:1].isdigit():
        return True
    return bool(ROMAN_RE.fullmatch(token))


def _apposition(head: Analysis, noun: Analysis, case: str, number: str, word: Word) -> bool:
    """Whether a second noun in the same case is an apposition of ``head`` (and so inflects with it)."""
    # Two common nouns in one case are a head and its complement ("Organizacji Współpracy"); an
    # apposition is a name after a noun ("rzece Wiśle", "Władimirem Putinem"), and a word that
    # is also a common noun in this reading ("Obrony") is taken for the complement.
    if not (word.text[:1].isupper() and noun.proper):
        return False
    if number == "pl" and "pt" not in noun.values:
        return False
    for other in word.analyses:
        if other.pos in NOUN_CLASSES and not other.proper and case in other.values and number in other.values:
            return False
    if case != "gen":
        return True
    # In the genitive even a name is usually a complement ("Ministerstwa Polski"); only a person
    # name after a person is read as an apposition ("Pana Tadeusza", "Tadeusza Rejtana").
    if head.lemma.lower() in APPOSITION_HEADS:
        return True
    return noun.person and ("m1" in head.values or head.person)


def _singular_citation(orth: str, head: Analysis) -> bool:
    """Common-noun phrases are cited in the singular ("serwisów społecznościowych" -> "serwis
    społecznościowy"); names keep their number ("Państwowe Zakłady Lotnicze")."""
    return orth[:1].islower() and COMMON_NOUN_LABEL in head.labels and "pt" not in head.values


class _Prepared:
    """The words of a run as the name-phrase search reads them: each word's readings best first (a stable sort,
    as the search always took them) with their attribute values, genders (all when the tag names none) and class;
    whether a word is skipped after a noun (a particle or a roman numeral); whether an adjective there starts a
    complement (``_modifies_next``, asked once per word, not per reading and case)."""

    def __init__(self, words: list[Word]):
        self.words = words
        self.options = [
            [(a, a.values, a.genders or GENDERS, a.pos) for a in sorted(w.analyses, key=_negative_score)] for w in words
        ]
        self.fixed = [w.kind == "particle" or ROMAN_RE.fullmatch(w.text) is not None for w in words]
        self._modifies: dict[int, bool] = {}

    def modifies_next(self, i: int) -> bool:
        found = self._modifies.get(i)
        if found is None:
            found = self._modifies[i] = _modifies_next(self.words, i)
        return found


def _negative_score(a: Analysis) -> float:
    return -a.score


def _modifies_next(words: Sequence[Word], i: int) -> bool:
    """Whether an adjective after the head rather starts a genitive complement ("Rynku Starego Miasta"): a
    property of the word and the next (any adjective reading of one agreeing with a noun reading of the other)."""
    if i + 1 >= len(words) or words[i + 1].kind != "word":
        return False
    word = words[i].text
    for a in words[i].analyses:
        if a.pos not in ADJ_CLASSES:
            continue
        for noun in words[i + 1].analyses:
            if noun.pos not in NOUN_CLASSES:
                continue
            shared = a.values & noun.values
            if shared & set(CASES) and shared & set(NUMBERS) and (a.genders & noun.genders or not noun.genders):
                return word[:1].isupper() == words[i + 1].text[:1].isupper()
    return False


def _adjective_only(words: Sequence[Word], assignment: dict[int, Analysis]) -> bool:
    """An adjective alone is a phrase of its own only when nothing else follows it ("kanadyjskim")."""
    if not assignment:
        return False
    last = max(assignment)
    return all(w.kind != "word" for w in words[last + 1 :])


@lru_cache(maxsize=4096)
def _fix_gender(tag: str, genders: frozenset[str]) -> str:
    """Keep only the genders the agreement allows, so generation picks the right form (once per tag and
    genders: the name-phrase search retags every reading it tries)."""
    fields = []
    for field in tag.split(":"):
        values = field.split(".")
        if all(v in GENDERS for v in values) and genders and set(values) & genders:
            field = ".".join(v for v in values if v in genders)
        fields.append(field)
    return ":".join(fields)


def _prefer_case(options: tuple[Analysis, ...], case: str, bonus: float) -> tuple[Analysis, ...]:
    return tuple(
        _rescored(a, a.score + bonus, narrow_tag(a.tag, case, ""))
        if case in a.values and a.pos not in ("prep", "ign")
        else a
        for a in options
    )


def _governed_case(analysis: Analysis) -> str | None:
    return _case_governed(analysis.tag)


@lru_cache(maxsize=4096)
def _case_governed(tag: str) -> str | None:
    """The case a preposition's tag governs (asked of every word of every sentence: once per tag)."""
    fields = tag.split(":")
    if fields[0] != "prep":
        return None
    for value in fields[1:]:
        if value in CASES:
            return value
    return None


@cache
def load_morphology() -> Morphology:
    """The process-wide analyser: Morfeusz2 with the SGJP dictionary, and the name guesser."""
    import morfeusz2

    return Morphology(morfeusz2.Morfeusz(), load_guesser())


def lemmatize_phrase(text: str, *, singular_common: bool = False) -> str:
    """Base form of a Polish name or noun phrase: "Korei Północnej" -> "Korea Północna"."""
    return load_morphology().lemmatize_phrase(text, singular_common=singular_common)


@lru_cache(maxsize=WORD_TYPES)
def syntax_attributes(text: str, lemma: str | None, tag: str | None) -> tuple[str, str, str, str]:
    """What the parser sees of a word: its form and lemma in lower case, its NKJP class, and its case (for
    words that decline) or else its number (verbs: agreement with the subject); "-" when the tag has neither."""
    word_class, agreement = _tag_syntax(tag or "ign")
    return text.casefold(), (lemma or text).casefold(), word_class, agreement


@lru_cache(maxsize=4096)
def _tag_syntax(tag: str) -> tuple[str, str]:
    """``syntax_attributes``' class and case or number of a tag (worked out once per tag, not per word)."""
    fields = tag.split(":")
    case = next((f for f in fields[1:] if set(f.split(".")) <= _CASE_SET), None)
    number = next((f for f in fields[1:] if set(f.split(".")) <= _NUMBER_SET), None)
    return fields[0], case or number or "-"


_CASE_SET = frozenset(CASES)
_NUMBER_SET = frozenset(NUMBERS)

"""Entities: name mentions linked to the knowledge base and grouped into one record per real-world entity.

Three sources of mentions meet here. The statistical detector's mentions (``doc.mentions``) are linked
as a whole by their base form; the knowledge base's aliases are matched over the token lemmas as a
gazetteer, which finds the names the model missed and splits a span the model ran together
("Narodowej Służby Wywiadowczej (NIS) Korei Południowej") into the names the base knows; and titles
with a country ("przywódca Rosji", "północnokoreański przywódca") become mentions of whoever held that
office on the article's date. What stays unlinked is matched within the article: "Kim" and "Kima" join
the entity whose name has that word ("Kim Jong Un"), and a misspelling close to a known alias ("Xi
Jingpin") joins that alias's entry. Names the base does not know get a stable local id from their type
and base form, so the same person gets the same id in every article.
"""

from __future__ import annotations

import hashlib
import os
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache
from itertools import product
from math import prod
from os.path import commonprefix

from kronika.caches import WORD_TYPES
from kronika.kb.model import CANONICAL_LANGUAGE as CANONICAL
from kronika.kb.naming import FAMILY_NAME_FIRST
from kronika.lang import ud
from kronika.lang.ud import morph
from kronika.record import Document, Entity, Mention, Token
from kronika.stages.link_acronyms import join_acronyms
from kronika.stages.link_context import BARE_TITLE, article_states, settle_bodies
from kronika.stages.link_credits import drop_credits
from kronika.stages.link_openers import drop_openers
from kronika.stages.link_index import linker_indexes, sound_index
from kronika.stages.link_lists import type_listed_places
from kronika.stages.link_pairs import split_name_pairs
from kronika.stages.link_streets import street_mentions
from kronika.stages.link_vehicles import drop_vehicles

# Longest alias the gazetteer tries, in words ("Organizacja Traktatu Północnoatlantyckiego" has three).
MAX_ALIAS_WORDS = 8
# How close a misspelt name must be to a known alias (difflib ratio over the diacritics-free keys).
FUZZY_RATIO = 0.85
# How close a misspelt person's surname must be on its own: the shared first name makes the whole ratio high.
SURNAME_RATIO = 0.8
# First letters two forms of a Polish word share ("Radzie", "Rada"; "Ligi", "Liga"): a misspelt body's first
# word must share them with the alias's.
STEM_LETTERS = 3
WORD_RE = re.compile(r"\w+(?:['’-]\w+)*|[^\w\s]")
# The words of an alias as the segmenter splits text: an abbreviation keeps its full stop ("ds.", "Płn.").
ALIAS_WORD_RE = re.compile(r"\w+\.(?!\w)|\w+(?:['’-]\w+)*|[^\w\s]")
# A name written as an initial and a surname: "K. Nawrocki".
INITIAL_NAME_RE = re.compile(r"([^\W\d_])\.\s*([^\W\d_][\w'’-]+)")
# Group keys of names the base lacks, before the group's type (and so its local id) is settled.
NAME_KEY = "name:"
# How far before a person's name its title may name the state it serves: "minister spraw zagranicznych
# Niemiec Frank-Walter Steinmeier", "erytrejski minister informacji Yemane Gebre Meskel".
TITLE_REACH = 5
VOWELS = "aeiouyąęó"
# Which entry types a name the base lacks may be matched to by sound, by the type of its mentions.
SOUND_KINDS = {"PER": ("PER",), "GPE": ("GPE", "LOC"), "LOC": ("GPE", "LOC")}
# A one-word place must be this long to be matched by sound ("Słowiańsk"); shorter ones meet too many others.
SOUND_MIN_LETTERS = 6
# How many base forms of one word, and of a whole name, are tried against the base for a name it lacks.
MAX_BASE_READINGS = 4
MAX_BASE_NAMES = 32
# Which type an unlinked name takes when its mentions were typed differently as often: a full name the
# detector ran into a body ("szef administracji Kijowa Serhij Popko") is more often a person.
TYPE_PREFERENCE = {"PER": 4, "GPE": 3, "ORG": 2, "LOC": 1}


def local_id(type_: str, name: str) -> str:
    """A stable id for a name the knowledge base lacks: same type and base form, same id everywhere."""
    digest = hashlib.sha1(f"{type_}:{name.casefold()}".encode("utf-8")).hexdigest()[:12]
    return f"kronika:{digest}"


@dataclass
class Found:
    """One mention on its way to an entity: its token span and what it was linked to."""

    start: int  # first token index
    end: int  # one past the last token index
    type: str | None
    name: str  # base form, the name of an unlinked entity
    entry: str | None = None  # knowledge-base id
    source: str = "model"
    country: str | None = None  # for a name the base lacks: the state named inside it, if any


@dataclass
class Group:
    key: str
    name: str
    type: str
    entry: str | None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    country: str | None = None


def _misspelt(word: str, alias_word: str) -> bool:
    """Whether ``word`` is ``alias_word`` or close enough to be a misspelling of it."""
    return word == alias_word or _ratio_reaches(SequenceMatcher(None, word, alias_word), SURNAME_RATIO)


def _ratio_reaches(matcher: SequenceMatcher, least: float) -> bool:
    """``matcher.ratio() >= least``, its cheap upper bounds asked first (most pairs fail on them)."""
    return matcher.real_quick_ratio() >= least and matcher.quick_ratio() >= least and matcher.ratio() >= least


def _same_stem(word: str, alias_word: str) -> bool:
    """Whether two words may be forms or misspellings of one word: the same first letters ("radzie", "rada")."""
    return _misspelt(word, alias_word) or len(commonprefix((word, alias_word))) >= STEM_LETTERS


def _is_capitalised(text: str) -> bool:
    return text[:1].isupper()


def _is_acronym(text: str) -> bool:
    return len(text) > 1 and text.isupper()


def _undotted(token: Token) -> str:
    """The token's word without the full stop the segmenter kept with it: a letter closing a sentence ("w
    serwisie X.") is one token with its stop, as an initial is, and its lemma is the letter alone."""
    if token.text.endswith(".") and token.lemma and token.lemma == token.text[:-1]:
        return token.lemma
    return token.text


class Linker:
    """The knowledge base plus the indexes the stage needs; built once per process and language."""

    def __init__(self, language, kb):
        self.language = language
        self.kb = kb
        self.morphology = language.morphology()
        self.titles = {tuple(w.casefold() for w in title): role for title, role in language.titles.items()}
        self.max_title = max((len(t) for t in self.titles), default=0)
        self.bodies = {
            tuple(w.casefold() for w in body): role for body, role in getattr(language, "bodies", {}).items()
        }
        self.max_body = max((len(b) for b in self.bodies), default=0)
        # The lemmas a title or body may start with: most tokens start neither, and are passed over at once.
        self._title_starts = frozenset(title[0] for title in self.titles)
        self._body_starts = frozenset(body[0] for body in self.bodies)
        self.lower_case_bodies = frozenset(getattr(language, "lower_case_bodies", ()))
        # Built by the _build_ methods below and kept prebuilt between processes (link_index.py): an index
        # they add must be added to linker_indexes' tuple too, or a process reading the cache will lack it.
        (
            self._gazetteer,
            self._by_last_word,
            self._lower_starts,
            self._first_names,
            self._adjectives,
            self.demonyms,
            self._lower_words,
            self._first_name_counts,
        ) = linker_indexes(self)
        self._by_sound: dict[str, set[str]] | None = None  # built on first use: most articles need it little
        self._state_words: dict[str, frozenset[str]] = {}  # filled on first use by names_state
        self._first_name_evidence = None  # built on first use by first_name_evidence
        self._token_keys: dict[tuple[str, str | None], frozenset[str]] = {}  # token_keys' answers
        self._inhabitant = None  # the language's test for a member of a people, found on first use

    # --- indexes ---------------------------------------------------------------------------------

    def word_keys(self, word: str) -> frozenset[str]:
        """What a word of an alias can be matched by: itself and the lemmas of its nominative readings.

        Aliases are written in their base form, so only nominative readings count: "Marka" (a town) must
        not take the lemma of the genitive of the first name "Marek"."""
        keys = {word.casefold()}
        readings = self.morphology.analyse(word)
        if _is_capitalised(word) and (forms := getattr(self.language, "unknown_name_forms", None)):
            # A foreign name the dictionary lacks still declines ("w Burkinie Faso").
            keys.update(f.casefold() for f in forms(word, [r.tag for r in readings]))
        for reading in readings:
            if not self.language.is_nominative(reading.tag):
                continue
            # A depreciative plural ("te Marki") is never the base form of a name: "Marki" is not "Marek".
            if self.language.is_depreciative(reading.tag):
                continue
            # A capitalised word of a name keeps its name readings and adjective readings ("Północna" ->
            # północny); a common-noun reading would let "Marki" (a town) match the name "Marek".
            if not _is_capitalised(word) or _is_capitalised(reading.lemma) or self.language.is_adjective(reading.tag):
                keys.add(reading.lemma.casefold())
        return frozenset(keys)

    def _build_gazetteer(self) -> dict[str, list[tuple[tuple[frozenset[str], ...], tuple[str, ...], str]]]:
        index: dict[str, list] = defaultdict(list)
        self._by_last_word: dict[str, list] = defaultdict(list)
        # First words of the lower-case names of places ("obwód", "województwo"), where a match may start.
        self._lower_starts: set[str] = set()
        seen: set[tuple[str, str]] = set()
        for entry in self.kb:
            for alias in (entry.name, *entry.aliases_in(self.language.code), *entry.aliases_in(CANONICAL)):
                words = tuple(ALIAS_WORD_RE.findall(alias))
                if not words or len(words) > MAX_ALIAS_WORDS:
                    continue
                if not any(_is_capitalised(w) for w in words):
                    # A region's name is written in lower case ("obwód kurski", "województwo śląskie"): a noun
                    # and a place's adjective, which no common phrase is. Other lower-case aliases ("armia
                    # rosyjska", "demokraci") are descriptions, not names to look for in text.
                    if entry.type != "GPE" or len(words) < 2:
                        continue
                    self._lower_starts.add(words[0].casefold())
                if (alias, entry.id) in seen:
                    continue
                seen.add((alias, entry.id))
                keys = tuple(self.word_keys(w) for w in words)
                for key in keys[0]:
                    index[key].append((keys, words, entry.id))
                if len(words) > 1:
                    self._by_last_word[words[-1].casefold()].append((keys, words, entry.id))
        return index

    def _build_first_names(self) -> frozenset[str]:
        """First words of the base's people with a first name and surname ("Johann", "Recep", "Yoav")."""
        return frozenset(
            words[0]
            for entry in self.kb
            if entry.type == "PER"
            for alias in (entry.name, *entry.aliases_in(CANONICAL))
            if len(words := alias.split()) > 1 and words[0].isalpha() and _is_capitalised(words[0])
        )

    def first_name_evidence(self):
        """The language pack's reading of the base's people's first names by country, for ``romanize``."""
        if self._first_name_evidence is None and hasattr(self.language, "first_names"):

            def first_words(aliases):
                return [w[0] for a in aliases if len(w := a.split()) > 1 and w[0].isalpha() and _is_capitalised(w[0])]

            self._first_name_evidence = self.language.first_names(
                (
                    e.country,
                    first_words((e.name, *e.aliases_in(CANONICAL))),
                    first_words(e.aliases_in(self.language.code)),
                )
                for e in self.kb
                if e.type == "PER"
            )
        return self._first_name_evidence

    def _build_adjectives(self) -> dict[str, str]:
        """Lemma of a state's adjective ("chiński") -> the state's country code."""
        adjectives: dict[str, str] = {}
        self.demonyms: set[str] = set()
        for entry in self.kb:
            if entry.type == "GPE" and entry.country:
                for adjective in entry.adjectives_in(self.language.code):
                    adjectives.setdefault(adjective.casefold(), entry.country)
                for inhabitants in entry.inhabitants_in(self.language.code):
                    self.demonyms.add(inhabitants.casefold())
                # English text quoted in an article ("Iranian and American thinking") has English adjectives.
                self.demonyms.update(a.casefold() for a in entry.adjectives_in(CANONICAL) if " " not in a)
        return adjectives

    def is_demonym(self, mention_text: str, base: str) -> bool:
        """ "rosyjski", "Rosjanin", "Polacy": words derived from a state's name, which are not mentions of it."""
        if not any(ch.isupper() for ch in mention_text):
            return True  # a detector span without a capital is an adjective ("rosyjski", "unijny")
        words = WORD_RE.findall(base)
        if len(words) != 1:
            return False
        key = words[0].casefold()
        return key in self._adjectives or key in self.demonyms or self._singular_demonym(words[0])

    def _singular_demonym(self, lemma: str) -> bool:
        """The inhabitants are listed in the plural ("Rosjanie"); a mention may be one of them ("Rosjanin")."""
        forms = self.morphology.generate(lemma)
        return any(form.casefold() in self.demonyms for form, tag in forms if ":pl:nom" in tag)

    # --- matching --------------------------------------------------------------------------------

    def token_keys(self, token: Token) -> frozenset[str]:
        """The token's form, its chosen lemma, and the lemma of every name reading: the tagger may pick the
        person "Czech" where the text means the genitive of "Czechy", and the alias must still be found."""
        # Once per form and lemma (a matching tries a token against every alias that may start near it).
        found = self._token_keys.get((token.text, token.lemma))
        if found is None:
            if len(self._token_keys) >= WORD_TYPES:
                self._token_keys.clear()
            keys = {token.text.casefold(), (token.lemma or token.text).casefold()}
            if _is_capitalised(token.text):
                keys.update(r.lemma.casefold() for r in self.morphology.analyse(token.text) if _is_capitalised(r.lemma))
            found = self._token_keys[token.text, token.lemma] = frozenset(keys)
        return found

    def gazetteer_matches(self, tokens: list[Token], sentence_starts: set[int]) -> list[Found]:
        """Longest knowledge-base aliases over the tokens, left to right, not overlapping."""
        found: list[Found] = []
        i = 0
        while i < len(tokens):
            best: tuple[int, str] | None = None
            lemma = (tokens[i].lemma or tokens[i].text).casefold()
            if (
                _is_capitalised(tokens[i].text)
                or not tokens[i].text[:1].isalpha()
                or lemma in self._lower_starts
                or lemma in self.lower_words()
            ):
                # Sorted: of two aliases of one length the first found wins, and a set's order changes with
                # the process's hash seed ("San" was Mali's town in one run and Yemen's in the next).
                for key in sorted(self.token_keys(tokens[i])):
                    for keys, words, entry_id in self._gazetteer.get(key, ()):
                        n = len(keys)
                        if best is not None and n <= best[0] or i + n > len(tokens):
                            continue
                        if self._alias_fits(tokens[i : i + n], keys, words, i in sentence_starts):
                            best = (n, entry_id)
            if best is None:
                i += 1
                continue
            n, entry_id = best
            entry = self.kb.get(entry_id)
            found.append(Found(i, i + n, entry.type, entry.name, entry_id, "gazetteer"))
            i += n
        return found

    def lower_words(self) -> frozenset[str]:
        """First words of the aliases that open with a common word before the name ("agencja Reutera", "platforma
        X", "stan Waszyngton"): a match may start at such a word."""
        return self._lower_words

    @staticmethod
    def _build_lower_words(gazetteer) -> frozenset[str]:
        """``lower_words``, read off the gazetteer."""
        return frozenset(
            words[0].casefold()
            for entries in gazetteer.values()
            for _, words, _ in entries
            if not _is_capitalised(words[0]) and words[0].isalpha() and any(_is_capitalised(w) for w in words[1:])
        )

    def _alias_fits(self, span: list[Token], keys, words, sentence_initial: bool) -> bool:
        if not any(_is_capitalised(t.text) for t in span) and any(_is_capitalised(w) for w in words):
            return False
        for token, word_keys, word in zip(span, keys, words):
            if self.token_keys(token).isdisjoint(word_keys):
                return False
            text = _undotted(token)
            word_acronym, text_acronym = _is_acronym(word), _is_acronym(text)
            # An acronym in the base ("NIS", "AP") matches only an acronym in the text, not "Nis" or "ap",
            # and an acronym in the text only the same letters ("LIM" is not "Lima").
            if word_acronym != text_acronym and word.casefold() != text.casefold():
                return False
            if word_acronym and len(word) <= 3 and not text_acronym:
                return False  # a short acronym ("PO") is not a capitalised word ("Po" opening a sentence)
            if _is_capitalised(word) and not _is_capitalised(text) and word.isalpha():
                return False
        if len(span) == 1 and self._is_inhabitant(span[0].text):
            return False  # "Turcy" are no town Turek, "Kurdów" no Kurdy: members of a people (the NER's test)
        if len(span) == 1 and sentence_initial:
            # A capital opening a sentence proves nothing: the word must be a name to Morfeusz as well.
            return self.language.is_proper_name(span[0].text)
        return True

    def _is_inhabitant(self, word: str) -> bool:
        if self._inhabitant is None:
            features = self.language.data("ner_features") if hasattr(self.language, "data") else None
            self._inhabitant = getattr(features, "is_inhabitant", None) or (lambda word: False)
        return self._inhabitant(word)

    def link_name(self, base: str, surface: str, type_: str | None):
        """The knowledge-base entry a detected name refers to, or None."""
        for text in (base, surface):
            hits = self.kb.lookup(text)
            if hits:
                return self._choose(hits, type_)
        return self._fuzzy(base, type_)

    @staticmethod
    def _choose(hits, type_: str | None):
        if type_:
            typed = [h for h in hits if h.type == type_]
            if typed:
                return typed[0]
        return hits[0]

    def _fuzzy(self, base: str, type_: str | None):
        """A misspelt multi-word name ("Xi Jingpin") close to an alias that shares its first word."""
        words = WORD_RE.findall(base)
        if len(words) < 2:
            return None
        target = " ".join(w.casefold() for w in words)
        best, best_ratio = None, FUZZY_RATIO
        # Aliases that share the first word ("Xi Jingpin") or the last ("Emmenuel Macron").
        candidates = [*self._gazetteer.get(words[0].casefold(), ()), *self._by_last_word.get(words[-1].casefold(), ())]
        for keys, alias_words, entry_id in candidates:
            if len(alias_words) != len(words):
                continue
            matcher = SequenceMatcher(None, target, " ".join(w.casefold() for w in alias_words))
            if matcher.real_quick_ratio() <= best_ratio or matcher.quick_ratio() <= best_ratio:
                continue  # upper bounds of the ratio: it cannot beat the best so far
            ratio = matcher.ratio()
            entry = self.kb.get(entry_id)
            if entry.type == "PER" and not self._same_person_words(words, alias_words):
                continue
            if entry.type != "PER" and not _same_stem(words[0].casefold(), alias_words[0].casefold()):
                # A body's first word says what it is: "Ambasada Stanów Zjednoczonych" is no misspelt
                # "Armia Stanów Zjednoczonych", though the two differ by a few letters ("Radzie" is "Rada").
                continue
            if ratio > best_ratio and (type_ is None or entry.type == type_):
                best, best_ratio = entry, ratio
        return best

    def _same_person_words(self, words: list[str], alias_words: tuple[str, ...]) -> bool:
        """Whether a person's name may be a misspelling of an alias of the same length: "Francisco Yanez" is
        not "Francisco Lainez", "Pedro Castillo" not "Eduardo Castillo". The surname must be misspelt, not
        another; so must a first name, when the written one is a first name of its own (a lemma cut short,
        "Benjam Netanjahu", still is Beniamin Netanjahu)."""
        if not _misspelt(words[-1].casefold(), alias_words[-1].casefold()):
            return False
        first, other = words[0], alias_words[0]
        if len(words) < 2 or _misspelt(first.casefold(), other.casefold()):
            return True
        return not (first in self._first_names or self.may_be_person(first))

    # --- titles ----------------------------------------------------------------------------------

    def title_mentions(self, tokens: list[Token], found: list[Found], date: str | None) -> list[Found]:
        """ "prezydent Ukrainy", "północnokoreański przywódca": the office holder on the article's date."""
        if not date or not self.titles:
            return []
        by_start = {f.start: f for f in found}
        covered = {i for f in found for i in range(f.start, f.end)}
        out = []
        lemmas = [(t.lemma or t.text).casefold() for t in tokens]
        for i in range(len(tokens)):
            if lemmas[i] not in self._title_starts:
                continue
            for n in range(self.max_title, 0, -1):
                role = self.titles.get(tuple(lemmas[i : i + n]))
                if role is None or any(j in covered for j in range(i, i + n)):
                    continue
                if ud.plural(morph(tokens[i].tag)):
                    break  # "przywódcy Chin i Korei": several leaders, not one office holder
                country, start, end = None, i, i + n
                following = by_start.get(i + n)
                if following and following.entry and self._is_state(following.entry):
                    country, end = self.kb.get(following.entry).country, following.end
                    # "przywódcą Rosji Władimirem Putinem": the name that follows speaks for itself.
                    after = by_start.get(end)
                    if after and after.type == "PER":
                        break
                elif i > 0 and lemmas[i - 1] in self._adjectives:
                    country, start = self._adjectives[lemmas[i - 1]], i - 1
                if country:
                    holder = self.kb.holder(role, country, date)
                    if holder:
                        out.append(Found(start, end, holder.type, holder.name, holder.id, "title"))
                break
        return out

    def body_mentions(self, tokens: list[Token], found: list[Found], gazetteer: list[Found]) -> list[Found]:
        """ "MSZ Rosji", "białoruskie MSW", "Ministerstwo obrony Armenii": the named state's body of that role.

        The state is the name right after the title or the adjective right before it. A title without one
        ("MSW zdementowało") is the body last named with a state, unless the base linked it already (a bare
        "MSZ" in Polish news is Poland's)."""
        if not self.bodies:
            return []
        states = {g.start: g for g in gazetteer if g.entry and self._is_state(g.entry)}
        linked = {i for f in found if f.entry for i in range(f.start, f.end)}
        lemmas = [(t.lemma or t.text).casefold() for t in tokens]
        out: list[Found] = []
        last: dict[str, object] = {}
        i = 0
        while i < len(tokens):
            if lemmas[i] not in self._body_starts:
                i += 1
                continue
            role, n = None, 0
            for n in range(min(self.max_body, len(tokens) - i), 0, -1):
                role = self.bodies.get(tuple(lemmas[i : i + n]))
                if role:
                    break
            capitalised = any(_is_capitalised(t.text) for t in tokens[i : i + n])
            if (
                role is None
                or not (capitalised or role in self.lower_case_bodies)
                or self._inside_name(i, found, tokens, lemmas)
            ):
                i += 1
                continue
            country = self._body_state(tokens, lemmas, i, i + n, states)
            entry = self.kb.body(role, country) if country else None
            if entry is not None:
                last[role] = entry
            elif capitalised and role in last and not any(j in linked for j in range(i, i + n)):
                entry = last[role]
            if entry is not None:
                out.append(Found(i, i + n, entry.type, entry.name, entry.id, "body"))
            elif capitalised and not any(f.start < i + n and i < f.end for f in found):
                # A bare title the detector missed ("rozwiązania Kongresu"): the article's context settles
                # whose body it is, or drops it (``settle_bodies``).
                out.append(Found(i, i + n, "ORG", " ".join(t.text for t in tokens[i : i + n]), None, BARE_TITLE))
            i += n
        return out

    def _inside_name(self, start: int, found: list[Found], tokens: list[Token], lemmas: list[str]) -> bool:
        """Whether a title at ``start`` is words of a longer name the detector found, which opens with a
        capitalised word other than a state's adjective ("Rewolucyjne Siły Zbrojne Kolumbii" is FARC)."""
        return any(
            _is_capitalised(tokens[j].text) and lemmas[j] not in self._adjectives
            for f in found
            if f.start < start < f.end
            for j in range(f.start, start)
        )

    def _body_state(self, tokens: list[Token], lemmas: list[str], start: int, end: int, states) -> str | None:
        """The state a body's title names: the state right after it ("MSZ Rosji"), or its adjective right
        before ("rosyjskie MSZ") or right after it in lower case ("ministerstwo obrony rosyjskie")."""
        if end in states:
            return self.kb.get(states[end].entry).country
        if start > 0 and lemmas[start - 1] in self._adjectives:
            return self._adjectives[lemmas[start - 1]]
        if end < len(tokens) and lemmas[end] in self._adjectives and tokens[end].text.islower():
            return self._adjectives[lemmas[end]]
        return None

    def may_be_person(self, word: str) -> bool:
        """Whether Morfeusz knows ``word`` as a first name or surname ("Marek" is also the town Marki's genitive)."""
        return any(r.person and r.source for r in self.morphology.analyse(word))

    def unchanged_words(self, span: list[Token], base: str) -> str:
        """``base`` with the words the language never inflects as written ("Ab Bakr" -> "Abu Bakr", where the
        lemmatiser read "Abu" as an oblique form of "Ab"), when its words and the span's tokens align."""
        words = WORD_RE.findall(base)
        if len(words) != len(span) or not any(t.text.casefold() in self.language.unchanging_name_words for t in span):
            return base
        return " ".join(
            t.text if t.text.casefold() in self.language.unchanging_name_words else w for t, w in zip(span, words)
        )

    def base_form(self, tokens: list[Token], start: int, end: int, text: str) -> str:
        """The base form of the name on tokens [start, end) ("Serhija Popki" -> "Serhij Popko")."""
        return self.morphology.lemmatize_phrase(text[tokens[start].start : tokens[end - 1].end])

    def person_base(self, tokens: list[Token], start: int, end: int, base: str) -> str:
        """A person's base form whose surname agrees with the first name: "Tadeusza Rydzyka" is
        "Tadeusz Rydzyk" and "Mohameda Bazouma" "Mohamed Bazoum", though the phrase lemmatiser left the
        surname as written (a common noun "rydzyk" read as a complement, an unknown word as indeclinable)."""
        words = WORD_RE.findall(base)
        span = tokens[start:end]
        if len(words) < 2 or len(words) != len(span):
            return base
        if words[0] == span[0].text:
            if (
                words[-1] != span[-1].text
                and self._first_name_as_written(span[0].text)
                and words[1:-1] == [t.text for t in span[1:-1]]
            ):
                # "Sebastian Pinera" taken as "Sebastian Piner": a man's first name that would take an ending
                # in an oblique case has none, so the surname after it is in its base form too.
                return base[: len(base) - len(words[-1])] + span[-1].text
            return self._foreign_person_base(span, base)
        if words[-1] != span[-1].text:
            return base
        if words[1:] == [t.text for t in span[1:]] and (
            self._more_common_first_name(span[0].text, words[0])
            or not self.language.may_be_oblique_of(span[0].text, words[0])
            or not self._singular_lemma(span[0].text, words[0])
        ):
            # "Ali Bongo" taken as "Ala Bongo", "Irakli" as "Irakla": the surname is as written, and the first
            # name as written is the one more of the base's people bear, or no form of the lemma ("Cipi Hotovely"
            # taken as "Cipia", whose genitive is "Cipii").
            return span[0].text + base[len(words[0]) :]
        cases = set()
        for reading in self.morphology.candidates(span[0].text, name_like=True):
            # A first name of the dictionary, or a guessed one ("Hienadzia" -> "Hienadź").
            if reading.lemma == words[0] and (reading.person or not reading.source) and _masculine_personal(reading):
                cases |= morph(reading.tag).cases & self.language.oblique_cases
        surname = span[-1].text
        if not cases:
            return base
        if (
            not self.language.strip_case_ending(surname, cases)
            and self.language.surname_declines(surname)
            and self.language.may_be_base_form(span[0].text)
        ):
            # "Adama Barrow", "Irakli Kobachidze": a man's name in an oblique case would have the surname in it
            # too; a surname left as written says the first name is in its base form already.
            return span[0].text + base[len(words[0]) :]
        readings = [
            r
            for r in self.morphology.candidates(surname, name_like=True)
            if _is_capitalised(r.lemma)
            and r.lemma != surname
            and morph(r.tag).cases & cases
            and _singular(r)
            and (_masculine_personal(r) or not r.genders)
        ]
        if readings:
            lemma = max(readings, key=lambda r: r.score).lemma
        else:
            lemma = self.language.strip_case_ending(surname, cases)
        if not lemma or lemma == surname:
            return base
        return base[: len(base) - len(surname)] + lemma

    def _singular_lemma(self, word: str, lemma: str) -> bool:
        """Whether some singular reading of ``word`` has ``lemma``: a person is one ("Alon Ohel" is no plural
        "Alony" of the common noun "alona")."""
        return any(
            _singular(r) and r.lemma.casefold() == lemma.casefold()
            for r in self.morphology.candidates(word, name_like=True)
        )

    def _more_common_first_name(self, written: str, lemma: str) -> bool:
        """Whether more of the base's people have ``written`` as their first name than ``lemma``."""
        counts = self._first_name_counts
        return counts.get(written, 0) > counts.get(lemma, 0)

    def _build_first_name_counts(self) -> dict[str, int]:
        """First word -> how many of the base's people have it as the first word of a name of several words."""
        return dict(
            Counter(
                first
                for entry in self.kb
                if entry.type == "PER"
                for first in {
                    alias.split()[0] for alias in (entry.name, *entry.aliases_in(CANONICAL)) if " " in alias.strip()
                }
            )
        )

    def _first_name_as_written(self, word: str) -> bool:
        """Whether ``word`` ends in a consonant and no reading takes it for an oblique singular of another name
        ("Sebastian" may be the genitive plural of "Sebastiana" only)."""
        if word[-1:].lower() in VOWELS or not word[-1:].isalpha() or self._first_name_case(word):
            return False
        return not any(
            r.lemma != word and _singular(r) and morph(r.tag).cases & self.language.oblique_cases
            for r in self.morphology.candidates(word, name_like=True)
        )

    def _foreign_person_base(self, span: list[Token], base: str) -> str:
        """A foreign man's name the lemmatiser left as written: "Johanna Wadephula" is "Johann Wadephul" and
        "Sebastiena Lecornu" "Sebastien Lecornu", when the first name without its case ending is a first name
        the base knows and the surname agrees: it carries the same ending, or it is indeclinable (a vowel at
        the end). "Karla Rubilar" stays: her surname would change with a man's first name."""
        first = span[0].text
        found = self._first_name_case(first)
        if found is None or any(not _is_capitalised(t.text) for t in span):
            return base
        stem, cases = found
        words = [stem]
        for token in span[1:]:
            word = token.text
            stripped = self.language.strip_case_ending(word, cases)
            if stripped:
                words.append(stripped)
            elif word[-1:].lower() in VOWELS and first not in self._first_names and token is span[-1]:
                words.append(word)  # indeclinable: "Lecornu", "Imamoglu"
            elif token is not span[-1] and word in self._first_names:
                words.append(word)  # a second first name as written: "Luisa Fernando Camacho"
            else:
                return base
        return " ".join(words)

    def surname_entry(self, word: str, countries: Callable[[], set[str]] = set, date: str | None = None):
        """The one person of the base whose name ends in ``word`` ("Morawiecki") and who serves a state of
        ``countries()``, the states the article names ("Morales" in news from Bolivia), or None. Of several,
        the one holding an office on the article's ``date`` ("Mun" in 2018 is South Korea's president)."""
        key = word.casefold()
        # The family name: the last word, but the first of a Chinese, Korean or Vietnamese name ("Mun" is Mun
        # Dze In, not Pan Ki Mun).
        ids = {
            entry_id
            for keys, words, entry_id in self._by_last_word.get(key, ())
            if len(words) > 1
            and (entry := self.kb.get(entry_id)).type == "PER"
            and entry.country not in FAMILY_NAME_FIRST
        } | {
            entry_id
            for keys, words, entry_id in self._gazetteer.get(key, ())
            if len(words) > 1
            and words[0].casefold() == key
            and (entry := self.kb.get(entry_id)).type == "PER"
            and entry.country in FAMILY_NAME_FIRST
        }
        # Of one or several, only a person serving a state the article names: "Saul" in news from Israel is no
        # premier of Bermuda, though the base has one person of that surname.
        named = countries()
        ids = {entry_id for entry_id in ids if self.kb.get(entry_id).country in named}
        if len(ids) > 1 and date:
            ids = {entry_id for entry_id in ids if self.kb.offices_on(self.kb.get(entry_id), date)}
        return self.kb.get(ids.pop()) if len(ids) == 1 else None

    def sound_match(self, name: str, type_: str):
        """The one entry of a compatible type whose English name sounds as ``name`` written the Polish way
        ("Wiktor Janukowycz" -> Viktor Yanukovych, "Słowiańsk" -> Sloviansk), or None (none, or several)."""
        keys_of = getattr(self.language, "sound_keys", None)
        if keys_of is None:
            return None
        if self._by_sound is None:
            self._by_sound = sound_index(self)
        if not _sound_indexed(name, type_):
            return None
        kinds = SOUND_KINDS.get(type_, ())
        ids = {i for key in keys_of(name) for i in self._by_sound.get(key, ()) if self.kb.get(i).type in kinds}
        return self.kb.get(ids.pop()) if len(ids) == 1 else None

    def _build_sound_index(self) -> dict[str, set[str]]:
        by_sound: dict[str, set[str]] = defaultdict(set)
        for entry in self.kb:
            for alias in (entry.name, *entry.aliases_in(CANONICAL)):
                if _sound_indexed(alias, entry.type):
                    for key in self.language.sound_keys(alias):
                        by_sound[key].add(entry.id)
        return by_sound

    def _first_name_case(self, word: str) -> tuple[str, frozenset[str]] | None:
        """(base form, cases) of a man's first name in an oblique case by its regular ending ("Johanna" ->
        Johann, genitive or accusative), when the base form is a first name of the knowledge base's people."""
        for case_ending, cases in self.language.first_name_endings:
            stem = word[: -len(case_ending)]
            if word.endswith(case_ending) and len(stem) >= 3 and stem in self._first_names:
                return stem, cases
        return None

    def adjective_state(self, token: Token) -> str | None:
        """The state whose adjective ``token`` is ("irańskim" -> IRN), or None; a capitalised word inside a
        name ("Narodowy Bank Polski") is part of that name, not an adjective."""
        lemma = (token.lemma or token.text).casefold()
        return self._adjectives.get(lemma) if token.text[1:].islower() else None

    def names_state(self, token: Token, country: str) -> bool:
        """Whether ``token`` is a word of the state's name or its adjective ("RP", "Polskiej" for POL)."""
        keys = self._state_words.get(country)
        if keys is None:
            keys = set()
            for entry in self.kb:
                if entry.type == "GPE" and entry.country == country and self._is_state(entry.id):
                    lang = self.language.code
                    for alias in (entry.name, *entry.aliases_in(lang), *entry.forms_in(lang)):
                        for word in WORD_RE.findall(alias):
                            if _is_capitalised(word):
                                keys |= self.word_keys(word)
                    keys.update(adjective.casefold() for adjective in entry.adjectives_in(lang))
            self._state_words[country] = keys = frozenset(keys)
        return bool(self.token_keys(token) & keys)

    def _is_state(self, entry_id: str) -> bool:
        entry = self.kb.get(entry_id)
        return entry.is_state()


@cache
def load_linker(code: str) -> Linker:
    from kronika.kb import load_kb
    from kronika.lang import get_language

    return Linker(get_language(code), load_kb())


def _token_span(tokens: list[Token], start: int, end: int) -> tuple[int, int] | None:
    """Token indexes [first, last+1) of the tokens inside the characters [start, end); tokens are in text
    order, so two binary searches do (a long article must not cost a scan per mention)."""
    first = bisect_left(tokens, start, key=lambda t: t.start)
    last = bisect_right(tokens, end, key=lambda t: t.end)
    return (first, last) if first < last else None


def _starting_in(spans: list[Found], lo: int, hi: int) -> list[Found]:
    """The spans (sorted by start) that start at a token in [lo, hi): a slice, not a scan of the article."""
    return spans[bisect_left(spans, lo, key=lambda f: f.start) : bisect_left(spans, hi, key=lambda f: f.start)]


def _without_edge_quotes(linker: Linker, tokens: list[Token], span: tuple[int, int]) -> tuple[int, int] | None:
    """The span without quote marks at its ends (None when nothing else is left)."""
    quotes = getattr(linker.language, "quotes", frozenset())
    start, end = span
    while start < end and tokens[start].text in quotes:
        start += 1
    while end > start and tokens[end - 1].text in quotes:
        end -= 1
    return (start, end) if start < end else None


def _overlaps(a: Found, b: Found) -> bool:
    return a.start < b.end and b.start < a.end


def _merge(linker: Linker, tokens: list[Token], doc: Document, gazetteer: list[Found]) -> list[Found]:
    """The detector's mentions, linked where possible; gazetteer names fill in around them."""
    detected: list[Found] = []
    for mention in doc.mentions:
        span = _token_span(tokens, mention.start, mention.end)
        base = mention.lemma or mention.text
        if span is None or linker.is_demonym(mention.text, base):
            continue
        inner = _without_edge_quotes(linker, tokens, span)
        if inner is None:
            continue
        # A name in quote marks of its own ('"Wprost"') is a title, though its word is a common one.
        quoted = inner[0] > span[0] and inner[1] < span[1]
        if inner != span:
            # 'fundacji "Ordo Iuris"', '"Nikopol"': the quote marks around a name are not part of it.
            # The detector's base form is kept: lemmatised anew, "Wprost" would be taken for the adverb.
            span, base = inner, base.strip("".join(linker.language.quotes) + " ")
        if not _is_capitalised(tokens[span[0]].text):
            # "tzw. Globalne Południe": a name starts at its first capital.
            first = next((i for i in range(*span) if _is_capitalised(tokens[i].text)), None)
            if first is None:
                continue
            span = (first, span[1])
            base = linker.base_form(tokens, *span, doc.text)
        base = linker.unchanged_words(tokens[span[0] : span[1]], base)
        entry = linker.link_name(base, mention.text, mention.type)
        if entry is None and mention.type == "PER":
            base = linker.person_base(tokens, *span, base)
            entry = linker.link_name(base, mention.text, mention.type)
        elif entry is None and span[1] - span[0] > 1:
            # A person's name the detector typed otherwise ("Kim Dzong Una" as a body) is still that person,
            # when its base form as a person's is one of the base's people.
            person = linker.link_name(linker.person_base(tokens, *span, base), mention.text, "PER")
            if person is not None and person.type == "PER":
                entry = person
        found = Found(span[0], span[1], mention.type, base, entry.id if entry else None, mention.source)
        if entry:
            found.type, found.name = entry.type, entry.name
        inner = [g for g in _starting_in(gazetteer, found.start, found.end) if g.end <= found.end]
        if (
            entry is None
            and inner
            and inner[0].start == found.start
            and inner[0].type in ("GPE", "LOC")
            and inner[0].end < found.end
            and _is_capitalised(tokens[inner[0].end].text)
        ):
            # "Kijowa Serhij Popko", "Chin Xi Jinping": a place, then a name of its own. Unless the first word
            # may be a first name ("Marek Miga") and what follows is no name the base knows.
            rest = (inner[0].end, found.end)
            rest_base = linker.base_form(tokens, *rest, doc.text)
            rest_entry = linker.link_name(rest_base, doc.text[tokens[rest[0]].start : tokens[rest[1] - 1].end], None)
            if rest_entry is not None or not (
                linker.may_be_person(tokens[inner[0].start].text)
                or _first_name_place(linker, tokens, inner[0], mention)
            ):
                detected.append(
                    Found(
                        *rest,
                        rest_entry.type if rest_entry else mention.type,
                        rest_entry.name if rest_entry else rest_base,
                        rest_entry.id if rest_entry else None,
                        mention.source,
                    )
                )
                continue
        at = _person_after_body(linker, tokens, found, inner, mention.type) if entry is None else None
        if at is not None:
            # "rzeczniczka Pentagonu Sabrina Singh", "szef Stowarzyszenia Dziennikarzy Turcji Ahmet Abakay": a
            # body the detector ran into the name of the person it gave a title.
            if not any(g.start == found.start and g.end == at for g in inner):
                head = linker.base_form(tokens, found.start, at, doc.text)
                detected.append(Found(found.start, at, "ORG", head, None, mention.source))
            rest = linker.person_base(tokens, at, found.end, linker.base_form(tokens, at, found.end, doc.text))
            person = linker.link_name(rest, doc.text[tokens[at].start : tokens[found.end - 1].end], "PER")
            detected.append(
                Found(at, found.end, "PER", person.name if person else rest, person.id if person else None, mention.source)
            )
            continue
        if (
            entry is None
            and inner
            and (len(inner) > 1 or inner[0].end - inner[0].start > 1 or found.end - found.start == 1)
        ):
            continue  # the gazetteer's names replace a span the model ran together
        if (
            entry is None
            and found.end - found.start == 1
            and not quoted
            and not linker.language.is_proper_name(mention.text)
        ):
            continue  # one capitalised common word ("Sojusz", "Pałac") the base does not know is no name
        if entry is None and found.type in ("ORG", "PER", "MISC", None):
            # "Ministerstwo obrony Armenii", "Konsulat Generalny RP w Irkucku": an unknown body of a known
            # state belongs to that state.
            states = [linker.kb.get(g.entry) for g in inner if g.entry]
            states = [e for e in states if e and e.type == "GPE" and e.country]
            if states:
                found.country = states[0].country
        detected.append(found)
    kept = list(detected)
    detected.sort(key=lambda d: d.start)
    longest = max((d.end - d.start for d in detected), default=0)
    for g in gazetteer:
        clashes = [d for d in _starting_in(detected, g.start - longest, g.end) if _overlaps(d, g)]
        if not clashes:
            kept.append(g)
        elif any(d.start <= g.start and g.end <= d.end for d in clashes):
            continue  # a name the detector kept whole: "Marek" in "Marek Miga" is not the town Marki
        elif all(d.entry is None or (g.end - g.start) > (d.end - d.start) for d in clashes):
            kept = [k for k in kept if k not in clashes]
            kept.append(g)
    return kept


def _person_after_body(
    linker: Linker, tokens: list[Token], found: Found, inner: list[Found], mention_type: str | None
) -> int | None:
    """Where a person's name starts in a span the detector ran on from a body the base knows, or None. The
    body's last word is in an oblique case or an acronym ("Pentagonu", "Hezbollahu", "ONZ", "Turcji": a
    complement of the person's title before it), or the detector typed the whole a person ("Huti Jahja
    Sarea"); two or three capitalised words follow, none of them a name the base knows, the first a first
    name (of the base's people or the dictionary's), or each a proper name or a word the dictionary lacks
    ("Sabrina Singh"). "Gazprom Germania GmbH" stays whole: "Gazprom" is in its base form."""
    for g in inner:
        at, rest = g.end, found.end - g.end
        if not (g.entry and found.start <= g.start and 2 <= rest <= 3):
            continue
        if g.start == found.start and g.type in ("GPE", "LOC"):
            continue  # a place first is the rule above's ("Kijowa Serhij Popko"; "Polski Przemysł Futrzarski")
        last = tokens[at - 1]
        words = tokens[at : found.end]
        if not (mention_type == "PER" or _is_acronym(last.text) or (last.lemma and last.lemma != last.text)):
            continue
        if not all(_is_capitalised(t.text) and not _is_acronym(t.text) for t in words):
            continue
        if any(h.start >= at for h in inner if h.entry):
            continue
        first = words[0].text
        if (
            mention_type == "PER"
            or first in linker._first_names
            or linker.may_be_person(first)
            or all(linker.language.is_proper_name(t.text) for t in words)
        ):
            return at
    return None


def _first_name_place(linker: Linker, tokens: list[Token], place: Found, mention) -> bool:
    """Whether a one-word place opening a name the detector typed a person's is its first name instead ("Rosario
    Silva de Lapuerta", "Hassan Nur"): a town, not a state, written in its base form; a place before a
    person's name stands in the genitive of a title ("mer Kijowa Serhij Popko", "przywódca Chin Xi Jinping")."""
    token = tokens[place.start]
    return (
        mention.type == "PER"
        and place.end - place.start == 1
        and not linker._is_state(place.entry)
        and token.text == token.lemma
    )


def _group(linker: Linker, found: list[Found], tokens: list[Token], date: str | None) -> list[Entity]:
    groups: dict[str, Group] = {}
    # Words of every linked or full name in the article, for "Kim" -> Kim Jong Un.
    by_word: dict[str, list[str]] = defaultdict(list)
    # Types the detector gave each unlinked name: one name is one entity whatever type each mention got
    # ("Kijowa Serhij Popko" read as a body, "Serhij Popko" as a person).
    votes: dict[str, Counter] = defaultdict(Counter)
    pending: list[Found] = []
    for f in found:
        if f.entry or f.end - f.start > 1 or f.source == "title":
            key = f.entry or _name_key(f.name)
            group = groups.setdefault(key, Group(key, f.name, f.type or "MISC", f.entry, country=f.country))
            group.mentions.append((f.start, f.end))
            group.country = group.country or f.country
            if not f.entry:
                votes[key][f.type or "MISC"] += 1
            entry = linker.kb.get(f.entry) if f.entry else None
            names = [f.name]
            if entry and entry.type == "PER":
                names += [*entry.aliases_in(linker.language.code), *entry.aliases_in(CANONICAL)]
            names += [" ".join(t.lemma or t.text for t in tokens[f.start : f.end])]
            for name in names:
                for word in WORD_RE.findall(name):
                    if _is_capitalised(word) and key not in by_word[word.casefold()]:
                        by_word[word.casefold()].append(key)
        else:
            pending.append(f)
    _settle_types(groups, votes)
    _join_variants(groups, votes)
    named_states = cache(lambda: set(article_states(linker, tokens, found)))
    for f in pending:
        word = f.name.casefold()
        candidates = [
            k for k in by_word.get(word, ()) if k in groups and (f.type is None or groups[k].type in (f.type, "PER"))
        ]
        alone = linker.surname_entry(f.name, named_states, date) if not candidates and f.type == "PER" else None
        if candidates:
            # The entity mentioned most often so far: "Kim" is Kim Jong Un, not his daughter Kim Ju Ae.
            key = max(candidates, key=lambda k: len(groups[k].mentions))
        elif alone:
            # A surname alone that only one person of the base bears ("Morawiecki"): that person.
            key = alone.id
            groups.setdefault(key, Group(key, alone.name, alone.type, alone.id))
        else:
            key = _name_key(f.name)
            votes[key][f.type or "MISC"] += 1
        group = groups.setdefault(key, Group(key, f.name, f.type or "MISC", f.entry, country=f.country))
        group.mentions.append((f.start, f.end))
    _settle_types(groups, votes)
    _join_surnames(linker, groups, by_word, tokens)
    _join_initials(linker, groups, by_word, tokens)
    join_acronyms(groups, tokens)
    _romanize(linker, groups, votes, tokens)
    entities = []
    for group in groups.values():
        entry = linker.kb.get(group.entry) if group.entry else None
        country = entry.country if entry else group.country
        sector = None
        if entry:
            code = linker.kb.actor_code(entry, date) or ""
            sector = code[len(country or "") :] or entry.sector
        mentions = sorted({(tokens[s].start, tokens[e - 1].end) for s, e in group.mentions})
        key = group.key if entry or not group.key.startswith(NAME_KEY) else local_id(group.type, group.name)
        entities.append(
            Entity(
                id=key,
                # An apostrophe as the English names write it ("N'Tchama", "Côte d'Ivoire"), not the typographic
                # one Polish text sets.
                name=group.name if entry else group.name.replace("’", "'"),
                type=group.type if group.type in ("PER", "ORG", "GPE", "LOC") else "MISC",
                country=country,
                sector=sector or None,
                mentions=[Mention(s, e, "") for s, e in mentions],
            )
        )
    entities.sort(key=lambda e: e.mentions[0].start)
    return entities


def _join_surnames(linker: Linker, groups: dict[str, Group], by_word: dict[str, list[str]], tokens: list[Token]):
    """A name written as one word ("Ghani", "Santosa", "Asada", "Hassan") that repeats a word of a person's
    full name in the article is that person, though its lemma went astray ("Ghań") or the base linked it to
    a place or another person of that name: within one article the full name said who is meant."""
    people = {k for k, g in groups.items() if _full_name(linker, g, tokens)}
    for key, group in list(groups.items()):
        if key in people or any(e - s > 1 for s, e in group.mentions) or group.type not in ("PER", "GPE", "LOC"):
            continue
        if group.entry and linker._is_state(group.entry):
            continue
        forms = set()
        for start, _ in group.mentions:
            token = tokens[start]
            stripped = linker.language.strip_case_ending(token.text, linker.language.oblique_cases)
            forms.update(w.casefold() for w in (token.text, token.lemma, stripped) if w)
        candidates = {k for form in forms for k in by_word.get(form, ()) if k in people and k != key}
        if not candidates:
            continue
        target = groups[max(sorted(candidates), key=lambda k: len(groups[k].mentions))]
        target.mentions += group.mentions
        del groups[key]


def _join_initials(linker: Linker, groups: dict[str, Group], by_word: dict[str, list[str]], tokens: list[Token]):
    """A name the base lacks written as an initial and a surname ("K. Nawrockiego") is the one person named in
    full in the article whose surname that is and whose first name opens with that letter (Karol Nawrocki)."""
    people = {k for k, g in groups.items() if _full_name(linker, g, tokens)}
    for key, group in list(groups.items()):
        if group.entry or group.type != "PER":
            continue
        found = INITIAL_NAME_RE.fullmatch(group.name)
        if found is None:
            continue
        initial, surname = found.groups()
        candidates = {
            k
            for k in by_word.get(surname.casefold(), ())
            if k in people
            and k != key
            and groups[k].name[:1] == initial
            and not INITIAL_NAME_RE.fullmatch(groups[k].name)
        }
        if len(candidates) == 1:
            groups[candidates.pop()].mentions += group.mentions
            del groups[key]


def _full_name(linker: Linker, group: Group, tokens: list[Token]) -> bool:
    """Whether the group is a person named in full somewhere: typed a person, or a name the base lacks typed
    a body that opens with a first name ("Filippo Grandi", which the detector took for a body)."""
    full = [(s, e) for s, e in group.mentions if e - s > 1]
    if not full or group.type not in ("PER", "ORG"):
        return False
    if group.type == "PER":
        return True
    first = tokens[full[0][0]].text
    return not group.entry and (first in linker._first_names or linker.may_be_person(first))


def _romanize(linker: Linker, groups: dict[str, Group], votes: dict[str, Counter], tokens: list[Token]) -> None:
    """Names the base lacks, written in a Polish transliteration ("Serhij Popko", "Awdijiwka"), take their
    English spelling, and the base's entry when it has that spelling ("Denys Szmyhal" -> Denys Shmyhal)."""
    romanize = getattr(linker.language, "romanize", None)
    if romanize is None:
        return
    context: Counter = Counter()
    for group in groups.values():
        entry = linker.kb.get(group.entry) if group.entry else None
        if entry and entry.type == "GPE" and entry.country:
            context[entry.country] += len(group.mentions)
    for key in [k for k in votes if k in groups]:
        group = groups[key]
        if group.type == "ORG" and (entry := linker.sound_match(group.name, "PER")):
            # A person's name the detector typed as a body ("Caj Ing-wen"), which sounds as one of the base's
            # people: that person.
            _move(groups, key, entry)
            continue
        if group.type not in ("PER", "GPE", "LOC"):
            continue
        person = group.type == "PER"
        spelt = romanize(group.name, context, group.country if person else None, linker.first_name_evidence(), person)
        hits = [e for e in linker.kb.lookup(spelt[0]) if e.type == group.type] if spelt else []
        if not hits and (entry := linker.sound_match(group.name, group.type)):
            hits = [entry]
        if not hits and (entry := _other_base_match(linker, group, tokens, context)):
            hits = [entry]
        if hits:
            _move(groups, key, hits[0])
            continue
        if spelt:
            group.name, country = spelt
            group.country = group.country or country


def _move(groups: dict[str, Group], key: str, entry) -> None:
    """The mentions of the unlinked group ``key`` go to the group of the base's ``entry``."""
    target = groups.get(entry.id)
    if target is None:
        groups[entry.id] = Group(entry.id, entry.name, entry.type, entry.id, list(groups[key].mentions))
    else:
        target.mentions += groups[key].mentions
    del groups[key]


def _other_base_match(linker: Linker, group: Group, tokens: list[Token], context: Counter):
    """The one entry of the base that another reading of the group's words names, when its own base form
    names none: a foreign name's oblique form the lemmatiser left as written or took for another lemma
    ("Alijewem" read as "Alijewo", "Isfahanie" kept whole) still has its right base form among the
    morphology's candidates ("Alijew", "Isfahan"). Several entries so found are no answer."""
    found: dict[str, object] = {}
    for start, end in group.mentions:
        for name in _base_readings(linker, tokens[start:end]):
            person = group.type == "PER"
            spelt = linker.language.romanize(
                name, context, group.country if person else None, linker.first_name_evidence(), person
            )
            hits = [
                e
                for text in (name, spelt[0] if spelt else None)
                if text
                for e in linker.kb.lookup(text)
                if e.type in SOUND_KINDS[group.type]
            ]
            entry = linker.sound_match(name, group.type)
            for hit in hits + ([entry] if entry else []):
                found[hit.id] = hit
            if len(found) > 1:
                return None
    return next(iter(found.values()), None)


def _base_readings(linker: Linker, span: list[Token]) -> list[str]:
    """Names the words of ``span`` may have as base forms, one lemma of the morphology's candidates for each
    capitalised word (the word itself among them); a long name with many readings yields none."""
    options = []
    for token in span:
        lemmas = [token.text]
        if _is_capitalised(token.text):
            lemmas += [
                r.lemma for r in linker.morphology.candidates(token.text, name_like=True) if _is_capitalised(r.lemma)
            ]
            # A man's surname by its regular ending ("Alijewem" -> "Alijew"), which the guesser may not offer.
            stripped = linker.language.strip_case_ending(token.text, linker.language.oblique_cases)
            if stripped:
                lemmas.insert(1, stripped)
            # A man's name in -o ("Poroszenki" -> "Poroszenko", "Petra" -> "Petro"), which neither offers.
            o_base = linker.language.o_name_base(token.text)
            if o_base:
                lemmas.insert(1, o_base)
        options.append(list(dict.fromkeys(lemmas))[:MAX_BASE_READINGS])  # each lemma once, the first place kept
    if prod(len(o) for o in options) > MAX_BASE_NAMES:
        return []
    return [" ".join(words) for words in product(*options)]


def _sound_indexed(name: str, type_: str | None) -> bool:
    """Persons by two or more words; places by one long word or more."""
    words = WORD_RE.findall(name)
    if type_ == "PER":
        return len(words) > 1
    return type_ in ("GPE", "LOC") and (len(words) > 1 or len(name) >= SOUND_MIN_LETTERS)


def _settle_types(groups: dict[str, Group], votes: dict[str, Counter]) -> None:
    for key, counts in votes.items():
        if key in groups:
            groups[key].type = max(counts, key=lambda t: (counts[t], TYPE_PREFERENCE.get(t, 0)))


def _name_key(name: str) -> str:
    return NAME_KEY + name.casefold()


def _join_variants(groups: dict[str, Group], votes: dict[str, Counter]) -> None:
    """Unlinked person names that differ only in the ending of a first name ("Janezem Janszą" taken as
    "Janezen Jansza", "Janezowi Janszy" as "Janez Jansza"), one of them maybe typed as a body: one person,
    named by its most frequent form, else the one typed as a person, else its shortest."""
    people = [g for k, g in groups.items() if k in votes and g.type in ("PER", "LOC", "GPE", "MISC", "ORG")]
    for a in people:
        for b in people:
            if a is b or a.key not in groups or b.key not in groups or "PER" not in (a.type, b.type):
                continue
            wa, wb = WORD_RE.findall(a.name), WORD_RE.findall(b.name)
            if len(wa) != len(wb) or len(wa) < 2 or wa[1:] != wb[1:] or wa[0] == wb[0]:
                continue
            if len(os.path.commonprefix([wa[0].casefold(), wb[0].casefold()])) < min(4, len(wa[0]), len(wb[0])):
                continue
            # A person's reading settled the base form of a name typed as a person ("Irakli", not "Irakla").
            keep, drop = sorted((a, b), key=lambda g: (-len(g.mentions), g.type != "PER", len(g.name)))
            keep.mentions += drop.mentions
            keep.type = "PER"
            keep.country = keep.country or drop.country
            del groups[drop.key]


def _name_parts(linker: Linker, tokens: list[Token], found: list[Found]) -> list[Found]:
    """Capitalised words that repeat a part of a person's full name found elsewhere in the article ("Kim",
    "Kima", "Putina"), for when no detector marked them: the grouping step then joins them to that person."""
    covered = {i for f in found for i in range(f.start, f.end)}
    parts: set[str] = set()
    for f in found:
        if f.type == "PER" and f.end - f.start > 1:
            entry = linker.kb.get(f.entry) if f.entry else None
            names = [f.name, *(entry.aliases_in(linker.language.code) if entry else ())]
            names += [" ".join(t.lemma or t.text for t in tokens[f.start : f.end])]
            parts.update(w.casefold() for name in names for w in WORD_RE.findall(name) if _is_capitalised(w))
    out = []
    for i, token in enumerate(tokens):
        if i in covered or not _is_capitalised(token.text) or _is_acronym(token.text):
            continue
        lemma = token.lemma or token.text
        if lemma.casefold() in parts:
            out.append(Found(i, i + 1, "PER", lemma, None, "name part"))
    return out


def link_entities(doc: Document, linker: Linker) -> list[Entity]:
    """The article's entities: every name mention linked, grouped and pointed back to the text."""
    if not doc.tokens:
        return []
    tokens = split_name_pairs(linker, doc.tokens)
    sentence_starts = {span[0] for s, e in doc.sentences if (span := _token_span(tokens, s, e))}
    gazetteer = linker.gazetteer_matches(tokens, sentence_starts)
    found = _merge(linker, tokens, doc, gazetteer)
    bodies = linker.body_mentions(tokens, found, gazetteer)
    if bodies:
        # A body replaces what overlaps it; a state the replaced span held keeps its own mention.
        replaced = [f for f in found if any(_overlaps(f, b) for b in bodies)]
        found = [f for f in found if f not in replaced] + bodies
        taken = {i for f in found for i in range(f.start, f.end)}
        found += [
            g
            for g in gazetteer
            if any(r.start <= g.start and g.end <= r.end for r in replaced)
            and not any(i in taken for i in range(g.start, g.end))
        ]
    found += linker.title_mentions(tokens, found, doc.date)
    found = drop_credits(linker, tokens, doc.text, found)
    found = drop_openers(linker, tokens, sentence_starts, found)
    found = drop_vehicles(linker, tokens, found)
    found = street_mentions(linker, tokens, found)
    found += _name_parts(linker, tokens, found)
    found.sort(key=lambda f: f.start)
    type_listed_places(linker, tokens, found)
    _title_countries(linker, tokens, found)
    settle_bodies(linker, tokens, found, doc.text)
    entities = _group(linker, found, tokens, doc.date)
    for entity in entities:
        for mention in entity.mentions:
            mention.text = doc.text[mention.start : mention.end]
    return entities


def _title_countries(linker: Linker, tokens: list[Token], found: list[Found]) -> None:
    """A person the base does not know serves the state their title names: "prezydent Kenii X", "amerykański
    dyplomata X", "ambasador RP w Petersburgu X" (the state, not the city). The title is the run of lower-case
    words, states and states' adjectives right before a mention; the nearest state in it wins."""
    states = {}
    for f in found:
        if f.entry and linker._is_state(f.entry):
            states.update((i, linker.kb.get(f.entry).country) for i in range(f.start, f.end))
    named = {i: f.type for f in found for i in range(f.start, f.end)}
    for f in found:
        if f.type == "PER" and not f.entry and not f.country:
            f.country = _title_state(linker, tokens, f.start, states, named)


def _title_state(
    linker: Linker, tokens: list[Token], start: int, states: dict[int, str], named: dict[int, str | None]
) -> str | None:
    for j in range(start - 1, max(-1, start - 1 - TITLE_REACH), -1):
        if j in states:
            return states[j]
        lemma = (tokens[j].lemma or tokens[j].text).casefold()
        if lemma in linker._adjectives and tokens[j].text[1:].islower():
            return linker._adjectives[lemma]
        if named.get(j) == "PER" or (j not in named and not (tokens[j].text.isalpha() and tokens[j].text.islower())):
            return None  # another person, punctuation or a capitalised word ends the title; a city does not
    return None


class EntityStage:
    """Links name mentions to the knowledge base and groups them into one entity each."""

    name = "entities"
    requires = ("tokens.lemma", "mentions")
    assigns = ("entities",)

    def __init__(self, language):
        self.language = language

    def __call__(self, doc: Document) -> Document:
        doc.entities = link_entities(doc, load_linker(self.language.code))
        return doc


def _masculine_personal(reading) -> bool:
    """A reading of the masculine personal gender (UD's ``Animacy=Hum``), the gender of men's names."""
    return "Animacy=Hum" in morph(reading.tag).feats


def _singular(reading) -> bool:
    return "Number=Sing" in morph(reading.tag).feats

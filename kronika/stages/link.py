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

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from difflib import SequenceMatcher
from functools import cache
from os.path import commonprefix

from kronika.caches import WORD_TYPES
from kronika.kb.model import CANONICAL_LANGUAGE as CANONICAL
from kronika.kb.naming import FAMILY_NAME_FIRST
from kronika.record import Document, Entity, Token
from kronika.stages.link_context import settle_bodies
from kronika.stages.link_regions import elided_regions
from kronika.stages.link_societies import national_societies
from kronika.stages.link_coref import name_parts
from kronika.stages.link_credits import drop_credits
from kronika.stages.link_domains import web_portals
from kronika.stages.link_first_names import first_names_before
from kronika.stages.link_group import group_entities
from kronika.stages.link_index import first_name_evidence, linker_indexes, sound_index
from kronika.stages.link_lists import type_listed_people, type_listed_places
from kronika.stages.link_nasab import has_son_of, nasab_index, nasab_match
from kronika.stages.link_merge import merge_detected
from kronika.stages.link_model import (
    SOUND_KINDS,
    WORD_RE,
    Found,
    Group,
    is_acronym,
    is_capitalised,
    leader_alias,
    local_id,
    overlaps,
    token_span,
)
from kronika.stages.link_openers import drop_openers
from kronika.stages.link_pairs import split_name_pairs
from kronika.stages.link_person import PersonBaseForms
from kronika.stages.link_streets import street_mentions
from kronika.stages.link_towns import placed_towns
from kronika.stages.link_titles import TitleMentions, title_countries
from kronika.stages.link_vehicles import drop_vehicles

# The public names; Found, Group and local_id live in link_model.py and are kept importable from here.
__all__ = ["EntityStage", "Found", "Group", "Linker", "link_entities", "load_linker", "local_id"]

# Longest alias the gazetteer tries, in words ("Organizacja Traktatu Północnoatlantyckiego" has three).
MAX_ALIAS_WORDS = 8
# How close a misspelt name must be to a known alias (difflib ratio over the diacritics-free keys).
FUZZY_RATIO = 0.85
# How close a misspelt person's surname must be on its own: the shared first name makes the whole ratio high.
SURNAME_RATIO = 0.8
# First letters two forms of a Polish word share ("Radzie", "Rada"; "Ligi", "Liga"): a misspelt body's first
# word must share them with the alias's.
STEM_LETTERS = 3
# The words of an alias as the segmenter splits text: an abbreviation keeps its full stop ("ds.", "Płn.").
ALIAS_WORD_RE = re.compile(r"\w+\.(?!\w)|\w+(?:['’-]\w+)*|[^\w\s]")
# A one-word place must be this long to be matched by sound ("Słowiańsk"); shorter ones meet too many others.
SOUND_MIN_LETTERS = 6


def _misspelt(word: str, alias_word: str) -> bool:
    """Whether ``word`` is ``alias_word`` or close enough to be a misspelling of it."""
    return word == alias_word or _ratio_reaches(SequenceMatcher(None, word, alias_word), SURNAME_RATIO)


def _ratio_reaches(matcher: SequenceMatcher, least: float) -> bool:
    """``matcher.ratio() >= least``, its cheap upper bounds asked first (most pairs fail on them)."""
    return matcher.real_quick_ratio() >= least and matcher.quick_ratio() >= least and matcher.ratio() >= least


def _same_stem(word: str, alias_word: str) -> bool:
    """Whether two words may be forms or misspellings of one word: the same first letters ("radzie", "rada")."""
    return _misspelt(word, alias_word) or len(commonprefix((word, alias_word))) >= STEM_LETTERS


def _same_word(word: str, alias_word: str) -> bool:
    """Whether a word of a body's name may be the alias's word: a form or misspelling of it, or cut short ("P"
    for "Półksiężyca" where the text breaks off)."""
    word, alias_word = word.casefold(), alias_word.casefold()
    return _same_stem(word, alias_word) or alias_word.startswith(word) or word.startswith(alias_word)


def _undotted(token: Token) -> str:
    """The token's word without the full stop the segmenter kept with it: a letter closing a sentence ("w
    serwisie X.") is one token with its stop, as an initial is, and its lemma is the letter alone."""
    if token.text.endswith(".") and token.lemma and token.lemma == token.text[:-1]:
        return token.lemma
    return token.text


class Linker(PersonBaseForms, TitleMentions):
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
        self._title_words = frozenset(w for key in (*self.titles, *self.bodies) for w in key)
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
        self._by_nasab: dict | None = None  # built on first use: few articles name an Arab the base lacks
        self._state_words: dict[str, frozenset[str]] = {}  # filled on first use by names_state
        self._first_name_evidence = None  # built on first use by first_name_evidence
        self._token_keys: dict[tuple[str, str | None], frozenset[str]] = {}  # token_keys' answers
        self._inhabitant = None  # the language's test for a member of a people, found on first use
        self._capitals: frozenset[str] | None = None  # the states' capitals' ids, found on first use
        self._english_adjectives: dict[str, str] | None = None  # the states' English adjectives, on first use

    # --- indexes ---------------------------------------------------------------------------------

    def word_keys(self, word: str) -> frozenset[str]:
        """What a word of an alias can be matched by: itself and the lemmas of its nominative readings.

        Aliases are written in their base form, so only nominative readings count: "Marka" (a town) must
        not take the lemma of the genitive of the first name "Marek"."""
        keys = {word.casefold()}
        readings = self.morphology.analyse(word)
        if is_capitalised(word) and (forms := getattr(self.language, "unknown_name_forms", None)):
            # A foreign name the dictionary lacks still declines ("w Burkinie Faso"); so does one it reads only as
            # a form of another word ("Al-Kaida" as a genitive of "al-kaid"), which it lacks as a name.
            own = any(r.lemma.casefold() == word.casefold() for r in readings)
            keys.update(f.casefold() for f in forms(word, [r.tag for r in readings] if own else []))
        elif word.islower() and (forms := getattr(self.language, "unknown_adjective_forms", None)):
            # A region's adjective the dictionary lacks declines too ("w obwodzie briańskim").
            keys.update(forms(word, [r.tag for r in readings]))
        for reading in readings:
            if not self.language.is_nominative(reading.tag):
                continue
            # A depreciative plural ("te Marki") is never the base form of a name: "Marki" is not "Marek".
            if self.language.is_depreciative(reading.tag):
                continue
            # A capitalised word of a name keeps its name readings and adjective readings ("Północna" ->
            # północny); a common-noun reading would let "Marki" (a town) match the name "Marek".
            if not is_capitalised(word) or is_capitalised(reading.lemma) or self.language.is_adjective(reading.tag):
                keys.add(reading.lemma.casefold())
        return frozenset(keys)

    def _build_gazetteer(self) -> dict[str, list[tuple[tuple[frozenset[str], ...], tuple[str, ...], str]]]:
        index: dict[str, list] = defaultdict(list)
        self._by_last_word: dict[str, list] = defaultdict(list)
        # First words of the lower-case names of places ("obwód", "województwo"), where a match may start.
        self._lower_starts: set[str] = set()
        seen: set[tuple[str, str]] = set()
        word_keys: dict[str, frozenset[str]] = {}
        for entry in self.kb:
            for alias in (entry.name, *entry.aliases_in(self.language.code), *entry.aliases_in(CANONICAL)):
                words = tuple(ALIAS_WORD_RE.findall(alias))
                if not words or len(words) > MAX_ALIAS_WORDS:
                    continue
                if not any(is_capitalised(w) for w in words):
                    # A region's name is written in lower case ("obwód kurski", "województwo śląskie"): a noun
                    # and a place's adjective, which no common phrase is. Other lower-case aliases ("armia
                    # rosyjska", "demokraci") are descriptions, not names to look for in text.
                    if entry.type != "GPE" or len(words) < 2:
                        continue
                    self._lower_starts.add(words[0].casefold())
                if (alias, entry.id) in seen:
                    continue
                seen.add((alias, entry.id))
                # One set per word, shared by every alias the word is in (the prebuilt file keeps one copy).
                keys = tuple(
                    word_keys[w] if w in word_keys else word_keys.setdefault(w, self.word_keys(w)) for w in words
                )
                for key in keys[0]:
                    index[key].append((keys, words, entry.id))
                if len(words) > 1:
                    self._by_last_word[words[-1].casefold()].append((keys, words, entry.id))
        return index

    def is_first_name(self, word: str) -> bool:
        """Whether ``word`` opens a person's name of two words or more in the base, as written ("Recep")."""
        return word in self._first_names

    def first_name_count(self, word: str) -> int:
        """How many of the base's people's names ``word`` opens (0 when none)."""
        return self._first_name_counts.get(word, 0)

    def aliases_opening(self, key: str) -> list[tuple[tuple[frozenset[str], ...], tuple[str, ...], str]]:
        """The base's aliases whose first word ``key`` matches: each word's keys, the words and the entry's id."""
        return self._gazetteer.get(key, [])

    def _build_first_names(self) -> frozenset[str]:
        """First words of the base's people with a first name and surname ("Johann", "Recep", "Yoav")."""
        return frozenset(
            words[0]
            for entry in self.kb
            if entry.type == "PER"
            for alias in (entry.name, *entry.aliases_in(CANONICAL))
            if len(words := alias.split()) > 1 and words[0].isalpha() and is_capitalised(words[0])
        )

    def first_name_evidence(self):
        """The language pack's reading of the base's people's first names by country, for ``romanize``."""
        if self._first_name_evidence is None and hasattr(self.language, "first_names"):

            def first_words(aliases):
                return [w[0] for a in aliases if len(w := a.split()) > 1 and w[0].isalpha() and is_capitalised(w[0])]

            self._first_name_evidence = first_name_evidence(
                self,
                lambda: self.language.first_names(
                    (
                        e.country,
                        first_words((e.name, *e.aliases_in(CANONICAL))),
                        first_words(e.aliases_in(self.language.code)),
                    )
                    for e in self.kb
                    if e.type == "PER"
                ),
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
            if is_capitalised(token.text):
                keys.update(r.lemma.casefold() for r in self.morphology.analyse(token.text) if is_capitalised(r.lemma))
            found = self._token_keys[token.text, token.lemma] = frozenset(keys)
        return found

    def gazetteer_matches(self, tokens: list[Token], sentence_starts: set[int]) -> list[Found]:
        """Longest knowledge-base aliases over the tokens, left to right, not overlapping."""
        found: list[Found] = []
        gazetteer, lower_starts, lower_words = self._gazetteer, self._lower_starts, self.lower_words()
        i = 0
        while i < len(tokens):
            best: tuple[int, str] | None = None
            text = tokens[i].text
            first = text[:1]
            # ``is_capitalised`` written out: the test runs for every token of every article.
            if (
                first.isupper()
                or not first.isalpha()
                or (lemma := (tokens[i].lemma or text).casefold()) in lower_starts
                or lemma in lower_words
            ):
                # Sorted: of two aliases of one length the first found wins, and a set's order changes with
                # the process's hash seed ("San" was Mali's town in one run and Yemen's in the next). Only
                # the keys some alias opens with are sorted, and the next word's keys found for those.
                opening = sorted((key, hits) for key in self.token_keys(tokens[i]) if (hits := gazetteer.get(key)))
                following = self.token_keys(tokens[i + 1]) if opening and i + 1 < len(tokens) else frozenset()
                for _, hits in opening:
                    for keys, words, entry_id in hits:
                        n = len(keys)
                        if best is not None and n <= best[0] or i + n > len(tokens):
                            continue
                        if n > 1 and following.isdisjoint(keys[1]):
                            continue  # ``_alias_fits``'s first test, for the word that turns most aliases down
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
            if not is_capitalised(words[0]) and words[0].isalpha() and any(is_capitalised(w) for w in words[1:])
        )

    def _alias_fits(self, span: list[Token], keys, words, sentence_initial: bool) -> bool:
        # Every test below is a plain yes or no, so their order does not change the answer: the words' keys go
        # first, since they turn down most of the aliases tried (those of two words and more, at the second).
        token_keys = self.token_keys
        for token, word_keys in zip(span, keys):
            if token_keys(token).isdisjoint(word_keys):
                return False
        if not any(is_capitalised(t.text) for t in span) and any(is_capitalised(w) for w in words):
            return False
        for token, word in zip(span, words):
            text = _undotted(token)
            word_acronym, text_acronym = is_acronym(word), is_acronym(text)
            # An acronym in the base ("NIS", "AP") matches only an acronym in the text, not "Nis" or "ap",
            # and an acronym in the text only the same letters ("LIM" is not "Lima").
            if word_acronym != text_acronym and word.casefold() != text.casefold():
                return False
            if word_acronym and len(word) <= 3 and not text_acronym:
                return False  # a short acronym ("PO") is not a capitalised word ("Po" opening a sentence)
            if is_capitalised(word) and not is_capitalised(text) and word.isalpha():
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
            if type_ == "PER":
                hits = [h for h in hits if not leader_alias(h, text)]
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
            if entry.type != "PER" and not all(map(_same_word, words, alias_words)):
                # A body's first word says what it is: "Ambasada Stanów Zjednoczonych" is no misspelt
                # "Armia Stanów Zjednoczonych", though the two differ by a few letters ("Radzie" is "Rada");
                # and each other word which one it is: "Uniwersytet Chiński" is no "Uniwersytet Pekiński".
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

    def nasab_match(self, name: str):
        """The one person whose English name has the words of the Arabic name ``name`` in order, "son of" among
        them ("Mohammed bin Abdulrahman Al Sani" -> Mohammed bin Abdulrahman bin Jassim Al Thani), or None."""
        if not has_son_of(name, self.language.arabic_spelling):
            return None
        if self._by_nasab is None:
            self._by_nasab = nasab_index(self)
        return nasab_match(self, self._by_nasab, name)

    def _build_sound_index(self) -> dict[str, set[str]]:
        by_sound: dict[str, set[str]] = defaultdict(set)
        for entry in self.kb:
            for alias in (entry.name, *entry.aliases_in(CANONICAL)):
                if _sound_indexed(alias, entry.type):
                    for key in self.language.sound_keys(alias):
                        by_sound[key].add(entry.id)
        return by_sound

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
                            if is_capitalised(word):
                                keys |= self.word_keys(word)
                    keys.update(adjective.casefold() for adjective in entry.adjectives_in(lang))
            self._state_words[country] = keys = frozenset(keys)
        return bool(self.token_keys(token) & keys)

    def _is_state(self, entry_id: str) -> bool:
        entry = self.kb.get(entry_id)
        return entry.is_state()

    def english_adjective(self, country: str) -> str | None:
        """The English adjective of the state ``country`` ("LBN" -> "Lebanese"), or None."""
        if self._english_adjectives is None:
            self._english_adjectives = {
                e.country: e.adjectives_in("en")[0]
                for e in self.kb.entries.values()
                if e.is_state() and e.adjectives_in("en")
            }
        return self._english_adjectives.get(country)

    def _is_capital(self, entry_id: str) -> bool:
        if self._capitals is None:
            self._capitals = frozenset(e.capital for e in self.kb.entries.values() if e.capital and e.is_state())
        return entry_id in self._capitals


@cache
def load_linker(code: str) -> Linker:
    from kronika.kb import load_kb
    from kronika.lang import get_language

    return Linker(get_language(code), load_kb())


def _sound_indexed(name: str, type_: str | None) -> bool:
    """Persons by two or more words; places by one long word or more."""
    words = WORD_RE.findall(name)
    if type_ == "PER":
        return len(words) > 1
    return type_ in ("GPE", "LOC") and (len(words) > 1 or len(name) >= SOUND_MIN_LETTERS)


def link_entities(doc: Document, linker: Linker) -> list[Entity]:
    """The article's entities: every name mention linked, grouped and pointed back to the text."""
    if not doc.tokens:
        return []
    tokens = split_name_pairs(linker, doc.tokens)
    sentence_starts = {span[0] for s, e in doc.sentences if (span := token_span(tokens, s, e))}
    gazetteer = placed_towns(linker, tokens, linker.gazetteer_matches(tokens, sentence_starts))
    found = placed_towns(linker, tokens, merge_detected(linker, tokens, doc, gazetteer), doc.text)
    found += elided_regions(linker, tokens, found)
    title_keys = linker.title_lemmas(tokens)  # read by the bodies and the titles alike
    bodies = linker.body_mentions(tokens, found, gazetteer, title_keys)
    if bodies:
        # A body replaces what overlaps it; a state the replaced span held keeps its own mention.
        replaced = [f for f in found if any(overlaps(f, b) for b in bodies)]
        found = [f for f in found if f not in replaced] + bodies
        taken = {i for f in found for i in range(f.start, f.end)}
        found += [
            g
            for g in gazetteer
            if any(r.start <= g.start and g.end <= r.end for r in replaced)
            and not any(i in taken for i in range(g.start, g.end))
        ]
    found += linker.title_mentions(tokens, found, doc.date, title_keys)
    found = national_societies(linker, tokens, found)
    found = web_portals(linker, tokens, doc.text, found)
    found = drop_credits(linker, tokens, doc.text, found)
    found = drop_openers(linker, tokens, sentence_starts, found)
    found = drop_vehicles(linker, tokens, found)
    found = street_mentions(linker, tokens, found, sentence_starts)
    found += name_parts(linker, tokens, found)
    found.sort(key=lambda f: f.start)
    found = first_names_before(linker, tokens, found, sentence_starts)
    type_listed_places(linker, tokens, found)
    type_listed_people(linker, tokens, found)
    title_countries(linker, tokens, found)
    settle_bodies(linker, tokens, found, doc.text)
    entities = group_entities(linker, found, tokens, doc.date)
    for entity in entities:
        for mention in entity.mentions:
            mention.text = doc.text[mention.start : mention.end]
    return entities


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

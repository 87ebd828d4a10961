"""The Polish language pack: wires the data modules of this folder into one object."""

from __future__ import annotations

import importlib
import re
from functools import lru_cache

from kronika.caches import SCRATCH, WORD_TYPES
from kronika.lang.base import DATA_PARTS, Morph
from kronika.lang.pl.abbreviations import ABBREVIATIONS, MULTI_PERIOD, SENTENCE_FINAL_ABBREVIATIONS
from kronika.lang.pl import arabic, conventions
from kronika.lang.pl.arabic import PARTICLES as ARABIC_PARTICLES
from kronika.lang.pl.credits import BYLINE_OPENERS, CREDIT_CUES
from kronika.lang.pl.morphology import ADJ_CLASSES as ADJECTIVE_CLASSES
from kronika.lang.pl.morphology import CASES as _CASE_ORDER
from kronika.lang.pl.morphology import NOUN_CLASSES
from kronika.lang.pl.names import (
    ARABIC_SPELLING,
    FIRST_NAME_ENDINGS,
    INDECLINABLE_SURNAME_FINALS,
    JOINING_PARTICLES,
    OBLIQUE_CASES,
    OBLIQUE_FINALS,
    PROPER_LABELS,
    UNKNOWN_CLASSES,
    adjective_forms,
    feminine_forms,
    masculine_forms,
    may_be_ia_oblique,
    o_name_base,
    strip_case_ending,
)
from kronika.lang.pl.punctuation import POLISH_QUOTES
from kronika.lang.pl.temporal import TEMPORAL_GRAMMAR
from kronika.lang.pl import events as EVENT_CUES
from kronika.lang.pl.societies import NATIONAL_SOCIETIES
from kronika.lang.pl.titles import BODIES, LOWER_CASE_BODIES, TITLES
from kronika.lang.pl.triggers import TRIGGERS
from kronika.lang.pl.vehicles import LIST_JOINERS, VEHICLE_NOUNS
from kronika.lang.pl.streets import (
    ADJECTIVE_CLASS,
    FEMININE_ADJECTIVE_ENDINGS,
    STREET_FORMS,
    STREET_GENDER,
    STREET_NOUNS,
    STREET_NUMBER,
)
from kronika.lang.pl.ud import OWN_VALUES, own_cases, to_ud, ud_cases
from kronika.lang.pl.translit import HOME


CASES = frozenset(_CASE_ORDER)
WORD = re.compile(r"[^\W\d_]+")


class PolishLanguage:
    code = "pl"
    abbreviations = ABBREVIATIONS
    sentence_final_abbreviations = SENTENCE_FINAL_ABBREVIATIONS
    multi_period_abbreviations = MULTI_PERIOD
    quotes = POLISH_QUOTES
    temporal = TEMPORAL_GRAMMAR
    titles = TITLES
    bodies = BODIES
    lower_case_bodies = LOWER_CASE_BODIES
    national_societies = NATIONAL_SOCIETIES
    credit_cues = CREDIT_CUES
    byline_openers = BYLINE_OPENERS
    vehicle_nouns = VEHICLE_NOUNS
    list_joiners = LIST_JOINERS
    street_nouns = STREET_NOUNS
    street_forms = STREET_FORMS
    triggers = TRIGGERS
    event_cues = EVENT_CUES
    oblique_cases = ud_cases(OBLIQUE_CASES)
    first_name_endings = tuple((ending, ud_cases(cases)) for ending, cases in FIRST_NAME_ENDINGS)
    unchanging_name_words = ARABIC_PARTICLES
    joining_particles = JOINING_PARTICLES
    arabic_spelling = ARABIC_SPELLING

    def data(self, part: str):
        """One of the data modules the interface names (``kronika.lang.base.DATA_PARTS``), imported once."""
        return _data(part)

    def surely_written_in(self, sample: str) -> bool:
        """Whether ``sample`` is Polish beyond doubt (``kronika/lang/pl/identify.py``); False means "ask the
        language identifier", not "not Polish"."""
        from kronika.lang.pl import identify

        if not identify.LETTERS.intersection(sample):
            return False
        words = WORD.findall(sample.casefold())
        if len(words) < identify.MIN_WORDS:
            return False
        return sum(w in identify.FUNCTION_WORDS for w in words) >= identify.MIN_FUNCTION_SHARE * len(words)

    def strip_case_ending(self, surname: str, cases) -> str | None:
        """The nominative of a masculine surname in one of the UD ``cases``, by its regular ending."""
        return strip_case_ending(surname, own_cases(cases))

    def o_name_base(self, word: str) -> str | None:
        """The base form of a man's name in -o that ``word`` may be an oblique form of ("Poroszenki")."""
        return o_name_base(word)

    def may_be_oblique_of(self, form: str, lemma: str) -> bool:
        """Whether a name written ``form`` may be an oblique case of ``lemma`` by Polish spelling ("Cipi" may not
        be "Cipia"'s: that is "Cipii")."""
        return may_be_ia_oblique(form, lemma)

    def street_word(self, morphology, word: str) -> str:
        """A word of a street's name as the name is written: an adjective agrees with "ulica" ("Zielną" ->
        "Zielna"); anything else, a genitive as a rule ("Kasprzaka", "Grenadierów", "Poniatowskiego", whose
        adjective readings are masculine: the surname's genitive), stays as written."""
        for reading in morphology.analyse(word):
            fields = reading.tag.split(":")
            if (
                reading.pos == ADJECTIVE_CLASS
                and reading.lemma.islower()
                and len(fields) > 3
                and STREET_NUMBER in fields[1].split(".")
                and STREET_GENDER in fields[3].split(".")
            ):
                for ending, feminine in FEMININE_ADJECTIVE_ENDINGS:
                    if reading.lemma.endswith(ending):
                        base = reading.lemma[: -len(ending)] + feminine
                        return base[:1].upper() + base[1:]
        return word

    def surname_declines(self, surname: str) -> bool:
        """Whether a man's ``surname`` takes an ending in the oblique cases (all but "Lecornu", "Imamoglu")."""
        return surname[-1:].isalpha() and surname[-1].lower() not in INDECLINABLE_SURNAME_FINALS | OBLIQUE_FINALS

    def may_be_base_form(self, word: str) -> bool:
        """Whether ``word`` may be a name's base form by its last letter ("Szczerbę" may not)."""
        return word[-1:].lower() not in OBLIQUE_FINALS

    def romanize(
        self, name: str, context, state: str | None = None, first_names=None, person: bool = False
    ) -> tuple[str, str] | None:
        """The English spelling of a Polish transcription of a foreign name, and its state (None for an Arabic
        one the text gives none); ``state`` is the one the text says the person serves, when it says;
        ``first_names``: what ``first_names`` made. Arabic and the other conventions for persons only: places
        have English names a letter mapping seldom gives ("Al-Hudajda" is "Hodeidah", "Tybilisi" "Tbilisi")."""
        from kronika.lang.pl.translit import SCHEMES, romanize

        # The person's stated state or a surname ending of one language ("-szwili") settle the convention; the
        # name stays as written when it is not in a Polish spelling.
        if person and (state in conventions.CONVENTION_OF or conventions.marked_state(name)):
            return conventions.romanize(name, _is_dictionary_word, state)
        # A first name the base's people of other states bear, as written or in their English spelling, and
        # East Slavic people do not ("Dżamal", "Mohammad" in news from Moscow): not an East Slavic name; an Arab
        # one when Arabs bear it, one of a convention when only its states' people do ("Bolat").
        bearers = _first_name_bearers(name, first_names) if person and state is None else frozenset()
        # Only a first name of other transcribed scripts alone counts: "Anton" of an Austrian and a Bulgarian
        # proves nothing, and a Pole's first name as written ("Radosław") vetoes (Polish first names are East
        # Slavic ones too, so they do not veto that).
        foreign = bearers - {HOME}
        slavic = not foreign or foreign & SCHEMES.keys() or not foreign <= _OTHER_SCRIPTS
        found = romanize(name, context, _is_dictionary_word, state, first_names) if slavic else None
        if found or not person:
            return found
        if spelt := arabic.romanize(name, context, _is_dictionary_word, state):
            return spelt, state  # the spelling tells no one Arab state
        if slavic or HOME in bearers:
            return None
        # On a first name alone, an Arabic name needs letters no English spelling has ("Asma Jehangir" stays).
        arab = foreign <= arabic.STATES and arabic.POLISH_ONLY.search(name.lower())
        if arab and (spelt := arabic.romanize(name, dict.fromkeys(foreign, 1), _is_dictionary_word)):
            return spelt, None
        if len(kinds := {conventions.CONVENTION_OF.get(s) for s in foreign}) == 1 and None not in kinds:
            # The spelling only: a first name tells the script, not whose citizen the person is (with the state
            # too, check-pl lost an event).
            spelt = conventions.romanize(name, _is_dictionary_word, sorted(foreign)[0])
            return (spelt[0], None) if spelt else None
        return None

    def first_names(self, people):
        """Evidence for ``romanize`` from the knowledge base's people: (country, first words of their English
        names, first words of their Polish names) each."""
        from kronika.lang.pl.translit import first_names

        return first_names(people)

    def sound_keys(self, name: str) -> frozenset[str]:
        """Keys shared by a Polish spelling of a name and its English romanisation ("Janukowycz", "Yanukovych")."""
        from kronika.lang.pl.translit import sound_keys

        return sound_keys(name)

    def morphology(self):
        """Morfeusz2 with the name guesser, loaded once per process."""
        from kronika.lang.pl.morphology import load_morphology

        return load_morphology()

    def morph(self, tag: str | None) -> Morph:
        """The tag in Universal Dependencies terms (``kronika/lang/pl/ud.py``)."""
        return to_ud(tag)

    def tag_value(self, pair: str) -> str:
        """The NKJP value of a UD pair ("Case=Ins" -> "inst")."""
        try:
            return OWN_VALUES[pair]
        except KeyError:
            raise KeyError(
                f"no NKJP value gives the UD feature {pair!r} alone; known: {', '.join(OWN_VALUES)}"
            ) from None

    def is_proper_name(self, word: str) -> bool:
        """Whether Morfeusz takes ``word`` for a name (or does not know it, as with most foreign names)."""
        return _is_proper_name(word)

    def is_nominative(self, tag: str) -> bool:
        """Whether a Morfeusz tag can be a base form: nominative, or a class without case (ign, brev)."""
        values = set(re.split(r"[:.]", tag))
        return "nom" in values or not (values & CASES)

    def is_depreciative(self, tag: str) -> bool:
        """NKJP's "depr": the depreciative plural of a masculine personal noun ("te Marki")."""
        return tag.startswith("depr:")

    def syntax_attributes(self, text: str, lemma: str | None, tag: str | None) -> tuple[str, str, str, str]:
        """Form, lemma, word class and case (or number) of a word, as the dependency parser reads it."""
        from kronika.lang.pl.morphology import syntax_attributes

        return syntax_attributes(text, lemma, tag)

    def is_adjective(self, tag: str) -> bool:
        """Adjectives and adjectival participles, which agree with the noun of a name."""
        return tag.split(":", 1)[0] in ADJECTIVE_CLASSES

    def unknown_name_forms(self, word: str, tags) -> tuple[str, ...]:
        """Oblique forms of a name the dictionary lacks (``tags``: its readings' tags), by the regular
        declension: "Burkina" of "Burkina Faso" is "Burkinie" in "w Burkinie Faso"."""
        if not all(tag.split(":", 1)[0] in UNKNOWN_CLASSES for tag in tags):
            return ()
        return feminine_forms(word) + masculine_forms(word)

    def unknown_adjective_forms(self, word: str, tags) -> tuple[str, ...]:
        """Case forms of a lower-case adjective the dictionary lacks (``tags``: its readings' tags), by the
        regular declension: "obwód briański" is "w obwodzie briańskim"."""
        if not all(tag.split(":", 1)[0] in UNKNOWN_CLASSES for tag in tags):
            return ()
        return adjective_forms(word)

    def is_noun_like(self, tag: str) -> bool:
        """Nouns, the class a name shares its readings with: a capitalised word opening a sentence that reads as
        another class too (an adverb "Tam", an adjective "Cały", an abbreviation "Ok.") may be that word."""
        return tag.split(":", 1)[0] in NOUN_CLASSES

    def __reduce__(self):
        # One pack per process: unpickling in a worker returns that worker's own instance.
        return (_language, ())


@lru_cache(maxsize=len(DATA_PARTS))
def _data(part: str):
    if part not in DATA_PARTS:
        raise KeyError(f"no data part '{part}' in the language-pack interface; known: {', '.join(DATA_PARTS)}")
    return importlib.import_module(f"{__name__}.{part}")


@lru_cache(maxsize=WORD_TYPES)
def _is_proper_name(word: str) -> bool:
    from kronika.lang.pl.morphology import load_morphology

    analyses = [a[2] for a in load_morphology().morfeusz.analyse(word)]
    if not analyses or any(tag == "ign" for _, _, tag, _, _ in analyses):
        return True
    # A surname reading alone proves little: SGJP lists surnames for many common words ("Grecka").
    if any((PROPER_LABELS - {"nazwisko"}) & set(labels) for _, _, _, labels, _ in analyses):
        return True
    return all(lemma[:1].isupper() for _, lemma, _, _, _ in analyses)


# The states whose names Polish writes in the other transcriptions ``romanize`` knows: Arabic and the conventions.
_OTHER_SCRIPTS = arabic.STATES | conventions.CONVENTION_OF.keys()


def _first_name_bearers(name: str, first_names) -> frozenset[str]:
    """The states whose people in the base (``first_names.written``) bear the first word of
    ``name``, as written or in an English spelling of a convention ("Dżamal" as "Jamal")."""
    words = WORD.findall(name)
    written = getattr(first_names, "written", None)
    if len(words) < 2 or not written:
        return frozenset()
    return frozenset().union(*(written.get(s, ()) for s in _first_name_spellings(words[0]))) - {""}


# Bounded below WORD_TYPES: only first names of the names the base lacks come here (1,301 on the
# 1,368 articles of bench/identical.py), and a long run must not grow by more than a few MiB.
@lru_cache(maxsize=SCRATCH)
def _first_name_spellings(first: str) -> frozenset[str]:
    """A first name as written and in the English spelling of each convention, casefolded: the same for every
    mention of it (a dozen letter mappings a call)."""
    spellings = {first, arabic.spell(first), *(conventions.spell(first, c) for c in conventions.CONVENTIONS)}
    return frozenset(s.casefold() for s in spellings)


@lru_cache(maxsize=WORD_TYPES)
def _is_dictionary_word(word: str) -> bool:
    from kronika.lang.pl.morphology import load_morphology

    return any(tag != "ign" for _, _, (_, _, tag, _, _) in load_morphology().morfeusz.analyse(word))


def _language() -> PolishLanguage:
    return LANGUAGE


LANGUAGE = PolishLanguage()

"""A person's base form when the phrase lemmatiser went astray: the surname agrees with the first name
("Tadeusza Rydzyka" -> "Tadeusz Rydzyk"), a foreign man's name left as written takes its base form ("Johanna
Wadephula" -> "Johann Wadephul"), a first name as written stays ("Ali Bongo")."""

from __future__ import annotations

from kronika.lang import ud
from kronika.lang.ud import morph
from kronika.record import Token
from kronika.stages.link_model import WORD_RE, is_capitalised

VOWELS = "aeiouyąęó"


class PersonBaseForms:
    """The ``Linker``'s methods for people's base forms (a mixin: they read its morphology, language and indexes)."""

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
                and (
                    self._first_name_as_written(span[0].text)
                    # "Yomi Kazeem" taken as "Yomi Kazee": an unknown first name left as written that would take
                    # an ending in an oblique case; not when the surname marks its ending ("Mondlane'a").
                    or (span[-1].text.isalpha() and self._unknown_declining(span[0].text))
                )
                and words[1:-1] == [t.text for t in span[1:-1]]
            ):
                # "Sebastian Pinera" taken as "Sebastian Piner": a man's first name that would take an ending
                # in an oblique case has none, so the surname after it is in its base form too.
                return base[: len(base) - len(words[-1])] + span[-1].text
            foreign = self._foreign_person_base(span, base)
            return foreign if foreign != base else self._titled_man_base(tokens, start, end) or base
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
            if is_capitalised(r.lemma)
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

    def _unknown_declining(self, word: str) -> bool:
        """Whether ``word`` is no dictionary word and would take an ending in an oblique case ("Yomi"), so that
        one left as written is a base form."""
        return (
            self.language.surname_declines(word)
            and self.language.may_be_base_form(word)
            and not any(r.source for r in self.morphology.candidates(word, name_like=True))
        )

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
        if found is None or any(not is_capitalised(t.text) for t in span):
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

    def _titled_man_base(self, tokens: list[Token], start: int, end: int) -> str | None:
        """A foreign man's name whose first name the dictionary lacks, in the oblique case of the masculine
        personal noun right before it or in apposition after it ("aktywistę Luisa Fernando Camacho" -> Luis
        Fernando Camacho; "Ekrema Imamoglu, opozycyjnego burmistrza"): the noun agrees with the name, so a first
        name the guesser reads as a man's in that case ("Luisa" as Luis's accusative) is one, though as written it
        reads as a woman's nominative too; the words after it take off the same ending or are indeclinable. A
        first name the dictionary knows ("Olga") is left alone."""
        cases = frozenset().union(*(t.cases for t in _titles_around(tokens, start, end))) & self.language.oblique_cases
        first = tokens[start].text
        readings = self.morphology.candidates(first, name_like=True)
        if not cases or any(r.source for r in readings):
            return None
        stems = {
            r.lemma
            for r in readings
            if r.lemma != first
            and is_capitalised(r.lemma)
            and _singular(r)
            and _masculine_personal(r)
            and morph(r.tag).cases & cases
            and r.lemma[-1:].lower() not in VOWELS
        }
        if len(stems) != 1:
            return None
        words = [stems.pop()]
        for token in tokens[start + 1 : end]:
            word = token.text
            if not is_capitalised(word):
                return None
            stripped = self.language.strip_case_ending(word, cases)
            if not stripped and word[-1:].lower() not in VOWELS:
                return None  # a declining word without the ending: the name is not in that case
            words.append(stripped or word)
        return " ".join(words)

    def _first_name_case(self, word: str) -> tuple[str, frozenset[str]] | None:
        """(base form, cases) of a man's first name in an oblique case by its regular ending ("Johanna" ->
        Johann, genitive or accusative), when the base form is a first name of the knowledge base's people."""
        for case_ending, cases in self.language.first_name_endings:
            stem = word[: -len(case_ending)]
            if word.endswith(case_ending) and len(stem) >= 3 and stem in self._first_names:
                return stem, cases
        return None


# How many adjectives may stand between the comma after a name and the noun in apposition to it.
APPOSITION_ADJECTIVES = 2


def _titles_around(tokens: list[Token], start: int, end: int) -> list:
    """The tags of the masculine personal singular nouns agreeing with the name at [start, end): the noun right
    before it, and the one in apposition after a comma ("Ekrema Imamoglu, opozycyjnego burmistrza")."""
    around = [start - 1] if start > 0 else []
    if end + 1 < len(tokens) and tokens[end].text == ",":
        j = end + 1
        while j < min(len(tokens) - 1, end + 1 + APPOSITION_ADJECTIVES) and ud.adjective(morph(tokens[j].tag)):
            j += 1
        around.append(j)
    return [
        m
        for m in (morph(tokens[k].tag) for k in around)
        if ud.noun(m) and m.has("Animacy=Hum", "Gender=Masc", "Number=Sing")
    ]


def _masculine_personal(reading) -> bool:
    """A reading of the masculine personal gender (UD's ``Animacy=Hum``), the gender of men's names."""
    return "Animacy=Hum" in morph(reading.tag).feats


def _singular(reading) -> bool:
    return "Number=Sing" in morph(reading.tag).feats

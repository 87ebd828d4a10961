"""Trigger look-up: the language's trigger table matched by lemma against the token readings."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from kronika.caches import WORD_TYPES
from kronika.lang import ud
from kronika.lang.ud import morph
from kronika.record import Entity, Token
from kronika.stages.events.tags import CASES, _family, tag_cases


# How far (in tokens) the reflexive particle may stand from its verb, before or after it.
REFLEXIVE_REACH = 3


@dataclass
class Found:
    trigger: object
    start: int
    end: int
    words: frozenset[int] = frozenset()  # the trigger's own tokens; a multi-word one has others between


class Coder:
    """The language's triggers and cues plus the codebook; built once per process and language."""

    def __init__(self, language, codebook):
        self.language = language
        self.codebook = codebook
        self.cues = language.event_cues
        self.by_first: dict[str, list] = {}
        for trigger in language.triggers:
            self.by_first.setdefault(trigger.lemmas[0], []).append(trigger)
        for triggers in self.by_first.values():
            triggers.sort(key=lambda t: -len(t.lemmas))
        self.first_lemmas = frozenset(self.by_first)
        from kronika.kb import load_kb

        self.kb = load_kb()
        # "izraelska armia", "ostrzały rosyjskie": a state's adjective names the state as a participant.
        self.adjective_states: dict[str, Entity] = {}
        for entry in self.kb:
            adjectives = entry.adjectives_in(language.code)
            if entry.type == "GPE" and entry.country and adjectives:
                state = Entity(id=entry.id, name=entry.name, type="GPE", country=entry.country)
                for adjective in adjectives:
                    self.adjective_states.setdefault(adjective.casefold(), state)

    def kb_entry(self, entity_id: str):
        return self.kb.get(entity_id)

    def is_state(self, entity_id: str) -> bool:
        """A state or territory of the knowledge base (a GPE of a country, inside nothing): not a city."""
        entry = self.kb.get(entity_id)
        return entry is not None and entry.type == "GPE" and bool(entry.country) and entry.parent is None

    # --- triggers ----------------------------------------------------------------------------------

    def readings(self, tokens: list[Token]) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
        """Every lemma each token can have, and the ones a trigger may start with.

        A trigger matches any reading ("rozmowy": rozmowa | rozmowy; "aresztowanie": the gerund of
        aresztować), since the tagger's one choice may miss the event sense; but its first word must be
        read as the same kind of word the tagger saw: "broni" tagged as the noun "broń" (weapon) does not
        start the verb "bronić" (defend)."""
        if not tokens:
            return [], []
        everything, heads = zip(*[self._token_readings(t.text, t.tag, t.lemma) for t in tokens])
        return list(everything), list(heads)

    @lru_cache(maxsize=WORD_TYPES)  # noqa: B019 -- the coder lives as long as the process (load_coder)
    def _token_readings(self, text: str, tag: str | None, lemma: str | None) -> tuple[frozenset, frozenset]:
        """A word's lemmas and trigger-starting lemmas: the same for every occurrence of the same reading."""
        family = _family(tag)
        analyses = self.language.morphology().analyse(text)
        chosen = (lemma or text).casefold()
        lemmas, starts = {chosen}, {chosen}
        if ud.imperative(morph(tag)) and any(_family(r.tag) == "nominal" for r in analyses):
            # News does not command: "broń" read as "bronić!" is the noun (weapon) the tagger passed over.
            family, starts = "nominal", set()
        for reading in analyses:
            folded = reading.lemma.casefold()
            lemmas.add(folded)
            if _family(reading.tag) == family:
                starts.add(folded)
        return frozenset(lemmas), frozenset(starts)

    def cases(self, token: Token, *, name: bool = False) -> frozenset[str]:
        """Every case the token can be in: the tagger's choice and Morfeusz's readings, since one choice made
        word by word ("z" + genitive) may not be the one the phrase needs ("z" + instrumental). For a name,
        only its name readings count ("Kim" is not the pronoun "kim"); a word with no case at all (an
        acronym, an unknown foreign name) can stand in any."""
        return self._cases(token.text, token.tag, name)

    @lru_cache(maxsize=WORD_TYPES)  # noqa: B019 -- the coder lives as long as the process (load_coder)
    def _cases(self, text: str, tag: str | None, name: bool) -> frozenset[str]:
        analyses = self.language.morphology().analyse(text)
        cases = set(tag_cases(tag))
        if name and self.unknown(text) and cases:
            # A name Morfeusz does not know ("Emmanuelem Macronem"): the tagger's case is a guess, so any oblique
            # case may be right; the nominative only as guessed, lest any unknown word become a subject.
            return frozenset(cases | (set(CASES) - {"Nom", "Voc"}))
        for reading in analyses:
            if not name or reading.lemma[:1].isupper():
                cases.update(tag_cases(reading.tag))
        return frozenset(cases) or frozenset(CASES)

    @lru_cache(maxsize=WORD_TYPES)  # noqa: B019 -- the coder lives as long as the process (load_coder)
    def adjective_reading(self, text: str) -> bool:
        """Morfeusz reads the word as an adjective ("ukraińskich" tagged as the people)."""
        return any(ud.adjective(morph(r.tag)) for r in self.language.morphology().analyse(text))

    @lru_cache(maxsize=WORD_TYPES)  # noqa: B019 -- the coder lives as long as the process (load_coder)
    def unknown(self, text: str) -> bool:
        """Morfeusz does not know the word ("Macronem", "Ryanair")."""
        analyses = self.language.morphology().analyse(text)
        return bool(analyses) and all(ud.unknown_word(morph(r.tag)) for r in analyses)

    @lru_cache(maxsize=4096)  # noqa: B019 -- the coder lives as long as the process (load_coder)
    def plural_nominative(self, text: str) -> bool:
        """Morfeusz reads the word as a plural nominative ("Przywódcy" tagged as a genitive)."""
        return any(morph(r.tag).has("Number=Plur", "Case=Nom") for r in self.language.morphology().analyse(text))

    def find_triggers(
        self, readings: tuple[list[frozenset[str]], list[frozenset[str]]], lo: int, hi: int
    ) -> list[Found]:
        readings, heads = readings
        found: list[Found] = []
        taken: set[int] = set()
        for i in range(lo, hi):
            if i in taken or heads[i].isdisjoint(self.first_lemmas):
                continue  # most words start no trigger: one set test, not a look-up per reading
            candidates = [t for lemma in heads[i] for t in self.by_first.get(lemma, ())]
            if not candidates:
                continue
            # Longer expressions first; for the same words a noun row's frame beats the verb row's gerund.
            candidates.sort(key=lambda t: (-len(t.lemmas), t.pos != "noun"))
            for trigger in candidates:
                words = self._match(trigger, readings, i, lo, hi)
                if words is not None:
                    found.append(Found(trigger, i, max(words) + 1, frozenset(words)))
                    taken.update(range(i, max(words) + 1))
                    break
        return found

    def _match(self, trigger, readings: list[frozenset[str]], i: int, lo: int, hi: int) -> list[int] | None:
        """Token indexes of the trigger's words from token ``i``, parts within the trigger's gap."""
        position, words = i, [i]
        for word in trigger.lemmas[1:]:
            if word == self.cues.REFLEXIVE:
                # The reflexive stands before or after the verb: "spotkał się", "się spotkali".
                window = range(max(lo, i - REFLEXIVE_REACH), min(hi, i + REFLEXIVE_REACH + 1))
                if not any(self.cues.REFLEXIVE in readings[j] for j in window):
                    return None
                continue
            for j in range(position + 1, min(hi, position + trigger.gap + 2)):
                if word in readings[j]:
                    position = j
                    words.append(j)
                    break
            else:
                return None
        return words


@cache
def load_coder(code: str) -> Coder:
    from kronika.codebook import load_codebook
    from kronika.lang import get_language

    return Coder(get_language(code), load_codebook())

"""Events: who did what to whom, coded in PLOVER with the CAMEO code, Goldstein value and QuadClass.

For each sentence the coder finds the language's triggers (verbs of both aspects, event nouns and
multi-word expressions, by lemma) and reads the roles off the morphology of the linked entity mentions:
- the actor of a verb is a nominative mention of its clause that no preposition governs (before the verb
  first, then after it, as in "przekazała agencja Xinhua"); with none, the subject carries over from the
  clause or sentence before ("Zapewnił również ..."); in the passive the agent is the "przez" phrase;
- the recipient is the mention that fills the trigger's case frame: a bare case ("atakować" + accusative,
  "grozić" + dative) or a preposition with its case ("spotkać się z" + instrumental, "do" + genitive);
- an event noun takes its actor from the genitive after it ("atak Rosji", "wizyta Kima"; a gerund's
  genitive is its object instead: "wspieranie Rosji") and its recipient from its frame ("na Kijów");
  without them, the clause's subject stands in ("Xi i Putin podczas rozmowy ...");
- coordinated mentions ("Xi i Putin") share their role; a state's adjective stands for the state
  ("izraelska armia"); a common-noun subject or object speaks for the name in its genitive ("misja Iranu",
  "działania Izraela"); "obaj/obie" take the pair named just before;
- a light verb lends its subject to the event noun it carries ("armia przeprowadziła atak").
Negation before the trigger marks the event negated (also an event noun under a negated verb); an intention
verb governing it, intended; a conditional or a question, hypothetical. A meeting announced for later is an
intent to meet (AGREE). Claims inside an accusation are not events; a denial answers the latest accuser;
force without a named target strikes the adversary the article pairs the actor with. Sources the sentence
cites ("według NIS", "przekazała agencja Xinhua") go to ``reported_by``. The date comes from a timex of the
sentence, else the dateline, and events dated over a year before the dateline are background, not coded; the
place comes from a locative place mention. Reports of one event within the article (same type, participants
and day, or a visit within a few days) are one event.
"""

from __future__ import annotations

import datetime as dt
import itertools
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from kronika.caches import WORD_TYPES
from kronika.events.codes import participant_code
from kronika.lang import ud
from kronika.lang.base import UD_CASES
from kronika.lang.ud import morph
from kronika.record import (
    Document,
    Entity,
    Event,
    Location,
    Mention,
    Participant,
    Timex,
    Token,
    date_precision,
)
from kronika.stages.offsets import offset_index

CASES = UD_CASES
PLACE_TYPES = ("GPE", "LOC")
# How far (in tokens) the reflexive particle may stand from its verb, before or after it.
REFLEXIVE_REACH = 3
# CAMEO roots of talks and cooperation, whose event nouns ("rozmowy", "szczyt") the subject holds.
TALK_ROOTS = frozenset({"03", "04", "05", "06"})
# CAMEO roots of accusations and rejections, whose object noun is what is claimed, not what happened.
CLAIM_ROOTS = frozenset({"11", "12"})
# "Accuse, not specified": what a claim of another's force or threat amounts to.
ACCUSE = "112"
# CAMEO roots of threats, which an answer may reply to as it replies to an accusation.
THREAT_ROOTS = frozenset({"13"})
# CAMEO roots of answers (reject, deny), whose missing recipient is whoever made the claim just before.
ANSWER_ROOTS = frozenset({"12"})
# CAMEO roots of force (coerce, assault, mass violence): without a named target, the place is the target.
TARGET_IS_PLACE_ROOTS = frozenset({"17", "18", "19", "20"})
# CAMEO roots of sanctions and force: done impersonally ("zamknięto konsulat", "zatrzymano"), by the state where.
IMPERSONAL_STATE_ROOTS = TARGET_IS_PLACE_ROOTS | {"16"}
# Mediation (CAMEO 045) is between parties, and a ceasefire (CAMEO 0871) binds both sides: with the parties
# unnamed in the sentence they are the two sides of the nearest conflict the article reports.
MEDIATE = "045"
# "Host a visit" (CAMEO 043): "przyjąć", "podjąć" with a guest, not with a decision.
HOST = "043"
CEASEFIRE = "0871"
# What may stand right before the first word of a sentence.
SENTENCE_OPENERS = frozenset({".", "!", "?", '"', "„", "”", "«", "»", "–", "—", "-", ":", "(", "\n"})
# CAMEO root of protest: a protest noun with no one named is the protest of the country it happens in.
PROTEST_ROOT = "14"
# QuadClass of verbal and material conflict: the events that show who faces whom.
CONFLICT_QUADS = frozenset({3, 4})
MATERIAL_CONFLICT = 4
# Meetings (CAMEO 04) announced for later are CAMEO 036, "express intent to meet or negotiate" (AGREE).
MEET_ROOT = "04"
INTENT_TO_MEET = "036"
# Cooperation (CAMEO 06) announced for later is CAMEO 030, "express intent to cooperate" (AGREE).
COOPERATE_ROOT = "06"
INTENT_TO_COOPERATE = "030"
# CAMEO roots of threats and shows of force: with no one named they face the actor's adversary.
POSTURE_ROOTS = frozenset({"13", "15"})
# How many days apart a visit and the talks it is for are still one occasion.
VISIT_DAYS = 3
# How far (in tokens) after an event noun its agent or object may stand.
NOUN_REACH = 6
# How far left of a mention the coder looks for the preposition that governs it.
PP_REACH = 6


def tag_cases(tag: str | None) -> frozenset[str]:
    """The UD cases a tag allows ("Gen", "Acc")."""
    return morph(tag).cases


def tag_class(tag: str | None) -> str:
    """The tagset's own word class, for the feature strings of the learned models (never compared here)."""
    return morph(tag).xpos


def _adjectival(tag: str | None) -> bool:
    """An adjective or adjectival participle: what may stand between a noun and its genitive."""
    return ud.adjectival(morph(tag))


def _nominal(tag: str | None) -> bool:
    return ud.nominal(morph(tag))


def _verb(tag: str | None) -> bool:
    return ud.verb(morph(tag))


@lru_cache(maxsize=16_384)
def _family(tag: str | None) -> str:
    """Nominal, verbal or other (the tag's own class): the kind of word a reading makes of a token."""
    m = morph(tag)
    if ud.nominal(m):
        return "nominal"
    if ud.verbal(m):
        return "verbal"
    return m.xpos


@dataclass
class Placed:
    """An entity mention as the coder sees it: tokens, case and governing preposition."""

    entity: Entity
    start: int  # token index
    end: int
    cases: frozenset[str]
    preposition: str | None = None  # lemma of the preposition whose object this is
    attached: bool = False  # a genitive modifier inside another phrase ("z przywódcą Rosji")
    outer: str | None = None  # for a modifier, the preposition of the phrase it sits in ("do stolicy Chin")
    adjective: bool = False  # a state's adjective standing for the state ("izraelska armia")
    lead: int = -1  # where its title phrase starts: "przywódca Korei Północnej Kim Dzong Un" (-1: at start)
    # For a name Morfeusz does not know, the tagger's cases: its ``cases`` add every oblique one, which a frame
    # may take but which do not make it a modifier ("linia lotnicza Ryanair").
    guessed: frozenset[str] | None = None


@dataclass
class Found:
    trigger: object
    start: int
    end: int
    words: frozenset[int] = frozenset()  # the trigger's own tokens; a multi-word one has others between


def _participant(entity: Entity) -> Participant:
    return Participant(entity=entity.id, name=entity.name, country=entity.country, sector=entity.sector)


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
            lemmas.add(reading.lemma.casefold())
            if _family(reading.tag) == family:
                starts.add(reading.lemma.casefold())
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


class EventStage:
    """PLOVER/CAMEO events with roles, modality, sources, date and place."""

    name = "events"
    requires = ("sentences", "tokens.lemma", "tokens.tag", "entities", "timexes")
    assigns = ("events",)

    def __init__(self, language):
        self.language = language

    def __call__(self, doc: Document) -> Document:
        from kronika.events.decode import decode
        from kronika.events.model import load_event_models
        from kronika.events.view import build_view

        from kronika.pipeline import has_model

        coder = load_coder(self.language.code)
        # The rules code first; the learned layer reads their triggers, types and roles as features and
        # decides (scripts/train_events.py measures both by cross-validation on annotated news). A language
        # without a learned layer keeps the rules' events.
        ground = Groundwork(doc, coder)
        rules = code_events(doc, coder, ground)
        if not has_model(self.language.code, self.name):
            doc.events = rules
            return doc
        models, limits = load_event_models(self.language.code)
        doc.events = decode(build_view(doc, coder, rules, ground), coder, models, limits) if doc.tokens else []
        return doc


class Groundwork:
    """What the rule coder and the learned layer's view both read of one article, worked out once: the tokens'
    lemmas, the placed mentions (nothing changes them once placed), every token's readings, and the triggers
    found in a stretch of tokens."""

    def __init__(self, doc: Document, coder: Coder):
        self.doc, self.coder = doc, coder
        self.lemmas = [(t.lemma or t.text).casefold() for t in doc.tokens]
        self._placed: list[Placed] | None = None
        self._readings: tuple[list[frozenset[str]], list[frozenset[str]]] | None = None
        self._triggers: dict[tuple[int, int], list[Found]] = {}

    @property
    def placed(self) -> list[Placed]:
        if self._placed is None:
            self._placed = _place_mentions(self.doc, self.coder)
        return self._placed

    @property
    def readings(self) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
        if self._readings is None:
            self._readings = self.coder.readings(self.doc.tokens)
        return self._readings

    def triggers(self, lo: int, hi: int) -> list[Found]:
        found = self._triggers.get((lo, hi))
        if found is None:
            found = self._triggers[(lo, hi)] = self.coder.find_triggers(self.readings, lo, hi)
        return found


# The longest stretch of tokens coded as one sentence. Roles are sought among a sentence's mentions for each
# trigger, so the work grows with the square of a sentence's length; news sentences stay far below this, and
# a pasted table or an unpunctuated page is cut into pieces of this size (at a comma where one is near).
MAX_SENTENCE_TOKENS = 120


def _sentence_spans(doc: Document) -> list[tuple[int, int, int]]:
    """(sentence number, first token, end token) of the sentences; an over-long one comes in pieces that keep
    its number."""
    spans, i = [], 0
    tokens = doc.tokens
    for number, (start, end) in enumerate(doc.sentences):
        while i < len(tokens) and tokens[i].start < start:
            i += 1
        first = i
        while i < len(tokens) and tokens[i].end <= end:
            i += 1
        while i - first > MAX_SENTENCE_TOKENS:
            limit = first + MAX_SENTENCE_TOKENS
            cut = next(
                (
                    j
                    for j in range(limit, first + MAX_SENTENCE_TOKENS // 2, -1)
                    if tokens[j - 1].text in (",", ";", ":")
                ),
                limit,
            )
            spans.append((number, first, cut))
            first = cut
        if i > first:
            spans.append((number, first, i))
    return spans


def _place_mentions(doc: Document, coder: Coder) -> list[Placed]:
    by_start = {t.start: i for i, t in enumerate(doc.tokens)}
    by_end = {t.end: i for i, t in enumerate(doc.tokens)}
    placed = []
    for entity in doc.entities:
        for mention in entity.mentions:
            if mention.start not in by_start or mention.end not in by_end:
                continue
            start, end = by_start[mention.start], by_end[mention.end] + 1
            head = next((t for t in doc.tokens[start:end] if _nominal(t.tag)), doc.tokens[start])
            placed.append(
                Placed(
                    entity,
                    start,
                    end,
                    coder.cases(head, name=True),
                    guessed=tag_cases(head.tag) if coder.unknown(head.text) else None,
                )
            )
    covered = {i for p in placed for i in range(p.start, p.end)}
    for i, token in enumerate(doc.tokens):
        state = coder.adjective_states.get((token.lemma or "").casefold())
        if state is not None and i not in covered and _adjective(token, coder):
            placed.append(Placed(state, i, i + 1, coder.cases(token), adjective=True))
    placed.sort(key=lambda p: p.start)
    _govern(doc.tokens, placed, coder)
    _titles(doc.tokens, placed)
    return placed


def _titles(tokens: list[Token], placed: list[Placed]) -> None:
    """Mark where each name's title starts: common nouns and adjectives before it, and names in the genitive
    inside them ("prezydent USA Donald Trump i przywódca Korei Północnej Kim Dzong Un")."""
    inside = {i for p in placed if p.attached for i in range(p.start, p.end)}
    for p in placed:
        lead = p.start
        while (
            lead > 0
            and p.start - lead < PP_REACH
            and not p.attached
            and not p.adjective
            and (
                lead - 1 in inside
                or (
                    tokens[lead - 1].text.islower()
                    and (_nominal(tokens[lead - 1].tag) or ud.adjective(morph(tokens[lead - 1].tag)))
                )
            )
        ):
            lead -= 1
        p.lead = lead


def _own_cases(p: Placed) -> frozenset[str]:
    return p.cases if p.guessed is None else p.guessed


def _adjective(token: Token, coder: Coder) -> bool:
    """The token is an adjective, as tagged or as Morfeusz reads it ("Rosyjski atak" at a sentence start)."""
    m = morph(token.tag)
    if ud.adjective(m):
        return True
    # The tagger's noun reading ("ukraińskich" as the people) of a word Morfeusz also reads as the adjective.
    return ud.noun(m) and coder.adjective_reading(token.text)


def _common(tokens: list[Token], j: int) -> bool:
    """A common word: lower case, or capitalised only as the first word of a sentence ("Działania Izraela")."""
    text = tokens[j].text
    if text.islower():
        return True
    return text[:1].isupper() and text[1:].islower() and (j == 0 or tokens[j - 1].text in SENTENCE_OPENERS)


def _govern(tokens: list[Token], placed: list[Placed], coder: Coder) -> None:
    """Give each mention the preposition whose object it is, or mark it a modifier inside a phrase."""
    owner = {i: p for p in placed for i in range(p.start, p.end)}
    in_mention = set(owner)
    for p in placed:
        noun_cases: frozenset[str] | None = None  # cases of the common noun nearest to the left, if any
        for j in range(p.start - 1, max(-1, p.start - 1 - PP_REACH), -1):
            other = owner.get(j)
            if other is not None and other is not p and not other.attached and not (other.adjective and p.attached):
                # another name stands between: "według NIS Kim ...": "według" governs NIS, not Kim; a state's
                # adjective inside the phrase does not end it ("w indyjskiej części Kaszmiru")
                break
            m = morph(tokens[j].tag)
            if ud.preposition(m):
                prep_cases = coder.cases(tokens[j])
                lemma = (tokens[j].lemma or tokens[j].text).casefold()
                if p.adjective and noun_cases is not None:
                    # "na zakup rosyjskiej ropy", "przez wojska rosyjskie": the adjective belongs to the noun
                    # the preposition governs; it speaks for that phrase, not as the preposition's object.
                    p.outer = lemma
                elif p.attached:
                    p.outer = lemma  # "dla polityki Pekinu": Pekinu modifies the object of "dla"
                elif noun_cases is None:
                    if p.cases & prep_cases:
                        p.preposition = lemma
                elif p.cases & noun_cases & prep_cases:
                    p.preposition = lemma  # an apposition: "z przywódcą Rosji Władimirem Putinem"
                elif "Gen" in _own_cases(p):
                    p.attached, p.outer = True, lemma  # a modifier: "do stolicy Chin"
                # Otherwise the phrase ends before the name: "po południu Azerbejdżan" (an object).
                break
            if ud.nominal(m) and j not in in_mention and noun_cases is None:
                noun_cases = coder.cases(tokens[j])
                # A name whose case is unknown (an acronym: "ChRL") is not taken for a genitive.
                if (
                    not p.adjective
                    and "Gen" in _own_cases(p)
                    and len(p.cases) < len(CASES)
                    and j == p.start - 1
                    and _common(tokens, j)
                ):
                    # A genitive right after a common noun modifies it ("wizyta Kima", "przywódca Rosji");
                    # after another name it is a name of its own ("według NIS Pjongjang ...").
                    p.attached = True
            # A noun phrase goes on left over its nouns, adjectives, participles and numerals.
            if not (
                ud.nominal(m) or _adjectival(tokens[j].tag) or ud.numeral(m) or ud.roman_numeral(m) or ud.digits(m)
            ):
                break
            if tokens[j].text in ",;:-–—()":
                break


def code_events(doc: Document, coder: Coder, ground: Groundwork | None = None) -> list[Event]:
    if not doc.tokens:
        return []
    ground = ground or Groundwork(doc, coder)
    cues = coder.cues
    tokens = doc.tokens
    lemmas = ground.lemmas
    placed = ground.placed
    if not placed:
        return []  # no name and no state's adjective: no event has a participant
    readings = ground.readings
    placed_at = {i for p in placed for i in range(p.start, p.end)}
    events: list[Event] = []
    last_subject: list[Placed] = []
    last_pair: list[Placed] = []  # the two sides of the latest event that had exactly two
    last_claim: tuple[list[Placed], set[str]] | None = None  # the latest accuser and whom it accused
    last_speaker: list[Placed] = []  # the latest person named with a verb of saying
    awaiting: list[tuple[Event, str]] = []  # mediations and ceasefires whose parties the sentence leaves out
    recent: list[Placed] = []  # the latest named side last: subjects and participants, one per side
    last_place: list[Placed] = []  # the latest place named with a locative preposition
    titled: dict[str, list[Placed]] = {}  # a common noun and the name it last introduced ("premier" Morawiecki)
    for number, lo, hi in _sentence_spans(doc):
        in_sentence = placed[
            bisect_left(placed, lo, key=lambda p: p.start) : bisect_left(placed, hi, key=lambda p: p.start)
        ]
        reporters = _reporters(tokens, lemmas, lo, hi, in_sentence, cues)
        clauses = _clauses(tokens, lemmas, lo, hi, cues)
        previous: tuple[Found, list[Placed], list[Placed]] | None = None
        sentence_first = len(events)
        question = tokens[hi - 1].text == "?"
        place = [
            p
            for p in in_sentence
            if p.entity.type in PLACE_TYPES
            and p.entity.country
            and (p.preposition or p.outer) in cues.LOCATIVE_PREPOSITIONS
        ][:1] or last_place
        claimant: tuple[Found, list[Placed]] | None = None  # "X oświadczył, że ...": X and its verb
        speaker: tuple[int, list[Placed], bool] | None = None  # the verb of saying's end, subject, "obaj"
        for found in ground.triggers(lo, hi):
            trigger = found.trigger
            if trigger.speech:
                s_lo, s_hi = next(((a, b) for a, b in clauses if a <= found.start < b), (lo, hi))
                speaking = [p for p in in_sentence if s_lo <= p.start < s_hi and p not in reporters]
                speaker = (
                    found.end,
                    _subject([p for p in speaking if not p.attached], found, lemmas, cues, speaking, tokens),
                    _both_subject(readings[0], found, s_lo, cues, tokens, placed_at, coder.plural_nominative),
                )
                said_by = [
                    p
                    for p in in_sentence
                    if p.entity.type == "PER"
                    and "Nom" in p.cases
                    and not p.preposition
                    and not p.attached
                    and abs(p.start - found.start) <= 3
                ]
                last_speaker = said_by[:1] or last_speaker
                if lemmas[found.start] in cues.CLAIM_VERBS:
                    c_lo, c_hi = next(((a, b) for a, b in clauses if a <= found.start < b), (lo, hi))
                    free = [p for p in in_sentence if c_lo <= p.start < c_hi and not p.attached]
                    claimant = (found, _subject(free, found, lemmas, cues))
                continue  # a verb of saying is no event by itself; what it reports may be
            if trigger.lemmas[0] in cues.IMPERSONAL_SENSE and _impersonal(tokens[found.start].tag):
                continue  # "udało się odblokować": the neuter of "udać się" is "manage to", not "go to"
            if trigger.cameo == HOST and any(
                cues.NOT_HOSTED & readings[0][j] for j in range(max(lo, found.start - 1), min(hi, found.end + 3))
            ):
                continue  # "podjął decyzję", "w podjętej uchwale": a decision is taken, not a guest received
            c_lo, c_hi = next(((a, b) for a, b in clauses if a <= found.start < b), (lo, hi))
            clause = [p for p in in_sentence if c_lo <= p.start < c_hi and p not in reporters]
            # "Rosja ogłosiła, że zamknie konsulat": the content clause's dropped subject is the speaker's.
            content = speaker is not None and c_lo >= speaker[0] and lemmas[c_lo] in cues.CONTENT_OPENERS
            # "..., że siły nieprzyjaciela ostrzeliwują": a subject of its own, even unnamed, inherits nothing.
            inherited = speaker[1] if content and not _noun_before(tokens, found, c_lo, placed_at, coder) else []
            actor, recipient = _roles(trigger, found, clause, tokens, lemmas, c_lo, cues, coder.cases, inherited)
            is_verb = _verb(tokens[found.start].tag)
            if trigger.pos == "mwe":
                # "wydalić rosyjskich dyplomatów", "zamknięto rosyjski konsulat w Gdańsku": a state's adjective
                # inside the expression names whom it is done to, before a place the frame may take.
                # "zamknąć Konsulat Generalny RP": the owner of the thing acted on after it, but not an event
                # noun's agent ("zapewnić o wsparciu Korei").
                owner = _owner_after(tokens, clause, found, actor) if trigger.lemmas[-1] not in coder.by_first else []
                recipient = (
                    [p for p in clause if p.adjective and found.start < p.start < found.end and p not in actor][:1]
                    or owner
                    or recipient
                )
            if not is_verb and previous and previous[0].start >= c_lo and previous[0].trigger.cameo[:2] in CLAIM_ROOTS:
                continue  # "zarzucił Pekinowi wspieranie Rosji": the accused deed is a claim, not a reported event
            if not actor and not is_verb and ud.gerund(morph(tokens[found.start].tag)):
                if previous and previous[0].start >= c_lo:
                    # "zarzucił Pekinowi wspieranie Rosji": the one accused (the verb's recipient) supports.
                    actor = previous[2] or previous[1]
                else:
                    actor = list(last_subject)  # "... jakim jest dalsze wspieranie Rosji" (by the subject)
            if not actor and not is_verb and trigger.cameo[:2] == PROTEST_ROOT:
                # "w miastach Białorusi wybuchły protesty": protesters are coded by the country they protest in.
                actor = [
                    p
                    for p in clause
                    if p.entity.type in PLACE_TYPES
                    and p.entity.country
                    and (p.preposition or p.outer) in cues.LOCATIVE_PREPOSITIONS
                ][:1]
            # Only a verb's subject reaches back to the sides named last: "obie strony potyczki" is no party.
            pair = last_pair or (_last_two(recent) if is_verb else [])
            if (
                not actor
                and not is_verb
                and trigger.symmetric
                and trigger.cameo[:2] in TALK_ROOTS
                and len(last_pair) == 2
                and _next_one(lemmas, found, c_lo, cues)
            ):
                actor = list(last_pair)  # "zaplanowano kolejne spotkanie": the pair that met meets again
            both = (
                not actor
                and len(pair) == 2
                and (
                    content
                    and speaker[2]
                    or _both_subject(readings[0], found, c_lo, cues, tokens, placed_at, coder.plural_nominative)
                )
            )
            if both:
                # "Obaj liderzy zgodzili się na ...": the pair met just before, else the two sides named last.
                actor = list(pair)
            impersonal = is_verb and ud.impersonal(morph(tokens[found.start].tag))
            if impersonal and not actor and trigger.cameo[:2] in IMPERSONAL_STATE_ROOTS and place:
                # "zatrzymano trzy tysiące osób", "strzelano do nich": force with no one named is the doing
                # of the authorities where it happens, against people there unless the frame names others.
                actor = list(place)
                if trigger.cameo[:2] in TARGET_IS_PLACE_ROOTS:
                    recipient = recipient or list(place)
            if not actor and (is_verb or trigger.cameo == MEDIATE):
                # "Hamas, który wystrzelił rakiety", "Egipt i Katar, które pełnią rolę mediatorów"
                actor = _antecedent(in_sentence, tokens, lemmas, c_lo, cues)
            if is_verb and not actor and _first_person(tokens[found.start], cues):
                # "Ostrzegałem ...", "wznawiamy działania": the one speaking, named by a verb of saying in
                # the sentence ("– dowodził Łukaszenka") or before; never a third party carried over.
                actor = _sentence_speaker(coder, readings, in_sentence, tokens, lemmas, found.end, hi, cues) or list(
                    last_speaker
                )
            elif is_verb and not actor and not impersonal:
                # A dropped subject continues the one before; an impersonal verb ("podpisano") has none. A common
                # noun subject is the name it introduced earlier ("premier Morawiecki ... Premier zapewnił"),
                # else someone unnamed ("Ekspert chwali", "Władze ostrzegają"), not the previous subject.
                noun = _own_subject(tokens, found, c_lo, placed_at)
                actor = list(last_subject) if noun is None else titled.get(lemmas[noun], [])
            if not recipient and trigger.cameo[:2] in ANSWER_ROOTS:
                mine = {a.entity.country or a.entity.id for a in actor}
                if previous:
                    # "zarzucił Pekinowi ..., czemu ChRL zaprzecza": the denial answers the accuser.
                    recipient = [p for p in previous[1] if p.entity.id not in {a.entity.id for a in actor}]
                if not recipient and last_claim and mine & last_claim[1]:
                    # "Indie oskarżają Pakistan o ... . Pakistan odrzuca te oskarżenia": the accuser of the
                    # sentences before.
                    recipient = list(last_claim[0])
            pending = None
            parties = trigger.cameo == MEDIATE or (trigger.cameo == CEASEFIRE and trigger.symmetric)
            if (
                parties
                and trigger.cameo == CEASEFIRE
                and found.start > lo
                and lemmas[found.start - 1] in cues.TOPIC_PREPOSITIONS
            ):
                continue  # "rozmawiać o zawieszeniu broni", "dążyć do zawieszenia broni": sought, not declared
            if parties:
                between = _between(clause, lemmas, cues)
                if trigger.cameo == CEASEFIRE:
                    # "zawieszenie broni między Izraelem a Hamasem": both sides cease fire.
                    actor, recipient = (between or actor + recipient), []
                    pending = "joint"
                else:
                    recipient = between or recipient
                    pending = None if recipient else "parties"
                if pending == "joint" and len({p.entity.country or p.entity.id for p in actor}) >= 2:
                    pending = None
            previous = (found, actor, recipient)
            if trigger.pos != "noun" and actor:
                last_subject = actor
            if not actor and not recipient and pending != "joint":
                continue
            actor_set = {p.entity.id for p in actor}
            if not impersonal:
                recipient = [p for p in recipient if p.entity.id not in actor_set]
            if question:
                continue  # "Czy zobowiąże się pan do ...?": a question reports no event (GUIDE: not annotated)
            modality = _modality(tokens, lemmas, found, c_lo, cues)
            if both and not trigger.symmetric and not recipient and len(actor) == 2:
                # "Obie strony dementują twierdzenia drugiej": each side acts on the other.
                for one, other in ((actor[0], actor[1]), (actor[1], actor[0])):
                    mirrored = _event(
                        doc, coder, trigger, found, number, [one], [other], reporters, in_sentence, modality
                    )
                    if mirrored is not None:
                        events.append(mirrored)
                continue
            event = _event(
                doc,
                coder,
                trigger,
                found,
                number,
                actor,
                recipient,
                reporters,
                in_sentence,
                modality,
                joint=parties,
                clause=(tokens[c_lo].start, tokens[c_hi - 1].end),
            )
            if event is not None and pending is not None:
                awaiting.append((event, pending))
            if event is not None:
                events.append(event)
                accusation = _claimed(claimant, event, actor, found, doc, coder, number, reporters, in_sentence)
                if accusation is not None:
                    events.append(accusation)
                if trigger.cameo[:2] in CLAIM_ROOTS | THREAT_ROOTS and actor and recipient:
                    last_claim = (actor, {p.entity.country or p.entity.id for p in recipient})
                pair = {p.entity.country or p.entity.id: p for p in actor + recipient}
                if len(pair) == 2:
                    last_pair = list(pair.values())
        events.extend(_likewise(events[sentence_first:], in_sentence, lemmas, lo, cues))
        subjects = [
            p
            for p in in_sentence
            if "Nom" in p.cases and not p.preposition and not p.attached and p.entity.type in ("PER", "ORG", "GPE")
        ]
        if subjects:
            last_subject = subjects[:1]
        for event in events[sentence_first:]:
            _remember(
                recent, [p for p in in_sentence if p.entity.id in {q.entity for q in event.actor + event.recipient}]
            )
        _remember(recent, [p for p in subjects if p.entity.country])
        last_place = place
        for p in in_sentence:
            if (
                p.entity.type in ("PER", "ORG")
                and p.start > lo
                and _nominal(tokens[p.start - 1].tag)
                and tokens[p.start - 1].text.islower()
            ):
                titled[lemmas[p.start - 1]] = [p]
    events = _give_parties(events, awaiting)  # before guessed targets: only the sides the article names
    _give_targets(events, doc, coder)
    return _merge_same([e for e in events if not _interview(e)])


def _interview(event: Event) -> bool:
    """Talks whose one side is only news media ("w rozmowie z Timesem"): an interview, not a consultation."""
    if event.type != "CONSULT":
        return False
    return any(side and all(p.sector == "MED" for p in side) for side in (event.actor, event.recipient))


# How far before its verb a common noun subject may stand.
SUBJECT_REACH = 8
# How many sides the coder remembers for "obie strony".
RECENT_SIDES = 6


def _own_subject(tokens: list[Token], found: Found, c_lo: int, named: set[int]) -> int | None:
    """The index of a common noun in the nominative before the verb, agreeing in number, that no preposition
    governs and no other verb separates from it: the verb's own subject, not a name ("Ekspert chwali")."""
    verb = morph(tokens[found.start].tag)
    if not ud.finite(verb):
        return None
    number = verb.feats & {"Number=Sing", "Number=Plur"}
    for j in range(found.start - 1, max(c_lo, found.start - SUBJECT_REACH) - 1, -1):
        m = morph(tokens[j].tag)
        if ud.verb(m) or tokens[j].text in ",;:":
            return None
        if not (ud.noun(m) or ud.depreciative(m)) or j in named or not _common(tokens, j):
            continue
        if "Case=Nom" not in m.feats or not number & m.feats:
            continue
        k = j - 1
        while k >= c_lo and (
            _adjectival(tokens[k].tag) or ud.numeral(morph(tokens[k].tag)) or ud.adverb(morph(tokens[k].tag))
        ):
            k -= 1
        if k >= c_lo and ud.preposition(morph(tokens[k].tag)):
            continue
        return j
    return None


def _noun_before(tokens: list[Token], found: Found, c_lo: int, named: set[int], coder: Coder) -> bool:
    """A common noun before the verb that may be its nominative subject and no preposition governs: "że siły
    nieprzyjaciela ostrzeliwują" (the tagger may read "siły" as a genitive; Morfeusz also as a nominative)."""
    governed = False
    for j in range(c_lo + 1, found.start):
        m = morph(tokens[j].tag)
        if ud.preposition(m):
            governed = True
        elif (ud.noun(m) or ud.depreciative(m)) and j not in named and _common(tokens, j):
            if not governed and "Nom" in coder.cases(tokens[j]):
                return True
            governed = False
    return False


def _remember(recent: list[Placed], mentions: list[Placed]) -> None:
    """Keep the latest mention of each side, the latest last."""
    for p in mentions:
        side = p.entity.country or p.entity.id
        recent[:] = [q for q in recent if (q.entity.country or q.entity.id) != side] + [p]
    del recent[:-RECENT_SIDES]


def _last_two(recent: list[Placed]) -> list[Placed]:
    return recent[-2:] if len(recent) >= 2 else []


def _claimed(
    claimant, event: Event, actor: list[Placed], found: Found, doc, coder, number, reporters, in_sentence
) -> Event | None:
    """ "Azerbejdżan oświadczył, że siły wroga ostrzeliwują jego terytorium": the claim of force or threat that
    a party makes about another is its accusation of that other (CAMEO 112), besides the deed claimed."""
    if claimant is None or not claimant[1] or found.start <= claimant[0].start or event.modality == "negated":
        return None
    if event.quad_class not in CONFLICT_QUADS or event.cameo[:2] in CLAIM_ROOTS:
        return None
    speaker, accused = claimant[1], [p for p in actor]
    if not accused or {p.entity.country or p.entity.id for p in speaker} & {
        p.entity.country or p.entity.id for p in accused
    }:
        return None
    said = Found(
        replace(claimant[0].trigger, cameo=ACCUSE, symmetric=False),
        claimant[0].start,
        claimant[0].end,
        claimant[0].words,
    )
    return _event(doc, coder, said.trigger, said, number, speaker, accused, reporters, in_sentence, "asserted")


def _give_targets(events: list[Event], doc: Document, coder: Coder) -> None:
    """Force without a named target ("izraelskie ataki", "Ostrzały rosyjskie") strikes the actor's adversary
    in this article: the party it faces in the article's other events, else the state the article names most."""

    def side(p: Participant) -> str:
        return p.country or p.entity or p.name

    faced: dict[str, dict[str, Participant]] = {}
    counts: dict[tuple[str, str], int] = {}
    allies: dict[str, set[str]] = {}  # whom a side meets, backs or helps is not whom it strikes
    for event in events:
        for a in event.actor:
            for r in event.recipient:
                if side(a) == side(r):
                    continue
                if event.quad_class not in CONFLICT_QUADS:
                    allies.setdefault(side(a), set()).add(side(r))
                    allies.setdefault(side(r), set()).add(side(a))
                    continue
                # Who fights whom says more than who blames whom: force weighs more.
                weight = 10 if event.quad_class == MATERIAL_CONFLICT else 1
                for x, y in ((a, r), (r, a)):
                    faced.setdefault(side(x), {})[side(y)] = y
                    counts[side(x), side(y)] = counts.get((side(x), side(y)), 0) + weight
    states = sorted(
        (e for e in doc.entities if coder.is_state(e.id)), key=lambda e: (-len(e.mentions), e.mentions[0].start)
    )
    for event in events:
        force = event.cameo[:2] in TARGET_IS_PLACE_ROOTS
        if event.recipient or not event.actor or not (force or event.cameo[:2] in CLAIM_ROOTS | POSTURE_ROOTS):
            continue
        mine = side(event.actor[0])
        options = {k: v for k, v in faced.get(mine, {}).items() if k not in {side(a) for a in event.actor}}
        if options:
            # "misja Iranu zaprzeczyła zarzutom": a denial or an accusation with no one named answers or
            # blames the side the actor faces in the article, as force without a target strikes it; a threat
            # or a show of force ("poderwał myśliwce") is aimed at it.
            best = max(options, key=lambda other: counts[mine, other])
            event.recipient = [options[best]]
            continue
        if not force:
            continue
        other = next((e for e in states if e.country != mine and e.country not in allies.get(mine, ())), None)
        if other is not None:
            event.recipient = [_participant(other)]


def _first_person(token: Token, cues) -> bool:
    """First or second person: so tagged, or a past form with its personal ending ("ostrzegałem")."""
    m = morph(token.tag)
    if m.feats & {"Person=1", "Person=2"}:
        return True
    return ud.past(m) and token.text.casefold().endswith(cues.PERSONAL_PAST_ENDINGS)


def _sentence_speaker(coder, readings, in_sentence, tokens, lemmas, start: int, hi: int, cues) -> list[Placed]:
    """The person a verb of saying later in the sentence names: "..., nie będzie Majdanu – dowodził X"."""
    for found in coder.find_triggers(readings, start, hi):
        if found.trigger.speech:
            named = [
                p
                for p in in_sentence
                if p.entity.type == "PER" and p.start >= found.end and p.start - found.end <= 3 and not p.preposition
            ]
            return named[:1]
    return []


def _antecedent(in_sentence: list[Placed], tokens, lemmas, c_lo: int, cues) -> list[Placed]:
    """The names a relative clause opened by "który" refers to: those right before its comma."""
    if lemmas[c_lo] not in cues.RELATIVE_SUBJECTS or c_lo < 2 or tokens[c_lo - 1].text != ",":
        return []
    if "Nom" not in tag_cases(tokens[c_lo].tag):
        return []  # "który" as the object ("którego zaatakowano") or after a preposition
    last = next((p for p in reversed(in_sentence) if p.end == c_lo - 1 and not p.adjective), None)
    if last is None:
        return []
    group = [last]
    for p in reversed(in_sentence):  # "Egipt i Katar, które ...": the whole coordination
        if (
            p.end <= group[0].start - 1
            and lemmas[p.end : group[0].start]
            and all(w in cues.COORDINATORS for w in lemmas[p.end : group[0].start])
            and p.end == group[0].start - 1
        ):
            group.insert(0, p)
    return group


def _between(clause: list[Placed], lemmas, cues) -> list[Placed]:
    """The parties of "między Izraelem a Hamasem", "między Armenią i Azerbejdżanem"."""
    for i, p in enumerate(clause):
        if cues.BETWEEN in (p.preposition, p.outer) and i + 1 < len(clause):
            other = clause[i + 1]
            joined = lemmas[p.end : other.start]
            # "między Izraelem a bojownikami Hamasu": the second party may be named in a genitive
            if (
                joined
                and (joined[0] in cues.COORDINATORS or joined[0] in cues.BETWEEN_JOINERS)
                and (len(joined) == 1 or (len(joined) == 2 and other.attached))
            ):
                return [p, other]
    return []


def _give_parties(events: list[Event], awaiting: list[tuple[Event, str]]) -> list[Event]:
    """Mediations and ceasefires without their parties take the two sides of the nearest conflict event,
    before them in the article if there is one, else after; with none the event is dropped."""
    if not awaiting:
        return events
    pairs: dict[frozenset[str], int] = {}
    seen: dict[str, dict[str, tuple[int, Participant]]] = {}  # side -> entity -> (times, participant)
    for event in events:
        sides = {p.country or p.entity for p in event.actor + event.recipient}
        named = event.cameo != CEASEFIRE or all(e is not event for e, _ in awaiting)  # "rozejm między X a Y"
        if (event.quad_class in CONFLICT_QUADS or event.cameo == CEASEFIRE) and len(sides) == 2 and named:
            pairs[frozenset(sides)] = pairs.get(frozenset(sides), 0) + 1
            for p in event.actor + event.recipient:
                times, _ = seen.setdefault(p.country or p.entity, {}).get(p.entity, (0, p))
                seen[p.country or p.entity][p.entity] = (times + 1, p)
    # The article's main conflict: the pair it reports most; each side by the name it uses most for it.
    main = max(pairs, key=lambda pair: pairs[pair], default=frozenset())
    pair = [max(seen[side].values(), key=lambda tp: tp[0])[1] for side in sorted(main)]
    dropped = set()
    for event, kind in awaiting:
        own = {p.country or p.entity for p in event.actor}
        if kind == "joint":
            event.actor = _dedupe(event.actor + [p for p in pair if (p.country or p.entity) not in own])
            event.recipient = []
            if len({p.country or p.entity for p in event.actor}) < 2:
                dropped.add(id(event))
        else:
            event.recipient = [p for p in pair if (p.country or p.entity) not in own]
            if not event.recipient or not event.actor:
                dropped.add(id(event))
    return [event for event in events if id(event) not in dropped]


def _clauses(tokens, lemmas, lo, hi, cues) -> list[tuple[int, int]]:
    bounds = [lo]
    for i in range(lo + 1, hi):
        relative = tokens[i - 1].text == "," and lemmas[i] in cues.RELATIVE_PRONOUNS
        if (
            relative
            or lemmas[i] in cues.CLAUSE_OPENERS
            or tokens[i].text in ";:"
            or (tokens[i].text in "-–—" and tokens[i - 1].text != "-")
        ):
            bounds.append(i)
    bounds.append(hi)
    return [(a, b) for a, b in itertools.pairwise(bounds) if b > a]


def _coordinated(first: Placed, others: list[Placed], lemmas: list[str], cues) -> list[Placed]:
    """``first`` and the mentions joined to it by "i"/"oraz" in the same case ("Xi i Putin")."""
    group = [first]
    closed = 1  # the group up to its last coordinator: a comma list without one is no coordination
    for p in others:
        last = group[-1]
        if p.start <= last.start or p.attached:
            continue
        # "Trump i przywódca Korei Kim": the second name may come with its title.
        between = lemmas[last.end : max(last.end, p.lead if p.lead >= 0 else p.start)]
        agrees = bool(p.cases & last.cases or not p.cases)
        if agrees and between and between[-1] in cues.COORDINATORS and between[:-1] in ([], [","]):
            group.append(p)
            closed = len(group)
        elif agrees and between == [","] and p.entity.type == last.entity.type and not p.adjective:
            group.append(p)  # "uznały USA, Kanada, Izrael i Australia"
        elif p.start > last.end:
            break
    return group[:closed]


def _roles(
    trigger, found: Found, clause: list[Placed], tokens, lemmas, c_lo, cues, coder_cases, inherited: list[Placed] = ()
):
    frames = list(trigger.recipient)
    free = [p for p in clause if not p.attached and not found.words & set(range(p.start, p.end))]
    actor: list[Placed] = []
    recipient: list[Placed] = []
    if trigger.pos == "noun" or ud.gerund(morph(tokens[found.start].tag)) or ud.noun(morph(tokens[found.start].tag)):
        # The noun's own genitive follows it directly, past adjectives at most: in "sprzeciw wobec przyjęcia
        # Szwecji" the genitive belongs to "przyjęcia", not to "sprzeciw".
        genitives = [
            p
            for p in clause
            if p.start >= found.end
            and p.start - found.end <= 2
            and "Gen" in p.cases
            and not p.preposition
            and all(_adjectival(t.tag) for t in tokens[found.end : p.start])
        ]
        adjective_object = any(f.adjective for f in trigger.recipient)
        adjectives = [
            p
            for p in clause
            if p.adjective
            and abs(p.start - found.start) <= 2
            and not p.preposition
            and (adjective_object or not _heads_phrase(tokens, p, found))
        ]
        if adjectives and adjective_object:
            recipient = adjectives[:1]  # "zakup rosyjskiej ropy": the adjective names the seller
        elif not genitives and adjectives and any(f.adjective for f in trigger.actor_from):
            actor = adjectives[:1]  # "ostrzały rosyjskie", "rosyjski atak"
        is_gerund = ud.gerund(morph(tokens[found.start].tag))
        # With an agent ("ostrzał izraelskich żołnierzy przez Hamas") the genitive is the object.
        has_agent = cues.AGENT_PREPOSITION in lemmas[found.end : found.end + NOUN_REACH]
        genitives = [p for p in genitives if not _heads_phrase(tokens, p, found)]
        if genitives:
            head = _coordinated(genitives[0], clause, lemmas, cues)
            head = [p for p in head if p not in recipient]
            genitive_actor = any(f.ud_case == "Gen" and not f.preposition for f in trigger.actor_from)
            if is_gerund or not genitive_actor or has_agent:
                recipient = head
            else:
                actor = head
        elif not actor and not recipient:
            # "atak bojowników Hamasu", "ostrzał ormiańskich osad": a common noun in the genitive with a name
            # or a state's adjective of its own; armed forces do the deed, anything else undergoes it.
            phrase = _genitive_phrase(tokens, lemmas, clause, found, coder_cases)
            if phrase is not None:
                names, noun = phrase
                object_frame = any(f.ud_case == "Gen" and not f.preposition for f in trigger.recipient)
                if has_agent or is_gerund or (object_frame and noun not in cues.FORCE_NOUNS):
                    recipient = names
                elif any((f.ud_case == "Gen" or f.adjective) and not f.preposition for f in trigger.actor_from):
                    actor = names
        after = [p for p in free if p.start >= found.end and p not in actor + recipient]
        recipient = recipient or _by_frames(frames, after, lemmas, cues, allow_bare=False)
        if not recipient:
            # "naloty na pozycje Hamasu", "atak na ukraińską stolicę": the name or the state's adjective sits
            # inside the phrase the frame asks for.
            recipient = _inside_frame([f.preposition for f in frames if f.preposition], clause, found, actor)
        if not recipient:
            recipient = _deep_in_frame(
                tokens, lemmas, [f.preposition for f in frames if f.preposition], clause, found, actor
            )
        # The agent of an event noun stands in its phrase: "ostrzał żołnierzy przez Hamas", not further on.
        agents = [p for p in after if p.preposition == cues.AGENT_PREPOSITION and p.start - found.end <= NOUN_REACH]
        agents = agents or _inside_frame([cues.AGENT_PREPOSITION], clause, found, recipient)
        if agents:
            actor = _coordinated(agents[0], free, lemmas, cues)  # "zacieśnianie współpracy przez Pjongjang"
        if not actor and _after_light_verb(tokens, lemmas, found, c_lo, cues):
            # "armia przeprowadziła serię ataków"; "Moskwa zapowiadała, że podejmie kroki odwetowe"
            actor = _subject(free, found, lemmas, cues, clause) or list(inherited)
        if not actor and trigger.cameo == MEDIATE:
            actor = _subject(free, found, lemmas, cues, clause)  # "Mediatorem był Katar", "w roli pośrednika"
        if not actor and trigger.symmetric and trigger.cameo[:2] in TALK_ROOTS:
            # "Xi i Putin podczas rozmowy ...": the clause's subject holds the talks. Other nouns do not
            # borrow it: "w wojnie przeciwko Ukrainie" is not a war the subject wages.
            actor = _subject(free, found, lemmas, cues, clause)
        return actor, recipient
    passive = _is_passive(lemmas, tokens, found, c_lo, cues)
    subject = _subject(free, found, lemmas, cues, clause, tokens)
    if passive:
        agents = [p for p in free if p.preposition == cues.AGENT_PREPOSITION]
        actor = _coordinated(agents[0], free, lemmas, cues) if agents else []
        actor = actor or _inside_frame([cues.AGENT_PREPOSITION], clause, found, [])  # "przez wojska rosyjskie"
        if not subject:
            # The participle modifies the name before it: "Azerbejdżan, wspierany przez Turcję".
            before = [p for p in free if p.end <= found.start and p not in actor]
            subject = before[-1:]
        return actor, subject
    if (
        inherited
        and not [p for p in subject if p.end <= found.start]
        and not any(len(p.cases) < len(CASES) for p in subject)
    ):
        # "..., że zamknie Konsulat Generalny RP": with the speaker's subject dropped, a name after the verb
        # whose case is unknown (an acronym) is its object, not a subject.
        subject = list(inherited)
    actor = subject
    rest = [p for p in free if p not in actor]
    recipient = _by_frames(frames, rest, lemmas, cues, allow_bare=True, after=found.start)
    if not recipient and any(f.ud_case == "Acc" and not f.preposition for f in frames):
        # "potępiło działania Izraela", "odrzucił prośbę prezydenta Maduro": the object is a common noun and
        # the name in its genitive is whom the act concerns.
        # With the subject after the verb the object may come first: "Działania Izraela potępiło pięć państw".
        inverted = bool(actor) and actor[0].start > found.start
        for p in clause:
            head = p.start - 1
            if (
                p.attached
                and not p.outer
                and (head > found.start or (inverted and p.end <= found.start))
                and p not in actor
                and "Acc" in coder_cases(tokens[head])
                and _common(tokens, head)
            ):
                recipient = [p]
                break
    if not recipient:
        # "przybył do stolicy Chin": the named place sits inside the phrase the frame asks for.
        inside = [p for p in clause if p.attached and p.outer and p.start > found.start and p not in actor]
        recipient = next(([p] for f in frames for p in inside if f.preposition == p.outer), [])
    if not recipient:
        # "przeprowadziła naloty na cele powiązane z Hezbollahem"
        recipient = _deep_in_frame(
            tokens, lemmas, [f.preposition for f in frames if f.preposition], clause, found, actor
        )
    return actor, recipient


def _owner_after(tokens, clause: list[Placed], found: Found, actor: list[Placed]) -> list[Placed]:
    """The name in the genitive right after an expression's noun, past its adjectives: "zamknąć Konsulat
    Generalny RP w Irkucku" is done to Poland, not to the city the consulate stands in."""
    for p in clause:
        if (
            p.start >= found.end
            and p not in actor
            and not p.preposition
            and "Gen" in p.cases
            and all(_adjectival(t.tag) for t in tokens[found.end : p.start])
            and p.start - found.end <= 2
        ):
            return [p]
    return []


def _heads_phrase(tokens, p: Placed, found: Found) -> bool:
    """A state's adjective after the trigger that qualifies a noun of its own: "ostrzał ormiańskich osad"."""
    return (
        p.adjective
        and p.start >= found.end
        and p.end < len(tokens)
        and _nominal(tokens[p.end].tag)
        and tokens[p.end].text.islower()
    )


def _genitive_phrase(tokens, lemmas, clause: list[Placed], found: Found, coder_cases):
    """The names in the genitive phrase right after an event noun, with that phrase's head noun: "ostrzał
    ormiańskich osad" (the adjective, "osada"), "atak bojowników Hamasu" (Hamas, "bojownik")."""
    by_start = {p.start: p for p in clause}
    j = found.end
    while j < min(len(tokens), found.end + 2) and _adjectival(tokens[j].tag) and j not in by_start:
        j += 1
    first = by_start.get(j)
    if first is not None and _heads_phrase(tokens, first, found) and "Gen" in coder_cases(tokens[first.end]):
        return [first], lemmas[first.end]
    if (
        j < len(tokens)
        and first is None
        and _nominal(tokens[j].tag)
        and tokens[j].text.islower()
        and "Gen" in coder_cases(tokens[j])
    ):
        name = by_start.get(j + 1)
        if name is not None and name.attached and not name.outer:
            return [name], lemmas[j]
    return None


def _inside_frame(prepositions, clause: list[Placed], found: Found, taken: list[Placed]) -> list[Placed]:
    """A name in the genitive or a state's adjective inside the prepositional phrase a frame names, close
    after the trigger ("na pozycje Hamasu", "przez wojska rosyjskie")."""
    for preposition in prepositions:
        for p in clause:
            if (
                p.outer == preposition
                and not p.preposition
                and found.end <= p.start <= found.end + NOUN_REACH
                and p not in taken
            ):
                return [p]
    return []


# How far into the phrase a frame's preposition opens an organisation may stand ("na cele związane z ruchem Huti").
DEEP_REACH = 6


def _deep_in_frame(tokens, lemmas, prepositions, clause: list[Placed], found: Found, taken) -> list[Placed]:
    """An organisation named deeper in the phrase the frame asks for: "uderzenia na cele związane z ruchem Huti
    w Jemenie" strike the Houthis, not the country the targets are in. The phrase ends at a comma or a verb."""
    for k in range(found.end, min(len(tokens), found.end + NOUN_REACH)):
        if lemmas[k] not in prepositions or not ud.preposition(morph(tokens[k].tag)):
            continue
        for p in clause:
            if (
                p.entity.type == "ORG"
                and k < p.start <= k + DEEP_REACH
                and p not in taken
                and not any(t.text in ",;:" or ud.finite(morph(t.tag)) for t in tokens[k : p.start])
            ):
                return [p]
        return []
    return []


def _likewise(events: list[Event], in_sentence: list[Placed], lemmas, lo, cues) -> list[Event]:
    """ "Podobnie jak Indie, Chiny wydają ... na zakup rosyjskiej ropy": India does it too."""
    for opener in cues.LIKEWISE:
        if tuple(lemmas[lo : lo + len(opener)]) != opener:
            continue
        compared = [p for p in in_sentence if p.start == lo + len(opener)]
        if not compared:
            return []
        like = compared[0].entity
        copies = []
        for event in events:
            if like.id in {p.entity for p in event.actor + event.recipient}:
                continue
            copy = Event(
                **{
                    **event.__dict__,
                    "actor": [_participant(like)],
                    "context": list(event.context),
                    "recipient": list(event.recipient),
                    "reported_by": list(event.reported_by),
                }
            )
            copies.append(copy)
        return copies
    return []


def _impersonal(tag: str | None) -> bool:
    """A singular neuter past form ("udało się"), the impersonal use; the present ("udaje się") is both."""
    m = morph(tag)
    return ud.past(m) and m.has("Number=Sing", "Gender=Neut")


def _future(tokens: list[Token], found: Found) -> bool:
    """A perfective verb in the non-past ("przyleci", "spotka się") speaks of the future in Polish, and so
    does an infinitive after the future of "być" ("będą współpracować")."""
    infinitive, future, _ = _tense(tokens[found.start].tag)
    if infinitive:
        return any(_tense(tokens[j].tag)[2] for j in range(max(0, found.start - 2), found.start))
    return future


@lru_cache(maxsize=16_384)
def _tense(tag: str | None) -> tuple[bool, bool, bool]:
    """Of a tag, for ``_future`` (asked of every word the learned layer scores): an infinitive; the future by
    itself; the future of "być"."""
    m = morph(tag)
    auxiliary = ud.future_auxiliary(m)
    # Perfective only: a verb of both aspects ("aresztuje") may speak of now.
    perfective = ud.present(m) and "Aspect=Perf" in m.feats and "Aspect=Imp" not in m.feats
    return ud.infinitive(m), auxiliary or perfective, auxiliary


def _both_subject(all_readings, found: Found, c_lo, cues, tokens, named: set[int], plural) -> bool:
    """A subject "obaj liderzy", "obie strony" before the trigger, with no name of its own. Any reading
    counts: at the start of a sentence the tagger may take "Obie" for a name. A plural "przywódcy" with no
    name after it is the pair as well ("Przywódcy zapowiedzieli ...")."""
    if any(cues.BOTH & all_readings[j] for j in range(c_lo, found.start)):
        return True
    for j in range(c_lo, found.start):
        if cues.PAIR_NOUNS & all_readings[j] and plural(tokens[j].text) and j + 1 not in named and j + 2 not in named:
            return True
    return False


def _after_light_verb(tokens, lemmas, found: Found, c_lo, cues) -> bool:
    verbs = [j for j in range(c_lo, found.start) if _verb(tokens[j].tag)]
    return bool(verbs) and lemmas[verbs[-1]] in cues.LIGHT_VERBS | cues.FUNDING_VERBS


def _subject(free: list[Placed], found: Found, lemmas, cues, clause=(), tokens=None) -> list[Placed]:
    nominative = [p for p in free if "Nom" in p.cases and not p.preposition and p.entity.type != "LOC"]
    if tokens is not None and not [p for p in nominative if p.end <= found.start]:
        # "misja Iranu zaprzeczyła", "władze Chin ogłosiły": a common noun subject speaks for the name
        # in its genitive.
        for p in clause:
            head = p.start - 1
            if (
                p.attached
                and not p.outer
                and head >= 0
                and p.end <= found.start
                and "Nom" in tag_cases(tokens[head].tag)
                and _common(tokens, head)
            ):
                return [p]
    before = [p for p in nominative if p.end <= found.start]
    if before and tokens is not None:
        # "Pakistan oskarżył Indie o ... i poderwał myśliwce": past the first verb of coordinated predicates
        # stand its objects; their subject is the one before that verb.
        verb = next((j for j in range(before[0].end, found.start) if ud.finite(morph(tokens[j].tag))), None)
        # The trigger is the second predicate: right after "i"/"oraz", no name between ("i poderwał").
        joined = verb is not None and any(
            lemmas[c] in cues.COORDINATORS and not any(c < p.start < found.start for p in free)
            for c in range(max(verb + 1, found.start - 3), found.start)
        )
        if joined:
            before = [p for p in before if p.end <= verb]
    if before:
        # The closest group before the verb; earlier mentions coordinated with it come along.
        groups = []
        for p in before:
            if groups and p in groups[-1]:
                continue
            groups.append(_coordinated(p, before, lemmas, cues))
        return groups[-1]
    after = [p for p in nominative if p.start >= found.end]
    return _coordinated(after[0], nominative, lemmas, cues) if after else []


def _by_frames(frames, candidates, lemmas, cues, *, allow_bare, after=None):
    # A verb's prepositional object mostly follows it: "Ustępująca ze stanowiska kanclerz Niemiec spotkała się z
    # prezydentem Francji" meets France; a phrase before the verb fills the frame only when none after does.
    ordered = candidates if after is None else sorted(candidates, key=lambda p: p.start < after)
    for frame in frames:
        for p in ordered:
            if frame.preposition:
                if p.preposition != frame.preposition:
                    continue
                if frame.ud_case and frame.ud_case not in p.cases and p.cases:
                    continue
            else:
                if not allow_bare or p.preposition or frame.ud_case not in p.cases:
                    continue
                if frame.ud_case in ("Acc", "Nom") and after is not None and p.start < after:
                    continue  # an accusative object follows its verb; before it stands the subject
            return _coordinated(p, candidates, lemmas, cues)
    return []


def _is_passive(lemmas, tokens, found: Found, c_lo, cues) -> bool:
    """ "został zaatakowany", or a bare participle with its agent: "Azerbejdżan, wspierany przez Turcję"."""
    if not ud.passive_participle(morph(tokens[found.start].tag)):
        return False
    if any(lemmas[j] in cues.PASSIVE_AUXILIARIES for j in range(max(c_lo, found.start - 3), found.start)):
        return True
    return cues.AGENT_PREPOSITION in lemmas[found.end : found.end + 4]


def _modality(tokens, lemmas, found: Found, c_lo, cues) -> str:
    window = range(max(c_lo, found.start - 3), found.start)
    if any(lemmas[j] in cues.NEGATION for j in window):
        return "negated"
    if not _verb(tokens[found.start].tag):
        # An event noun in the object of a negated verb is negated with it: "nie poruszono tematu wojny".
        verbs = [j for j in range(c_lo, found.start) if _verb(tokens[j].tag)]
        if verbs and any(lemmas[j] in cues.NEGATION for j in range(max(c_lo, verbs[-1] - 2), verbs[-1])):
            return "negated"
    if any(lemmas[j] in cues.HYPOTHETICAL_MARKERS for j in range(c_lo, found.start)):
        return "hypothetical"
    if not _verb(tokens[found.start].tag) and _planned(tokens, lemmas, found, c_lo, cues):
        return "intended"
    # "zapowiedzieli wzmocnienie", "zamierza wysłać": the intention verb right before what it announces,
    # or before the content clause the trigger opens ("zapowiedzieli, że będą współpracować").
    if any(lemmas[j] in cues.INTENTION_VERBS for j in range(max(c_lo, found.start - 2), found.start)):
        return "intended"
    if (
        c_lo >= 2
        and lemmas[c_lo] in cues.CONTENT_OPENERS
        and tokens[c_lo - 1].text == ","
        and (lemmas[c_lo - 2] in cues.INTENTION_VERBS)
    ):
        return "intended"
    return "asserted"


# How far from an event noun the participle that plans it may stand ("wizyta ... zaplanowana jest").
PLAN_REACH = 6


def _planned(tokens, lemmas, found: Found, c_lo: int, cues) -> bool:
    """An event noun planned by a participle or verb of intention next to it: "zaplanowane zostało kolejne
    spotkanie", "wizyta kanclerz we Francji zaplanowana jest po wyborach"."""
    for j in range(found.start - 1, max(c_lo, found.start - PLAN_REACH) - 1, -1):
        if _verb_or_passive(tokens[j].tag) and lemmas[j] not in cues.PASSIVE_AUXILIARIES:
            return lemmas[j] in cues.INTENTION_VERBS
    for j in range(found.end, min(len(tokens), found.end + PLAN_REACH)):
        if tokens[j].text in ",;:":
            return False
        if _verb_or_passive(tokens[j].tag) and lemmas[j] not in cues.PASSIVE_AUXILIARIES:
            return lemmas[j] in cues.INTENTION_VERBS and ud.passive_participle(morph(tokens[j].tag))
    return False


def _verb_or_passive(tag: str | None) -> bool:
    return ud.verb(morph(tag)) or ud.passive_participle(morph(tag))


def _next_one(lemmas, found: Found, c_lo: int, cues) -> bool:
    """ "kolejne spotkanie", "następna runda rozmów": the event again, between the same sides."""
    return any(lemmas[j] in cues.NEXT_ONE for j in range(max(c_lo, found.start - 2), found.start))


def _reporters(tokens, lemmas, lo, hi, mentions: list[Placed], cues) -> list[Placed]:
    """Whom the sentence cites: "według NIS", "przekazała agencja Xinhua", "jak podała agencja Reutera"."""
    out = [p for p in mentions if p.preposition in cues.SOURCE_PREPOSITIONS]
    for i in range(lo, hi):
        if lemmas[i] in cues.REPORTING_VERBS:
            near = [p for p in mentions if p.entity.type == "ORG" and 0 < p.start - i <= 3 and "Nom" in p.cases]
            out += near[:1]
    return out


def _event(
    doc,
    coder,
    trigger,
    found: Found,
    number: int,
    actor,
    recipient,
    reporters,
    in_sentence,
    modality,
    joint: bool = False,
    clause: tuple[int, int] | None = None,
) -> Event | None:
    """The event record, or None when it is not one. ``joint``: its parties come later (_give_parties);
    ``clause``: the character span of the trigger's clause."""
    cameo = trigger.cameo
    later = modality == "intended" or _future(doc.tokens, found)
    if cameo[:2] == MEET_ROOT and later:
        # "Biden przyleci do Polski", "zapowiedzieli spotkanie": a meeting to come is an intent to meet.
        cameo = INTENT_TO_MEET
    elif cameo[:2] == COOPERATE_ROOT and later:
        cameo = INTENT_TO_COOPERATE  # "zapowiedzieli, że będą współpracować": a pledge to cooperate
    info = coder.codebook.cameo(cameo)
    if not info.plover_type:
        return None  # statements and appeals (CAMEO 01, 02) and root 08 have no PLOVER type
    symmetric = trigger.symmetric
    sides = {p.entity.country or p.entity.id for p in actor + recipient}
    # A meeting of one side says nothing, and a visit or a host needs a counterpart ("podjął decyzję" hosts
    # no one); an international body's own summit ("szczyt NATO") is the exception.
    one_sided = len(sides) < 2 and not any(p.entity.sector == "IGO" for p in actor)
    # A meeting to come is one-sided too: "podejmie kroki" hosts no one, now or later.
    if (not actor and (not joint or cameo == MEDIATE)) or (
        not joint and one_sided and (symmetric or info.plover_type == "CONSULT" or cameo != trigger.cameo)
    ):
        return None
    if symmetric and not recipient and not joint:
        # "Xi i Putin rozmawiali": the first named acts, the others receive, so that relations between
        # pairs of actors count the meeting (the sides are interchangeable for these types).
        actor, recipient = actor[:1], actor[1:]
    start, end = doc.tokens[found.start].start, doc.tokens[found.end - 1].end
    date, precision = _event_date(doc, found, clause)
    if date and doc.date and int(date[:4]) < int(doc.date[:4]) - 1:
        return None  # background history ("w wojnie koreańskiej w latach 1950-1953"), not news of the day
    location = _location(in_sentence, coder)
    if not recipient and location is not None and info.root in TARGET_IS_PLACE_ROOTS:
        # "ataki na cele wojskowe w Iranie": an attack with no named target strikes the state it is in.
        place = next((p for p in in_sentence if p.entity.name == location.name), None)
        if place is not None and place.entity.country not in {p.entity.country for p in actor}:
            recipient = [place]
    return Event(
        type=info.plover_type,
        mode=info.plover_mode or None,
        context=list(info.plover_contexts or ()),
        trigger=Mention(start, end, doc.text[start:end]),
        sentence=number,
        actor=_dedupe([_participant(p.entity) for p in actor]),
        recipient=_dedupe([_participant(p.entity) for p in recipient]),
        cameo=cameo,
        goldstein=coder.codebook.goldstein(cameo),
        quad_class=info.quad_class,
        date=date,
        date_precision=precision,
        location=location,
        reported_by=_dedupe([Participant(entity=p.entity.id, name=p.entity.name) for p in reporters]),
        modality=modality,
    )


def _dedupe(participants: list[Participant]) -> list[Participant]:
    seen, out = set(), []
    for p in participants:
        if p.entity not in seen:
            seen.add(p.entity)
            out.append(p)
    return out


def _event_date(doc: Document, found: Found, clause: tuple[int, int] | None = None) -> tuple[str | None, str | None]:
    trigger_start = doc.tokens[found.start].start
    index = offset_index(doc)
    candidates: list[Timex] = [
        t
        for t in index.timexes_in(index.sentence_number(trigger_start))
        if t.type in ("DATE", "TIME") and t.value and t.value[:4].isdigit()
    ]
    value = doc.date
    if candidates:
        nearest = min(candidates, key=lambda t: abs(t.start - trigger_start))
        # A past year in a clause after the trigger's dates what that clause tells ("chce, aby ustalony dziewięć
        # lat temu próg ..."), not the trigger: it does not make the trigger background.
        elsewhere = clause is not None and nearest.start >= clause[1]
        if not (elsewhere and doc.date and nearest.value[:4] < doc.date[:4]):
            value = nearest.value
    if not value:
        return None, None
    day = value.split("/")[0][:10]  # an interval ("1950/1953") dates the event by its start
    precision = date_precision(day)
    return (day, precision) if precision else (None, None)


def _location(in_sentence: list[Placed], coder: Coder) -> Location | None:
    for p in in_sentence:
        if p.entity.type in PLACE_TYPES and p.preposition in coder.cues.LOCATIVE_PREPOSITIONS and "Loc" in p.cases:
            entry = coder.kb_entry(p.entity.id)
            return Location(
                name=p.entity.name,
                country=p.entity.country,
                lat=getattr(entry, "lat", None),
                lon=getattr(entry, "lon", None),
            )
    return None


def _merge_same(events: list[Event]) -> list[Event]:
    """One record per real event of the article: same type, modality, participants and day.

    A pledge and its fulfilment are one event; a negated mention stays apart; talks on different days stay
    apart ("rozmawiali już dzień wcześniej"), but a visit spans days: arriving on Tuesday and meeting on
    Thursday are one trip (VISIT_DAYS)."""
    kept: list[tuple[tuple, Event]] = []
    for event in events:
        sides = (
            frozenset(participant_code(p) for p in event.actor),
            frozenset(participant_code(p) for p in event.recipient),
        )
        if event.type in ("CONSULT", "AGREE", "COOPERATE"):
            sides = (sides[0] | sides[1], frozenset())
        key = (event.type, event.modality == "negated", sides)
        same = next(
            (
                first
                for k, first in kept
                if k == key and _same_occasion(first, event) and not _two_strikes(first, event)
            ),
            None,
        )
        if same is None:
            kept.append((key, event))
            continue
        for reporter in event.reported_by:
            if reporter.entity not in {r.entity for r in same.reported_by}:
                same.reported_by.append(reporter)
    return [event for _, event in kept]


def _two_strikes(a: Event, b: Event) -> bool:
    """Two acts of force named by different words in one sentence ("ostrzelanie osady ... nowa ofensywa")
    are two deeds; the same act told again in another sentence is one."""
    return (
        a.sentence == b.sentence
        and a.cameo[:2] in TARGET_IS_PLACE_ROOTS
        and a.trigger.text.casefold() != b.trigger.text.casefold()
    )


def _same_occasion(a: Event, b: Event) -> bool:
    if a.date == b.date:
        return True
    if a.mode != "visit" and b.mode != "visit":
        return False
    try:
        days = abs((dt.date.fromisoformat(a.date) - dt.date.fromisoformat(b.date)).days)
    except (TypeError, ValueError):
        return False  # a date to the month or year cannot be compared by days
    return days <= VISIT_DAYS

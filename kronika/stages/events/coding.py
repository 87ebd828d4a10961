"""Coding a document: for each sentence its triggers, their roles, modality, date and place, as events."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from kronika.lang import ud
from kronika.lang.ud import morph
from kronika.record import Document, Event
from kronika.stages.events.attach import PLACE_TYPES
from kronika.stages.events.build import _event
from kronika.stages.events.carry import (
    _antecedent,
    _between,
    _clauses,
    _first_person,
    _last_two,
    _likewise,
    _noun_before,
    _own_subject,
    _remember,
    _reporters,
    _sentence_speaker,
)
from kronika.stages.events.ground import Groundwork, Placed, _sentence_spans
from kronika.stages.events.merge import _merge_same
from kronika.stages.events.modality import _modality, _next_one
from kronika.stages.events.roles import _both_subject, _owner_after, _roles, _subject
from kronika.stages.events.roots import (
    ANSWER_ROOTS,
    CEASEFIRE,
    CLAIM_ROOTS,
    HOST,
    IMPERSONAL_STATE_ROOTS,
    MEDIATE,
    PROTEST_ROOT,
    TALK_ROOTS,
    TARGET_IS_PLACE_ROOTS,
    THREAT_ROOTS,
)
from kronika.stages.events.sides import _claimed, _give_parties, _give_targets
from kronika.stages.events.tags import _impersonal, _nominal, _verb
from kronika.stages.events.triggers import Coder, Found


def code_events(doc: Document, coder: Coder, ground: Groundwork | None = None) -> list[Event]:
    if not doc.tokens:
        return []
    ground = ground or Groundwork(doc, coder)
    lemmas = ground.lemmas
    if not ground.placed:
        return []  # no name and no state's adjective: no event has a participant
    coding = _Coding(doc, coder, ground, lemmas)
    for number, lo, hi in _sentence_spans(doc):
        coding.sentence(number, lo, hi)
    events = _give_parties(coding.events, coding.awaiting)  # before guessed targets: only the sides the article names
    _give_targets(events, doc, coder)
    return _merge_same([e for e in events if not _interview(e)])


@dataclass
class _Sentence:
    """One sentence being coded: its span, mentions and reporters, and what its earlier triggers left."""

    number: int
    lo: int
    hi: int
    placed: list[Placed]  # the placed mentions inside the sentence
    reporters: list[Placed]
    clauses: list[tuple[int, int]]
    first: int  # the index of the sentence's first event in the document's list
    question: bool
    place: list[Placed]  # the place named here with a locative preposition, else the one named last
    previous: tuple[Found, list[Placed], list[Placed]] | None = None  # the latest trigger, its actor and recipient
    claimant: tuple[Found, list[Placed]] | None = None  # "X oświadczył, że ...": X and its verb
    speaker: tuple[int, list[Placed], bool] | None = None  # the verb of saying's end, subject, "obaj"

    def clause_at(self, start: int) -> tuple[int, int]:
        return next(((a, b) for a, b in self.clauses if a <= start < b), (self.lo, self.hi))


@dataclass
class _Frame:
    """One trigger being coded: its clause and the sides found for it so far."""

    found: Found
    c_lo: int
    c_hi: int
    clause: list[Placed]  # the clause's mentions, reporters left out
    content: bool  # in a content clause of the sentence's verb of saying
    is_verb: bool
    actor: list[Placed]
    recipient: list[Placed]
    both: bool = False
    impersonal: bool = False
    parties: bool = False
    pending: str | None = None


@dataclass
class _Coding:
    """The state one document's coding carries from trigger to trigger and sentence to sentence."""

    doc: Document
    coder: Coder
    ground: Groundwork
    lemmas: list[str]
    events: list[Event] = field(default_factory=list)
    last_subject: list[Placed] = field(default_factory=list)
    last_pair: list[Placed] = field(default_factory=list)  # the two sides of the latest event that had exactly two
    last_claim: tuple[list[Placed], set[str]] | None = None  # the latest accuser and whom it accused
    last_speaker: list[Placed] = field(default_factory=list)  # the latest person named with a verb of saying
    # mediations and ceasefires whose parties the sentence leaves out
    awaiting: list[tuple[Event, str]] = field(default_factory=list)
    recent: list[Placed] = field(default_factory=list)  # the latest named side last: subjects and participants
    last_place: list[Placed] = field(default_factory=list)  # the latest place named with a locative preposition
    # a common noun and the name it last introduced ("premier" Morawiecki)
    titled: dict[str, list[Placed]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.cues = self.coder.cues
        self.tokens = self.doc.tokens
        self.placed = self.ground.placed
        self.readings = self.ground.readings
        self.placed_at = {i for p in self.placed for i in range(p.start, p.end)}

    def sentence(self, number: int, lo: int, hi: int) -> None:
        s = self._open(number, lo, hi)
        for found in self.ground.triggers(lo, hi):
            self._trigger(s, found)
        self._close(s)

    def _open(self, number: int, lo: int, hi: int) -> _Sentence:
        cues, tokens, placed = self.cues, self.tokens, self.placed
        in_sentence = placed[
            bisect_left(placed, lo, key=lambda p: p.start) : bisect_left(placed, hi, key=lambda p: p.start)
        ]
        reporters = _reporters(tokens, self.lemmas, lo, hi, in_sentence, cues)
        clauses = _clauses(tokens, self.lemmas, lo, hi, cues)
        sentence_first = len(self.events)
        question = tokens[hi - 1].text == "?"
        place = [
            p
            for p in in_sentence
            if p.entity.type in PLACE_TYPES
            and p.entity.country
            and (p.preposition or p.outer) in cues.LOCATIVE_PREPOSITIONS
        ][:1] or self.last_place
        return _Sentence(number, lo, hi, in_sentence, reporters, clauses, sentence_first, question, place)

    def _speech(self, s: _Sentence, found: Found) -> None:
        """A verb of saying is no event by itself; what it reports may be: its subject speaks for its clauses."""
        cues, tokens, lemmas = self.cues, self.tokens, self.lemmas
        s_lo, s_hi = s.clause_at(found.start)
        speaking = [p for p in s.placed if s_lo <= p.start < s_hi and p not in s.reporters]
        s.speaker = (
            found.end,
            _subject([p for p in speaking if not p.attached], found, lemmas, cues, speaking, tokens),
            _both_subject(self.readings[0], found, s_lo, cues, tokens, self.placed_at, self.coder.plural_nominative),
        )
        said_by = [
            p
            for p in s.placed
            if p.entity.type == "PER"
            and "Nom" in p.cases
            and not p.preposition
            and not p.attached
            and abs(p.start - found.start) <= 3
        ]
        self.last_speaker = said_by[:1] or self.last_speaker
        if lemmas[found.start] in cues.CLAIM_VERBS:
            c_lo, c_hi = s.clause_at(found.start)
            free = [p for p in s.placed if c_lo <= p.start < c_hi and not p.attached]
            s.claimant = (found, _subject(free, found, lemmas, cues))

    def _trigger(self, s: _Sentence, found: Found) -> None:
        cues, tokens, lemmas, coder = self.cues, self.tokens, self.lemmas, self.coder
        trigger = found.trigger
        if trigger.speech:
            self._speech(s, found)
            return
        if trigger.lemmas[0] in cues.IMPERSONAL_SENSE and _impersonal(tokens[found.start].tag):
            return  # "udało się odblokować": the neuter of "udać się" is "manage to", not "go to"
        if trigger.cameo == HOST and any(
            cues.NOT_HOSTED & self.readings[0][j] for j in range(max(s.lo, found.start - 1), min(s.hi, found.end + 3))
        ):
            return  # "podjął decyzję", "w podjętej uchwale": a decision is taken, not a guest received
        c_lo, c_hi = s.clause_at(found.start)
        clause = [p for p in s.placed if c_lo <= p.start < c_hi and p not in s.reporters]
        # "Rosja ogłosiła, że zamknie konsulat": the content clause's dropped subject is the speaker's.
        content = s.speaker is not None and c_lo >= s.speaker[0] and lemmas[c_lo] in cues.CONTENT_OPENERS
        # "..., że siły nieprzyjaciela ostrzeliwują": a subject of its own, even unnamed, inherits nothing.
        inherited = s.speaker[1] if content and not _noun_before(tokens, found, c_lo, self.placed_at, coder) else []
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
        previous = s.previous
        if not is_verb and previous and previous[0].start >= c_lo and previous[0].trigger.cameo[:2] in CLAIM_ROOTS:
            return  # "zarzucił Pekinowi wspieranie Rosji": the accused deed is a claim, not a reported event
        f = _Frame(found, c_lo, c_hi, clause, content, is_verb, actor, recipient)
        self._fill_actor(s, f)
        self._answered(s, f)
        if not self._parties(s, f):
            return
        s.previous = (found, f.actor, f.recipient)
        if trigger.pos != "noun" and f.actor:
            self.last_subject = f.actor
        if not f.actor and not f.recipient and f.pending != "joint":
            return
        actor_set = {p.entity.id for p in f.actor}
        if not f.impersonal:
            f.recipient = [p for p in f.recipient if p.entity.id not in actor_set]
        if s.question:
            return  # "Czy zobowiąże się pan do ...?": a question reports no event (GUIDE: not annotated)
        self._emit(s, f)

    def _fill_actor(self, s: _Sentence, f: _Frame) -> None:
        """The actor the frame left out: carried from the accuser, the place, the pair or the subject before."""
        cues, tokens, lemmas, coder = self.cues, self.tokens, self.lemmas, self.coder
        found, c_lo, is_verb = f.found, f.c_lo, f.is_verb
        trigger = found.trigger
        previous = s.previous
        if not f.actor and not is_verb and ud.gerund(morph(tokens[found.start].tag)):
            if previous and previous[0].start >= c_lo:
                # "zarzucił Pekinowi wspieranie Rosji": the one accused (the verb's recipient) supports.
                f.actor = previous[2] or previous[1]
            else:
                f.actor = list(self.last_subject)  # "... jakim jest dalsze wspieranie Rosji" (by the subject)
        if not f.actor and not is_verb and trigger.cameo[:2] == PROTEST_ROOT:
            # "w miastach Białorusi wybuchły protesty": protesters are coded by the country they protest in.
            f.actor = [
                p
                for p in f.clause
                if p.entity.type in PLACE_TYPES
                and p.entity.country
                and (p.preposition or p.outer) in cues.LOCATIVE_PREPOSITIONS
            ][:1]
        # Only a verb's subject reaches back to the sides named last: "obie strony potyczki" is no party.
        pair = self.last_pair or (_last_two(self.recent) if is_verb else [])
        if (
            not f.actor
            and not is_verb
            and trigger.symmetric
            and trigger.cameo[:2] in TALK_ROOTS
            and len(self.last_pair) == 2
            and _next_one(lemmas, found, c_lo, cues)
        ):
            f.actor = list(self.last_pair)  # "zaplanowano kolejne spotkanie": the pair that met meets again
        f.both = (
            not f.actor
            and len(pair) == 2
            and (
                f.content
                and s.speaker[2]
                or _both_subject(self.readings[0], found, c_lo, cues, tokens, self.placed_at, coder.plural_nominative)
            )
        )
        if f.both:
            # "Obaj liderzy zgodzili się na ...": the pair met just before, else the two sides named last.
            f.actor = list(pair)
        f.impersonal = is_verb and ud.impersonal(morph(tokens[found.start].tag))
        if f.impersonal and not f.actor and trigger.cameo[:2] in IMPERSONAL_STATE_ROOTS and s.place:
            # "zatrzymano trzy tysiące osób", "strzelano do nich": force with no one named is the doing
            # of the authorities where it happens, against people there unless the frame names others.
            f.actor = list(s.place)
            if trigger.cameo[:2] in TARGET_IS_PLACE_ROOTS:
                f.recipient = f.recipient or list(s.place)
        if not f.actor and (is_verb or trigger.cameo == MEDIATE):
            # "Hamas, który wystrzelił rakiety", "Egipt i Katar, które pełnią rolę mediatorów"
            f.actor = _antecedent(s.placed, tokens, lemmas, c_lo, cues)
        if is_verb and not f.actor and _first_person(tokens[found.start], cues):
            # "Ostrzegałem ...", "wznawiamy działania": the one speaking, named by a verb of saying in
            # the sentence ("– dowodził Łukaszenka") or before; never a third party carried over.
            f.actor = _sentence_speaker(coder, self.readings, s.placed, tokens, lemmas, found.end, s.hi, cues) or list(
                self.last_speaker
            )
        elif is_verb and not f.actor and not f.impersonal:
            # A dropped subject continues the one before; an impersonal verb ("podpisano") has none. A common
            # noun subject is the name it introduced earlier ("premier Morawiecki ... Premier zapewnił"),
            # else someone unnamed ("Ekspert chwali", "Władze ostrzegają"), not the previous subject.
            noun = _own_subject(tokens, found, c_lo, self.placed_at)
            f.actor = list(self.last_subject) if noun is None else self.titled.get(lemmas[noun], [])

    def _answered(self, s: _Sentence, f: _Frame) -> None:
        """A denial or an answer with no one named it answers: the accuser of this sentence or of those before."""
        if f.recipient or f.found.trigger.cameo[:2] not in ANSWER_ROOTS:
            return
        mine = {a.entity.country or a.entity.id for a in f.actor}
        if s.previous:
            # "zarzucił Pekinowi ..., czemu ChRL zaprzecza": the denial answers the accuser.
            f.recipient = [p for p in s.previous[1] if p.entity.id not in {a.entity.id for a in f.actor}]
        if not f.recipient and self.last_claim and mine & self.last_claim[1]:
            # "Indie oskarżają Pakistan o ... . Pakistan odrzuca te oskarżenia": the accuser of the
            # sentences before.
            f.recipient = list(self.last_claim[0])

    def _parties(self, s: _Sentence, f: _Frame) -> bool:
        """Mediations and ceasefires: their parties, or what is still awaited of them; False when only sought."""
        found = f.found
        trigger = found.trigger
        f.parties = trigger.cameo == MEDIATE or (trigger.cameo == CEASEFIRE and trigger.symmetric)
        if (
            f.parties
            and trigger.cameo == CEASEFIRE
            and found.start > s.lo
            and self.lemmas[found.start - 1] in self.cues.TOPIC_PREPOSITIONS
        ):
            return False  # "rozmawiać o zawieszeniu broni", "dążyć do zawieszenia broni": sought, not declared
        if f.parties:
            between = _between(f.clause, self.lemmas, self.cues)
            if trigger.cameo == CEASEFIRE:
                # "zawieszenie broni między Izraelem a Hamasem": both sides cease fire.
                f.actor, f.recipient = (between or f.actor + f.recipient), []
                f.pending = "joint"
            else:
                f.recipient = between or f.recipient
                f.pending = None if f.recipient else "parties"
            if f.pending == "joint" and len({p.entity.country or p.entity.id for p in f.actor}) >= 2:
                f.pending = None
        return True

    def _emit(self, s: _Sentence, f: _Frame) -> None:
        doc, coder, tokens = self.doc, self.coder, self.tokens
        found, actor, recipient = f.found, f.actor, f.recipient
        trigger = found.trigger
        modality = _modality(tokens, self.lemmas, found, f.c_lo, self.cues)
        if f.both and not trigger.symmetric and not recipient and len(actor) == 2:
            # "Obie strony dementują twierdzenia drugiej": each side acts on the other.
            for one, other in ((actor[0], actor[1]), (actor[1], actor[0])):
                mirrored = _event(doc, coder, trigger, found, s.number, [one], [other], s.reporters, s.placed, modality)
                if mirrored is not None:
                    self.events.append(mirrored)
            return
        event = _event(
            doc,
            coder,
            trigger,
            found,
            s.number,
            actor,
            recipient,
            s.reporters,
            s.placed,
            modality,
            joint=f.parties,
            clause=(tokens[f.c_lo].start, tokens[f.c_hi - 1].end),
        )
        if event is None:
            return
        if f.pending is not None:
            self.awaiting.append((event, f.pending))
        self.events.append(event)
        accusation = _claimed(s.claimant, event, actor, found, doc, coder, s.number, s.reporters, s.placed)
        if accusation is not None:
            self.events.append(accusation)
        if trigger.cameo[:2] in CLAIM_ROOTS | THREAT_ROOTS and actor and recipient:
            self.last_claim = (actor, {p.entity.country or p.entity.id for p in recipient})
        pair = {p.entity.country or p.entity.id: p for p in actor + recipient}
        if len(pair) == 2:
            self.last_pair = list(pair.values())

    def _close(self, s: _Sentence) -> None:
        """What the sentence leaves for those after it: its subject, sides, place and titled names."""
        tokens, lemmas, lo = self.tokens, self.lemmas, s.lo
        in_sentence = s.placed
        self.events.extend(_likewise(self.events[s.first :], in_sentence, lemmas, lo, self.cues))
        subjects = [
            p
            for p in in_sentence
            if "Nom" in p.cases and not p.preposition and not p.attached and p.entity.type in ("PER", "ORG", "GPE")
        ]
        if subjects:
            self.last_subject = subjects[:1]
        for event in self.events[s.first :]:
            _remember(
                self.recent,
                [p for p in in_sentence if p.entity.id in {q.entity for q in event.actor + event.recipient}],
            )
        _remember(self.recent, [p for p in subjects if p.entity.country])
        self.last_place = s.place
        for p in in_sentence:
            if (
                p.entity.type in ("PER", "ORG")
                and p.start > lo
                and _nominal(tokens[p.start - 1].tag)
                and tokens[p.start - 1].text.islower()
            ):
                self.titled[lemmas[p.start - 1]] = [p]


def _interview(event: Event) -> bool:
    """Talks whose one side is only news media ("w rozmowie z Timesem"): an interview, not a consultation."""
    if event.type != "CONSULT":
        return False
    return any(side and all(p.sector == "MED" for p in side) for side in (event.actor, event.recipient))

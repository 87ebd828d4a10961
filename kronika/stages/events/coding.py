"""Coding a document: for each sentence its triggers, their roles, modality, date and place, as events."""

from __future__ import annotations

from bisect import bisect_left

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

"""Building an event record from a trigger and its roles."""

from __future__ import annotations

from kronika.record import Entity, Event, Mention, Participant
from kronika.stages.events.attach import _event_date, _location
from kronika.stages.events.modality import _future
from kronika.stages.events.roots import (
    COOPERATE_ROOT,
    INTENT_TO_COOPERATE,
    INTENT_TO_MEET,
    MEDIATE,
    MEET_ROOT,
    TARGET_IS_PLACE_ROOTS,
)
from kronika.stages.events.triggers import Found


def _participant(entity: Entity) -> Participant:
    return Participant(entity=entity.id, name=entity.name, country=entity.country, sector=entity.sector)


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

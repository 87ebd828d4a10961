"""Sides left unnamed: what an accusation claims, whom force strikes, whom a mediation or ceasefire binds."""

from __future__ import annotations

from dataclasses import replace

from kronika.record import Document, Event, Participant
from kronika.stages.events.build import _dedupe, _event, _participant
from kronika.stages.events.ground import Placed
from kronika.stages.events.roots import (
    ACCUSE,
    CEASEFIRE,
    CLAIM_ROOTS,
    CONFLICT_QUADS,
    MATERIAL_CONFLICT,
    POSTURE_ROOTS,
    TARGET_IS_PLACE_ROOTS,
)
from kronika.stages.events.triggers import Coder, Found


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

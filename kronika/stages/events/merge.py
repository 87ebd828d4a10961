"""Reports of one event within an article merged into one event."""

from __future__ import annotations

import datetime as dt

from kronika.events.codes import participant_code
from kronika.record import Event
from kronika.stages.events.roots import TARGET_IS_PLACE_ROOTS


# How many days apart a visit and the talks it is for are still one occasion.
VISIT_DAYS = 3


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

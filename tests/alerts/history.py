"""A store with a history built from the examples: the real pipeline's records of two example articles,
copied onto other days (new ids, outlets and dates; every event moved to the copy's day).

Flat part: the Modi-Xi article (two events with China) every other day from 2025-07-20 to 2025-09-02, one
outlet a day. Spike, 2025-09-04: the Kim-Xi article (many events with China and North Korea) from three
outlets, beside that day's Modi-Xi copy."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import kronika
from kronika.record import Document
from conftest import EXAMPLES, story_store

FLAT = "004_modi_xi_tiencin.txt"
SPIKE = "000_02cd8ae479332831.txt"
FIRST, LAST_FLAT, SPIKE_DAY = date(2025, 7, 20), date(2025, 9, 2), "2025-09-04"


def analysed(name: str) -> Document:
    raw = (EXAMPLES / name).read_text(encoding="utf-8")
    day, text = raw[len(" date ") :].split(" ", 1)
    return kronika.analyze(text.strip(), date=day)


def copy(doc: Document, day: str, ident: str, outlet: str) -> Document:
    clone = Document.from_json(doc.to_json(tokens=True))
    events = [replace(e, date=day, date_precision="day") for e in clone.events]
    return replace(clone, id=ident, date=day, url=f"https://{outlet}.example/{ident}", events=events)


def flat_days() -> list[str]:
    days, day = [], FIRST
    while day <= LAST_FLAT:
        days.append(day.isoformat())
        day += timedelta(days=2)
    return days


def build(path) -> None:
    flat, spike = analysed(FLAT), analysed(SPIKE)
    records = [copy(flat, day, f"flat-{day}", "daily") for day in flat_days()]
    records.append(copy(flat, SPIKE_DAY, f"flat-{SPIKE_DAY}", "daily"))
    records += [copy(spike, SPIKE_DAY, f"spike-{n}", outlet) for n, outlet in enumerate(("alpha", "beta", "gamma"))]
    with story_store(path) as store:
        for record in records:  # one by one, in date order, as a live watch would have stored them
            store.add(record)

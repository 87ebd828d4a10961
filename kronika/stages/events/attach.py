"""Time and place: an event's date (a timex of its sentence, else the dateline) and its place (a locative mention)."""

from __future__ import annotations

from kronika.record import Document, Location, Timex, date_precision
from kronika.stages.offsets import offset_index
from kronika.stages.events.ground import Placed
from kronika.stages.events.triggers import Coder, Found


PLACE_TYPES = ("GPE", "LOC")


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

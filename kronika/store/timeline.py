"""A timeline of events: their counts per period by QuadClass, every period of the range shown (none left out
for having no events), so that the bars of a chart stand on a time axis.

The period follows the range: days up to ``DAYS`` days, ISO 8601 weeks ("2025-W01", the week's own year)
up to ``WEEKS`` weeks, months beyond; a chart of more bars than that would draw them a pixel wide.
"""

from __future__ import annotations

from datetime import date as Date
from datetime import timedelta

DAYS = 92  # about a quarter of a year by day
WEEKS = 156  # three years by week
QUAD_COLUMNS = {
    1: "quad1_verbal_cooperation",
    2: "quad2_material_cooperation",
    3: "quad3_verbal_conflict",
    4: "quad4_material_conflict",
}  # the names the relation series gives the same counts


def period_of(days: list[Date]) -> str:
    """The period a timeline of events on ``days`` counts by: "day", "week" or "month"."""
    if not days:
        return "day"
    span = (max(days) - min(days)).days + 1
    return "day" if span <= DAYS else "week" if span <= WEEKS * 7 else "month"


def label(day: Date, by: str) -> str:
    if by == "day":
        return day.isoformat()
    if by == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return day.isoformat()[:7]


def timeline(counts: list[tuple[str, int | None, int]]) -> dict:
    """``counts`` (day "YYYY-MM-DD", QuadClass, events) as ``{"by": period, "periods": [{"period", "events",
    "quad1_verbal_cooperation", ...}]}``, from the first period to the last with every one between."""
    parsed = [(day, quad, n) for day, quad, n in ((_day(value), quad, n) for value, quad, n in counts) if day]
    by = period_of([day for day, _, _ in parsed])
    periods: dict[str, dict] = {}
    if parsed:
        day, last = min(d for d, _, _ in parsed), max(d for d, _, _ in parsed)
        while day <= last:  # at most DAYS days, or WEEKS weeks of days, or the months of the range
            periods.setdefault(label(day, by), {})
            day += timedelta(days=1) if by == "day" else timedelta(weeks=1) if by == "week" else timedelta(days=28)
        periods.setdefault(label(last, by), {})
    rows = {
        period: {"period": period, "events": 0, **{column: 0 for column in QUAD_COLUMNS.values()}}
        for period in sorted(periods)
    }
    for day, quad, n in parsed:
        row = rows[label(day, by)]
        row["events"] += n
        if quad in QUAD_COLUMNS:
            row[QUAD_COLUMNS[quad]] += n
    return {"by": by, "periods": list(rows.values())}


def _day(value: str) -> Date | None:
    try:
        return Date.fromisoformat(value)
    except (TypeError, ValueError):  # a stored date that is no date is no day of a timeline
        return None

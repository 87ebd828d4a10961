"""TIMEX3 values from the slots a grammar read, resolved against the dateline: no language in here.

Slots (all optional):

- calendar: ``year`` (``yy`` for two digits, ``era`` "BC"), ``quarter``, ``month``, ``day``, ``weekday``
  (1 = Monday), ``hour``, ``minute``, ``daypart`` (MO, MI, AF, EV, NI), ``season`` (SP, SU, FA, WI),
  ``century`` (20 for the 20th), ``decade`` (7 or 70 for the seventies), ``part`` (START, MID, END, H1, H2),
  ``nth`` with ``weekday`` and ``month`` (the nth or, for -1, the last weekday of the month),
  and ``year_end``, ``month_end``, ``day_end``, ``hour_end``/``minute_end`` for ranges (ISO 8601 intervals
  "a/b");
- relative: ``offset`` (days from the dateline: -1 is yesterday), ``anaphor`` (days from the date the text
  last named: "the day before"), ``anaphor_direction`` with ``quantity`` and ``unit`` ("three days
  later"), ``anaphor_vague`` ("a moment later": never resolved), ``shift`` with ``unit`` (-1/0/+1
  periods: "last year"; "<" and ">" the nearest before and after), ``quantity`` with ``unit`` and
  ``direction`` ("three days ago"), ``vague_ref`` (PAST_REF, FUTURE_REF: "in recent days");
- ``kind``: ``point`` (default), ``duration`` or ``set``; a ``quantity`` of "X" is "a few" (PXD).

``resolve_timex`` returns ``(value, anchor)``: the anchor is the date the value was computed from (the
dateline or the date named earlier in the text), None when the expression is absolute. An expression
that needs an anchor the article does not give keeps ``value`` None rather than a guess.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

# TIMEX3 unit letters; time units go after "T" in a duration.
DATE_UNITS = {"Y": "Y", "M": "M", "W": "W", "D": "D", "DE": "DE", "CE": "CE", "Q": "Q", "WE": "WE"}
TIME_UNITS = {"H": "H", "MIN": "M", "S": "S"}
# How fine an anchor must be to resolve a shift in each unit.
UNIT_PRECISION = {
    "CE": "year",
    "DE": "year",
    "Y": "year",
    "Q": "month",
    "M": "month",
    "W": "day",
    "WE": "day",
    "D": "day",
    "H": "day",
    "MIN": "day",
    "S": "day",
}
PRECISION_RANK = {None: 0, "year": 1, "month": 2, "day": 3}
SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}
# Months a date may lie against its clause's tense before the tense moves it a year (see _infer_year).
TENSE_SLACK = 2


@dataclass(frozen=True)
class Dateline:
    """The article date at the precision the source gives it."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str | None:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year" if self.year is not None else None

    @property
    def date(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def __str__(self) -> str:
        if self.year is None:
            return ""
        parts = [f"{self.year:04d}"] + [f"{p:02d}" for p in (self.month, self.day) if p is not None]
        return "-".join(parts)


def parse_dateline(value: str | None) -> Dateline:
    """ "2025-09-04", "2025-09", "2025" or None (also a full timestamp, cut to its date)."""
    if not value:
        return Dateline()
    parts = str(value)[:10].split("-")
    try:
        numbers = [int(p) for p in parts if p]
        if len(numbers) >= 3:
            dt.date(numbers[0], numbers[1], numbers[2])
            return Dateline(*numbers[:3])
        if len(numbers) == 2 and 1 <= numbers[1] <= 12:
            return Dateline(numbers[0], numbers[1])
        if len(numbers) == 1:
            return Dateline(numbers[0])
    except ValueError:
        pass
    return Dateline()


@dataclass
class Expression:
    """What a temporal expression says, as slots, and the tense of its clause (-1 past, 0 unknown, +1 future)."""

    slots: dict[str, Any] = field(default_factory=dict)
    tense: int = 0
    text: str = ""

    def get(self, key: str, default: Any = None) -> Any:
        return self.slots.get(key, default)


# -- formatting -------------------------------------------------------------------------------------------


def _number(n: float | int | str) -> str:
    if isinstance(n, float):
        return f"{n:g}"
    return str(n)


def duration_value(quantity: Any, unit: str) -> str | None:
    """P6Y, PT5M, P1.5W; an unknown quantity is X (PXD, PTXH)."""
    amount = "X" if quantity in (None, "X") else _number(quantity)
    if unit in TIME_UNITS:
        return f"PT{amount}{TIME_UNITS[unit]}"
    if unit in DATE_UNITS:
        return f"P{amount}{DATE_UNITS[unit]}"
    return None


def date_value(year: int, month: int | None = None, day: int | None = None) -> str:
    parts = [f"{year:04d}" if year >= 0 else f"BC{-year:04d}"]
    if month is not None:
        parts.append(f"{month:02d}")
        if day is not None:
            parts.append(f"{day:02d}")
    return "-".join(parts)


def _with_time(value: str, slots: dict[str, Any]) -> str:
    if slots.get("hour") is not None:
        hour, minute = int(slots["hour"]), int(slots.get("minute") or 0)
        return f"{value}T{hour:02d}:{minute:02d}"
    if slots.get("daypart"):
        return f"{value}T{slots['daypart']}"
    return value


def _valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _week_value(day: dt.date) -> str:
    iso = day.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _shift_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def _part_suffix(value: str, slots: dict[str, Any]) -> str:
    part = slots.get("part")
    return f"{value}-{part}" if part in ("H1", "H2") else value


# -- resolution -------------------------------------------------------------------------------------------


def _infer_year(month: int, day: int | None, anchor: Dateline, tense: int) -> int:
    """The year of a month (and day) the text gives without one: the nearest such date to the dateline,
    unless the clause's tense says past (or future) and the nearest lies more than ``TENSE_SLACK`` months
    the other way ("w grudniu" with a past verb in a March article is last December). Tense cues are
    guesses, hence the slack: "13 sierpnia" in late July stays this year whatever the verb."""
    if anchor.month is None:
        return anchor.year
    fine = day is not None and anchor.day is not None

    def position(year: int, d: int | None = day) -> float:
        return year * 12 + (month - 1) + ((d - 1) / 31 if fine and d else 0)

    here = anchor.year * 12 + (anchor.month - 1) + ((anchor.day - 1) / 31 if fine else 0)
    candidates = [anchor.year - 1, anchor.year, anchor.year + 1]
    nearest = min(candidates, key=lambda y: (abs(position(y) - here), y))
    if tense < 0 and position(nearest) > here + TENSE_SLACK:
        return nearest - 1
    if tense > 0 and position(nearest) < here - TENSE_SLACK:
        return nearest + 1
    return nearest


def _year_of_weekday(month: int, day: int, weekday: int, anchor: Dateline, tense: int) -> int:
    guess = _infer_year(month, day, anchor, tense)
    for year in sorted(range(guess - 6, guess + 7), key=lambda y: (abs(y - guess), y)):
        if _valid_day(year, month, day) and dt.date(year, month, day).isoweekday() == weekday:
            return year
    return guess


def is_impossible(slots: dict[str, Any]) -> bool:
    """A day the month does not have ("31 lutego", "31 kwietnia"); February 29 only in leap years."""
    month, day, year = slots.get("month"), slots.get("day"), slots.get("year")
    if not isinstance(month, int) or not isinstance(day, int):
        return False
    if not 1 <= month <= 12:
        return True
    if isinstance(year, int) and year >= 1000:
        return not _valid_day(year, month, day)
    return not 1 <= day <= (29 if month == 2 else calendar.monthrange(2001, month)[1])


def _weekday_date(weekday: int, anchor: dt.date, tense: int, shift: Any) -> dt.date:
    """The weekday meant relative to the anchor day: the last one when the clause speaks of the past, the
    next one when of the future, the nearer one when it says neither; "last/next Tuesday" moves a week."""
    delta = weekday - anchor.isoweekday()
    if shift == "<":
        return anchor + dt.timedelta(days=(delta - 7) if delta >= 0 else delta)
    if shift == ">":
        return anchor + dt.timedelta(days=delta if delta > 0 else delta + 7)
    if isinstance(shift, int) and shift != 0:
        monday = anchor - dt.timedelta(days=anchor.isoweekday() - 1)
        return monday + dt.timedelta(days=7 * shift + weekday - 1)
    if tense > 0:
        return anchor + dt.timedelta(days=delta if delta >= 0 else delta + 7)
    if tense == 0:
        # No past or future verb: a present-tense announcement ("rusza w poniedziałek") or a verbless
        # heading. The nearer occurrence wins: ahead by at most three days, else behind.
        nearer = delta if -4 < delta <= 3 else (delta - 7 if delta > 0 else delta + 7)
        return anchor + dt.timedelta(days=nearer)
    return anchor + dt.timedelta(days=delta if delta <= 0 else delta - 7)


def _century_value(century: int, slots: dict[str, Any]) -> str:
    return _part_suffix(f"{century - 1:02d}", slots)


def _decade_value(decade: int, slots: dict[str, Any], anchor: Dateline) -> tuple[str | None, str | None]:
    if slots.get("century"):
        return f"{slots['century'] - 1:02d}{decade}", None
    if anchor.year is None:
        # Without a date, the seventies are the 1970s; the twenties could be either century.
        return (f"19{decade}", None) if decade >= 3 else (None, None)
    century = anchor.year // 100
    if century * 100 + decade * 10 > anchor.year:
        century -= 1
    return f"{century:02d}{decade}", str(anchor)


def resolve_timex(
    expression: Expression, dateline: str | Dateline | None, reference: str | None = None
) -> tuple[str | None, str | None]:
    """The TIMEX3 value of ``expression`` and the anchor it was resolved from.

    ``dateline`` is the article date ("2025-09-04", "2025-09" or None); ``reference`` the last date of
    day precision the text named before the expression, which anaphors ("the next day") and bare times
    ("at 22:00") hang on. Without the anchor an expression needs, the value is None.
    """
    anchor = dateline if isinstance(dateline, Dateline) else parse_dateline(dateline)
    s = expression.slots
    kind = s.get("kind", "point")
    if kind == "duration":
        return duration_value(s.get("quantity", 1), s.get("unit")), None
    if kind == "set":
        return _set_value(s), None
    if s.get("vague_ref"):
        return s["vague_ref"], None
    try:
        value, used = _point_value(s, anchor, reference, expression.tense)
    except (OverflowError, ValueError):
        # Arithmetic past the calendar's edge (a week after 9999-12-31, a day before 0001-01-01): Python's
        # dates stop there, and so does TIMEX3's four-digit year. The expression keeps no value.
        return None, None
    return (value, used) if _within_calendar(value) else (None, None)


def _within_calendar(value: str | None) -> bool:
    """A year of at most four digits (years are counted without going through ``datetime`` too)."""
    if value is None:
        return True
    digits = len(value) - len(value.lstrip("0123456789"))
    return digits <= 4 and not value.startswith("0000")


def _set_value(s: dict[str, Any]) -> str | None:
    if s.get("weekday"):
        return _with_time(f"XXXX-WXX-{s['weekday']}", s)
    if s.get("daypart") and not s.get("unit"):
        return f"XXXX-XX-XXT{s['daypart']}"
    return duration_value(s.get("quantity", 1), s.get("unit", "D"))


def _reference_date(reference: str | None, anchor: Dateline) -> tuple[dt.date | None, str | None]:
    if reference:
        try:
            return dt.date.fromisoformat(reference[:10]), reference[:10]
        except ValueError:
            pass
    if anchor.precision == "day":
        return anchor.date, str(anchor)
    return None, None


def _point_value(
    s: dict[str, Any], anchor: Dateline, reference: str | None, tense: int
) -> tuple[str | None, str | None]:
    """A point (or interval) in time: the first reading whose slots are present decides."""
    year = _written_year(s, anchor)
    for reading in (_range_value, _period_value, _calendar_value):
        value = reading(s, year, anchor, reference, tense)
        if value is not None:
            return value
    for reading in (_counted_value, _anaphor_value, _named_value):
        value = reading(s, anchor, reference, tense)
        if value is not None:
            return value
    return None, None


# Each reading below returns None when its slots are absent, so that the next one is tried, and a
# (value, anchor) pair, possibly (None, None), once the expression is its kind.
_Reading = tuple[str | None, str | None] | None


def _written_year(s: dict[str, Any], anchor: Dateline) -> int | None:
    year = s.get("year")
    if year is None and s.get("yy") is not None:  # "16.02.05": the century closest to the dateline
        year = s["yy"] + (2000 if anchor.year is None or s["yy"] + 2000 <= anchor.year + 10 else 1900)
    if year is not None and s.get("era") == "BC":
        year = -year
    return year


def _range_value(s: dict[str, Any], year: int | None, anchor: Dateline, reference: str | None, tense: int) -> _Reading:
    """Ranges of years ("w latach 1950-1953", "1987-94"), hours, days ("15-17 listopada") and months, as
    ISO 8601 intervals, and the nth weekday of a month: each resolves its first point as a point."""
    month, day = s.get("month"), s.get("day")
    if s.get("year_end") is not None and year is not None and month is None:
        last = s["year_end"]
        if last < 100:
            last += year // 100 * 100
        if last <= year:
            return date_value(year), None
        return f"{date_value(year)}/{date_value(last)}", None
    if s.get("hour_end") is not None:
        first, anchor_used = _point_value({**s, "hour_end": None}, anchor, reference, tense)
        if first is None or "T" not in first:
            return first, anchor_used
        last = _with_time(first.split("T")[0], {"hour": s["hour_end"], "minute": s.get("minute_end")})
        return f"{first}/{last}", anchor_used
    if s.get("day_end") is not None and month is not None and day is not None:
        first, anchor_used = _point_value({**s, "day_end": None}, anchor, reference, tense)
        if first is None:
            return None, None
        y = int(first[:4])
        if not _valid_day(y, month, s["day_end"]) or s["day_end"] <= day:
            return first, anchor_used
        return f"{first}/{date_value(y, month, s['day_end'])}", anchor_used
    if s.get("nth") is not None and s.get("weekday") is not None and month is not None and day is None:
        return _nth_weekday_value(s, month, anchor, reference, tense)
    if s.get("month_end") is not None and month is not None and day is None:
        return _month_range_value(s, year, month, anchor, reference, tense)
    return None


def _nth_weekday_value(
    s: dict[str, Any], month: int, anchor: Dateline, reference: str | None, tense: int
) -> tuple[str | None, str | None]:
    first, anchor_used = _point_value({**s, "nth": None, "weekday": None}, anchor, reference, tense)
    if first is None or len(first) != 7:
        return first, anchor_used
    y = int(first[:4])
    days = [
        d
        for d in range(1, calendar.monthrange(y, month)[1] + 1)
        if dt.date(y, month, d).isoweekday() == int(s["weekday"])
    ]
    return date_value(y, month, days[s["nth"]] if s["nth"] < 0 else days[s["nth"] - 1]), anchor_used


def _month_range_value(
    s: dict[str, Any], year: int | None, month: int, anchor: Dateline, reference: str | None, tense: int
) -> tuple[str | None, str | None]:
    crosses = s["month_end"] < month  # "od listopada do lutego" ends in the next year
    start = {**s, "month_end": None}
    if crosses and isinstance(year, int):
        start["year"] = year - 1  # the written year belongs to the last month
    first, anchor_used = _point_value(start, anchor, reference, tense)
    if first is None:
        return None, None
    last = date_value(int(first[:4]) + (1 if crosses else 0), s["month_end"])
    return (f"{first}/{last}" if s["month_end"] != month else first), anchor_used


def _period_value(s: dict[str, Any], year: int | None, anchor: Dateline, reference: str | None, tense: int) -> _Reading:
    """Quarters, decades and centuries."""
    if s.get("quarter") is not None:
        used = None
        if year is None:
            if anchor.year is None:
                return None, None
            year, used = anchor.year + int(s.get("shift") or 0), str(anchor)
        return f"{year:04d}-Q{s['quarter']}", used
    if s.get("decade") is not None:
        decade = int(s["decade"])
        return _decade_value(decade // 10 if decade >= 10 else decade, s, anchor)
    if s.get("century") is not None:
        return _century_value(s["century"], s), None
    return None


def _calendar_value(
    s: dict[str, Any], year: int | None, anchor: Dateline, reference: str | None, tense: int
) -> _Reading:
    """Calendar dates, with the year taken from the dateline when the text leaves it out."""
    month, day = s.get("month"), s.get("day")
    if year is None and month is None and (day is None or not s.get("month_from_anchor")):
        return None
    used = None
    if year is None:
        if anchor.year is None:
            return None, None
        if month is None:  # "dnia 8" in a text dated August
            if anchor.month is None:
                return None, None
            year, month, used = anchor.year, anchor.month, str(anchor)
        elif day is not None and s.get("weekday") is not None:
            # "w czwartek, 7 października": the year in which that day is that weekday.
            year, used = _year_of_weekday(month, day, int(s["weekday"]), anchor, tense), str(anchor)
        else:
            year, used = _infer_year(month, day, anchor, tense), str(anchor)
    if s.get("shift") is not None and s.get("unit") == "Y" and s.get("year") is None:
        if anchor.year is None:
            return None, None
        year, used = anchor.year + int(s["shift"]), str(anchor)
    if month is None:
        if s.get("season"):
            return _part_suffix(f"{year:04d}-{s['season']}", s), used
        return _part_suffix(date_value(year), s), used
    if day is None:
        return _part_suffix(date_value(year, month), s), used
    if not _valid_day(year, month, day):
        return None, None
    return _with_time(date_value(year, month, day), s), used


def _counted_value(s: dict[str, Any], anchor: Dateline, reference: str | None, tense: int) -> _Reading:
    """Periods counted from the dateline: "trzy dni temu", "za dwa tygodnie", "wczoraj", "dziś wieczorem"."""
    unit = s.get("unit")
    if s.get("direction") and unit:
        quantity = s.get("quantity", 1)
        if quantity in (None, "X") or isinstance(quantity, float):
            return ("PAST_REF" if s["direction"] < 0 else "FUTURE_REF"), None
        return _moved(anchor, unit, int(quantity) * int(s["direction"]))
    if s.get("offset") is not None:
        if anchor.precision != "day":
            return None, None
        target = anchor.date + dt.timedelta(days=int(s["offset"]))
        return _with_time(target.isoformat(), s), str(anchor)
    return None


def _anaphor_value(s: dict[str, Any], anchor: Dateline, reference: str | None, tense: int) -> _Reading:
    """Periods counted from the date the text named last: "trzy dni później", "dzień wcześniej"."""
    if s.get("anaphor_vague"):
        return None, None
    unit = s.get("unit")
    if s.get("anaphor_direction") and unit:
        base, used = _reference_date(reference, anchor)
        quantity = s.get("quantity", 1)
        if base is None or quantity in (None, "X") or isinstance(quantity, float):
            return None, None
        ref = Dateline(base.year, base.month, base.day)
        value, _ = _moved(ref, unit, int(quantity) * int(s["anaphor_direction"]))
        return value, used
    if s.get("anaphor") is not None:
        base, used = _reference_date(reference, anchor)
        if base is None:
            return None, None
        return _with_time((base + dt.timedelta(days=int(s["anaphor"]))).isoformat(), s), used
    return None


def _named_value(s: dict[str, Any], anchor: Dateline, reference: str | None, tense: int) -> _Reading:
    """A weekday, a season, "w zeszłym roku", or a time of day alone, placed against the dateline."""
    unit, shift = s.get("unit"), s.get("shift")
    if s.get("weekday") is not None:
        if anchor.precision != "day":
            return None, None
        target = _weekday_date(int(s["weekday"]), anchor.date, tense, shift)
        return _with_time(target.isoformat(), s), str(anchor)
    if s.get("season"):
        return _season_value(s, anchor, tense)
    # "w zeszłym roku", "w tym miesiącu", "w przyszłym tygodniu", "do końca roku".
    if unit and shift is not None:
        value, used = _moved(anchor, unit, int({"<": -1, ">": 1}.get(shift, shift)))
        return (_part_suffix(value, s) if value else None), used
    # A time or part of day alone ("o 16:00", "wieczorem") is on the day the text is about.
    if s.get("hour") is not None or s.get("daypart"):
        base, used = _reference_date(reference, anchor)
        if base is None:
            return None, None
        return _with_time(base.isoformat(), s), used
    return None


def _season_value(s: dict[str, Any], anchor: Dateline, tense: int) -> tuple[str | None, str | None]:
    if anchor.year is None:
        return None, None
    unit, shift = s.get("unit"), s.get("shift")
    year = anchor.year + (int(shift) if isinstance(shift, int) and unit == "Y" else 0)
    if shift is None and anchor.month is not None:
        month = SEASON_MONTH[s["season"]]
        if tense < 0 and month > anchor.month + 1:
            year -= 1
        elif tense > 0 and month < anchor.month - 1:
            year += 1
    return f"{year:04d}-{s['season']}", str(anchor)


def _moved(anchor: Dateline, unit: str, n: int) -> tuple[str | None, str | None]:
    """The period ``n`` units from the dateline, at the unit's granularity."""
    if PRECISION_RANK[anchor.precision] < PRECISION_RANK[UNIT_PRECISION.get(unit, "day")]:
        return None, None
    if unit == "Y":
        return date_value(anchor.year + n), str(anchor)
    if unit == "DE":
        return f"{(anchor.year + 10 * n) // 10:03d}", str(anchor)
    if unit == "CE":
        return f"{(anchor.year + 100 * n) // 100:02d}", str(anchor)
    if unit == "M":
        return date_value(*_shift_months(anchor.year, anchor.month, n)), str(anchor)
    if unit == "Q":
        y, m = _shift_months(anchor.year, anchor.month, 3 * n)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}", str(anchor)
    if unit in ("W", "WE"):
        value = _week_value(anchor.date + dt.timedelta(weeks=n))
        return (value + "-WE" if unit == "WE" else value), str(anchor)
    if unit == "D":
        return (anchor.date + dt.timedelta(days=n)).isoformat(), str(anchor)
    # Hours and minutes ago: the dateline has no time of day, so the day is as far as it goes.
    return anchor.date.isoformat(), str(anchor)

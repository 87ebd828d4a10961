"""Rules against the store on one day: a series' value that day against its own trailing baseline, a named
actor in an event type new for it, or the stories whose articles dated within a window reach N outlets or M
languages.

Robust z-score: (value - median) / (1.4826 * MAD) of the baseline's daily values (days without events count
as 0). A spread below 1 counts as 1 (one event, one Goldstein point), so a flat baseline does not turn a
single event into an alert; ``min_count`` asks for enough events on the day as well. Ratio: the value over
the baseline's daily mean, a mean of 0 counting as one event over the whole baseline.
"""

from __future__ import annotations

import hashlib
import sqlite3
import statistics
from dataclasses import asdict, dataclass, field
from datetime import date as Date
from datetime import timedelta

from kronika.alerts.rules import Rule
from kronika.store import sql

EVIDENCE_LIMIT = 50
MEASURE_NAMES = {
    "events": "events",
    "goldstein": "Goldstein sum",
    "quad1": "verbal cooperation",
    "quad2": "material cooperation",
    "quad3": "verbal conflict",
    "quad4": "material conflict",
}


@dataclass
class Alert:
    id: str
    rule: str
    kind: str
    subject: str
    measure: str
    day: str
    value: float
    baseline: float | None
    score: float | None
    message: str
    events: list[int] = field(default_factory=list)  # stored event pks (ids in ``to_dict``)
    detail: dict = field(default_factory=dict)
    raised_at: str | None = None

    def to_dict(self, event_ids: list[str] | None = None) -> dict:
        data = asdict(self)
        data["events"] = event_ids if event_ids is not None else data["events"]
        return data


def alert_id(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def day_range(first: str, last: str):
    day, end = Date.fromisoformat(first), Date.fromisoformat(last)
    while day <= end:
        yield day.isoformat()
        day += timedelta(days=1)


def shift(day: str, days: int) -> str:
    return (Date.fromisoformat(day) + timedelta(days=days)).isoformat()


def evaluate(connection: sqlite3.Connection, rule: Rule, day: str, first_day: str | None) -> list[Alert]:
    """What ``rule`` raises on ``day``; a series rule stays silent until the store holds ``baseline_days``
    of history before the day (``first_day`` is the store's earliest dated day)."""
    if rule.kind == "story":
        return story_alerts(connection, rule, day)
    if first_day is None or shift(day, -rule.baseline_days) < first_day:
        return []
    if rule.kind == "actor":
        return actor_alerts(connection, rule, day)
    alert = series_alert(connection, rule, day)
    return [alert] if alert else []


def series_alert(connection: sqlite3.Connection, rule: Rule, day: str) -> Alert | None:
    lo = shift(day, -rule.baseline_days)
    if rule.kind == "relation":
        statement, params = sql.RELATION_DAYS, {"a": rule.source, "b": rule.target}
    else:
        statement, params = sql.COUNTRY_DAYS, {"country": rule.country}
    cursor = connection.execute(statement, {**params, "lo": lo, "hi": day})
    columns = [d[0] for d in cursor.description]
    rows = {row[0]: dict(zip(columns, row)) for row in cursor}
    today = rows.get(day, {})
    count = today.get(rule.measure if rule.quad else "events") or 0
    value = float(today.get(rule.measure) or 0)
    if count < max(rule.min_count, 1):
        return None
    history = [float(rows.get(d, {}).get(rule.measure) or 0) for d in day_range(lo, shift(day, -1))]
    baseline, score = _score(rule, value, history)
    fired = abs(score) >= rule.threshold if rule.measure == "goldstein" else score >= rule.threshold
    if not fired:
        return None
    events = [
        row[0]
        for row in connection.execute(
            sql.RELATION_DAY_EVENTS if rule.kind == "relation" else sql.COUNTRY_DAY_EVENTS,
            {**params, "day": day, "quad": rule.quad, "limit": EVIDENCE_LIMIT},
        )
    ]
    subject = rule.subject.replace(">", "→")
    how = (
        f"{score:.1f}× its {rule.baseline_days}-day baseline of {baseline:.2f} a day"
        if rule.method == "ratio"
        else f"robust z {score:+.1f} against a {rule.baseline_days}-day median of {baseline:.2f}"
    )
    message = (
        f"{subject} {MEASURE_NAMES[rule.measure]} on {day}: {value:g}, {how} "
        f"({len(events)} event(s); rule {rule.name!r})"
    )
    return Alert(
        alert_id(rule.name, rule.subject, day),
        rule.name,
        rule.kind,
        rule.subject,
        rule.measure,
        day,
        value,
        round(baseline, 4),
        round(score, 4),
        message,
        events,
        {"method": rule.method, "threshold": rule.threshold, "baseline_days": rule.baseline_days, "history": history},
    )


def _score(rule: Rule, value: float, history: list[float]) -> tuple[float, float]:
    if rule.method == "ratio":
        mean = statistics.fmean(history) if history else 0.0
        return mean, value / max(mean, 1 / max(len(history), 1))
    median = statistics.median(history) if history else 0.0
    spread = 1.4826 * statistics.median(abs(x - median) for x in history) if history else 0.0
    return median, (value - median) / max(spread, 1.0)


def story_alerts(connection: sqlite3.Connection, rule: Rule, day: str) -> list[Alert]:
    """Each story whose articles dated within ``window_days`` up to ``day`` come from at least
    ``min_sources`` outlets or are in at least ``min_languages`` languages; raised once per story."""
    lo = shift(day, -(rule.window_days - 1))
    params = {
        "lo": lo,
        "hi": day,
        "min_sources": rule.min_sources or 10**9,
        "min_languages": rule.min_languages or 10**9,
    }
    alerts = []
    for pk, story, sources, languages, langs, articles in connection.execute(sql.STORIES_REACHING, params):
        events = [row[0] for row in connection.execute(sql.STORY_EVENT_PKS, (pk, EVIDENCE_LIMIT))]
        langs = sorted((langs or "").split(","))
        message = (
            f"story {story} reached {sources} source(s) in {languages} language(s) ({', '.join(langs)}) "
            f"within {rule.window_days} day(s) up to {day} ({len(events)} event(s); rule {rule.name!r})"
        )
        alerts.append(
            Alert(
                alert_id(rule.name, story),
                rule.name,
                rule.kind,
                story,
                "sources",
                day,
                float(sources),
                None,
                None,
                message,
                events,
                {
                    "languages": langs,
                    "articles": sorted((articles or "").split(",")),
                    "min_sources": rule.min_sources,
                    "min_languages": rule.min_languages,
                    "window_days": rule.window_days,
                },
            )
        )
    return alerts


def actor_alerts(connection: sqlite3.Connection, rule: Rule, day: str) -> list[Alert]:
    """The event types the rule's actor takes part in (either side) on ``day`` and in no earlier event; raised
    once per actor and type."""
    from kronika.store.resolve import actor_keys

    keys = actor_keys(connection, rule.actor)
    if not keys:
        return []
    marks = sql.placeholders(len(keys))
    alerts = []
    for event_type, pks in connection.execute(sql.ACTOR_TYPES_ON_DAY.format(marks=marks), [*keys, day]).fetchall():
        if connection.execute(sql.ACTOR_TYPE_BEFORE.format(marks=marks), [*keys, event_type, day]).fetchone():
            continue
        events = sorted(int(pk) for pk in pks.split(","))[:EVIDENCE_LIMIT]
        message = (
            f"{rule.actor} in an event of type {event_type} for the first time, on {day} "
            f"({len(events)} event(s); rule {rule.name!r})"
        )
        alerts.append(
            Alert(
                alert_id(rule.name, rule.actor, event_type),
                rule.name,
                rule.kind,
                rule.actor,
                event_type,
                day,
                float(len(events)),
                None,
                None,
                message,
                events,
                {"actor_keys": keys, "type": event_type},
            )
        )
    return alerts

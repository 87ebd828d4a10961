"""Rules over the store: after a watch round (the days that gained events), or replayed over a date range in
time order; raised alerts stored once each with the events behind them, listed, and appended as JSON lines."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import date as Date
from datetime import timedelta

from kronika.alerts.evaluate import Alert, day_range, evaluate
from kronika.alerts.rules import Rule
from kronika.store import filters, sql
from kronika.store.write import now


def first_day(connection: sqlite3.Connection) -> str | None:
    return connection.execute(sql.DATE_SPAN).fetchone()[0]


def replay(
    connection: sqlite3.Connection, rules: list[Rule], since: str | None = None, until: str | None = None
) -> list[Alert]:
    """What ``rules`` would have raised, day by day from ``since`` to ``until`` (default: the store's whole
    span), each alert once (a story on the first day it passes its rule). Nothing is stored."""
    span = connection.execute(sql.DATE_SPAN).fetchone()
    filters.date_range(since, until)  # checked: a bad date or an empty range is refused here
    since, until = _whole_day(since, first=True) or span[0], _whole_day(until, first=False) or span[1]
    if since is None or until is None:
        return []
    return _on_days(connection, rules, day_range(since, until), span[0])


def _whole_day(value: str | None, *, first: bool) -> str | None:
    """The first or last day of a date, month ("2025-09") or year ("2025")."""
    if value is None or len(value) == 10:
        return value
    if len(value) == 4:
        return f"{value}-01-01" if first else f"{value}-12-31"
    year, month = int(value[:4]), int(value[5:7])
    return f"{value}-01" if first else (Date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).isoformat()


def check_since(connection: sqlite3.Connection, rules: list[Rule], moment: str) -> list[Alert]:
    """The alerts of the days that gained events or articles since ``moment`` (a UTC stamp as ``added_at``)."""
    days = [row[0] for row in connection.execute(sql.DAYS_ADDED_SINCE, {"since": moment})]
    return _on_days(connection, rules, days, first_day(connection))


def _on_days(connection, rules: list[Rule], days: Iterable[str], first: str | None) -> list[Alert]:
    found: dict[str, Alert] = {}
    for day in days:
        for rule in rules:
            for alert in evaluate(connection, rule, day, first):
                found.setdefault(alert.id, alert)
    return list(found.values())


def save(connection: sqlite3.Connection, alerts: list[Alert]) -> list[Alert]:
    """Store the alerts not stored before (one transaction); returns those, with ``raised_at`` set."""
    raised = now()
    new = []
    connection.execute(sql.BEGIN_WRITE)
    try:
        for alert in alerts:
            alert.raised_at = raised
            row = {**alert.to_dict(), "detail": json.dumps(alert.detail, ensure_ascii=False)}
            cursor = connection.execute(sql.INSERT_ALERT, row)
            if cursor.rowcount:
                connection.executemany(sql.INSERT_ALERT_EVENT, [(cursor.lastrowid, pk) for pk in alert.events])
                new.append(alert)
        connection.execute(sql.COMMIT)
    except BaseException:
        if connection.in_transaction:
            connection.execute(sql.ROLLBACK)
        raise
    return new


def as_dicts(connection: sqlite3.Connection, alerts: list[Alert]) -> list[dict]:
    """Alerts as JSON-ready dicts, their events named by their stored ids (what `kronika events` shows)."""
    pks = sorted({pk for alert in alerts for pk in alert.events})
    ids: dict[int, str] = {}
    for start in range(0, len(pks), 500):
        chunk = pks[start : start + 500]
        ids.update(connection.execute(sql.EVENT_IDS_BY_PK.format(marks=sql.placeholders(len(chunk))), chunk))
    return [alert.to_dict([ids[pk] for pk in alert.events if pk in ids]) for alert in alerts]


def stored(
    connection: sqlite3.Connection,
    *,
    rule: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[dict]:
    """Stored alerts, latest day first, each with the ids of its events."""
    since, until = filters.date_range(since, until)
    rows = connection.execute(
        sql.ALERTS,
        {"rule": rule, "since": since, "until": until, "limit": limit if limit > 0 else -1, "offset": offset},
    ).fetchall()
    events: dict[int, list[str]] = {}
    pks = [row[0] for row in rows]
    if pks:
        for alert, event in connection.execute(sql.ALERT_EVENT_IDS.format(marks=sql.placeholders(len(pks))), pks):
            events.setdefault(alert, []).append(event)
    found = []
    for pk, *fields in rows:
        data = dict(
            zip(
                (
                    "id",
                    "rule",
                    "kind",
                    "subject",
                    "measure",
                    "day",
                    "value",
                    "baseline",
                    "score",
                    "message",
                    "detail",
                    "raised_at",
                ),
                fields,
            )
        )
        data["detail"] = json.loads(data["detail"])
        data["events"] = events.get(pk, [])
        found.append(data)
    return found


def append_jsonl(path: str, alerts: list[dict]) -> None:
    with open(path, "a", encoding="utf-8") as out:
        for alert in alerts:
            out.write(json.dumps(alert, ensure_ascii=False) + "\n")


def raise_since(connection: sqlite3.Connection, rules: list[Rule], moment: str) -> list[dict]:
    """After a watch round: evaluate the days that gained events since ``moment``, store the alerts not raised
    before, and return those as dicts (what is printed and appended to the JSON lines file)."""
    return as_dicts(connection, save(connection, check_since(connection, rules, moment)))


def post_webhook(url: str, alerts: list[dict], *, timeout: float = 10.0) -> list[str]:
    """POST each alert as JSON to ``url``; returns one problem line per alert that did not get a 2xx answer
    (a webhook that is down must not stop the watch: the alerts are stored and logged all the same)."""
    import httpx

    from kronika.watch.fetch import USER_AGENT

    problems = []
    with httpx.Client(timeout=timeout, headers={"User-Agent": USER_AGENT}) as client:
        for alert in alerts:
            try:
                answer = client.post(url, json=alert)
                if not answer.is_success:
                    problems.append(f"[E952] webhook {url}: HTTP {answer.status_code} for alert {alert['id']}")
            except httpx.HTTPError as error:
                problems.append(f"[E952] webhook {url}: {type(error).__name__}: {error} (alert {alert['id']})")
    return problems

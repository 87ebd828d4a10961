"""What `kronika watch` remembers in the store (migration 7): each feed's validators and backoff, and every
entry it has dealt with. Written in one transaction per round, after the round's articles are committed: a
kill in between costs a refetch next time, never a duplicate (stored article ids are skipped before analysis).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from kronika.store import sql

BACKOFF_MAX = timedelta(hours=6)
# Statuses of a remembered entry: ``retry`` is fetched again next round (its page failed), the others never.
STORED, FAILED, RETRY = "stored", "failed", "retry"


@dataclass
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    retry_at: str | None = None

    def due(self, now: datetime) -> bool:
        return self.retry_at is None or self.retry_at <= stamp(now)


def stamp(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def feed_states(connection: sqlite3.Connection) -> dict[str, FeedState]:
    return {row[0]: FeedState(*row[:5]) for row in connection.execute(sql.FEED_STATES)}


def retry_at(failures: int, every: timedelta, now: datetime) -> datetime:
    """After the first failure the next round tries again; each further failure in a row doubles the wait
    (one round skipped, then three, ...), up to six hours, so a dead feed costs little and a flaky one is
    back soon."""
    wait = every * (2 ** (failures - 1) - 1)
    return now + min(wait, BACKOFF_MAX)


def entries_seen(connection: sqlite3.Connection, source: str, keys: list[str]) -> dict[str, tuple[str, int]]:
    """Of ``keys`` (entries of ``source``), those remembered: key -> (status, attempts)."""
    found = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        statement = sql.ENTRIES_SEEN.format(marks=sql.placeholders(len(chunk)))
        found.update(
            {key: (status, attempts) for key, status, attempts in connection.execute(statement, [source, *chunk])}
        )
    return found


@dataclass
class RoundWrites:
    """What a round has to remember, written together by :func:`save`."""

    fetched: list[dict]  # url, etag, last_modified, status
    failed: list[dict]  # url, failures, retry_at, error
    entries: list[dict]  # source, key, article, status, error

    def feed_ok(self, url: str, etag: str | None, last_modified: str | None, status: str) -> None:
        self.fetched.append({"url": url, "etag": etag, "last_modified": last_modified, "status": status})

    def feed_failed(self, state: FeedState, error: str, every: timedelta, now: datetime) -> datetime:
        failures = state.failures + 1
        when = retry_at(failures, every, now)
        self.failed.append({"url": state.url, "failures": failures, "retry_at": stamp(when), "error": error})
        return when

    def entry(self, source: str, key: str, status: str, article: str | None = None, error: str | None = None):
        self.entries.append({"source": source, "key": key, "article": article, "status": status, "error": error})


def save(connection: sqlite3.Connection, writes: RoundWrites, now: datetime) -> None:
    moment = stamp(now)
    connection.execute(sql.BEGIN_WRITE)
    try:
        connection.executemany(sql.FEED_FETCHED, [{**row, "now": moment} for row in writes.fetched])
        connection.executemany(sql.FEED_FAILED, [{**row, "now": moment} for row in writes.failed])
        connection.executemany(sql.ENTRY_SEEN, [{**row, "now": moment} for row in writes.entries])
        connection.execute(sql.COMMIT)
    except BaseException:
        if connection.in_transaction:
            connection.execute(sql.ROLLBACK)
        raise

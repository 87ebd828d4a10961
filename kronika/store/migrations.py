"""Versioned schema migrations: small decorated functions, each applied once in its own transaction.

Each applied migration is a row of ``kronika_migrations``, and ``PRAGMA user_version`` holds the latest,
so a file written by a newer Kronika is recognised (and refused) before anything is changed in it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, timezone

from kronika.store import sql

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: dict[int, tuple[str, Migration]] = {}


def migration(version: int, name: str) -> Callable[[Migration], Migration]:
    """Register ``function`` as the step that brings the schema to ``version``."""

    def register(function: Migration) -> Migration:
        if version in MIGRATIONS:
            raise ValueError(f"migration {version} is defined twice")
        MIGRATIONS[version] = (name, function)
        return function

    return register


@migration(1, "articles, lemma search, entities, mentions, timexes, events, reports, quotes, amounts")
def initial_schema(connection: sqlite3.Connection) -> None:
    for statement in sql.SCHEMA_V1:
        connection.execute(statement)


@migration(2, "stories: clusterer state, articles and evidence keys of each story; events.story")
def stories_schema(connection: sqlite3.Connection) -> None:
    for statement in sql.SCHEMA_V2:
        connection.execute(statement)


@migration(3, "indexes for the HTTP API: mentions by entity and text")
def api_indexes(connection: sqlite3.Connection) -> None:
    for statement in sql.SCHEMA_V3:
        connection.execute(statement)


@migration(4, "claims: every amount with its claimant, story and event, filled from the stored records")
def claims_schema(connection: sqlite3.Connection) -> None:
    from kronika.store.claims import backfill

    for statement in sql.SCHEMA_V4:
        connection.execute(statement)
    backfill(connection)


@migration(5, "modality of events (dedup keeps it apart) and actors' counts of asserted events, from the reports")
def modality_schema(connection: sqlite3.Connection) -> None:
    for statement in sql.SCHEMA_V5:
        connection.execute(statement)


@migration(6, "threads: the longer level holding stories (kronika/stories/threads.py); stories.thread")
def threads_schema(connection: sqlite3.Connection) -> None:
    for statement in sql.SCHEMA_V6:
        connection.execute(statement)


@migration(7, "watch and alerts: feeds' conditional-GET state and backoff, entries seen, alerts with their events")
def watch_alerts_schema(connection: sqlite3.Connection) -> None:
    for statement in sql.SCHEMA_V7_WATCH_ALERTS:
        connection.execute(statement)


@migration(8, "API index on 1M events: the columns of events a relation series joins (events_joined)")
def api_join_index(connection: sqlite3.Connection) -> None:
    for statement in sql.SCHEMA_V8:
        connection.execute(statement)


LATEST = max(MIGRATIONS)


def applied_version(connection: sqlite3.Connection) -> int:
    return connection.execute(sql.READ_USER_VERSION).fetchone()[0]


def migrate(connection: sqlite3.Connection) -> list[int]:
    """Apply the missing migrations in order; returns the versions applied (none when up to date).

    The connection must be in autocommit mode (``isolation_level=None``): each step runs inside its own
    ``BEGIN IMMEDIATE`` so two processes opening a new file at once cannot both create the tables.
    """
    applied = []
    for version in sorted(MIGRATIONS):
        if applied_version(connection) >= version:
            continue
        name, function = MIGRATIONS[version]
        connection.execute(sql.BEGIN_WRITE)
        try:
            # Read again under the write lock: another process may have migrated while we waited.
            if applied_version(connection) >= version:
                connection.execute(sql.ROLLBACK)
                continue
            connection.execute(sql.CREATE_MIGRATIONS)
            function(connection)
            connection.execute(sql.RECORD_MIGRATION, (version, name, datetime.now(timezone.utc).isoformat()))
            connection.execute(sql.SET_APPLICATION_ID)
            connection.execute(sql.SET_USER_VERSION.format(version=version))
            connection.execute(sql.COMMIT)
        except BaseException:
            connection.execute(sql.ROLLBACK)
            raise
        applied.append(version)
    return applied

"""Schema migrations: small decorated functions, each applied once in its own transaction, known by name.

A migration is keyed by its function's name, not by a sequence number, so two branches that each add one do
not collide: after the merge both are in the registry, and a store that has either applies the other. They
run in the order they are defined here; each row of ``kronika_migrations`` names one that was applied, and
``PRAGMA user_version`` holds how many. A store that has applied a migration this Kronika does not define
was written by a newer Kronika (or another branch) and is refused before anything is changed in it.

Stores written before the names kept a numbered table (``version``, its description, the time); it is
converted once, on opening, through ``NUMBERED``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, timezone

from kronika.store import sql

Migration = Callable[[sqlite3.Connection], None]
# name -> (description, function), in the order they apply.
MIGRATIONS: dict[str, tuple[str, Migration]] = {}


def migration(
    description: str, registry: dict[str, tuple[str, Migration]] = MIGRATIONS
) -> Callable[[Migration], Migration]:
    """Register the decorated function, under its name, as the next step of the schema."""

    def register(function: Migration) -> Migration:
        if function.__name__ in registry:
            raise ValueError(f"migration {function.__name__} is defined twice")
        registry[function.__name__] = (description, function)
        return function

    return register


def _run(connection: sqlite3.Connection, *statements: str) -> None:
    """Each statement in order (a migration's schema, then what fills it)."""
    for statement in statements:
        connection.execute(statement)


@migration("articles, lemma search, entities, mentions, timexes, events, reports, quotes, amounts")
def initial_schema(connection: sqlite3.Connection) -> None:
    _run(connection, *sql.SCHEMA_V1)


@migration("stories: clusterer state, articles and evidence keys of each story; events.story")
def stories_schema(connection: sqlite3.Connection) -> None:
    _run(connection, *sql.SCHEMA_V2)


@migration("indexes for the HTTP API: mentions by entity and text")
def api_indexes(connection: sqlite3.Connection) -> None:
    _run(connection, *sql.SCHEMA_V3)


@migration("claims: every amount with its claimant, story and event, filled from the stored records")
def claims_schema(connection: sqlite3.Connection) -> None:
    from kronika.store.claims import backfill

    _run(connection, *sql.SCHEMA_V4)
    backfill(connection)


@migration("modality of events (dedup keeps it apart) and actors' counts of asserted events, from the reports")
def modality_schema(connection: sqlite3.Connection) -> None:
    _run(connection, *sql.SCHEMA_V5)


@migration("threads: the longer level holding stories (kronika/stories/threads.py); stories.thread")
def threads_schema(connection: sqlite3.Connection) -> None:
    _run(connection, *sql.SCHEMA_V6)


@migration("watch and alerts: feeds' conditional-GET state and backoff, entries seen, alerts with their events")
def watch_alerts_schema(connection: sqlite3.Connection) -> None:
    _run(connection, *sql.SCHEMA_V7_WATCH_ALERTS)


@migration("API index on 1M events: the columns of events a relation series joins (events_joined)")
def api_join_index(connection: sqlite3.Connection) -> None:
    _run(connection, *sql.SCHEMA_V8)


@migration("counts kept at write time by triggers: an entity's aliases and counterparts, events per modality")
def entity_summaries(connection: sqlite3.Connection) -> None:
    _run(connection, *sql.SCHEMA_ENTITY_SUMMARIES, *sql.CLEAR_ENTITY_SUMMARIES)
    _run(connection, sql.BACKFILL_ENTITY_ALIASES, sql.BACKFILL_ENTITY_COUNTERPARTS, sql.BACKFILL_EVENT_TOTALS)


@migration("events per modality, type, country, date and QuadClass, kept by triggers: totals, facets, timelines")
def event_counts(connection: sqlite3.Connection) -> None:
    _run(connection, *sql.SCHEMA_EVENT_COUNTS, sql.BACKFILL_EVENT_COUNTS)


@migration("articles per entity, kept by triggers on article_entities: the entities list")
def entity_article_counts(connection: sqlite3.Connection) -> None:
    _run(connection, *sql.SCHEMA_ENTITY_ARTICLES, sql.BACKFILL_ENTITY_ARTICLES)


@migration("index of events by country and date: a page of a rare country's events")
def filter_indexes(connection: sqlite3.Connection) -> None:
    _run(connection, *sql.SCHEMA_FILTER_INDEXES)
    if connection.execute(sql.HAS_STATISTICS).fetchone():
        connection.execute(sql.ANALYZE_FILTER_INDEXES)


@migration("a relation series' sums per country pair, date, modality and QuadClass, kept by triggers")
def relation_counts(connection: sqlite3.Connection) -> None:
    _run(connection, *sql.SCHEMA_RELATION_COUNTS, sql.BACKFILL_RELATION_COUNTS)


@migration("the store's articles counted by triggers: the unfiltered articles list's total")
def article_totals(connection: sqlite3.Connection) -> None:
    _run(connection, *sql.SCHEMA_ARTICLE_TOTALS, sql.BACKFILL_ARTICLE_TOTALS)


@migration("event counts by modality and date with their events: where a deep page of events starts")
def event_days(connection: sqlite3.Connection) -> None:
    _run(connection, *sql.SCHEMA_EVENT_DAYS)


@migration("index of the reports by article with their event: the events of the articles a search matches")
def report_events(connection: sqlite3.Connection) -> None:
    _run(connection, *sql.SCHEMA_REPORT_EVENTS)
    if connection.execute(sql.HAS_STATISTICS).fetchone():
        connection.execute(sql.ANALYZE_REPORT_EVENTS)


# The numbers the first eight had when migrations were numbered: history, never to grow.
NUMBERED = {
    1: "initial_schema",
    2: "stories_schema",
    3: "api_indexes",
    4: "claims_schema",
    5: "modality_schema",
    6: "threads_schema",
    7: "watch_alerts_schema",
    8: "api_join_index",
}
LATEST = len(MIGRATIONS)


def applied_version(connection: sqlite3.Connection) -> int:
    """How many migrations the store has applied (``PRAGMA user_version``)."""
    return connection.execute(sql.READ_USER_VERSION).fetchone()[0]


def _is_numbered(connection: sqlite3.Connection) -> bool:
    return "version" in {row[0] for row in connection.execute(sql.MIGRATION_COLUMNS)}


def applied(connection: sqlite3.Connection) -> set[str]:
    """The names of the migrations the store has applied, whichever table it keeps them in (a number of the
    numbered table this Kronika never had stays a number, so it counts as unknown)."""
    if not {row[0] for row in connection.execute(sql.MIGRATION_COLUMNS)}:
        return set()
    if _is_numbered(connection):
        return {
            NUMBERED.get(version, f"number {version}") for version, _ in connection.execute(sql.NUMBERED_MIGRATIONS)
        }
    return {row[0] for row in connection.execute(sql.APPLIED_MIGRATIONS)}


def unknown(connection: sqlite3.Connection, registry: dict[str, tuple[str, Migration]] = MIGRATIONS) -> list[str]:
    """Migrations the store has applied that ``registry`` does not define: it was written by a newer Kronika."""
    return sorted(applied(connection) - set(registry))


def _name_history(connection: sqlite3.Connection, registry: dict[str, tuple[str, Migration]]) -> None:
    """Convert a numbered history into named rows, keeping when each was applied; one transaction."""
    connection.execute(sql.BEGIN_WRITE)
    try:
        if _is_numbered(connection):  # again under the write lock: another process may have converted it
            rows = connection.execute(sql.NUMBERED_MIGRATIONS).fetchall()
            connection.execute(sql.RENAME_NUMBERED_MIGRATIONS)
            connection.execute(sql.CREATE_MIGRATIONS)
            for version, applied_at in sorted(rows):
                name = NUMBERED[version]
                connection.execute(sql.RECORD_MIGRATION, (name, registry[name][0], applied_at))
            connection.execute(sql.DROP_NUMBERED_MIGRATIONS)
        connection.execute(sql.COMMIT)
    except BaseException:
        connection.execute(sql.ROLLBACK)
        raise


def migrate(connection: sqlite3.Connection, registry: dict[str, tuple[str, Migration]] = MIGRATIONS) -> list[str]:
    """Apply the missing migrations in order; returns the names applied (none when up to date).

    The connection must be in autocommit mode (``isolation_level=None``): each step runs inside its own
    ``BEGIN IMMEDIATE`` so two processes opening a new file at once cannot both create the tables.
    """
    if _is_numbered(connection):
        _name_history(connection, registry)
    done = []
    for name, (description, function) in registry.items():
        if name in applied(connection):
            continue
        connection.execute(sql.BEGIN_WRITE)
        try:
            # Read again under the write lock: another process may have migrated while we waited.
            if name in applied(connection):
                connection.execute(sql.ROLLBACK)
                continue
            connection.execute(sql.CREATE_MIGRATIONS)
            function(connection)
            connection.execute(sql.RECORD_MIGRATION, (name, description, datetime.now(timezone.utc).isoformat()))
            connection.execute(sql.SET_APPLICATION_ID)
            connection.execute(sql.SET_USER_VERSION.format(version=len(applied(connection))))
            connection.execute(sql.COMMIT)
        except BaseException:
            connection.execute(sql.ROLLBACK)
            raise
        done.append(name)
    return done

"""Store files as an older Kronika left them: a file written now, with the later migrations undone (their
tables and indexes dropped, the history put back into the numbered table that Kronika kept, the schema version
set back).
Writing with the migrations taken out instead would not do: the writer of this version fills every table it
knows, so it cannot write a file without them."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from kronika.store.migrations import NUMBERED

# The history table as the numbered Kronika (up to migration 8) created it.
NUMBERED_TABLE = """CREATE TABLE kronika_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)"""

# What each migration added, to take away again.
UNDO = {
    3: ("DROP INDEX mentions_entity",),
    4: ("DROP TABLE claims",),
    5: (
        "DROP INDEX events_modality_date",
        "ALTER TABLE events DROP COLUMN modality",
        "DROP INDEX actors_asserted",
        "ALTER TABLE actors DROP COLUMN asserted_events",
        "ALTER TABLE actors DROP COLUMN asserted_as_actor",
        "ALTER TABLE actors DROP COLUMN asserted_as_recipient",
    ),
    6: (
        "DROP INDEX stories_thread",
        "ALTER TABLE stories DROP COLUMN thread",
        "DROP TABLE thread_keys",
        "DROP TABLE threads",
    ),
    7: ("DROP TABLE alert_events", "DROP TABLE alerts", "DROP TABLE watch_entries", "DROP TABLE watch_feeds"),
    8: ("DROP INDEX events_joined",),
}


# What the named migrations (after the numbered ones) added: taken away from every downgraded file.
NAMED_UNDO = (
    "DROP TRIGGER mention_counted",
    "DROP TRIGGER mention_uncounted",
    "DROP TRIGGER event_recoded",
    "DROP TRIGGER participant_counted",
    "DROP TRIGGER participant_uncounted",
    "DROP TABLE entity_aliases",
    "DROP TABLE entity_counterparts",
    "DROP TRIGGER event_counted",
    "DROP TRIGGER event_uncounted",
    "DROP TRIGGER event_remodalled",
    "DROP TABLE event_totals",
    "DROP TRIGGER event_category_counted",
    "DROP TRIGGER event_category_uncounted",
    "DROP TRIGGER event_category_moved",
    "DROP TABLE event_counts",
    "DROP TRIGGER article_entity_counted",
    "DROP TRIGGER article_entity_uncounted",
    "DROP TABLE entity_articles",
    "DROP TRIGGER dyad_counted",
    "DROP TRIGGER dyad_uncounted",
    "DROP TRIGGER dyad_recoded",
    "DROP TRIGGER event_relations_moved",
    "DROP TABLE relation_counts",
    "DROP INDEX dyads_event",
    "DROP INDEX events_country_date",
    "DROP TRIGGER article_counted",
    "DROP TRIGGER article_uncounted",
    "DROP TABLE article_totals",
)


def downgrade(path, version: int) -> None:
    """Make the store file at ``path`` look as the numbered Kronika that knew migrations 1 to ``version`` wrote
    it: later tables dropped, the history back in the numbered table it kept then."""
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        for statement in NAMED_UNDO:
            connection.execute(statement)
        for later in sorted(UNDO, reverse=True):
            if later > version:
                for statement in UNDO[later]:
                    connection.execute(statement)
        rows = dict(
            (name, (description, at))
            for name, description, at in connection.execute(
                "SELECT name, description, applied_at FROM kronika_migrations"
            )
        )
        connection.execute("DROP TABLE kronika_migrations")
        connection.execute(NUMBERED_TABLE)
        for number, name in NUMBERED.items():
            if number <= version:
                connection.execute("INSERT INTO kronika_migrations VALUES (?, ?, ?)", (number, *rows[name]))
        connection.execute(f"PRAGMA user_version={int(version)}")

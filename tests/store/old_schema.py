"""Store files as an older Kronika left them: a file written now, with the later migrations undone (their
tables and indexes dropped, their rows of ``kronika_migrations`` deleted, the schema version set back).

Writing with the migrations taken out instead would not do: the writer of this version fills every table it
knows, so it cannot write a file without them."""

from __future__ import annotations

import sqlite3
from contextlib import closing

# What each migration added, to take away again.
UNDO = {
    3: ("DROP INDEX mentions_entity",),
    4: ("DROP TABLE claims",),
    5: ("DROP INDEX events_modality_date", "ALTER TABLE events DROP COLUMN modality", "DROP INDEX actors_asserted",
        "ALTER TABLE actors DROP COLUMN asserted_events", "ALTER TABLE actors DROP COLUMN asserted_as_actor",
        "ALTER TABLE actors DROP COLUMN asserted_as_recipient"),
    6: ("DROP INDEX stories_thread", "ALTER TABLE stories DROP COLUMN thread", "DROP TABLE thread_keys",
        "DROP TABLE threads"),
    7: ("DROP TABLE alert_events", "DROP TABLE alerts", "DROP TABLE watch_entries", "DROP TABLE watch_feeds"),
    8: ("DROP INDEX events_joined",),
}


def downgrade(path, version: int) -> None:
    """Make the store file at ``path`` look as a Kronika that knew migrations 1 to ``version`` wrote it."""
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        for later in sorted(UNDO, reverse=True):
            if later > version:
                for statement in UNDO[later]:
                    connection.execute(statement)
        connection.execute("DELETE FROM kronika_migrations WHERE version > ?", (version,))
        connection.execute(f"PRAGMA user_version={int(version)}")

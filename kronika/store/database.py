"""Opening a store file: refuse what is not ours, create what is new, migrate what is old.

A file is never written to before it is known to be an empty file, an empty SQLite database or a Kronika
store: a foreign or damaged file gets a KronikaError that names it and says what to do, never a traceback
and never an overwrite.

The file itself is only ever read through SQLite while a connection may be open. POSIX locks belong to
the process, not to the descriptor: closing any descriptor of the file drops every lock SQLite holds on
it, and a writer in another process that then finds no reader's lock takes itself for the last
connection and deletes the ``-wal`` and ``-shm`` files under this process's readers, which from then
on see a stale (and, for new rows, seemingly damaged) database. The header's bytes are read directly
only after SQLite refused the file as no database, to say which kind of bad file it is.
"""

from __future__ import annotations

import os
import sqlite3

from kronika.errors import KronikaError
from kronika.store import migrations, sql

SQLITE_MAGIC = b"SQLite format 3\x00"


def open_connection(path: str, *, create: bool = True) -> sqlite3.Connection:
    """A checked, migrated connection in autocommit mode (transactions are explicit BEGIN/COMMIT)."""
    path = os.fspath(path)
    _check_file(path, create=create)
    try:
        connection = sqlite3.connect(
            path, isolation_level=None, timeout=sql.BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        )
    except sqlite3.Error as error:
        raise KronikaError("E501", f"{path}: cannot be opened as a store ({error}); choose another file with --db")
    try:
        _check_header(connection, path)
        _check_owner(connection, path)
        for pragma in sql.CONNECTION_PRAGMAS:
            connection.execute(pragma)
        migrations.migrate(connection)
    except KronikaError:
        connection.close()
        raise
    except sqlite3.DatabaseError as error:
        connection.close()
        if isinstance(error, sqlite3.OperationalError) and "locked" in str(error):
            raise KronikaError("E502", f"{path}: stayed locked by another writer; try again when it has finished")
        raise damaged(path, error) from None
    return connection


def damaged(path: str, error: Exception) -> KronikaError:
    return KronikaError(
        "E502",
        f"{path}: the database is damaged ({error}); it was not changed. Check it with "
        f"`sqlite3 {path} 'PRAGMA integrity_check'`, then restore a copy or ingest again into a new file "
        "with --db",
    )


def _check_file(path: str, *, create: bool) -> None:
    if os.path.isdir(path):
        raise KronikaError("E501", f"{path}: is a directory, not a store file; give a file name with --db")
    if not os.path.exists(path) or (not create and os.path.getsize(path) == 0):
        # An empty file is no store either: a query must not turn it into one.
        if not create:
            raise KronikaError("E505", f"{path}: no store here; create it with `kronika ingest PATH... --db {path}`")
        return


def _check_header(connection: sqlite3.Connection, path: str) -> None:
    """SQLite reads the header (and refuses a file that is no database) on the first statement."""
    try:
        connection.execute(sql.READ_APPLICATION_ID).fetchone()
    except sqlite3.DatabaseError as error:
        name = getattr(error, "sqlite_errorname", "")
        if name == "SQLITE_CANTOPEN":
            raise KronikaError("E501", f"{path}: cannot be read ({error}); check the permissions") from None
        if name != "SQLITE_NOTADB":
            raise
        connection.close()  # first, so no connection of ours holds a lock the read below could drop
        if _read_magic(path) == SQLITE_MAGIC:
            raise damaged(path, error) from None
        raise KronikaError(
            "E501",
            f"{path}: is not an SQLite database, so not a Kronika store; it was left untouched. "
            "Give another file with --db",
        ) from None


def _read_magic(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise KronikaError("E501", f"{path}: cannot be read ({error.strerror or error}); check the permissions")


def _check_owner(connection: sqlite3.Connection, path: str) -> None:
    """Accept a Kronika store or an empty database; refuse another application's database."""
    application_id = connection.execute(sql.READ_APPLICATION_ID).fetchone()[0]
    version = connection.execute(sql.READ_USER_VERSION).fetchone()[0]
    tables = sorted(row[0] for row in connection.execute(sql.LIST_TABLES))
    if application_id == sql.APPLICATION_ID:
        unknown = migrations.unknown(connection)
        if unknown or version > migrations.LATEST:
            detail = (
                f"it applied migrations this one does not know: {', '.join(unknown)}"
                if unknown
                else f"schema {version}, this one knows up to {migrations.LATEST}"
            )
            raise KronikaError(
                "E504",
                f"{path}: was written by a newer Kronika ({detail}); upgrade Kronika "
                "(pip install -U kronika) to read it",
            )
        return
    if application_id != 0 or tables:
        shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
        raise KronikaError(
            "E503",
            f"{path}: is another application's SQLite database (tables: {shown or 'none'}), not a Kronika "
            "store; it was left untouched. Give another file with --db",
        )


def integrity_problems(connection: sqlite3.Connection) -> list[str]:
    """What ``PRAGMA integrity_check`` finds: an empty list for a sound file."""
    rows = [row[0] for row in connection.execute(sql.INTEGRITY_CHECK)]
    return [] if rows == ["ok"] else rows

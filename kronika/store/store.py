"""``Store``: the embedded chronicle in one SQLite file, the object every command and the API go through."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO

import pandas as pd

from kronika.errors import KronikaError
from kronika.record import Document
from kronika.store import database, export, queries, sql, write

DEFAULT_PATH = "kronika.db"


class Store:
    """One Kronika store file. ``Store(path)`` creates it when missing (``create=False`` refuses instead).

    Queries return pandas DataFrames; writes go through :meth:`add` / :meth:`add_many`, each call one
    transaction, so a killed process leaves every earlier call's articles complete and nothing half-written.
    """

    def __init__(self, path: str | os.PathLike = DEFAULT_PATH, *, create: bool = True):
        self.path = os.fspath(path)
        self.connection = database.open_connection(self.path, create=create)

    # --- lifecycle ------------------------------------------------------------------------------

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def integrity_problems(self) -> list[str]:
        """What SQLite's integrity check finds; empty for a sound file."""
        with self._reading():
            return database.integrity_problems(self.connection)

    # --- writing --------------------------------------------------------------------------------

    def add(self, doc: Document) -> bool:
        """Store one document record; False when an article with its id is already stored."""
        return self.add_many([doc]) == 1

    def add_many(self, docs: Iterable[Document], failures: list[tuple[Document, Exception]] | None = None) -> int:
        """Store records in one transaction; returns how many were new (known ids are skipped).

        With ``failures`` given, a record that cannot be written is rolled back alone (a savepoint per
        record) and listed there, and the others are committed; without it, the error propagates."""
        added = 0
        with self._reading():
            self.connection.execute(sql.BEGIN_WRITE)
            try:
                for doc in docs:
                    self.connection.execute("SAVEPOINT record")
                    try:
                        added += write.add_document(self.connection, doc)
                    except Exception as error:
                        if failures is None:
                            raise
                        self.connection.execute("ROLLBACK TO record")
                        failures.append((doc, error))
                    self.connection.execute("RELEASE record")
                self.connection.execute(sql.COMMIT)
            except BaseException:
                if self.connection.in_transaction:
                    self.connection.execute(sql.ROLLBACK)
                raise
        return added

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` are stored already (the cheap check that makes ingest resumable)."""
        ids = list(ids)
        found: set[str] = set()
        with self._reading():
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                statement = sql.KNOWN_ARTICLE_IDS.format(marks=sql.placeholders(len(chunk)))
                found.update(row[0] for row in self.connection.execute(statement, chunk))
        return found

    def __contains__(self, article_id: str) -> bool:
        return bool(self.known_ids([article_id]))

    def __len__(self) -> int:
        with self._reading():
            return self.connection.execute(sql.COUNT_ARTICLES).fetchone()[0]

    # --- queries --------------------------------------------------------------------------------

    def events(self, *, actor: str | None = None, type: str | None = None, since: str | None = None,
               until: str | None = None, limit: int | None = queries.DEFAULT_LIMIT) -> pd.DataFrame:
        """Deduplicated events, latest first: ``store.events(actor="Kim Jong Un", type="CONSULT")``.

        ``actor`` is an entity id (Q56226), a canonical name in any case, or a code (PRK, CHNGOV).
        """
        with self._reading():
            return queries.events(self.connection, actor=actor, type=type, since=since, until=until, limit=limit)

    def actors(self, *, search: str | None = None, country: str | None = None,
               limit: int | None = queries.DEFAULT_LIMIT) -> pd.DataFrame:
        """Everyone who took part in an event, most events first; ``search`` is a part of the name."""
        with self._reading():
            return queries.actors(self.connection, search=search, country=country, limit=limit)

    def articles(self, *, search: str | None = None, since: str | None = None, until: str | None = None,
                 limit: int | None = queries.DEFAULT_LIMIT) -> pd.DataFrame:
        """Articles, best match first when ``search`` is given (by lemma: "Pekin" finds "w Pekinie")."""
        with self._reading():
            return queries.articles(self.connection, search=search, since=since, until=until, limit=limit)

    def relations(self, a: str, b: str, *, by: str = "month", since: str | None = None,
                  until: str | None = None) -> pd.DataFrame:
        """Events between two countries in both directions per period, with Goldstein and QuadClass."""
        with self._reading():
            return queries.relations(self.connection, a, b, by=by, since=since, until=until)

    def stats(self) -> pd.DataFrame:
        with self._reading():
            return queries.stats(self.connection)

    def documents(self) -> Iterator[Document]:
        """Every stored document record (tokens are not kept; their lemmas are in the search index)."""
        for record in export.documents(self.connection):
            yield Document.from_dict(record)

    def export(self, format: str, out: IO) -> int:
        """Write everything as jsonl, csv, parquet (binary ``out``), plover or gdelt; returns records written."""
        with self._reading():
            return export.export(self.connection, format, out)

    @contextmanager
    def _reading(self):
        """Turn SQLite's low-level damage reports into the store's clear error."""
        try:
            yield
        except sqlite3.DatabaseError as error:
            name = getattr(error, "sqlite_errorname", "") or ""
            if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
                raise KronikaError("E502", f"{self.path}: the database stayed locked by another writer for "
                                   f"{sql.BUSY_TIMEOUT_MS // 1000} s; try again when it has finished") from None
            if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_IOERR")):
                raise database.damaged(self.path, error) from None
            raise

"""``Store``: the embedded chronicle in one SQLite file, the object every command and the API go through."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO, Protocol

import pandas as pd

from kronika.errors import KronikaError
from kronika.record import Document
from kronika.store import database, export, queries, sql, write

DEFAULT_PATH = "kronika.db"


class StoryHook(Protocol):
    """What a writer gives the store to put new articles into stories (``kronika.stories.store.StoryAssigner``).

    ``prepare`` runs once per written batch on the articles not stored yet, before the write lock, with what
    the hook's ``features`` already made of each of them elsewhere (an ingest worker; None where nothing was
    made); ``assign`` (returning the story's pk) and ``link`` (the article's stored events, and its language)
    run inside the write transaction."""

    def features(self, doc: Document): ...

    def prepare(self, docs: list[Document], given: list | None = None) -> list: ...

    def assign(
        self, connection: sqlite3.Connection, doc: Document, article_pk: int, prepared, *, source: str | None, now: str
    ) -> int: ...

    def link(self, connection: sqlite3.Connection, story: int, events: set[int], lang: str | None) -> None: ...


class Store:
    """One Kronika store file. ``Store(path)`` creates it when missing (``create=False`` refuses instead).

    Opening a file an older Kronika wrote applies the missing migrations first, also with ``read_only=True``:
    that flag makes the open connection refuse writes (``PRAGMA query_only``), so ``kronika serve`` can read
    an old store without a separate upgrade step, but it does not promise the file is left as it was. Copy a
    store you must keep unchanged before opening it with a newer Kronika.

    Queries return pandas DataFrames; writes go through :meth:`add` / :meth:`add_many`, each call one
    transaction, so a killed process leaves every earlier call's articles complete and nothing half-written.
    """

    def __init__(
        self,
        path: str | os.PathLike = DEFAULT_PATH,
        *,
        create: bool = True,
        read_only: bool = False,
        stories: StoryHook | None = None,
    ):
        self.path = os.fspath(path)
        # The caller's story hook puts each new article into a cross-lingual story as it is stored
        # (``kronika.stories.store.StoryAssigner``); without one (None, False) records are stored alone, as
        # bulk replays of known records and readers do.
        self.story_hook = stories or None
        self.connection = database.open_connection(self.path, create=create)
        queries.register_functions(self.connection)
        if read_only:
            self.connection.execute(sql.QUERY_ONLY)

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

    def add_many(
        self,
        docs: Iterable[Document],
        failures: list[tuple[Document, Exception]] | None = None,
        *,
        features: list | None = None,
        columns: list | None = None,
    ) -> int:
        """Store records in one transaction; returns how many were new (known ids are skipped).

        With ``failures`` given, a record that cannot be written is rolled back alone (a savepoint per
        record) and listed there, and the others are committed; without it, the error propagates.
        ``features``: for each record, what the story hook's ``features`` made of it in another process
        (None where it did not), so the hook need not make it again here; ``columns`` likewise, what
        ``write.article_columns`` made of it (a record whose tokens were dropped after it needs it)."""
        added = 0
        docs = list(docs)
        columns = columns or [None] * len(docs)
        prepared = [None] * len(docs)
        if self.story_hook and docs:
            stored = self.known_ids(doc.id for doc in docs)
            new = [i for i, doc in enumerate(docs) if doc.id not in stored]
            given = [features[i] for i in new] if features else None
            # Prepared in one batch (vectors, evidence, neighbours' estimates), before the write lock is taken.
            for i, value in zip(new, self.story_hook.prepare([docs[i] for i in new], given)):
                prepared[i] = value
        with self._reading():
            self.connection.execute(sql.BEGIN_WRITE)
            try:
                for doc, value, made in zip(docs, prepared, columns):
                    self.connection.execute("SAVEPOINT record")
                    try:
                        added += write.add_document(self.connection, doc, value, self.story_hook, made)
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
                chunk = ids[start : start + 500]
                statement = sql.KNOWN_ARTICLE_IDS.format(marks=sql.placeholders(len(chunk)))
                found.update(row[0] for row in self.connection.execute(statement, chunk))
        return found

    def __contains__(self, article_id: str) -> bool:
        return bool(self.known_ids([article_id]))

    def data_version(self) -> int:
        """A number that changes whenever another connection (another process's ingest) has committed since
        this connection last asked: SQLite's ``PRAGMA data_version``, which reads no table."""
        with self._reading():
            return self.connection.execute(sql.DATA_VERSION).fetchone()[0]

    def __len__(self) -> int:
        with self._reading():
            return self.connection.execute(sql.COUNT_ARTICLES).fetchone()[0]

    # --- queries --------------------------------------------------------------------------------

    def events(
        self,
        *,
        actor: str | None = None,
        type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = queries.DEFAULT_LIMIT,
        **filters,
    ) -> pd.DataFrame:
        """Deduplicated asserted events, latest first: ``store.events(actor="Władimir Putin", type="CONSULT")``.

        ``actor`` takes part on either side: an entity id (Q7747), a name or alias in any case form, a part of
        a name, a state's name, or a code (RUS, CHNGOV) (``kronika.store.resolve``). More filters
        (``initiator``, ``recipient``, ``quad_class``, ``country``, ``text``, ``modality``, ``offset``) are
        those of :func:`queries.event_rows`; ``modality="all"`` adds denied, intended and hypothetical events.
        """
        with self._reading():
            return queries.events(
                self.connection, actor=actor, type=type, since=since, until=until, limit=limit, **filters
            )

    def event_records(self, *, peek: bool = False, **filters) -> list[dict]:
        """Events in the document record's shape, filtered as by :func:`queries.event_rows` (the API's view).
        ``peek``: the last of ``limit`` rows is a page's one more, read only to say that another page follows:
        it comes back as its bare ``{"id"}``, without reading its participants and first report."""
        with self._reading():
            rows = queries.event_rows(self.connection, **filters)
            limit = filters.get("limit")
            if not peek or limit is None or limit < 1 or len(rows) < limit:
                return queries.event_records(self.connection, rows)
            return [*queries.event_records(self.connection, rows[:-1]), {"id": rows[-1][1]}]

    def event_count(self, **filters) -> int | None:
        """How many events match the filters of :func:`queries.event_rows` (a list's total); None when that is
        not known exactly and cheaply (:func:`queries.event_total`)."""
        with self._reading():
            return queries.event_count(self.connection, **filters)

    def event_total(self, **filters) -> tuple[int | None, bool]:
        """A list's total and whether it is exact (else at least that many, or None): :func:`queries.event_total`."""
        with self._reading():
            return queries.event_total(self.connection, **filters)

    def event_facets(self, names=("type", "country"), *, size: int = 20, **filters) -> dict[str, list[dict]]:
        """The types and the countries where they happened among the filtered events, most events first."""
        with self._reading():
            return queries.event_facets(self.connection, names, size=size, **filters)

    def event_timeline(self, **filters) -> dict | None:
        """The filtered events per day (ISO week or month for longer ranges) by QuadClass:
        ``{"by": "day", "periods": [{"period", "events", "quad1_verbal_cooperation", ...}]}``; None when
        counting them took too long."""
        with self._reading():
            return queries.event_timeline(self.connection, **filters)

    def event(self, event_id: str) -> dict | None:
        """One stored event with every report of it; None when there is no such event."""
        with self._reading():
            return queries.event(self.connection, event_id)

    def article(self, article_id: str) -> dict | None:
        """One stored document record (no tokens) with ``stored_events``; None when there is no such article."""
        with self._reading():
            return queries.article(self.connection, article_id)

    def entity(self, entity_id: str, *, events_limit: int = 50, modality: str | None = None) -> dict | None:
        """An entity or actor key with its aliases, events on each side and counterparts; None when unknown."""
        with self._reading():
            return queries.entity(self.connection, entity_id, events_limit=events_limit, modality=modality)

    def entities(
        self,
        *,
        search: str | None = None,
        type: str | None = None,
        country: str | None = None,
        limit: int | None = queries.DEFAULT_LIMIT,
        offset: int = 0,
    ) -> pd.DataFrame:
        """Linked entities, most events first; ``search`` is a part of the name, or the id."""
        with self._reading():
            return queries.entities(
                self.connection, search=search, type=type, country=country, limit=limit, offset=offset
            )

    def entity_records(self, **filters) -> list[dict]:
        """:meth:`entities` as plain dicts, the same values (the API's view: no DataFrame to build and read)."""
        with self._reading():
            return queries.entity_records(self.connection, **filters)

    def actors(
        self,
        *,
        search: str | None = None,
        country: str | None = None,
        modality: str | None = None,
        limit: int | None = queries.DEFAULT_LIMIT,
        offset: int = 0,
        sort: str | None = None,
    ) -> pd.DataFrame:
        """Everyone who took part in an asserted event (``modality`` to count others), most events first;
        ``search`` is a part of the name; ``sort`` one of ``sql.ACTOR_SORTS`` ("name", "-last_date"...)."""
        with self._reading():
            return queries.actors(
                self.connection,
                search=search,
                country=country,
                modality=modality,
                limit=limit,
                offset=offset,
                sort=sort,
            )

    def actor_records(self, **filters) -> list[dict]:
        """:meth:`actors` as plain dicts, the same values (the API's view)."""
        with self._reading():
            return queries.actor_records(self.connection, **filters)

    def actor_count(self, **filters) -> int:
        """How many actors :meth:`actors` lists with these filters (search, country, modality)."""
        with self._reading():
            return queries.actor_count(self.connection, **filters)

    def articles(
        self,
        *,
        search: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = queries.DEFAULT_LIMIT,
        offset: int = 0,
        sort: str | None = None,
        after: str | None = None,
    ) -> pd.DataFrame:
        """Articles, best match first when ``search`` is given (by lemma: "Pekin" finds "w Pekinie"), else
        latest first; ``sort`` one of ``sql.ARTICLE_SORTS`` ("title", "-tone"...); ``after`` the id of the
        last article of the page before (keyset paging, latest first)."""
        with self._reading():
            return queries.articles(
                self.connection,
                search=search,
                since=since,
                until=until,
                limit=limit,
                offset=offset,
                sort=sort,
                after=after,
            )

    def article_records(self, **filters) -> list[dict]:
        """:meth:`articles` as plain dicts, the same values (the API's view)."""
        with self._reading():
            return queries.article_records(self.connection, **filters)

    def article_count(self, **filters) -> int:
        """How many articles :meth:`articles` lists with these filters (search, since, until)."""
        with self._reading():
            return queries.article_count(self.connection, **filters)

    def relations(
        self,
        a: str,
        b: str,
        *,
        by: str = "month",
        since: str | None = None,
        until: str | None = None,
        modality: str | None = None,
    ) -> pd.DataFrame:
        """Asserted events between two countries (codes or names) in both directions per period, with Goldstein
        and QuadClass; ``modality`` as for :meth:`events`."""
        with self._reading():
            return queries.relations(self.connection, a, b, by=by, since=since, until=until, modality=modality)

    def relation_records(self, a: str, b: str, **options) -> list[dict]:
        """:meth:`relations` as plain dicts, the same values (the API's view)."""
        with self._reading():
            return queries.relations(self.connection, a, b, frame=False, **options)

    def stats(self, *, modality: str | None = None) -> pd.DataFrame:
        with self._reading():
            return queries.stats(self.connection, modality=modality)

    def stories(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        lang: str | None = None,
        min_size: int = 1,
        limit: int | None = queries.DEFAULT_LIMIT,
    ) -> pd.DataFrame:
        """Cross-lingual stories overlapping the dates, newest first; ``lang`` keeps those with an article in it."""
        from kronika.store import stories

        with self._reading():
            return stories.stories(self.connection, since=since, until=until, lang=lang, min_size=min_size, limit=limit)

    def story_records(self, **filters) -> list[dict]:
        """:meth:`stories` as plain dicts, the same values (the API's view)."""
        from kronika.store import stories

        with self._reading():
            return stories.story_records(self.connection, **filters)

    def story_count(self, **filters) -> int:
        """How many stories :meth:`stories` lists with these filters (since, until, lang, min_size)."""
        from kronika.store import stories

        with self._reading():
            return stories.story_count(self.connection, **filters)

    def story(self, story_id: str) -> dict | None:
        """One story with its titles per language, articles by language, entities, dates and events."""
        from kronika.store import stories

        with self._reading():
            return stories.story(self.connection, story_id)

    def thread(self, thread_id: str) -> dict | None:
        """One thread (the longer story): its dates, size, title and stories, newest first; None if unknown."""
        from kronika.store import stories

        with self._reading():
            return stories.thread(self.connection, thread_id)

    def claims(
        self,
        *,
        story: str | None = None,
        event: str | None = None,
        article: str | None = None,
        category: str | None = None,
    ) -> list[dict] | None:
        """Who claims how many, about one story, event or article (``category`` narrows: "killed"): groups of
        what is claimed, each source with its figures and the articles that gave them (``kronika.store.claims``);
        None when the story, event or article named is not in the store."""
        from kronika.store import claims

        with self._reading():
            return claims.claims(self.connection, story=story, event=event, article=article, category=category)

    def article_claims(self, article_id: str) -> list[dict]:
        """The claims an article makes, with what the rest of its story claims about the same things."""
        from kronika.store import claims

        with self._reading():
            return claims.article_claims(self.connection, article_id)

    def documents(self) -> Iterator[Document]:
        """Every stored document record (tokens are not kept; their lemmas are in the search index)."""
        for record in export.documents(self.connection):
            yield Document.from_dict(record)

    def export(self, format: str, out: IO, *, modality: str | None = None) -> int:
        """Write everything as jsonl, csv, parquet (binary ``out``), plover or gdelt; returns records written.
        Event exports hold asserted events unless ``modality`` says otherwise ("all" for every event)."""
        with self._reading():
            return export.export(self.connection, format, out, modality=modality)

    @contextmanager
    def _reading(self):
        """Turn SQLite's low-level damage reports into the store's clear error."""
        try:
            yield
        except sqlite3.DatabaseError as error:
            name = getattr(error, "sqlite_errorname", "") or ""
            if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
                raise KronikaError(
                    "E502",
                    f"{self.path}: the database stayed locked by another writer for "
                    f"{sql.BUSY_TIMEOUT_MS // 1000} s; try again when it has finished",
                ) from None
            if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_IOERR")):
                raise database.damaged(self.path, error) from None
            raise

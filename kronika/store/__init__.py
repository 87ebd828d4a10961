"""The embedded store: one SQLite file (WAL mode) with articles, entities, mentions, timexes, deduplicated
events with their reports, quotes and amounts; lemma search (FTS5); queries as DataFrames; exports.

    >>> from kronika.store import Store
    >>> with Store("kronika.db") as store:
    ...     store.relations("CHN", "PRK", by="month")

Modules: ``sql`` (every statement), ``migrations`` (versioned schema), ``database`` (opening and checks),
``write`` (records into rows, event deduplication), ``queries``, ``export`` and ``gdelt``. The store persists
and queries; analysing articles into it is ``kronika.batch.ingest``'s.
"""

from kronika.store.store import DEFAULT_PATH, Store

__all__ = ["DEFAULT_PATH", "Store"]

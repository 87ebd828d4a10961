"""The embedded store: one SQLite file (WAL mode) with articles, entities, mentions, timexes, deduplicated
events with their reports, quotes and amounts; lemma search (FTS5); queries as DataFrames; exports.

    >>> from kronika.store import Store
    >>> with Store("kronika.db") as store:
    ...     store.relations("CHN", "PRK", by="month")

Modules: ``sql`` (every statement), ``migrations`` (versioned schema), ``database`` (opening and checks),
``write`` (records into rows, event deduplication), ``queries``, ``ingest``, ``export`` and ``gdelt``.
"""

from kronika.store.ingest import IngestReport, ingest
from kronika.store.store import DEFAULT_PATH, Store

__all__ = ["DEFAULT_PATH", "IngestReport", "Store", "ingest"]

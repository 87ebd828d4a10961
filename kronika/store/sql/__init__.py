"""Every SQL statement of the store: the schema of each migration and every query, by topic.

Values always travel as parameters (``?`` or ``:name``); the only text ever formatted into a statement is
a choice from a fixed table in this package (``PERIODS``) or a run of ``?`` placeholders.

Callers name a statement as ``sql.NAME`` (``from kronika.store import sql``), never the module holding it;
the modules are:

- ``connection``: the pragmas every connection sets, the checks on opening, transactions;
- ``schema``: the migrations' tables and indexes, in migration order, and the record of those applied;
- ``summaries``: the counts kept at write time by triggers, a migration each, with their backfills;
- ``writing``: an analysed article's rows and events (the cross-article deduplication);
- ``claims``, ``stories``, ``watch``, ``alerts``: those areas' statements, written and read;
- ``lists``: what every list shares (IN-list placeholders, a list's total, keyset paging);
- ``events``, ``articles``, ``actors``, ``entities``, ``relations``, ``totals``: reading, by area.
"""

# Every module's public names are names of the package, so a statement is written once, in its module (star
# imports: tests/store/test_store_sql.py checks that the package names each and that no two modules define one
# name, which these imports would settle silently).
from kronika.store.sql.connection import *  # noqa: F403
from kronika.store.sql.schema import *  # noqa: F403
from kronika.store.sql.summaries import *  # noqa: F403
from kronika.store.sql.writing import *  # noqa: F403
from kronika.store.sql.claims import *  # noqa: F403
from kronika.store.sql.stories import *  # noqa: F403
from kronika.store.sql.watch import *  # noqa: F403
from kronika.store.sql.alerts import *  # noqa: F403
from kronika.store.sql.lists import *  # noqa: F403
from kronika.store.sql.events import *  # noqa: F403
from kronika.store.sql.articles import *  # noqa: F403
from kronika.store.sql.actors import *  # noqa: F403
from kronika.store.sql.entities import *  # noqa: F403
from kronika.store.sql.relations import *  # noqa: F403
from kronika.store.sql.totals import *  # noqa: F403

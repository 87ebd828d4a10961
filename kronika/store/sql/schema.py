"""The store's tables and indexes, migration by migration, and the table that records the migrations applied.

``kronika/store/migrations.py`` applies them in this order; the counts kept at write time by triggers
(migrations entity_summaries, event_counts, entity_article_counts, relation_counts, article_totals and
event_days) are in ``summaries.py``. A migration's statements are history: a change is a new migration.
"""

# --- the migrations applied -------------------------------------------------------------------------------

# Applied migrations by name (``kronika/store/migrations.py``): two branches that each add one cannot collide.
CREATE_MIGRATIONS = """
CREATE TABLE IF NOT EXISTS kronika_migrations (
    name TEXT PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at TEXT NOT NULL
)"""
APPLIED_MIGRATIONS = "SELECT name FROM kronika_migrations ORDER BY rowid"
RECORD_MIGRATION = "INSERT INTO kronika_migrations (name, description, applied_at) VALUES (?, ?, ?)"
# The numbered table Kronika kept before (``version INTEGER PRIMARY KEY, name, applied_at``), converted once.
MIGRATION_COLUMNS = "SELECT name FROM pragma_table_info('kronika_migrations')"
NUMBERED_MIGRATIONS = "SELECT version, applied_at FROM kronika_migrations"
RENAME_NUMBERED_MIGRATIONS = "ALTER TABLE kronika_migrations RENAME TO kronika_migrations_numbered"
DROP_NUMBERED_MIGRATIONS = "DROP TABLE kronika_migrations_numbered"

# --- migration 1 (initial_schema): articles, entities, events, quotes, amounts ----------------------------

SCHEMA_V1 = (
    # One row per article. `record` is the document record as JSON without `text` and `tokens` (the text
    # has its own column; tokens live on as lemmas in article_search), so JSONL export is lossless.
    """CREATE TABLE articles (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        url TEXT,
        source TEXT NOT NULL,
        date TEXT,
        lang TEXT,
        title TEXT,
        tone REAL,
        text TEXT NOT NULL,
        record TEXT NOT NULL,
        added_at TEXT NOT NULL
    )""",
    "CREATE INDEX articles_date ON articles(date)",
    # Lower-cased token lemmas, one FTS5 row per article (rowid = articles.pk). Contentless: the lemmas
    # are only searched, never shown, so they are not stored twice.
    """CREATE VIRTUAL TABLE article_search USING fts5(
        lemmas, content='', tokenize='unicode61 remove_diacritics 0'
    )""",
    """CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT,
        country TEXT,
        sector TEXT
    ) WITHOUT ROWID""",
    """CREATE TABLE article_entities (
        article INTEGER NOT NULL REFERENCES articles(pk),
        entity TEXT NOT NULL REFERENCES entities(id),
        PRIMARY KEY (article, entity)
    ) WITHOUT ROWID""",
    "CREATE INDEX article_entities_entity ON article_entities(entity)",
    """CREATE TABLE mentions (
        article INTEGER NOT NULL REFERENCES articles(pk),
        entity TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL
    )""",
    "CREATE INDEX mentions_article ON mentions(article)",
    """CREATE TABLE timexes (
        article INTEGER NOT NULL REFERENCES articles(pk),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        type TEXT NOT NULL,
        value TEXT,
        anchor TEXT
    )""",
    "CREATE INDEX timexes_article ON timexes(article)",
    # One row per real-world event, after cross-article deduplication. Its fields come from the first
    # report, except its coding (mode, context, cameo, goldstein, quad_class: the mode most reports give); `day` is the Julian day number of a day-precision date (the key of the within-a-day match).
    """CREATE TABLE events (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        mode TEXT,
        context TEXT NOT NULL,
        cameo TEXT,
        goldstein REAL,
        quad_class INTEGER,
        date TEXT,
        date_precision TEXT,
        day INTEGER,
        location_name TEXT,
        location_country TEXT,
        lat REAL,
        lon REAL,
        actor_key TEXT NOT NULL,
        recipient_key TEXT NOT NULL,
        num_mentions INTEGER NOT NULL DEFAULT 0,
        num_sources INTEGER NOT NULL DEFAULT 0,
        num_articles INTEGER NOT NULL DEFAULT 0,
        added_at TEXT NOT NULL
    )""",
    "CREATE INDEX events_match ON events(type, actor_key, recipient_key, day, date)",
    "CREATE INDEX events_date ON events(date)",
    "CREATE INDEX events_type_date ON events(type, date)",
    # Actor and recipient lists in order; `actor` is the key into `actors`, `date` repeats the event's
    # date so an actor's latest events come straight off the index.
    """CREATE TABLE event_participants (
        event INTEGER NOT NULL REFERENCES events(pk),
        role TEXT NOT NULL,
        position INTEGER NOT NULL,
        actor TEXT NOT NULL,
        entity TEXT,
        name TEXT NOT NULL,
        country TEXT,
        sector TEXT,
        date TEXT,
        PRIMARY KEY (event, role, position)
    ) WITHOUT ROWID""",
    "CREATE INDEX event_participants_actor ON event_participants(actor, date)",
    # Each article's report of an event keeps its own provenance (trigger, sentence, modality, cited source).
    """CREATE TABLE event_reports (
        pk INTEGER PRIMARY KEY,
        event INTEGER NOT NULL REFERENCES events(pk),
        article INTEGER NOT NULL REFERENCES articles(pk),
        ordinal INTEGER NOT NULL,
        source TEXT NOT NULL,
        sentence INTEGER,
        trigger_start INTEGER,
        trigger_end INTEGER,
        trigger_text TEXT,
        modality TEXT,
        mode TEXT,
        context TEXT NOT NULL,
        date TEXT,
        date_precision TEXT,
        reported_by TEXT NOT NULL,
        UNIQUE (article, ordinal)
    )""",
    "CREATE INDEX event_reports_event ON event_reports(event, article)",
    # Everyone who took part in an event, with running counts, so `kronika actors` needs no scan.
    """CREATE TABLE actors (
        key TEXT PRIMARY KEY,
        entity TEXT,
        name TEXT NOT NULL,
        country TEXT,
        sector TEXT,
        events INTEGER NOT NULL DEFAULT 0,
        as_actor INTEGER NOT NULL DEFAULT 0,
        as_recipient INTEGER NOT NULL DEFAULT 0,
        first_date TEXT,
        last_date TEXT
    ) WITHOUT ROWID""",
    "CREATE INDEX actors_name ON actors(name COLLATE NOCASE)",
    "CREATE INDEX actors_entity ON actors(entity)",
    "CREATE INDEX actors_country ON actors(country, sector)",
    "CREATE INDEX actors_events ON actors(events)",
    # Country-to-country pairs of each event: the relation time series is one range scan of this table.
    """CREATE TABLE dyads (
        actor_country TEXT NOT NULL,
        recipient_country TEXT NOT NULL,
        date TEXT NOT NULL,
        event INTEGER NOT NULL REFERENCES events(pk),
        goldstein REAL,
        quad_class INTEGER,
        PRIMARY KEY (actor_country, recipient_country, date, event)
    ) WITHOUT ROWID""",
    """CREATE TABLE quotes (
        article INTEGER NOT NULL REFERENCES articles(pk),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        speaker_entity TEXT,
        speaker_name TEXT,
        verb TEXT
    )""",
    "CREATE INDEX quotes_article ON quotes(article)",
    """CREATE TABLE amounts (
        article INTEGER NOT NULL REFERENCES articles(pk),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        value REAL,
        approximate INTEGER NOT NULL,
        object TEXT,
        category TEXT,
        claimant_entity TEXT,
        claimant_name TEXT
    )""",
    "CREATE INDEX amounts_article ON amounts(article)",
)

# --- migration 2 (stories_schema): stories (kronika/stories/store.py) -------------------------------------

# The online clusterer's state, one row per cluster: the stories of migration 2 and the threads of migration 6
# (the same text in both; never change it, migrations are history).
CLUSTER_STATE = """
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        size INTEGER NOT NULL,
        day_lo INTEGER,
        day_hi INTEGER,
        month_lo INTEGER,
        month_hi INTEGER,
        lo INTEGER,
        hi INTEGER,
        vector_sum BLOB NOT NULL,
        counts TEXT NOT NULL,
        weights TEXT NOT NULL,
        titles TEXT NOT NULL,
        touched INTEGER NOT NULL,
        added_at TEXT NOT NULL,
        updated_at TEXT NOT NULL"""
SCHEMA_V2 = (
    # One row per story with what the online clusterer needs to extend it later: the sum of its articles'
    # vectors (float32), its evidence keys with the number of articles carrying each, entity weights, and
    # its date spans as day numbers (`lo`/`hi`: the span the time window is checked against).
    f"""CREATE TABLE stories ({CLUSTER_STATE}
    )""",
    "CREATE INDEX stories_interval ON stories(hi, lo)",
    "CREATE INDEX stories_touched ON stories(touched)",
    """CREATE TABLE story_articles (
        article INTEGER PRIMARY KEY REFERENCES articles(pk),
        story INTEGER NOT NULL REFERENCES stories(pk),
        lang TEXT,
        cosine REAL,
        evidence REAL
    )""",
    "CREATE INDEX story_articles_story ON story_articles(story, lang)",
    # Entity and name keys -> stories, to find candidates for undated articles and undated stories.
    """CREATE TABLE story_keys (
        key TEXT NOT NULL,
        story INTEGER NOT NULL REFERENCES stories(pk),
        PRIMARY KEY (key, story)
    ) WITHOUT ROWID""",
    # The story an event was first reported in: its articles in languages without a pack that name the
    # event's participants count among its reports (UPDATE_STORY_EVENT_COUNTS).
    "ALTER TABLE events ADD COLUMN story INTEGER REFERENCES stories(pk)",
    "CREATE INDEX events_story ON events(story)",
)

# --- migration 3 (api_indexes): indexes for the HTTP API --------------------------------------------------

SCHEMA_V3 = (
    # An entity's aliases (the entity page) read a run of this index instead of every mention of each of
    # the entity's articles: 280 ms -> a few ms for an entity in 9,000 articles.
    "CREATE INDEX mentions_entity ON mentions(entity, text, article)",
)

# --- migration 4 (claims_schema): claims (kronika/store/claims.py) ----------------------------------------

SCHEMA_V4 = (
    # Every amount of every record as a claim: what is counted (category, the counted noun as `unit`), the
    # figure, who claims it (`claimant`: the participant's key as `actors` keys it, NULL when the article
    # states the figure itself) and where it belongs: its article (`ordinal`: its place in the record's
    # amounts), the article's story and date, and the stored event it is tied to (write.tied_event).
    """CREATE TABLE claims (
        pk INTEGER PRIMARY KEY,
        article INTEGER NOT NULL REFERENCES articles(pk),
        ordinal INTEGER NOT NULL,
        story INTEGER REFERENCES stories(pk),
        event INTEGER REFERENCES events(pk),
        date TEXT,
        category TEXT,
        unit TEXT,
        value REAL,
        approximate INTEGER NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        claimant TEXT,
        claimant_entity TEXT,
        claimant_name TEXT,
        claimant_country TEXT,
        UNIQUE (article, ordinal)
    )""",
    # One index per way in: a story's claims (optionally of one category), an event's claims.
    "CREATE INDEX claims_story ON claims(story, category)",
    "CREATE INDEX claims_event ON claims(event, category)",
)

# --- migration 5 (modality_schema): modality of stored events ---------------------------------------------

SCHEMA_V5 = (
    # What the reports say of the event: asserted, negated, intended or hypothetical (the record's
    # `modality`). Reports of different modalities are different events since this migration; an event
    # stored before it takes "asserted" when any report asserts it, else its first report's modality.
    "ALTER TABLE events ADD COLUMN modality TEXT NOT NULL DEFAULT 'asserted'",
    """UPDATE events SET modality = coalesce(
        (SELECT 'asserted' FROM event_reports r WHERE r.event = events.pk AND r.modality = 'asserted' LIMIT 1),
        (SELECT r.modality FROM event_reports r WHERE r.event = events.pk ORDER BY r.pk LIMIT 1),
        'asserted')""",
    "CREATE INDEX events_modality_date ON events(modality, date)",
    # An actor's counts over asserted events only: `kronika actors` shows these by default.
    "ALTER TABLE actors ADD COLUMN asserted_events INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE actors ADD COLUMN asserted_as_actor INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE actors ADD COLUMN asserted_as_recipient INTEGER NOT NULL DEFAULT 0",
    """UPDATE actors SET
        asserted_events = (SELECT count(DISTINCT p.event) FROM event_participants p JOIN events e ON e.pk = p.event
                           WHERE p.actor = actors.key AND e.modality = 'asserted'),
        asserted_as_actor = (SELECT count(DISTINCT p.event) FROM event_participants p JOIN events e ON e.pk = p.event
                             WHERE p.actor = actors.key AND p.role = 'actor' AND e.modality = 'asserted'),
        asserted_as_recipient = (SELECT count(DISTINCT p.event) FROM event_participants p
                                 JOIN events e ON e.pk = p.event
                                 WHERE p.actor = actors.key AND p.role = 'recipient' AND e.modality = 'asserted')""",
    "CREATE INDEX actors_asserted ON actors(asserted_events)",
)

# --- migration 6 (threads_schema): threads (kronika/stories/threads.py, kronika/stories/store.py) ---------

SCHEMA_V6 = (
    # The longer level: a thread holds stories (each story one occurrence), with the same clusterer state
    # as a story; its keys find candidates for undated stories as story_keys do.
    f"""CREATE TABLE threads ({CLUSTER_STATE}
    )""",
    "CREATE INDEX threads_interval ON threads(hi, lo)",
    "CREATE INDEX threads_touched ON threads(touched)",
    """CREATE TABLE thread_keys (
        key TEXT NOT NULL,
        thread INTEGER NOT NULL REFERENCES threads(pk),
        PRIMARY KEY (key, thread)
    ) WITHOUT ROWID""",
    # A story stored before this migration has none until its next article decides one.
    "ALTER TABLE stories ADD COLUMN thread INTEGER REFERENCES threads(pk)",
    "CREATE INDEX stories_thread ON stories(thread)",
)

# --- migration 7 (watch_alerts_schema): the watcher's state, alerts (kronika/watch, kronika/alerts) -------

SCHEMA_V7_WATCH_ALERTS = (
    # One row per feed URL `kronika watch` has fetched: the validators of its last good response (for a
    # conditional GET) and, after failures, how many in a row and when it is due again (backoff).
    """CREATE TABLE watch_feeds (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        retry_at TEXT,
        last_status TEXT,
        last_error TEXT,
        checked_at TEXT
    ) WITHOUT ROWID""",
    # Every feed entry (or folder file) the watcher has dealt with, keyed by its guid or link, so a restart
    # neither fetches its page again nor analyses it again. `status`: stored, failed (given up), retry.
    """CREATE TABLE watch_entries (
        source TEXT NOT NULL,
        key TEXT NOT NULL,
        article TEXT,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 1,
        error TEXT,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (source, key)
    ) WITHOUT ROWID""",
    # An alert is raised once: its id hashes the rule, the subject and the day (a story alert: the story).
    """CREATE TABLE alerts (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        rule TEXT NOT NULL,
        kind TEXT NOT NULL,
        subject TEXT NOT NULL,
        measure TEXT NOT NULL,
        day TEXT NOT NULL,
        value REAL NOT NULL,
        baseline REAL,
        score REAL,
        message TEXT NOT NULL,
        detail TEXT NOT NULL,
        raised_at TEXT NOT NULL
    )""",
    "CREATE INDEX alerts_day ON alerts(day, pk)",
    # The stored events behind each alert: the evidence an analyst opens first.
    """CREATE TABLE alert_events (
        alert INTEGER NOT NULL REFERENCES alerts(pk),
        event INTEGER NOT NULL REFERENCES events(pk),
        PRIMARY KEY (alert, event)
    ) WITHOUT ROWID""",
)

# --- migration 8 (api_join_index): the API's joins to events on a large store -----------------------------

SCHEMA_V8 = (
    # The columns of events a relation series reads for each of its dyads, in a covering index: one narrow
    # index entry per event instead of a whole row (its context and location), 40,000 of them for CHN-PRK
    # on a store of 1,000,000 events (CHN-PRK by month 322 -> 195 ms with a cold cache, 187 -> 170 ms warm).
    # RELATIONS names it (INDEXED BY): without ANALYZE's statistics, which no store has, the planner reads
    # the rows. An actor's counterparts were measured with it too and were not faster (145 -> 172 ms).
    "CREATE INDEX events_joined ON events(pk, modality, num_mentions)",
)

# --- migration filter_indexes: a page of a rare country's events ------------------------------------------

# A page filtered by the country where events happened was read off the date index, each event checked: a
# country with few or no events read every event (POL on 1,000,000 events: 1.1 s of CPU for an empty page).
# In date order, so a page of a frequent country still stops at its limit. (A type and a country that are
# each frequent but rare together, or a QuadClass the store lacks, is caught by queries._none_by_category.)
SCHEMA_FILTER_INDEXES = ("CREATE INDEX IF NOT EXISTS events_country_date ON events(location_country, date)",)
HAS_STATISTICS = "SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1'"
# A store analysed before (bench/api_latency.py's) plans the new index by its statistics, not by the
# defaults, which would take it for more selective than a type's index.
ANALYZE_FILTER_INDEXES = "ANALYZE events_country_date"

# --- migration report_events: the events of the articles a search matches ---------------------------------

# The events each article reports, read off the index alone (the table's (article, ordinal) key led to every
# report's row for its event): the words' events a total counts (EVENTS_OF_WORDS_COUNTED_UP_TO), a rare
# word's events, an article's events. "Pekin" on 1,000,000 events: its total 6.0 -> 4.4 ms of CPU.
SCHEMA_REPORT_EVENTS = ("CREATE INDEX IF NOT EXISTS event_reports_article ON event_reports(article, event)",)
ANALYZE_REPORT_EVENTS = "ANALYZE event_reports_article"

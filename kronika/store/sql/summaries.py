"""The counts kept at write time: tables that triggers keep up to date as rows are added, recoded or
deleted, so a page reads a few rows of answers instead of counting the rows it is about.

One section per migration, in migration order (``kronika/store/migrations.py``), each with its tables,
triggers and the backfill that fills them from the rows already stored. The statements that read these
tables are with their areas (``entities.py``, ``relations.py``, ``totals.py``).
"""

from __future__ import annotations

# --- migration entity_summaries: the entity page's counts, kept at write time -----------------------------

# An entity page read every mention of the entity (136,000 for Kim Jong Un on 1,000,000 events) and joined
# every event of its actors to the other side (40,000 rows): 351 ms alone. These two tables hold the
# answers as running counts, so the page reads a few dozen rows. The migration fills them from the rows
# already stored (ENTITY_ALIASES and COUNTERPARTS in entities.py stay the definitions they must agree with).
SCHEMA_ENTITY_SUMMARIES = (
    # How often the articles wrote an entity as each text: mentions, and articles with at least one.
    """CREATE TABLE IF NOT EXISTS entity_aliases (
        entity TEXT NOT NULL,
        text TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        articles INTEGER NOT NULL,
        PRIMARY KEY (entity, text)
    ) WITHOUT ROWID""",
    # Kept by triggers on mentions, so whatever adds or deletes a mention keeps the counts: a mention is
    # one more of its text, and its article one more when it is the article's first such mention (the
    # mentions_entity index answers that). A re-ingested article adds no mention (its id is known).
    """CREATE TRIGGER IF NOT EXISTS mention_counted AFTER INSERT ON mentions BEGIN
        INSERT INTO entity_aliases (entity, text, mentions, articles) VALUES (new.entity, new.text, 1, 1)
        ON CONFLICT (entity, text) DO UPDATE SET
            mentions = mentions + 1,
            articles = articles + NOT EXISTS (
                SELECT 1 FROM mentions m WHERE m.entity = new.entity AND m.text = new.text
                AND m.article = new.article AND m.rowid <> new.rowid);
    END""",
    """CREATE TRIGGER IF NOT EXISTS mention_uncounted AFTER DELETE ON mentions BEGIN
        UPDATE entity_aliases SET
            mentions = mentions - 1,
            articles = articles - NOT EXISTS (
                SELECT 1 FROM mentions m WHERE m.entity = old.entity AND m.text = old.text
                AND m.article = old.article)
        WHERE entity = old.entity AND text = old.text;
        DELETE FROM entity_aliases WHERE entity = old.entity AND text = old.text AND mentions <= 0;
    END""",
    # Who each actor deals with, per modality of the events: the other side's actors with the events they
    # share, the pairs (participant rows) in which the other is the actor or the recipient, and Goldstein's
    # sum and count over those pairs (COUNTERPARTS' avg). Kept by triggers: on event_participants (a row
    # added or deleted adds or takes away its pairs, and its event when it was the pair's only link in it)
    # and on a recoding of an event's Goldstein. Deleting an event deletes its participants first (their
    # foreign key), so the event's row is still there to give its modality and Goldstein.
    """CREATE TABLE IF NOT EXISTS entity_counterparts (
        actor TEXT NOT NULL,
        modality TEXT NOT NULL,
        other TEXT NOT NULL,
        events INTEGER NOT NULL,
        as_actor INTEGER NOT NULL,
        as_recipient INTEGER NOT NULL,
        goldstein_sum REAL NOT NULL,
        goldstein_n INTEGER NOT NULL,
        PRIMARY KEY (actor, modality, other)
    ) WITHOUT ROWID""",
    """CREATE TRIGGER IF NOT EXISTS event_recoded AFTER UPDATE OF goldstein ON events
    WHEN old.goldstein IS NOT new.goldstein BEGIN
        UPDATE entity_counterparts SET
            goldstein_sum = goldstein_sum + pairs.n * (coalesce(new.goldstein, 0) - coalesce(old.goldstein, 0)),
            goldstein_n = goldstein_n + pairs.n * ((new.goldstein IS NOT NULL) - (old.goldstein IS NOT NULL))
        FROM (SELECT p.actor, o.actor AS other, count(*) AS n
              FROM event_participants p JOIN event_participants o
                ON o.event = p.event AND o.role <> p.role AND o.actor <> p.actor
              WHERE p.event = new.pk GROUP BY p.actor, o.actor) AS pairs
        WHERE entity_counterparts.actor = pairs.actor AND entity_counterparts.other = pairs.other
          AND entity_counterparts.modality = new.modality;
    END""",
)
# The events of each modality, kept by triggers on events: the total of an unfiltered list (the first page of
# /api/events) without counting 1,000,000 index entries (90-140 ms) on every request.
SCHEMA_ENTITY_SUMMARIES += (
    """CREATE TABLE IF NOT EXISTS event_totals (
        modality TEXT PRIMARY KEY,
        events INTEGER NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TRIGGER IF NOT EXISTS event_counted AFTER INSERT ON events BEGIN
        INSERT INTO event_totals (modality, events) VALUES (new.modality, 1)
        ON CONFLICT (modality) DO UPDATE SET events = events + 1;
    END""",
    """CREATE TRIGGER IF NOT EXISTS event_uncounted AFTER DELETE ON events BEGIN
        UPDATE event_totals SET events = events - 1 WHERE modality = old.modality;
    END""",
    """CREATE TRIGGER IF NOT EXISTS event_remodalled AFTER UPDATE OF modality ON events
    WHEN old.modality IS NOT new.modality BEGIN
        UPDATE event_totals SET events = events - 1 WHERE modality = old.modality;
        INSERT INTO event_totals (modality, events) VALUES (new.modality, 1)
        ON CONFLICT (modality) DO UPDATE SET events = events + 1;
    END""",
)
BACKFILL_EVENT_TOTALS = """
INSERT INTO event_totals (modality, events) SELECT modality, count(*) FROM events WHERE 1 GROUP BY modality"""
# One participant row's pairs with the other side of its event, in one direction: ``{one}`` -> ``{two}``
# (the row's actor and the others', or the reverse); ``{row}`` is new or old, ``{sign}`` + or -. The event
# counts once per pair: only when no other row of the event links the same two actors. ``+x.actor``: the
# event's few rows are read by its key, never a frequent actor's 40,000 rows by the actor index.
_ROW_PAIRS = """
        INSERT INTO entity_counterparts (actor, modality, other, events, as_actor, as_recipient, goldstein_sum,
                                         goldstein_n)
        SELECT {one}, e.modality, {two},
               {sign}(NOT EXISTS (SELECT 1 FROM event_participants x JOIN event_participants y
                                    ON y.event = x.event AND y.role <> x.role
                                  WHERE x.event = {row}.event AND +x.actor = {row}.actor AND +y.actor = o.actor
                                    AND NOT (x.role = {row}.role AND x.position = {row}.position))),
               {sign}(count(*) * ({row}.role = '{acts}')), {sign}(count(*) * ({row}.role = '{receives}')),
               {sign}(count(*) * coalesce(e.goldstein, 0)), {sign}(count(*) * (e.goldstein IS NOT NULL))
        FROM event_participants o JOIN events e ON e.pk = o.event
        WHERE o.event = {row}.event AND o.role <> {row}.role AND o.actor <> {row}.actor
        GROUP BY o.actor
        ON CONFLICT (actor, modality, other) DO UPDATE SET
            events = events + excluded.events, as_actor = as_actor + excluded.as_actor,
            as_recipient = as_recipient + excluded.as_recipient,
            goldstein_sum = goldstein_sum + excluded.goldstein_sum, goldstein_n = goldstein_n + excluded.goldstein_n;"""


def _participant_trigger(name: str, when: str, row: str, sign: str) -> str:
    # The other is the actor of a pair when the row is the recipient, and the reverse.
    forward = _ROW_PAIRS.format(
        one=f"{row}.actor", two="o.actor", row=row, sign=sign, acts="recipient", receives="actor"
    )
    backward = _ROW_PAIRS.format(
        one="o.actor", two=f"{row}.actor", row=row, sign=sign, acts="actor", receives="recipient"
    )
    cleared = (
        ""
        if sign == ""
        else f"""
        DELETE FROM entity_counterparts WHERE events <= 0 AND modality = (SELECT modality FROM events
          WHERE pk = {row}.event) AND (actor = {row}.actor OR other = {row}.actor);"""
    )
    return (
        f"CREATE TRIGGER IF NOT EXISTS {name} {when} ON event_participants BEGIN{forward}{backward}{cleared}\n    END"
    )


SCHEMA_ENTITY_SUMMARIES += (
    _participant_trigger("participant_counted", "AFTER INSERT", "new", ""),
    _participant_trigger("participant_uncounted", "BEFORE DELETE", "old", "-"),
)
# Every event's pairs at once (the migration's backfill): GROUP BY gives each pair once per event.
BACKFILL_ENTITY_COUNTERPARTS = """
INSERT INTO entity_counterparts (actor, modality, other, events, as_actor, as_recipient, goldstein_sum, goldstein_n)
SELECT p.actor, e.modality, o.actor, count(DISTINCT e.pk), sum(p.role = 'recipient'), sum(p.role = 'actor'),
       total(e.goldstein), count(e.goldstein)
FROM events e JOIN event_participants p ON p.event = e.pk
JOIN event_participants o ON o.event = e.pk AND o.role <> p.role AND o.actor <> p.actor
WHERE 1 GROUP BY p.actor, e.modality, o.actor"""
BACKFILL_ENTITY_ALIASES = """
INSERT INTO entity_aliases (entity, text, mentions, articles)
SELECT entity, text, count(*), count(DISTINCT article) FROM mentions WHERE 1 GROUP BY entity, text"""
CLEAR_ENTITY_SUMMARIES = ("DELETE FROM entity_aliases", "DELETE FROM entity_counterparts", "DELETE FROM event_totals")

# --- migration event_counts: the events per category and date, kept at write time -------------------------

# A total, a facet or a timeline of filters on the categories (type, QuadClass, where it happened, modality) and
# dates counted every matching event: CONSULT in CHN, 200,000 of 1,000,000 events, 220 ms of CPU on every page.
# This table holds the events of each (modality, type, country, date, QuadClass) with a count, kept by triggers
# on events, so such a count sums the rows of the categories asked (a few thousand: one per date) instead.
# A missing country or date is '' and a missing QuadClass 0 (a primary key holds no NULL); EVENT_COUNT_CONDITIONS
# keep them out where the event filters would.
SCHEMA_EVENT_COUNTS = (
    """CREATE TABLE IF NOT EXISTS event_counts (
        modality TEXT NOT NULL,
        type TEXT NOT NULL,
        country TEXT NOT NULL,
        date TEXT NOT NULL,
        quad_class INTEGER NOT NULL,
        events INTEGER NOT NULL,
        PRIMARY KEY (modality, type, country, date, quad_class)
    ) WITHOUT ROWID""",
    # A country without a type, and dates alone (a date range, a QuadClass), each read off its own index.
    "CREATE INDEX IF NOT EXISTS event_counts_country ON event_counts(modality, country, date)",
    "CREATE INDEX IF NOT EXISTS event_counts_date ON event_counts(modality, date)",
)
_EVENT_COUNT_KEY = (
    "{row}.modality, {row}.type, coalesce({row}.location_country, ''), coalesce({row}.date, ''), "
    "coalesce({row}.quad_class, 0)"
)
_COUNT_EVENT = f"""
        INSERT INTO event_counts (modality, type, country, date, quad_class, events)
        VALUES ({_EVENT_COUNT_KEY.format(row="new")}, 1)
        ON CONFLICT (modality, type, country, date, quad_class) DO UPDATE SET events = events + 1;"""
_UNCOUNT_EVENT = f"""
        UPDATE event_counts SET events = events - 1
        WHERE (modality, type, country, date, quad_class) = ({_EVENT_COUNT_KEY.format(row="old")});
        DELETE FROM event_counts
        WHERE (modality, type, country, date, quad_class) = ({_EVENT_COUNT_KEY.format(row="old")}) AND events <= 0;"""
SCHEMA_EVENT_COUNTS += (
    f"CREATE TRIGGER IF NOT EXISTS event_category_counted AFTER INSERT ON events BEGIN{_COUNT_EVENT}\n    END",
    f"CREATE TRIGGER IF NOT EXISTS event_category_uncounted AFTER DELETE ON events BEGIN{_UNCOUNT_EVENT}\n    END",
    # A recoding changes the QuadClass; the others are never updated today, but a count must not depend on it.
    f"""CREATE TRIGGER IF NOT EXISTS event_category_moved
    AFTER UPDATE OF modality, type, location_country, date, quad_class ON events
    WHEN ({_EVENT_COUNT_KEY.format(row="old")}) IS NOT ({_EVENT_COUNT_KEY.format(row="new")}) BEGIN{_UNCOUNT_EVENT}{_COUNT_EVENT}
    END""",
)
BACKFILL_EVENT_COUNTS = f"""
INSERT INTO event_counts (modality, type, country, date, quad_class, events)
SELECT {_EVENT_COUNT_KEY.format(row="events")}, count(*) FROM events WHERE 1 GROUP BY 1, 2, 3, 4, 5"""

# --- migration entity_article_counts: the articles of each entity, kept at write time ---------------------

# The entities list counted every article of every listed entity (66,000 each for a frequent one on 1,000,000
# events: 23 ms of CPU for the 8 people of /api/entities?type=PER); kept by triggers on article_entities.
SCHEMA_ENTITY_ARTICLES = (
    """CREATE TABLE IF NOT EXISTS entity_articles (
        entity TEXT PRIMARY KEY,
        articles INTEGER NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TRIGGER IF NOT EXISTS article_entity_counted AFTER INSERT ON article_entities BEGIN
        INSERT INTO entity_articles (entity, articles) VALUES (new.entity, 1)
        ON CONFLICT (entity) DO UPDATE SET articles = articles + 1;
    END""",
    """CREATE TRIGGER IF NOT EXISTS article_entity_uncounted AFTER DELETE ON article_entities BEGIN
        UPDATE entity_articles SET articles = articles - 1 WHERE entity = old.entity;
        DELETE FROM entity_articles WHERE entity = old.entity AND articles <= 0;
    END""",
)
BACKFILL_ENTITY_ARTICLES = """
INSERT INTO entity_articles (entity, articles) SELECT entity, count(*) FROM article_entities WHERE 1 GROUP BY entity"""

# --- migration relation_counts: a relation series' sums per day, kept at write time -----------------------

# A relation series joined each of its dyads to its event for the modality and the mentions (CHN-PRK on
# 1,000,000 events: 35,000 dyads, 68 ms of CPU). This table keeps, per directed country pair, date, modality
# and QuadClass, the dyads' events, mentions and Goldstein sum and count, so a series sums a few rows per day.
# Kept by triggers on dyads (added, deleted, recoded) and on events (their mentions and modality), which find
# an event's dyads by the index dyads_event. A missing QuadClass is 0 (a primary key holds no NULL).
SCHEMA_RELATION_COUNTS = (
    """CREATE TABLE IF NOT EXISTS relation_counts (
        actor_country TEXT NOT NULL,
        recipient_country TEXT NOT NULL,
        date TEXT NOT NULL,
        modality TEXT NOT NULL,
        quad_class INTEGER NOT NULL,
        events INTEGER NOT NULL,
        mentions INTEGER NOT NULL,
        goldstein_sum REAL NOT NULL,
        goldstein_n INTEGER NOT NULL,
        PRIMARY KEY (actor_country, recipient_country, date, modality, quad_class)
    ) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS dyads_event ON dyads(event)",
)
_RELATION_KEY = "actor_country, recipient_country, date, modality, quad_class"
_RELATION_ADDED = f"""
        ON CONFLICT ({_RELATION_KEY}) DO UPDATE SET
            events = events + excluded.events, mentions = mentions + excluded.mentions,
            goldstein_sum = goldstein_sum + excluded.goldstein_sum, goldstein_n = goldstein_n + excluded.goldstein_n;"""
# One dyad row's sums (``{row}``: new or old; ``{sign}``: - takes them away), with its event's modality and
# mentions read by its key; a pair-day's rows left with no event are deleted.
_RELATION_ROW = (
    f"""
        INSERT INTO relation_counts ({_RELATION_KEY}, events, mentions, goldstein_sum, goldstein_n)
        SELECT {{row}}.actor_country, {{row}}.recipient_country, {{row}}.date, e.modality,
               coalesce({{row}}.quad_class, 0), {{sign}}1, {{sign}}e.num_mentions,
               {{sign}}coalesce({{row}}.goldstein, 0), {{sign}}({{row}}.goldstein IS NOT NULL)
        FROM events e WHERE e.pk = {{row}}.event"""
    + _RELATION_ADDED
)
_RELATION_ROW_EMPTIED = """
        DELETE FROM relation_counts WHERE actor_country = old.actor_country
          AND recipient_country = old.recipient_country AND date = old.date AND events <= 0;"""
# Every dyad of an event (``{row}``: the event's new or old row, for its modality and mentions).
_RELATION_EVENT = (
    f"""
        INSERT INTO relation_counts ({_RELATION_KEY}, events, mentions, goldstein_sum, goldstein_n)
        SELECT d.actor_country, d.recipient_country, d.date, {{row}}.modality, coalesce(d.quad_class, 0),
               {{sign}}count(*), {{sign}}count(*) * {{row}}.num_mentions, {{sign}}total(d.goldstein),
               {{sign}}count(d.goldstein)
        FROM dyads d WHERE d.event = {{row}}.pk GROUP BY 1, 2, 3, 4, 5"""
    + _RELATION_ADDED
)
_RELATION_EVENT_EMPTIED = """
        DELETE FROM relation_counts WHERE (actor_country, recipient_country, date) IN
          (SELECT actor_country, recipient_country, date FROM dyads WHERE event = old.pk) AND events <= 0;"""
SCHEMA_RELATION_COUNTS += (
    f"""CREATE TRIGGER IF NOT EXISTS dyad_counted AFTER INSERT ON dyads BEGIN{_RELATION_ROW.format(row="new", sign="")}
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS dyad_uncounted AFTER DELETE ON dyads BEGIN{
        _RELATION_ROW.format(row="old", sign="-")
    }{_RELATION_ROW_EMPTIED}
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS dyad_recoded
    AFTER UPDATE OF actor_country, recipient_country, date, event, goldstein, quad_class ON dyads BEGIN{
        _RELATION_ROW.format(row="old", sign="-")
    }{_RELATION_ROW_EMPTIED}{_RELATION_ROW.format(row="new", sign="")}
    END""",
    # An event's mentions grow with each report of it (UPDATE_EVENT_COUNTS): all its dyads move.
    f"""CREATE TRIGGER IF NOT EXISTS event_relations_moved AFTER UPDATE OF modality, num_mentions ON events
    WHEN old.modality IS NOT new.modality OR old.num_mentions IS NOT new.num_mentions BEGIN{
        _RELATION_EVENT.format(row="old", sign="-")
    }{_RELATION_EVENT_EMPTIED}{_RELATION_EVENT.format(row="new", sign="")}
    END""",
)
BACKFILL_RELATION_COUNTS = f"""
INSERT INTO relation_counts ({_RELATION_KEY}, events, mentions, goldstein_sum, goldstein_n)
SELECT d.actor_country, d.recipient_country, d.date, e.modality, coalesce(d.quad_class, 0), count(*),
       sum(e.num_mentions), total(d.goldstein), count(d.goldstein)
FROM dyads d JOIN events e ON e.pk = d.event WHERE 1 GROUP BY 1, 2, 3, 4, 5"""

# --- migration article_totals: the store's articles counted at write time ---------------------------------

# The total of the unfiltered articles list counted the date index (200,000 entries on the 1,000,000-event
# store: 3 ms of CPU a page, and growing with the store); kept in one row by triggers on articles. An article
# already stored is skipped by INSERT OR IGNORE, which fires no trigger.
SCHEMA_ARTICLE_TOTALS = (
    """CREATE TABLE IF NOT EXISTS article_totals (
        one INTEGER PRIMARY KEY CHECK (one = 1),
        articles INTEGER NOT NULL
    )""",
    """CREATE TRIGGER IF NOT EXISTS article_counted AFTER INSERT ON articles BEGIN
        UPDATE article_totals SET articles = articles + 1;
    END""",
    """CREATE TRIGGER IF NOT EXISTS article_uncounted AFTER DELETE ON articles BEGIN
        UPDATE article_totals SET articles = articles - 1;
    END""",
)
BACKFILL_ARTICLE_TOTALS = "INSERT OR REPLACE INTO article_totals (one, articles) SELECT 1, count(*) FROM articles"

# --- migration event_days: where a deep page of events starts ---------------------------------------------

# The events per modality and date in one covering index: where a deep offset into a latest-first list
# lands (EVENT_COUNTS_BY_DATE, queries._seek_offset) is read off it without a look-up per row.
SCHEMA_EVENT_DAYS = ("CREATE INDEX IF NOT EXISTS event_counts_days ON event_counts(modality, date, events)",)

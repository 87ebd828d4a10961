"""Every SQL statement of the store, in one place: the schema of each migration and every query.

Values always travel as parameters (``?`` or ``:name``); the only text ever formatted into a statement is
a choice from a fixed table in this module (``PERIODS``) or a run of ``?`` placeholders.
"""

from __future__ import annotations

from kronika.store.sql.connection import *  # noqa: F403
from kronika.store.sql.schema import *  # noqa: F403
from kronika.store.sql.summaries import *  # noqa: F403
from kronika.store.sql.writing import *  # noqa: F403
from kronika.store.sql.claims import *  # noqa: F403
from kronika.store.sql.stories import *  # noqa: F403
from kronika.store.sql.watch import *  # noqa: F403
from kronika.store.sql.alerts import *  # noqa: F403


# --- reading ----------------------------------------------------------------------------------------


def placeholders(count: int) -> str:
    """``?, ?, ?`` for an IN list of ``count`` parameters (at least one, so the SQL stays valid)."""
    return ", ".join("?" * max(count, 1))


def named_placeholders(names: list[str]) -> str:
    """``:k0, :k1`` for an IN list in a statement that also has named parameters; names are ours, not users'."""
    return ", ".join(f":{name}" for name in names)


KNOWN_ARTICLE_IDS = "SELECT id FROM articles WHERE id IN ({marks})"
COUNT_ARTICLES = "SELECT count(*) FROM articles"

# Actor keys a user's --actor names: an entity id, a canonical name (any case), an actor key, or a code
# made of a country and optionally a sector ("PRK", "CHNGOV").
RESOLVE_ACTOR = """
SELECT key FROM actors WHERE entity = :q
UNION SELECT key FROM actors WHERE name = :q COLLATE NOCASE
UNION SELECT key FROM actors WHERE key = :q
UNION SELECT key FROM actors WHERE country = :country AND (:sector IS NULL OR sector = :sector)"""
# Actors whose name holds every word typed (kronika/store/resolve.py formats one LIKE group per word).
ACTORS_NAMED_LIKE = "SELECT key FROM actors WHERE {conditions} ORDER BY events DESC, key"

EVENT_COLUMNS = """
    e.pk, e.id, e.date, e.type, e.mode, e.context, e.cameo, e.goldstein, e.quad_class,
    e.location_name, e.location_country, e.lat, e.lon,
    e.num_mentions, e.num_sources, e.num_articles, e.added_at, e.date_precision, e.modality"""

# Every event filter at once, a page at a time (the API and the web UI). Only the filters asked for are
# formatted in (fragments of EVENT_CONDITIONS, with placeholders named by the query code): a condition of
# the form ":since IS NULL OR e.date >= :since" would hide the date range from the planner, which then reads
# the whole date index instead of the range.
EVENTS_FILTERED = f"""
SELECT {EVENT_COLUMNS} FROM events e
WHERE 1 {{conditions}}
ORDER BY {{order}}
LIMIT :limit OFFSET :offset"""
# The orders a list of events can be sorted in ("-" first: descending), ties broken latest first; the value
# a user gives is looked up here, never formatted into the statement. Undated events sort last either way.
EVENT_SORTS = {
    "-date": "e.date DESC, e.pk DESC",
    "date": "e.date IS NULL, e.date, e.pk",
    **{
        f"{sign}{name}": f"{column} IS NULL, {column} {order}, e.date DESC, e.pk DESC"
        for name, column in (
            ("type", "e.type"),
            ("goldstein", "e.goldstein"),
            ("quad_class", "e.quad_class"),
            ("mentions", "e.num_mentions"),
            ("sources", "e.num_sources"),
            ("articles", "e.num_articles"),
        )
        for sign, order in (("", "ASC"), ("-", "DESC"))
    },
}
# Facets of a filtered event list: a column's values with their counts (the column from this fixed table).
EVENT_FACETS = {"type": "e.type", "country": "e.location_country"}
EVENT_FACET = """
SELECT {column}, count(*) FROM events e
WHERE {column} IS NOT NULL {conditions}
GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT :facet_size"""
# A timeline of the filtered events (kronika/store/timeline.py): events per day and QuadClass, day-dated only.
EVENT_DAYS = """
SELECT substr(e.date, 1, 10), e.quad_class, count(*) FROM events e
WHERE length(e.date) >= 10 {conditions}
GROUP BY 1, 2"""
EVENT_CONDITIONS = {
    "type": "AND e.type = :type",
    "modality": "AND e.modality = :modality",
    "since": "AND e.date >= :since",
    "until": "AND e.date <= :until",
    "quad_class": "AND e.quad_class = :quad_class",
    "country": "AND e.location_country = :country",
    "actor": "AND e.pk IN (SELECT p.event FROM event_participants p WHERE p.actor IN ({marks}){dates})",
    "initiator": "AND e.pk IN (SELECT p.event FROM event_participants p WHERE p.role = 'actor' "
    "AND p.actor IN ({marks}){dates})",
    "recipient": "AND e.pk IN (SELECT p.event FROM event_participants p WHERE p.role = 'recipient' "
    "AND p.actor IN ({marks}){dates})",
    # (an actor side as the list of its events; SIDE_EACH_EVENT below checks each event instead)
    "text": "AND e.pk IN (SELECT r.event FROM event_reports r WHERE r.article IN "
    "(SELECT rowid FROM article_search WHERE article_search MATCH :match))",
}
# A page of the events of a few actor keys (on one side or either), latest first, read off each key's participant
# index in its order (a participant row repeats its event's date; the index holds the key, the date and the
# event, then the role and position), the keys' lists merged by SQLite (MERGE (UNION): an event of two keys
# is one row): the page's rows and few more, where the other plans check every event of the date index or
# list and sort every event of the keys (on 1,000,000 events: Kim Jong Un's 51 latest as recipient 3.5 ->
# 0.17 ms, the four keys of PRK as recipient in 2010-2015 4.9 -> 0.4 ms). The page's order is the index's
# (p.date, p.event: the event's date and key), which the merge follows; a key twice in one event (both sides,
# or two positions) counts once, at its first role and position. Only the modality and the dates may
# filter besides (queries._keys_page).
EVENT_OF_KEY = (
    "SELECT "
    + EVENT_COLUMNS.replace("e.pk, e.id, e.date,", "p.event, e.id, p.date,")
    + """
FROM event_participants p INDEXED BY event_participants_actor CROSS JOIN events e ON e.pk = p.event
WHERE p.actor = :{key} {{role}}{{dates}}
  AND NOT EXISTS (SELECT 1 FROM event_participants q WHERE q.event = p.event AND q.actor = p.actor
                  AND (q.role, q.position) < (p.role, p.position){{same_role}})
  {{conditions}}"""
)
EVENTS_OF_KEYS_ORDER = "\nORDER BY 3 DESC, 1 DESC\nLIMIT :limit OFFSET :offset"  # p.date, p.event
KEY_ROLES = {"actor": "", "initiator": " AND p.role = 'actor'", "recipient": " AND p.role = 'recipient'"}
# An actor side checked event by event, for a page of a frequent actor read off the date index
# (queries._read_in_date_order): each event's few participant rows looked up by its key, where the list of
# the actor's events was built first (Kim Jong Un, 35,000 of 1,000,000 events: 11 -> 1 ms; four keys of PRK
# 28 -> 1.1 ms).
SIDE_LIST = "AND e.pk IN (SELECT p.event FROM event_participants p WHERE "
SIDE_EACH_EVENT = "AND EXISTS (SELECT 1 FROM event_participants p WHERE p.event = e.pk AND "
# A date range inside an actor side's list (a participant row repeats its event's date, never changed): the
# actor index reads the range only (recipient PRK in 2010-2015 on 1,000,000 events: 59 -> 4 ms of CPU).
SIDE_DATES = {"since": " AND p.date >= :since", "until": " AND p.date <= :until"}
# The text filter checked event by event, for a page read off the date index (queries._text_in_date_order):
# the matching articles are listed once, each event's reports looked up by its index and their article
# looked for in the list (``+r.article``: not the list's 12,000 articles each looked up in the reports).
# A common word reaches a page of its events in a few hundred events instead of listing all its events
# and sorting them ("Pekin" on 1,000,000 events: 320 -> 3 ms).
TEXT_EACH_EVENT = (
    "AND EXISTS (SELECT 1 FROM event_reports r WHERE r.event = e.pk AND +r.article IN "
    "(SELECT rowid FROM article_search WHERE article_search MATCH :match))"
)
# How many articles a search matches (FTS5 reads its doclist, no row), and the store's last article key.
COUNT_MATCHES = "SELECT count(*) FROM article_search WHERE article_search MATCH :match"
# At most :enough of them (which plan a page of a word's events takes needs no more: queries._text_in_date_order).
MATCHES_UP_TO = "SELECT count(*) FROM (SELECT 1 FROM article_search WHERE article_search MATCH :match LIMIT :enough)"
LAST_ARTICLE_KEY = "SELECT max(pk) FROM articles"
# The key of the newest of the latest ``:ranked`` matching articles: a ranked search ranks those only.
NEWEST_MATCHES_FLOOR = """
SELECT rowid FROM article_search WHERE article_search MATCH :match ORDER BY rowid DESC LIMIT 1 OFFSET :ranked - 1"""
# Keyset paging of a list in its default order (latest first: date DESC, pk DESC): the rows after a given
# one, found by its id. The dated rows after it come off the date index from its place (a seek, where an
# OFFSET reads and drops every row before the page); undated rows follow the dated ones.
EVENT_POSITION = "SELECT date, pk FROM events WHERE id = ?"
ARTICLE_POSITION = "SELECT date, pk FROM articles WHERE id = ?"
AFTER_DATED = {
    "events": "AND e.date <= :after_date AND (e.date < :after_date OR e.pk < :after_pk)",
    "articles": "AND a.date <= :after_date AND (a.date < :after_date OR a.pk < :after_pk)",
}
UNDATED = {"events": "AND e.date IS NULL", "articles": "AND a.date IS NULL"}
AFTER_UNDATED = {
    "events": "AND e.date IS NULL AND e.pk < :after_pk",
    "articles": "AND a.date IS NULL AND a.pk < :after_pk",
}
# How many events the actor keys of a filter take part in, and the store's last event key (its size, near
# enough): which plan a page of an actor's events takes (queries._read_in_date_order).
ACTOR_EVENT_COUNT = "SELECT coalesce(sum(events), 0) FROM actors WHERE key IN ({marks})"
# One actor's events on a side (or either), of every modality or asserted only: its running counts (the
# numbers /api/actors shows), the total of a list filtered by that actor alone.
ACTOR_SIDE_TOTALS = {
    ("actor", None): "SELECT events FROM actors WHERE key = ?",
    ("actor", "asserted"): "SELECT asserted_events FROM actors WHERE key = ?",
    ("initiator", None): "SELECT as_actor FROM actors WHERE key = ?",
    ("initiator", "asserted"): "SELECT asserted_as_actor FROM actors WHERE key = ?",
    ("recipient", None): "SELECT as_recipient FROM actors WHERE key = ?",
    ("recipient", "asserted"): "SELECT asserted_as_recipient FROM actors WHERE key = ?",
}
LAST_EVENT_KEY = "SELECT max(pk) FROM events"
EVENT_BY_ID = f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.id = ?"
REPORTS_OF_EVENT = """
SELECT a.id, a.title, a.url, a.source, a.date, r.ordinal, r.sentence, r.trigger_start, r.trigger_end,
       r.trigger_text, r.modality
FROM event_reports r JOIN articles a ON a.pk = r.article
WHERE r.event = ? ORDER BY r.pk"""
# Pages of every event in id order (keyset paging: each page starts after the last id of the one before).
EVENT_PAGE = f"""
SELECT {EVENT_COLUMNS} FROM events e WHERE e.pk > :after AND (:modality IS NULL OR e.modality = :modality)
ORDER BY e.pk LIMIT :limit"""

PARTICIPANTS_OF = """
SELECT event, role, entity, name, country, sector FROM event_participants
WHERE event IN ({marks}) ORDER BY event, role, position"""
# The first report of each event: its article gives SOURCEURL, the root-event flag and the tone.
# The columns in the order of an event record's first_report, then the article's tone (queries.first_reports).
FIRST_REPORTS_OF = """
SELECT r.event, a.id, a.url, a.source, r.sentence, r.trigger_text, a.tone
FROM event_reports r JOIN articles a ON a.pk = r.article
WHERE r.pk IN (SELECT min(pk) FROM event_reports WHERE event IN ({marks}) GROUP BY event)"""
AVERAGE_TONE_OF = """
SELECT r.event, avg(a.tone) FROM event_reports r JOIN articles a ON a.pk = r.article
WHERE r.event IN ({marks}) GROUP BY r.event"""

# A search is a part of a name, an id or key, or what the actor filters' resolver reads the words as (:named,
# a JSON list of keys: "Władimir Putin", "Putina", "Chiny" as every Chinese actor; kronika/store/resolve.py).
ACTOR_SEARCH = """(:search IS NULL OR name LIKE '%' || :search || '%' ESCAPE '\\' OR entity = :raw OR key = :raw
       OR key IN (SELECT value FROM json_each(:named)))
  AND (:country IS NULL OR country = :country)"""
# Everyone in an event, with the running counts of all events (modality "all") or of asserted ones (the
# default view), most events first; an actor named only in denied or intended events is not listed then.
ACTORS = f"""
SELECT key, entity, name, country, sector, events, as_actor, as_recipient, first_date, last_date FROM actors
WHERE {ACTOR_SEARCH}
ORDER BY {{order}}
LIMIT :limit OFFSET :offset"""
ASSERTED_ACTORS = f"""
SELECT key, entity, name, country, sector, asserted_events AS events, asserted_as_actor AS as_actor,
       asserted_as_recipient AS as_recipient, first_date, last_date FROM actors
WHERE asserted_events > 0 AND {ACTOR_SEARCH}
ORDER BY {{order}}
LIMIT :limit OFFSET :offset"""
# Other modalities (negated, intended, hypothetical: rare and rarely asked for) are counted from the events,
# read from the events_modality_date index and joined to their participants (CROSS JOIN keeps that order: the
# planner otherwise read every participant of every event, 0.9 s on 1,000,000 events).
ACTORS_OF_MODALITY = f"""
SELECT key, entity, name, country, sector, n.events AS events, n.as_actor AS as_actor,
       n.as_recipient AS as_recipient, first_date, last_date
FROM actors JOIN (
    SELECT p.actor, count(DISTINCT p.event) AS events, count(DISTINCT CASE WHEN p.role = 'actor' THEN p.event END)
           AS as_actor, count(DISTINCT CASE WHEN p.role = 'recipient' THEN p.event END) AS as_recipient
    FROM events e CROSS JOIN event_participants p ON p.event = e.pk WHERE e.modality = :modality GROUP BY p.actor
) n ON n.actor = actors.key
WHERE {ACTOR_SEARCH}
ORDER BY {{order}}
LIMIT :limit OFFSET :offset"""
# The orders of an actor list, by its output columns (the counts of the modality asked for).
ACTOR_SORTS = {
    "-events": "events DESC, name",
    "events": "events, name",
    "name": "name COLLATE NOCASE, key",
    "-name": "name COLLATE NOCASE DESC, key",
    **{
        f"{sign}{column}": f"{column} IS NULL, {column} {order}, name"
        for column in ("as_actor", "as_recipient", "first_date", "last_date")
        for sign, order in (("", "ASC"), ("-", "DESC"))
    },
}
# A list's total: the same statement unpaged, counted.
COUNTED = "SELECT count(*) FROM ({statement})"
ACTORS_OF_ENTITY = """
SELECT key, entity, name, country, sector, events, as_actor, as_recipient, first_date, last_date FROM actors
WHERE entity = :id OR key = :id ORDER BY events DESC"""
# Who an actor deals with: the participants on the other side of its events, most events first.
COUNTERPARTS = """
SELECT o.actor, o.entity, o.name, o.country, o.sector, count(DISTINCT o.event) AS events,
       sum(p.role = 'actor') AS as_recipient, sum(p.role = 'recipient') AS as_actor,
       round(avg(e.goldstein), 2) AS goldstein_mean
FROM event_participants p
JOIN event_participants o ON o.event = p.event AND o.role <> p.role
JOIN events e ON e.pk = p.event
WHERE p.actor IN ({marks}) AND o.actor NOT IN ({marks}) AND (? IS NULL OR e.modality = ?)
GROUP BY o.actor ORDER BY events DESC, o.name LIMIT ?"""

ENTITY = "SELECT id, name, type, country, sector FROM entities WHERE id = ?"
# Every way the articles wrote an entity, off the covering index mentions_entity (migration 3): a run of
# one index, already grouped by text.
ENTITY_ALIASES = """
SELECT m.text, count(*) AS mentions, count(DISTINCT m.article) AS articles
FROM mentions m WHERE m.entity = ? GROUP BY m.text ORDER BY mentions DESC, m.text"""
ENTITIES = """
SELECT n.id, n.name, n.type, n.country, n.sector,
       coalesce((SELECT ea.articles FROM entity_articles ea WHERE ea.entity = n.id), 0) AS articles,
       coalesce((SELECT sum(a.events) FROM actors a WHERE a.entity = n.id), 0) AS events
FROM entities n
WHERE (:search IS NULL OR n.name LIKE '%' || :search || '%' ESCAPE '\\' OR n.id = :raw)
  AND (:type IS NULL OR n.type = :type) AND (:country IS NULL OR n.country = :country)
ORDER BY events DESC, articles DESC, n.name
LIMIT :limit OFFSET :offset"""

# The text last: the query code cuts each listed article's snippet from it (kronika/store/snippets.py).
ARTICLE_COLUMNS = "a.id, a.date, a.title, a.url, a.source, a.tone, a.text"
ARTICLES = f"""
SELECT {ARTICLE_COLUMNS} FROM articles a
WHERE (:since IS NULL OR a.date >= :since) AND (:until IS NULL OR a.date <= :until) {{search}}
ORDER BY {{order}} LIMIT :limit OFFSET :offset"""
# Matching articles in a chosen order (a search is otherwise ranked, SEARCH_ARTICLES).
ARTICLE_MATCHES = "AND a.pk IN (SELECT rowid FROM article_search WHERE article_search MATCH :match)"
# A list of articles' total: only the filters given formatted in (as EVENTS_FILTERED), so the count reads the
# date index, never the rows (counting the unpaged list read every article's row: 2 s on 200,000 articles).
ARTICLES_COUNTED = "SELECT count(*) FROM articles a WHERE 1 {conditions}"
ARTICLE_COUNT_CONDITIONS = {"since": "AND a.date >= :since", "until": "AND a.date <= :until", "match": ARTICLE_MATCHES}
ARTICLE_SORTS = {
    "-date": "a.date DESC, a.pk DESC",
    "date": "a.date IS NULL, a.date, a.pk",
    **{
        f"{sign}{column}": f"a.{column} IS NULL, a.{column} {order}, a.date DESC, a.pk DESC"
        for column in ("title", "source", "tone")
        for sign, order in (("", "ASC"), ("-", "DESC"))
    },
}
# The page is ranked first and only its rows are read for the snippet: reading the text of every match
# before the sort cost more than ranking them (13,800 matches: 36 -> 22 ms). A common word ranks its latest
# matches only (``:floor``, queries.RANKED_MATCHES): FTS5's rank of 12,000 matches and their dates cost
# 330 ms on 1,000,000 events, of the latest 2,000 about 30.
SEARCH_ARTICLES = f"""
SELECT {ARTICLE_COLUMNS} FROM (
    SELECT s.rowid AS pk, s.rank AS rank, a.date AS date FROM article_search s JOIN articles a ON a.pk = s.rowid
    WHERE article_search MATCH :match AND s.rowid >= :floor
      AND (:since IS NULL OR a.date >= :since) AND (:until IS NULL OR a.date <= :until)
    ORDER BY s.rank, a.date DESC LIMIT :limit OFFSET :offset
) hit JOIN articles a ON a.pk = hit.pk
ORDER BY hit.rank, hit.date DESC"""
ARTICLE_PAGE = "SELECT pk, text, record FROM articles WHERE pk > :after ORDER BY pk LIMIT :limit"
ARTICLE = "SELECT pk, text, record FROM articles WHERE id = ?"
# Which stored (deduplicated) event each of an article's coded events became, by its place in the record.
ARTICLE_EVENT_IDS = """
SELECT r.ordinal, e.id FROM event_reports r JOIN events e ON e.pk = r.event WHERE r.article = ?"""

# A relation time series: both directions between two countries, per period. The period expression is
# picked from this fixed table, never built from user input.
# An event dated less precisely than the period (a month-dated event in a series by day) has no period
# and stays out of that series rather than posing as the month's first day.
PERIODS = {
    "day": "CASE WHEN length(d.date) >= 10 THEN substr(d.date, 1, 10) END",
    # ISO 8601 weeks ("2025-W01" from Monday 2024-12-30): SQLite's strftime has %V only from 3.46, so the
    # query code registers iso_week (queries.iso_week) on the connection before it runs a series by week.
    "week": "CASE WHEN length(d.date) >= 10 THEN iso_week(substr(d.date, 1, 10)) END",
    "month": "CASE WHEN length(d.date) >= 7 THEN substr(d.date, 1, 7) END",
    "year": "substr(d.date, 1, 4)",
}
# Both directions of a pair over the dates asked, per period (RELATIONS and RELATIONS_SUMMED).
_RELATION_SERIES = """
WHERE ((d.actor_country = :a AND d.recipient_country = :b) OR (d.actor_country = :b AND d.recipient_country = :a))
  AND (:since IS NULL OR d.date >= :since) AND (:until IS NULL OR d.date <= :until)
  AND (:modality IS NULL OR {modality} = :modality)
  AND {{period}} IS NOT NULL
GROUP BY period, d.actor_country, d.recipient_country
ORDER BY period, source"""
RELATIONS = """
SELECT {period} AS period, d.actor_country AS source, d.recipient_country AS target,
       count(*) AS events, sum(e.num_mentions) AS mentions,
       avg(d.goldstein) AS goldstein_mean, sum(d.goldstein) AS goldstein_sum,
       sum(d.quad_class = 1) AS quad1_verbal_cooperation, sum(d.quad_class = 2) AS quad2_material_cooperation,
       sum(d.quad_class = 3) AS quad3_verbal_conflict, sum(d.quad_class = 4) AS quad4_material_conflict
FROM dyads d JOIN events e INDEXED BY events_joined ON e.pk = d.event""" + _RELATION_SERIES.format(
    modality="e.modality"
)

STATS = (
    ("articles", "SELECT count(*) FROM articles"),
    ("entities", "SELECT count(*) FROM entities"),
    ("mentions", "SELECT count(*) FROM mentions"),
    ("timexes", "SELECT count(*) FROM timexes"),
    ("events", "SELECT count(*) FROM events"),
    ("event_reports", "SELECT count(*) FROM event_reports"),
    ("actors", "SELECT count(*) FROM actors"),
    ("quotes", "SELECT count(*) FROM quotes"),
    ("amounts", "SELECT count(*) FROM amounts"),
    ("claims", "SELECT count(*) FROM claims"),
    ("claims_with_claimant", "SELECT count(*) FROM claims WHERE claimant IS NOT NULL"),
    ("claims_with_event", "SELECT count(*) FROM claims WHERE event IS NOT NULL"),
    ("first_article_date", "SELECT min(date) FROM articles"),
    ("last_article_date", "SELECT max(date) FROM articles"),
    ("first_event_date", "SELECT min(date) FROM events"),
    ("last_event_date", "SELECT max(date) FROM events"),
    ("schema_version", "PRAGMA user_version"),
)
EVENT_TYPE_COUNTS = """
SELECT type, count(*) FROM events WHERE (:modality IS NULL OR modality = :modality)
GROUP BY type ORDER BY count(*) DESC, type"""
EVENT_MODALITY_COUNTS = "SELECT modality, count(*) FROM events GROUP BY modality ORDER BY count(*) DESC, modality"


EVENT_TOTAL = "SELECT coalesce(sum(events), 0) FROM event_totals WHERE :modality IS NULL OR modality = :modality"


# The entity page from the summaries: its aliases, and the actors it deals with (its keys' rows summed
# over the modalities asked for; the other side's name and codes from actors).
SUMMED_ALIASES = """
SELECT text, mentions, articles FROM entity_aliases WHERE entity = ? ORDER BY mentions DESC, text"""
SUMMED_COUNTERPARTS = """
SELECT c.other AS actor, a.entity, a.name, a.country, a.sector, sum(c.events) AS events,
       sum(c.as_recipient) AS as_recipient, sum(c.as_actor) AS as_actor,
       round(sum(c.goldstein_sum) / nullif(sum(c.goldstein_n), 0), 2) AS goldstein_mean
FROM entity_counterparts c JOIN actors a ON a.key = c.other
WHERE c.actor IN ({marks}) AND c.other NOT IN ({marks}) AND (? IS NULL OR c.modality = ?)
GROUP BY c.other HAVING sum(c.events) > 0 ORDER BY events DESC, a.name LIMIT ?"""


# RELATIONS from the kept sums (the same columns and values; ``d`` is the alias PERIODS reads the date from).
RELATIONS_SUMMED = """
SELECT {period} AS period, d.actor_country AS source, d.recipient_country AS target,
       sum(d.events) AS events, sum(d.mentions) AS mentions,
       sum(d.goldstein_sum) / nullif(sum(d.goldstein_n), 0) AS goldstein_mean,
       CASE WHEN sum(d.goldstein_n) > 0 THEN sum(d.goldstein_sum) END AS goldstein_sum,
       sum(CASE d.quad_class WHEN 1 THEN d.events ELSE 0 END) AS quad1_verbal_cooperation,
       sum(CASE d.quad_class WHEN 2 THEN d.events ELSE 0 END) AS quad2_material_cooperation,
       sum(CASE d.quad_class WHEN 3 THEN d.events ELSE 0 END) AS quad3_verbal_conflict,
       sum(CASE d.quad_class WHEN 4 THEN d.events ELSE 0 END) AS quad4_material_conflict
FROM relation_counts d""" + _RELATION_SERIES.format(modality="d.modality")
# The same series as two one-way series, each grouped by its period alone, merged in order (queries.relations,
# two different countries): each direction's rows come off the primary key in date order and are grouped in
# a sort of their own, where RELATIONS_SUMMED's multi-index OR sorted both directions' rows by period and pair
# together (CHN-PRK by month on 1,000,000 events, 1,500 rows: 2.0 -> 1.5 ms of CPU). The same rows in the
# same order within each group, so the same sums.
_RELATIONS_ONE_WAY = (
    RELATIONS_SUMMED.split("WHERE")[0]
    + """WHERE d.actor_country = :source AND d.recipient_country = :target
  AND (:since IS NULL OR d.date >= :since) AND (:until IS NULL OR d.date <= :until)
  AND (:modality IS NULL OR d.modality = :modality)
  AND {period} IS NOT NULL
GROUP BY period"""
)
RELATIONS_BOTH_WAYS = (
    "SELECT * FROM ("
    + _RELATIONS_ONE_WAY.replace(":source", ":a").replace(":target", ":b")
    + ")\nUNION ALL\nSELECT * FROM ("
    + _RELATIONS_ONE_WAY.replace(":source", ":b").replace(":target", ":a")
    + ")\nORDER BY period, source"
)


ARTICLE_TOTAL = "SELECT articles FROM article_totals"
# The event filters on the categories and dates, on event_counts (the same names and parameters as
# EVENT_CONDITIONS). Every modality ("all"): those the store holds, so the primary key is still read in order.
EVENT_COUNT_CONDITIONS = {
    "type": "AND c.type = :type",
    "modality": "AND c.modality = :modality",
    "all_modalities": "AND c.modality IN (SELECT modality FROM event_totals)",
    "since": "AND c.date >= :since",
    "until": "AND c.date <= :until AND c.date <> ''",
    "quad_class": "AND c.quad_class = :quad_class",
    "country": "AND c.country = :country",
}
# The dated events of the filters per date, latest first: where a deep offset lands (queries._seek_offset), read
# off migration event_days' covering index (modality, date, events) without a look-up per row.
EVENT_COUNTS_BY_DATE = """
SELECT c.date, sum(c.events) FROM event_counts c WHERE c.date > '' {conditions}
GROUP BY c.date ORDER BY c.date DESC"""
# A latest-first page from a date on: the events of later dates are skipped by their counts, not read.
EVENTS_FROM_DATE = "AND e.date <= :seek_date"
EVENT_COUNTS_SUMMED = "SELECT coalesce(sum(c.events), 0) FROM event_counts c WHERE 1 {conditions}"
# Whether any event has them (the first row found ends the read; none found reads the rows of those asked).
EVENT_COUNTS_ANY = "SELECT EXISTS (SELECT 1 FROM event_counts c WHERE 1 {conditions})"
# EVENT_FACET and EVENT_DAYS from the counts (a missing country is no facet value, as NULL is not).
EVENT_COUNT_FACETS = {"type": "c.type", "country": "nullif(c.country, '')"}
EVENT_COUNT_FACET = """
SELECT {column}, sum(c.events) FROM event_counts c
WHERE {column} IS NOT NULL {conditions}
GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT :facet_size"""
EVENT_COUNT_DAYS = """
SELECT substr(c.date, 1, 10), nullif(c.quad_class, 0), sum(c.events) FROM event_counts c
WHERE length(c.date) >= 10 {conditions}
GROUP BY 1, 2"""
# A total of filters the counts cannot answer (an actor, words) counts at most :cap matching events.
EVENTS_COUNTED_UP_TO = "SELECT count(*) FROM (SELECT 1 FROM events e WHERE 1 {conditions} LIMIT :cap)"
# Of words, from the matching articles' reports, each event once: stops at the cap, where the text condition's
# list of every event of every matching article is built first ("Pekin" on 1,000,000 events: 26 -> 6 ms).
EVENTS_OF_WORDS_COUNTED_UP_TO = """
SELECT count(*) FROM (
  SELECT DISTINCT r.event FROM article_search s JOIN event_reports r ON r.article = s.rowid
  JOIN events e ON e.pk = r.event
  WHERE article_search MATCH :match {conditions} LIMIT :cap)"""


ENTITIES_BY_ID = "SELECT id, name, type, country FROM entities WHERE id IN ({marks})"
EVENTS_BY_PK = f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.pk IN ({{marks}}) ORDER BY e.date, e.pk"

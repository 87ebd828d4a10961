"""Reading events: the filtered, sorted and paged list (the API, the web UI, ``kronika events``) with its
facets and timeline, the plans a page of an actor's or a word's events takes, one event with its reports,
and the participants and first reports of many events at once.
"""

# --- the filtered list and its pages ----------------------------------------------------------------------

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
# How many events the actor keys of a filter take part in, and the store's last event key (its size, near
# enough): which plan a page of an actor's events takes (queries._read_in_date_order).
ACTOR_EVENT_COUNT = "SELECT coalesce(sum(events), 0) FROM actors WHERE key IN ({marks})"
LAST_EVENT_KEY = "SELECT max(pk) FROM events"

# --- one event, and many by key ---------------------------------------------------------------------------

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
EVENTS_BY_PK = f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.pk IN ({{marks}}) ORDER BY e.date, e.pk"

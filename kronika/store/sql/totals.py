"""Reading totals: the store's statistics, the totals kept by triggers (``summaries.py``), the counts of
filtered events from ``event_counts``, and capped counts where no kept count answers.
"""

# `kronika stats`: each measure's name and statement; then the events per modality and per type.
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

# --- kept totals ------------------------------------------------------------------------------------------

# An unfiltered list's total: its events (of one modality, or of every one) or articles, kept by triggers.
EVENT_TOTAL = "SELECT coalesce(sum(events), 0) FROM event_totals WHERE :modality IS NULL OR modality = :modality"
ARTICLE_TOTAL = "SELECT articles FROM article_totals"
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

# --- events per category and date (event_counts) ----------------------------------------------------------

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
# The dated events of the filters per date, latest first: where a deep offset lands (queries._seek_offset), read
# off migration event_days' covering index (modality, date, events) without a look-up per row.
EVENT_COUNTS_BY_DATE = """
SELECT c.date, sum(c.events) FROM event_counts c WHERE c.date > '' {conditions}
GROUP BY c.date ORDER BY c.date DESC"""
# A latest-first page from a date on: the events of later dates are skipped by their counts, not read.
EVENTS_FROM_DATE = "AND e.date <= :seek_date"

# --- capped counts ----------------------------------------------------------------------------------------

# A total of filters the counts cannot answer (an actor, words) counts at most :cap matching events.
EVENTS_COUNTED_UP_TO = "SELECT count(*) FROM (SELECT 1 FROM events e WHERE 1 {conditions} LIMIT :cap)"
# Of one actor side, its keys' participant rows read in the actor index and each event checked as it comes: stops
# at the cap, where the side's list of every event of its keys in the range is built first (PRK's four keys as
# recipient in 2010-2015, 2,570 events of 1,000,000). DISTINCT: an event with two of the keys is one.
SIDE_COUNTED_UP_TO = """
SELECT count(*) FROM (
  SELECT DISTINCT p.event FROM event_participants p INDEXED BY event_participants_actor CROSS JOIN events e ON e.pk = p.event
  WHERE p.actor IN ({marks}){role}{dates} {conditions} LIMIT :cap)"""
# Of words, from the matching articles' reports, each event once: stops at the cap, where the text condition's
# list of every event of every matching article is built first ("Pekin" on 1,000,000 events: 26 -> 6 ms).
EVENTS_OF_WORDS_COUNTED_UP_TO = """
SELECT count(*) FROM (
  SELECT DISTINCT r.event FROM article_search s JOIN event_reports r ON r.article = s.rowid
  JOIN events e ON e.pk = r.event
  WHERE article_search MATCH :match {conditions} LIMIT :cap)"""

"""Writing an analysed article (``kronika/store/write.py``): its rows, its events matched to the stored ones
(the cross-article deduplication), their participants, actors, dyads and reports, and each event's
coding and counts recomputed from its reports.
"""

INSERT_ARTICLE = """
INSERT OR IGNORE INTO articles (id, url, source, date, lang, title, tone, text, record, added_at)
VALUES (:id, :url, :source, :date, :lang, :title, :tone, :text, :record, :added_at)"""
INSERT_ARTICLE_LEMMAS = "INSERT INTO article_search (rowid, lemmas) VALUES (?, ?)"
UPSERT_ENTITY = """
INSERT INTO entities (id, name, type, country, sector) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET
    name = excluded.name, type = coalesce(excluded.type, type),
    country = coalesce(excluded.country, country), sector = coalesce(excluded.sector, sector)"""
INSERT_ARTICLE_ENTITY = "INSERT OR IGNORE INTO article_entities (article, entity) VALUES (?, ?)"
INSERT_MENTION = "INSERT INTO mentions (article, entity, start, end, text) VALUES (?, ?, ?, ?, ?)"
INSERT_TIMEX = "INSERT INTO timexes (article, start, end, text, type, value, anchor) VALUES (?, ?, ?, ?, ?, ?, ?)"
INSERT_QUOTE = """
INSERT INTO quotes (article, start, end, text, speaker_entity, speaker_name, verb) VALUES (?, ?, ?, ?, ?, ?, ?)"""
INSERT_AMOUNT = """
INSERT INTO amounts (article, start, end, text, value, approximate, object, category, claimant_entity, claimant_name)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
# The same event: same type, participants and modality (a denial is not a report of the attack it denies),
# and a day-precision date within one day (nearest first), or the same coarser date ("2025-09") at the same
# precision.
MATCH_EVENT_BY_DAY = """
SELECT pk FROM events
WHERE type = :type AND actor_key = :actor_key AND recipient_key = :recipient_key
  AND day BETWEEN :day - 1 AND :day + 1 AND modality = :modality
ORDER BY abs(day - :day), pk LIMIT 1"""
MATCH_EVENT_BY_DATE = """
SELECT pk FROM events
WHERE type = :type AND actor_key = :actor_key AND recipient_key = :recipient_key
  AND day IS NULL AND date IS :date AND date_precision IS :date_precision AND modality = :modality
ORDER BY pk LIMIT 1"""
INSERT_EVENT = """
INSERT INTO events (id, type, mode, context, cameo, goldstein, quad_class, date, date_precision, day,
                    location_name, location_country, lat, lon, actor_key, recipient_key, added_at, modality)
VALUES (:id, :type, :mode, :context, :cameo, :goldstein, :quad_class, :date, :date_precision, :day,
        :location_name, :location_country, :lat, :lon, :actor_key, :recipient_key, :added_at, :modality)"""
INSERT_PARTICIPANT = """
INSERT INTO event_participants (event, role, position, actor, entity, name, country, sector, date)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"""
UPSERT_ACTOR = """
INSERT INTO actors (key, entity, name, country, sector, events, as_actor, as_recipient, first_date, last_date,
                    asserted_events, asserted_as_actor, asserted_as_recipient)
VALUES (:key, :entity, :name, :country, :sector, 1, :as_actor, :as_recipient, :date, :date,
        :asserted, :asserted * :as_actor, :asserted * :as_recipient)
ON CONFLICT (key) DO UPDATE SET
    events = events + 1,
    as_actor = as_actor + excluded.as_actor,
    as_recipient = as_recipient + excluded.as_recipient,
    asserted_events = asserted_events + excluded.asserted_events,
    asserted_as_actor = asserted_as_actor + excluded.asserted_as_actor,
    asserted_as_recipient = asserted_as_recipient + excluded.asserted_as_recipient,
    country = coalesce(country, excluded.country),
    sector = coalesce(sector, excluded.sector),
    first_date = CASE WHEN first_date IS NULL OR excluded.first_date < first_date
                      THEN excluded.first_date ELSE first_date END,
    last_date = CASE WHEN last_date IS NULL OR excluded.last_date > last_date
                     THEN excluded.last_date ELSE last_date END"""
INSERT_DYAD = """
INSERT OR IGNORE INTO dyads (actor_country, recipient_country, date, event, goldstein, quad_class)
VALUES (?, ?, ?, ?, ?, ?)"""
INSERT_REPORT = """
INSERT INTO event_reports (event, article, ordinal, source, sentence, trigger_start, trigger_end, trigger_text,
                           modality, mode, context, date, date_precision, reported_by)
VALUES (:event, :article, :ordinal, :source, :sentence, :trigger_start, :trigger_end, :trigger_text,
        :modality, :mode, :context, :date, :date_precision, :reported_by)"""
# The mode its reports give most often (a tie goes to the one reported first); null when none gives one.
MAJORITY_MODE = """
SELECT mode FROM event_reports WHERE event = :pk AND mode IS NOT NULL
GROUP BY mode ORDER BY count(*) DESC, min(pk) LIMIT 1"""
RECODE_EVENT = """
UPDATE events SET mode = :mode, context = :context, cameo = :cameo, goldstein = :goldstein,
                  quad_class = :quad_class
WHERE pk = :pk"""
RECODE_DYADS = "UPDATE dyads SET goldstein = :goldstein, quad_class = :quad_class WHERE event = :pk"
# GDELT's counts: every report is a mention; distinct articles; distinct sources (outlets).
UPDATE_EVENT_COUNTS = """
UPDATE events SET
    num_mentions = (SELECT count(*) FROM event_reports WHERE event = :pk),
    num_articles = (SELECT count(DISTINCT article) FROM event_reports WHERE event = :pk),
    num_sources = (SELECT count(DISTINCT source) FROM event_reports WHERE event = :pk)
WHERE pk = :pk"""

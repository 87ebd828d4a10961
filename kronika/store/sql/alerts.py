"""Alerts (``kronika/alerts``): what the rules measure (daily series of a country pair or a country, stories
reaching many outlets or languages, an actor's event types on a day), the events behind a measure, the
days a round evaluates, and the alerts raised with their events.
"""

# Daily series of asserted, day-dated events: a directed country pair (from `dyads`), or every event a
# country's actor takes part in on either side.
SERIES_MEASURES = """count(DISTINCT e.pk) AS events, sum(e.goldstein) AS goldstein,
       sum(e.quad_class = 1) AS quad1, sum(e.quad_class = 2) AS quad2, sum(e.quad_class = 3) AS quad3,
       sum(e.quad_class = 4) AS quad4"""
RELATION_DAYS = f"""
SELECT e.date AS day, {SERIES_MEASURES}
FROM dyads d JOIN events e ON e.pk = d.event
WHERE d.actor_country = :a AND d.recipient_country = :b AND d.date BETWEEN :lo AND :hi
  AND e.day IS NOT NULL AND e.modality = 'asserted'
GROUP BY e.date"""
COUNTRY_DAYS = f"""
SELECT e.date AS day, {SERIES_MEASURES}
FROM events e
WHERE e.date BETWEEN :lo AND :hi AND e.day IS NOT NULL AND e.modality = 'asserted'
  AND EXISTS (SELECT 1 FROM event_participants p WHERE p.event = e.pk AND p.country = :country)
GROUP BY e.date"""
# The events behind one day of a series (`quad` narrows to one QuadClass for a quadN measure).
RELATION_DAY_EVENTS = """
SELECT DISTINCT e.pk FROM dyads d JOIN events e ON e.pk = d.event
WHERE d.actor_country = :a AND d.recipient_country = :b AND e.date = :day AND e.day IS NOT NULL
  AND e.modality = 'asserted' AND (:quad IS NULL OR e.quad_class = :quad)
ORDER BY e.pk LIMIT :limit"""
COUNTRY_DAY_EVENTS = """
SELECT e.pk FROM events e
WHERE e.date = :day AND e.day IS NOT NULL AND e.modality = 'asserted' AND (:quad IS NULL OR e.quad_class = :quad)
  AND EXISTS (SELECT 1 FROM event_participants p WHERE p.event = e.pk AND p.country = :country)
ORDER BY e.pk LIMIT :limit"""
# Stories by their articles dated within a window: outlets and languages reached there.
STORIES_REACHING = """
SELECT s.pk, s.id, count(DISTINCT a.source) AS sources, count(DISTINCT coalesce(sa.lang, a.lang)) AS languages,
       group_concat(DISTINCT coalesce(sa.lang, a.lang)) AS langs, group_concat(DISTINCT a.id) AS articles
FROM story_articles sa JOIN articles a ON a.pk = sa.article JOIN stories s ON s.pk = sa.story
WHERE substr(a.date, 1, 10) BETWEEN :lo AND :hi AND length(a.date) >= 10
GROUP BY s.pk
HAVING count(DISTINCT a.source) >= :min_sources OR count(DISTINCT coalesce(sa.lang, a.lang)) >= :min_languages
ORDER BY s.pk"""
STORY_EVENT_PKS = "SELECT pk FROM events WHERE story = ? ORDER BY pk LIMIT ?"
# Days that gained articles or events since a moment (what a watch round has to evaluate).
DAYS_ADDED_SINCE = """
SELECT DISTINCT day FROM (
    SELECT date AS day FROM events WHERE added_at >= :since AND day IS NOT NULL
    UNION SELECT substr(date, 1, 10) FROM articles WHERE added_at >= :since AND length(date) >= 10)
ORDER BY day"""
DATE_SPAN = """
SELECT min(day), max(day) FROM (SELECT date AS day FROM events WHERE day IS NOT NULL
                                UNION ALL SELECT substr(date, 1, 10) FROM articles WHERE length(date) >= 10)"""
INSERT_ALERT = """
INSERT OR IGNORE INTO alerts (id, rule, kind, subject, measure, day, value, baseline, score, message, detail,
                              raised_at)
VALUES (:id, :rule, :kind, :subject, :measure, :day, :value, :baseline, :score, :message, :detail, :raised_at)"""
INSERT_ALERT_EVENT = "INSERT OR IGNORE INTO alert_events (alert, event) VALUES (?, ?)"
ALERT_COLUMNS = (
    "a.pk, a.id, a.rule, a.kind, a.subject, a.measure, a.day, a.value, a.baseline, a.score, a.message, "
    "a.detail, a.raised_at"
)
ALERTS = f"""
SELECT {ALERT_COLUMNS} FROM alerts a
WHERE (:rule IS NULL OR a.rule = :rule) AND (:since IS NULL OR a.day >= :since) AND (:until IS NULL OR a.day <= :until)
ORDER BY a.day DESC, a.pk DESC LIMIT :limit OFFSET :offset"""
ALERT_EVENT_IDS = """
SELECT ae.alert, e.id FROM alert_events ae JOIN events e ON e.pk = ae.event
WHERE ae.alert IN ({marks}) ORDER BY ae.alert, e.pk"""
EVENT_IDS_BY_PK = "SELECT pk, id FROM events WHERE pk IN ({marks})"
# A named actor's event types on one day, and whether it took part in an event of a type before that day.
ACTOR_TYPES_ON_DAY = """
SELECT e.type, group_concat(DISTINCT e.pk) FROM events e JOIN event_participants p ON p.event = e.pk
WHERE p.actor IN ({marks}) AND e.date = ? AND e.day IS NOT NULL AND e.modality = 'asserted'
GROUP BY e.type ORDER BY e.type"""
ACTOR_TYPE_BEFORE = """
SELECT 1 FROM events e JOIN event_participants p ON p.event = e.pk
WHERE p.actor IN ({marks}) AND e.type = ? AND e.date < ? AND e.modality = 'asserted' LIMIT 1"""

"""Reading entities: one entity's page (its aliases, actor rows, counterparts) and the list of entities."""

ENTITY = "SELECT id, name, type, country, sector FROM entities WHERE id = ?"
# Every way the articles wrote an entity, off the covering index mentions_entity (migration 3): a run of
# one index, already grouped by text.
ENTITY_ALIASES = """
SELECT m.text, count(*) AS mentions, count(DISTINCT m.article) AS articles
FROM mentions m WHERE m.entity = ? GROUP BY m.text ORDER BY mentions DESC, m.text"""
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
ENTITIES = """
SELECT n.id, n.name, n.type, n.country, n.sector,
       coalesce((SELECT ea.articles FROM entity_articles ea WHERE ea.entity = n.id), 0) AS articles,
       coalesce((SELECT sum(a.events) FROM actors a WHERE a.entity = n.id), 0) AS events
FROM entities n
WHERE (:search IS NULL OR n.name LIKE '%' || :search || '%' ESCAPE '\\' OR n.id = :raw)
  AND (:type IS NULL OR n.type = :type) AND (:country IS NULL OR n.country = :country)
ORDER BY events DESC, articles DESC, n.name
LIMIT :limit OFFSET :offset"""
# The names of a story's entities (kronika/store/stories.py).
ENTITIES_BY_ID = "SELECT id, name, type, country FROM entities WHERE id IN ({marks})"

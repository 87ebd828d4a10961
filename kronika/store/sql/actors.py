"""Reading actors: the keys a user's actor names, and the list of everyone who took part in an event."""

# Actor keys a user's --actor names: an entity id, a canonical name (any case), an actor key, or a code
# made of a country and optionally a sector ("PRK", "CHNGOV").
RESOLVE_ACTOR = """
SELECT key FROM actors WHERE entity = :q
UNION SELECT key FROM actors WHERE name = :q COLLATE NOCASE
UNION SELECT key FROM actors WHERE key = :q
UNION SELECT key FROM actors WHERE country = :country AND (:sector IS NULL OR sector = :sector)"""
# Actors whose name holds every word typed (kronika/store/resolve.py formats one LIKE group per word).
ACTORS_NAMED_LIKE = "SELECT key FROM actors WHERE {conditions} ORDER BY events DESC, key"
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

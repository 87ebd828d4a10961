"""Claims (``kronika/store/claims.py``): every amount with its claimant, story and event, written with its
article (and by migration 4 from the records stored before it) and read by story, event or article.
"""

INSERT_CLAIM = """
INSERT INTO claims (article, ordinal, story, event, date, category, unit, value, approximate, text, start, end,
                    claimant, claimant_entity, claimant_name, claimant_country)
VALUES (:article, :ordinal, :story, :event, :date, :category, :unit, :value, :approximate, :text, :start, :end,
        :claimant, :claimant_entity, :claimant_name, :claimant_country)"""
# Migration 4 fills the table from the records stored before it: only articles with amounts are read.
ARTICLES_WITH_AMOUNTS = """
SELECT a.pk, a.date, a.record, (SELECT sa.story FROM story_articles sa WHERE sa.article = a.pk)
FROM articles a WHERE a.pk IN (SELECT DISTINCT article FROM amounts) AND a.pk > :after
ORDER BY a.pk LIMIT :limit"""
REPORTED_EVENTS = "SELECT ordinal, event FROM event_reports WHERE article = ?"
CLAIM_COLUMNS = """
    c.category, c.unit, c.value, c.approximate, c.text, c.claimant, c.claimant_entity, c.claimant_name,
    c.claimant_country, c.event, a.id, a.date, a.title, a.source, c.start, c.end"""
# Claims filtered by the keys given (only those formatted in, as for EVENTS_FILTERED), oldest article first.
# Each key is looked up once by its unique index, so the claims themselves come off claims_story,
# claims_event or the (article, ordinal) key.
CLAIMS = f"""
SELECT {CLAIM_COLUMNS} FROM claims c JOIN articles a ON a.pk = c.article
WHERE 1 {{conditions}}
ORDER BY a.date, a.pk, c.ordinal"""
CLAIM_CONDITIONS = {
    "story": "AND c.story = (SELECT pk FROM stories WHERE id = :story)",
    "event": "AND c.event = (SELECT pk FROM events WHERE id = :event)",
    "article": "AND c.article = (SELECT pk FROM articles WHERE id = :article)",
    "category": "AND c.category = :category",
}
# Whether a story, event or article named by a claims query is in the store at all.
CLAIM_KEY_EXISTS = {
    "story": "SELECT 1 FROM stories WHERE id = ?",
    "event": "SELECT 1 FROM events WHERE id = ?",
    "article": "SELECT 1 FROM articles WHERE id = ?",
}

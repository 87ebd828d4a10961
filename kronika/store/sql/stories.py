"""Stories and threads: the online clusterer's state, written as articles arrive (``kronika/stories/store.py``),
and the stories, threads and their articles and events as the query commands read them
(``kronika/store/stories.py``).
"""

from __future__ import annotations

# --- the clusterer's state, written as articles arrive ----------------------------------------------------

STORY_COLUMNS = "pk, id, size, day_lo, day_hi, month_lo, month_hi, vector_sum, counts, weights, titles"


def clusterer_statements(table: str, keys: str, key_column: str) -> dict[str, str]:
    """The statements that read and write one level's clusterer state: stories (``story_keys``) or threads
    (``thread_keys``, migration 6); both tables have the same state columns."""
    return {
        "in_window": f"SELECT {STORY_COLUMNS} FROM {table} WHERE hi >= :lo AND lo <= :hi ORDER BY pk",
        "of_key": f"SELECT {key_column} FROM {keys} WHERE key = ? ORDER BY {key_column} DESC LIMIT ?",
        "recent": f"SELECT pk FROM {table} ORDER BY touched DESC LIMIT ?",
        "by_pk": f"SELECT {STORY_COLUMNS}, lo FROM {table} WHERE pk IN ({{marks}}) ORDER BY pk",
        "next_touch": f"SELECT coalesce(max(touched), 0) + 1 FROM {table}",
        "insert": f"""
INSERT INTO {table} (id, size, day_lo, day_hi, month_lo, month_hi, lo, hi, vector_sum, counts, weights, titles,
                     touched, added_at, updated_at)
VALUES (:id, :size, :day_lo, :day_hi, :month_lo, :month_hi, :lo, :hi, :vector_sum, :counts, :weights, :titles,
        :touched, :now, :now)""",
        "update": f"""
UPDATE {table} SET size = :size, day_lo = :day_lo, day_hi = :day_hi, month_lo = :month_lo, month_hi = :month_hi,
    lo = :lo, hi = :hi, vector_sum = :vector_sum, counts = :counts, weights = :weights, titles = :titles,
    touched = :touched, updated_at = :now
WHERE pk = :pk""",
        "insert_key": f"INSERT OR IGNORE INTO {keys} (key, {key_column}) VALUES (?, ?)",
    }


STORY_STATE = clusterer_statements("stories", "story_keys", "story")
THREAD_STATE = clusterer_statements("threads", "thread_keys", "thread")
STORY_THREAD = "SELECT thread FROM stories WHERE pk = ?"
SET_STORY_THREAD = "UPDATE stories SET thread = ? WHERE pk = ?"
INSERT_STORY_ARTICLE = """
INSERT OR IGNORE INTO story_articles (article, story, lang, cosine, evidence) VALUES (?, ?, ?, ?, ?)"""
# Events first reported in articles of this story belong to it. Their GDELT counts take only the articles
# that report the event: its coded reports, and the story's articles in languages no pack codes events for
# (:coded, a JSON list) whose text names every participant the event has a knowledge-base entity for (an
# event without one gains none). Outlets are counted over the same articles, so NumSources <= NumArticles.
SET_EVENT_STORY = "UPDATE events SET story = :story WHERE pk = :event AND story IS NULL"
_NAMING_ARTICLES = """
    SELECT sa.article AS article, a.source AS source FROM story_articles sa JOIN articles a ON a.pk = sa.article
    WHERE sa.story = :story AND coalesce(sa.lang, '') NOT IN (SELECT value FROM json_each(:coded))
      AND EXISTS (SELECT 1 FROM event_participants p WHERE p.event = events.pk AND p.entity IS NOT NULL)
      AND NOT EXISTS (SELECT 1 FROM event_participants p WHERE p.event = events.pk AND p.entity IS NOT NULL
                      AND NOT EXISTS (SELECT 1 FROM article_entities ae
                                      WHERE ae.article = sa.article AND ae.entity = p.entity))"""
_STORY_EVENT_COUNTS = f"""
UPDATE events SET
    num_mentions = (SELECT count(*) FROM event_reports WHERE event = events.pk)
                   + (SELECT count(*) FROM ({_NAMING_ARTICLES})),
    num_articles = (SELECT count(*) FROM (SELECT article FROM event_reports WHERE event = events.pk
                                          UNION SELECT article FROM ({_NAMING_ARTICLES}))),
    num_sources = (SELECT count(*) FROM (SELECT source FROM event_reports WHERE event = events.pk
                                         UNION SELECT source FROM ({_NAMING_ARTICLES})))"""
UPDATE_STORY_EVENT_COUNTS = f"{_STORY_EVENT_COUNTS}\nWHERE story = :story"
# The same for some of the story's events only (:events, a JSON list of pks).
UPDATE_STORY_SOME_EVENT_COUNTS = (
    f"{_STORY_EVENT_COUNTS}\nWHERE pk IN (SELECT value FROM json_each(:events)) AND story = :story"
)

# --- stories and threads as the query commands read them --------------------------------------------------

STORY_LIST_COLUMNS = """
    s.pk, s.id, s.size, s.lo, s.hi, s.titles,
    (SELECT t.id FROM threads t WHERE t.pk = s.thread) AS thread,
    (SELECT count(DISTINCT sa.lang) FROM story_articles sa WHERE sa.story = s.pk) AS languages,
    (SELECT group_concat(DISTINCT sa.lang) FROM story_articles sa WHERE sa.story = s.pk) AS langs,
    (SELECT count(DISTINCT a.source) FROM story_articles sa JOIN articles a ON a.pk = sa.article
     WHERE sa.story = s.pk) AS sources,
    s.updated_at"""
# Stories overlapping a date range (as day numbers), the most recent first; `min_size` hides single reports.
STORIES = f"""
SELECT {STORY_LIST_COLUMNS} FROM stories s
WHERE (:since IS NULL OR s.hi >= :since) AND (:until IS NULL OR s.lo <= :until)
  AND s.size >= :min_size
  AND (:lang IS NULL OR EXISTS (SELECT 1 FROM story_articles sa WHERE sa.story = s.pk AND sa.lang = :lang))
ORDER BY s.hi IS NULL, s.hi DESC, s.pk DESC
LIMIT :limit"""
STORY_BY_ID = f"SELECT {STORY_LIST_COLUMNS}, s.counts FROM stories s WHERE s.id = ?"
STORY_ARTICLES = """
SELECT a.id, sa.lang, a.date, a.title, a.url, a.source, substr(a.text, 1, 200), sa.cosine, sa.evidence
FROM story_articles sa JOIN articles a ON a.pk = sa.article
WHERE sa.story = ? ORDER BY sa.lang, a.date, a.pk"""
STORY_EVENTS = "SELECT pk FROM events WHERE story = ? ORDER BY date, pk"
STORY_OF_ARTICLE = """
SELECT s.id FROM story_articles sa JOIN stories s ON s.pk = sa.story JOIN articles a ON a.pk = sa.article
WHERE a.id = ?"""
THREAD_BY_ID = "SELECT id, size, lo, hi, titles FROM threads WHERE id = ?"
# A thread's stories, the latest first.
THREAD_STORIES = """
SELECT {columns} FROM stories s WHERE s.thread = (SELECT pk FROM threads WHERE id = ?)
ORDER BY s.hi IS NULL, s.hi DESC, s.pk DESC"""

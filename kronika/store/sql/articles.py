"""Reading articles: which are stored, the list and its search by lemma (FTS5), one article with its events."""

# Which of some article ids are stored (Store.known_ids: what makes an ingest resumable), and how many
# articles are (len(Store)).
KNOWN_ARTICLE_IDS = "SELECT id FROM articles WHERE id IN ({marks})"
COUNT_ARTICLES = "SELECT count(*) FROM articles"
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
    ORDER BY s.rank, a.date DESC, s.rowid DESC LIMIT :limit OFFSET :offset
) hit JOIN articles a ON a.pk = hit.pk
ORDER BY hit.rank, hit.date DESC, hit.pk DESC"""
# The same page of a search with no date range, the dates read only where they can decide: a match's date
# breaks ties of rank only, so of the ranked matches (the latest RANKED_MATCHES) only those whose rank is at
# most the rank the page's last row has in rank order alone (``cut``) can be on the page; their dates are read,
# not every match's (2,000 look-ups of an article's row: 2.3 ms of the search's 5 on 1,000,000 events where
# ranks seldom tie). ``ranked``, used twice, is computed once (SQLite materialises such a CTE; the MATERIALIZED
# hint would need SQLite 3.35). Fewer matches than the page reaches: no cut.
# The same rows in the same order as SEARCH_ARTICLES (``:limit`` of at least 1; queries.article_rows); both
# break ties of rank and date by the newest key, so the two plans cannot order tied rows differently.
SEARCH_ARTICLES_CUT = f"""
WITH ranked AS (
    SELECT s.rowid AS pk, s.rank AS rank FROM article_search s
    WHERE article_search MATCH :match AND s.rowid >= :floor),
cut AS (SELECT rank FROM ranked ORDER BY rank LIMIT 1 OFFSET :limit + :offset - 1)
SELECT {ARTICLE_COLUMNS} FROM (
    SELECT r.pk AS pk, r.rank AS rank, a.date AS date FROM ranked r JOIN articles a ON a.pk = r.pk
    WHERE r.rank <= coalesce((SELECT rank FROM cut), r.rank)
    ORDER BY r.rank, a.date DESC, r.pk DESC LIMIT :limit OFFSET :offset
) hit JOIN articles a ON a.pk = hit.pk
ORDER BY hit.rank, hit.date DESC, hit.pk DESC"""
# How many articles a search matches (FTS5 reads its doclist, no row), and the store's last article key.
COUNT_MATCHES = "SELECT count(*) FROM article_search WHERE article_search MATCH :match"
# At most :enough of them (which plan a page of a word's events takes needs no more: queries._text_in_date_order).
MATCHES_UP_TO = "SELECT count(*) FROM (SELECT 1 FROM article_search WHERE article_search MATCH :match LIMIT :enough)"
LAST_ARTICLE_KEY = "SELECT max(pk) FROM articles"
# The key of the newest of the latest ``:ranked`` matching articles: a ranked search ranks those only.
NEWEST_MATCHES_FLOOR = """
SELECT rowid FROM article_search WHERE article_search MATCH :match ORDER BY rowid DESC LIMIT 1 OFFSET :ranked - 1"""
ARTICLE_PAGE = "SELECT pk, text, record FROM articles WHERE pk > :after ORDER BY pk LIMIT :limit"
ARTICLE = "SELECT pk, text, record FROM articles WHERE id = ?"
# Which stored (deduplicated) event each of an article's coded events became, by its place in the record.
ARTICLE_EVENT_IDS = """
SELECT r.ordinal, e.id FROM event_reports r JOIN events e ON e.pk = r.event WHERE r.article = ?"""

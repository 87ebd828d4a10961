"""Stories and threads in the store: the online clusterers' state kept in SQLite, so a later ingest extends it.

``assign_story`` runs inside the store's write transaction for each new article: it reads the candidate
stories the in-memory clusterer would consider (by date window, by shared entity or name key, the most
recently touched), applies the same rule (``kronika/stories/cluster.py``), and writes the story back; a new
story then chooses its thread the same way among the threads (``threads.py``, migration 6), and a story's
later articles join its thread.
Ingesting articles one by one, in batches or across several runs in the same order gives the same stories.
"""

from __future__ import annotations

import json
import sqlite3
from collections import deque
from functools import lru_cache

import numpy as np

from kronika.record import Document, date_interval
from kronika.store import sql
from kronika.stories.cluster import Story, StoryRule, choose, story_id
from kronika.stories.encoder import PRELOAD
from kronika.stories.features import ArticleFeatures, article_features
from kronika.stories.neighbours import NEIGHBOURS, neighbour_window
from kronika.stories.threads import THREAD_RULE

RULE = StoryRule()


@lru_cache(maxsize=2048)
def _parsed(text: str) -> dict:
    """A stored JSON object, parsed once while it is unchanged: each article reads the stories around its date
    again, and only the one it joins has changed. Callers copy it, as a story changes its dicts in place."""
    return json.loads(text)


def _story(row) -> Story:
    pk, sid, size, day_lo, day_hi, month_lo, month_hi, vector_sum, counts, weights, titles = row[:11]
    story = Story(
        sid,
        pk,
        np.frombuffer(vector_sum, dtype=np.float32).copy(),
        size,
        dict(_parsed(counts)),
        dict(_parsed(weights)),
        (day_lo, day_hi) if day_lo is not None else None,
        (month_lo, month_hi) if month_lo is not None else None,
        dict(_parsed(titles)),
    )
    return story


# Whether a level holds an undated story (``lo`` and ``hi`` are null together), by its interval index.
_ANY_UNDATED = {
    sql.STORY_STATE["in_window"]: "SELECT EXISTS (SELECT 1 FROM stories WHERE hi IS NULL)",
    sql.THREAD_STATE["in_window"]: "SELECT EXISTS (SELECT 1 FROM threads WHERE hi IS NULL)",
}


def _keys_matter(connection: sqlite3.Connection, article: ArticleFeatures, state: dict[str, str]) -> bool:
    """Whether the stories sharing a key with ``article`` can be candidates: for a dated article only the
    undated ones among them are, so with no undated story its key lookups (most of the writer's statements
    per article) would find nothing to add."""
    if article.interval is None:
        return True
    statement = _ANY_UNDATED.get(state["in_window"])
    return statement is None or bool(connection.execute(statement).fetchone()[0])


def candidates(
    connection: sqlite3.Connection,
    article: ArticleFeatures,
    rule: StoryRule = RULE,
    state: dict[str, str] = sql.STORY_STATE,
) -> list[Story]:
    """The stories (or, with ``sql.THREAD_STATE``, threads) the in-memory clusterer would compare with."""
    keyed: set[int] = set()
    for key in article.evidence_keys() if _keys_matter(connection, article, state) else ():
        if key[:2] in ("e:", "n:"):
            keyed.update(row[0] for row in connection.execute(state["of_key"], (key, rule.stories_per_key)))
    found: dict[int, Story] = {}
    window = article.interval or article.estimate  # an undated article's estimate: the stories around it too
    if window is not None:
        lo, hi = window
        for row in connection.execute(state["in_window"], {"lo": lo - rule.window_days, "hi": hi + rule.window_days}):
            found[row[0]] = _story(row)
    if article.interval is not None:
        wanted = keyed  # of these only the undated stories are new here
    else:
        recent = {row[0] for row in connection.execute(state["recent"], (rule.recent_stories,))}
        wanted = keyed | recent
    wanted = sorted(wanted - set(found))
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for row in connection.execute(state["by_pk"].format(marks=sql.placeholders(len(chunk))), chunk):
            if article.interval is None or row[11] is None:
                found[row[0]] = _story(row)
    return [found[pk] for pk in sorted(found)]


def _save(
    connection: sqlite3.Connection,
    state: dict[str, str],
    story: Story | None,
    article: ArticleFeatures,
    kind: str,
    now: str,
) -> tuple[int, bool]:
    """Absorb ``article`` into ``story`` (a new one when None) and write it back; its pk, and whether new."""
    touched = connection.execute(state["next_touch"]).fetchone()[0]
    new = story is None
    if new:
        story = Story(story_id(article.id, kind), 0, np.zeros_like(article.vector, dtype=np.float32))
    story.absorb(article)
    interval = story.interval
    values = {
        "size": story.size,
        "day_lo": story.days[0] if story.days else None,
        "day_hi": story.days[1] if story.days else None,
        "month_lo": story.months[0] if story.months else None,
        "month_hi": story.months[1] if story.months else None,
        "lo": interval[0] if interval else None,
        "hi": interval[1] if interval else None,
        "vector_sum": story.vector_sum.astype(np.float32).tobytes(),
        "counts": json.dumps(story.counts, ensure_ascii=False),
        "weights": json.dumps(story.weights),
        "titles": json.dumps(story.titles, ensure_ascii=False),
        "touched": touched,
        "now": now,
    }
    if new:
        pk = connection.execute(state["insert"], {**values, "id": story.id}).lastrowid
    else:
        pk = story.seq
        connection.execute(state["update"], {**values, "pk": pk})
    connection.executemany(
        state["insert_key"], [(key, pk) for key in article.evidence_keys() if key[:2] in ("e:", "n:")]
    )
    return pk, new


def assign_story(
    connection: sqlite3.Connection,
    doc: Document,
    article_pk: int,
    article: ArticleFeatures,
    *,
    now: str,
    rule: StoryRule = RULE,
    thread_rule: StoryRule = THREAD_RULE,
) -> int:
    """Put a stored article in a story and that story in a thread (inside the caller's transaction), as
    ``TwoLevelClusterer`` does in memory; returns the story's pk. ``article``: its features
    (``stored_features``), with an undated article's ``estimate`` from its neighbours (``neighbours.py``)."""
    story, cosine, evidence = choose(article, candidates(connection, article, rule), rule)
    pk, new = _save(connection, sql.STORY_STATE, story, article, "story", now)
    connection.execute(
        sql.INSERT_STORY_ARTICLE, (article_pk, pk, doc.lang, None if new else cosine, None if new else evidence)
    )
    thread_pk = None if new else connection.execute(sql.STORY_THREAD, (pk,)).fetchone()[0]
    if thread_pk is None:  # a new story (or one stored before threads existed) chooses its thread
        thread, _, _ = choose(article, candidates(connection, article, thread_rule, sql.THREAD_STATE), thread_rule)
    else:
        (thread,) = [
            _story(row) for row in connection.execute(sql.THREAD_STATE["by_pk"].format(marks="?"), (thread_pk,))
        ]
    thread_pk, _ = _save(connection, sql.THREAD_STATE, thread, article, "thread", now)
    connection.execute(sql.SET_STORY_THREAD, (thread_pk, pk))
    return pk


def link_events(connection: sqlite3.Connection, story: int, events: set[int], lang: str | None = None) -> None:
    """Events first reported in this story's articles join it; their mentions, articles and sources count the
    story's articles in languages without a pack that name the event's participants (``sql``'s
    UPDATE_STORY_EVENT_COUNTS), besides their coded reports. ``events``: those the new article (in ``lang``)
    reports."""
    from kronika.lang import SUPPORTED

    connection.executemany(sql.SET_EVENT_STORY, [{"story": story, "event": pk} for pk in sorted(events)])
    coded = json.dumps(list(SUPPORTED))
    if lang in SUPPORTED:
        # An article in a coded language names events for no one but itself: only the events it reports
        # (recounted from their reports alone as it was stored) need the story's naming articles back.
        if events:
            connection.execute(
                sql.UPDATE_STORY_SOME_EVENT_COUNTS,
                {"story": story, "coded": coded, "events": json.dumps(sorted(events))},
            )
        return
    connection.execute(sql.UPDATE_STORY_EVENT_COUNTS, {"story": story, "coded": coded})


def stored_features(doc: Document) -> ArticleFeatures:
    """What the store clusters ``doc`` by: its vector and evidence, with the outlet the store records for it.
    A function of the record alone, so an ingest worker can make it beside the analysis."""
    from kronika.store.write import source_of
    from kronika.stories.encoder import embed_documents

    (vector,) = embed_documents([doc])
    return article_features(doc, vector, source=source_of(doc.url, doc.id))


class StoryAssigner:
    """The story hook a writer passes to ``Store(path, stories=StoryAssigner())``: each new article joins or
    starts a story as it is stored. ``prepare`` makes the new articles' features before the write lock is
    taken (or takes those an ingest worker made with ``features``), and gives each undated one its
    neighbours' estimate (``neighbours.py``: the ``neighbours`` articles before it, from this batch or the
    ones this assigner prepared before, and after it, in this batch only: a written batch is not held back
    for the next); ``assign`` and ``link`` run inside the store's transaction for each article."""

    # Picklable (a module's function), so a worker process can run it on the records it analyses; the
    # workers' forkserver imports ``preload`` first, which loads the encoder once for all of them.
    features = staticmethod(stored_features)
    preload = (PRELOAD,)

    def __init__(self, *, neighbours: int = NEIGHBOURS):
        self.neighbours = neighbours
        self._earlier: deque[tuple[int, int] | None] = deque(maxlen=neighbours)

    def can_cut(self, docs: list[Document]) -> bool:
        """Whether a batch ending with ``docs`` (the batch so far) gives each undated article in it the same
        estimate as a longer batch would: none of them is among the last ``neighbours`` articles, whose
        look-ahead would stop at the cut. A writer that cuts its batches by the clock cuts only here, so the
        stories do not depend on how fast the articles came (``kronika ingest --jobs 1`` and ``--jobs 2``)."""
        return all(date_interval(doc.date) is not None for doc in docs[len(docs) - self.neighbours :])

    def prepare(self, docs: list[Document], given: list | None = None) -> list[ArticleFeatures]:
        """Each doc's features (``given[i]`` when not None: what ``features`` made of it elsewhere)."""
        given = given or [None] * len(docs)
        prepared = [stored_features(doc) if made is None else made for doc, made in zip(docs, given)]
        intervals = [date_interval(doc.date) for doc in docs]
        around = [*self._earlier, *intervals]
        for i, (article, interval) in enumerate(zip(prepared, intervals)):
            article.estimate = (
                None
                if interval is not None or not self.neighbours
                else neighbour_window(around, len(self._earlier) + i, self.neighbours)
            )
        self._earlier.extend(intervals)
        return prepared

    def assign(
        self,
        connection: sqlite3.Connection,
        doc: Document,
        article_pk: int,
        prepared: ArticleFeatures,
        *,
        source: str | None,
        now: str,
    ) -> int:
        return assign_story(connection, doc, article_pk, prepared, now=now)

    def link(self, connection: sqlite3.Connection, story: int, events: set[int], lang: str | None = None) -> None:
        link_events(connection, story, events, lang)

"""Reading the stories and threads the store keeps (migrations 2 and 6): lists as DataFrames, one story or
thread as a dict. Writing them is the story hook's (``kronika.stories.store.StoryAssigner``), which the
caller gives the store; this module only reads the tables.
"""

from __future__ import annotations

import json
import sqlite3

from kronika.record import date_interval
from kronika.store import filters, sql

STORY_OUTPUT = [
    "id",
    "first_date",
    "last_date",
    "size",
    "languages",
    "langs",
    "sources",
    "title",
    "thread",
    "updated_at",
]


def _day(value: int | None) -> str | None:
    from datetime import date as Date

    return Date.fromordinal(value).isoformat() if value else None


def _title(titles: dict[str, str]) -> str | None:
    """The English title when there is one (the lingua franca of a multilingual list), else the first."""
    return titles.get("en") or next(iter(titles.values()), None)


def stories(connection: sqlite3.Connection, **given):
    """:func:`story_records` as a DataFrame (``STORY_OUTPUT``)."""
    import pandas as pd

    return pd.DataFrame(story_records(connection, **given), columns=STORY_OUTPUT)


def story_records(
    connection: sqlite3.Connection,
    *,
    since: str | None = None,
    until: str | None = None,
    lang: str | None = None,
    min_size: int = 1,
    limit: int | None = 100,
) -> list[dict]:
    """Stories overlapping ``since``..``until`` (ISO dates), newest first; undated stories last; each with
    the id of its thread (``STORY_OUTPUT``, plain dicts: the API's view)."""
    params = _story_filters(since, until, lang, min_size)
    rows = connection.execute(sql.STORIES, {**params, "limit": -1 if not limit else limit}).fetchall()
    return _story_dicts(rows)


def story_count(
    connection: sqlite3.Connection,
    *,
    since: str | None = None,
    until: str | None = None,
    lang: str | None = None,
    min_size: int = 1,
) -> int:
    """How many stories :func:`stories` lists with these filters (a list page's total)."""
    params = _story_filters(since, until, lang, min_size)
    return connection.execute(sql.COUNTED.format(statement=sql.STORIES), {**params, "limit": -1}).fetchone()[0]


def _story_filters(since, until, lang, min_size) -> dict:
    from kronika.store.queries import check_date

    since_days = date_interval(check_date(since, "--since")) if since else None
    until_days = date_interval(check_date(until, "--until")) if until else None
    if (since and not since_days) or (until and not until_days):
        raise _bad_range(since, until)
    return {
        "since": since_days[0] if since_days else None,
        "until": until_days[1] if until_days else None,
        "lang": filters.language(lang),
        "min_size": min_size,
    }


def _story_frame(rows):
    import pandas as pd

    return pd.DataFrame(_story_dicts(rows), columns=STORY_OUTPUT)


def _story_dicts(rows) -> list[dict]:
    return [
        {
            "id": sid,
            "first_date": _day(lo),
            "last_date": _day(hi),
            "size": size,
            "languages": languages,
            "langs": ",".join(sorted((langs or "").split(","))),
            "sources": sources,
            "title": _title(json.loads(titles)),
            "thread": thread,
            "updated_at": updated_at,
        }
        for _, sid, size, lo, hi, titles, thread, languages, langs, sources, updated_at in rows
    ]


def thread(connection: sqlite3.Connection, thread_id: str) -> dict | None:
    """One thread: its dates, size and title, and its stories (as ``stories`` lists them), newest first;
    None if unknown."""
    row = connection.execute(sql.THREAD_BY_ID, (thread_id,)).fetchone()
    if row is None:
        return None
    tid, size, lo, hi, titles = row
    listed = _story_frame(
        connection.execute(sql.THREAD_STORIES.format(columns=sql.STORY_LIST_COLUMNS), (thread_id,)).fetchall()
    )
    return {
        "id": tid,
        "first_date": _day(lo),
        "last_date": _day(hi),
        "size": size,
        "title": _title(json.loads(titles)),
        "stories": listed.to_dict(orient="records"),
    }


def _bad_range(since, until):
    from kronika.errors import KronikaError

    return KronikaError("E506", f"--since {since!r} / --until {until!r}: give a day (YYYY-MM-DD) or a month (YYYY-MM)")


def story(connection: sqlite3.Connection, story_id: str) -> dict | None:
    """One story: its titles per language, articles by language, entities, dates and events; None if unknown."""
    from kronika.store import queries

    row = connection.execute(sql.STORY_BY_ID, (story_id,)).fetchone()
    if row is None:
        return None
    pk, sid, size, lo, hi, titles, thread_id, languages, _, sources, updated_at, counts = row
    counts = json.loads(counts)
    by_lang: dict[str, list[dict]] = {}
    for aid, lang, date, title, url, source, snippet, cosine, evidence in connection.execute(sql.STORY_ARTICLES, (pk,)):
        by_lang.setdefault(lang or "und", []).append(
            {
                "id": aid,
                "date": date,
                "title": title,
                "url": url,
                "source": source,
                "snippet": snippet,
                "cosine": cosine,
                "evidence": evidence,
            }
        )
    entity_counts = {key[2:]: n for key, n in counts.items() if key.startswith("e:")}
    names = {}
    ids = list(entity_counts)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for eid, name, etype, country in connection.execute(
            sql.ENTITIES_BY_ID.format(marks=sql.placeholders(len(chunk))), chunk
        ):
            names[eid] = {"id": eid, "name": name, "type": etype, "country": country}
    entities = [
        {**names.get(eid, {"id": eid, "name": eid, "type": None, "country": None}), "articles": n}
        for eid, n in sorted(entity_counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    days = sorted((int(key[2:]), n) for key, n in counts.items() if key.startswith("d:"))
    event_pks = [r[0] for r in connection.execute(sql.STORY_EVENTS, (pk,))]
    events = []
    for start in range(0, len(event_pks), 500):
        chunk = event_pks[start : start + 500]
        statement = sql.EVENTS_BY_PK.format(marks=sql.placeholders(len(chunk)))
        frame = queries.describe_events(connection, connection.execute(statement, chunk).fetchall())
        events.extend(frame.to_dict(orient="records"))
    return {
        "id": sid,
        "first_date": _day(lo),
        "last_date": _day(hi),
        "size": size,
        "languages": languages,
        "sources": sources,
        "updated_at": updated_at,
        "title": _title(json.loads(titles)),
        "thread": thread_id,
        "titles": json.loads(titles),
        "articles": by_lang,
        "entities": entities,
        "dates": [{"date": _day(day), "articles": n} for day, n in days],
        "events": events,
    }

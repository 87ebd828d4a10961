"""Reading the store: events, actors, articles, relations and statistics as pandas DataFrames.

Every user value travels as an SQL parameter; the only choice that shapes a statement (the period of a
relation series) is looked up in a fixed table and refused when unknown.
"""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import date as Date
from functools import cache

import pandas as pd

from kronika.errors import KronikaError
from kronika.store import sql

CODE_RE = re.compile(r"^([A-Z]{3})([A-Z]{3})?$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
DEFAULT_LIMIT = 100

EVENT_FIELDS = ["pk", "id", "date", "type", "mode", "context", "cameo", "goldstein", "quad_class",
                "location", "location_country", "lat", "lon", "num_mentions", "num_sources", "num_articles",
                "added_at", "date_precision"]
EVENT_OUTPUT = ["id", "date", "type", "mode", "actor", "actor_code", "recipient", "recipient_code", "cameo",
                "goldstein", "quad_class", "num_mentions", "num_sources", "num_articles", "location",
                "source_url"]


def check_date(value: str | None, option: str) -> str | None:
    """An ISO date, month or year as given, or a clear error naming the option."""
    if value is None:
        return None
    if not DATE_RE.match(value):
        raise KronikaError("E506", f"{option} {value!r} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY")
    if len(value) == 10:
        try:
            Date.fromisoformat(value)
        except ValueError:
            raise KronikaError("E506", f"{option} {value!r} is not a calendar date") from None
    return value


def until_bound(value: str | None) -> str | None:
    """An inclusive upper bound for ISO strings: "2025-09" also takes "2025-09-30"."""
    return None if value is None else value + "\uffff"


def actor_code(country: str | None, sector: str | None) -> str:
    """A CAMEO-style actor code: country and sector ("CHNGOV"), either part alone, or empty."""
    return (country or "") + (sector or "")


def resolve_actor(connection: sqlite3.Connection, actor: str) -> list[str]:
    """The actor keys a user's ``--actor`` value names (entity id, name in any case, key, or code)."""
    code = CODE_RE.match(actor.strip())
    params = {"q": actor.strip(), "country": code.group(1) if code else None,
              "sector": code.group(2) if code else None}
    return [row[0] for row in connection.execute(sql.RESOLVE_ACTOR, params)]


def events(connection: sqlite3.Connection, *, actor: str | None = None, type: str | None = None,
           since: str | None = None, until: str | None = None, limit: int | None = DEFAULT_LIMIT) -> pd.DataFrame:
    params = {"type": type.upper() if type else None, "since": check_date(since, "--since"),
              "until": until_bound(check_date(until, "--until")), "limit": _limit(limit)}
    if actor is not None:
        keys = resolve_actor(connection, actor)
        if not keys:
            return pd.DataFrame(columns=EVENT_OUTPUT)
        # Positional actor keys and named filters cannot mix in one statement: name the keys too.
        named = {f"k{i}": key for i, key in enumerate(keys)}
        statement = sql.EVENTS_OF_ACTORS.format(marks=sql.named_placeholders(list(named)))
        rows = connection.execute(statement, {**params, **named}).fetchall()
    else:
        rows = connection.execute(sql.EVENTS, params).fetchall()
    return describe_events(connection, rows)


def describe_events(connection: sqlite3.Connection, rows: list[tuple]) -> pd.DataFrame:
    """Event rows with their participants and first source, in the shape `kronika events` prints."""
    frame = pd.DataFrame(rows, columns=EVENT_FIELDS)
    if frame.empty:
        return pd.DataFrame(columns=EVENT_OUTPUT)
    pks = frame["pk"].tolist()
    sides = participants(connection, pks)
    firsts = first_reports(connection, pks)
    frame["actor"] = [_names(sides.get((pk, "actor"), [])) for pk in pks]
    frame["actor_code"] = [_codes(sides.get((pk, "actor"), [])) for pk in pks]
    frame["recipient"] = [_names(sides.get((pk, "recipient"), [])) for pk in pks]
    frame["recipient_code"] = [_codes(sides.get((pk, "recipient"), [])) for pk in pks]
    frame["source_url"] = [(firsts.get(pk) or {}).get("url") for pk in pks]
    return frame[EVENT_OUTPUT].reset_index(drop=True)


def participants(connection: sqlite3.Connection, pks: list[int]) -> dict[tuple[int, str], list[dict]]:
    """Participants by (event, role), in their order, for many events at once."""
    found: dict[tuple[int, str], list[dict]] = {}
    for chunk in _chunks(pks):
        statement = sql.PARTICIPANTS_OF.format(marks=sql.placeholders(len(chunk)))
        for event, role, _, entity, name, country, sector in connection.execute(statement, chunk):
            found.setdefault((event, role), []).append(
                {"entity": entity, "name": name, "country": country, "sector": sector})
    return found


def first_reports(connection: sqlite3.Connection, pks: list[int]) -> dict[int, dict]:
    found = {}
    for chunk in _chunks(pks):
        statement = sql.FIRST_REPORTS_OF.format(marks=sql.placeholders(len(chunk)))
        for event, sentence, trigger, article_id, url, source, tone in connection.execute(statement, chunk):
            found[event] = {"sentence": sentence, "trigger": trigger, "article": article_id, "url": url,
                            "source": source, "tone": tone}
    return found


def average_tone(connection: sqlite3.Connection, pks: list[int]) -> dict[int, float | None]:
    found = {}
    for chunk in _chunks(pks):
        statement = sql.AVERAGE_TONE_OF.format(marks=sql.placeholders(len(chunk)))
        found.update(dict(connection.execute(statement, chunk).fetchall()))
    return found


def actors(connection: sqlite3.Connection, *, search: str | None = None, country: str | None = None,
           limit: int | None = DEFAULT_LIMIT) -> pd.DataFrame:
    params = {"search": _like_escape(search) if search else None, "raw": search,
              "country": country.upper() if country else None, "limit": _limit(limit)}
    rows = connection.execute(sql.ACTORS, params).fetchall()
    columns = ["key", "entity", "name", "country", "sector", "events", "as_actor", "as_recipient",
               "first_date", "last_date"]
    frame = pd.DataFrame(rows, columns=columns)
    frame.insert(5, "code", [actor_code(c, s) for c, s in zip(frame["country"], frame["sector"])])
    return frame


def articles(connection: sqlite3.Connection, *, search: str | None = None, since: str | None = None,
             until: str | None = None, limit: int | None = DEFAULT_LIMIT, lang: str = "pl") -> pd.DataFrame:
    params = {"since": check_date(since, "--since"), "until": until_bound(check_date(until, "--until")),
              "limit": _limit(limit)}
    columns = ["id", "date", "title", "url", "source", "tone", "snippet"]
    if search is None:
        rows = connection.execute(sql.ARTICLES, params).fetchall()
    else:
        match = fts_query(search, lang=lang)
        if match is None:
            return pd.DataFrame(columns=columns)
        rows = connection.execute(sql.SEARCH_ARTICLES, {**params, "match": match}).fetchall()
    return pd.DataFrame(rows, columns=columns)


def fts_query(search: str, *, lang: str = "pl") -> str | None:
    """An FTS5 query in which every word of ``search`` must occur, as its lemma or as written.

    Each word is analysed by the same segmentation and morphology as the articles, so "Pekinie" and
    "Pekin" both look for the lemma "pekin". Every term is a quoted FTS5 string (inner quotes doubled), so
    no character of the user's text can act as FTS5 syntax.
    """
    from kronika.record import Document

    doc = _query_analyser(lang)(Document(text=search))
    groups = []
    for token in doc.tokens:
        if not any(ch.isalnum() for ch in token.text):
            continue
        terms = sorted({(token.lemma or token.text).lower(), token.text.lower()})
        groups.append("(" + " OR ".join(_quote(term) for term in terms) + ")")
    return " AND ".join(groups) if groups else None


@cache
def _query_analyser(lang: str):
    """Segmentation and morphology only: what the articles' lemmas came from, without the later stages."""
    from kronika.lang import get_language
    from kronika.pipeline import Pipeline
    from kronika.stages.morph import MorphologyStage
    from kronika.stages.segment import SegmentStage

    language = get_language(lang)
    return Pipeline([SegmentStage(language), MorphologyStage(language)])


def relations(connection: sqlite3.Connection, a: str, b: str, *, by: str = "month", since: str | None = None,
              until: str | None = None) -> pd.DataFrame:
    """Both directions between two countries per period: events, mentions, Goldstein mean and sum, QuadClass."""
    if by not in sql.PERIODS:
        raise KronikaError("E506", f"--by {by!r} is not a period; choose one of {', '.join(sql.PERIODS)}")
    statement = sql.RELATIONS.format(period=sql.PERIODS[by])
    params = {"a": a.upper(), "b": b.upper(), "since": check_date(since, "--since"),
              "until": until_bound(check_date(until, "--until"))}
    cursor = connection.execute(statement, params)
    frame = pd.DataFrame(cursor.fetchall(), columns=[d[0] for d in cursor.description])
    if not frame.empty:
        frame["goldstein_mean"] = frame["goldstein_mean"].astype(float).round(3)
        frame["goldstein_sum"] = frame["goldstein_sum"].astype(float).round(3)
    return frame


def stats(connection: sqlite3.Connection) -> pd.DataFrame:
    rows = [(name, connection.execute(statement).fetchone()[0]) for name, statement in sql.STATS]
    rows += [(f"events.{kind}", count) for kind, count in connection.execute(sql.EVENT_TYPE_COUNTS)]
    return pd.DataFrame(rows, columns=["measure", "value"]).astype({"value": object})


def context_list(value: str | None) -> list[str]:
    return json.loads(value) if value else []


def _names(side: list[dict]) -> str:
    return "; ".join(p["name"] for p in side)


def _codes(side: list[dict]) -> str:
    return "; ".join(actor_code(p["country"], p["sector"]) for p in side)


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _limit(limit: int | None) -> int:
    return -1 if limit is None or limit <= 0 else int(limit)  # SQLite: LIMIT -1 means no limit


def _chunks(items: list, size: int = 500):
    for start in range(0, len(items), size):
        yield items[start:start + size]

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
    try:
        # A month is checked as its first day, so "2025-13" is refused as "2025-13-32" would be.
        Date.fromisoformat(value if len(value) == 10 else value + "-01" if len(value) == 7 else value + "-01-01")
    except ValueError:
        raise KronikaError("E506", f"{option} {value!r} is not a calendar date") from None
    return value


def until_bound(value: str | None) -> str | None:
    """An inclusive upper bound for ISO strings: "2025-09" also takes "2025-09-30"."""
    return None if value is None else value + "\uffff"


def actor_code(country: str | None, sector: str | None) -> str:
    """A CAMEO-style actor code: country and sector ("CHNGOV"), either part alone, or empty."""
    # pandas 3 turns a missing value in a string column into NaN, which is truthy: test for text instead.
    return (country if isinstance(country, str) else "") + (sector if isinstance(sector, str) else "")


def resolve_actor(connection: sqlite3.Connection, actor: str) -> list[str]:
    """The actor keys a user's ``--actor`` value names (entity id, name in any case, key, or code)."""
    code = CODE_RE.match(actor.strip())
    params = {"q": actor.strip(), "country": code.group(1) if code else None,
              "sector": code.group(2) if code else None}
    return [row[0] for row in connection.execute(sql.RESOLVE_ACTOR, params)]


def events(connection: sqlite3.Connection, *, actor: str | None = None, type: str | None = None,
           since: str | None = None, until: str | None = None, limit: int | None = DEFAULT_LIMIT,
           **filters) -> pd.DataFrame:
    """Events as `kronika events` prints them; ``filters`` are those of :func:`event_rows`."""
    if any(value is not None for value in filters.values()):
        rows = event_rows(connection, actor=actor, type=type, since=since, until=until, limit=limit, **filters)
        return describe_events(connection, rows)
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


def event_rows(connection: sqlite3.Connection, *, actor: str | None = None, initiator: str | None = None,
               recipient: str | None = None, type: str | None = None, quad_class: int | None = None,
               country: str | None = None, text: str | None = None, since: str | None = None,
               until: str | None = None, limit: int | None = DEFAULT_LIMIT, offset: int | None = 0) -> list[tuple]:
    """Event rows (``EVENT_FIELDS``) matching every filter given, latest first.

    ``actor`` takes part on either side, ``initiator`` is on the actor side and ``recipient`` on the
    recipient side (each an entity id, name or code as for :func:`resolve_actor`); ``country`` is where it
    happened; ``text`` are words of a reporting article, matched by lemma.
    """
    if quad_class is not None and quad_class not in (1, 2, 3, 4):
        raise KronikaError("E506", f"quad_class {quad_class!r} is not a QuadClass; choose 1, 2, 3 or 4")
    params = {"type": type.upper() if type else None, "since": check_date(since, "--since"),
              "until": until_bound(check_date(until, "--until")), "quad_class": quad_class,
              "country": country.upper() if country else None, "limit": _limit(limit),
              "offset": max(int(offset or 0), 0)}
    conditions = [sql.EVENT_CONDITIONS[name] for name in ("type", "since", "until", "quad_class", "country")
                  if params[name] is not None]
    for name, value in (("actor", actor), ("initiator", initiator), ("recipient", recipient)):
        if value is None:
            continue
        keys = resolve_actor(connection, value)
        if not keys:
            return []
        named = {f"{name}{i}": key for i, key in enumerate(keys)}
        params.update(named)
        conditions.append(sql.EVENT_CONDITIONS[name].format(marks=sql.named_placeholders(list(named))))
    if text is not None:
        match = fts_query(text)
        if match is None:
            return []
        params["match"] = match
        conditions.append(sql.EVENT_CONDITIONS["text"])
    statement = sql.EVENTS_FILTERED.format(conditions="\n  ".join(conditions))
    return connection.execute(statement, params).fetchall()


def event_records(connection: sqlite3.Connection, rows: list[tuple]) -> list[dict]:
    """Event rows in the document record's event shape (participants as lists, location as an object),
    with the stored id, GDELT's counts and the first report's article, sentence and trigger."""
    pks = [row[0] for row in rows]
    sides = participants(connection, pks)
    firsts = first_reports(connection, pks)
    records = []
    for row in rows:
        e = dict(zip(EVENT_FIELDS, row))
        pk = e["pk"]
        first = firsts.get(pk) or {}
        location = None
        if e["location"] or e["location_country"]:
            location = {"name": e["location"], "country": e["location_country"], "lat": e["lat"], "lon": e["lon"]}
        records.append({
            "id": e["id"], "type": e["type"], "mode": e["mode"], "context": context_list(e["context"]),
            "actor": sides.get((pk, "actor"), []), "recipient": sides.get((pk, "recipient"), []),
            "cameo": e["cameo"], "goldstein": e["goldstein"], "quad_class": e["quad_class"], "date": e["date"],
            "date_precision": e["date_precision"], "location": location, "num_mentions": e["num_mentions"],
            "num_sources": e["num_sources"], "num_articles": e["num_articles"],
            "first_report": {"article": first.get("article"), "url": first.get("url"),
                             "source": first.get("source"), "sentence": first.get("sentence"),
                             "trigger": first.get("trigger")},
        })
    return records


def event(connection: sqlite3.Connection, event_id: str) -> dict | None:
    """One stored event in record shape with every report of it (article, sentence, trigger, modality)."""
    row = connection.execute(sql.EVENT_BY_ID, (event_id,)).fetchone()
    if row is None:
        return None
    record = event_records(connection, [row])[0]
    columns = ["article", "title", "url", "source", "article_date", "ordinal", "sentence", "trigger_start",
               "trigger_end", "trigger_text", "modality"]
    record["reports"] = [dict(zip(columns, r)) for r in connection.execute(sql.REPORTS_OF_EVENT, (row[0],))]
    return record


def article(connection: sqlite3.Connection, article_id: str) -> dict | None:
    """One stored document record (without tokens) and, by event index, the stored event each one became."""
    row = connection.execute(sql.ARTICLE, (article_id,)).fetchone()
    if row is None:
        return None
    pk, text, stored = row
    fields = json.loads(stored)
    fields["text"] = text
    from kronika.record import RECORD_ORDER

    record = {key: fields[key] for key in RECORD_ORDER if key in fields}
    by_ordinal = dict(connection.execute(sql.ARTICLE_EVENT_IDS, (pk,)).fetchall())
    record["stored_events"] = [by_ordinal.get(i) for i in range(len(record.get("events") or []))]
    return record


def entity(connection: sqlite3.Connection, entity_id: str, *, events_limit: int = 50,
           counterparts_limit: int = 30) -> dict | None:
    """An entity (or an actor known only by its key) with its aliases, actor rows, events on each side and
    the actors it deals with; None when the store knows neither."""
    found = connection.execute(sql.ENTITY, (entity_id,)).fetchone()
    cursor = connection.execute(sql.ACTORS_OF_ENTITY, {"id": entity_id})
    actor_rows = [dict(zip([d[0] for d in cursor.description], r)) for r in cursor.fetchall()]
    if found is None and not actor_rows:
        return None
    if found is not None:
        info = dict(zip(["id", "name", "type", "country", "sector"], found))
    else:
        first = actor_rows[0]
        info = {"id": entity_id, "name": first["name"], "type": None, "country": first["country"],
                "sector": first["sector"]}
    for row in actor_rows:
        row["code"] = actor_code(row["country"], row["sector"])
    aliases = [{"text": t, "mentions": m, "articles": a}
               for t, m, a in connection.execute(sql.ENTITY_ALIASES, (entity_id,))]
    keys = [row["key"] for row in actor_rows]
    side = {}
    for role, name in (("actor", "initiator"), ("recipient", "recipient")):
        rows = event_rows(connection, **{name: entity_id}, limit=events_limit) if keys else []
        side[role] = event_records(connection, rows)
    deals = []
    if keys:
        statement = sql.COUNTERPARTS.format(marks=sql.placeholders(len(keys)))
        cursor = connection.execute(statement, [*keys, *keys, counterparts_limit])
        names = [d[0] for d in cursor.description]
        deals = [dict(zip(names, r)) for r in cursor.fetchall()]
        for d in deals:
            d["key"] = d.pop("actor")
            d["code"] = actor_code(d["country"], d["sector"])
    return {**info, "aliases": aliases, "actors": actor_rows, "events_as_actor": side["actor"],
            "events_as_recipient": side["recipient"], "counterparts": deals}


def entities(connection: sqlite3.Connection, *, search: str | None = None, type: str | None = None,
             country: str | None = None, limit: int | None = DEFAULT_LIMIT, offset: int = 0) -> pd.DataFrame:
    """Linked entities (people, organisations, places), most events then most articles first."""
    params = {"search": _like_escape(search) if search else None, "raw": search,
              "type": type.upper() if type else None, "country": country.upper() if country else None,
              "limit": _limit(limit), "offset": max(int(offset or 0), 0)}
    rows = connection.execute(sql.ENTITIES, params).fetchall()
    return pd.DataFrame(rows, columns=["id", "name", "type", "country", "sector", "articles", "events"])


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
           limit: int | None = DEFAULT_LIMIT, offset: int = 0) -> pd.DataFrame:
    params = {"search": _like_escape(search) if search else None, "raw": search,
              "country": country.upper() if country else None, "limit": _limit(limit),
              "offset": max(int(offset or 0), 0)}
    rows = connection.execute(sql.ACTORS, params).fetchall()
    columns = ["key", "entity", "name", "country", "sector", "events", "as_actor", "as_recipient",
               "first_date", "last_date"]
    frame = pd.DataFrame(rows, columns=columns)
    frame.insert(5, "code", [actor_code(c, s) for c, s in zip(frame["country"], frame["sector"])])
    return frame


def articles(connection: sqlite3.Connection, *, search: str | None = None, since: str | None = None,
             until: str | None = None, limit: int | None = DEFAULT_LIMIT, lang: str = "pl",
             offset: int = 0) -> pd.DataFrame:
    params = {"since": check_date(since, "--since"), "until": until_bound(check_date(until, "--until")),
              "limit": _limit(limit), "offset": max(int(offset or 0), 0)}
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

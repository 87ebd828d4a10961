"""Reading the store: events, actors, articles, relations and statistics as pandas DataFrames.

Every user value travels as an SQL parameter; the only choice that shapes a statement (the period of a
relation series) is looked up in a fixed table and refused when unknown.
"""

from __future__ import annotations

import functools
import json
import math
import sqlite3
import time
from contextlib import contextmanager
from datetime import date as Date

import pandas as pd

from kronika.errors import KronikaError
from kronika.store import filters, resolve, snippets, sql, timeline

# Dates are checked where every filter is (kronika/store/filters.py); the names stay here for their callers.
check_date = filters.check_date
until_bound = filters.until_bound
DEFAULT_LIMIT = 100
# Seconds a list's extras may take before they are given up (datasette's facet and SQL time limits): a
# facet or a total of a few thousand events takes milliseconds, of a million unfiltered events seconds
# (9 s for both facets, 0.1 s for the total, measured on 1,000,000 synthetic events), and a page must not
# wait for them. A sort other than by date reads every matching event; past its limit it is refused.
COUNT_SECONDS, FACET_SECONDS, SORT_SECONDS = 1.0, 0.5, 3.0
# The most events a total of an actor's or a word's events counts: beyond it the total is "at least COUNT_CAP"
# (a search engine's "1,000+"). The count reads every event up to the cap: "Pekin" on 1,000,000 events (12,000
# matching articles) took 4.6 ms of CPU to reach 10,000 (Elasticsearch's default track_total_hits), 0.4 ms to
# reach 1,000, the largest single cost of a words page; PRK as recipient in 2010-2015 (2,570 events) 2.5 -> 1.7 ms.
COUNT_CAP = 1_000
PROGRESS_STEPS = 10_000  # SQLite virtual-machine steps between two looks at the clock

EVENT_FIELDS = [
    "pk",
    "id",
    "date",
    "type",
    "mode",
    "context",
    "cameo",
    "goldstein",
    "quad_class",
    "location",
    "location_country",
    "lat",
    "lon",
    "num_mentions",
    "num_sources",
    "num_articles",
    "added_at",
    "date_precision",
    "modality",
]
EVENT_OUTPUT = [
    "id",
    "date",
    "type",
    "mode",
    "modality",
    "actor",
    "actor_code",
    "recipient",
    "recipient_code",
    "cameo",
    "goldstein",
    "quad_class",
    "num_mentions",
    "num_sources",
    "num_articles",
    "location",
    "trigger",
    "source_url",
]


def actor_code(country: str | None, sector: str | None) -> str:
    """A CAMEO-style actor code: country and sector ("CHNGOV"), either part alone, or empty."""
    # pandas 3 turns a missing value in a string column into NaN, which is truthy: test for text instead.
    return (country if isinstance(country, str) else "") + (sector if isinstance(sector, str) else "")


def resolve_actor(connection: sqlite3.Connection, actor: str) -> list[str]:
    """The actor keys a user's ``--actor`` value names: ``kronika.store.resolve.actor_keys``."""
    return resolve.actor_keys(connection, actor)


def events(connection: sqlite3.Connection, *, limit: int | None = DEFAULT_LIMIT, **filters) -> pd.DataFrame:
    """Events as `kronika events` prints them; ``filters`` are those of :func:`event_rows`."""
    return describe_events(connection, event_rows(connection, limit=limit, **filters))


EVENT_FILTER_NAMES = (
    "actor",
    "initiator",
    "recipient",
    "type",
    "quad_class",
    "country",
    "text",
    "since",
    "until",
    "modality",
)


def event_rows(
    connection: sqlite3.Connection,
    *,
    limit: int | None = DEFAULT_LIMIT,
    offset: int | None = 0,
    sort: str | None = None,
    after: str | None = None,
    **given,
) -> list[tuple]:
    """Event rows (``EVENT_FIELDS``) matching every filter given, latest first (or in ``sort`` order, one of
    ``sql.EVENT_SORTS``, "-" before it for descending): the one definition of each filter, which the CLI,
    the API, the web UI and ``Store.events`` share.

    ``actor`` takes part on either side, ``initiator`` is on the actor side and ``recipient`` on the
    recipient side (each a name, alias, code or id as ``kronika.store.resolve`` reads it); ``country`` is
    where it happened (a code or a state's name); ``text`` are words of a reporting article, matched by lemma;
    ``modality`` keeps asserted events unless given ("negated", "intended", "hypothetical", or "all").
    ``after`` is the id of the last event of the page before (keyset paging, latest first only): the page
    that follows it, read from its place instead of counted past (``offset`` is then ignored).
    """
    order = sort_order(sort, sql.EVENT_SORTS, "-date")
    found = _event_filter(connection, **given)
    if found is None:
        return []
    conditions, params, sides = found
    params.update(limit=_limit(limit), offset=max(int(offset or 0), 0))
    if after is not None:
        keyset = _keyset(connection, "events", after, sort, order == sql.EVENT_SORTS["-date"])
        params.update(keyset[0], offset=0)
        return _pages(
            keyset[1],
            params["limit"],
            lambda part, size: _event_page(
                connection, [*conditions, part], {**params, "limit": size}, sides, order, sort
            ),
        )
    if order == sql.EVENT_SORTS["-date"] and _seek_offset(connection, params, sides):
        conditions = [*conditions, sql.EVENTS_FROM_DATE]
    return _event_page(connection, conditions, params, sides, order, sort)


DEEP_OFFSET = 2_000  # an offset from which a page's date is found from the kept counts


def _seek_offset(connection: sqlite3.Connection, params: dict, sides: dict) -> bool:
    """For a deep offset into a latest-first list of one modality with no filter but the dates: the date the
    page starts on, from the counts per date (``sql.EVENT_COUNTS_BY_DATE``),
    and the offset among the events of that date and before (``params`` updated; True). An offset reads and
    drops every event before the page off the date index (page 2,000 of 1,000,000 events: 100,000 entries,
    8 ms); the counts of the dates before it are a few thousand entries of a covering index (1 ms). False,
    nothing changed, for any other page (the counts of a type, country or QuadClass would be picked out of
    every category's counts per date), and for one past the dated events."""
    offset = params["offset"]
    if offset < DEEP_OFFSET or params["modality"] is None or sides or "match" in params:
        return False
    if any(params[name] is not None for name in ("type", "country", "quad_class")):
        return False
    statement = sql.EVENT_COUNTS_BY_DATE.format(conditions=_count_conditions(params))
    before = 0
    for date, events in connection.execute(statement, params):
        if before + events > offset:
            params.update(seek_date=date, offset=offset - before)
            return True
        before += events
    return False


def _keyset(
    connection: sqlite3.Connection, table: str, after: str, sort: str | None, latest_first: bool
) -> tuple[dict, list[str]]:
    """The parameters of the row ``after`` (its date and key) and the conditions of the rows after it, in
    their order: the dated ones, then the undated ones (or only undated ones after an undated row)."""
    if not latest_first:
        raise KronikaError("E506", f"a cursor pages the latest first only, not sorted by {sort}; page with offset")
    row = connection.execute(sql.EVENT_POSITION if table == "events" else sql.ARTICLE_POSITION, (after,)).fetchone()
    if row is None:
        raise KronikaError(
            "E506",
            f"cursor {after[:80]!r} is no {table[:-1]} of this store; give the id of the last item of the page before",
        )
    date, pk = row
    parts = [sql.AFTER_DATED[table], sql.UNDATED[table]] if date is not None else [sql.AFTER_UNDATED[table]]
    return {"after_date": date, "after_pk": pk}, parts


def _pages(parts: list[str], limit: int, read) -> list:
    """Up to ``limit`` rows (-1: all) read part after part with ``read(part, size)``."""
    rows: list = []
    for part in parts:
        if 0 <= limit <= len(rows):
            break
        rows += read(part, -1 if limit < 0 else limit - len(rows))
    return rows


def _event_page(
    connection: sqlite3.Connection, conditions: list[str], params: dict, sides: dict, order: str, sort: str | None
) -> list[tuple]:
    """One statement of :func:`event_rows`: the plan chosen for the page (date order or not), then run."""
    if _none_by_category(connection, params):
        return []
    of_keys = _keys_page(conditions, params, sides, order)
    if of_keys is not None:
        return connection.execute(of_keys, params).fetchall()
    keys = {name: named for name, (_, named) in sides.items()}
    if order == sql.EVENT_SORTS["-date"] and _read_in_date_order(connection, keys, params["limit"], params["offset"]):
        actor_sides = {condition for condition, _ in sides.values()}
        conditions = [c.replace(sql.SIDE_LIST, sql.SIDE_EACH_EVENT) if c in actor_sides else c for c in conditions]
    if (
        order == sql.EVENT_SORTS["-date"]
        and "match" in params
        and _text_in_date_order(connection, params["match"], params["limit"], params["offset"])
    ):
        conditions = [sql.TEXT_EACH_EVENT if c == sql.EVENT_CONDITIONS["text"] else c for c in conditions]
    statement = sql.EVENTS_FILTERED.format(conditions="\n  ".join(conditions), order=order)
    if order == sql.EVENT_SORTS["-date"]:
        return connection.execute(statement, params).fetchall()
    try:
        with time_limit(connection, SORT_SECONDS):
            return connection.execute(statement, params).fetchall()
    except TimeoutError:
        raise KronikaError(
            "E508",
            f"sorting the events by {sort} took more than {SORT_SECONDS:g} s; narrow the "
            "filters (since, until, type, actor) or sort by date",
        ) from None


# The filters a page of a few actor keys may have besides their side, all checked on each event read.
KEYS_FILTERS = ("modality", "since", "until")
MAX_MERGED_KEYS = 16  # a side of more keys ("Chiny": every Chinese actor) is left to the other plans


def _keys_page(conditions: list[str], params: dict, sides: dict, order: str) -> str | None:
    """The statement of a latest-first page of a few actor keys on one side, with no filter but the dates and
    an asserted (or any) modality, read in order off the keys' participant index (``sql.EVENT_OF_KEY``: the
    same rows as the other plans); None for any other page. A rare modality is left to the other plans: the
    keys' index would be read through all their events to find the few of it."""
    if order != sql.EVENT_SORTS["-date"] or len(sides) != 1 or params["limit"] < 0:
        return None
    ((name, (side, named)),) = sides.items()
    if len(named) > MAX_MERGED_KEYS or "match" in params or params["modality"] not in (None, "asserted"):
        return None
    others = [condition for condition in conditions if condition != side]
    if not set(others) <= {sql.EVENT_CONDITIONS[kept] for kept in KEYS_FILTERS}:
        return None
    parts = {
        "role": sql.KEY_ROLES[name],
        "dates": "".join(sql.SIDE_DATES[bound] for bound in ("since", "until") if params[bound] is not None),
        "same_role": " AND q.role = p.role" if name != "actor" else "",
        "conditions": "\n  ".join(others),
    }
    arms = [sql.EVENT_OF_KEY.format(key=key).format(**parts) for key in named]
    return "\nUNION\n".join(arms) + sql.EVENTS_OF_KEYS_ORDER


def event_count(connection: sqlite3.Connection, **given) -> int | None:
    """How many events match the filters of :func:`event_rows`; None when that is not known exactly and
    cheaply (more than ``COUNT_CAP`` events of an actor or a word, or a count over ``COUNT_SECONDS``)."""
    count, exact = event_total(connection, **given)
    return count if exact else None


def event_total(connection: sqlite3.Connection, **given) -> tuple[int | None, bool]:
    """A list page's total and whether it is exact: ``(count, True)``, or ``(COUNT_CAP, False)`` when an actor
    or words match more than ``COUNT_CAP`` events (at least that many), or ``(None, False)`` when counting took
    more than ``COUNT_SECONDS``. Filters on the categories and dates alone are summed from ``event_counts``
    (exact, a few thousand rows); counting the events of an actor or a word stops at the cap, as a search
    engine's hit count does (Elasticsearch's track_total_hits), so a frequent one costs a bounded read."""
    found = _event_filter(connection, **given)
    if found is None:
        return 0, True
    conditions, params, sides = found
    if set(conditions) <= {sql.EVENT_CONDITIONS["modality"]}:  # no filter but the modality: the kept totals
        return connection.execute(sql.EVENT_TOTAL, {"modality": params["modality"]}).fetchone()[0], True
    if _counted_by_category(params, sides):
        statement = sql.EVENT_COUNTS_SUMMED.format(conditions=_count_conditions(params))
        return connection.execute(statement, params).fetchone()[0], True
    kept = _actor_total(connection, conditions, params, sides)
    if kept is not None:
        return kept, True
    # Each side reads the dates off its participants (sql.SIDE_DATES), which repeat their event's date: the
    # events' own date conditions only kept the planner from the covering index of each event's modality
    # (events_joined) for a look-up of the event's row (PRK as recipient in 2010-2015, 2,570 events of
    # 1,000,000: 2.8 -> 2.2 ms of CPU).
    if sides:
        conditions = [c for c in conditions if c not in (sql.EVENT_CONDITIONS["since"], sql.EVENT_CONDITIONS["until"])]
    statement = _side_counted(conditions, params, sides) or sql.EVENTS_COUNTED_UP_TO.format(
        conditions="\n  ".join(conditions)
    )
    if "match" in params:
        others = [condition for condition in conditions if condition != sql.EVENT_CONDITIONS["text"]]
        statement = sql.EVENTS_OF_WORDS_COUNTED_UP_TO.format(conditions="\n  ".join(others))
    try:
        with time_limit(connection, COUNT_SECONDS):
            count = connection.execute(statement, {**params, "cap": COUNT_CAP + 1}).fetchone()[0]
    except TimeoutError:
        return None, False
    return (COUNT_CAP, False) if count > COUNT_CAP else (count, True)


def _side_counted(conditions: list[str], params: dict, sides: dict) -> str | None:
    """The capped count of one actor side of a few keys, with no filter but its dates and an asserted (or any)
    modality (``sql.SIDE_COUNTED_UP_TO``), as a page of them is read (:func:`_keys_page`); None for any other
    filters. Most of such a side's events count, so the cap comes after about as many rows; a rare modality,
    a type or a QuadClass would have the keys' rows read through to find the few (``recipient=CHN&
    modality=negated`` on 1,000,000 events: 28 -> 54 ms), where the side's list ordered by key is cheaper."""
    if len(sides) != 1 or "match" in params or params["modality"] not in (None, "asserted"):
        return None
    ((name, (side, named)),) = sides.items()
    dated = (sql.EVENT_CONDITIONS["since"], sql.EVENT_CONDITIONS["until"])  # in the side's fragment (SIDE_DATES)
    others = [condition for condition in conditions if condition != side and condition not in dated]
    if len(named) > MAX_MERGED_KEYS or not set(others) <= {sql.EVENT_CONDITIONS["modality"]}:
        return None
    return sql.SIDE_COUNTED_UP_TO.format(
        marks=sql.named_placeholders(list(named)),
        role=sql.KEY_ROLES[name],
        dates="".join(sql.SIDE_DATES[bound] for bound in ("since", "until") if params[bound] is not None),
        conditions="\n  ".join(others),
    )


def _actor_total(connection: sqlite3.Connection, conditions: list[str], params: dict, sides: dict) -> int | None:
    """The events of one actor key on one side with no other filter (asserted or every modality): its running
    counts in ``actors``; None for any other filters."""
    if len(sides) != 1 or "match" in params or params["modality"] not in (None, "asserted"):
        return None
    ((name, (condition, named)),) = sides.items()
    if len(named) != 1 or set(conditions) - {condition, sql.EVENT_CONDITIONS["modality"]}:
        return None
    row = connection.execute(sql.ACTOR_SIDE_TOTALS[name, params["modality"]], list(named.values())).fetchone()
    return row[0] if row else 0


def _none_by_category(connection: sqlite3.Connection, params: dict) -> bool:
    """Whether the kept counts say that no event has the type and country, or the QuadClass, asked: such a
    page would read every event of the type (or every event: no index has the QuadClass) to find none
    (AID in CHN on 1,000,000 events: 114 ms of CPU)."""
    if params["quad_class"] is None and (params["type"] is None or params["country"] is None):
        return False
    statement = sql.EVENT_COUNTS_ANY.format(conditions=_count_conditions(params))
    return not connection.execute(statement, params).fetchone()[0]


def _counted_by_category(params: dict, sides: dict) -> bool:
    """Whether ``event_counts`` answers these filters: no actor side and no words."""
    return not sides and "match" not in params


def _count_conditions(params: dict) -> str:
    """The filters given, as conditions on ``event_counts`` (``sql.EVENT_COUNT_CONDITIONS``)."""
    names = [
        name for name in ("type", "modality", "since", "until", "quad_class", "country") if params[name] is not None
    ]
    if params["modality"] is None:
        names.append("all_modalities")
    return "\n  ".join(sql.EVENT_COUNT_CONDITIONS[name] for name in names)


@contextmanager
def time_limit(connection: sqlite3.Connection, seconds: float):
    """Interrupt the statements run inside after ``seconds``, raising TimeoutError (SQLite's progress
    handler, looked at every few thousand virtual-machine steps)."""
    deadline = time.monotonic() + seconds
    connection.set_progress_handler(lambda: time.monotonic() > deadline, PROGRESS_STEPS)
    try:
        yield
    except sqlite3.OperationalError as error:
        if time.monotonic() > deadline and "interrupted" in str(error):
            raise TimeoutError(seconds) from None
        raise
    finally:
        connection.set_progress_handler(None, 0)


def event_facets(
    connection: sqlite3.Connection, names=tuple(sql.EVENT_FACETS), *, size: int = 20, **given
) -> dict[str, list[dict] | None]:
    """For each facet named (``type``, ``country``: where it happened), its values among the events matching
    the filters, most events first, at most ``size`` each: ``{"type": [{"value": "CONSULT", "count": 3}]}``;
    None for a facet that took more than ``FACET_SECONDS`` (too many events: narrow the filters)."""
    for name in names:
        if name not in sql.EVENT_FACETS:
            filters.refuse("--facet", name, "a facet", tuple(sql.EVENT_FACETS))
    found = _event_filter(connection, **given)
    facets: dict[str, list[dict]] = {name: [] for name in names}
    if found is None:
        return facets
    conditions, params, sides = found
    for name in names:
        if _counted_by_category(params, sides):  # summed from event_counts, exact and quick
            statement = sql.EVENT_COUNT_FACET.format(
                column=sql.EVENT_COUNT_FACETS[name], conditions=_count_conditions(params)
            )
        else:
            statement = sql.EVENT_FACET.format(column=sql.EVENT_FACETS[name], conditions="\n  ".join(conditions))
        try:
            with time_limit(connection, FACET_SECONDS):
                rows = connection.execute(statement, {**params, "facet_size": size}).fetchall()
        except TimeoutError:
            facets[name] = None
            continue
        facets[name] = [{"value": value, "count": count} for value, count in rows]
    return facets


def event_timeline(connection: sqlite3.Connection, **given) -> dict | None:
    """The events matching the filters of :func:`event_rows`, counted per day (ISO week, month for longer
    ranges) and QuadClass: ``kronika.store.timeline``; events dated only to a month or a year are left out.
    None when counting took more than ``COUNT_SECONDS``."""
    found = _event_filter(connection, **given)
    if found is None:
        return timeline.timeline([])
    conditions, params, sides = found
    if _counted_by_category(params, sides):
        statement = sql.EVENT_COUNT_DAYS.format(conditions=_count_conditions(params))
    else:
        statement = sql.EVENT_DAYS.format(conditions="\n  ".join(conditions))
    try:
        with time_limit(connection, COUNT_SECONDS):
            counts = connection.execute(statement, params).fetchall()
    except TimeoutError:
        return None
    return timeline.timeline(counts)


def sort_order(sort: str | None, orders: dict[str, str], default: str) -> str:
    """The ORDER BY of a list's ``sort`` value, looked up in its fixed table (never formatted from the value)."""
    key = (sort or default).strip() or default
    if key not in orders:
        filters.refuse("--sort", key, "a sort order", tuple(orders))
    return orders[key]


def _event_filter(
    connection: sqlite3.Connection,
    *,
    actor: str | None = None,
    initiator: str | None = None,
    recipient: str | None = None,
    type: str | None = None,
    quad_class: int | None = None,
    country: str | None = None,
    text: str | None = None,
    since: str | None = None,
    until: str | None = None,
    modality: str | None = None,
):
    """The WHERE fragments and parameters of the filters given, and each actor side's fragment and keys; None
    when a filter can match nothing (a name no actor has, words with no letters)."""
    since, until = filters.date_range(since, until)
    params = {
        "type": filters.event_type(type),
        "since": since,
        "until": until,
        "quad_class": filters.quad_class(quad_class),
        "country": resolve.country_code(country),
        "modality": filters.modality(modality),
    }
    conditions = [
        sql.EVENT_CONDITIONS[name]
        for name in ("type", "modality", "since", "until", "quad_class", "country")
        if params[name] is not None
    ]
    sides = {}
    for name, value in (("actor", actor), ("initiator", initiator), ("recipient", recipient)):
        if value is None or not value.strip():
            continue
        keys = resolve.actor_keys(connection, value)
        if not keys:
            return None
        named = {f"{name}{i}": key for i, key in enumerate(keys)}
        params.update(named)
        dates = "".join(sql.SIDE_DATES[bound] for bound in ("since", "until") if params[bound] is not None)
        side = sql.EVENT_CONDITIONS[name].format(marks=sql.named_placeholders(list(named)), dates=dates)
        sides[name] = (side, named)
        conditions.append(sides[name][0])
    if text is not None and text.strip():
        match = fts_query(text)
        if match is None:
            return None
        params["match"] = match
        conditions.append(sql.EVENT_CONDITIONS["text"])
    return conditions, params, sides


def _read_in_date_order(connection: sqlite3.Connection, sides: dict[str, dict], limit: int, offset: int) -> bool:
    """Whether a page of a frequent actor's events is cheaper read off the date index, each event checked
    against the actor's, than by looking up every event of the actor and sorting them all (Kim Jong Un in
    40,000 of 1,000,000 events: 740 -> 53 ms, and 11 -> 1 ms of CPU with ``sql.SIDE_EACH_EVENT``). The side
    is then checked event by event (same rows), so the planner cannot drive the query from the actor's
    events; for a rare actor they drive it, as before.

    The actor's events are its ``actors`` counts (over every modality), the store's events its largest key:
    the date index yields a matching event about every total/candidates rows, so a page costs about
    (offset + limit) * total / candidates reads against candidates lookups for the other plan."""
    if not sides or limit < 0:
        return False
    candidates = min(
        connection.execute(
            sql.ACTOR_EVENT_COUNT.format(marks=sql.placeholders(len(named))), list(named.values())
        ).fetchone()[0]
        for named in sides.values()
    )
    total = connection.execute(sql.LAST_EVENT_KEY).fetchone()[0] or 0
    return candidates > 0 and (offset + limit) * total < candidates * candidates


def _text_in_date_order(connection: sqlite3.Connection, match: str, limit: int, offset: int) -> bool:
    """Whether a page of the events of a common word is cheaper read off the date index, each event's
    reports checked against the matching articles, than by listing every event of every matching article
    and sorting them: the same estimate as for a frequent actor (:func:`_read_in_date_order`), with the
    matching articles as the candidates and the store's articles as the total. The matches are counted only
    as far as the answer needs: more than the square root of (offset + limit) * total of them ("Pekin" on
    1,000,000 events: 3,195 of its 12,000 read)."""
    if limit < 0:
        return False
    total = connection.execute(sql.LAST_ARTICLE_KEY).fetchone()[0] or 0
    enough = matches_needed(offset + limit, total)
    return connection.execute(sql.MATCHES_UP_TO, {"match": match, "enough": enough}).fetchone()[0] >= enough


def matches_needed(rows: int, total: int) -> int:
    """The fewest candidates for which candidates * candidates > rows * total (so a count may stop there)."""
    return math.isqrt(max(rows, 0) * max(total, 0)) + 1


def event_records(connection: sqlite3.Connection, rows: list[tuple]) -> list[dict]:
    """Event rows in the document record's event shape (participants as lists, location as an object),
    with the stored id, GDELT's counts and the first report's article, sentence and trigger."""
    pks = [row[0] for row in rows]
    sides = participants(connection, pks)
    firsts = first_reports(connection, pks, tone=False)
    records = []
    # The row unpacked by position (EVENT_FIELDS' order) rather than through a dict of it: a page of 500
    # events built in half the time.
    for (
        pk,
        stored_id,
        day,
        kind,
        mode,
        context,
        cameo,
        goldstein,
        quad_class,
        place,
        place_country,
        lat,
        lon,
        mentions,
        sources,
        articles,
        _added_at,
        precision,
        modality,
    ) in rows:
        first = firsts.get(pk)
        records.append(
            {
                "id": stored_id,
                "type": kind,
                "mode": mode,
                "modality": modality,
                "context": context_list(context),
                "actor": sides.get((pk, "actor"), []),
                "recipient": sides.get((pk, "recipient"), []),
                "cameo": cameo,
                "goldstein": goldstein,
                "quad_class": quad_class,
                "date": day,
                "date_precision": precision,
                "location": {"name": place, "country": place_country, "lat": lat, "lon": lon}
                if place or place_country
                else None,
                "num_mentions": mentions,
                "num_sources": sources,
                "num_articles": articles,
                "first_report": first if first is not None else dict.fromkeys(FIRST_REPORT_FIELDS),
            }
        )
    return records


FIRST_REPORT_FIELDS = ("article", "url", "source", "sentence", "trigger")


def event(connection: sqlite3.Connection, event_id: str) -> dict | None:
    """One stored event in record shape with every report of it (article, sentence, trigger, modality)."""
    row = connection.execute(sql.EVENT_BY_ID, (event_id,)).fetchone()
    if row is None:
        return None
    record = event_records(connection, [row])[0]
    columns = [
        "article",
        "title",
        "url",
        "source",
        "article_date",
        "ordinal",
        "sentence",
        "trigger_start",
        "trigger_end",
        "trigger_text",
        "modality",
    ]
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


def entity(
    connection: sqlite3.Connection,
    entity_id: str,
    *,
    events_limit: int = 50,
    counterparts_limit: int = 30,
    modality: str | None = None,
) -> dict | None:
    """An entity (or an actor known only by its key) with its aliases, actor rows, events on each side and
    the actors it deals with (events of ``modality``, asserted by default); None when the store knows neither."""
    kept = filters.modality(modality)
    found = connection.execute(sql.ENTITY, (entity_id,)).fetchone()
    cursor = connection.execute(sql.ACTORS_OF_ENTITY, {"id": entity_id})
    actor_rows = [dict(zip([d[0] for d in cursor.description], r)) for r in cursor.fetchall()]
    if found is None and not actor_rows:
        return None
    if found is not None:
        info = dict(zip(["id", "name", "type", "country", "sector"], found))
    else:
        first = actor_rows[0]
        info = {
            "id": entity_id,
            "name": first["name"],
            "type": None,
            "country": first["country"],
            "sector": first["sector"],
        }
    for row in actor_rows:
        row["code"] = actor_code(row["country"], row["sector"])
    aliases = [
        {"text": t, "mentions": m, "articles": a} for t, m, a in connection.execute(sql.SUMMED_ALIASES, (entity_id,))
    ]
    keys = [row["key"] for row in actor_rows]
    side = {}
    for role, name in (("actor", "initiator"), ("recipient", "recipient")):
        rows = event_rows(connection, **{name: entity_id}, limit=events_limit, modality=modality) if keys else []
        side[role] = event_records(connection, rows)
    deals = []
    if keys:
        statement = sql.SUMMED_COUNTERPARTS.format(marks=sql.placeholders(len(keys)))
        cursor = connection.execute(statement, [*keys, *keys, kept, kept, counterparts_limit])
        names = [d[0] for d in cursor.description]
        deals = [dict(zip(names, r)) for r in cursor.fetchall()]
        for d in deals:
            d["key"] = d.pop("actor")
            d["code"] = actor_code(d["country"], d["sector"])
    return {
        **info,
        "aliases": aliases,
        "actors": actor_rows,
        "events_as_actor": side["actor"],
        "events_as_recipient": side["recipient"],
        "counterparts": deals,
    }


ENTITY_COLUMNS = ["id", "name", "type", "country", "sector", "articles", "events"]


def entities(
    connection: sqlite3.Connection,
    *,
    search: str | None = None,
    type: str | None = None,
    country: str | None = None,
    limit: int | None = DEFAULT_LIMIT,
    offset: int = 0,
    frame: bool = True,
) -> pd.DataFrame | list[tuple]:
    """Linked entities (people, organisations, places), most events then most articles first (the rows
    themselves with ``frame=False``)."""
    params = {
        "search": _like_escape(search) if search else None,
        "raw": search,
        "type": filters.entity_type(type),
        "country": resolve.country_code(country),
        "limit": _limit(limit),
        "offset": max(int(offset or 0), 0),
    }
    rows = connection.execute(sql.ENTITIES, params).fetchall()
    return pd.DataFrame(rows, columns=ENTITY_COLUMNS) if frame else rows


def entity_records(connection: sqlite3.Connection, **given) -> list[dict]:
    """:func:`entities` as plain dicts (the API's view: the same values, without building a DataFrame)."""
    return [dict(zip(ENTITY_COLUMNS, row)) for row in entities(connection, frame=False, **given)]


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
    frame["trigger"] = [(firsts.get(pk) or {}).get("trigger") for pk in pks]  # the evidence: the word coded
    frame["source_url"] = [(firsts.get(pk) or {}).get("url") for pk in pks]
    return frame[EVENT_OUTPUT].reset_index(drop=True)


def participants(connection: sqlite3.Connection, pks: list[int]) -> dict[tuple[int, str], list[dict]]:
    """Participants by (event, role), in their order, for many events at once."""
    found: dict[tuple[int, str], list[dict]] = {}
    for chunk in _chunks(pks):
        statement = sql.PARTICIPANTS_OF.format(marks=sql.placeholders(len(chunk)))
        for event, role, entity, name, country, sector in connection.execute(statement, chunk):
            found.setdefault((event, role), []).append(
                {"entity": entity, "name": name, "country": country, "sector": sector}
            )
    return found


def first_reports(connection: sqlite3.Connection, pks: list[int], *, tone: bool = True) -> dict[int, dict]:
    """Each event's first report: its ``FIRST_REPORT_FIELDS`` in the record's order, then (``tone``) its
    article's tone. Each dict is made from the row itself: a page of 500 events is built in a quarter less time
    than through a dict of every column."""
    found = {}
    for chunk in _chunks(pks):
        statement = sql.FIRST_REPORTS_OF.format(marks=sql.placeholders(len(chunk)))
        for event, article, url, source, sentence, trigger, article_tone in connection.execute(statement, chunk):
            report = {"article": article, "url": url, "source": source, "sentence": sentence, "trigger": trigger}
            if tone:
                report["tone"] = article_tone
            found[event] = report
    return found


def average_tone(connection: sqlite3.Connection, pks: list[int]) -> dict[int, float | None]:
    found = {}
    for chunk in _chunks(pks):
        statement = sql.AVERAGE_TONE_OF.format(marks=sql.placeholders(len(chunk)))
        found.update(dict(connection.execute(statement, chunk).fetchall()))
    return found


ACTOR_COLUMNS = [
    "key",
    "entity",
    "name",
    "country",
    "sector",
    "events",
    "as_actor",
    "as_recipient",
    "first_date",
    "last_date",
]
ACTOR_OUTPUT = [*ACTOR_COLUMNS[:5], "code", *ACTOR_COLUMNS[5:]]
# snippet: an excerpt of the text, around the words searched for when there are any; snippet_start: where
# it starts in the text; matches: [start, end] offsets into the text of the words that matched, in the excerpt.
ARTICLE_COLUMNS = ["id", "date", "title", "url", "source", "tone", "snippet", "snippet_start", "matches"]


def actors(connection: sqlite3.Connection, **given) -> pd.DataFrame:
    """:func:`actor_records` as a DataFrame (``ACTOR_OUTPUT``)."""
    return pd.DataFrame(actor_records(connection, **given), columns=ACTOR_OUTPUT)


def actor_records(
    connection: sqlite3.Connection,
    *,
    search: str | None = None,
    country: str | None = None,
    modality: str | None = None,
    limit: int | None = DEFAULT_LIMIT,
    offset: int = 0,
    sort: str | None = None,
) -> list[dict]:
    """Everyone who took part in an event of ``modality`` (asserted by default), most such events first
    (or in ``sort`` order: ``sql.ACTOR_SORTS``): ``ACTOR_OUTPUT``, the columns with the actor code after the
    sector."""
    statement, params = _actor_statement(connection, search, country, modality, sort)
    params.update(limit=_limit(limit), offset=max(int(offset or 0), 0))
    records = []
    for row in connection.execute(statement, params):
        record = dict(zip(ACTOR_COLUMNS[:5], row))
        record["code"] = actor_code(row[3], row[4])
        record.update(zip(ACTOR_COLUMNS[5:], row[5:]))
        records.append(record)
    return records


def actor_count(
    connection: sqlite3.Connection,
    *,
    search: str | None = None,
    country: str | None = None,
    modality: str | None = None,
) -> int:
    """How many actors :func:`actors` lists with these filters."""
    statement, params = _actor_statement(connection, search, country, modality, None)
    return connection.execute(sql.COUNTED.format(statement=statement), {**params, "limit": -1, "offset": 0}).fetchone()[
        0
    ]


def _actor_statement(connection, search, country, modality, sort) -> tuple[str, dict]:
    kept = filters.modality(modality)
    named = resolve.actor_keys(connection, search) if search else []
    params = {
        "search": _like_escape(search) if search else None,
        "raw": search,
        "named": json.dumps(named),
        "country": resolve.country_code(country),
        "modality": kept,
    }
    statement = sql.ACTORS if kept is None else sql.ASSERTED_ACTORS if kept == "asserted" else sql.ACTORS_OF_MODALITY
    return statement.format(order=sort_order(sort, sql.ACTOR_SORTS, "-events")), params


def articles(connection: sqlite3.Connection, **given) -> pd.DataFrame:
    """:func:`article_rows` as a DataFrame (``ARTICLE_COLUMNS``)."""
    return pd.DataFrame(article_rows(connection, **given), columns=ARTICLE_COLUMNS)


def article_rows(
    connection: sqlite3.Connection,
    *,
    search: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = DEFAULT_LIMIT,
    lang: str = "pl",
    offset: int = 0,
    sort: str | None = None,
    after: str | None = None,
) -> list[tuple]:
    """Articles (``ARTICLE_COLUMNS``, each with its snippet), latest first; with ``search``, best match first
    unless ``sort`` (``sql.ARTICLE_SORTS``) asks for another order. ``after``: the id of the last article of
    the page before (keyset paging, latest first only; a ranked search pages with ``offset``)."""
    found = _article_statement(search, since, until, sort, lang)
    if found is None:
        return []
    statement, params = found
    params.update(limit=_limit(limit), offset=max(int(offset or 0), 0))
    if statement is sql.SEARCH_ARTICLES:  # a date range ranks every match in it
        if after is not None:
            raise KronikaError("E506", "a ranked search pages with offset, not a cursor (or sort it by -date)")
        dated = params["since"] is not None or params["until"] is not None
        params["floor"] = 0 if dated else _ranked_floor(connection, params["match"], params["limit"] + params["offset"])
        if not dated and params["limit"] > 0:  # the dates read only where they can decide
            statement = sql.SEARCH_ARTICLES_CUT
    if after is None:
        rows = connection.execute(statement, params).fetchall()
    else:
        latest_first = sort_order(sort, sql.ARTICLE_SORTS, "-date") == sql.ARTICLE_SORTS["-date"]
        position, parts = _keyset(connection, "articles", after, sort, latest_first)
        rows = _pages(
            parts,
            params["limit"],
            lambda part, size: connection.execute(
                _article_statement(search, since, until, sort, lang, part)[0],
                {**params, **position, "limit": size, "offset": 0},
            ).fetchall(),
        )
    terms = snippets.search_terms(search, lang) if search else None
    read: dict = {}  # the words read for the snippets, shared by the page's articles
    cut = [snippets.snippet(row[-1], terms, lang=lang, read=read) for row in rows]
    return [(*row[:-1], s.text, s.start, [list(m) for m in s.matches]) for row, s in zip(rows, cut)]


def article_records(connection: sqlite3.Connection, **given) -> list[dict]:
    """:func:`articles` as plain dicts (the API's view: the same values, without building a DataFrame)."""
    return [dict(zip(ARTICLE_COLUMNS, row)) for row in article_rows(connection, **given)]


def article_count(
    connection: sqlite3.Connection,
    *,
    search: str | None = None,
    since: str | None = None,
    until: str | None = None,
    lang: str = "pl",
) -> int:
    """How many articles :func:`articles` lists with these filters."""
    found = _article_statement(search, since, until, "-date", lang)
    if found is None:
        return 0
    statement, params = found
    if search is not None and params["since"] is None and params["until"] is None:
        return connection.execute(sql.COUNT_MATCHES, params).fetchone()[0]  # FTS5's doclist, no article read
    conditions = [condition for name, condition in sql.ARTICLE_COUNT_CONDITIONS.items() if params.get(name)]
    if not conditions:  # every article: the count kept at write time (migration article_totals)
        return connection.execute(sql.ARTICLE_TOTAL).fetchone()[0]
    return connection.execute(sql.ARTICLES_COUNTED.format(conditions="\n  ".join(conditions)), params).fetchone()[0]


def _article_statement(search, since, until, sort, lang, keyset: str = "") -> tuple[str, dict] | None:
    since, until = filters.date_range(since, until)
    params = {"since": since, "until": until}
    order = sort_order(sort, sql.ARTICLE_SORTS, "-date")  # checked even when a search ranks the list
    if search is None:
        return sql.ARTICLES.format(search=keyset, order=order), params
    match = fts_query(search, lang=lang)
    if match is None:
        return None
    params["match"] = match
    if sort is None:
        return sql.SEARCH_ARTICLES, params
    return sql.ARTICLES.format(search=sql.ARTICLE_MATCHES + "\n" + keyset, order=order), params


RANKED_MATCHES = 2_000  # a search of a common word ranks its latest this many matches (and a deep page's rows)


def _ranked_floor(connection: sqlite3.Connection, match: str, rows: int) -> int:
    """The smallest article key a ranked search ranks: 0 (every match) unless the words match more than
    ``RANKED_MATCHES`` articles (and more than the page asked reaches), then the key of the latest
    ``RANKED_MATCHES``-th: the best of the latest matches first, as a news search wants, at a bounded cost."""
    if rows < 0:
        return 0
    found = connection.execute(sql.NEWEST_MATCHES_FLOOR, {"match": match, "ranked": max(RANKED_MATCHES, rows)})
    floor = found.fetchone()
    return floor[0] if floor else 0


def fts_query(search: str, *, lang: str = "pl") -> str | None:
    """An FTS5 query in which every word of ``search`` must occur, as its lemma or as written.

    Each word is analysed by the same segmentation and morphology as the articles, so "Pekinie" and
    "Pekin" both look for the lemma "pekin". Every term is a quoted FTS5 string (inner quotes doubled), so
    no character of the user's text can act as FTS5 syntax.
    """
    groups = [
        "(" + " OR ".join(_quote(term) for term in sorted(terms)) + ")" for terms in snippets.search_terms(search, lang)
    ]
    return " AND ".join(groups) if groups else None


def relations(
    connection: sqlite3.Connection,
    a: str,
    b: str,
    *,
    by: str = "month",
    since: str | None = None,
    until: str | None = None,
    modality: str | None = None,
    frame: bool = True,
) -> pd.DataFrame | list[dict]:
    """Both directions between two countries per period (ISO weeks for "week"): events, mentions, Goldstein
    mean and sum, QuadClass; events of ``modality``, asserted by default. ``a`` and ``b`` are codes or names.
    ``frame=False``: the periods as plain dicts (the API's view), the same values."""
    if by not in sql.PERIODS:
        filters.refuse("--by", by, "a period", tuple(sql.PERIODS))
    since, until = filters.date_range(since, until)
    params = {
        "a": resolve.country_code(a, "country"),
        "b": resolve.country_code(b, "country"),
        "since": since,
        "until": until,
        "modality": filters.modality(modality),
    }
    series = sql.RELATIONS_SUMMED if params["a"] == params["b"] else sql.RELATIONS_BOTH_WAYS
    statement = series.format(period=sql.PERIODS[by])
    cursor = connection.execute(statement, params)
    columns = [d[0] for d in cursor.description]
    rows = cursor.fetchall()
    if not frame:
        return [_rounded(dict(zip(columns, row))) for row in rows]
    frame = pd.DataFrame(rows, columns=columns)
    if not frame.empty:
        frame["goldstein_mean"] = frame["goldstein_mean"].astype(float).round(3)
        frame["goldstein_sum"] = frame["goldstein_sum"].astype(float).round(3)
    return frame


def _rounded(period: dict) -> dict:
    """A relation period's Goldstein mean and sum as floats to 3 decimals, rounded as numpy's ``round`` (the
    DataFrame's) does: the value times 1,000, rounded half to even, divided by 1,000; None when missing."""
    for name in ("goldstein_mean", "goldstein_sum"):
        value = period[name]
        period[name] = None if value is None else round(float(value) * 1000) / 1000
    return period


def register_functions(connection: sqlite3.Connection) -> None:
    """The SQL functions the queries call (``iso_week``: a relation series by week), registered once when a
    connection opens. Registering a function again on a connection expires every statement it has prepared, so
    the next call of each is compiled anew: done per relation series, it cost the requests after it about 0.2
    ms each (an events page 0.43 -> 0.61 ms of CPU on the 1,000,000-event store)."""
    connection.create_function("iso_week", 1, iso_week, deterministic=True)


def iso_week(day: str) -> str | None:
    """The ISO 8601 week of a YYYY-MM-DD date: "2025-W01" for 2024-12-30 (the week's year, not the day's)."""
    try:
        year, week, _ = Date.fromisoformat(day).isocalendar()
    except ValueError:
        return None
    return f"{year:04d}-W{week:02d}"


def stats(connection: sqlite3.Connection, *, modality: str | None = None) -> pd.DataFrame:
    """What the store holds: counts, date range, events per modality, and per type those of ``modality``."""
    rows = [(name, connection.execute(statement).fetchone()[0]) for name, statement in sql.STATS]
    rows += [(f"modality.{kind}", count) for kind, count in connection.execute(sql.EVENT_MODALITY_COUNTS)]
    type_counts = connection.execute(sql.EVENT_TYPE_COUNTS, {"modality": filters.modality(modality)})
    rows += [(f"events.{kind}", count) for kind, count in type_counts]
    return pd.DataFrame(rows, columns=["measure", "value"]).astype({"value": object})


def context_list(value: str | None) -> list[str]:
    return list(_parsed_context(value)) if value else []


@functools.lru_cache(maxsize=1024)
def _parsed_context(value: str) -> tuple[str, ...]:
    # A store holds a few dozen distinct contexts ("[]", '["diplomatic"]'): each is parsed once, not per event.
    return tuple(json.loads(value))


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
        yield items[start : start + size]

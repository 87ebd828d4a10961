"""The store through its Python API, on real SQLite files in tmp_path: schema, idempotence, deduplication,
queries and relations."""

from __future__ import annotations

import sqlite3

import pandas as pd
import pytest

import store_records as records
from old_schema import downgrade
from kronika.errors import KronikaError
from kronika.store import Store
from kronika.store import sql
from kronika.store.migrations import LATEST, MIGRATIONS
from kronika.store.write import event_id


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "kronika.db") as opened:
        opened.add_many(records.ALL)
        yield opened


def test_new_file_gets_schema_wal_and_marks(tmp_path):
    path = tmp_path / "new.db"
    Store(path).close()
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA application_id").fetchone()[0] == sql.APPLICATION_ID
    assert connection.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert [row[0] for row in connection.execute("SELECT name FROM kronika_migrations ORDER BY rowid")] == list(
        MIGRATIONS
    )
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {
        "articles",
        "entities",
        "mentions",
        "timexes",
        "events",
        "event_participants",
        "event_reports",
        "quotes",
        "amounts",
        "article_search",
    } <= tables


def test_reopening_applies_nothing_again(tmp_path):
    path = tmp_path / "k.db"
    with Store(path) as first:
        first.add(records.PAP)
    with Store(path) as second:
        assert len(second) == 1
        assert second.connection.execute("SELECT count(*) FROM kronika_migrations").fetchone()[0] == LATEST


def test_same_record_twice_adds_nothing(tmp_path):
    with Store(tmp_path / "k.db") as store:
        assert store.add(records.PAP) is True
        before = store.stats().set_index("measure")["value"].to_dict()
        assert store.add(records.PAP) is False
        assert store.add_many([records.PAP, records.PAP]) == 0
        assert store.stats().set_index("measure")["value"].to_dict() == before


def test_everything_in_the_record_is_stored(store):
    stats = store.stats().set_index("measure")["value"]
    assert stats["articles"] == len(records.ALL)
    assert stats["entities"] == 2 and stats["mentions"] == 2 and stats["timexes"] == 1
    assert stats["quotes"] == 1 and stats["amounts"] == 1
    assert stats["event_reports"] == sum(len(d.events) for d in records.ALL)


def test_documents_come_back_as_they_went_in(store):
    back = {doc.id: doc for doc in store.documents()}
    for doc in records.ALL:
        assert back[doc.id].to_dict(tokens=False) == doc.to_dict(tokens=False)


def kim_xi(store, since="2025-09-04", until="2025-09-05"):
    frame = store.events(actor="Kim Jong Un", type="CONSULT", since=since, until=until)
    return frame[frame["recipient"] == "Xi Jinping"]


def test_one_event_from_several_reports(store):
    (event,) = kim_xi(store).to_dict("records")
    # PAP (09-04), Rzeczpospolita (09-04), and a second PAP article with two reports dated 09-05.
    assert (event["num_mentions"], event["num_articles"], event["num_sources"]) == (4, 3, 2)
    assert event["date"] == "2025-09-04"
    assert event["source_url"] == records.PAP.url


def test_each_report_keeps_its_provenance(store):
    rows = store.connection.execute(
        "SELECT a.id, r.sentence, r.trigger_text, r.date FROM event_reports r JOIN articles a ON a.pk = r.article"
        " JOIN events e ON e.pk = r.event WHERE e.date = '2025-09-04' AND e.type = 'CONSULT' ORDER BY r.pk"
    ).fetchall()
    assert rows == [
        ("pap-2025-09-04-kim-xi", 0, "spotkał się", "2025-09-04"),
        ("rp-2025-09-05-kim-xi", 0, "rozmawiał", "2025-09-04"),
        ("pap-2025-09-05-kim-wyjazd", 0, "rozmowach", "2025-09-05"),
        ("pap-2025-09-05-kim-wyjazd", 1, "Rozmowy", "2025-09-05"),
    ]


# (what differs from the first report, the document, events expected for Kim-Xi CONSULT overall)
DEDUP_CASES = [
    ("same day, other outlet", records.RP, 1),
    ("one day later", records.PAP_FOLLOW, 1),
    ("three days later", records.LATER, 2),
    ("month precision only", records.MONTH, 2),
]


@pytest.mark.parametrize(("name", "doc", "expected"), DEDUP_CASES, ids=[c[0] for c in DEDUP_CASES])
def test_dedup_within_a_day(tmp_path, name, doc, expected):
    with Store(tmp_path / "k.db") as store:
        store.add_many([records.PAP, doc])
        frame = store.events(actor="Q56226", type="CONSULT", limit=0)
        assert (frame["recipient"] == "Xi Jinping").sum() == expected


def test_order_of_ingest_does_not_change_counts(tmp_path):
    with Store(tmp_path / "a.db") as forward, Store(tmp_path / "b.db") as backward:
        forward.add_many(records.ALL)
        for doc in reversed(records.ALL):
            backward.add(doc)
        columns = ["type", "actor", "recipient", "num_mentions", "num_sources", "num_articles"]
        key = ["type", "actor", "recipient", "num_mentions"]
        a = forward.events(limit=0)[columns].sort_values(key).reset_index(drop=True)
        b = backward.events(limit=0)[columns].sort_values(key).reset_index(drop=True)
        pd.testing.assert_frame_equal(a, b)


# (--actor value, expected number of events)
ACTOR_QUERIES = [
    ("Kim Jong Un", 4),  # canonical name: Xi on 09-04 and 09-07, Putin, the month-dated visit
    ("kim jong un", 4),  # any case
    ("Q56226", 4),  # entity id
    ("PRKGOV", 5),  # code: Kim's four and North Korea as Xi's recipient
    ("PRK", 5),
    ("RUS", 2),  # Putin (recipient) and the Russian army
    ("Nobody", 0),
]


@pytest.mark.parametrize(("actor", "expected"), ACTOR_QUERIES)
def test_events_by_actor(store, actor, expected):
    assert len(store.events(actor=actor, limit=0)) == expected + (actor == "RUS")  # + Russia accused by Tusk


def test_events_filters(store):
    assert set(store.events(type="ASSAULT")["actor_code"]) == {"POLMIL"}
    assert len(store.events(since="2025-09-07")) == 3
    # Putin on 09-03, and the month-dated visit: "2025-09" may lie before the bound, so it is kept.
    assert set(store.events(until="2025-09-03")["date"]) == {"2025-09-03", "2025-09"}
    assert store.events(until="2025-09")["date"].min() == "2025-09"  # a month bound takes the whole month
    assert list(store.events(limit=2)["date"]) == ["2025-09-10", "2025-09-10"]


def test_actors(store):
    frame = store.actors()
    top = frame.iloc[0]
    assert (top["name"], top["code"], top["events"]) == ("Kim Jong Un", "PRKGOV", 4)
    assert list(store.actors(search="jinp")["name"]) == ["Xi Jinping"]
    assert set(store.actors(country="rus")["name"]) == {"Vladimir Putin", "Russian Armed Forces", "Russia"}


def test_relations_both_directions(store):
    frame = store.relations("CHN", "PRK", by="month")
    rows = {(r["period"], r["source"], r["target"]): r for r in frame.to_dict("records")}
    prk_chn = rows[("2025-09", "PRK", "CHN")]
    assert (prk_chn["events"], prk_chn["mentions"], prk_chn["quad1_verbal_cooperation"]) == (3, 6, 3)
    assert prk_chn["goldstein_mean"] == pytest.approx(1.9)
    assert prk_chn["goldstein_sum"] == pytest.approx(5.7)
    chn_prk = rows[("2025-09", "CHN", "PRK")]
    assert (chn_prk["events"], chn_prk["goldstein_sum"]) == (1, 3.4)
    assert store.relations("prk", "chn").equals(frame)  # order and case of the pair do not matter


def test_relations_by_day_and_conflict(store):
    frame = store.relations("POL", "RUS", by="day")
    # The army's shooting down and Tusk's accusation: both Poland to Russia, on the same day.
    assert list(zip(frame["period"], frame["source"], frame["events"])) == [("2025-09-10", "POL", 2)]
    assert frame["quad4_material_conflict"].sum() == 1 and frame["quad3_verbal_conflict"].sum() == 1
    assert frame["goldstein_sum"].sum() == pytest.approx(-12.0)


# A series by week reads iso_week, registered once when the store opens (queries.register_functions): registering
# it again on a connection would expire every statement the connection has prepared, and SQLite refuses it while
# a statement is running (here: a cursor half read).
def test_a_relation_series_registers_no_function_on_its_connection(store):
    store.relations("CHN", "PRK", by="week")
    running = store.connection.execute("SELECT pk FROM events")
    running.fetchone()
    frame = store.relations("CHN", "PRK", by="week")
    assert frame[["period", "source", "events"]].values.tolist() == [["2025-W36", "CHN", 1], ["2025-W36", "PRK", 2]]
    assert running.fetchone() is not None


def test_stats_counts_event_types(store):
    stats = store.stats().set_index("measure")["value"]
    assert stats["events"] == 7
    assert stats["events.CONSULT"] == 4


@pytest.mark.parametrize(
    "bad", ["2025-13-01", "2025-13", "2025-00", "yesterday", "2025-02-30", "'; DROP TABLE events; --"]
)
def test_bad_dates_are_clear_errors(store, bad):
    from kronika.errors import KronikaError

    with pytest.raises(KronikaError, match="E506"):
        store.events(since=bad)


# Migration 2's alias query, the reference for migration 3's index-only one.
ALIASES_V2 = """
SELECT m.text, count(*), count(DISTINCT m.article)
FROM article_entities ae JOIN mentions m ON m.article = ae.article AND m.entity = ae.entity
WHERE ae.entity = ? GROUP BY m.text ORDER BY 2 DESC, m.text"""


def test_a_version_2_file_is_upgraded_to_the_latest(tmp_path):
    path = tmp_path / "v2.db"
    with Store(path) as store:
        store.add_many(records.ALL)
    downgrade(path, 2)  # as the Kronika that knew migrations 1 and 2 only wrote it
    with Store(path, create=False, read_only=True) as store:
        connection = store.connection
        assert connection.execute("PRAGMA user_version").fetchone()[0] == LATEST
        assert connection.execute("SELECT name FROM sqlite_master WHERE name = 'mentions_entity'").fetchone()
        plan = " ".join(row[3] for row in connection.execute("EXPLAIN QUERY PLAN " + sql.ENTITY_ALIASES, ("x",)))
        assert "COVERING INDEX mentions_entity" in plan
        for (entity,) in connection.execute("SELECT id FROM entities").fetchall():
            assert (
                connection.execute(sql.ENTITY_ALIASES, (entity,)).fetchall()
                == connection.execute(ALIASES_V2, (entity,)).fetchall()
            )
        assert len(store) == len(records.ALL)


@pytest.mark.parametrize("since", [None, "2025-09-05", "2025-09"])
@pytest.mark.parametrize("until", [None, "2025-09-04", "2025"])
def test_event_rows_apply_only_the_filters_given(store, since, until):
    if since and until and since > until + "\uffff":
        with pytest.raises(KronikaError, match=f"--since {since} is after --until {until}"):
            store.events(since=since, until=until)
        return
    rows = store.events(since=since, until=until, limit=0, quad_class=None)
    expected = [
        r
        for r in store.events(limit=0).to_dict("records")
        if (since is None or (r["date"] or "") >= since)
        and (until is None or (r["date"] is not None and r["date"] <= until + "\uffff"))
    ]
    assert rows["id"].tolist() == [r["id"] for r in expected]


# Every list query of the API and the web UI, as the Store runs it: each statement's plan must reach the
# big tables through an index (a search, or an index read in the order asked with a LIMIT), never by reading
# a whole table or a whole index. The statements are caught as SQLite runs them, with their values.
LIST_CALLS = [
    ("events", {}),
    ("events", {"type": "CONSULT", "since": "2025-09-01"}),
    ("events", {"quad_class": 1, "until": "2025-09"}),
    ("events", {"country": "CHN"}),
    ("events", {"country": "POL", "type": "CONSULT"}),
    ("events", {"quad_class": 2, "since": "2025"}),
    ("events", {"modality": "all", "offset": 1}),
    ("events", {"modality": "negated"}),
    ("events", {"offset": 5000}),  # a deep offset: its date from the counts per date (queries._seek_offset)
    ("events", {"actor": "PRK"}),
    # A few actor keys on a side: read off their participant index (sql.EVENT_OF_KEY), merged.
    ("events", {"actor": "Kim Jong Un"}),
    ("events", {"recipient": "Kim Jong Un", "since": "2025-09-01", "until": "2025-09-30"}),
    ("events", {"initiator": "Kim Jong Un", "modality": "all", "offset": 1}),
    ("events", {"recipient": "PRK", "since": "2025-09-01"}),
    ("events", {"initiator": "Kim Jong Un", "recipient": "CHN"}),
    ("events", {"text": "spotkanie"}),
    ("actors", {}),
    ("actors", {"search": "kim"}),
    ("actors", {"modality": "all"}),
    ("actors", {"modality": "negated"}),
    ("actors", {"modality": "intended", "country": "PRK"}),
    ("articles", {}),
    ("articles", {"since": "2025-09-01"}),
    ("articles", {"search": "spotkanie"}),
    ("relations", {"a": "CHN", "b": "PRK"}),
    ("relations", {"a": "CHN", "b": "PRK", "by": "year", "modality": "all"}),
    ("stories", {}),
    ("entity", {"entity_id": "Q56226"}),
    # Keyset pages: after an event (the first of the PAP article) and after an article.
    ("events", {"after": event_id(records.PAP.id, 0)}),
    ("events", {"after": event_id(records.PAP.id, 0), "actor": "PRK"}),
    ("articles", {"after": records.PAP.id}),
    # Totals, facets and timelines: summed from event_counts (its rows of the categories asked), or counted
    # up to the cap through the actor index.
    ("event_total", {}),
    ("event_total", {"type": "CONSULT", "country": "CHN"}),
    ("event_total", {"country": "CHN", "since": "2025-09-01"}),
    ("event_total", {"quad_class": 1, "since": "2025-09-01", "modality": "all"}),
    ("event_total", {"actor": "Kim Jong Un"}),
    ("event_total", {"recipient": "PRK", "since": "2025-09-01", "until": "2025-09-30"}),
    ("event_facets", {}),
    ("event_facets", {"type": "CONSULT", "modality": "all"}),
    ("event_facets", {"country": "CHN"}),
    ("event_timeline", {}),
    ("event_timeline", {"type": "CONSULT", "since": "2025-09-01"}),
    ("event_timeline", {"until": "2025-09-30", "modality": "all"}),
]
BIG_TABLES = {
    "events",
    "event_participants",
    "event_reports",
    "articles",
    "mentions",
    "dyads",
    "article_entities",
    "event_counts",
    "relation_counts",
}
# sqlite_stat1 of bench/api_latency.py's store of 1,000,000 events (ANALYZE): the planner plans the small
# fixture as it would that store (without them it reads a few rows any way and every plan looks fine).
BIG_STORE_STATS = [
    ("dyads", "dyads", "995000 16865 1283 11 1"),
    ("event_participants", "event_participants_actor", "2120000 28267 16"),
    ("event_participants", "event_participants", "2120000 3 1 1"),
    ("actors", "actors_asserted", "75 3"),
    ("actors", "actors_events", "75 3"),
    ("actors", "actors_country", "75 2 2"),
    ("actors", "actors_entity", "75 1"),
    ("actors", "actors_name", "75 1"),
    ("actors", "actors", "75 1"),
    ("event_reports", "event_reports_event", "1000000 1 1"),
    ("event_reports", "sqlite_autoindex_event_reports_1", "1000000 5 1"),
    ("event_reports", "event_reports_article", "1000000 5 1"),
    ("article_entities", "article_entities_entity", "2640000 66000"),
    ("article_entities", "article_entities", "2640000 14 1"),
    ("articles", "articles_date", "200000 50"),
    ("articles", "sqlite_autoindex_articles_1", "200000 1"),
    ("mentions", "mentions_entity", "5440000 136000 76620 2"),
    ("mentions", "mentions_article", "5440000 28"),
    ("events", "events_modality_date", "1000000 1000000 250"),
    ("events", "events_story", "1000000 1000000"),
    ("events", "events_type_date", "1000000 100000 25"),
    ("events", "events_date", "1000000 250"),
    ("events", "events_match", "1000000 100000 1632 130 12 10"),
    ("events", "sqlite_autoindex_events_1", "1000000 1"),
    ("events", "events_country_date", "1000000 500000 125"),
    ("event_counts", "event_counts_date", "56013 56013 14"),
    ("event_counts", "event_counts_country", "56013 56013 28007 7"),
    ("event_counts", "event_counts", "56013 56013 5602 4001 1 1"),
    ("relation_counts", "relation_counts", "91985 1560 119 1 1 1"),
    ("dyads", "dyads_event", "985000 1"),
]


def with_big_stats(store):
    """The fixture store with the statistics of a large one (see BIG_STORE_STATS)."""
    connection = store.connection
    connection.execute("ANALYZE")
    connection.execute("DELETE FROM sqlite_stat1")
    connection.executemany("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)", BIG_STORE_STATS)
    connection.execute("ANALYZE sqlite_schema")  # reloads the statistics
    return store


@pytest.fixture
def big_plans(store):
    return with_big_stats(store)


def _aliases(statement: str) -> dict[str, str]:
    import re

    found = {table: table for table in BIG_TABLES}
    for table, alias in re.findall(r"\b(?:FROM|JOIN)\s+(\w+)\s+(?:AS\s+)?(\w+)", statement, re.IGNORECASE):
        if table in BIG_TABLES:
            found[alias] = table
    return found


@pytest.mark.parametrize(("method", "arguments"), LIST_CALLS)
def test_list_queries_read_the_big_tables_through_indexes(big_plans, method, arguments):
    assert_read_through_indexes(big_plans, method, arguments)


# The searches by word on a store whose articles are in the lemma search: a common word's page off the date
# index (limit 1: see test_a_words_page_is_the_same_by_either_plan), a rare word's from its articles, a
# ranked article search, a keyset page.
WORD_CALLS = [
    ("event_records", {"text": "Kim", "limit": 1}),
    ("event_records", {"text": "Kim Tiencinie"}),
    ("event_count", {"text": "Kim"}),
    ("event_total", {"text": "Kim", "type": "CONSULT", "actor": "PRK"}),
    ("articles", {"search": "Kim"}),
    ("article_count", {"search": "Kim"}),
    ("articles", {"search": "Kim", "since": "2025-09-05"}),
    ("article_count", {"search": "Kim", "since": "2025-09-05"}),
    ("article_count", {"since": "2025-09-05"}),
    ("article_count", {}),
    ("event_count", {}),
]


@pytest.mark.parametrize(("method", "arguments"), WORD_CALLS)
def test_word_searches_read_the_big_tables_through_indexes(searchable, method, arguments):
    assert_read_through_indexes(with_big_stats(searchable), method, arguments)


def assert_read_through_indexes(store, method, arguments):
    statements = []
    store.connection.set_trace_callback(statements.append)
    try:
        getattr(store, method)(**arguments)
    finally:
        store.connection.set_trace_callback(None)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert selects
    for statement in selects:
        aliases = _aliases(statement)
        for row in store.connection.execute("EXPLAIN QUERY PLAN " + statement):
            step = row[3]
            words = step.split()
            if words[0] != "SCAN" or aliases.get(words[1]) is None:
                continue
            # A whole table, or a whole index read unordered (a covering index scanned end to end), fails;
            # an index read in ORDER BY's order stops at the LIMIT.
            assert "USING INDEX" in step and "COVERING" not in step, f"{step}\n{statement}"


# A page of a frequent actor's events is read off the date index (``sql.SIDE_EACH_EVENT``), of a rare one's from its
# events; both plans give the rows of the whole list, page by page. Q56226 is in 4 of the 7 events.
@pytest.mark.parametrize(
    ("filters", "limit", "offset", "date_order"),
    [
        ({"actor": "Q56226"}, 1, 0, True),
        ({"actor": "Q56226"}, 2, 1, False),
        ({"initiator": "Q56226", "modality": "all"}, 1, 2, False),
        ({"actor": "Q56226", "recipient": "Q15031"}, 1, 0, True),
        ({"actor": "Q946"}, 1, 0, False),
        ({"actor": "Q56226"}, 100, 0, False),
    ],
)
def test_an_actors_page_is_the_same_by_either_plan(store, filters, limit, offset, date_order):
    from kronika.store import queries, resolve

    sides = {
        name: {f"{name}{i}": key for i, key in enumerate(resolve.actor_keys(store.connection, value))}
        for name, value in filters.items()
        if name != "modality"
    }
    assert queries._read_in_date_order(store.connection, sides, limit, offset) is date_order
    every = queries.event_rows(store.connection, limit=None, **filters)
    assert every
    assert queries.event_rows(store.connection, limit=limit, offset=offset, **filters) == every[offset : offset + limit]


def _with_words(doc):
    """The record with its words as tokens (lemma: the word lower-cased), so its text is in the lemma search."""
    import dataclasses
    import re

    from kronika.record import Token

    words = [Token(m.start(), m.end(), m.group(), m.group().lower()) for m in re.finditer(r"\w+", doc.text)]
    return dataclasses.replace(doc, tokens=words)


@pytest.fixture
def searchable(tmp_path):
    with Store(tmp_path / "words.db") as opened:
        opened.add_many([_with_words(doc) for doc in records.ALL])
        yield opened


# A total of words' events counts each event of the matching articles' reports once, with the other filters.
@pytest.mark.parametrize(
    "filters",
    [{"text": "Kim"}, {"text": "Kim", "modality": "all", "type": "CONSULT"}, {"text": "Kim Tiencinie", "actor": "CHN"}],
)
def test_a_words_total_is_its_lists_length(searchable, filters):
    expected = len(searchable.events(limit=None, **filters))
    assert expected and searchable.event_total(**filters) == (expected, True)


# A page of a common word's events is read off the date index, each event checked against the matching
# articles; of a rare word's from its articles. "Kim" is in 4 of the 6 articles: (offset + limit) * 6 < 4 * 4
# reads in date order.
@pytest.mark.parametrize(
    ("text", "limit", "offset", "date_order"),
    [
        ("Kim", 1, 0, True),
        ("Kim", 1, 1, True),
        ("Kim", 2, 1, False),
        ("Kim Tiencinie", 1, 0, False),
        ("Kim", 50, 0, False),
    ],
)
def test_a_words_page_is_the_same_by_either_plan(searchable, text, limit, offset, date_order):
    from kronika.store import queries

    connection = searchable.connection
    match = queries.fts_query(text)
    assert queries._text_in_date_order(connection, match, limit, offset) is date_order
    every = queries.event_rows(connection, limit=None, text=text)
    assert every
    assert queries.event_rows(connection, limit=limit, offset=offset, text=text) == every[offset : offset + limit]
    statement = sql.EVENTS_FILTERED.format(conditions=sql.TEXT_EACH_EVENT, order=sql.EVENT_SORTS["-date"])
    assert connection.execute(statement, {"match": match, "limit": -1, "offset": 0}).fetchall() == [
        row for row in queries.event_rows(connection, limit=None, text=text, modality="all")
    ]


# The words' plan counts the matches only up to the fewest that choose the date order: the same choice as
# comparing the full count's square with the rows a page reads times the store's articles.
@pytest.mark.parametrize(
    ("rows", "total"), [(0, 0), (1, 6), (2, 6), (3, 6), (51, 200_000), (16, 1), (4, 4), (7, 1_000)]
)
def test_the_matches_a_words_plan_counts_decide_as_the_whole_count(rows, total):
    from kronika.store import queries

    needed = queries.matches_needed(rows, total)
    for matches in range(0, needed + 3):
        assert (min(matches, needed) >= needed) is (matches > 0 and rows * total < matches * matches), matches


@pytest.mark.parametrize("modality", ["asserted", None])
def test_a_version_6_file_gets_the_index_of_the_relation_series(tmp_path, modality):
    path = tmp_path / "v6.db"
    with Store(path) as store:
        store.add_many(records.ALL)
        series = store.relations("CHN", "PRK", modality=modality or "all")
    downgrade(path, 6)
    with Store(path, create=False, read_only=True) as store:
        statement = sql.RELATIONS.format(period=sql.PERIODS["month"])
        arguments = {"a": "CHN", "b": "PRK", "since": None, "until": None, "modality": modality}
        plan = " ".join(row[3] for row in store.connection.execute("EXPLAIN QUERY PLAN " + statement, arguments))
        assert "COVERING INDEX events_joined" in plan
        pd.testing.assert_frame_equal(store.relations("CHN", "PRK", modality=modality or "all"), series)


def _undated(doc, article_id):
    import dataclasses

    events = [dataclasses.replace(e, date=None, date_precision=None) for e in doc.events]
    return dataclasses.replace(doc, id=article_id, date=None, events=events)


@pytest.fixture
def with_undated(tmp_path):
    """The records and two undated articles with undated events: a cursor goes on past the dated rows."""
    with Store(tmp_path / "undated.db") as opened:
        opened.add_many([*records.ALL, _undated(records.RP, "undated-1"), _undated(records.LATER, "undated-2")])
        yield opened


# Keyset pages (each after the last id of the one before) are the offset pages, for a page size and filters.
@pytest.mark.parametrize(
    ("method", "filters", "size"),
    [
        ("event_rows", {}, 1),
        ("event_rows", {}, 2),
        ("event_rows", {"modality": "all"}, 3),
        ("event_rows", {"actor": "Q56226"}, 1),
        ("event_rows", {"until": "2025-09-05"}, 1),
        ("articles", {}, 1),
        ("articles", {"since": "2025-09-05"}, 2),
    ],
)
def test_keyset_pages_are_the_offset_pages(with_undated, method, filters, size):
    from kronika.store import queries

    connection = with_undated.connection
    if method == "event_rows":
        read = lambda **paging: queries.event_rows(connection, **filters, **paging)  # noqa: E731
        id_of = lambda row: row[1]  # noqa: E731
    else:
        # (id, date, source): a frame of one row keeps a missing value None where a longer one has NaN
        def read(**paging):
            frame = queries.articles(connection, **filters, **paging)[["id", "date", "source"]]
            # NaN is None (v != v only for NaN).
            return [tuple(v if v == v else None for v in row) for row in frame.itertuples(index=False, name=None)]

        id_of = lambda row: row[0]  # noqa: E731
    whole = read(limit=None)
    assert len(whole) > size
    pages, after = [], None
    while True:
        page = read(limit=size, after=after) if after else read(limit=size)
        assert page == whole[len(pages) : len(pages) + size]
        pages += page
        if len(page) < size:
            break
        after = id_of(page[-1])
    assert pages == whole

"""The running counts of migrations entity_summaries, event_counts, entity_article_counts and relation_counts:
an entity's aliases, counterparts and articles, the events per modality and per (modality, type, country,
date, QuadClass), the relation series' sums, kept at write time, agree with counting the stored rows from
scratch (``sql.ENTITY_ALIASES``, ``sql.COUNTERPARTS``, ``sql.RELATIONS``, count(*)) however the store got
there: ingest, the same articles again, an article deleted, a recoding, an event's categories changed, the
migrations' backfill."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

import modality_records
import store_records as records
from old_schema import downgrade
from kronika.record import Document
from kronika.store import Store, queries, sql

# A third report of the Kim-Xi talks as a phone call and a fourth likewise: the majority mode changes, and
# the stored event takes the call's Goldstein (a recoding the counterpart sums must follow).
CALL_TEXT = "Kim Dzong Un rozmawiał telefonicznie z Xi Jinpingiem. Kim i Xi rozmawiali też o handlu."


def _call(article_id: str) -> Document:
    event = dataclasses.replace(records.consult(CALL_TEXT, "rozmawiał", "2025-09-04"), mode="phone", goldstein=1.0)
    return Document(
        text=CALL_TEXT,
        id=article_id,
        url=f"https://{article_id}.example/",
        date="2025-09-04",
        sentences=records._sentences(CALL_TEXT),
        events=[event],
    )


# Several ways of writing the same two people, some twice in one article.
ALIASES_TEXT = "Kim Dzong Un i Xi Jinping. Kim przyjechał, Kim odjechał. Xi Jinpingiem rozmawiano."
ALIASES = Document(
    text=ALIASES_TEXT,
    id="aliases-kim-xi",
    url="https://aliases.example/",
    date="2025-09-06",
    sentences=records._sentences(ALIASES_TEXT),
    entities=[
        records.Entity(
            "Q56226",
            "Kim Jong Un",
            "PER",
            "PRK",
            "GOV",
            [
                records._span(ALIASES_TEXT, "Kim Dzong Un"),
                records.Mention(27, 30, "Kim"),
                records.Mention(43, 46, "Kim"),
            ],
        ),
        records.Entity(
            "Q15031",
            "Xi Jinping",
            "PER",
            "CHN",
            "GOV",
            [records._span(ALIASES_TEXT, "Xi Jinping"), records._span(ALIASES_TEXT, "Xi Jinpingiem")],
        ),
    ],
    events=[records.consult(ALIASES_TEXT, "przyjechał", "2025-09-06", actor=records.KIM, recipient=records.CHINA)],
)
# Two actors on one side and one on the other, so a pair is counted from more than one participant row.
CROWD = dataclasses.replace(
    records.LATER,
    id="crowd-kim-putin-xi",
    events=[
        dataclasses.replace(
            records.LATER.events[0], actor=[records.KIM, records.PUTIN], recipient=[records.XI, records.KIM]
        )
    ],
)
DOCS = [*records.ALL, *modality_records.ALL, ALIASES, CROWD, _call("call-1"), _call("call-2")]


def delete_article(connection: sqlite3.Connection, article_id: str) -> None:
    """What deleting an article takes away: its mentions and reports, and the events only it reported
    (participants before their event, as their foreign key requires)."""
    pk = connection.execute("SELECT pk FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
    only = [
        e
        for (e,) in connection.execute(
            "SELECT event FROM event_reports GROUP BY event HAVING min(article) = ? AND max(article) = ?", (pk, pk)
        )
    ]
    connection.execute("DELETE FROM mentions WHERE article = ?", (pk,))
    connection.execute("DELETE FROM article_entities WHERE article = ?", (pk,))
    connection.execute("DELETE FROM claims WHERE article = ?", (pk,))
    connection.execute("DELETE FROM event_reports WHERE article = ?", (pk,))
    for event in only:
        for table in ("dyads", "event_participants", "claims"):
            connection.execute(f"DELETE FROM {table} WHERE event = ?", (event,))
        connection.execute("DELETE FROM events WHERE pk = ?", (event,))


def from_scratch(connection: sqlite3.Connection, key: str, modality: str | None) -> dict:
    statement = sql.COUNTERPARTS.format(marks="?")
    rows = connection.execute(statement, [key, key, modality, modality, 1000]).fetchall()
    return {row[0]: (row[5], row[6], row[7], row[8]) for row in rows}


def summed(connection: sqlite3.Connection, key: str, modality: str | None) -> dict:
    statement = sql.SUMMED_COUNTERPARTS.format(marks="?")
    rows = connection.execute(statement, [key, key, modality, modality, 1000]).fetchall()
    return {row[0]: (row[5], row[6], row[7], row[8]) for row in rows}


def assert_counts_agree(connection: sqlite3.Connection) -> None:
    entities = [e for (e,) in connection.execute("SELECT DISTINCT entity FROM mentions")]
    assert entities
    for entity in entities:
        assert (
            connection.execute(sql.SUMMED_ALIASES, (entity,)).fetchall()
            == connection.execute(sql.ENTITY_ALIASES, (entity,)).fetchall()
        )
    assert connection.execute("SELECT count(*) FROM entity_aliases WHERE mentions <= 0").fetchone()[0] == 0
    keys = [k for (k,) in connection.execute("SELECT key FROM actors")]
    dealt = 0
    for key in keys:
        for modality in (None, "asserted", "negated", "intended"):
            expected = from_scratch(connection, key, modality)
            assert summed(connection, key, modality) == expected, (key, modality)
            dealt += len(expected)
    assert dealt > 0
    assert connection.execute("SELECT count(*) FROM entity_counterparts WHERE events <= 0").fetchone()[0] == 0
    for modality in (None, "asserted", "negated", "intended", "hypothetical"):
        counted = connection.execute(
            "SELECT count(*) FROM events WHERE ? IS NULL OR modality = ?", (modality, modality)
        ).fetchone()[0]
        assert connection.execute(sql.EVENT_TOTAL, {"modality": modality}).fetchone()[0] == counted
    assert_event_counts_agree(connection)
    counted = connection.execute("SELECT entity, count(*) FROM article_entities GROUP BY 1 ORDER BY 1").fetchall()
    assert connection.execute("SELECT * FROM entity_articles ORDER BY 1").fetchall() == counted and counted
    counted = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert connection.execute(sql.ARTICLE_TOTAL).fetchall() == [(counted,)] and counted
    assert_relations_agree(connection)


def assert_relations_agree(connection: sqlite3.Connection) -> None:
    """Every relation series (each pair, period and modality) from relation_counts is the one counted from the
    dyads and their events (sql.RELATIONS), Goldstein's sums to rounding."""
    connection.create_function("iso_week", 1, queries.iso_week, deterministic=True)
    pairs = connection.execute("SELECT DISTINCT actor_country, recipient_country FROM dyads").fetchall()
    assert pairs
    for a, b in pairs:
        for by, period in sql.PERIODS.items():
            for modality in (None, "asserted", "negated"):
                params = {"a": a, "b": b, "since": None, "until": "2025-09-30", "modality": modality}
                counted = connection.execute(sql.RELATIONS.format(period=period), params).fetchall()
                summed = connection.execute(sql.RELATIONS_SUMMED.format(period=period), params).fetchall()
                assert _rounded(summed) == _rounded(counted), (a, b, by, modality)
                if a != b:  # the two one-way series merged: the same rows and sums, to the last bit
                    both = connection.execute(sql.RELATIONS_BOTH_WAYS.format(period=period), params).fetchall()
                    assert repr(both) == repr(summed), (a, b, by, modality)
    assert connection.execute("SELECT count(*) FROM relation_counts WHERE events <= 0").fetchone()[0] == 0


def _rounded(rows):
    return [tuple(round(v, 9) if isinstance(v, float) else v for v in row) for row in rows]


def assert_event_counts_agree(connection: sqlite3.Connection) -> None:
    categories = "modality, type, coalesce(location_country, ''), coalesce(date, ''), coalesce(quad_class, 0)"
    counted = connection.execute(f"SELECT {categories}, count(*) FROM events GROUP BY 1, 2, 3, 4, 5").fetchall()
    kept = connection.execute("SELECT * FROM event_counts ORDER BY 1, 2, 3, 4, 5").fetchall()
    assert kept == counted and len(kept) > 1


def _ingest(path, docs):
    with Store(path) as store:
        store.add_many(docs)


def _reingest(path, docs):
    _ingest(path, docs)
    _ingest(path, docs)
    with Store(path) as store:
        assert store.add(ALIASES) is False


def _delete(article_id):
    def delete(path, docs):
        _ingest(path, docs)
        with Store(path) as store:
            with store.connection:
                store.connection.execute("BEGIN")
                delete_article(store.connection, article_id)

    return delete


def _backfill(path, docs):
    _ingest(path, docs)
    downgrade(path, 8)  # as a Kronika before the summaries left it: the migration counts what is stored
    Store(path).close()


def _recoded_by_call(path, docs):
    """The calls one by one, until they outnumber the four visits (the event is recoded as a call)."""
    _ingest(path, [d for d in docs if not d.id.startswith("call-")])
    for number in range(1, 6):
        _ingest(path, [_call(f"call-{number}")])
    with Store(path) as store:
        assert store.connection.execute("SELECT count(*) FROM events WHERE mode = 'phone'").fetchone()[0] == 1


def _categories_changed(path, docs):
    """Events moved to another QuadClass, country, date or type by an UPDATE (a recoding moves the QuadClass; no
    writer moves the others today, but the counts must follow whatever does; the counterparts do not follow a
    change of modality, which only migration 5 ever made)."""
    _ingest(path, docs)
    with Store(path) as store, store.connection:
        store.connection.execute("BEGIN")
        for column, value in (
            ("quad_class", 4),
            ("location_country", "UKR"),
            ("date", "2024-01-02"),
            ("type", "ASSAULT"),
            ("location_country", None),
            ("date", None),
        ):
            store.connection.execute(f"UPDATE events SET {column} = ? WHERE pk % 3 = ?", (value, len(column) % 3))


@pytest.mark.parametrize(
    "build",
    [
        pytest.param(_ingest, id="ingest"),
        pytest.param(_reingest, id="re-ingest of the same articles"),
        pytest.param(_delete("aliases-kim-xi"), id="delete an article with mentions"),
        pytest.param(_delete("crowd-kim-putin-xi"), id="delete an article with a crowded event"),
        pytest.param(_delete("call-2"), id="delete a report of a shared (recoded) event"),
        pytest.param(_delete(records.PAP.id), id="delete the first report of shared events"),
        pytest.param(_recoded_by_call, id="a recoding after the first reports"),
        pytest.param(_categories_changed, id="an event's categories changed"),
        pytest.param(_backfill, id="the migration's backfill"),
    ],
)
def test_summaries_agree_with_counting_from_scratch(tmp_path, build):
    path = tmp_path / "k.db"
    build(path, DOCS)
    with Store(path, create=False, read_only=True) as store:
        assert_counts_agree(store.connection)


def test_the_recoding_changes_the_counterparts_goldstein(tmp_path):
    path = tmp_path / "k.db"
    _ingest(path, [d for d in DOCS if not d.id.startswith("call-")])
    with Store(path, create=False, read_only=True) as store:
        before = summed(store.connection, "Q56226", None)["Q15031"]
    _recoded_by_call(tmp_path / "r.db", DOCS)
    with Store(tmp_path / "r.db", create=False, read_only=True) as store:
        after = summed(store.connection, "Q56226", None)["Q15031"]
    assert after[3] < before[3]


def test_the_entity_page_reads_the_summaries(tmp_path):
    path = tmp_path / "k.db"
    _ingest(path, DOCS)
    with Store(path, create=False, read_only=True) as store:
        page = store.entity("Q56226", modality="all")
        statements = []
        store.connection.set_trace_callback(statements.append)
        store.entity("Q56226")
        store.connection.set_trace_callback(None)
    assert {"text": "Kim", "mentions": 2, "articles": 1} in page["aliases"]
    assert {d["key"] for d in page["counterparts"]} >= {"Q15031", "Q148", "Q7747"}
    assert not any("FROM mentions" in s for s in statements)


def test_the_event_counts_and_relations_follow_a_change_of_modality(tmp_path):
    path = tmp_path / "k.db"
    _ingest(path, DOCS)
    with Store(path) as store, store.connection:
        store.connection.execute("BEGIN")
        store.connection.execute("UPDATE events SET modality = 'negated' WHERE pk % 2 = 0")
    with Store(path, create=False, read_only=True) as store:
        assert_event_counts_agree(store.connection)
        assert_relations_agree(store.connection)

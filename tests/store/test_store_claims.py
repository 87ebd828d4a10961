"""Claims in the store: each amount with its claimant, story and event; the grouped query by story, event,
article and category; its query plans; and the upgrade of a file written before the claims table."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing

import pytest

import claim_records as records
from old_schema import downgrade
from kronika.errors import KronikaError
from kronika.record import Amount, Document, Event, Mention
from kronika.store import Store, sql
from kronika.store import claims as shown
from kronika.store.migrations import LATEST
from kronika.store.write import sentence_of, tied_event
from conftest import story_store

RESCUE_KEY = "name:state emergency service of ukraine|UKR"


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    with story_store(tmp_path_factory.mktemp("claims") / "kronika.db") as store:
        store.add_many(records.ALL)
        yield store


def story_of(store: Store, article: str) -> str:
    return store.connection.execute(sql.STORY_OF_ARTICLE, (article,)).fetchone()[0]


def event_of(store: Store, article: str) -> str:
    return store.article(article)["stored_events"][0]


def summary(groups: list[dict]) -> list[tuple]:
    """(what, event type, [(source, [(value, [articles])])]) of each group: the query's answer in brief."""
    return [
        (
            found["category"] or found["unit"],
            found["event"]["type"] if found["event"] else None,
            [
                (shown.source_name(s), [(v["value"], [a["id"] for a in v["articles"]]) for v in s["values"]])
                for s in found["sources"]
            ],
        )
        for found in groups
    ]


KILLED = (
    "killed",
    "ASSAULT",
    [
        ("State Emergency Service of Ukraine (UKR)", [(14.0, ["claims-first"]), (17.0, ["claims-third"])]),
        ("Ministry of Defence (Russia) (RUS)", [(30.0, ["claims-second"])]),
    ],
)
WOUNDED = ("wounded", None, [("wiadomosci.example.pl (unattributed)", [(40.0, ["claims-first"])])])
BUILDINGS = ("budynek", None, [("wiadomosci.example.pl (unattributed)", [(12.0, ["claims-third"])])])

# (filters, given as keys resolved on the stored records, expected groups)
QUERIES = [
    ("story", {"story": "claims-first"}, [KILLED, WOUNDED, BUILDINGS]),
    ("story and category", {"story": "claims-first", "category": "killed"}, [KILLED]),
    ("category in any case", {"story": "claims-first", "category": " Wounded "}, [WOUNDED]),
    ("event", {"event": "claims-second"}, [KILLED]),
    (
        "article",
        {"article": "claims-second"},
        [("killed", "ASSAULT", [("Ministry of Defence (Russia) (RUS)", [(30.0, ["claims-second"])])])],
    ),
    (
        "event and article",
        {"event": "claims-first", "article": "claims-third"},
        [("killed", "ASSAULT", [("State Emergency Service of Ukraine (UKR)", [(17.0, ["claims-third"])])])],
    ),
    ("a category nobody counted", {"story": "claims-first", "category": "arrested"}, []),
]


def resolve(store: Store, filters: dict) -> dict:
    """Story and event filters name an article of the fixture; the stored ids are looked up from it."""
    found = dict(filters)
    if "story" in found:
        found["story"] = story_of(store, found["story"])
    if "event" in found:
        found["event"] = event_of(store, found["event"])
    return found


@pytest.mark.parametrize(("name", "filters", "expected"), QUERIES, ids=[q[0] for q in QUERIES])
def test_claims_grouped_by_what_is_claimed(stored, name, filters, expected):
    assert summary(stored.claims(**resolve(stored, filters))) == expected


def test_the_three_reports_are_one_story_and_one_event(stored):
    assert len({story_of(stored, doc.id) for doc in records.ALL}) == 1
    assert len({event_of(stored, doc.id) for doc in records.ALL}) == 1


def test_a_claim_row_keeps_claimant_unit_story_and_event(stored):
    rows = stored.connection.execute(
        "SELECT a.id, c.ordinal, c.category, c.unit, c.value, c.approximate, c.claimant, c.claimant_entity, "
        "c.claimant_country, c.story IS NOT NULL, c.event IS NOT NULL, c.date "
        "FROM claims c JOIN articles a ON a.pk = c.article ORDER BY a.id, c.ordinal"
    ).fetchall()
    assert rows == [
        ("claims-first", 0, "killed", "osoba", 14.0, 0, RESCUE_KEY, None, "UKR", 1, 1, "2025-06-10"),
        ("claims-first", 1, "wounded", "mieszkaniec", 40.0, 0, None, None, None, 1, 0, "2025-06-10"),
        (
            "claims-second",
            0,
            "killed",
            "żołnierz",
            30.0,
            0,
            "kronika:ministry-of-defence-russia",
            "kronika:ministry-of-defence-russia",
            "RUS",
            1,
            1,
            "2025-06-10",
        ),
        ("claims-third", 0, "killed", "osoba", 17.0, 0, RESCUE_KEY, None, "UKR", 1, 1, "2025-06-11"),
        ("claims-third", 1, None, "budynek", 12.0, 1, None, None, None, 1, 0, "2025-06-11"),
    ]


def test_stats_count_the_claims(stored):
    stats = stored.stats().set_index("measure")["value"]
    assert (stats["claims"], stats["claims_with_claimant"], stats["claims_with_event"]) == (5, 3, 3)


def test_an_article_sees_its_claims_beside_the_story(stored):
    # The second article counts only the dead: it sees every source of that group and nothing else.
    assert summary(stored.article_claims("claims-second")) == [KILLED]
    assert summary(stored.article_claims("claims-third")) == [KILLED, BUILDINGS]


# A story, event or article the store does not hold: None, also beside one it holds.
MISSES = [
    {"story": "no-such-story"},
    {"event": "no-such-event"},
    {"article": "no-such-article"},
    {"event": "no-such-event", "article": "claims-first"},
]


@pytest.mark.parametrize("filters", MISSES)
def test_unknown_keys_are_none(stored, filters):
    assert stored.claims(**filters) is None


@pytest.mark.parametrize("filters", [{}, {"category": "killed"}, {"story": "  "}])
def test_claims_need_a_story_event_or_article(stored, filters):
    with pytest.raises(KronikaError, match="E506.*give a story, an event or an article"):
        stored.claims(**filters)


# (filters formatted in, the index the plan must search)
PLANS = [
    (("story",), "claims_story (story=?)"),
    (("story", "category"), "claims_story (story=? AND category=?)"),
    (("event",), "claims_event (event=?)"),
    (("event", "category"), "claims_event (event=? AND category=?)"),
    (("article",), "sqlite_autoindex_claims_1 (article=?)"),
]


@pytest.mark.parametrize(("names", "index"), PLANS)
def test_claims_are_read_off_an_index(stored, names, index):
    statement = sql.CLAIMS.format(conditions=" ".join(sql.CLAIM_CONDITIONS[name] for name in names))
    plan = [
        row[3] for row in stored.connection.execute("EXPLAIN QUERY PLAN " + statement, {name: "x" for name in names})
    ]
    assert f"SEARCH c USING INDEX {index}" in plan, plan
    assert not any(step.startswith("SCAN") for step in plan), plan


def written_as_version_3(path, **options) -> None:
    """The fixture records in a file as Kronika wrote it before migration 4 (no claims table)."""
    with story_store(path, **options) as store:
        store.add_many(records.ALL)
    downgrade(path, 3)


def test_a_version_3_file_is_upgraded_and_its_claims_filled(tmp_path, stored):
    path = tmp_path / "v3.db"
    written_as_version_3(path)
    with Store(path, create=False, read_only=True) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == LATEST
        assert summary(store.claims(story=story_of(store, "claims-first"))) == [KILLED, WOUNDED, BUILDINGS]
        assert store.article("claims-second")["amounts"][0]["value"] == 30
        columns = "article, ordinal, story, event, date, category, unit, value, approximate, text, claimant"
        assert (
            store.connection.execute(f"SELECT {columns} FROM claims ORDER BY pk").fetchall()
            == stored.connection.execute(f"SELECT {columns} FROM claims ORDER BY pk").fetchall()
        )


def test_an_unreadable_old_record_still_loads_without_claims(tmp_path):
    path = tmp_path / "v3.db"
    written_as_version_3(path, stories=False)
    # An amount with a field this Kronika does not know: the record cannot become a Document. (Edited with
    # plain SQLite: a Store would migrate the file on opening.)
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        record = json.loads(connection.execute("SELECT record FROM articles WHERE id = 'claims-second'").fetchone()[0])
        record["amounts"][0]["unit_of_old"] = "x"
        connection.execute(
            "UPDATE articles SET record = ? WHERE id = 'claims-second'", (json.dumps(record, ensure_ascii=False),)
        )
    with Store(path, create=False) as store:
        assert store.article("claims-second")["amounts"][0]["unit_of_old"] == "x"
        assert store.claims(article="claims-second") == []
        assert [v["value"] for v in store.claims(article="claims-first")[0]["sources"][0]["values"]] == [14.0]


SENTENCES = [(0, 10), (11, 30), (31, 40)]


@pytest.mark.parametrize(("offset", "expected"), [(0, 0), (9, 0), (10, None), (11, 1), (39, 2), (40, None)])
def test_sentence_of_an_offset(offset, expected):
    assert sentence_of(SENTENCES, offset) == expected


def _event(sentence: int, start: int, end: int) -> Event:
    return Event(type="ASSAULT", trigger=Mention(start, end, "x" * (end - start)), sentence=sentence)


# (events as (sentence, trigger start, end), the amount's span, the event expected)
TIES = [
    ("the event of the sentence", [(0, 2, 5), (1, 12, 15)], (20, 25), 1),
    ("no event in the sentence", [(0, 2, 5)], (20, 25), None),
    ("the nearest trigger, before or after", [(1, 11, 13), (1, 27, 29)], (20, 25), 1),
    ("a tie goes to the earlier", [(1, 12, 15), (1, 30, 30)], (20, 25), 0),
    ("a trigger inside the amount is nearest", [(1, 11, 12), (1, 21, 22)], (20, 25), 1),
    ("outside every sentence", [(1, 12, 15)], (10, 11), None),
]


@pytest.mark.parametrize(("name", "events", "span", "expected"), TIES, ids=[t[0] for t in TIES])
def test_an_amount_is_tied_to_the_event_of_its_sentence(name, events, span, expected):
    doc = Document(text="x" * 40, sentences=SENTENCES, events=[_event(*e) for e in events])
    amount = Amount(span[0], span[1], "x" * (span[1] - span[0]), value=1)
    assert tied_event(doc, amount) == expected


@pytest.mark.parametrize(
    ("value", "approximate", "text", "expected"),
    [
        (2000.0, True, "ok. 2 tys.", "~2,000"),
        (3800.0, False, "3800", "3,800"),
        (2.5, False, "2,5 mln", "2.5"),
        (None, True, "tysiące osób", "tysiące osób"),
    ],
)
def test_figure_text(value, approximate, text, expected):
    assert shown.figure_text({"value": value, "approximate": approximate, "text": text}) == expected


def test_lines_read_as_who_says_how_many(stored):
    text = shown.lines(stored.claims(story=story_of(stored, "claims-first"), category="killed"))
    assert text == [
        "killed · ASSAULT Russian Armed Forces -> Ukraine 2025-06-10",
        "  State Emergency Service of Ukraine (UKR): 14 (claims-first 2025-06-10), 17 (claims-third 2025-06-11)",
        "  Ministry of Defence (Russia) (RUS): 30 (claims-second 2025-06-10)",
    ]

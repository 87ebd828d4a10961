import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kronika.cli import main
from kronika.core import analyze_articles
from kronika.ingest import read_articles
from kronika.stories import cluster_documents
from conftest import story_store

FIXTURE = Path(__file__).parent / "fixtures" / "articles.jsonl"
GOLD = {r["id"]: r for r in map(json.loads, FIXTURE.read_text(encoding="utf-8").splitlines())}


@pytest.fixture(scope="module")
def records():
    return list(analyze_articles(read_articles([str(FIXTURE)]), lang="auto"))


@pytest.fixture(scope="module")
def db(records, tmp_path_factory):
    path = tmp_path_factory.mktemp("stories") / "kronika.db"
    # Two sessions: the second extends the stories the first one stored.
    with story_store(path) as store:
        store.add_many(records[:3])
    with story_store(path) as store:
        store.add_many(records[3:])
    return path


def stored_stories(path) -> dict[str, str]:
    with story_store(path) as store:
        rows = store.connection.execute(
            "SELECT a.id, s.id FROM story_articles sa JOIN articles a ON a.pk = sa.article "
            "JOIN stories s ON s.pk = sa.story"
        ).fetchall()
    return dict(rows)


def test_store_gives_the_in_memory_stories(db, records):
    in_memory = {doc.id: decision.story.id for doc, decision in cluster_documents(records)}
    assert stored_stories(db) == in_memory


def test_store_gives_the_in_memory_threads(db, records):
    from kronika.stories import cluster_levels

    in_memory = {doc.id: placed.thread.id for doc, placed in cluster_levels(records)}
    with story_store(db) as store:
        stored = dict(
            store.connection.execute(
                "SELECT a.id, t.id FROM story_articles sa JOIN articles a ON a.pk = sa.article "
                "JOIN stories s ON s.pk = sa.story JOIN threads t ON t.pk = s.thread"
            ).fetchall()
        )
        listed = store.stories()
        thread = store.thread(in_memory["a-en"])
        assert store.thread("no-such-thread") is None
    assert stored == in_memory
    assert set(listed["thread"]) == set(in_memory.values())
    assert [s["id"] for s in thread["stories"]] == [stored_stories(db)["a-en"]]
    assert thread["size"] == 3 and thread["first_date"] == "2018-07-16"


def test_story_lists_articles_by_language(db):
    with story_store(db) as store:
        listed = store.stories()
        helsinki = stored_stories(db)["a-en"]
        story = store.story(helsinki)
        assert store.story("no-such-story") is None
    assert len(listed) == 3
    assert set(listed["size"]) == {3, 2}
    assert {lang: [a["id"] for a in arts] for lang, arts in story["articles"].items()} == {
        "de": ["a-de"],
        "en": ["a-en"],
        "pl": ["a-pl"],
    }
    assert set(story["titles"]) == {"de", "en", "pl"}
    names = {e["name"] for e in story["entities"]}
    assert {"Donald Trump", "Vladimir Putin", "Helsinki"} <= names
    assert story["first_date"] == story["last_date"] == "2018-07-16"


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({"lang": "ru"}, 1),
        ({"lang": "pl"}, 1),
        ({"min_size": 3}, 2),
        ({"since": "2019-01"}, 2),
        ({"until": "2018-12-31"}, 1),
        ({"since": "2026-01-01"}, 0),
    ],
)
def test_story_filters(db, filters, expected):
    with story_store(db) as store:
        assert len(store.stories(**filters)) == expected


def test_events_count_the_articles_in_every_language_that_name_their_participants(db):
    # The Polish article's meeting event belongs to the Helsinki story; the English and German articles of
    # that story name both participants, so they report it too: three articles from three outlets.
    with story_store(db) as store:
        story = store.story(stored_stories(db)["a-pl"])
    assert story["events"], "the Polish pipeline codes the meeting"
    meeting = max(story["events"], key=lambda e: e["num_articles"])
    assert (meeting["num_articles"], meeting["num_sources"]) == (3, 3)
    assert all(e["num_sources"] <= e["num_articles"] <= e["num_mentions"] for e in story["events"])


def test_cli_stories_and_cluster(db, tmp_path):
    runner = CliRunner()
    listed = runner.invoke(main, ["stories", "--db", str(db), "--format", "json", "--min-size", "3"])
    assert listed.exit_code == 0, listed.output
    rows = json.loads(listed.output)
    assert len(rows) == 2
    shown = runner.invoke(main, ["stories", "--db", str(db), "--id", rows[0]["id"], "--format", "json"])
    assert shown.exit_code == 0 and json.loads(shown.output)["id"] == rows[0]["id"]
    missing = runner.invoke(main, ["stories", "--db", str(db), "--id", "nope"])
    assert missing.exit_code == 1 and "E801" in missing.output
    out = tmp_path / "out.jsonl"
    clustered = runner.invoke(main, ["cluster", str(FIXTURE), "-o", str(out)])
    assert clustered.exit_code == 0, clustered.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["id"] for line in lines] == list(GOLD)
    assert {line["id"]: line["lang"] for line in lines} == {i: r["lang"] for i, r in GOLD.items()}
    assert {line["id"]: line["story"] for line in lines} == stored_stories(db)
    threads = {}
    for line in lines:  # each story lies in one thread
        assert threads.setdefault(line["story"], line["thread"]) == line["thread"]
    # The fixture's articles lie within days of each other: eviction changes no decision.
    evicted = tmp_path / "evicted.jsonl"
    assert runner.invoke(main, ["cluster", str(FIXTURE), "-o", str(evicted), "--evict"]).exit_code == 0
    assert evicted.read_text() == out.read_text()


def gdelt_counts(records, tmp_path):
    """(NumMentions, NumSources, NumArticles) of every exported GDELT row, by GlobalEventID."""
    import io

    from kronika.store.gdelt import COLUMNS

    with story_store(tmp_path / "k.db") as store:
        store.add_many(records)
        out = io.StringIO()
        store.export("gdelt", out)
    rows = [dict(zip(COLUMNS, line.split("\t"))) for line in out.getvalue().splitlines()]
    return [tuple(int(r[c]) for c in ("NumMentions", "NumSources", "NumArticles")) for r in rows]


# An English report of the same meeting that names neither side: it does not count as a report of it.
UNNAMED = (
    "The two presidents met in Helsinki on Monday. Their talks lasted more than two hours, and both sides said "
    "afterwards that they had been a success."
)
# One that names Putin only by his title: "the Russian leader" is the state's head on the dateline (the
# knowledge base's English adjective and its offices), so it is a fourth report of the meeting.
TITLED = (
    "Donald Trump met the Russian leader in Helsinki on Monday. The talks between the presidents of the "
    "United States and Russia lasted more than two hours. The Kremlin said the talks had been a success."
)


@pytest.mark.parametrize("extra, meeting_articles", [([], 3), ([UNNAMED], 3), ([TITLED], 4)])
def test_gdelt_sources_never_exceed_articles(records, tmp_path, extra, meeting_articles):
    from kronika.core import analyze_articles as analyse
    from kronika.ingest.article import Article

    more = list(
        analyse(
            [
                Article(text=t, id=f"x{i}", url=f"https://other{i}.example.org/a", date="2018-07-16", lang="en")
                for i, t in enumerate(extra)
            ]
        )
    )
    counts = gdelt_counts([*records, *more], tmp_path)
    assert counts and all(sources <= articles <= mentions for mentions, sources, articles in counts)
    assert max(articles for _, _, articles in counts) == meeting_articles


def test_both_levels_through_the_cli_and_the_api(db):
    from fastapi.testclient import TestClient

    from kronika.api import create_app

    runner = CliRunner()
    rows = json.loads(runner.invoke(main, ["stories", "--db", str(db), "--format", "json"]).output)
    helsinki = next(r for r in rows if r["id"] == stored_stories(db)["a-en"])
    shown = runner.invoke(main, ["stories", "--db", str(db), "--thread", helsinki["thread"], "--format", "json"])
    assert shown.exit_code == 0, shown.output
    assert [s["id"] for s in json.loads(shown.output)["stories"]] == [helsinki["id"]]
    missing = runner.invoke(main, ["stories", "--db", str(db), "--thread", "nope"])
    assert missing.exit_code == 1 and "no thread 'nope'" in missing.output
    with TestClient(create_app(db, token="test-token-1234")) as client:
        story = client.get(f"/api/stories/{helsinki['id']}").json()
        thread = client.get(f"/api/threads/{story['thread']}").json()
        assert [s["id"] for s in thread["stories"]] == [helsinki["id"]]
        assert client.get("/api/threads/nope").status_code == 404

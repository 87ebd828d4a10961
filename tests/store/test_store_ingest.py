"""`kronika ingest` with the real pipeline: idempotent, resumable after kill -9, parallel, lemma search."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from kronika.cli import main
from kronika.record import Document
from kronika.store import Store
from conftest import ROOT, store_contents, story_store

ARTICLES = [
    " date 2025-09-04 Kim Dzong Un spotkał się w czwartek w Pekinie z Xi Jinpingiem.",
    " date 2025-09-03 Władimir Putin rozmawiał w środę z Kim Dzong Unem w Pekinie.",
    " date 2025-09-10 Rosyjskie drony naruszyły polską przestrzeń powietrzną, a premier Donald Tusk zwołał "
    "posiedzenie rządu w Warszawie.",
    " date 2025-08-31 Premier Indii Narendra Modi przyjechał do Tiencina na szczyt Szanghajskiej Organizacji "
    "Współpracy.",
]


def write_articles(folder, texts):
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        (folder / f"{i:04d}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def ingest(*args):
    return CliRunner().invoke(main, ["ingest", *map(str, args)])


def query(db, *args):
    result = CliRunner().invoke(main, [*args, "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_ingest_twice_adds_nothing(tmp_path):
    folder = write_articles(tmp_path / "in", ARTICLES)
    db = tmp_path / "k.db"
    first = ingest(folder, "--db", db)
    assert first.exit_code == 0, first.output
    assert f"{len(ARTICLES)} article(s) stored" in first.stderr
    before = query(db, "stats")
    second = ingest(folder, folder, "--db", db)
    assert second.exit_code == 0
    assert "0 article(s) stored" in second.stderr and f"{2 * len(ARTICLES)} already stored" in second.stderr
    assert query(db, "stats") == before


def test_failures_are_counted_and_reported(tmp_path):
    folder = write_articles(tmp_path / "in", ARTICLES[:2])
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    db = tmp_path / "k.db"
    result = ingest(folder, "--db", db)
    assert result.exit_code == 1
    assert "2 article(s) stored" in result.stderr and "2 failed" in result.stderr
    assert "E202" in result.stderr and "E203" in result.stderr
    assert len(query(db, "articles")) == 2


@pytest.mark.parametrize("search", ["Pekin", "Pekinie", "pekinu", "Warszawa", "drony Tusk"])
def test_lemma_search(tmp_path, search):
    db = tmp_path / "k.db"
    ingest(write_articles(tmp_path / "in", ARTICLES), "--db", db)
    found = query(db, "articles", "--search", search)
    expected = {"Pekin": 2, "Pekinie": 2, "pekinu": 2, "Warszawa": 1, "drony Tusk": 1}[search]
    assert len(found) == expected, found


def test_jobs_give_the_same_store(tmp_path):
    folder = write_articles(tmp_path / "in", ARTICLES * 1)
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert ingest(folder, "--db", one).exit_code == 0
    result = ingest(folder, "--db", two, "--jobs", "2")
    assert result.exit_code == 0, result.output
    for db in (one, two):
        assert Store(db, create=False).integrity_problems() == []
    export = lambda db: sorted(CliRunner().invoke(main, ["export", "--db", str(db)]).stdout.splitlines())  # noqa: E731
    assert export(one) == export(two)


STORIES_FIXTURE = ROOT / "tests" / "stories" / "fixtures" / "articles.jsonl"


def jsonl_articles(tmp_path):
    """The stories fixture (eight articles, six languages, three stories) and the Polish articles, as one file."""
    polish = [{"text": text.split(" ", 3)[3], "date": text.split(" ", 3)[2]} for text in ARTICLES]
    gold = [json.loads(line) for line in STORIES_FIXTURE.read_text(encoding="utf-8").splitlines()]
    # One undated article, next to last: its story follows from its neighbours' dates (``neighbours.py``),
    # which a batch cut by the clock must not take away.
    undated = {"text": "Kim Dzong Un i Xi Jinping rozmawiali w Pekinie o współpracy obu państw."}
    lines = [{k: v for k, v in r.items() if k not in ("lang", "story")} for r in gold] + polish[:-1]
    lines += [undated, polish[-1]]
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    return path


def writer_store(path, source):
    """The store the writer alone makes of ``source``: records analysed here, the story hook's features made
    by the store in one batch (``prepare`` without given features), as a library user's ``add_many`` does."""
    from kronika.core import analyze_articles
    from kronika.ingest import read_articles

    records = list(analyze_articles(read_articles([str(source)]), lang="auto"))
    with story_store(path) as store:
        assert store.add_many(records) == len(records)


# --jobs 2: the records and the story features come from the workers; --jobs 1: from this process, in batches of
# --batch-size; the writer alone: from the store's own prepare step. Every row of every table must agree.
@pytest.mark.parametrize(
    "args",
    [["--jobs", "2"], ["--jobs", "2", "--batch-size", "3"], ["--jobs", "1", "--batch-size", "5"]],
    ids=["jobs2", "jobs2-batches-of-3", "jobs1-batches-of-5"],
)
def test_jobs_and_batches_give_the_writers_store(tmp_path, args):
    source = jsonl_articles(tmp_path)
    expected = tmp_path / "writer.db"
    writer_store(expected, source)
    db = tmp_path / "ingest.db"
    result = ingest(source, "--db", db, "--lang", "auto", *args)
    assert result.exit_code == 0, result.output
    got, want = store_contents(db), store_contents(expected)
    assert len(want["stories"]) >= 3 and len(want["threads"]) >= 3 and want["events"]
    assert got.keys() == want.keys()
    for table in want:
        assert got[table] == want[table], table


def count_articles(db) -> int:
    try:
        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error:
        return 0  # not created yet


def test_kill_9_loses_nothing_committed(tmp_path):
    total = 150
    texts = [
        f" date 2025-09-{1 + i % 28:02d} Artykuł numer {i}: Kim Dzong Un spotkał się z Xi Jinpingiem w "
        f"Pekinie, a Władimir Putin przyjechał do Tiencina {i} razy."
        for i in range(total)
    ]
    folder = write_articles(tmp_path / "in", texts)
    db = tmp_path / "k.db"
    command = [sys.executable, "-m", "kronika", "ingest", str(folder), "--db", str(db), "--batch-size", "4"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=tmp_path)
    # A bound for a hung process only: at a load average of 8-9 the cold start and the first two batches took
    # more than 120 s, and the test then killed an ingest that had stored nothing yet.
    deadline = time.monotonic() + 600
    while count_articles(db) < 8 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    stored = count_articles(db)
    assert 8 <= stored < total, "the ingest must be killed in the middle for this test to mean anything"

    with Store(db, create=False) as store:
        assert store.integrity_problems() == []
        # Every committed article is whole: its lemmas are indexed and its timexes stored.
        indexed = store.connection.execute("SELECT count(*) FROM article_search").fetchone()[0]
        assert indexed == len(store)

    rerun = subprocess.run(command, env=env, capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{len(texts) - stored} article(s) stored, {stored} already stored" in rerun.stderr
    with Store(db, create=False) as store:
        assert len(store) == total
        assert store.integrity_problems() == []
        ids = [row[0] for row in store.connection.execute("SELECT id FROM articles")]
        assert len(ids) == len(set(ids)) == total


def test_auto_language_with_jobs(tmp_path):
    """--lang auto in worker processes: each worker identifies the language and uses that language's stages."""
    gold = [json.loads(line) for line in STORIES_FIXTURE.read_text(encoding="utf-8").splitlines()]
    unlabelled = tmp_path / "articles.jsonl"
    unlabelled.write_text(
        "".join(json.dumps({k: v for k, v in r.items() if k not in ("lang", "story")}) + "\n" for r in gold),
        encoding="utf-8",
    )
    exports = {}
    for jobs in ("1", "2"):
        db = tmp_path / f"jobs{jobs}.db"
        result = ingest(unlabelled, "--db", db, "--lang", "auto", "--jobs", jobs)
        assert result.exit_code == 0, result.output
        lines = CliRunner().invoke(main, ["export", "--db", str(db)]).stdout.splitlines()
        exports[jobs] = {r["id"]: r for r in map(json.loads, lines)}
    assert exports["1"] == exports["2"]
    assert {i: r["lang"] for i, r in exports["2"].items()} == {r["id"]: r["lang"] for r in gold}
    # The language packs ran for Polish and English only; German got names and dates.
    assert exports["2"]["a-pl"]["sentences"] and exports["2"]["a-en"]["sentences"]
    assert not exports["2"]["a-de"]["sentences"]
    assert len({r["story"] for r in exports["2"].values()}) == len({r["story"] for r in gold})


@pytest.mark.parametrize("lang, ok", [("auto", True), ("en", True), ("xx", False)])
def test_jobs_accept_the_languages_of_one_process(tmp_path, lang, ok):
    folder = write_articles(tmp_path / "in", ["Donald Trump met Vladimir Putin in Helsinki on 16 July 2018."])
    result = ingest(folder, "--db", tmp_path / "k.db", "--lang", lang, "--jobs", "2")
    assert (result.exit_code == 0) == ok, result.output
    if not ok:
        assert "E102" in result.output


def test_columns_made_elsewhere_store_what_the_record_would(tmp_path, pipeline, seed_text):
    """A worker makes the record's stored columns (its JSON, its lemma text) and sends the record without
    tokens and name mentions: the writer stores the same rows as from the whole record."""
    from kronika.batch.ingest import DROPPED
    from kronika.store.write import article_columns

    texts = [seed_text, *(article.split(" ", 3)[3] for article in ARTICLES)]
    docs = [pipeline(Document(text=text, date="2025-09-04")) for text in texts]
    whole, light = tmp_path / "whole.db", tmp_path / "light.db"
    with Store(whole) as store:
        assert store.add_many(docs) == len(docs)
    columns = [article_columns(doc) for doc in docs]
    for doc in docs:
        for name in DROPPED:
            setattr(doc, name, [])
    with Store(light) as store:
        assert store.add_many(docs, columns=columns) == len(docs)
    assert store_contents(light) == store_contents(whole)

"""`kronika watch --once` against a local server: new entries stored, unchanged feeds cost one 304 each,
every broken feed is one error line while the others are stored, and a rerun stores nothing twice."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

import feed_server as fs
from kronika.cli import main

FULL = ["000_02cd8ae479332831.txt", "001_xi_putin_pekin.txt"]  # whole articles in an RSS feed
SUMMARISED = ["002_parada_pekin.txt", "003_drony_nad_polska.txt"]  # an Atom feed of summaries and links
LATER = "004_modi_xi_tiencin.txt"  # added to the RSS feed before the third round
# A folder source beside the feeds: one article and one empty file (reported once, not every round).
FOLDER = {
    "note.txt": " date 2025-09-05 Premier Donald Tusk spotkał się w piątek w Warszawie z prezydentem Francji.\n",
    "empty.txt": "",
}

# path, (status, content type, body), the code and the words of its one error line
BROKEN = [
    ("/html", (200, "text/html", "<!DOCTYPE html><html><body><p>Nie kanał</p></body></html>"), "E904", "an HTML page"),
    (
        "/truncated.xml",
        (200, "application/rss+xml", "<?xml version='1.0'?><rss version='2.0'><channel><item><title>Urwane</tit"),
        "E210",
        "no readable entry",
    ),
    ("/down", (503, "text/plain", "przerwa"), "E902", "HTTP 503"),
    ("/gone", (404, "text/plain", "nie ma"), "E902", "HTTP 404"),
    ("/loop", (302, "", fs.redirect_loop), "E902", "redirects"),
    ("/slow", (200, "", fs.slow(3.0)), "E902", "timed out"),
    ("/huge", (200, "", fs.endless), "E903", "over the limit"),
]


def run_once(sources, db):
    return CliRunner().invoke(
        main, ["watch", str(sources), "--db", str(db), "--once", "--timeout", "1", "--max-bytes", "300000"]
    )


def stored_articles(db) -> dict[str, str]:
    with sqlite3.connect(db) as connection:
        return dict(connection.execute("SELECT url, text FROM articles"))


@pytest.fixture(scope="module")
def rounds(tmp_path_factory):
    """Three rounds: the first over fresh feeds, the second over the same, the third after a new entry."""
    folder = tmp_path_factory.mktemp("watch")
    db = folder / "k.db"
    with fs.FeedServer() as server:
        base = server.base
        server.routes["/full.rss"] = (200, "application/rss+xml", fs.rss(base, FULL))
        server.routes["/summaries.atom"] = (200, "application/atom+xml", fs.atom(base, SUMMARISED))
        for name in SUMMARISED:
            server.routes[f"/pages/{name}.html"] = (200, "text/html; charset=utf-8", fs.page(name))
        for path, route, _, _ in BROKEN:
            server.routes[path] = route
        (folder / "notes").mkdir()
        for name, text in FOLDER.items():
            (folder / "notes" / name).write_text(text, encoding="utf-8")
        sources = folder / "feeds.txt"
        sources.write_text(
            "# feeds of the test\n"
            + f"{base}/full.rss\n{base}/summaries.atom  # summaries only\n"
            + "".join(f"{base}{path}\n" for path, *_ in BROKEN)
            + "notes\n",
            encoding="utf-8",
        )
        results, stored, logs = [], [], []
        for number in range(3):
            if number == 2:
                server.routes["/full.rss"] = (200, "application/rss+xml", fs.rss(base, [LATER, *FULL]))
            server.log.clear()
            results.append(run_once(sources, db))
            stored.append(stored_articles(db))
            logs.append(list(server.log))
        yield {"base": base, "results": results, "stored": stored, "logs": logs, "db": db}


def test_first_round_stores_every_entry_of_the_good_feeds(rounds):
    result, stored, base = rounds["results"][0], rounds["stored"][0], rounds["base"]
    assert result.exit_code == 0, result.output
    assert set(stored) == {f"{base}/articles/{name}" for name in FULL} | {
        f"{base}/pages/{name}.html" for name in SUMMARISED
    } | {None}  # the folder's article has no URL
    # A summarised entry is stored with its page's text, not the one-line summary.
    for name in SUMMARISED:
        last_paragraph = fs.example(name)[2].split("\n\n")[-1].strip()
        assert last_paragraph in stored[f"{base}/pages/{name}.html"]
    assert "5 article(s) stored, 0 already stored, 1 failed" in result.stderr
    assert f"{len(BROKEN)} failed" in result.stderr
    assert len([line for line in result.stderr.splitlines() if "empty.txt" in line and "E202" in line]) == 1


@pytest.mark.parametrize("path, route, code, words", BROKEN, ids=[row[0] for row in BROKEN])
def test_a_broken_feed_is_one_error_line(rounds, path, route, code, words):
    lines = [line for line in rounds["results"][0].stderr.splitlines() if f"{rounds['base']}{path}" in line]
    assert len(lines) == 1, lines
    assert code in lines[0] and words in lines[0], lines[0]


def test_unchanged_feeds_cost_one_304_and_nothing_is_stored_twice(rounds):
    second, log = rounds["results"][1], rounds["logs"][1]
    assert second.exit_code == 0, second.output
    assert [status for path, status in log if path in ("/full.rss", "/summaries.atom")] == [304, 304]
    assert not [path for path, _ in log if path.startswith("/pages/")]  # no page fetched again
    assert "0 new entr(ies)" in second.stderr and "0 article(s) stored, 0 already stored, 0 failed" in second.stderr
    assert "empty.txt" not in second.stderr  # a broken file is reported once, not every round
    assert rounds["stored"][1] == rounds["stored"][0]


def test_a_new_entry_is_stored_in_the_next_round(rounds):
    third, base = rounds["results"][2], rounds["base"]
    assert "1 article(s) stored" in third.stderr, third.stderr
    assert set(rounds["stored"][2]) - set(rounds["stored"][1]) == {f"{base}/articles/{LATER}"}
    assert [status for path, status in rounds["logs"][2] if path == "/summaries.atom"] == [304]


def test_failing_feeds_back_off(rounds):
    """Each failure in a row doubles the wait: the second failure puts the feed a round later."""
    with sqlite3.connect(rounds["db"]) as connection:
        failures = dict(connection.execute("SELECT url, failures FROM watch_feeds WHERE last_status = 'failed'"))
    assert failures == {f"{rounds['base']}{path}": 2 for path, *_ in BROKEN}
    assert "backing off" in rounds["results"][2].stderr
    assert f"{len(BROKEN)} backing off" in rounds["results"][2].stderr

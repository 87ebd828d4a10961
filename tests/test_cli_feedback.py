"""What the long commands tell their user, through the real command: the language each article is read in
(identified unless --lang says), what ran for a language without a pack, progress with a total, rates that
mean something, -v, and a port already in use for `serve`."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import socket
import struct
import subprocess
import sys
import termios

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from kronika.cli import main
from kronika.progress import count_articles, rate_phrase
from kronika.store import Store

# Written for these tests: one short news item per language.
ARTICLES = {
    "en": "Chancellor Merz met President Macron in Berlin on Tuesday to discuss support for Ukraine. "
    "They agreed to send more air defence systems before the winter.\n",
    "de": "Bundeskanzler Merz traf am Dienstag Präsident Macron in Berlin, um über die Unterstützung der "
    "Ukraine zu sprechen. Beide wollen mehr Luftabwehrsysteme liefern.\n",
    "ru": "Президент России Владимир Путин встретился во вторник в Пекине с председателем КНР Си Цзиньпином. "
    "Стороны обсудили поставки газа.\n",
    "pl": " date 2025-09-04 Kim Dzong Un spotkał się z Władimirem Putinem w Pekinie. Rozmawiali o dostawach broni.\n",
}
WEEKDAYS = {"Tuesday", "Dienstag", "вторник", "во вторник"}


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    folder = tmp_path_factory.mktemp("languages")
    for code, text in ARTICLES.items():
        (folder / f"{code}.txt").write_text(text, encoding="utf-8")
    return folder


def invoke(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args])


def notes(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("kronika: note:")]


@pytest.mark.parametrize("code", sorted(ARTICLES))
def test_analyze_identifies_the_language_and_says_what_ran(articles, code):
    result = invoke("analyze", articles / f"{code}.txt")
    assert result.exit_code == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["lang"] == code
    assert not WEEKDAYS & {entity["name"] for entity in record["entities"]}
    if code == "pl":
        assert record["sentences"] and not notes(result.stderr)
    elif code == "en":  # the English pack runs, and its note names the stages it has no model for
        (note,) = notes(result.stderr)
        assert record["sentences"] and "the 'en' pack has no ner model" in note
    else:
        (note,) = notes(result.stderr)
        assert f"'{code}'" in note and "no language pack" in note and not record["sentences"]


def test_lang_pl_still_forces_polish(articles):
    result = invoke("analyze", articles / "en.txt", "--lang", "pl")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["lang"] == "pl"
    assert not notes(result.stderr)


# (option, value, exit code, the one line printed): a usage error exits 2, a date that would date every article 1.
REFUSED_OPTIONS = [
    (
        "--lang",
        "xx",
        2,
        "kronika: error: --lang 'xx': [E102] no language pack for 'xx' and not an ISO 639 language "
        "code; give 'auto', 'pl' (the whole pipeline), 'en' (the English pack, rules only) or any language's code "
        "(names and dates only)",
    ),
    (
        "--date",
        "2025-02-30",
        1,
        "kronika: error: [E211] --date: '2025-02-30' is not a date; give YYYY-MM-DD or YYYY-MM, e.g. --date 2025-09-04",
    ),
]


@pytest.mark.parametrize(("option", "value", "code", "expected"), REFUSED_OPTIONS)
@pytest.mark.parametrize("command", ["analyze", "ingest", "batch", "cluster"])
def test_a_refused_analysis_option_is_one_line_and_nothing_is_written(
    articles, tmp_path, command, option, value, code, expected
):
    extra = {"ingest": ["--db", tmp_path / "x.db"], "batch": ["--out", tmp_path / "out"]}.get(command, [])
    result = invoke(command, articles / "en.txt", option, value, *extra)
    assert result.exit_code == code
    (line,) = result.stderr.splitlines()
    assert line == expected
    assert not result.stdout and not list(tmp_path.iterdir())


def test_ingest_notes_each_language_without_a_pack(articles, tmp_path):
    db = tmp_path / "k.db"
    result = invoke("ingest", articles, "--db", db)
    assert result.exit_code == 0, result.stderr
    assert sorted(note.split("'")[1] for note in notes(result.stderr)) == ["de", "en", "ru"]
    stored = json.loads(invoke("articles", "--db", db, "--format", "json").stdout)
    assert len(stored) == 4
    assert "articles/s" not in result.stderr  # four articles: a rate would measure loading the models


def test_batch_notes_each_language_and_keeps_it(articles, tmp_path):
    out = tmp_path / "out"
    result = invoke("batch", articles, "--out", out, "--workers", 1)
    assert result.exit_code == 0, result.stderr
    assert sorted(note.split("'")[1] for note in notes(result.stderr)) == ["de", "en", "ru"]
    documents = [row for path in (out / "documents").rglob("*.parquet") for row in pq.read_table(path).to_pylist()]
    assert sorted(row["lang"] for row in documents) == sorted(ARTICLES)


def test_verbose_says_what_it_reads(articles):
    # A process of its own: logging is configured once per process, as when a person runs it.
    result = subprocess.run(
        [sys.executable, "-m", "kronika", "-v", "analyze", str(articles)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    info = [line for line in result.stderr.splitlines() if "INFO" in line]
    assert any("4 article(s)" in line and "language auto" in line for line in info)
    assert any("articles per language: de 1, en 1, pl 1, ru 1" in line for line in info)


@pytest.mark.parametrize(
    "articles_done, seconds, shown",
    [
        (0, 0.0, ""),
        (1, 8.0, ""),
        (9, 3.0, ""),
        (10, 2.0, " (5.0 articles/s)"),
        (300, 30.0, " (10.0 articles/s)"),
    ],
)
def test_rate_only_when_it_means_something(articles_done, seconds, shown):
    assert rate_phrase(articles_done, seconds) == shown


def _write_parquet(path, rows):
    import pyarrow as pa

    pq.write_table(pa.table({"text": [f"Tekst {n}." for n in range(rows)]}), path)


@pytest.mark.parametrize(
    "files, expected",
    [
        ({"a.jsonl": '{"text": "a"}\n\n{"text": "b"}\n{"text": "c"}'}, 3),
        ({"a.txt": "Jeden.", "b.txt": "Dwa.", "sub/c.html": "<html>Trzy</html>"}, 3),
        ({"a.json": '[{"text": "a"}, {"text": "b"}]'}, 2),
        ({"a.json": '{"text": "a", "title": "t"}'}, 1),
        ({"feed.rss": "<rss><channel><item>a</item><item>b</item></channel></rss>"}, 2),
        ({"t.parquet": 4}, 4),
        ({}, 1),  # an empty directory: one error
    ],
)
def test_count_articles_for_the_bar_total(tmp_path, files, expected):
    for name, content in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_parquet(path, content) if isinstance(content, int) else path.write_text(content)
    assert count_articles([str(tmp_path)]) == expected


@pytest.mark.parametrize("inputs, expected", [(["-"], None), (["/no/such/file.txt"], 1)])
def test_count_articles_unknown_or_broken(inputs, expected):
    assert count_articles(inputs) == expected


def _run_on_a_terminal(args, cwd):
    """The command with stderr on a pseudo-terminal (as a person runs it); what it wrote there."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # 24 rows, 100 columns
    env = {**os.environ, "COLUMNS": "100"}
    process = subprocess.Popen(
        [sys.executable, "-m", "kronika", *args], stdout=subprocess.DEVNULL, stderr=follower, cwd=cwd, env=env
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    process.wait(timeout=120)
    os.close(leader)
    return process.returncode, shown.decode("utf-8", "replace")


# Every long command, run as a person runs it: a bar with the total on the terminal (issue 18: analyze and
# cluster showed nothing, ingest no total).
LONG_COMMANDS = [
    ("ingest", ["--db", "k.db"]),
    ("analyze", ["-o", "records.jsonl"]),
    ("cluster", ["-o", "stories.jsonl"]),
    ("batch", ["--out", "out", "--workers", "1"]),
]


@pytest.mark.parametrize(("command", "options"), LONG_COMMANDS, ids=[c for c, _ in LONG_COMMANDS])
def test_a_long_command_shows_a_bar_with_the_total_on_a_terminal(articles, tmp_path, command, options):
    code, shown = _run_on_a_terminal([command, str(articles), *options], cwd=str(tmp_path))
    assert code == 0, shown
    assert "4/4" in shown, shown
    assert re.search(r"\d\d:\d\d<\d\d:\d\d", shown), shown  # time taken < time left (the ETA)


def test_no_bar_when_stderr_is_not_a_terminal(articles, tmp_path):
    result = invoke("ingest", articles, "--db", tmp_path / "k.db")
    assert "4/4" not in result.stderr and "\r" not in result.stderr


def test_serve_on_a_port_in_use_is_one_line(tmp_path):
    db = tmp_path / "k.db"
    Store(db, create=True).close()  # an empty store is enough
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    try:
        result = invoke("serve", "--db", db, "--port", port)
    finally:
        taken.close()
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert "E605" in line and str(port) in line and "in use" in line and "serving" not in result.stderr


# Issue 18: `ingest --jobs` but `batch/serve --workers`. Each command that runs processes takes --workers; ingest
# keeps --jobs (and -j) as the same option.
@pytest.mark.parametrize("spelling", ["--jobs", "--workers", "-j"])
def test_ingest_takes_workers_as_batch_and_serve_do(articles, tmp_path, spelling):
    result = invoke("ingest", articles / "pl.txt", "--db", tmp_path / "k.db", spelling, 1)
    assert result.exit_code == 0, result.stderr
    assert "1 article(s) stored" in result.stderr


@pytest.mark.parametrize("command", ["ingest", "batch", "serve"])
def test_every_command_with_processes_names_them_workers(command):
    assert "--workers" in {opt for param in main.commands[command].params for opt in param.opts}

"""Bad files and hostile values: foreign or damaged databases get a clear error and stay untouched, and
quotes, %, ; and SQL fragments pass through every CLI filter as plain values."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

import store_records as records
from kronika.cli import main
from kronika.errors import KronikaError
from kronika.store import Store


def foreign_sqlite(path):
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("INSERT INTO customers (name) VALUES ('Kowalski')")
    connection.commit()
    connection.close()


def damaged_store(path):
    Store(path).close()
    with Store(path) as store:
        store.add_many(records.ALL)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    data = bytearray(path.read_bytes())
    page = 4096
    # Overwrite everything after the first page: sqlite_master and the tables become garbage.
    data[page:] = bytes([0xA5]) * (len(data) - page)
    path.write_bytes(bytes(data))


def header_only(path):
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84 + b"garbage" * 100)


def newer_store(path):
    Store(path).close()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 99")
    connection.close()


def other_branch_store(path):
    """A store that applied a migration this Kronika does not define (a newer release, another branch)."""
    Store(path).close()
    connection = sqlite3.connect(path)
    connection.execute("INSERT INTO kronika_migrations VALUES ('story_labels', 'labels of stories', '2030-01-01')")
    connection.commit()
    connection.close()


def write(content: bytes):
    return lambda path: path.write_bytes(content)


# (case, how the file is made, expected error code)
BAD_FILES = [
    ("text file", write("Przywódcy Chin i Korei Północnej\n".encode()), "E501"),
    ("random bytes", write(bytes(range(256)) * 64), "E501"),
    ("another application's SQLite", foreign_sqlite, "E503"),
    ("damaged Kronika store", damaged_store, "E502"),
    ("SQLite header then garbage", header_only, "E502"),
    ("store from a newer Kronika", newer_store, "E504"),
    ("store with a migration this Kronika lacks", other_branch_store, "E504"),
]


@pytest.mark.parametrize(("name", "make", "code"), BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_bad_file_is_refused_and_untouched(tmp_path, name, make, code):
    path = tmp_path / "kronika.db"
    make(path)
    before = path.read_bytes()
    with pytest.raises(KronikaError, match=code):
        Store(path).add(records.PAP)
    for command in (["stats"], ["events"], ["ingest", str(tmp_path / "none.txt")], ["export"]):
        result = CliRunner().invoke(main, [*command, "--db", str(path)])
        assert result.exit_code == 1, (command, result.output)
        assert code in result.stderr and str(path) in result.stderr
        assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kronika.db"]


def test_directory_as_db(tmp_path):
    result = CliRunner().invoke(main, ["stats", "--db", str(tmp_path)])
    assert result.exit_code == 2 and "is a directory" in result.stderr  # click's usage error
    with pytest.raises(KronikaError, match="E501"):
        Store(tmp_path)


def test_queries_do_not_create_a_store(tmp_path):
    result = CliRunner().invoke(main, ["events", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 1 and "E505" in result.stderr and "kronika ingest" in result.stderr
    assert not (tmp_path / "missing.db").exists()


def test_empty_file_becomes_a_store(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    with Store(path) as store:
        assert store.add(records.PAP)


HOSTILE = [
    "'",
    '"',
    "%",
    ";",
    "_",
    "\\",
    "*",
    "NEAR(",
    "' OR '1'='1",
    '" OR ""="',
    "%' OR 1=1 --",
    "'; DROP TABLE events; --",
    "Robert'); DROP TABLE articles;--",
    "1; DELETE FROM actors",
    '") UNION SELECT sql FROM sqlite_master --',
    'Pekin" OR "',
    "kim%",
    "2025-09-04' OR '1'='1",
]

# Every filter of every query command, and how a hostile value is passed to it.
FILTERS = [
    ("events", ["--actor"]),
    ("events", ["--type"]),
    ("events", ["--since"]),
    ("events", ["--until"]),
    ("actors", ["--search"]),
    ("actors", ["--country"]),
    ("articles", ["--search"]),
    ("articles", ["--since"]),
    ("articles", ["--until"]),
    ("relations", ["CHN"]),
    ("relations", ["--since", "2025-01-01", "PRK"]),
    ("relations", ["--until"]),
]


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile") / "kronika.db"
    with Store(path) as store:
        store.add_many(records.ALL)
        counts = store.stats().to_dict("records")
    return str(path), counts


@pytest.mark.parametrize(("command", "prefix"), FILTERS, ids=[f"{c}-{'-'.join(p)}" for c, p in FILTERS])
def test_hostile_values_through_every_filter(filled, command, prefix):
    db, counts = filled
    for value in HOSTILE:
        args = [command, *prefix, value]
        if command == "relations" and prefix == ["--until"]:
            args = [command, "CHN", "PRK", "--until", value]
        result = CliRunner().invoke(main, [*args, "--db", db, "--format", "json"])
        # Either an answer (usually empty) or a clear E506 (exit 2) for a value outside what the option takes.
        assert result.exit_code in (0, 2), (args, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
        if result.exit_code == 2:
            assert "E506" in result.stderr, (args, result.stderr)
        else:
            assert result.stdout.startswith("["), (args, result.stdout)
    with Store(db) as store:
        assert store.stats().to_dict("records") == counts


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_find_nothing(filled, value):
    db, _ = filled
    with Store(db) as store:
        assert store.events(actor=value).empty
        assert store.actors(search=value).empty or value in ("_",)
        assert store.articles(search=value).empty or value in ('Pekin" OR "',)

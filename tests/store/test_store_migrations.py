"""Migrations keyed by name: a store written by the numbered Kronika (a file made at main before the names)
opens and upgrades, and stores of two branches that each added a migration open with the merged code."""

from __future__ import annotations

import gzip
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

import store_records as records
from kronika.errors import KronikaError
from kronika.store import Store
from kronika.store import migrations
from kronika.store.migrations import LATEST, MIGRATIONS, NUMBERED, migrate, migration
from conftest import story_store

# Written by Kronika at main 3c37fdd (migrations numbered 1 to 8) from store_records.ALL, then vacuumed.
NUMBERED_STORE = Path(__file__).parent / "fixtures" / "numbered-main.db.gz"


@pytest.fixture
def numbered_store(tmp_path) -> Path:
    path = tmp_path / "kronika.db"
    path.write_bytes(gzip.decompress(NUMBERED_STORE.read_bytes()))
    return path


def history(path) -> list[tuple[str, str]]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute("SELECT name, applied_at FROM kronika_migrations ORDER BY applied_at").fetchall()


def test_numbered_store_from_main_opens_and_keeps_its_history(numbered_store):
    with closing(sqlite3.connect(numbered_store)) as connection:
        numbered = dict(connection.execute("SELECT version, applied_at FROM kronika_migrations"))
    with Store(numbered_store) as store:
        assert len(store) == len(records.ALL)
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == LATEST
    # Each numbered row became its named one, applied when it was; the named migrations after them follow.
    kept = history(numbered_store)[: len(numbered)]
    assert kept == [(NUMBERED[version], at) for version, at in sorted(numbered.items())]
    assert [name for name, _ in history(numbered_store)] == list(MIGRATIONS)


def test_numbered_store_holds_what_a_new_store_holds(numbered_store, tmp_path):
    with story_store(tmp_path / "new.db") as new:  # main's Store put articles into stories, as this one does
        new.add_many(records.ALL)
        expected = new.stats(), new.events(), new.stories()["size"].tolist()
    with Store(numbered_store) as upgraded:
        assert upgraded.stats().equals(expected[0])
        assert upgraded.events().equals(expected[1])
        assert upgraded.stories()["size"].tolist() == expected[2]


def test_upgraded_store_applies_nothing_again(numbered_store):
    Store(numbered_store).close()
    with closing(sqlite3.connect(numbered_store, isolation_level=None)) as connection:
        assert migrate(connection) == []


def creates_table(name: str):
    def function(connection):
        connection.execute(f"CREATE TABLE {name} (x)")

    function.__name__ = name
    return function


def registry(*names: str) -> dict:
    steps: dict = {}
    for name in names:
        migration(f"adds table {name}", steps)(creates_table(name))
    return steps


# (the migrations the store was written with, the merged code's, what opening it applies)
BRANCHES = [
    (("base", "left"), ("base", "left", "right"), ["right"]),
    (("base", "right"), ("base", "left", "right"), ["left"]),
    (("base",), ("base", "left", "right"), ["left", "right"]),
    (("base", "left", "right"), ("base", "right", "left"), []),
]


@pytest.mark.parametrize(("written", "merged", "applies"), BRANCHES)
def test_branches_adding_migrations_do_not_collide(tmp_path, written, merged, applies):
    with closing(sqlite3.connect(tmp_path / "k.db", isolation_level=None)) as connection:
        assert migrate(connection, registry(*written)) == list(written)
        assert migrate(connection, registry(*merged)) == applies
        assert migrations.unknown(connection, registry(*merged)) == []
        assert connection.execute("PRAGMA user_version").fetchone()[0] == len(merged)
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert set(merged) <= tables


def test_store_of_a_newer_kronika_names_the_unknown_migrations(tmp_path):
    with closing(sqlite3.connect(tmp_path / "k.db", isolation_level=None)) as connection:
        migrate(connection, registry("base", "left", "right"))
        assert migrations.unknown(connection, registry("base", "left")) == ["right"]


def test_numbered_store_with_a_number_this_kronika_never_had_is_refused(numbered_store):
    with closing(sqlite3.connect(numbered_store, isolation_level=None)) as connection:
        connection.execute("INSERT INTO kronika_migrations VALUES (9, 'a numbered branch', '2030-01-01')")
    with pytest.raises(KronikaError, match="E504.*number 9"):
        Store(numbered_store)


def test_a_name_defined_twice_is_refused():
    with pytest.raises(ValueError, match="base is defined twice"):
        migration("again", registry("base"))(creates_table("base"))

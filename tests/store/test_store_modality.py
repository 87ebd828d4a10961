"""Modality carried into the store: asserted events only in every list, count, series and export unless
`--modality` (API `modality`) asks for the others; a modality column in every table. Through Python, the CLI
and the API, on hand-coded records and on the issue's negation example run through the real pipeline."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections import Counter

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from kronika.store.migrations import LATEST

import modality_records as records
from old_schema import downgrade
from kronika.api import create_app
from kronika.cli import main
from kronika.store import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("modality") / "kronika.db"
    with Store(path, stories=False) as store:
        store.add_many([*records.ALL, records.WEEKS])
    return str(path)


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as opened:
        yield opened


def cli(*args):
    result = CliRunner().invoke(main, [*args])
    assert result.exit_code == 0, result.output
    return result.stdout


def cli_json(db, *args):
    return json.loads(cli(*args, "--db", db, "--format", "json"))


# (modality option, modalities of the Putin-Xi and CHN-TWN events expected)
MODALITY_CASES = [
    (None, {"asserted"}),
    ("asserted", {"asserted"}),
    ("negated", {"negated"}),
    ("intended", {"intended"}),
    ("all", {"asserted", "negated", "intended"}),
]


@pytest.mark.parametrize(("modality", "expected"), MODALITY_CASES)
def test_events_keep_the_modality_asked_for(db, client, modality, expected):
    option = [] if modality is None else ["--modality", modality]
    through_cli = cli_json(db, "events", "--since", "2025-09", *option)
    params = {"since": "2025-09", **({"modality": modality} if modality else {})}
    through_api = client.get("/api/events", params=params).json()["items"]
    with Store(db, create=False) as store:
        through_python = store.events(since="2025-09", modality=modality).to_dict("records")
    for found in (through_cli, through_api, through_python):
        assert {e["modality"] for e in found} == expected
    assert [e["id"] for e in through_cli] == [e["id"] for e in through_api] == [e["id"] for e in through_python]


def test_a_denial_is_not_a_mention_of_the_meeting(db):
    # Reported as held by one outlet and denied by another: two events, not one with two mentions.
    held = cli_json(db, "events", "--actor", "Putin", "--type", "CONSULT")
    assert [(e["modality"], e["num_mentions"]) for e in held] == [("asserted", 1)]
    both = cli_json(db, "events", "--actor", "Putin", "--type", "CONSULT", "--modality", "all")
    assert sorted(e["modality"] for e in both) == ["asserted", "negated"]


@pytest.mark.parametrize(("modality", "rows"), [(None, 0), ("negated", 1), ("all", 1)])
def test_the_negation_example_has_no_relation_unless_asked(db, client, modality, rows):
    option = [] if modality is None else ["--modality", modality]
    assert len(cli_json(db, "relations", "CHN", "TWN", *option)) == rows
    params = {"a": "CHN", "b": "TWN", **({"modality": modality} if modality else {})}
    assert len(client.get("/api/relations", params=params).json()["periods"]) == rows


# (modality option, GDELT EventRootCodes expected): the asserted meeting and the three of the new-year weeks;
# with "all" also the denied meeting, the denied and the announced attack.
@pytest.mark.parametrize(("modality", "roots"), [(None, {"04": 4}), ("all", {"04": 5, "19": 2})])
def test_gdelt_rows_are_events_that_happened(db, modality, roots):
    option = [] if modality is None else ["--modality", modality]
    rows = [line.split("\t") for line in cli("export", "--db", db, "--format", "gdelt", *option).splitlines()]
    assert Counter(row[28] for row in rows) == roots


@pytest.mark.parametrize("fmt", ["csv", "parquet", "plover"])
def test_every_event_export_has_a_modality(db, tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    cli("export", "--db", db, "--format", fmt, "--modality", "all", "-o", str(out))
    if fmt == "csv":
        found = [row["modality"] for row in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))]
    elif fmt == "parquet":
        found = pq.read_table(out).column("modality").to_pylist()
    else:
        found = [json.loads(line)["modality"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(set(found)) == ["asserted", "intended", "negated"]


def test_actor_counts_are_of_asserted_events(db, client):
    default = {a["name"]: a["events"] for a in cli_json(db, "actors")}
    assert "Taiwan" not in default and default["Vladimir Putin"] == 1
    every = {a["name"]: a["events"] for a in cli_json(db, "actors", "--modality", "all")}
    assert every["Taiwan"] == 1 and every["Vladimir Putin"] == 2
    negated = {
        a["name"]: a["events"] for a in client.get("/api/actors", params={"modality": "negated"}).json()["items"]
    }
    assert negated == {"Vladimir Putin": 1, "Xi Jinping": 1, "China": 1, "Taiwan": 1}


def test_stats_count_each_modality(db):
    stats = {row["measure"]: row["value"] for row in cli_json(db, "stats")}
    assert (stats["modality.asserted"], stats["modality.negated"], stats["modality.intended"]) == (4, 2, 1)
    assert stats["events.CONSULT"] == 4 and "events.ASSAULT" not in stats


def test_migration_5_reads_modality_from_the_stored_reports(tmp_path):
    path = tmp_path / "old.db"
    with Store(path, stories=False) as store:
        store.add_many(records.ALL)
    downgrade(path, 4)
    with sqlite3.connect(path) as connection:
        assert "modality" not in {row[1] for row in connection.execute("PRAGMA table_info(events)")}
    with Store(path, stories=False) as store:
        assert store.stats().set_index("measure")["value"]["schema_version"] == LATEST
        assert sorted(store.events(modality="all")["modality"]) == ["asserted", "intended", "negated", "negated"]
        assert store.actors()["name"].tolist() == ["Vladimir Putin", "Xi Jinping"]


def test_the_issue_example_through_the_real_pipeline(tmp_path):
    # One denied attack and one announced attack: no CHN-TWN relation and no GDELT row.
    article = tmp_path / "neg.txt"
    article.write_text(
        " date 2025-09-12 Chiny nie zaatakowały Tajwanu. Rosja nie zamierza atakować Polski.\n", encoding="utf-8"
    )
    db = str(tmp_path / "neg.db")
    CliRunner().invoke(main, ["ingest", str(article), "--db", db], catch_exceptions=False)
    assert cli_json(db, "relations", "CHN", "TWN") == []
    assert cli("export", "--db", db, "--format", "gdelt") == ""


@pytest.mark.parametrize(
    ("by", "periods"), [("week", {"2025-W01": 2, "2025-W02": 1}), ("month", {"2024-12": 1, "2025-01": 2})]
)
def test_weeks_are_iso_weeks(db, client, by, periods):
    # Monday 2024-12-30 and Thursday 2025-01-02 are one ISO week: not "2024-W52" and "2025-W00".
    through_cli = {
        r["period"]: r["events"] for r in cli_json(db, "relations", "CHN", "RUS", "--by", by, "--until", "2025-01")
    }
    through_api = {
        r["period"]: r["events"]
        for r in client.get("/api/relations", params={"a": "CHN", "b": "RUS", "by": by, "until": "2025-01"}).json()[
            "periods"
        ]
    }
    assert through_cli == through_api == periods

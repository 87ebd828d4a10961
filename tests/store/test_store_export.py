"""Exports through the real command: JSONL records, CSV, Parquet, PLOVER JSON and GDELT 2.0 TSV."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import store_records as records
from kronika.cli import main
from kronika.record import Document
from kronika.store import Store
from kronika.store.gdelt import COLUMNS
from conftest import story_store

# GDELT 2.0 Event Database codebook order, written out here independently of kronika/store/gdelt.py.
GDELT_CODEBOOK = (
    "GlobalEventID Day MonthYear Year FractionDate "
    + " ".join(
        f"Actor{n}Code Actor{n}Name Actor{n}CountryCode Actor{n}KnownGroupCode Actor{n}EthnicCode "
        f"Actor{n}Religion1Code Actor{n}Religion2Code Actor{n}Type1Code Actor{n}Type2Code Actor{n}Type3Code"
        for n in (1, 2)
    )
    + " IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources"
    " NumArticles AvgTone "
    + " ".join(
        f"{p}_Type {p}_FullName {p}_CountryCode {p}_ADM1Code {p}_ADM2Code {p}_Lat {p}_Long {p}_FeatureID"
        for p in ("Actor1Geo", "Actor2Geo", "ActionGeo")
    )
    + " DATEADDED SOURCEURL"
).split()


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "kronika.db"
    with story_store(path) as store:
        store.add_many(records.ALL)
    return str(path)


def export(db, fmt, *extra):
    result = CliRunner().invoke(main, ["export", "--db", db, "--format", fmt, *extra])
    assert result.exit_code == 0, result.output
    return result


def test_gdelt_has_61_columns_in_codebook_order(db):
    assert len(COLUMNS) == 61
    assert list(COLUMNS) == GDELT_CODEBOOK
    lines = export(db, "gdelt").stdout.splitlines()
    assert len(lines) == 7
    assert all(len(line.split("\t")) == 61 for line in lines)


def test_gdelt_values(db):
    text = export(db, "gdelt").stdout
    frame = pd.read_csv(io.StringIO(text), sep="\t", header=None, names=list(COLUMNS), dtype=str, keep_default_na=False)
    kim_xi = frame[(frame["Actor2Name"] == "XI JINPING") & (frame["Day"] == "20250904")].iloc[0]
    assert kim_xi["Actor1Code"] == "PRKGOV" and kim_xi["Actor1Name"] == "KIM JONG UN"
    assert kim_xi["Actor1CountryCode"] == "PRK" and kim_xi["Actor1Type1Code"] == "GOV"
    assert (kim_xi["EventCode"], kim_xi["EventBaseCode"], kim_xi["EventRootCode"]) == ("042", "042", "04")
    assert (kim_xi["QuadClass"], kim_xi["GoldsteinScale"]) == ("1", "1.9")
    assert (kim_xi["NumMentions"], kim_xi["NumSources"], kim_xi["NumArticles"]) == ("4", "2", "3")
    assert kim_xi["MonthYear"] == "202509" and kim_xi["Year"] == "2025"
    assert kim_xi["IsRootEvent"] == "1"
    assert kim_xi["ActionGeo_FullName"] == "Beijing" and kim_xi["ActionGeo_CountryCode"] == "CH"
    assert kim_xi["ActionGeo_Type"] == "4" and kim_xi["ActionGeo_Lat"] == "39.9"
    assert kim_xi["SOURCEURL"] == records.PAP.url
    assert len(kim_xi["DATEADDED"]) == 14 and kim_xi["DATEADDED"].isdigit()
    assert float(kim_xi["AvgTone"]) == pytest.approx((1.2 + 0.4 + 0.0 + 0.0) / 4)  # per report, as GDELT
    assault = frame[frame["EventRootCode"] == "19"].iloc[0]
    assert (assault["Actor1Code"], assault["Actor2Code"], assault["QuadClass"]) == ("POLMIL", "RUSMIL", "4")
    month = frame[frame["Day"] == "20250901"]
    assert len(month) == 1 and month.iloc[0]["SOURCEURL"] == "kronika:article/month-kim"


def test_jsonl_is_the_document_records(db):
    lines = export(db, "jsonl").stdout.splitlines()
    docs = {d.id: d for d in map(Document.from_json, lines)}
    assert set(docs) == {d.id for d in records.ALL}
    assert docs[records.PAP.id].to_dict(tokens=False) == records.PAP.to_dict(tokens=False)
    assert list(json.loads(lines[0]))[:3] == ["schema", "id", "url"]


def test_csv_has_one_row_per_event(db):
    rows = list(csv.DictReader(io.StringIO(export(db, "csv").stdout)))
    assert len(rows) == 7
    kim_putin = next(r for r in rows if r["recipient"] == "Vladimir Putin")
    assert (kim_putin["actor_code"], kim_putin["cameo"], kim_putin["num_articles"]) == ("PRKGOV", "042", "1")


def test_parquet_to_file_and_to_stdout(db, tmp_path):
    path = tmp_path / "events.parquet"
    export(db, "parquet", "-o", str(path))
    table = pq.read_table(path)
    assert table.num_rows == 7 and "num_mentions" in table.column_names
    piped = export(db, "parquet").stdout_bytes
    assert pq.read_table(io.BytesIO(piped)).equals(table)


def test_plover_records(db):
    events = [json.loads(line) for line in export(db, "plover").stdout.splitlines()]
    assert len(events) == 7
    assault = next(e for e in events if e["event"] == ["ASSAULT"])
    assert assault["actor"][0]["code"] == "POL" and assault["actor"][0]["sector"] == "MIL"
    assert assault["recipient"][0]["identifier_id"] == "Q1130286"
    assert (assault["quad_code"], assault["event_scale"], assault["mode"]) == (4, -10.0, ["aerial"])
    assert assault["event_text"] == ["zestrzeliło"] and assault["date"] == "2025-09-10"
    assert {"id", "date", "actor", "recipient", "event"} <= set(assault)


def test_plover_dates_are_full_dates_with_their_precision(db):
    events = [json.loads(line) for line in export(db, "plover").stdout.splitlines()]
    found = {(e["date"], e["date_precision"]) for e in events}
    assert ("2025-09-01", "month") in found and ("2025-09-10", "day") in found  # the month-only visit, the drones
    assert all(len(e["date"]) == 10 for e in events)


def test_parquet_dates_are_typed(db, tmp_path):
    import pyarrow as pa

    export(db, "parquet", "-o", str(tmp_path / "e.parquet"))
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.schema.field("date").type == pa.date32()
    assert table.schema.field("added_at").type == pa.timestamp("ms", tz="UTC")
    rows = table.to_pylist()
    month = next(r for r in rows if r["date_precision"] == "month")
    assert month["date"].isoformat() == "2025-09-01"


def test_empty_store_exports(tmp_path):
    path = tmp_path / "empty.db"
    story_store(path).close()
    assert export(str(path), "gdelt").stdout == ""
    assert export(str(path), "csv").stdout.startswith("id,date")
    export(str(path), "parquet", "-o", str(tmp_path / "e.parquet"))
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 0


def article_stories(db) -> dict[str, str]:
    with story_store(db) as store:
        return dict(
            store.connection.execute(
                "SELECT a.id, s.id FROM story_articles sa JOIN articles a ON a.pk = sa.article "
                "JOIN stories s ON s.pk = sa.story"
            ).fetchall()
        )


def test_jsonl_records_carry_their_story(db):
    lines = [json.loads(line) for line in export(db, "jsonl").stdout.splitlines()]
    assert {r["id"]: r["story"] for r in lines} == article_stories(db)
    assert all(list(r)[-1] == "story" for r in lines)  # after the contract's fields, which keep their order


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_event_rows_carry_the_story_of_their_first_report(db, fmt, tmp_path):
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(export(db, "csv").stdout)))
    else:
        export(db, "parquet", "-o", str(tmp_path / "e.parquet"))
        rows = pq.read_table(tmp_path / "e.parquet").to_pylist()
    stories = article_stories(db)
    assert rows and all(r["story"] == stories[r["first_article"]] for r in rows)


def test_store_without_stories_exports_null_story(tmp_path):
    path = tmp_path / "plain.db"
    with Store(path, stories=False) as store:
        store.add_many(records.ALL)
    lines = [json.loads(line) for line in export(str(path), "jsonl").stdout.splitlines()]
    assert lines and all(r["story"] is None for r in lines)
    rows = list(csv.DictReader(io.StringIO(export(str(path), "csv").stdout)))
    assert rows and all(r["story"] == "" for r in rows)
    assert len(export(str(path), "gdelt").stdout.splitlines()[0].split("\t")) == 61

"""`kronika batch` in one process: Parquet layout, tables, resuming, DuckDB, `ingest --from-parquet`."""

from __future__ import annotations

import io
import json

import batch_data
import duckdb
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from kronika.batch import run_batch
from kronika.batch.output import BatchOutput
from kronika.cli import main
from kronika.errors import KronikaError
from kronika.record import Document
from kronika.store import Store


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("inputs")
    lines = ['{"text": "Dobry tekst z Warszawy."}', "to nie jest JSON", '{"title": "bez"}']
    (folder / "bad.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(batch_data.ARTICLES), str(folder / "bad.jsonl")]


@pytest.fixture(scope="module")
def reference(inputs, tmp_path_factory):
    """One uninterrupted in-process run every other test compares against."""
    out = tmp_path_factory.mktemp("reference")
    report = run_batch(inputs, out, workers=1, partition_size=3)
    return out, report


def test_report_counts(reference):
    _, report = reference
    total = len(batch_data.articles()) + 1
    assert (report.articles, report.failed, report.partitions, report.skipped) == (total, 2, 3, 0)
    assert report.events > 0 and not report.failed_partitions and not report.ok


@pytest.mark.parametrize(
    ("table", "pattern"),
    [
        ("documents", "documents/day=*/part-*.parquet"),
        ("events", "events/day=*/part-*.parquet"),
        ("errors", "errors/part-*.parquet"),
    ],
)
def test_layout_is_partitioned_by_date(reference, table, pattern):
    out, _ = reference
    files = list(out.glob(pattern))
    assert files
    if table == "errors":
        return
    for path in files:
        dates = set(pq.read_table(path, columns=["date"]).column("date").to_pylist())
        value = path.parent.name.removeprefix("day=")
        assert dates == ({None} if value == "undated" else {value})


def test_documents_keep_flat_columns_and_the_record(reference):
    out, _ = reference
    rows = {r["id"]: r for p in out.glob("documents/*/*.parquet") for r in pq.read_table(p).to_pylist()}
    expected = {a["id"]: a for a in batch_data.articles()}
    assert set(expected) <= set(rows)
    for article_id, article in expected.items():
        row = rows[article_id]
        assert (row["date"], row["title"], row["lang"], row["text"]) == (
            article.get("date"),
            article["title"],
            "pl",
            article["text"],
        )
        doc = Document.from_dict({**json.loads(row["record"]), "text": row["text"]})
        assert doc.id == article_id
        assert (len(doc.events), len(doc.entities)) == (row["events"], row["entities"])
    assert rows["b-bez-daty"]["date"] is None


def test_events_are_flat_with_codes_and_ids(reference):
    out, _ = reference
    events = [r for p in out.glob("events/*/*.parquet") for r in pq.read_table(p).to_pylist()]
    meeting = [e for e in events if e["article_id"] == "b-kim-xi" and e["type"] == "CONSULT"]
    assert meeting, events
    event = meeting[0]
    assert {"Kim Jong Un", "Xi Jinping"} <= set(event["actor"].split("; ") + event["recipient"].split("; "))
    assert event["cameo"].startswith("04") and event["quad_class"] == 1 and event["date"] == "2025-09-04"
    assert "PRK" in event["actor_country"] + event["recipient_country"]
    assert event["actor_entity"] and event["source"] == "article:b-kim-xi"
    assert len({e["event_id"] for e in events}) == len(events)


def test_errors_table_names_input_and_line(reference, inputs):
    out, _ = reference
    rows = [r for p in out.glob("errors/*.parquet") for r in pq.read_table(p).to_pylist()]
    assert sorted((r["input"], r["line"], r["code"]) for r in rows) == [(inputs[1], 2, "E206"), (inputs[1], 3, "E202")]
    assert all(r["message"] for r in rows)


def test_rerun_skips_every_finished_partition(reference, inputs):
    out, first = reference
    before = batch_data.snapshot(out)
    again = run_batch(inputs, out, workers=1, partition_size=3)
    assert (again.partitions, again.skipped) == (0, first.partitions)
    assert (again.articles, again.events, again.failed) == (first.articles, first.events, first.failed)
    assert batch_data.snapshot(out) == before


def test_a_rerun_with_nothing_to_do_loads_no_stage(reference, inputs):
    """Issue 18: a resume with nothing left took 21 s (the pipeline loaded first). In a fresh process, the
    rerun reads and hashes the inputs, finds every partition done and never loads an analysis stage."""
    import subprocess
    import sys

    out, first = reference
    program = (
        "import sys; from kronika.batch import run_batch; "
        f"report = run_batch({inputs!r}, {str(out)!r}, workers=1, partition_size=3); "
        "print(report.partitions, report.skipped, "
        "sorted(m for m in sys.modules if m.startswith('kronika.stages')))"
    )
    shown = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.split(None, 2) == ["0", str(first.partitions), "[]\n"]


def test_unfinished_partition_is_redone_and_temporary_files_removed(reference, inputs, tmp_path):
    out, _ = reference
    copy = tmp_path / "out"
    run_batch(inputs, copy, workers=1, partition_size=3)
    # A crash after some files were renamed into place but before the marker, with a temp file left over.
    marker = min((copy / "_done").glob("*.json"))
    marker.unlink()
    leftover = next(copy.glob("documents/*")) / ".part-x.parquet.0123.tmp"
    leftover.write_bytes(b"half a file")
    report = run_batch(inputs, copy, workers=1, partition_size=3)
    assert (report.partitions, report.skipped) == (1, 2)
    assert not leftover.exists()
    assert batch_data.snapshot(copy) == batch_data.snapshot(out)


@pytest.mark.parametrize("table", ["documents", "events"])
def test_pandas_and_pyarrow_read_the_folder_as_one_table(reference, table):
    """The folder itself, as docs/batch.md shows: the Hive key `day` joins the rows' own `date` column (with
    an undated article among the rows, which pyarrow could not read under Hive's null folder)."""
    import pandas as pd
    import pyarrow.dataset as ds

    out, _ = reference
    files = [r for p in out.glob(f"{table}/*/*.parquet") for r in pq.read_table(p).to_pylist()]
    frame = pd.read_parquet(out / table)
    dataset = ds.dataset(out / table, partitioning="hive").to_table().to_pylist()
    assert len(frame) == len(dataset) == len(files) > 0
    for rows in (frame.to_dict("records"), dataset):
        pairs = {(_text(r["date"]), _text(r["day"])) for r in rows}
        assert all(date == day or (date, day) == (None, "undated") for date, day in pairs)
    if table == "documents":
        assert (None, "undated") in pairs  # the undated article


def _text(value) -> str | None:
    return value if isinstance(value, str) else None  # pandas gives NaN where pyarrow gives None


def test_duckdb_reads_the_events_as_the_readme_shows(reference):
    out, _ = reference
    query = f"""
        SELECT type, count(*) AS events, round(avg(goldstein), 2) AS goldstein
        FROM read_parquet('{out}/events/*/*.parquet', hive_partitioning = true)
        WHERE date BETWEEN '2025-09-01' AND '2025-09-30'
        GROUP BY type ORDER BY events DESC, type
    """
    rows = duckdb.sql(query).fetchall()
    events = [r for p in out.glob("events/*/*.parquet") for r in pq.read_table(p).to_pylist()]
    in_september = [e for e in events if e["date"] and "2025-09-01" <= e["date"] <= "2025-09-30"]
    assert sum(count for _, count, _ in rows) == len(in_september) > 0
    assert {t for t, _, _ in rows} == {e["type"] for e in in_september}
    joined = duckdb.sql(f"""
        SELECT d.title, count(*) FROM read_parquet('{out}/events/*/*.parquet') e
        JOIN read_parquet('{out}/documents/*/*.parquet') d ON d.id = e.article_id GROUP BY d.title
    """).fetchall()
    assert sum(n for _, n in joined) == len(events)


def test_ingest_from_parquet_equals_ingesting_the_inputs(reference, inputs, tmp_path):
    out, _ = reference
    runner = CliRunner()
    loaded = runner.invoke(main, ["ingest", "--from-parquet", str(out), "--db", str(tmp_path / "a.db")])
    assert loaded.exit_code == 0, loaded.output
    direct = runner.invoke(main, ["ingest", *inputs, "--db", str(tmp_path / "b.db")])
    assert direct.exit_code == 1  # the two broken lines
    with Store(tmp_path / "a.db", create=False) as a, Store(tmp_path / "b.db", create=False) as b:
        assert a.stats().to_dict() == b.stats().to_dict()
        records_a, records_b = io.StringIO(), io.StringIO()
        a.export("jsonl", records_a), b.export("jsonl", records_b)
        assert records_a.getvalue() == records_b.getvalue() != ""
        keys = ["id", "date", "type", "actor", "recipient", "cameo", "num_mentions"]
        assert a.events(limit=0)[keys].to_dict("records") == b.events(limit=0)[keys].to_dict("records")
    again = runner.invoke(main, ["ingest", "--from-parquet", str(out), "--db", str(tmp_path / "a.db")])
    assert again.exit_code == 0 and "0 article(s) stored" in again.stderr


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["ingest", "--db", "x.db"], 2, "--from-parquet"),
        (["ingest", "in.jsonl", "--from-parquet", "."], 2, "not both"),
        (["batch", "in.jsonl", "--out", "o", "--scheduler", "tcp://127.0.0.1:1"], 2, "--engine dask"),
    ],
)
def test_cli_usage_errors(tmp_path, monkeypatch, args, code, message):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == code and message in result.output


def test_ingest_from_a_directory_that_is_not_batch_output(tmp_path):
    args = ["ingest", "--from-parquet", str(tmp_path), "--db", str(tmp_path / "k.db")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1 and "E706" in result.stderr


def test_cli_batch_reports_and_exits_1_on_failures(inputs, reference, tmp_path):
    out, _ = reference
    # The library's default language is Polish, the CLI's is detection: the partition ids hash the language.
    result = CliRunner().invoke(
        main,
        ["batch", *inputs, "--out", str(tmp_path / "o"), "--workers", "1", "--partition-size", "3", "--lang", "pl"],
    )
    assert result.exit_code == 1, result.output
    assert "7 article(s)" in result.stderr and "2 failed" in result.stderr
    assert batch_data.snapshot(tmp_path / "o") == batch_data.snapshot(out)


def test_out_must_be_a_directory(inputs, tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(KronikaError, match="E703.*is a file"):
        run_batch(inputs, tmp_path / "file", workers=1)
    result = CliRunner().invoke(main, ["batch", *inputs, "--out", str(tmp_path / "file"), "--workers", "1"])
    assert result.exit_code == 2 and "is a file" in result.stderr


def test_markers_list_their_files(reference):
    out, _ = reference
    for marker in BatchOutput(out).markers():
        assert marker["files"] and all((out / name).is_file() for name in marker["files"])


def test_the_local_cluster_kronika_starts_writes_the_same_rows(reference, inputs, tmp_path):
    # Its Dask settings (kronika.batch.engines.LOCAL_CLUSTER_CONFIG) must change how it runs, not what it writes.
    report = run_batch(inputs, tmp_path / "dask", engine="dask", workers=1, partition_size=3)
    assert (report.articles, report.failed) == (reference[1].articles, reference[1].failed)
    assert batch_data.snapshot(tmp_path / "dask") == batch_data.snapshot(reference[0])

"""Batch inputs and partitions: Parquet with a `text` column, JSONL, directories; deterministic ids."""

from __future__ import annotations

import datetime as dt

import batch_data
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from kronika.batch import Planner, read_inputs
from kronika.batch.partitions import ReadError
from kronika.batch.tables import error_row
from kronika.errors import InputError
from kronika.ingest import Article

PARQUET_CASES = [
    # (columns, expected (source suffix, code or text, date) per row)
    (
        {"text": ["Pierwszy tekst.", "Drugi tekst."]},
        [("row 1", "Pierwszy tekst.", None), ("row 2", "Drugi tekst.", None)],
    ),
    ({"text": ["Tekst."], "date": pa.array([dt.date(2025, 9, 4)], pa.date32())}, [("row 1", "Tekst.", "2025-09-04")]),
    (
        {"text": ["Tekst."], "date": pa.array([dt.datetime(2025, 9, 4, 10, 30)], pa.timestamp("s"))},
        [("row 1", "Tekst.", "2025-09-04")],
    ),
    ({"text": ["", "Tekst."], "id": ["a", "b"]}, [("row 1", "E202", None), ("row 2", "Tekst.", None)]),
    ({"text": ["Tekst."], "id": pa.array([7], pa.int64())}, [("row 1", "Tekst.", None)]),
    ({"body": ["Tekst."]}, [("", "E701", None)]),
]


@pytest.mark.parametrize(("columns", "expected"), PARQUET_CASES)
def test_parquet_input(tmp_path, columns, expected):
    path = tmp_path / "input.parquet"
    pq.write_table(pa.table(columns), path)
    items = list(read_inputs([str(path)]))
    assert len(items) == len(expected)
    for item, (where, text_or_code, date) in zip(items, expected):
        if isinstance(item, InputError):
            assert item.code == text_or_code and item.source == f"{path}" + (f":{where}" if where else "")
        else:
            assert (item.text, item.date, item.source) == (text_or_code, date, f"{path}:{where}")


def test_parquet_ids_are_kept_and_numeric_ids_become_strings(tmp_path):
    path = tmp_path / "input.parquet"
    pq.write_table(pa.table({"text": ["A.", "B."], "id": pa.array([7, 8], pa.int64())}), path)
    assert [a.id for a in read_inputs([str(path)])] == ["7", "8"]


@pytest.mark.parametrize("content", [b"", b"not parquet at all", b"PAR1garbagePAR1"])
def test_broken_parquet_is_reported(tmp_path, content):
    path = tmp_path / "broken.parquet"
    path.write_bytes(content)
    (error,) = read_inputs([str(path)])
    assert isinstance(error, InputError) and error.code == "E702" and str(path) in str(error)


def test_directory_mixes_parquet_and_other_files_in_sorted_order(tmp_path):
    pq.write_table(pa.table({"text": ["Z Parquetu."]}), tmp_path / "b.parquet")
    (tmp_path / "a.txt").write_text(" date 2025-09-04 Z pliku tekstowego.", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"text": "Z JSONL."}\n', encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    assert [a.text for a in items] == ["Z pliku tekstowego.", "Z Parquetu.", "Z JSONL."]
    assert items[0].date == "2025-09-04"


def test_jsonl_errors_keep_their_line():
    items = list(read_inputs([str(batch_data.ARTICLES)]))
    assert len(items) == len(batch_data.articles()) and all(isinstance(a, Article) for a in items)
    assert items[2].source == f"{batch_data.ARTICLES}:line 3"


ERROR_ROWS = [
    ("in/a.jsonl:line 3", ("in/a.jsonl", 3)),
    ("feed.xml:entry 2", ("feed.xml", 2)),
    ("list.json:item 4", ("list.json", 4)),
    ("x.parquet:row 10", ("x.parquet", 10)),
    ("notes.txt", ("notes.txt", None)),
    ("C:/dir:with:colons/a.jsonl:line 1", ("C:/dir:with:colons/a.jsonl", 1)),
]


@pytest.mark.parametrize(("source", "expected"), ERROR_ROWS)
def test_error_rows_split_input_and_line(source, expected):
    row = error_row("E206", source, "bad", partition="p", position=0)
    assert (row["input"], row["line"]) == expected


def plan(items, size=2):
    planner = Planner(size=size)
    return planner, list(planner.partitions(items))


def fresh(texts):
    return [Article(text=t, source=f"in:line {i}") for i, t in enumerate(texts, 1)]


def test_partitions_are_fixed_size_chunks_in_input_order():
    _, parts = plan(fresh(["A.", "B.", "C.", "D.", "E."]))
    assert [[a.text for a in p.items] for p in parts] == [["A.", "B."], ["C.", "D."], ["E."]]
    assert [p.index for p in parts] == [0, 1, 2]


def test_partition_ids_depend_on_content_only():
    _, first = plan(fresh(["A.", "B.", "C.", "D."]))
    moved = [Article(text=a.text, source="moved/" + a.source) for a in fresh(["A.", "B.", "C.", "D."])]
    _, again = plan(moved)
    assert [p.id for p in first] == [p.id for p in again]
    _, changed = plan(fresh(["A.", "B.", "C.", "D!"]))
    assert first[0].id == changed[0].id and first[1].id != changed[1].id
    other_language = list(Planner(size=2, lang="en").partitions(fresh(["A.", "B."])))
    assert other_language[0].id != first[0].id


def test_repeated_articles_are_kept_once_and_errors_travel_as_values():
    items = [*fresh(["A.", "B."]), InputError("E206", "in:line 3", "is not valid JSON"), *fresh(["A."])]
    planner, parts = plan(items, size=10)
    (part,) = parts
    assert planner.duplicates == 1 and part.skip == {3} and part.size == 3
    kept = part.read()
    assert [type(i).__name__ for i in kept] == ["Article", "Article", "ReadError"]
    assert kept[2] == ReadError("E206", "in:line 3", "is not valid JSON")
    assert all(a.id for a in kept if isinstance(a, Article))

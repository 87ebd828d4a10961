"""Partitions by reference: the driver finds line ranges, a worker reads them; the same articles, errors and
partition ids as reading the input in the driver, repeats across partitions dropped, a changed file refused."""

from __future__ import annotations

import os

import batch_data
import pytest

from kronika.batch import Planner, read_inputs, run_batch
from kronika.batch.partitions import Partition, check_partition, index_items, read_items
from kronika.batch.ranges import LineRange
from kronika.errors import KronikaError

GOOD = '{"id": "a%d", "text": "Tekst numer %d z Warszawy."}'
INPUTS = [
    # (file name, content, max_bytes): read by reference and read whole must agree item for item
    ("plain.jsonl", "\n".join(GOOD % (n, n) for n in range(7)) + "\n", 10_000),
    ("blank-lines.jsonl", GOOD % (1, 1) + "\n\n  \n" + GOOD % (2, 2) + "\n\n" + GOOD % (3, 3), 10_000),
    ("broken.jsonl", GOOD % (1, 1) + '\nto nie JSON\n{"title": "bez tekstu"}\n' + GOOD % (2, 2) + "\n", 10_000),
    ("windows.jsonl", "\r\n".join(GOOD % (n, n) for n in range(4)) + "\r\n", 10_000),
    ("oversized.jsonl", GOOD % (1, 1) + "\n" + '{"text": "' + "x" * 300 + '"}\n' + GOOD % (2, 2) + "\n", 200),
    ("no-extension", "\n".join(GOOD % (n, n) for n in range(3)), 60),  # JSON Lines over the limit: streamed
    ("repeats.jsonl", "\n".join(GOOD % (n % 3, n % 3) for n in range(8)), 10_000),
    ("list.json", "[" + ", ".join(GOOD % (n, n) for n in range(3)) + "]", 10_000),  # read whole, shipped
    ("first-blank.jsonl", "\n" + GOOD % (1, 1), 10_000),  # not streamed by ingest either: read whole
    ("article.txt", " date 2025-09-04 Jeden artykuł.", 10_000),
    ("empty.jsonl", "", 10_000),
]


def written(tmp_path, name: str, content: str):
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8"))
    return str(path)


def plan_ids(stream, size: int, **reading) -> list[tuple[str, int, list]]:
    return [(p.id, p.index, p.read(**reading)) for p in Planner(size=size).partitions(stream, **reading)]


@pytest.mark.parametrize(("name", "content", "max_bytes"), INPUTS)
@pytest.mark.parametrize("size", [1, 2, 64])
def test_by_reference_reads_what_the_driver_read(tmp_path, name, content, max_bytes, size):
    path = written(tmp_path, name, content)
    reading = {"date": "2025-09-01", "max_bytes": max_bytes}
    shipped = plan_ids(read_inputs([path], **reading), size, **reading)
    referenced = plan_ids(read_inputs([path], by_reference=True, **reading), size, **reading)
    assert referenced == shipped and shipped
    if name.endswith(".jsonl") and content.strip() and not content.startswith("\n"):
        assert all(isinstance(item, LineRange) for item in read_inputs([path], by_reference=True, **reading))


def test_plans_join_lines_into_ranges_and_span_files(tmp_path):
    first = written(tmp_path, "a.jsonl", "\n".join(GOOD % (n, n) for n in range(3)))
    second = written(tmp_path, "b.jsonl", "\n\n".join(GOOD % (n, n) for n in range(10, 13)))
    plans = list(Planner(size=4).plans(read_inputs([first, second], by_reference=True)))
    assert [[(os.path.basename(r.path), r.first_line, r.count) for r in p.items] for p in plans] == [
        [("a.jsonl", 1, 3), ("b.jsonl", 1, 1)],
        [("b.jsonl", 3, 2)],
    ]
    assert [p.size for p in plans] == [4, 2] and all(p.by_reference for p in plans)


def test_repeats_in_later_partitions_are_skipped_where_they_fall(tmp_path):
    path = written(tmp_path, "repeats.jsonl", "\n".join(GOOD % (n % 3, n % 3) for n in range(8)))
    planner = Planner(size=2)
    parts = list(planner.partitions(read_inputs([path], by_reference=True)))
    assert planner.duplicates == 5
    assert [(p.index, sorted(p.skip)) for p in parts] == [(0, []), (1, [1])]  # plans 2 and 3 held only repeats
    assert [a.id for p in parts for a in p.read()] == ["a0", "a1", "a2"]


CHANGES = [
    # (what happens to the file after planning, what the worker says)
    ("appended", lambda p: p.write_bytes(p.read_bytes() + b'{"text": "Nowy."}\n'), "was modified"),
    ("removed", lambda p: p.unlink(), "cannot be opened"),
    ("same size, same time", lambda p: _rewrite_keeping_stamp(p), "input changed"),
]


def _rewrite_keeping_stamp(path):
    status = path.stat()
    path.write_bytes(path.read_bytes().replace(b"numer 1 ", b"numer 9 "))
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))


@pytest.mark.parametrize(("case", "change", "message"), CHANGES, ids=[c[0] for c in CHANGES])
def test_a_file_changed_after_planning_is_refused(tmp_path, case, change, message):
    path = written(tmp_path, "in.jsonl", "\n".join(GOOD % (n, n) for n in range(4)))
    planner = Planner(size=4)
    (plan,) = planner.plans(read_inputs([path], by_reference=True))
    part = planner.partition(plan, index_items(plan.items))
    change(tmp_path / "in.jsonl")
    with pytest.raises(KronikaError, match=f"E709.*{message}"):
        check_partition(part, read_items(part.items), "pl")


def test_a_file_given_twice_gives_the_tables_of_one(tmp_path):
    once, twice = tmp_path / "once", tmp_path / "twice"
    source = str(batch_data.ARTICLES)
    first = run_batch([source], once, workers=1, partition_size=4)
    second = run_batch([source, source], twice, workers=1, partition_size=4)
    assert (second.articles, second.duplicates) == (first.articles, len(batch_data.articles()))
    assert batch_data.snapshot(twice)["tables"] == batch_data.snapshot(once)["tables"]
    ids = batch_data.document_ids(twice)
    assert len(ids) == len(set(ids)) == len(batch_data.articles())


def test_partition_travels_without_text(tmp_path):
    """What the driver ships for a JSON Lines partition is a few numbers per range, not the articles."""
    import pickle

    path = written(tmp_path, "big.jsonl", "\n".join(GOOD % (n, n) + " " * 2000 for n in range(64)))
    planner = Planner(size=64)
    (plan,) = planner.plans(read_inputs([path], by_reference=True))
    part = planner.partition(plan, index_items(plan.items))
    assert isinstance(part, Partition) and part.size == 64
    assert len(pickle.dumps(part)) < 1000 < os.path.getsize(path) // 100

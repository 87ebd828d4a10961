"""Batch inputs: what ``kronika.ingest`` reads (JSONL, JSON, text, HTML, feeds, directories, stdin), plus
Parquet files with a ``text`` column, as one stream of articles and input errors in input order.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator

from kronika.batch.ranges import LineRange, scan_lines
from kronika.errors import InputError
from kronika.ingest import Article, read_articles
from kronika.ingest.dateline import check_date_option
from kronika.ingest.jsonl import STRING_FIELDS, record_to_article
from kronika.ingest.read import _walk
from kronika.options import DEFAULT_MAX_BYTES

PARQUET_SUFFIX = ".parquet"
PARQUET_COLUMNS = ("text", "date", *STRING_FIELDS)
ROWS_PER_READ = 1024


def read_inputs(
    inputs: Iterable[str], *, date: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES, by_reference: bool = False
) -> Iterator[Article | InputError | LineRange]:
    """Articles and input errors from files, directories (recursively, in sorted order) and ``-``.

    Parquet files are read row by row, each row checked as a JSON record would be; everything else goes
    through ``kronika.ingest.read_articles`` unchanged (``max_bytes`` is its limit for one article).
    ``by_reference``: JSON Lines files yield the ``LineRange`` of each line instead, for a worker to read.
    """
    bad_date = check_date_option(date)
    if bad_date:
        yield bad_date
        return
    for name in inputs:
        name = os.fspath(name)
        if os.path.isdir(name):
            paths = list(_walk(name))
            if not paths:
                yield from read_articles([name], date=date, max_bytes=max_bytes)  # reports an empty directory
            for path in paths:
                yield from _read_path(path, date=date, max_bytes=max_bytes, by_reference=by_reference)
        else:
            yield from _read_path(name, date=date, max_bytes=max_bytes, by_reference=by_reference)


def _read_path(path: str, *, date: str | None, max_bytes: int, by_reference: bool) -> Iterator:
    if is_parquet(path):
        return read_parquet(path, date=date)
    if by_reference:
        return scan_lines(path, date=date, max_bytes=max_bytes)
    return read_articles([path], date=date, max_bytes=max_bytes)


def is_parquet(path: str) -> bool:
    return path.lower().endswith(PARQUET_SUFFIX)


def read_parquet(path: str, *, date: str | None = None) -> Iterator[Article | InputError]:
    """One article per row of a Parquet file with a ``text`` column (and optionally id, url, date, lang,
    title); rows are read a batch at a time, so a large file is never held in memory."""
    import pyarrow.parquet as pq

    try:
        handle = pq.ParquetFile(path)
    except FileNotFoundError:
        yield InputError("E201", path, "no such file or directory; check the path")
        return
    except Exception as error:  # noqa: BLE001 - pyarrow raises several types for a file that is not Parquet
        yield InputError("E702", path, f"is not a readable Parquet file ({type(error).__name__}: {error})")
        return
    names = set(handle.schema_arrow.names)
    if "text" not in names:
        listed = ", ".join(sorted(names)) or "none"
        yield InputError(
            "E701",
            path,
            f"has no 'text' column (columns: {listed}); batch input in Parquet needs one article text per row",
        )
        return
    columns = [name for name in PARQUET_COLUMNS if name in names]
    row = 0
    try:
        for batch in handle.iter_batches(batch_size=ROWS_PER_READ, columns=columns):
            for record in batch.to_pylist():
                row += 1
                yield record_to_article(_plain_date(record), source=f"{path}:row {row}", date=date)
    except Exception as error:  # noqa: BLE001 - a damaged row group ends the file, not the batch
        yield InputError("E702", f"{path}:row {row + 1}", f"could not be read ({type(error).__name__}: {error})")


def _plain_date(record: dict) -> dict:
    """Parquet dates and timestamps as the ISO strings a JSON record would carry."""
    value = record.get("date")
    if isinstance(value, (dt.date, dt.datetime)):
        record["date"] = value.isoformat()
    return record

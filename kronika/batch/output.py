"""The batch output directory: date-partitioned Parquet, written atomically, with a done-marker per partition.

    OUT/documents/day=2025-09-04/part-<partition>.parquet     document records (flat columns + record JSON)
    OUT/events/day=2025-09-04/part-<partition>.parquet        one flat row per event, by the event's date
    OUT/errors/part-<partition>.parquet                       inputs and articles that failed (when any)
    OUT/_done/<partition>.json                                written last: the partition is complete

Each file is written under a hidden temporary name and renamed into place, and the marker only after every
file of its partition is in place; file names depend only on the partition id, so redoing an unfinished
partition overwrites the same files with the same content. Readers skip names starting with "." or "_".

The partition key is ``day``, not ``date``: the rows keep their own ``date`` column (documents and events
both have one), and a Hive key of the same name makes pandas and pyarrow refuse the dataset (the path's
dictionary-typed key cannot merge with the files' string column). Undated rows go to ``day=undated``.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from kronika.batch.lifecycle import OutputLock
from kronika.errors import KronikaError

DOCUMENTS, EVENTS, ERRORS, DONE = "documents", "events", "errors", "_done"
PARTITION_KEY = "day"
# Undated rows' folder. Not Hive's null spelling (__HIVE_DEFAULT_PARTITION__): pyarrow 26 reads a null key as
# a dictionary holding only null, which it cannot unify with the other folders' ("Cannot yet unify
# dictionaries with nulls"), so pd.read_parquet of the folder failed whenever one article had no date.
NO_DATE = "undated"
TEMP_SUFFIX = ".tmp"


class BatchOutput:
    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)

    def prepare(self) -> OutputLock:
        """Create the directory (or check it is one), lock it for this run (a second run into it is refused
        while this one lives) and remove temporary files a killed run left. Returns the lock to release."""
        if self.root.exists() and not self.root.is_dir():
            raise KronikaError("E703", f"{self.root}: --out must be a directory, and this is a file")
        try:
            (self.root / DONE).mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise KronikaError("E703", f"{self.root}: cannot create the output directory ({error})") from None
        lock = OutputLock(self.root)
        lock.acquire()
        self.remove_temporary()
        return lock

    def remove_temporary(self) -> int:
        removed = 0
        for path in self.root.rglob(f".*{TEMP_SUFFIX}"):
            path.unlink(missing_ok=True)
            removed += 1
        return removed

    def marker(self, partition: str) -> Path:
        return self.root / DONE / f"{partition}.json"

    def is_done(self, partition: str) -> bool:
        return self.marker(partition).exists()

    def read_marker(self, partition: str) -> dict:
        return json.loads(self.marker(partition).read_text(encoding="utf-8"))

    def markers(self) -> Iterator[dict]:
        """Every finished partition's marker, in input order (the plan's partition index)."""
        found = []
        for path in (self.root / DONE).glob("*.json"):
            found.append(json.loads(path.read_text(encoding="utf-8")))
        yield from sorted(found, key=lambda m: (m["index"], m["partition"]))

    def write_partition(
        self, partition: str, tables: dict[str, dict[str | None, pa.Table]], summary: dict
    ) -> list[str]:
        """Write ``tables`` ({table name: {date or None: rows}}) and then the marker; returns the files.

        All temporary files are written before any is renamed, so a crash in the middle leaves either
        nothing visible or files that the redone partition overwrites identically.
        """
        staged: list[tuple[Path, Path]] = []
        try:
            for name, by_date in tables.items():
                for date, rows in sorted(by_date.items(), key=lambda item: item[0] or ""):
                    final = self.data_path(name, date, partition)
                    staged.append((self._write_temporary(final, rows), final))
            for temporary, final in staged:
                os.replace(temporary, final)
        except BaseException:
            for temporary, _ in staged:
                temporary.unlink(missing_ok=True)
            raise
        files = [str(final.relative_to(self.root)) for _, final in staged]
        self._write_json(self.marker(partition), {**summary, "partition": partition, "files": files})
        return files

    def data_path(self, name: str, date: str | None, partition: str) -> Path:
        folder = self.root / name
        if name != ERRORS:
            folder = folder / f"{PARTITION_KEY}={date or NO_DATE}"
        return folder / f"part-{partition}.parquet"

    def _write_temporary(self, final: Path, rows: pa.Table) -> Path:
        final.parent.mkdir(parents=True, exist_ok=True)
        temporary = final.parent / f".{final.name}.{uuid.uuid4().hex}{TEMP_SUFFIX}"
        with open(temporary, "wb") as handle:
            pq.write_table(rows, handle)
            handle.flush()
            os.fsync(handle.fileno())
        return temporary

    def _write_json(self, final: Path, data: dict) -> None:
        temporary = final.parent / f".{final.name}.{uuid.uuid4().hex}{TEMP_SUFFIX}"
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, final)

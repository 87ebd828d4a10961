"""``kronika ingest --from-parquet DIR``: batch output into the embedded store, without analysing again.

Only partitions with a done-marker are read (a crashed batch's half-written partition is not), in input
order, so the store's cross-article event deduplication sees the articles in the same order as a direct
``kronika ingest`` of the same inputs.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator

from kronika.batch.output import DOCUMENTS, BatchOutput
from kronika.errors import InputError, KronikaError
from kronika.record import Document
from kronika.batch.ingest import FAILED, SKIPPED, IngestReport

DEFAULT_BATCH = 256


def load_parquet(
    store,
    root: str,
    *,
    batch_size: int = DEFAULT_BATCH,
    progress: Callable[[str, KronikaError | None], None] | None = None,
) -> IngestReport:
    """Store every document record of the batch output ``root``; ids already stored are skipped."""
    report = IngestReport()
    started = time.perf_counter()

    def note(kind: str, error: KronikaError | None = None) -> None:
        report.note(kind, error, progress)

    batch: list[Document] = []

    def flush() -> None:
        known = store.known_ids(doc.id for doc in batch)
        new = [doc for doc in batch if doc.id not in known]
        for _ in range(len(batch) - len(new)):
            note(SKIPPED)
        report.store(store, new, progress)
        batch.clear()

    try:
        for item in batch_documents(root):
            if isinstance(item, KronikaError):
                note(FAILED, item)
                continue
            batch.append(item)
            if len(batch) >= batch_size:
                flush()
        flush()
    finally:
        report.seconds = time.perf_counter() - started
    return report


def batch_documents(root: str) -> Iterator[Document | InputError]:
    """The document records of every finished partition of ``root``, in input order."""
    import pyarrow.parquet as pq

    output = BatchOutput(root)
    if not (output.root / "_done").is_dir():
        raise KronikaError(
            "E706",
            f"{root}: not a batch output directory (no _done/ folder); write one with "
            f"`kronika batch INPUT... --out {root}`",
        )
    for marker in output.markers():
        rows: list[tuple[int, str, str, str]] = []
        for name in marker["files"]:
            if not name.startswith(DOCUMENTS + "/"):
                continue
            path = output.root / name
            try:
                table = pq.read_table(path, columns=["position", "id", "text", "record"])
            except Exception as error:  # noqa: BLE001 - a damaged file costs its own records, not the load
                problem = f"{type(error).__name__}: {error}"
                yield InputError(
                    "E702",
                    str(path),
                    f"is not a readable Parquet file ({problem}); delete "
                    f"_done/{marker['partition']}.json and rerun the batch",
                )
                continue
            rows.extend(zip(*(table.column(c).to_pylist() for c in table.column_names)))
        for _, article_id, text, record in sorted(rows):
            try:
                yield Document.from_dict({**json.loads(record), "text": text})
            except (ValueError, TypeError, KeyError) as error:
                yield InputError("E702", f"{root}:{article_id}", f"holds a broken record ({error})")

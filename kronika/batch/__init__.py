"""Batch processing and ingest: ``kronika.batch.ingest`` analyses articles one by one on the local engine and
stores them in the embedded store; ``run_batch`` cuts the input into deterministic partitions, analysed in a
process pool or on Dask, written as date-partitioned Parquet that resumes exactly after a crash, and loaded
back into the store.

The names below load on first use: ``kronika ingest`` (and the forkserver of its workers) imports this package
for the local engine alone, and the batch runner's imports (Dask's ``distributed``, pyarrow) cost its one
serial process, the writer, over a second of CPU at every start."""

from importlib import import_module

_HOMES = {
    "read_inputs": "kronika.batch.inputs",
    "load_parquet": "kronika.batch.load",
    "BatchOutput": "kronika.batch.output",
    "Partition": "kronika.batch.partitions",
    "Planner": "kronika.batch.partitions",
    "ENGINES": "kronika.batch.runner",
    "BatchReport": "kronika.batch.runner",
    "run_batch": "kronika.batch.runner",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_HOMES[name]), name)

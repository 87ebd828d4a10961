"""Batch processing and ingest: ``kronika.batch.ingest`` analyses articles one by one on the local engine and
stores them in the embedded store; ``run_batch`` cuts the input into deterministic partitions, analysed in a
process pool or on Dask, written as date-partitioned Parquet that resumes exactly after a crash, and loaded
back into the store."""

from kronika.batch.inputs import read_inputs
from kronika.batch.load import load_parquet
from kronika.batch.output import BatchOutput
from kronika.batch.partitions import Partition, Planner
from kronika.batch.runner import ENGINES, BatchReport, run_batch

__all__ = ["ENGINES", "BatchOutput", "BatchReport", "Partition", "Planner", "load_parquet", "read_inputs", "run_batch"]

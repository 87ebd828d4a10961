"""The `kronika` command group: verbosity, logging and one BLAS thread before any command runs."""

from __future__ import annotations

import logging

import click

from kronika import __version__
from kronika.blas import one_thread_each
from kronika.collector import fewer_collections

log = logging.getLogger("kronika")


@click.group()
@click.version_option(__version__, prog_name="kronika")
@click.option("-v", "--verbose", is_flag=True, help="Log what each step does.")
def main(verbose: bool) -> None:
    """Kronika reads news articles and writes the chronicle they contain."""
    one_thread_each()  # before any command loads numpy: see kronika.blas
    fewer_collections()  # articles allocate thousands of objects each: see kronika.collector
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="kronika: %(levelname)s: %(message)s"
    )

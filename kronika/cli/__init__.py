"""The `kronika` command: a thin layer over the library.

``group`` holds the command group; each module adds its commands to it when imported: ``analysis`` (analyze,
cluster), ``writes`` (ingest, watch, batch), ``queries`` (the store's lists, export, stories, claims) and
``serving`` (serve). Their shared options are in ``options`` and the printing of answers in ``output``.
"""

from kronika.cli import analysis, queries, serving, writes  # noqa: F401 - importing a module adds its commands
from kronika.cli.group import main
from kronika.cli.serving import TOKEN_VARIABLE, serve, serve_token

__all__ = ["TOKEN_VARIABLE", "main", "serve", "serve_token"]

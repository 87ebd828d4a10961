"""The `kronika` command: a thin layer over the library."""

from __future__ import annotations

import logging
import sys

import click

from kronika import __version__
from kronika.errors import InputError, KronikaError

log = logging.getLogger("kronika")


@click.group()
@click.version_option(__version__, prog_name="kronika")
@click.option("-v", "--verbose", is_flag=True, help="Log what each step does.")
def main(verbose: bool) -> None:
    """Kronika reads news articles and writes the chronicle they contain."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="kronika: %(levelname)s: %(message)s"
    )


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here, not stdout.")
@click.option("--date", help="Publication date (YYYY-MM-DD or YYYY-MM) for inputs that carry none.")
@click.option("--lang", default="pl", show_default=True, help="Language of inputs that do not say.")
@click.option("--tokens", "with_tokens", is_flag=True, help="Include tokens with lemma and tag in each record.")
def analyze(inputs: tuple[str, ...], output: str | None, date: str | None, lang: str, with_tokens: bool) -> None:
    """Analyse articles and write one document record per article as JSON Lines.

    INPUTS are files (.txt with an optional " date YYYY-MM-DD " dateline, .jsonl/.json, .html, RSS/Atom),
    directories (read recursively) or - for stdin. A broken input is reported on stderr and skipped;
    the exit code is 1 when anything failed.

    Example: kronika analyze examples/ --tokens -o records.jsonl
    """
    from kronika.core import analyze_articles
    from kronika.ingest import read_articles

    failures = 0
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        for result in analyze_articles(read_articles(inputs, date=date), lang=lang):
            if isinstance(result, KronikaError):
                failures += 1
                click.echo(f"kronika: error: {result}", err=True)
                continue
            out.write(result.to_json(tokens=with_tokens) + "\n")
    finally:
        if output:
            out.close()
    if failures:
        click.echo(f"kronika: {failures} input(s) failed; the others were written", err=True)
        sys.exit(1)


__all__ = ["main", "InputError"]

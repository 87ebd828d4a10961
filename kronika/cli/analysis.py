"""`analyze` and `cluster`: records of articles without a store, and the per-language notes every analysing
command prints."""

from __future__ import annotations

import sys

import click

from kronika.cli.group import log, main
from kronika.cli.options import (
    analysis_options,
)
from kronika.errors import InputError, KronikaError
from kronika.options import AnalysisOptions


def note_languages(counts) -> None:
    """One note per language that did not get the whole pipeline, with how many articles it concerns."""
    from kronika.core import stages_note

    for code, count in sorted(counts.items()):
        note = stages_note(code)
        if note:
            click.echo(f"kronika: note: {count} article(s) in '{code}': {note}", err=True)
    log.info("articles per language: %s", ", ".join(f"{c} {n}" for c, n in sorted(counts.items())) or "none")


def records_with_progress(inputs, desc: str, options: AnalysisOptions, *, bar_enabled: bool = True):
    """Records of ``inputs`` (errors reported and counted), their languages counted, a bar meanwhile."""
    from kronika.core import analyze_articles
    from kronika.ingest import read_articles
    from kronika.progress import count_articles, progress_bar

    total = count_articles(inputs)
    log.info(
        "%s: %s article(s) in %d input(s), language %s",
        desc,
        "?" if total is None else total,
        len(inputs),
        options.lang,
    )
    tally = {"failed": 0, "languages": {}}

    def records():
        with progress_bar(desc, total, enabled=bar_enabled) as bar:
            articles = read_articles(inputs, date=options.date, max_bytes=options.max_bytes)
            for result in analyze_articles(articles, options):
                bar.update(1)
                if isinstance(result, KronikaError):
                    tally["failed"] += 1
                    bar.write(f"kronika: error: {result}", file=sys.stderr)
                    continue
                tally["languages"][result.lang] = tally["languages"].get(result.lang, 0) + 1
                yield result

    return records(), tally


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here, not stdout.")
@analysis_options("date", "lang", "tokens", "parse")
def analyze(inputs: tuple[str, ...], output: str | None, options: AnalysisOptions) -> None:
    """Analyse articles and write one document record per article as JSON Lines.

    INPUTS are files (.txt with an optional " date YYYY-MM-DD " dateline, .jsonl/.json, .html, RSS/Atom),
    directories (read recursively) or - for stdin. A broken input is reported on stderr and skipped;
    the exit code is 1 when anything failed.

    Example: kronika analyze examples/ --tokens -o records.jsonl
    """
    # Records on a terminal are their own feedback; a bar only when they go to a file or a pipe.
    records, tally = records_with_progress(
        inputs, "analyze", options, bar_enabled=bool(output) or not sys.stdout.isatty()
    )
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        for result in records:
            out.write(result.to_json(tokens=options.keeps_tokens) + "\n")
    finally:
        if output:
            out.close()
    note_languages(tally["languages"])
    if tally["failed"]:
        click.echo(f"kronika: {tally['failed']} input(s) failed; the others were written", err=True)
        sys.exit(1)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here, not stdout.")
@analysis_options("date", "lang")
@click.option(
    "--evict",
    is_flag=True,
    help="Drop stories closed for 48 days to bound memory on long archives in "
    "date order (an article more than 45 days late may then start a new story).",
)
def cluster(inputs: tuple[str, ...], output: str | None, options: AnalysisOptions, evict: bool) -> None:
    """Cluster articles into cross-lingual stories and threads without a store: one JSON line per article
    with its id, story (one occurrence: a meeting, a vote, as the store's stories), thread (the longer
    story holding it: the meeting and the reactions of the next days) and language, in input order.

    Polish articles go through the whole pipeline; any other language gets knowledge-base names and written
    dates; no language is refused. Deterministic for the same input order.

    Example: kronika cluster articles.jsonl -o stories.jsonl
    """
    import json

    from kronika.stories import TwoLevelClusterer, cluster_levels

    records, tally = records_with_progress(
        inputs, "cluster", options, bar_enabled=bool(output) or not sys.stdout.isatty()
    )
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        for doc, placed in cluster_levels(records, clusterer=TwoLevelClusterer(evict=evict)):
            out.write(
                json.dumps({"id": doc.id, "story": placed.story.story.id, "thread": placed.thread.id, "lang": doc.lang})
                + "\n"
            )
    finally:
        if output:
            out.close()
    note_languages(tally["languages"])
    if tally["failed"]:
        click.echo(f"kronika: {tally['failed']} input(s) failed; the others were clustered", err=True)
        sys.exit(1)


__all__ = ["main", "InputError"]

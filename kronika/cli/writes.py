"""The commands that fill a store or an output directory: `ingest`, `watch` and `batch`."""

from __future__ import annotations

import logging
import sys

import click

from kronika.cli.analysis import note_languages
from kronika.cli.group import log, main
from kronika.cli.options import (
    OneOf,
    analysis_options,
    batch_size_option,
    db_option,
)
from kronika.cli.output import fail, open_store
from kronika.errors import KronikaError
from kronika.options import AnalysisOptions


def start_workers(options: AnalysisOptions) -> None:
    """Start the forkserver of `ingest --jobs N`'s workers, with what the writer's story hook has them preload,
    before this process loads the store: the server's loading is the longest serial part of the run's start."""
    from kronika.batch.pool import preloads, start_server
    from kronika.stories.encoder import PRELOAD

    start_server((PRELOAD, *preloads(options)))


@main.command()
@click.argument("inputs", nargs=-1)
@db_option
@click.option(
    "--from-parquet",
    "from_parquet",
    type=click.Path(file_okay=False, exists=True),
    help="Load the records of a `kronika batch --out DIR` directory instead of analysing INPUTS.",
)
@click.option(
    "-j",
    "--jobs",
    "--workers",
    "jobs",
    default=1,
    show_default=True,
    type=click.IntRange(1, 256),
    help="Worker processes for the analysis (writes stay in one process).",
)
@batch_size_option
@analysis_options("date", "lang")
def ingest(
    inputs: tuple[str, ...], db: str, from_parquet: str | None, jobs: int, batch_size: int, options: AnalysisOptions
) -> None:
    """Analyse articles and store them; articles already stored (same content hash or id) are skipped.

    Safe to interrupt and rerun: every committed batch stays, and the rerun skips it. A broken input is
    reported on stderr and the others are stored; the exit code is 1 when anything failed.

    Example: kronika ingest examples/ --db kronika.db --jobs 2
    """
    if bool(inputs) == bool(from_parquet):
        raise click.UsageError("give INPUTS to analyse, or --from-parquet DIR with batch output (not both)")
    if jobs > 1 and inputs:
        start_workers(options)  # first: the imports below take 0.4 s of CPU (the store loads pandas)
    from kronika.batch.ingest import ingest as run_ingest
    from kronika.progress import count_articles, progress_bar, rate_phrase

    store = open_store(db, create=True)
    total = count_articles([f"{from_parquet}/documents"] if from_parquet else inputs)
    log.info(
        "ingest into %s: %s article(s), language %s, %d process(es)",
        db,
        "?" if total is None else total,
        options.lang,
        jobs,
    )
    bar = progress_bar("ingest", total)
    counts = {"failed": 0, "skipped": 0}

    def progress(kind: str, error: KronikaError | None) -> None:
        if error is not None:
            bar.write(f"kronika: error: {error}", file=sys.stderr)
        if kind in counts:
            counts[kind] += 1
            bar.set_postfix(counts, refresh=False)
        bar.update(1)

    try:
        if from_parquet:
            from kronika.batch import load_parquet

            report = load_parquet(store, from_parquet, batch_size=batch_size, progress=progress)
        else:
            report = run_ingest(store, inputs, options, jobs=jobs, batch_size=batch_size, progress=progress)
    except KronikaError as error:
        fail(error)
    finally:
        bar.close()
        store.close()
    note_languages(report.languages)
    click.echo(
        f"kronika: {report.added} article(s) stored, {report.skipped} already stored, "
        f"{report.failed} failed, in {report.seconds:.1f} s{rate_phrase(report.added, report.seconds)} "
        f"into {db}",
        err=True,
    )
    if report.failed:
        sys.exit(1)


@main.command()
@click.argument("sources", type=click.Path(dir_okay=False))
@db_option
@click.option("--every", default="15m", show_default=True, help="Time between rounds: 90s, 15m, 2h, 1d.")
@click.option("--once", is_flag=True, help="Run one round and exit (for cron and tests).")
@analysis_options("lang")
@click.option(
    "-j", "--jobs", default=1, show_default=True, type=click.IntRange(1, 256), help="Worker processes for the analysis."
)
@batch_size_option
@click.option(
    "--timeout",
    default=10.0,
    show_default=True,
    type=click.FloatRange(0.1, 600),
    help="Seconds to wait for each step of a request.",
)
@click.option(
    "--max-bytes",
    default=5_000_000,
    show_default=True,
    type=click.IntRange(1000),
    help="Largest feed or page read; a longer body is a failure.",
)
@click.option(
    "--per-host", default=2, show_default=True, type=click.IntRange(1, 64), help="Requests at a time to one host."
)
@click.option(
    "--alerts",
    "rules_file",
    type=click.Path(dir_okay=False),
    help="Alert rules (TOML; see `kronika alerts`) checked after every round; new alerts are stored and printed.",
)
@click.option("--alerts-log", type=click.Path(dir_okay=False), help="Append each new alert here as a JSON line.")
@click.option("--alerts-webhook", help="POST each new alert as JSON to this URL.")
def watch(
    sources,
    db,
    every,
    once,
    options,
    jobs,
    batch_size,
    timeout,
    max_bytes,
    per_host,
    rules_file,
    alerts_log,
    alerts_webhook,
) -> None:
    """Keep the store current from RSS/Atom feeds and folders listed in SOURCES (one a line, # comments).

    Each round fetches every feed (conditional GET), fetches the page of each new entry that the feed only
    summarises, analyses and stores the new articles as `ingest` does and remembers what it has seen, so a
    rerun or restart never stores an entry twice. A failing feed is one line of the round's summary and is
    retried with backoff; the others go on.

    Example: kronika watch feeds.txt --db kronika.db --every 15m
    """
    from kronika.alerts import append_jsonl, load_rules, post_webhook, raise_since
    from kronika.watch import Fetcher, Watcher, read_sources
    from kronika.watch.loop import parse_duration, run
    from kronika.watch.state import stamp

    try:
        interval = parse_duration(every)
        listed = read_sources(sources)
        rules = load_rules(rules_file) if rules_file else []
    except KronikaError as error:
        fail(error)
    store = open_store(db, create=True)

    def progress(kind: str, error: KronikaError | None) -> None:
        if error is not None:
            click.echo(f"kronika: error: {error}", err=True)

    def on_round(report) -> None:
        click.echo(report.summary(), err=True)
        if rules:
            raised = raise_since(store.connection, rules, stamp(report.started))
            for alert in raised:
                click.echo(f"ALERT {alert['day']} {alert['message']}")
            if alerts_log and raised:
                append_jsonl(alerts_log, raised)
            if alerts_webhook and raised:
                for problem in post_webhook(alerts_webhook, raised, timeout=timeout):
                    click.echo(f"kronika: error: {problem}", err=True)

    try:
        with Fetcher(timeout=timeout, max_bytes=max_bytes, per_host=per_host) as fetcher:
            watcher = Watcher(
                store,
                listed,
                fetcher=fetcher,
                options=options,
                jobs=jobs,
                batch_size=batch_size,
                every=interval,
                progress=progress,
            )
            run(watcher, every=interval, once=once, on_round=on_round)
    except KeyboardInterrupt:
        click.echo("kronika: watch stopped; everything committed is kept", err=True)
    except KronikaError as error:
        fail(error)
    finally:
        store.close()


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False),
    help="Output directory: documents/, events/ (Parquet by day=...), errors/, _done/.",
)
@click.option(
    "--engine",
    type=OneOf(["local", "dask"], "an engine"),
    default="local",
    show_default=True,
    help="local: this process or a process pool; dask: a Dask scheduler or a LocalCluster.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 4096),
    help="Worker processes (local pool, or LocalCluster workers); default: the cores here.",
)
@click.option("--scheduler", help="A running Dask scheduler (tcp://host:8786); needs --engine dask.")
@click.option(
    "--partition-size",
    default=64,
    show_default=True,
    type=click.IntRange(1, 100_000),
    help="Articles per partition: the unit of work, of output files and of resuming.",
)
@analysis_options("date", "lang")
def batch(inputs, out, engine, workers, scheduler, partition_size, options) -> None:
    """Analyse many articles into date-partitioned Parquet (documents, events, errors), on N processes
    or a Dask cluster. INPUTS are JSONL, directories of files, or Parquet files with a `text` column.

    Resumable: rerun the same command after a crash and finished partitions are skipped; the output is
    the same as one uninterrupted run's. The exit code is 1 when any input or article failed.

    Example: kronika batch archive.jsonl --out batch/ --engine dask --workers 2
    """
    import os

    from kronika.batch import run_batch
    from kronika.progress import count_articles, progress_bar, rate_phrase

    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    if engine == "dask":
        import distributed  # noqa: F401 - its import sets its loggers to INFO; quiet them unless --verbose

        quiet = logging.INFO if log.isEnabledFor(logging.INFO) else logging.ERROR
        logging.getLogger("distributed").setLevel(quiet)
    workers = workers or (None if scheduler else os.cpu_count() or 1)
    total = count_articles(inputs)
    log.info(
        "batch into %s: %s article(s), language %s, engine %s, %s worker(s)",
        out,
        "?" if total is None else total,
        options.lang,
        engine,
        workers or "the scheduler's",
    )
    bar = progress_bar("batch", total)
    counts = {"failed": 0, "skipped": 0}

    def progress(kind: str, summary: dict) -> None:
        if kind == "failed":
            bar.write(
                f"kronika: error: [E707] partition {summary['partition']} failed: {summary['error']}; "
                "rerun the same command to redo it",
                file=sys.stderr,
            )
        counts["failed"] += summary.get("failed", summary["items"] if kind == "failed" else 0)
        counts["skipped"] += summary["items"] if kind == "skipped" else 0
        bar.set_postfix(counts, refresh=False)
        bar.update(summary["items"])

    def dashboard(address: str) -> None:
        bar.write(f"kronika: Dask dashboard: {address}", file=sys.stderr)

    try:
        report = run_batch(
            inputs,
            out,
            engine=engine,
            workers=workers,
            scheduler=scheduler,
            partition_size=partition_size,
            options=options,
            progress=progress,
            on_dashboard=dashboard,
        )
    except KronikaError as error:
        fail(error)
    finally:
        bar.close()
    memory = ", ".join(f"{mib:.0f}" for mib in sorted(report.workers.values()))
    note_languages(report.languages)
    click.echo(
        f"kronika: {report.articles} article(s), {report.events} event(s), {report.failed} failed "
        f"(see {out}/errors/), {report.partitions} partition(s) done, {report.skipped} already done, "
        f"in {report.seconds:.1f} s{rate_phrase(report.processed_articles, report.seconds)}; peak MiB "
        f"per worker: {memory or '-'}",
        err=True,
    )
    if not report.ok:
        sys.exit(1)

"""The `kronika` command: a thin layer over the library."""

from __future__ import annotations

import errno
import functools
import logging
import sys

import click

from kronika import __version__
from kronika.blas import one_thread_each
from kronika.errors import InputError, KronikaError
from kronika.options import AnalysisOptions

log = logging.getLogger("kronika")
TOKEN_VARIABLE = "KRONIKA_TOKEN"  # serve's token from the environment, out of sight of ps


@click.group()
@click.version_option(__version__, prog_name="kronika")
@click.option("-v", "--verbose", is_flag=True, help="Log what each step does.")
def main(verbose: bool) -> None:
    """Kronika reads news articles and writes the chronicle they contain."""
    one_thread_each()  # before any command loads numpy: see kronika.blas
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="kronika: %(levelname)s: %(message)s"
    )


# --- the analysis options: declared once, handed to a command as one AnalysisOptions ------------------


def _check_lang(ctx, param, value: str) -> str:
    from kronika.options import language_error

    problem = language_error(value)
    if problem is not None:  # a usage error, as click's own: exit 2
        click.echo(f"kronika: error: --lang {value!r}: {problem}", err=True)
        ctx.exit(2)
    return value


def _check_date(ctx, param, value: str | None) -> str | None:
    from kronika.options import date_error

    problem = date_error(value)
    if problem is not None:  # it would date every article: nothing is read (exit 1, as a failed input)
        click.echo(f"kronika: error: {problem}", err=True)
        ctx.exit(1)
    return value


# Each checked as it is parsed, with the messages of ``kronika.options``, so ``AnalysisOptions`` is made valid.
ANALYSIS_OPTIONS = {
    "date": click.option(
        "--date", callback=_check_date, help="Publication date (YYYY-MM-DD or YYYY-MM) for inputs that carry none."
    ),
    "lang": click.option(
        "--lang",
        default="auto",
        show_default=True,
        callback=_check_lang,
        help="Language of inputs that do not say: auto identifies each article's (a language "
        "without a pack gets names and dates only, and a note says so); pl forces Polish, en "
        "English (rules only: a note names the stages it skips).",
    ),
    "tokens": click.option("--tokens", is_flag=True, help="Include tokens with lemma and tag in each record."),
    "parse": click.option(
        "--parse",
        is_flag=True,
        help="Parse every sentence: each token gets its dependency head and relation (implies --tokens).",
    ),
}


def analysis_options(*offered: str):
    """Declare the analysis options a command offers (names of ``ANALYSIS_OPTIONS``, in their --help order) and
    hand the command one ``options`` (an ``AnalysisOptions``) in their place; one not offered keeps its
    default."""

    def decorate(command):
        @functools.wraps(command)
        def with_options(*args, **kwargs):
            given = {name: kwargs.pop(name) for name in offered}
            return command(*args, options=AnalysisOptions(**given), **kwargs)

        for name in reversed(offered):
            with_options = ANALYSIS_OPTIONS[name](with_options)
        return with_options

    return decorate


def _note_languages(counts) -> None:
    """One note per language that did not get the whole pipeline, with how many articles it concerns."""
    from kronika.core import stages_note

    for code, count in sorted(counts.items()):
        note = stages_note(code)
        if note:
            click.echo(f"kronika: note: {count} article(s) in '{code}': {note}", err=True)
    log.info("articles per language: %s", ", ".join(f"{c} {n}" for c, n in sorted(counts.items())) or "none")


def _records_with_progress(inputs, desc: str, options: AnalysisOptions, *, bar_enabled: bool = True):
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
    records, tally = _records_with_progress(
        inputs, "analyze", options, bar_enabled=bool(output) or not sys.stdout.isatty()
    )
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        for result in records:
            out.write(result.to_json(tokens=options.keeps_tokens) + "\n")
    finally:
        if output:
            out.close()
    _note_languages(tally["languages"])
    if tally["failed"]:
        click.echo(f"kronika: {tally['failed']} input(s) failed; the others were written", err=True)
        sys.exit(1)


# --- the store: ingest, queries, export ------------------------------------------------------------

QUERY_FORMATS = ("table", "json", "csv")
EXPORT_FORMATS = ("jsonl", "csv", "parquet", "plover", "gdelt")


class OneOf(click.Choice):
    """A closed set of option values: a value outside it gets the one E506 line of every refused value (the
    value, what is accepted, the nearest; ``kronika.store.filters.refuse``) and exit 2, not click's usage
    screen."""

    def __init__(self, choices, kind: str):
        super().__init__(choices)
        self.kind = kind

    def convert(self, value, param, ctx):
        if value in self.choices:
            return value
        from kronika.store.filters import refuse

        try:
            refuse(max(param.opts, key=len) if param else "value", value, self.kind, tuple(self.choices))
        except KronikaError as error:
            click.echo(f"kronika: error: {error}", err=True)
            ctx.exit(2)


def db_option(command):
    return click.option(
        "--db",
        default="kronika.db",
        show_default=True,
        envvar="KRONIKA_DB",
        type=click.Path(dir_okay=False),
        help="The store file (env KRONIKA_DB).",
    )(command)


def query_options(command):
    """--db and --format, shared by every query command."""
    command = click.option(
        "--format",
        "output_format",
        type=OneOf(QUERY_FORMATS, "an output format"),
        help="Output format; default: table on a terminal, json otherwise.",
    )(command)
    return db_option(command)


def _start_workers(options: AnalysisOptions) -> None:
    """Start the forkserver of `ingest --jobs N`'s workers, with what the writer's story hook has them preload,
    before this process loads the store: the server's loading is the longest serial part of the run's start."""
    from kronika.batch.pool import preloads, start_server
    from kronika.stories.encoder import PRELOAD

    start_server((PRELOAD, *preloads(options)))


def _open_store(db: str, *, create: bool = False):
    """The store at ``db``; a writer (``create``) puts each new article into a story as it stores it."""
    from kronika.store import Store

    try:
        if create:
            from kronika.stories.store import StoryAssigner

            return Store(db, create=True, stories=StoryAssigner())
        return Store(db, create=False)
    except KronikaError as error:
        _fail(error)


# A value outside what an option accepts is a usage error: exit 2, as click's own usage errors.
USAGE_CODES = ("E506",)


def _fail(error: KronikaError):
    click.echo(f"kronika: error: {error}", err=True)
    sys.exit(2 if error.code in USAGE_CODES else 1)


def modality_option(command):
    return click.option(
        "--modality", help="Events of this modality: asserted (the default), negated, intended, hypothetical, or all."
    )(command)


# What a table on a terminal shows of an event (JSON and CSV give every column): read in 100 columns.
EVENT_TABLE = {
    "date": "date",
    "type": "type",
    "modality": "modality",
    "actor": "actor",
    "recipient": "recipient",
    "quad_class": "Q",
    "num_mentions": "n",
    "trigger": "evidence",
}
RELATION_TABLE = {
    "period": "period",
    "source": "from",
    "target": "to",
    "events": "events",
    "mentions": "mentions",
    "goldstein_mean": "goldstein",
    "goldstein_sum": "sum",
    "quad1_verbal_cooperation": "Q1",
    "quad2_material_cooperation": "Q2",
    "quad3_verbal_conflict": "Q3",
    "quad4_material_conflict": "Q4",
}
TABLE_CELL = 22
TABLE_WIDTH = 100


def _article_table(frame) -> None:
    """Articles on a terminal: date, source and title on a line, under it the snippet, indented, in lines of
    100 columns; the words a search matched in bold (click drops the bold when stdout is no terminal)."""
    from kronika.store.snippets import Snippet

    for row in frame.astype(object).where(frame.notna(), None).to_dict("records"):
        head = f"{row['date'] or '':10}  {row['source'] or ''}  "
        click.echo(head + _cut(row["title"] or "", TABLE_WIDTH - len(head)))
        for line in Snippet.of(row).lines(TABLE_WIDTH - 4):
            click.echo("    " + "".join(click.style(text, bold=True) if matched else text for text, matched in line))
    click.echo(f"({len(frame)} row(s))")


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def _emit(frame, output_format: str | None, table_columns: dict[str, str] | None = None, table=None) -> None:
    """A DataFrame as an aligned table (or as ``table`` prints it), one JSON array of records, or CSV with
    a header."""
    if output_format is None:
        output_format = "table" if sys.stdout.isatty() else "json"
    if output_format == "json":
        click.echo(frame.to_json(orient="records", force_ascii=False))
    elif output_format == "csv":
        click.echo(frame.to_csv(index=False), nl=False)
    elif frame.empty:
        click.echo("(nothing found)")
    elif table is not None:
        table(frame)
    else:
        if table_columns:
            frame = frame[list(table_columns)].rename(columns=table_columns)
        # Missing values as blanks, not NaN and None; long names cut so a row stays on one line.
        shown = frame.astype(object).where(frame.notna(), "")
        width = TABLE_CELL if table_columns else 60
        click.echo(shown.to_string(index=False, max_colwidth=width))
        click.echo(f"({len(frame)} row(s))")


def _query(db: str, output_format: str | None, method: str, *args, table_columns=None, table=None, **kwargs) -> None:
    store = _open_store(db)
    try:
        _emit(getattr(store, method)(*args, **kwargs), output_format, table_columns, table)
    except KronikaError as error:
        _fail(error)
    finally:
        store.close()


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
@click.option(
    "--batch-size",
    default=64,
    show_default=True,
    type=click.IntRange(1, 100_000),
    help="Articles per committed transaction (up to twice as many while undated articles wait for their neighbours).",
)
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
        _start_workers(options)  # first: the imports below take 0.4 s of CPU (the store loads pandas)
    from kronika.progress import count_articles, progress_bar, rate_phrase
    from kronika.batch.ingest import ingest as run_ingest

    store = _open_store(db, create=True)
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
        _fail(error)
    finally:
        bar.close()
        store.close()
    _note_languages(report.languages)
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
@click.option(
    "--batch-size",
    default=64,
    show_default=True,
    type=click.IntRange(1, 100_000),
    help="Articles per committed transaction (up to twice as many while undated articles wait for their neighbours).",
)
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
    from kronika.watch import Fetcher, Watcher, read_sources
    from kronika.watch.loop import parse_duration, run

    from kronika.alerts import append_jsonl, load_rules, post_webhook, raise_since
    from kronika.watch.state import stamp

    try:
        interval = parse_duration(every)
        listed = read_sources(sources)
        rules = load_rules(rules_file) if rules_file else []
    except KronikaError as error:
        _fail(error)
    store = _open_store(db, create=True)

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
        _fail(error)
    finally:
        store.close()


@main.command()
@query_options
@click.option("--rules", "rules_file", type=click.Path(dir_okay=False), help="Alert rules (TOML) for --replay.")
@click.option(
    "--replay",
    is_flag=True,
    help="Run the rules over the store's history, day by day, and list what "
    "they would have raised (nothing is stored).",
)
@click.option("--rule", help="Only alerts of this rule.")
@click.option("--since", help="From this day (YYYY-MM-DD, YYYY-MM or YYYY).")
@click.option("--until", help="Up to this day.")
@click.option("--limit", default=100, show_default=True, type=int, help="At most this many rows (0: all).")
def alerts(db, output_format, rules_file, replay, rule, since, until, limit) -> None:
    """Alerts raised by `kronika watch --alerts RULES`, latest first, each with the events behind it; or, with
    --replay, what RULES would have raised over the store's past (to tune a rule before trusting it).

    RULES is TOML: [[rule]] tables with kind = "relation" (source, target), "country" (country), "actor"
    (actor: a new event type for it) or "story";
    measure = events | goldstein | quad1..quad4; method = zscore | ratio; threshold; baseline_days; min_count;
    for stories min_sources, min_languages, window_days (README: "Alerts").

    Example: kronika alerts --replay --rules rules.toml --since 2025-08-01 --until 2025-09-30
    """
    import json

    import pandas as pd

    from kronika.alerts import as_dicts, load_rules, replay as run_replay, stored

    if replay and not rules_file:
        raise click.UsageError("--replay needs --rules FILE")
    store = _open_store(db)
    try:
        if replay:
            rules = [r for r in load_rules(rules_file) if rule in (None, r.name)]
            found = as_dicts(store.connection, run_replay(store.connection, rules, since, until))
            found = found[:limit] if limit > 0 else found
        else:
            found = stored(store.connection, rule=rule, since=since, until=until, limit=limit)
    except KronikaError as error:
        _fail(error)
    finally:
        store.close()
    output_format = output_format or ("table" if sys.stdout.isatty() else "json")
    if output_format == "json":
        click.echo(json.dumps(found, ensure_ascii=False))
    elif output_format == "csv":
        rows = [{**a, "events": " ".join(a["events"]), "detail": json.dumps(a["detail"])} for a in found]
        click.echo(pd.DataFrame(rows).to_csv(index=False), nl=False)
    else:
        click.echo("\n".join(f"{a['day']}  {a['message']}" for a in found) or "(nothing found)")


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
        _fail(error)
    finally:
        bar.close()
    memory = ", ".join(f"{mib:.0f}" for mib in sorted(report.workers.values()))
    _note_languages(report.languages)
    click.echo(
        f"kronika: {report.articles} article(s), {report.events} event(s), {report.failed} failed "
        f"(see {out}/errors/), {report.partitions} partition(s) done, {report.skipped} already done, "
        f"in {report.seconds:.1f} s{rate_phrase(report.processed_articles, report.seconds)}; peak MiB "
        f"per worker: {memory or '-'}",
        err=True,
    )
    if not report.ok:
        sys.exit(1)


@main.command()
@query_options
@click.option(
    "--actor",
    help="On either side: a name or alias in any case form (Władimir Putin, Putina), a part "
    "of a name, a country (Chiny, CHN), a code (CHNGOV) or an entity id (Q7747).",
)
@click.option("--initiator", help="On the actor side only (read as --actor).")
@click.option("--recipient", help="On the recipient side only (read as --actor).")
@click.option("--type", "event_type", help="PLOVER event type (CONSULT, ASSAULT, ...).")
@click.option(
    "--quad-class",
    "quad_class",
    help="1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.",
)
@click.option("--country", help="Where it happened (code or name: UKR, Ukraina).")
@click.option("--text", help="Words of a reporting article, by lemma.")
@modality_option
@click.option("--since", help="Events on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).")
@click.option("--until", help="Events on or before this date.")
@click.option("--limit", default=100, show_default=True, type=int, help="At most this many rows (0: all).")
@click.option("--offset", default=0, show_default=True, type=click.IntRange(0), help="Skip this many rows first.")
@click.option(
    "--sort",
    help="Order: -date (the default), date, goldstein, -mentions, type, ... (a - for "
    "descending; a wrong value lists them all).",
)
def events(
    db,
    output_format,
    actor,
    initiator,
    recipient,
    event_type,
    quad_class,
    country,
    text,
    modality,
    since,
    until,
    limit,
    offset,
    sort,
) -> None:
    """Deduplicated events, latest first, with GDELT's NumMentions, NumSources and NumArticles. Asserted
    events only unless --modality says otherwise.

    Example: kronika events --actor "Władimir Putin" --type CONSULT --since 2025-01-01
    """
    _query(
        db,
        output_format,
        "events",
        table_columns=EVENT_TABLE,
        actor=actor,
        initiator=initiator,
        recipient=recipient,
        type=event_type,
        quad_class=quad_class,
        country=country,
        text=text,
        modality=modality,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
        sort=sort,
    )


@main.command()
@query_options
@click.option("--search", help="Part of the actor's name (any case), or its entity id.")
@click.option("--country", help="Only actors of this country (ISO alpha-3, e.g. PRK, or a name).")
@modality_option
@click.option("--limit", default=100, show_default=True, type=int, help="At most this many rows (0: all).")
@click.option("--offset", default=0, show_default=True, type=click.IntRange(0), help="Skip this many rows first.")
@click.option(
    "--sort",
    help="Order: -events (the default), name, -last_date, as_recipient, ... (a - for "
    "descending; a wrong value lists them all).",
)
def actors(db, output_format, search, country, modality, limit, offset, sort) -> None:
    """Everyone who took part in a stored asserted event, most events first (counts of --modality's events).

    Example: kronika actors --country PRK --format json
    """
    _query(
        db,
        output_format,
        "actors",
        search=search,
        country=country,
        modality=modality,
        limit=limit,
        offset=offset,
        sort=sort,
    )


@main.command()
@query_options
@click.option("--search", help='Words to find by lemma: "Pekin" finds "w Pekinie".')
@click.option("--since", help="Articles on or after this date.")
@click.option("--until", help="Articles on or before this date.")
@click.option("--limit", default=100, show_default=True, type=int, help="At most this many rows (0: all).")
@click.option("--offset", default=0, show_default=True, type=click.IntRange(0), help="Skip this many rows first.")
@click.option(
    "--sort",
    help="Order: -date (the default; best match first when searching), title, -tone, "
    "source, ... (a - for descending; a wrong value lists them all).",
)
def articles(db, output_format, search, since, until, limit, offset, sort) -> None:
    """Stored articles, best match first when searching, each with a snippet of its text: around the words
    searched for, bold on a terminal (JSON and CSV give their offsets: snippet_start, matches).

    Example: kronika articles --search Pekin
    """
    _query(
        db,
        output_format,
        "articles",
        table=_article_table,
        search=search,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
        sort=sort,
    )


@main.command()
@query_options
@click.argument("country_a")
@click.argument("country_b")
@click.option(
    "--by",
    default="month",
    show_default=True,
    type=OneOf(["day", "week", "month", "year"], "a period"),
    help="Period of the time series.",
)
@click.option("--since", help="Events on or after this date.")
@click.option("--until", help="Events on or before this date.")
@modality_option
def relations(db, output_format, country_a, country_b, by, since, until, modality) -> None:
    """Relations between two countries (codes or names) over time, both directions: events, mentions,
    Goldstein mean and sum, QuadClass counts, of asserted events. Weeks are ISO weeks (2025-W01).

    Example: kronika relations CHN PRK --by month
    """
    _query(
        db,
        output_format,
        "relations",
        country_a,
        country_b,
        table_columns=RELATION_TABLE,
        by=by,
        since=since,
        until=until,
        modality=modality,
    )


@main.command()
@query_options
@modality_option
def stats(db, output_format, modality) -> None:
    """Counts of what the store holds, its date range, events per modality and (asserted) events per type.

    Example: kronika stats --db kronika.db
    """
    _query(db, output_format, "stats", modality=modality)


@main.command()
@db_option
@click.option(
    "--format",
    "export_format",
    type=OneOf(EXPORT_FORMATS, "an export format"),
    default="jsonl",
    show_default=True,
    help="jsonl: document records; csv, parquet: events; plover: PLOVER JSON; gdelt: GDELT 2.0 TSV.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here, not stdout.")
@modality_option
def export(db, export_format, output, modality) -> None:
    """Export the store: document records, event tables, PLOVER JSON or GDELT 2.0 Events (61 columns); the
    event formats hold asserted events unless --modality says otherwise.

    Example: kronika export --db kronika.db --format gdelt -o events.tsv
    """
    from kronika.store import filters

    try:
        filters.modality(modality)  # before -o creates the file
    except KronikaError as error:
        _fail(error)
    store = _open_store(db)
    binary = export_format == "parquet"
    try:
        if output:
            opened = open(output, "wb") if binary else open(output, "w", encoding="utf-8", newline="")
            with opened as out:
                count = store.export(export_format, out, modality=modality)
        else:
            out = sys.stdout.buffer if binary else sys.stdout
            count = store.export(export_format, out, modality=modality)
            out.flush()
    except KronikaError as error:
        _fail(error)
    finally:
        store.close()
    log.info("exported %d record(s) as %s", count, export_format)


@main.command()
@db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (loopback only by default; 0.0.0.0 exposes the server to the network).",
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option(
    "--token",
    envvar=TOKEN_VARIABLE,
    help="Enables POST /api/analyze for clients sending "
    f"'Authorization: Bearer TOKEN'; better set as {TOKEN_VARIABLE}, since a command line is visible to "
    "every user in ps (the option wins when both are given); without it the server is read-only.",
)
@click.option(
    "--cors-origin",
    "cors_origins",
    multiple=True,
    help="Let pages of this origin call the API from a browser (repeatable); CORS is off without it.",
)
@click.option(
    "--max-body",
    default=1_000_000,
    show_default=True,
    type=click.IntRange(1, 100_000_000),
    help="Largest request body in bytes (413 above it).",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Server processes sharing the port (one Python process uses about one core).",
)
@click.option(
    "--cache",
    "cache_size",
    default=256,
    show_default=True,
    type=click.IntRange(0),
    help="GET responses kept in memory per process until the store changes (0: none).",
)
@click.pass_context
def serve(ctx, db, host, port, token, cors_origins, max_body, workers, cache_size) -> None:
    """Serve the HTTP API (/api/..., schema at /docs) and the web UI (/) over a store, read-only.

    Example: kronika serve --db kronika.db --port 8000 --workers 2
    """
    import uvicorn

    from kronika.api import create_app

    token = serve_token(ctx)
    settings = {
        "db_path": db,
        "token": token,
        "cors_origins": list(cors_origins),
        "max_body_bytes": max_body,
        "cache_size": cache_size,
    }
    try:
        app = create_app(**settings)  # also checks the store and the options before any worker starts
    except KronikaError as error:
        _fail(error)
    # The port is taken here, before saying "serving": one line naming it when it is in use, not uvicorn's
    # traceback after the announcement.
    listener = _listen(host, port)
    port = listener.getsockname()[1]  # the one the system chose for --port 0
    analyze = "enabled" if token else f"disabled (no {TOKEN_VARIABLE} or --token)"
    click.echo(
        f"kronika: serving {db} on http://{host}:{port}/ (API schema at /docs) with {workers} "
        f"process(es); POST /api/analyze is {analyze}",
        err=True,
    )
    if workers == 1:
        uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[listener])
        return
    import json
    import os

    from uvicorn.supervisors import Multiprocess

    from kronika.api.app import SETTINGS_VARIABLE

    app.state.pool.close()  # the workers open their own connections
    os.environ[SETTINGS_VARIABLE] = json.dumps(settings)
    config = uvicorn.Config(
        "kronika.api.app:app_from_environment", factory=True, workers=workers, host=host, port=port, log_level="warning"
    )
    listener.set_inheritable(True)
    Multiprocess(config, sockets=[listener]).run()


def serve_token(ctx: click.Context) -> str | None:
    """The token of `serve`: --token, else the environment's KRONIKA_TOKEN (click resolves both). A token
    typed on the command line gets one note, since any user of the machine can read it in ps."""
    from click.core import ParameterSource

    if ctx.get_parameter_source("token") is ParameterSource.COMMANDLINE:
        click.echo(f"kronika: note: --token is visible to every user in ps; set {TOKEN_VARIABLE} instead", err=True)
    return ctx.params["token"] or None


def _listen(host: str, port: int):
    """A bound TCP socket, or one E605 line naming the address and why (a port in use, an address not here)."""
    import socket

    # Made here rather than by uvicorn: asyncio sets TCP_NODELAY only on sockets that say IPPROTO_TCP, and
    # without it every response sent in two writes waited 40 ms for a delayed ACK.
    listener = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
    except (OSError, UnicodeError) as error:  # a port in use, an address not of this machine or unknown
        listener.close()
        reason = getattr(error, "strerror", None) or error
        hint = "; stop what uses it or give another --port" if getattr(error, "errno", None) == errno.EADDRINUSE else ""
        _fail(KronikaError("E605", f"cannot listen on {host}:{port} ({reason}){hint}"))
    return listener


# --- cross-lingual stories ---------------------------------------------------------------------------


@main.command()
@query_options
@click.option("--id", "story_id", help="Show this story: titles, articles by language, entities, dates, events.")
@click.option("--since", help="Stories that reach this date or later (YYYY-MM-DD or YYYY-MM).")
@click.option("--until", help="Stories that start on this date or earlier.")
@click.option("--lang", help="Only stories with an article in this language (ISO 639-1).")
@click.option(
    "--min-size",
    default=1,
    show_default=True,
    type=click.IntRange(1),
    help="Only stories of this many articles or more.",
)
@click.option("--limit", default=100, show_default=True, type=int, help="At most this many rows (0: all).")
@click.option("--thread", "thread_id", help="Show this thread (the longer story): its stories, newest first.")
def stories(db, output_format, story_id, since, until, lang, min_size, limit, thread_id) -> None:
    """Stories: articles in any language grouped by the occurrence they report (one meeting, one vote),
    newest first, each with its thread (the longer story holding it).

    Example: kronika stories --min-size 3 --lang en; kronika stories --id 28d63f64271fc44d;
    kronika stories --thread 5be1c0e1e2d4a0f7
    """
    if story_id is None and thread_id is None:
        _query(db, output_format, "stories", since=since, until=until, lang=lang, min_size=min_size, limit=limit)
        return
    import json

    kind, wanted = ("story", story_id) if story_id is not None else ("thread", thread_id)
    store = _open_store(db)
    try:
        found = store.story(story_id) if kind == "story" else store.thread(thread_id)
    finally:
        store.close()
    if found is None:
        _fail(KronikaError("E801", f"no {kind} {wanted!r} in {db}; list them with `kronika stories --db {db}`"))
    click.echo(json.dumps(found, ensure_ascii=False, indent=None if output_format == "json" else 1, default=str))


@main.command()
@query_options
@click.option("--story", "story_id", help="The claims of this story (an id from `kronika stories`).")
@click.option("--event", "event_id", help="The claims tied to this stored event (an id from `kronika events`).")
@click.option("--article", "article_id", help="The claims of this article.")
@click.option("--category", help="Only figures of this category (killed, wounded, troops, money, ...).")
def claims(db, output_format, story_id, event_id, article_id, category) -> None:
    """Who claims how many: the figures about one story, event or article, grouped by what is claimed, each
    source (the claimant, or the outlet that printed a figure unattributed) with its figures and articles.

    Example: kronika claims --story 7acabf74aa4d3424 --category killed
    """
    import json

    import pandas as pd

    from kronika.store import claims as shown

    store = _open_store(db)
    try:
        found = store.claims(story=story_id, event=event_id, article=article_id, category=category)
    except KronikaError as error:
        _fail(error)
    finally:
        store.close()
    if found is None:
        named = ", ".join(
            f"{name} {value!r}"
            for name, value in (("story", story_id), ("event", event_id), ("article", article_id))
            if value
        )
        _fail(
            KronikaError(
                "E506",
                f"claims: {named}: not in {db} (list them with `kronika stories`, "
                "`kronika events` or `kronika articles`)",
            )
        )
    if output_format is None:
        output_format = "table" if sys.stdout.isatty() else "json"
    if output_format == "json":
        click.echo(json.dumps(found, ensure_ascii=False))
    elif output_format == "csv":
        click.echo(pd.DataFrame(shown.flat(found), columns=shown.FLAT_COLUMNS).to_csv(index=False), nl=False)
    else:
        click.echo("\n".join(shown.lines(found)) or "(nothing found)")


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

    records, tally = _records_with_progress(
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
    _note_languages(tally["languages"])
    if tally["failed"]:
        click.echo(f"kronika: {tally['failed']} input(s) failed; the others were clustered", err=True)
        sys.exit(1)


__all__ = ["main", "InputError"]

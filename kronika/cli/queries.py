"""The commands that read a store: events, actors, articles, relations, stats, export, alerts, stories and
claims."""

from __future__ import annotations

import sys

import click

from kronika.cli.group import log, main
from kronika.cli.options import (
    EXPORT_FORMATS,
    OneOf,
    db_option,
    limit_option,
    modality_option,
    offset_option,
    query_options,
)
from kronika.cli.output import EVENT_TABLE, RELATION_TABLE, article_table, fail, open_store, query
from kronika.errors import KronikaError


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
@limit_option
def alerts(db, output_format, rules_file, replay, rule, since, until, limit) -> None:
    """Alerts raised by `kronika watch --alerts RULES`, latest first, each with the events behind it; or, with
    --replay, what RULES would have raised over the store's past (to tune a rule before trusting it).

    RULES is TOML: [[rule]] tables with kind = "relation" (source, target), "country" (country), "actor"
    (actor: a new event type for it) or "story";
    measure = events | goldstein | quad1..quad4; method = zscore | ratio; threshold; baseline_days; min_count;
    for stories min_sources, min_languages, window_days (docs/live.md: "Alerts").

    Example: kronika alerts --replay --rules rules.toml --since 2025-08-01 --until 2025-09-30
    """
    import json

    import pandas as pd

    from kronika.alerts import as_dicts, load_rules, stored
    from kronika.alerts import replay as run_replay

    if replay and not rules_file:
        raise click.UsageError("--replay needs --rules FILE")
    store = open_store(db)
    try:
        if replay:
            rules = [r for r in load_rules(rules_file) if rule in (None, r.name)]
            found = as_dicts(store.connection, run_replay(store.connection, rules, since, until))
            found = found[:limit] if limit > 0 else found
        else:
            found = stored(store.connection, rule=rule, since=since, until=until, limit=limit)
    except KronikaError as error:
        fail(error)
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
@limit_option
@offset_option
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
    query(
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
@limit_option
@offset_option
@click.option(
    "--sort",
    help="Order: -events (the default), name, -last_date, as_recipient, ... (a - for "
    "descending; a wrong value lists them all).",
)
def actors(db, output_format, search, country, modality, limit, offset, sort) -> None:
    """Everyone who took part in a stored asserted event, most events first (counts of --modality's events).

    Example: kronika actors --country PRK --format json
    """
    query(
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
@limit_option
@offset_option
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
    query(
        db,
        output_format,
        "articles",
        table=article_table,
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
    query(
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
    query(db, output_format, "stats", modality=modality)


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
        fail(error)
    store = open_store(db)
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
        fail(error)
    finally:
        store.close()
    log.info("exported %d record(s) as %s", count, export_format)


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
@limit_option
@click.option("--thread", "thread_id", help="Show this thread (the longer story): its stories, newest first.")
def stories(db, output_format, story_id, since, until, lang, min_size, limit, thread_id) -> None:
    """Stories: articles in any language grouped by the occurrence they report (one meeting, one vote),
    newest first, each with its thread (the longer story holding it).

    Example: kronika stories --min-size 3 --lang en; kronika stories --id 28d63f64271fc44d;
    kronika stories --thread 5be1c0e1e2d4a0f7
    """
    if story_id is None and thread_id is None:
        query(db, output_format, "stories", since=since, until=until, lang=lang, min_size=min_size, limit=limit)
        return
    import json

    kind, wanted = ("story", story_id) if story_id is not None else ("thread", thread_id)
    store = open_store(db)
    try:
        found = store.story(story_id) if kind == "story" else store.thread(thread_id)
    finally:
        store.close()
    if found is None:
        fail(KronikaError("E801", f"no {kind} {wanted!r} in {db}; list them with `kronika stories --db {db}`"))
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

    store = open_store(db)
    try:
        found = store.claims(story=story_id, event=event_id, article=article_id, category=category)
    except KronikaError as error:
        fail(error)
    finally:
        store.close()
    if found is None:
        named = ", ".join(
            f"{name} {value!r}"
            for name, value in (("story", story_id), ("event", event_id), ("article", article_id))
            if value
        )
        fail(
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

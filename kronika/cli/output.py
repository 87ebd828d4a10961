"""Opening the store for a command, failing with one error line, and printing a query's answer as a table,
JSON or CSV."""

from __future__ import annotations

import sys

import click

from kronika.errors import KronikaError


def open_store(db: str, *, create: bool = False):
    """The store at ``db``; a writer (``create``) puts each new article into a story as it stores it."""
    from kronika.store import Store

    try:
        if create:
            from kronika.stories.store import StoryAssigner

            return Store(db, create=True, stories=StoryAssigner())
        return Store(db, create=False)
    except KronikaError as error:
        fail(error)


# A value outside what an option accepts is a usage error: exit 2, as click's own usage errors.
USAGE_CODES = ("E506",)


def fail(error: KronikaError):
    click.echo(f"kronika: error: {error}", err=True)
    sys.exit(2 if error.code in USAGE_CODES else 1)


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


def article_table(frame) -> None:
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


def emit(frame, output_format: str | None, table_columns: dict[str, str] | None = None, table=None) -> None:
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


def query(db: str, output_format: str | None, method: str, *args, table_columns=None, table=None, **kwargs) -> None:
    store = open_store(db)
    try:
        emit(getattr(store, method)(*args, **kwargs), output_format, table_columns, table)
    except KronikaError as error:
        fail(error)
    finally:
        store.close()

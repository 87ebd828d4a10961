"""Options shared by several commands: the analysis options (one ``AnalysisOptions``), the store file, the
output format, the modality, and the closed sets of values refused with one E506 line."""

from __future__ import annotations

import functools

import click

from kronika.errors import KronikaError
from kronika.options import AnalysisOptions

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


def modality_option(command):
    return click.option(
        "--modality", help="Events of this modality: asserted (the default), negated, intended, hypothetical, or all."
    )(command)


# One declaration each for the options several commands share word for word.
limit_option = click.option(
    "--limit", default=100, show_default=True, type=int, help="At most this many rows (0: all)."
)
offset_option = click.option(
    "--offset", default=0, show_default=True, type=click.IntRange(0), help="Skip this many rows first."
)
batch_size_option = click.option(
    "--batch-size",
    default=64,
    show_default=True,
    type=click.IntRange(1, 100_000),
    help="Articles per committed transaction (up to twice as many while undated articles wait for their neighbours).",
)

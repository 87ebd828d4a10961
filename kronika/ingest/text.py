"""Plain text articles, with or without a leading dateline."""

from __future__ import annotations

from collections.abc import Iterator

from kronika.errors import InputError
from kronika.ingest.article import Article
from kronika.ingest.dateline import split_dateline


def read_plain(text: str, *, source: str, date: str | None = None) -> Iterator[Article | InputError]:
    """One article per text; its own dateline wins over the ``date`` given from outside."""
    try:
        dateline, body = split_dateline(text, source)
    except InputError as error:
        yield error
        return
    body = body.strip()
    if not body:
        yield InputError("E202", source, "has no article text" + (" after the dateline" if dateline else ""))
        return
    yield Article(text=body, date=dateline or date, source=source)

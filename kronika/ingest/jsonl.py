"""JSON Lines (one article object a line) and JSON (one object or a list of objects)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from kronika.errors import InputError
from kronika.ingest.article import Article
from kronika.ingest.dateline import is_valid_date
from kronika.ingest.decoding import normalize_text

STRING_FIELDS = ("id", "url", "lang", "title")


def read_json_lines(text: str, *, source: str, date: str | None = None) -> Iterator[Article | InputError]:
    """Each line on its own, so one malformed line is reported and the others still read."""
    seen_any = False
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        seen_any = True
        yield parse_line(line, source=f"{source}:line {number}", date=date)
    if not seen_any:
        yield InputError("E202", source, "has no JSON lines")


def parse_line(line: str, *, source: str, date: str | None) -> Article | InputError:
    """One line of JSON Lines: one article, or the error that names the line."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        return InputError("E206", source, f"is not valid JSON ({error}); each line must be one JSON object")
    return record_to_article(data, source=source, date=date)


def read_json(text: str, *, source: str, date: str | None = None) -> Iterator[Article | InputError]:
    """A whole JSON document; JSON Lines mislabelled as .json is read line by line instead."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        if _looks_like_lines(text):
            yield from read_json_lines(text, source=source, date=date)
        else:
            yield InputError("E206", source, f"is not valid JSON ({error})")
        return
    if isinstance(data, list):
        if not data:
            yield InputError("E202", source, "is an empty JSON list")
        for number, item in enumerate(data, start=1):
            yield record_to_article(item, source=f"{source}:item {number}", date=date)
    else:
        yield record_to_article(data, source=source, date=date)


def _looks_like_lines(text: str) -> bool:
    """JSON Lines in a .json file (or on stdin): several lines, the first a whole object. Read line by
    line, one bad line costs one article instead of the whole file."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return len(lines) > 1 and lines[0].startswith("{") and lines[0].endswith("}")


def record_to_article(data: Any, *, source: str, date: str | None) -> Article | InputError:
    """Check one parsed record; the given id is kept, a missing date falls back to ``date``."""
    if not isinstance(data, dict):
        return InputError("E206", source, f"is a JSON {type(data).__name__}, expected an object with 'text'")
    text = data.get("text")
    if text is None or (isinstance(text, str) and not text.strip()):
        return InputError("E202", source, "has no article text (field 'text' is missing or empty)")
    if not isinstance(text, str):
        return InputError("E206", source, f"field 'text' must be a string, got {type(text).__name__}")
    fields = {}
    for name in STRING_FIELDS:
        value = data.get(name)
        # Numeric ids are common in exports; anything else non-string is a mistake worth reporting.
        if isinstance(value, (int, float)) and not isinstance(value, bool) and name == "id":
            value = str(value)
        if value is not None and not isinstance(value, str):
            return InputError("E206", source, f"field '{name}' must be a string, got {type(value).__name__}")
        fields[name] = (normalize_text(value).strip() or None) if value is not None else None
    own_date = record_date(data.get("date"))
    if own_date is False:
        return InputError("E206", source, f"field 'date' is {data.get('date')!r}; give YYYY-MM-DD or YYYY-MM")
    return Article(text=normalize_text(text).strip(), date=own_date or date, source=source, **fields)


def record_date(value: Any) -> str | None | bool:
    """The record's date as YYYY-MM-DD / YYYY-MM, None when absent, False when unusable.

    Timestamps ("2025-09-04T10:00:00+02:00") keep their date part: that is the local publication day.
    """
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        return False
    value = value.strip()
    if is_valid_date(value):
        return value
    if len(value) > 10 and value[10] in "T " and is_valid_date(value[:10]):
        return value[:10]
    return False

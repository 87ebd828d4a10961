"""Exports: JSONL document records, CSV and Parquet event tables, PLOVER JSON and GDELT 2.0 Events TSV.

Everything is read in pages by id, so a store of millions of events is written without holding it in
memory (Parquet writes one row group per page). Records and event rows carry the id of their story
(``kronika/stories/``): a record's ``story``, the table's ``story`` column; null for a store kept without
stories. GDELT's 61 columns stay GDELT's: its readers count them.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from typing import IO

from kronika.record import RECORD_ORDER
from kronika.store import filters, gdelt, queries, sql

FORMATS = ("jsonl", "csv", "parquet", "plover", "gdelt")
BINARY_FORMATS = ("parquet",)
PAGE = 5000

# One row per deduplicated event in CSV and Parquet.
TABLE_COLUMNS = [
    "id",
    "date",
    "date_precision",
    "type",
    "mode",
    "modality",
    "context",
    "actor",
    "actor_code",
    "actor_entity",
    "recipient",
    "recipient_code",
    "recipient_entity",
    "cameo",
    "goldstein",
    "quad_class",
    "num_mentions",
    "num_sources",
    "num_articles",
    "location",
    "location_country",
    "lat",
    "lon",
    "source_url",
    "first_article",
    "added_at",
    "story",
]

# The story of each article and of each event (store migration 2), a page at a time.
ARTICLE_STORIES = """
SELECT sa.article, s.id FROM story_articles sa JOIN stories s ON s.pk = sa.story WHERE sa.article IN ({marks})"""
EVENT_STORIES = "SELECT e.pk, s.id FROM events e JOIN stories s ON s.pk = e.story WHERE e.pk IN ({marks})"


def export(connection: sqlite3.Connection, format: str, out: IO, *, modality: str | None = None) -> int:
    """Write the whole store in ``format`` to ``out`` (binary for parquet, text otherwise); returns records.

    Event formats hold the events of ``modality`` (asserted unless given; "all" for every one): a GDELT row
    is an event that happened. JSONL holds every document record whole, each event with its own modality."""
    writers = {
        "jsonl": write_jsonl,
        "csv": write_csv,
        "parquet": write_parquet,
        "plover": write_plover,
        "gdelt": write_gdelt,
    }
    if format not in writers:
        filters.refuse("--format", format, "an export format", FORMATS)
    kept = filters.modality(modality)
    if format == "jsonl":
        return write_jsonl(connection, out)
    return writers[format](connection, out, kept)


def documents(connection: sqlite3.Connection) -> Iterator[dict]:
    """The stored document records (without tokens), in the contract's field order, then their ``story``."""
    after = 0
    while True:
        rows = connection.execute(sql.ARTICLE_PAGE, {"after": after, "limit": PAGE}).fetchall()
        if not rows:
            return
        stories = _stories_of(connection, ARTICLE_STORIES, [pk for pk, _, _ in rows])
        for pk, text, record in rows:
            fields = json.loads(record)
            fields["text"] = text
            yield {**{key: fields[key] for key in RECORD_ORDER if key in fields}, "story": stories.get(pk)}
            after = pk


def _stories_of(connection: sqlite3.Connection, statement: str, pks: list[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for start in range(0, len(pks), 500):
        chunk = pks[start : start + 500]
        found.update(connection.execute(statement.format(marks=sql.placeholders(len(chunk))), chunk).fetchall())
    return found


def event_pages(connection: sqlite3.Connection, modality: str | None = None) -> Iterator[list[dict]]:
    """Every event (of ``modality``; None: all) with its participants, first report and mean tone, a page at a time."""
    after = 0
    while True:
        rows = connection.execute(sql.EVENT_PAGE, {"after": after, "limit": PAGE, "modality": modality}).fetchall()
        if not rows:
            return
        events = [dict(zip(queries.EVENT_FIELDS, row)) for row in rows]
        pks = [e["pk"] for e in events]
        sides = queries.participants(connection, pks)
        firsts = queries.first_reports(connection, pks)
        tones = queries.average_tone(connection, pks)
        stories = _stories_of(connection, EVENT_STORIES, pks)
        for event in events:
            pk = event["pk"]
            event["actor"] = sides.get((pk, "actor"), [])
            event["recipient"] = sides.get((pk, "recipient"), [])
            event["first"] = firsts.get(pk) or {}
            event["tone"] = tones.get(pk)
            event["story"] = stories.get(pk)
        yield events
        after = pks[-1]


def table_row(event: dict) -> dict:
    first = event["first"]
    return {
        "id": event["id"],
        "date": event["date"],
        "date_precision": event["date_precision"],
        "type": event["type"],
        "mode": event["mode"],
        "modality": event["modality"],
        "context": ";".join(queries.context_list(event["context"])),
        "actor": "; ".join(p["name"] for p in event["actor"]),
        "actor_code": "; ".join(queries.actor_code(p["country"], p["sector"]) for p in event["actor"]),
        "actor_entity": "; ".join(p["entity"] or "" for p in event["actor"]),
        "recipient": "; ".join(p["name"] for p in event["recipient"]),
        "recipient_code": "; ".join(queries.actor_code(p["country"], p["sector"]) for p in event["recipient"]),
        "recipient_entity": "; ".join(p["entity"] or "" for p in event["recipient"]),
        "cameo": event["cameo"],
        "goldstein": event["goldstein"],
        "quad_class": event["quad_class"],
        "num_mentions": event["num_mentions"],
        "num_sources": event["num_sources"],
        "num_articles": event["num_articles"],
        "location": event["location"],
        "location_country": event["location_country"],
        "lat": event["lat"],
        "lon": event["lon"],
        "source_url": first.get("url"),
        "first_article": first.get("article"),
        "added_at": event["added_at"],
        "story": event.get("story"),
    }


def plover_record(event: dict) -> dict:
    """A PLOVER JSON event (field names from the PLOVER manual's "Data Fields" chapter)."""
    first = event["first"]

    def entity(p: dict) -> dict:
        return {
            "code": p["country"],
            "sector": p["sector"],
            "entity_text": p["name"],
            "identifier_id": p["entity"],
            "identifier_text": p["name"],
        }

    location = None
    if event["location"]:
        location = {
            "resolved_place": event["location"],
            "country_code": event["location_country"],
            "lat": event["lat"],
            "lon": event["lon"],
        }
    return {
        "id": event["id"],
        "date": full_date(event["date"]),
        "date_precision": event["date_precision"],
        "event": [event["type"]],
        "mode": [event["mode"]] if event["mode"] else [],
        "modality": event["modality"],
        "context": queries.context_list(event["context"]),
        "actor": [entity(p) for p in event["actor"]],
        "recipient": [entity(p) for p in event["recipient"]],
        "event_loc": location,
        "event_text": [first["trigger"]] if first.get("trigger") else [],
        "quad_code": event["quad_class"],
        "event_scale": event["goldstein"],
        "cameo": event["cameo"],
        "text_info": {"sequence": first.get("sentence")},
        "cite_info": {
            "url": first.get("url"),
            "citation": first.get("article"),
            "coder": "kronika",
            "codebook": "plover",
        },
        "coded_date": (event["added_at"] or "")[:10] or None,
        "num_mentions": event["num_mentions"],
        "num_sources": event["num_sources"],
        "num_articles": event["num_articles"],
    }


def full_date(value: str | None) -> str | None:
    """A YYYY-MM-DD date as PLOVER's ``date`` field wants it: "2024" is 2024-01-01 and "2024-05" 2024-05-01,
    with ``date_precision`` beside it saying how much of it is known."""
    if not value:
        return None
    return {4: value + "-01-01", 7: value + "-01"}.get(len(value), value[:10])


def _parquet_row(row: dict) -> dict:
    """A table row with typed dates: ``date`` a calendar date (its first day when only the month or year is
    known; ``date_precision`` says which), ``added_at`` a UTC timestamp."""
    from datetime import date, datetime

    day = full_date(row["date"])
    added = row["added_at"]
    return {
        **row,
        "date": date.fromisoformat(day) if day else None,
        "added_at": datetime.fromisoformat(added.replace("Z", "+00:00")) if added else None,
    }


def write_jsonl(connection: sqlite3.Connection, out: IO[str]) -> int:
    count = 0
    for record in documents(connection):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(connection: sqlite3.Connection, out: IO[str], modality: str | None = None) -> int:
    writer = csv.DictWriter(out, fieldnames=TABLE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for page in event_pages(connection, modality):
        writer.writerows(table_row(e) for e in page)
        count += len(page)
    return count


def write_parquet(connection: sqlite3.Connection, out: IO[bytes], modality: str | None = None) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema(
        [
            ("id", pa.string()),
            ("date", pa.date32()),
            ("date_precision", pa.string()),
            ("type", pa.string()),
            ("mode", pa.string()),
            ("modality", pa.string()),
            ("context", pa.string()),
            ("actor", pa.string()),
            ("actor_code", pa.string()),
            ("actor_entity", pa.string()),
            ("recipient", pa.string()),
            ("recipient_code", pa.string()),
            ("recipient_entity", pa.string()),
            ("cameo", pa.string()),
            ("goldstein", pa.float64()),
            ("quad_class", pa.int64()),
            ("num_mentions", pa.int64()),
            ("num_sources", pa.int64()),
            ("num_articles", pa.int64()),
            ("location", pa.string()),
            ("location_country", pa.string()),
            ("lat", pa.float64()),
            ("lon", pa.float64()),
            ("source_url", pa.string()),
            ("first_article", pa.string()),
            ("added_at", pa.timestamp("ms", tz="UTC")),
            ("story", pa.string()),
        ]
    )
    # Parquet's footer is written last and readers seek to it; stdout cannot seek back, so the file is
    # built in memory and copied out in one piece when ``out`` is not a real file.
    target = out if _seekable(out) else io.BytesIO()
    count = 0
    with pq.ParquetWriter(target, schema) as writer:
        for page in event_pages(connection, modality):
            rows = [_parquet_row(table_row(e)) for e in page]
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            count += len(rows)
        if count == 0:
            writer.write_table(schema.empty_table())
    if target is not out:
        out.write(target.getvalue())
    return count


def write_plover(connection: sqlite3.Connection, out: IO[str], modality: str | None = None) -> int:
    """PLOVER events as newline-delimited JSON, the layout the PLOVER manual recommends."""
    count = 0
    for page in event_pages(connection, modality):
        for event in page:
            out.write(json.dumps(plover_record(event), ensure_ascii=False) + "\n")
        count += len(page)
    return count


def write_gdelt(connection: sqlite3.Connection, out: IO[str], modality: str | None = None) -> int:
    count = 0
    for page in event_pages(connection, modality):
        for event in page:
            actor = event["actor"][0] if event["actor"] else None
            recipient = event["recipient"][0] if event["recipient"] else None
            out.write("\t".join(gdelt.row(event, actor, recipient, event["first"], event["tone"])) + "\n")
        count += len(page)
    return count


def _seekable(out: IO) -> bool:
    try:
        return out.seekable() and not out.isatty()
    except (AttributeError, ValueError, OSError):
        return False

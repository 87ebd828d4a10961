"""The three batch tables (documents, events, errors): their Arrow schemas and rows from document records.

Schemas are fixed rather than inferred, so a partition whose values are all null (no URLs, no located
events) writes the same column types as every other, and DuckDB, Spark or pyarrow read the whole dataset
as one table.
"""

from __future__ import annotations

import re

import pyarrow as pa

from kronika.record import Document, Participant
from kronika.store.queries import actor_code
from kronika.store.write import effective_date, event_id, record_json, source_of

DOCUMENTS = pa.schema(
    [
        ("id", pa.string()),
        ("date", pa.string()),
        ("title", pa.string()),
        ("lang", pa.string()),
        ("url", pa.string()),
        ("source", pa.string()),
        ("input", pa.string()),
        ("sentences", pa.int32()),
        ("entities", pa.int32()),
        ("events", pa.int32()),
        ("tone", pa.float64()),
        ("text", pa.string()),
        # The whole record without text and tokens, as the store keeps it: {**json.loads(record), "text": text}
        # is Document.from_dict's input.
        ("record", pa.string()),
        ("partition", pa.string()),
        ("position", pa.int32()),
    ]
)

EVENTS = pa.schema(
    [
        ("event_id", pa.string()),
        ("article_id", pa.string()),
        ("ordinal", pa.int32()),
        ("date", pa.string()),
        ("date_precision", pa.string()),
        ("article_date", pa.string()),
        ("type", pa.string()),
        ("mode", pa.string()),
        ("context", pa.string()),
        ("modality", pa.string()),
        ("cameo", pa.string()),
        ("goldstein", pa.float64()),
        ("quad_class", pa.int32()),
        ("actor", pa.string()),
        ("actor_code", pa.string()),
        ("actor_entity", pa.string()),
        ("actor_country", pa.string()),
        ("recipient", pa.string()),
        ("recipient_code", pa.string()),
        ("recipient_entity", pa.string()),
        ("recipient_country", pa.string()),
        ("location", pa.string()),
        ("location_country", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("reported_by", pa.string()),
        ("sentence", pa.int32()),
        ("trigger", pa.string()),
        ("source", pa.string()),
        ("url", pa.string()),
        ("lang", pa.string()),
        ("tone", pa.float64()),
        ("partition", pa.string()),
    ]
)

ERRORS = pa.schema(
    [
        ("input", pa.string()),
        ("line", pa.int32()),
        ("code", pa.string()),
        ("message", pa.string()),
        ("partition", pa.string()),
        ("position", pa.int32()),
    ]
)

# "path:line 3", "feed.xml:entry 2", "list.json:item 4", "file.parquet:row 7": the readers' source forms.
WHERE = re.compile(r"^(?P<input>.*):(?:line|entry|item|row) (?P<line>\d+)$")
JOIN = "; "


def document_row(doc: Document, *, input: str, partition: str, position: int) -> dict:
    return {
        "id": doc.id,
        "date": doc.date,
        "title": doc.title,
        "lang": doc.lang,
        "url": doc.url,
        "source": source_of(doc.url, doc.id),
        "input": input,
        "sentences": len(doc.sentences),
        "entities": len(doc.entities),
        "events": len(doc.events),
        "tone": doc.tone,
        "text": doc.text,
        "record": record_json(doc),
        "partition": partition,
        "position": position,
    }


def event_rows(doc: Document, *, partition: str) -> list[dict]:
    """One flat row per event the article reports; ids match the store's for an article's own events."""
    rows = []
    source = source_of(doc.url, doc.id)
    for ordinal, event in enumerate(doc.events):
        date, precision = effective_date(event, doc)
        location = event.location
        rows.append(
            {
                "event_id": event_id(doc.id, ordinal),
                "article_id": doc.id,
                "ordinal": ordinal,
                "date": date,
                "date_precision": precision,
                "article_date": doc.date,
                "type": event.type,
                "mode": event.mode,
                "context": ";".join(event.context),
                "modality": event.modality,
                "cameo": event.cameo,
                "goldstein": event.goldstein,
                "quad_class": event.quad_class,
                **_side("actor", event.actor),
                **_side("recipient", event.recipient),
                "location": location.name if location else None,
                "location_country": location.country if location else None,
                "lat": location.lat if location else None,
                "lon": location.lon if location else None,
                "reported_by": JOIN.join(p.name for p in event.reported_by) or None,
                "sentence": event.sentence,
                "trigger": event.trigger.text,
                "source": source,
                "url": doc.url,
                "lang": doc.lang,
                "tone": doc.tone,
                "partition": partition,
            }
        )
    return rows


def _side(role: str, participants: list[Participant]) -> dict:
    return {
        role: JOIN.join(p.name for p in participants),
        f"{role}_code": JOIN.join(actor_code(p.country, p.sector) for p in participants),
        f"{role}_entity": JOIN.join(p.entity or "" for p in participants),
        f"{role}_country": JOIN.join(p.country or "" for p in participants),
    }


def error_row(code: str, source: str, message: str, *, partition: str, position: int) -> dict:
    where = WHERE.match(source)
    return {
        "input": where.group("input") if where else source,
        "line": int(where.group("line")) if where else None,
        "code": code,
        "message": message,
        "partition": partition,
        "position": position,
    }


def table(rows: list[dict], schema: pa.Schema) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=schema)

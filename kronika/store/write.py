"""One document record into the store's tables, with cross-article event deduplication.

The same event reported by several articles (same type, same actor and recipient lists, dates within a
day) becomes one row of ``events`` with GDELT's counts; every report keeps its own row in
``event_reports`` with the article, sentence, trigger, modality and cited source it came from. Every amount
becomes a row of ``claims`` with its claimant, story and the stored event of its sentence (``tied_event``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
from bisect import bisect_right
from datetime import date as Date
from datetime import datetime, timezone
from urllib.parse import urlsplit

from kronika.record import RECORD_ORDER, Amount, Document, Event, Mention, Participant, date_precision
from kronika.store import sql

ROLES = ("actor", "recipient")


def now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def source_of(url: str | None, article_id: str) -> str:
    """The outlet an article comes from (its URL's host), for NumSources; without a URL, the article itself."""
    if url:
        try:
            host = urlsplit(url).hostname or ""
        except ValueError:
            host = ""  # a malformed URL ("http://[bad/") names no outlet; it must not stop the ingest
        host = host.removeprefix("www.")
        if host:
            return host
    return f"article:{article_id}"


def lemma_text(doc: Document) -> str:
    """The article's token lemmas (or forms, where no lemma was set), lower-cased, for the FTS5 index."""
    return " ".join((t.lemma or t.text).lower() for t in doc.tokens)


def actor_key(participant: Participant) -> str:
    """A participant's identity: its entity id, else its name (case-folded) with its country."""
    if participant.entity:
        return participant.entity
    return f"name:{participant.name.casefold()}|{participant.country or ''}"


def side_key(participants: list[Participant]) -> str:
    return "+".join(sorted({actor_key(p) for p in participants}))


def julian_day(value: str | None) -> int | None:
    """The day number of a full ISO date ("2025-09-04"); None for "2025-09", "2025" or nothing."""
    if not value or len(value) < 10:
        return None
    try:
        return Date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def effective_date(event: Event, doc: Document) -> tuple[str | None, str | None]:
    """The event's own date, or the article's date when the event has none (as GDELT dates by the article)."""
    if event.date:
        return event.date, event.date_precision or date_precision(event.date)
    if doc.date:
        return doc.date, date_precision(doc.date)
    return None, None


def event_id(article_id: str, ordinal: int) -> str:
    """A stable event id from its first report, so the same ingest always gives the same ids."""
    return hashlib.sha256(f"{article_id}#{ordinal}".encode()).hexdigest()[:16]


def record_json(doc: Document) -> str:
    """The record as ``Document.to_dict(tokens=False)`` gives it, without ``text`` (stored in its own column).

    Nested dataclasses are written straight from their fields by the JSON encoder, which is several times
    faster than ``dataclasses.asdict`` and gives the same JSON.
    """
    fields = {key: getattr(doc, key) for key in RECORD_ORDER if key not in ("text", "tokens")}
    return json.dumps(fields, ensure_ascii=False, default=_fields)


def _fields(value):
    if dataclasses.is_dataclass(value):
        return value.__dict__
    raise TypeError(f"{type(value).__name__} is not part of the document record")


@dataclasses.dataclass(frozen=True)
class ArticleColumns:
    """What an article's row and its search row hold that is made from the record's tokens and fields: the
    record's JSON, and the lemma text (None without tokens: no search row). A function of the record alone, so
    an ingest worker makes it beside the analysis and the record travels to the writer without its tokens."""

    record: str
    lemmas: str | None


def article_columns(doc: Document) -> ArticleColumns:
    return ArticleColumns(record_json(doc), lemma_text(doc) if doc.tokens else None)


def add_document(
    connection: sqlite3.Connection, doc: Document, prepared=None, stories=None, columns: ArticleColumns | None = None
) -> bool:
    """Insert one record (inside the caller's transaction); False when its article id is already stored.

    With a story hook (``kronika.store.store.StoryHook``) and what it ``prepared`` for this article, the
    article also joins or starts a story, and its events join that story. ``columns``: what
    ``article_columns`` made of the record elsewhere (before its tokens were dropped)."""
    source = source_of(doc.url, doc.id)
    columns = columns or article_columns(doc)
    cursor = connection.execute(
        sql.INSERT_ARTICLE,
        {
            "id": doc.id,
            "url": doc.url,
            "source": source,
            "date": doc.date,
            "lang": doc.lang,
            "title": doc.title,
            "tone": doc.tone,
            "text": doc.text,
            "record": columns.record,
            "added_at": now(),
        },
    )
    if cursor.rowcount == 0:
        return False
    article = cursor.lastrowid
    story = None
    if stories is not None and prepared is not None:
        story = stories.assign(connection, doc, article, prepared, source=source, now=now())
    if columns.lemmas is not None:
        connection.execute(sql.INSERT_ARTICLE_LEMMAS, (article, columns.lemmas))
    _add_findings(connection, doc, article)
    stored_events = {
        ordinal: _add_event(connection, doc, article, source, ordinal, event)
        for ordinal, event in enumerate(doc.events)
    }
    touched = set(stored_events.values())
    connection.executemany(sql.UPDATE_EVENT_COUNTS, [{"pk": pk} for pk in touched])
    connection.executemany(sql.INSERT_CLAIM, claim_rows(doc, article, story, stored_events))
    if story is not None:
        stories.link(connection, story, touched, doc.lang)
    return True


def _add_findings(connection: sqlite3.Connection, doc: Document, article: int) -> None:
    """The record's entities, mentions, timexes, quotes and amounts, as rows of the article ``article``."""
    # One statement per table, not per row: each table still gets its rows in the same order (the same
    # rowids, and the triggers on mentions read only the same entity's rows).
    entities = doc.entities
    connection.executemany(sql.UPSERT_ENTITY, [(e.id, e.name, e.type, e.country, e.sector) for e in entities])
    connection.executemany(sql.INSERT_ARTICLE_ENTITY, [(article, e.id) for e in entities])
    connection.executemany(
        sql.INSERT_MENTION, [(article, e.id, m.start, m.end, m.text) for e in entities for m in e.mentions]
    )
    connection.executemany(
        sql.INSERT_TIMEX, [(article, t.start, t.end, t.text, t.type, t.value, t.anchor) for t in doc.timexes]
    )
    connection.executemany(
        sql.INSERT_QUOTE,
        [
            (
                article,
                q.start,
                q.end,
                q.text,
                q.speaker.entity if q.speaker else None,
                q.speaker.name if q.speaker else None,
                q.verb,
            )
            for q in doc.quotes
        ],
    )
    connection.executemany(
        sql.INSERT_AMOUNT,
        [
            (
                article,
                a.start,
                a.end,
                a.text,
                a.value,
                int(a.approximate),
                a.object,
                a.category,
                a.claimant.entity if a.claimant else None,
                a.claimant.name if a.claimant else None,
            )
            for a in doc.amounts
        ],
    )


def sentence_of(sentences: list[tuple[int, int]], offset: int) -> int | None:
    """The index of the sentence holding ``offset``; None outside every sentence (or without sentences)."""
    index = bisect_right([start for start, _ in sentences], offset) - 1
    if index >= 0 and offset < sentences[index][1]:
        return index
    return None


def tied_event(doc: Document, amount: Amount) -> int | None:
    """The index (in ``doc.events``) of the event an amount is a figure of, or None.

    An amount belongs to an event coded in the same sentence: that sentence is what the coder read the event
    from, and a figure beside its trigger is the event's toll or size ("w ostrzale zginęło 12 osób"). With
    several events in the sentence the one whose trigger stands nearest the figure (in characters, either
    side) wins, the earlier on a tie. A figure in a sentence without an event is tied to none: the sentence
    before may be about the same attack or about something else, and a wrong tie would put a number on an
    event nobody counted.
    """
    sentence = sentence_of(doc.sentences, amount.start)
    if sentence is None:
        return None
    candidates = [
        (_gap(event.trigger, amount), ordinal) for ordinal, event in enumerate(doc.events) if event.sentence == sentence
    ]
    return min(candidates)[1] if candidates else None


def _gap(trigger: Mention, amount: Amount) -> int:
    return max(trigger.start - amount.end, amount.start - trigger.end, 0)


def claim_rows(doc: Document, article: int, story: int | None, stored_events: dict[int, int]) -> list[dict]:
    """The ``claims`` rows of a record's amounts; ``stored_events`` maps an event's index in the record to the
    stored (deduplicated) event it became."""
    rows = []
    for ordinal, amount in enumerate(doc.amounts):
        claimant = amount.claimant
        event = tied_event(doc, amount)
        rows.append(
            {
                "article": article,
                "ordinal": ordinal,
                "story": story,
                "event": stored_events.get(event) if event is not None else None,
                "date": doc.date,
                "category": amount.category,
                "unit": amount.object,
                "value": amount.value,
                "approximate": int(bool(amount.approximate)),
                "text": amount.text,
                "start": amount.start,
                "end": amount.end,
                "claimant": actor_key(claimant) if claimant else None,
                "claimant_entity": claimant.entity if claimant else None,
                "claimant_name": claimant.name if claimant else None,
                "claimant_country": claimant.country if claimant else None,
            }
        )
    return rows


def _add_event(
    connection: sqlite3.Connection, doc: Document, article: int, source: str, ordinal: int, event: Event
) -> int:
    date, precision = effective_date(event, doc)
    day = julian_day(date) if precision == "day" else None
    keys = {
        "type": event.type,
        "actor_key": side_key(event.actor),
        "recipient_key": side_key(event.recipient),
        "modality": event.modality or "asserted",
    }
    if day is not None:
        row = connection.execute(sql.MATCH_EVENT_BY_DAY, {**keys, "day": day}).fetchone()
    elif date is not None:
        row = connection.execute(
            sql.MATCH_EVENT_BY_DATE, {**keys, "date": date, "date_precision": precision}
        ).fetchone()
    else:
        row = None  # an undated event matches nothing: "within a day" cannot be judged
    pk = row[0] if row else _new_event(connection, doc, ordinal, event, keys, date, precision, day)
    connection.execute(
        sql.INSERT_REPORT,
        {
            "event": pk,
            "article": article,
            "ordinal": ordinal,
            "source": source,
            "sentence": event.sentence,
            "trigger_start": event.trigger.start,
            "trigger_end": event.trigger.end,
            "trigger_text": event.trigger.text,
            "modality": event.modality,
            "mode": event.mode,
            "context": json.dumps(event.context, ensure_ascii=False),
            "date": event.date,
            "date_precision": event.date_precision,
            "reported_by": json.dumps(event.reported_by, ensure_ascii=False, default=_fields),
        },
    )
    if row:
        _recode(connection, pk, event)
    return pk


def _recode(connection: sqlite3.Connection, pk: int, event: Event) -> None:
    """Give a matched event the coding (mode, contexts, CAMEO, Goldstein, QuadClass) of the mode most of its
    reports give, not of whichever report came first: one outlet's "phoned" against three "visited" is a
    visit, and a first report with no mode does not leave the event without one once others give it. The
    five fields come from one report, since the codebook derives them together from its CAMEO code; only
    this report can have changed the majority, so when it did, its coding is the majority's."""
    winner = connection.execute(sql.MAJORITY_MODE, {"pk": pk}).fetchone()
    current = connection.execute("SELECT mode FROM events WHERE pk = ?", (pk,)).fetchone()[0]
    if winner is None or winner[0] == current or winner[0] != event.mode:
        return
    coding = {
        "pk": pk,
        "mode": event.mode,
        "context": json.dumps(event.context, ensure_ascii=False),
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
    }
    connection.execute(sql.RECODE_EVENT, coding)
    connection.execute(sql.RECODE_DYADS, coding)


def _new_event(
    connection: sqlite3.Connection,
    doc: Document,
    ordinal: int,
    event: Event,
    keys: dict,
    date: str | None,
    precision: str | None,
    day: int | None,
) -> int:
    location = event.location
    pk = connection.execute(
        sql.INSERT_EVENT,
        {
            **keys,
            "id": event_id(doc.id, ordinal),
            "mode": event.mode,
            "context": json.dumps(event.context, ensure_ascii=False),
            "cameo": event.cameo,
            "goldstein": event.goldstein,
            "quad_class": event.quad_class,
            "date": date,
            "date_precision": precision,
            "day": day,
            "location_name": location.name if location else None,
            "location_country": location.country if location else None,
            "lat": location.lat if location else None,
            "lon": location.lon if location else None,
            "added_at": now(),
        },
    ).lastrowid
    # An actor counts once per event, with every role it has in it (a party can be on both sides).
    roles_of: dict[str, tuple[Participant, set[str]]] = {}
    rows = []
    for role, participants in zip(ROLES, (event.actor, event.recipient)):
        for position, p in enumerate(participants):
            key = actor_key(p)
            rows.append((pk, role, position, key, p.entity, p.name, p.country, p.sector, date))
            roles_of.setdefault(key, (p, set()))[1].add(role)
    connection.executemany(sql.INSERT_PARTICIPANT, rows)
    asserted = int(keys["modality"] == "asserted")
    connection.executemany(
        sql.UPSERT_ACTOR,
        [
            {
                "key": key,
                "entity": p.entity,
                "name": p.name,
                "country": p.country,
                "sector": p.sector,
                "as_actor": int("actor" in roles),
                "as_recipient": int("recipient" in roles),
                "date": date,
                "asserted": asserted,
            }
            for key, (p, roles) in roles_of.items()
        ],
    )
    if date is not None:
        sources = {p.country for p in event.actor if p.country}
        targets = {p.country for p in event.recipient if p.country}
        connection.executemany(
            sql.INSERT_DYAD,
            [(a, b, date, pk, event.goldstein, event.quad_class) for a in sorted(sources) for b in sorted(targets)],
        )
    return pk

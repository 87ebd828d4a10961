"""Claims: who says how many. Every amount of every stored record is a row of ``claims`` (written with its
record by ``write.claim_rows``); this module reads them back grouped by what is claimed, each source with
the figures it gave and the articles it gave them in:

    killed · ASSAULT Russia -> Ukraine 2025-06-10
      Ukraine's emergency service: 14 (a1 2025-06-10), 17 (a3 2025-06-11)
      Ministry of Defence (RUS): 0 (a2 2025-06-10)

What is claimed is the stored event the figure is tied to (or none) with the figure's category; a figure
without a category is grouped by the noun it counts. A source is the claimant (a participant, by the key
``actors`` uses) or, for a figure the article states without attribution, the outlet that printed it.
Sources and figures come in the order they first appeared (article date, then position), so a source that
revised its figure shows the old one first.

``backfill`` fills the table from records stored before migration 4 created it.
"""

from __future__ import annotations

import json
import logging
import math
import sqlite3

from kronika.errors import KronikaError
from kronika.record import Document
from kronika.store import sql
from kronika.store.write import claim_rows

log = logging.getLogger(__name__)

CLAIM_FIELDS = [
    "category",
    "unit",
    "value",
    "approximate",
    "text",
    "claimant",
    "claimant_entity",
    "claimant_name",
    "claimant_country",
    "event",
    "article",
    "date",
    "title",
    "source",
    "start",
    "end",
]
EVENT_SUMMARY = ["id", "type", "date", "actor", "actor_code", "recipient", "recipient_code"]
FLAT_COLUMNS = [
    "category",
    "unit",
    "event",
    "event_type",
    "source",
    "claimant_entity",
    "value",
    "approximate",
    "text",
    "article",
    "date",
]
BACKFILL_PAGE = 500


def backfill(connection: sqlite3.Connection) -> int:
    """Claims of every stored article with amounts (inside migration 4's transaction); returns rows written."""
    after, written = 0, 0
    while True:
        page = connection.execute(sql.ARTICLES_WITH_AMOUNTS, {"after": after, "limit": BACKFILL_PAGE}).fetchall()
        if not page:
            return written
        for pk, _, record, story in page:
            after = pk
            doc = _stored_document(pk, record)
            if doc is None:
                continue
            stored_events = dict(connection.execute(sql.REPORTED_EVENTS, (pk,)).fetchall())
            rows = claim_rows(doc, pk, story, stored_events)
            connection.executemany(sql.INSERT_CLAIM, rows)
            written += len(rows)


def _stored_document(pk: int, record: str) -> Document | None:
    """A stored record as a Document (its text is not needed: a claim keeps its own text and offsets).

    A record this version cannot read (a field an older writer named otherwise) keeps its article and
    everything else; it only gets no claims, and the upgrade goes on rather than leave the file unopenable.
    """
    try:
        return Document.from_dict({**json.loads(record), "text": ""})
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        log.warning("article %s: stored record not read for claims (%s: %s)", pk, type(error).__name__, error)
        return None


def claims(
    connection: sqlite3.Connection,
    *,
    story: str | None = None,
    event: str | None = None,
    article: str | None = None,
    category: str | None = None,
) -> list[dict] | None:
    """The claims of one story, event or article (several narrow each other), of one ``category`` if given,
    grouped by what is claimed (see the module docstring); None when a story, event or article named is not
    in the store."""
    keys = {"story": story, "event": event, "article": article}
    given = {name: value.strip() for name, value in keys.items() if value is not None and value.strip()}
    if not given:
        raise KronikaError(
            "E506",
            "claims: give a story, an event or an article (--story, --event, --article); "
            "a category is read within one of them",
        )
    if any(
        connection.execute(sql.CLAIM_KEY_EXISTS[name], (value,)).fetchone() is None for name, value in given.items()
    ):
        return None
    if category is not None and category.strip():
        given["category"] = category.strip().lower()
    conditions = "\n  ".join(sql.CLAIM_CONDITIONS[name] for name in given)
    rows = connection.execute(sql.CLAIMS.format(conditions=conditions), given).fetchall()
    return group(connection, [dict(zip(CLAIM_FIELDS, row)) for row in rows])


def article_claims(connection: sqlite3.Connection, article_id: str) -> list[dict]:
    """What an article claims, beside what the other articles of its story claim about the same things: the
    story's groups in which the article has a figure (its own claims alone when it is in no story)."""
    story = connection.execute(sql.STORY_OF_ARTICLE, (article_id,)).fetchone()
    if story is None:
        return claims(connection, article=article_id) or []
    return [
        found
        for found in claims(connection, story=story[0]) or []
        if any(a["id"] == article_id for s in found["sources"] for v in s["values"] for a in v["articles"])
    ]


def group(connection: sqlite3.Connection, rows: list[dict]) -> list[dict]:
    """Claim rows (oldest first) as groups of what is claimed -> sources -> figures -> articles."""
    events = _event_summaries(connection, sorted({row["event"] for row in rows if row["event"] is not None}))
    groups: dict[tuple, dict] = {}
    for row in rows:
        what = (row["event"], row["category"], None if row["category"] else row["unit"])
        found = groups.setdefault(
            what, {"category": row["category"], "unit": what[2], "event": events.get(row["event"]), "sources": {}}
        )
        source = found["sources"].setdefault(
            row["claimant"] or f"outlet:{row['source']}",
            {
                "claimant": None
                if row["claimant"] is None
                else {
                    "key": row["claimant"],
                    "entity": row["claimant_entity"],
                    "name": row["claimant_name"],
                    "country": row["claimant_country"],
                },
                "outlet": None if row["claimant"] else row["source"],
                "values": {},
            },
        )
        # A vague figure ("tysiące osób", no value) is told apart from another by its words.
        figure = source["values"].setdefault(
            (row["value"], None if row["value"] is not None else row["text"]),
            {"value": row["value"], "approximate": False, "text": row["text"], "unit": row["unit"], "articles": []},
        )
        figure["approximate"] |= bool(row["approximate"])  # one hedged report makes the figure approximate
        if all(a["id"] != row["article"] for a in figure["articles"]):
            figure["articles"].append(
                {
                    "id": row["article"],
                    "date": row["date"],
                    "title": row["title"],
                    "source": row["source"],
                    "text": row["text"],
                    "start": row["start"],
                    "end": row["end"],
                }
            )
    return [
        {
            **found,
            "sources": [{**source, "values": list(source["values"].values())} for source in found["sources"].values()],
        }
        for found in groups.values()
    ]


def _event_summaries(connection: sqlite3.Connection, pks: list[int]) -> dict[int, dict]:
    from kronika.store.queries import describe_events

    found = {}
    for start in range(0, len(pks), 500):
        chunk = pks[start : start + 500]
        rows = connection.execute(sql.EVENTS_BY_PK.format(marks=sql.placeholders(len(chunk))), chunk).fetchall()
        for pk, row in zip((r[0] for r in rows), describe_events(connection, rows).to_dict("records")):
            found[pk] = {key: row[key] for key in EVENT_SUMMARY}
    return found


# --- shown as text -----------------------------------------------------------------------------------


def figure_text(figure: dict) -> str:
    """A figure as people write it: "~2,000", "2.5", or the words of a vague one ("tysiące osób")."""
    value = figure["value"]
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return figure["text"]
    shown = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")
    return ("~" if figure["approximate"] else "") + shown


def source_name(source: dict) -> str:
    """Who gives a figure: the claimant with its country, or the outlet that printed it unattributed."""
    claimant = source["claimant"]
    if claimant is None:
        outlet = source["outlet"]
        # An article without a URL is its own source (write.source_of): say so rather than show the key.
        return "the article itself" if outlet.startswith("article:") else f"{outlet} (unattributed)"
    return claimant["name"] + (f" ({claimant['country']})" if claimant["country"] else "")


def what_is_claimed(found: dict) -> str:
    """A group's heading: the category (or counted noun) and the event it belongs to."""
    what = found["category"] or found["unit"] or "amount"
    event = found["event"]
    if event is None:
        return what
    sides = " -> ".join(side for side in (event["actor"], event["recipient"]) if side)
    return " ".join(part for part in (what, "·", event["type"], sides, event["date"] or "") if part).strip()


def lines(groups: list[dict]) -> list[str]:
    """Groups as indented text, one source a line, as `kronika claims` prints them."""
    out = []
    for found in groups:
        out.append(what_is_claimed(found))
        for source in found["sources"]:
            figures = ", ".join(f"{figure_text(v)} ({_where(v['articles'])})" for v in source["values"])
            out.append(f"  {source_name(source)}: {figures}")
    return out


def _where(articles: list[dict]) -> str:
    return "; ".join(f"{a['id']} {a['date'] or 'undated'}" for a in articles)


def flat(groups: list[dict]) -> list[dict]:
    """One row per figure and article, for CSV: what, event, source, value, article, date."""
    return [
        {
            "category": found["category"],
            "unit": figure["unit"],
            "event": found["event"]["id"] if found["event"] else None,
            "event_type": found["event"]["type"] if found["event"] else None,
            "source": source_name(source),
            "claimant_entity": (source["claimant"] or {}).get("entity"),
            "value": figure["value"],
            "approximate": figure["approximate"],
            "text": a["text"],
            "article": a["id"],
            "date": a["date"],
        }
        for found in groups
        for source in found["sources"]
        for figure in source["values"]
        for a in figure["articles"]
    ]

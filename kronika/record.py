"""The document record (docs/CONTRACT.md) as dataclasses, with JSON in and out.

Every stage reads and extends one ``Document``; nothing else flows between stages.
Offsets are code-point indices into ``Document.text``, end exclusive.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any

SCHEMA_VERSION = 1
RECORD_ORDER = (
    "schema",
    "id",
    "url",
    "date",
    "lang",
    "title",
    "text",
    "sentences",
    "tokens",
    "mentions",
    "entities",
    "timexes",
    "events",
    "quotes",
    "amounts",
    "tone",
)


@dataclass
class Token:
    start: int
    end: int
    text: str
    lemma: str | None = None
    tag: str | None = None
    head: int | None = None  # index in ``Document.tokens`` of the syntactic head; None for a sentence root
    dep: str | None = None  # the Universal Dependencies relation to the head ("nsubj", "obj", "root", ...)


@dataclass
class Mention:
    start: int
    end: int
    text: str


@dataclass
class NameMention:
    """A name found in the text before linking: what the entity stage groups into ``Entity`` records."""

    start: int
    end: int
    text: str
    type: str  # PER | ORG | GPE | LOC | MISC
    lemma: str | None = None  # base form: "Korei Północnej" -> "Korea Północna"
    source: str = "model"  # model | gazetteer | morphology: which detector found it


@dataclass
class Entity:
    id: str
    name: str
    type: str
    country: str | None = None
    sector: str | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str | None
    anchor: str | None = None


@dataclass
class Participant:
    entity: str | None
    name: str
    country: str | None = None
    sector: str | None = None


@dataclass
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass
class Event:
    type: str
    trigger: Mention
    sentence: int
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    actor: list[Participant] = field(default_factory=list)
    recipient: list[Participant] = field(default_factory=list)
    cameo: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    date: str | None = None
    date_precision: str | None = None
    location: Location | None = None
    reported_by: list[Participant] = field(default_factory=list)
    modality: str = "asserted"


@dataclass
class Quote:
    start: int
    end: int
    text: str
    speaker: Participant | None = None
    verb: str | None = None


@dataclass
class Amount:
    start: int
    end: int
    text: str
    value: float | None
    approximate: bool = False
    object: str | None = None
    category: str | None = None
    claimant: Participant | None = None


def date_precision(value: str | None) -> str | None:
    """ "day", "month" or "year" for an ISO date "2025-09-04", "2025-09" or "2025"; None otherwise."""
    return {10: "day", 7: "month", 4: "year"}.get(len(value or ""))


def day_number(value: str | None) -> int | None:
    try:
        return Date.fromisoformat(value).toordinal() if value and len(value) == 10 else None
    except ValueError:
        return None


def date_interval(value: str | None) -> tuple[int, int] | None:
    """The first and last day an ISO date can mean: a day, a month, or (too coarse to help) nothing."""
    if not value:
        return None
    if len(value) > 10 and value[10] in "T ":
        value = value[:10]  # a timestamp ("2016-11-26T08:31:00Z"): its day
    if len(value) == 10:
        day = day_number(value)
        return (day, day) if day is not None else None
    if len(value) == 7:
        try:
            year, month = int(value[:4]), int(value[5:7])
            first = Date(year, month, 1).toordinal()
            last = (Date(year + month // 12, month % 12 + 1, 1)).toordinal() - 1
        except ValueError:
            return None
        return first, last
    return None


def content_id(text: str) -> str:
    """A stable article id from its text, so re-reading the same article gives the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# Values a record holds that dataclasses.asdict would hand back as they are (its deep copy of them is themselves).
_ATOMIC = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _plain(value: Any) -> Any:
    """``dataclasses.asdict`` for the record's values, without its deep copy of every string and number: the
    same dicts, lists and tuples (a copy of each), at a fraction of the cost (about 8 ms of an article's 60 in
    ``kronika analyze --parse`` went to asdict)."""
    kind = type(value)
    if kind in _ATOMIC:
        return value
    if kind is list:
        return [v if type(v) in _ATOMIC else _plain(v) for v in value]
    if kind is tuple:
        return tuple(v if type(v) in _ATOMIC else _plain(v) for v in value)
    names = _FIELD_NAMES.get(kind)
    if names is None:
        if not dataclasses.is_dataclass(value) or isinstance(value, type):
            return dataclasses.asdict(_Box(value))["value"]  # anything else: asdict's own answer
        names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(value))
    out = {}
    for name in names:
        v = getattr(value, name)
        out[name] = v if type(v) in _ATOMIC else _plain(v)
    return out


@dataclass
class _Box:
    value: Any


@dataclass
class Document:
    text: str
    id: str = ""
    url: str | None = None
    date: str | None = None
    lang: str | None = "pl"
    title: str | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[NameMention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    tone: float | None = None
    schema: int = SCHEMA_VERSION

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text)

    def to_dict(self, *, tokens: bool = True) -> dict[str, Any]:
        fields = _plain(self)
        fields["sentences"] = [list(span) for span in self.sentences]
        # The contract's order, so a record reads top-down: metadata, text, then what stages found.
        return {key: fields[key] for key in RECORD_ORDER if tokens or key != "tokens"}

    def to_json(self, *, tokens: bool = True) -> str:
        return json.dumps(self.to_dict(tokens=tokens), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        def participant(d: dict | None) -> Participant | None:
            return Participant(**d) if d else None

        def participants(items: list[dict] | None) -> list[Participant]:
            return [Participant(**d) for d in items or []]

        events = []
        for e in data.get("events") or []:
            e = dict(e)
            e["trigger"] = Mention(**e["trigger"])
            e["actor"] = participants(e.get("actor"))
            e["recipient"] = participants(e.get("recipient"))
            e["reported_by"] = participants(e.get("reported_by"))
            e["location"] = Location(**e["location"]) if e.get("location") else None
            events.append(Event(**e))
        quotes = []
        for q in data.get("quotes") or []:
            q = dict(q)
            q["speaker"] = participant(q.get("speaker"))
            quotes.append(Quote(**q))
        amounts = []
        for a in data.get("amounts") or []:
            a = dict(a)
            a["claimant"] = participant(a.get("claimant"))
            amounts.append(Amount(**a))
        return cls(
            text=data["text"],
            id=data.get("id") or "",
            url=data.get("url"),
            date=data.get("date"),
            lang=data.get("lang"),
            title=data.get("title"),
            sentences=[tuple(s) for s in data.get("sentences") or []],
            tokens=[Token(**t) for t in data.get("tokens") or []],
            mentions=[NameMention(**m) for m in data.get("mentions") or []],
            entities=[
                Entity(**{**e, "mentions": [Mention(**m) for m in e.get("mentions") or []]})
                for e in data.get("entities") or []
            ],
            timexes=[Timex(**t) for t in data.get("timexes") or []],
            events=events,
            quotes=quotes,
            amounts=amounts,
            tone=data.get("tone"),
            schema=data.get("schema", SCHEMA_VERSION),
        )

    @classmethod
    def from_json(cls, line: str) -> Document:
        return cls.from_dict(json.loads(line))

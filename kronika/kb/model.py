"""The knowledge base's records: entries (people, organisations, places) and the offices people hold.

An entry is stored as one JSON object a line in ``kronika/kb/data/*.jsonl``; empty fields are left out of
the file and come back as empty tuples or ``None``. Dates are ISO 8601 strings, possibly partial
("2025-03", "2025") when the day is not known; comparisons pad them so that a partial start covers the
whole month or year from its first day and a partial end up to its last day.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

TYPES = ("PER", "ORG", "GPE", "LOC")

# Roles that ``KnowledgeBase.holder`` answers for. PETRARCH2 offices carry no role, only a sector, and are
# stored with the generic role "official".
ROLES = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister", "official")

# The CAMEO sector for people who held an office and no longer do (CAMEO's "elites"): PETRARCH2 gives
# former office-holders this code as their default, e.g. Putin is RUSELI before 1999.
FORMER_OFFICE_SECTOR = "ELI"


def date_floor(value: str) -> str:
    """The first day a (possibly partial) ISO date can mean, as a sortable string."""
    return value + "-00" * (2 - value.count("-"))


def date_ceiling(value: str) -> str:
    """The last day a (possibly partial) ISO date can mean, as a sortable string ("99" sorts after any day)."""
    return value + "-99" * (2 - value.count("-"))


@dataclass(frozen=True)
class Office:
    role: str
    country: str | None
    start: str | None = None  # None: since an unknown date
    end: str | None = None  # None: still held (as of ``known_until`` when that is set)
    sector: str = "GOV"
    # For an open-ended office taken from a dated source (PETRARCH2's 2014 dictionaries): the last date the
    # source vouches for. Past it the office is unknown, not current, so a 2014 minister is not a 2025 one.
    known_until: str | None = None

    def held_on(self, date: str) -> bool:
        day = date_floor(date)
        if self.start is not None and day < date_floor(self.start):
            return False
        if self.end is not None:
            # An office ends on the day the successor takes over: the end date belongs to the successor.
            return day < date_floor(self.end) if len(self.end) == 10 else day <= date_ceiling(self.end)
        if self.known_until is not None:
            return day <= date_ceiling(self.known_until)
        return True

    def to_json(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None}


@dataclass(frozen=True)
class Entry:
    id: str  # Wikidata QID when certain, else "kronika:<slug>"
    name: str  # English Wikipedia title
    type: str  # PER | ORG | GPE | LOC
    country: str | None = None  # ISO 3166-1 alpha-3; None for international bodies
    sector: str | None = None  # CAMEO/PLOVER sector: GOV, MIL, IGO, MED, REB, ...
    aliases_pl: tuple[str, ...] = ()  # base (nominative) forms
    aliases_en: tuple[str, ...] = ()
    # Inflected forms of single-word Polish aliases (Morfeusz-generated), kept apart from the base aliases so a
    # caller can tell a lemma hit from a surface-form hit.
    forms_pl: tuple[str, ...] = ()
    # Polish adjective and inhabitant forms of a state: not mentions of the state, but usable by a linker.
    adjectives_pl: tuple[str, ...] = ()
    inhabitants_pl: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    capital: str | None = None  # id of the capital city, for states
    parent: str | None = None  # id of the containing entity (a city's state, a body's organisation)
    population: int | None = None
    offices: tuple[Office, ...] = ()
    source: str = ""  # where the entry comes from (curated, mledoze, geonames, petrarch2, ...)
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def from_json(cls, obj: dict) -> Entry:
        data = dict(obj)
        for key in ("aliases_pl", "aliases_en", "forms_pl", "adjectives_pl", "inhabitants_pl"):
            data[key] = tuple(data.get(key, ()))
        data["offices"] = tuple(Office(**office) for office in data.get("offices", ()))
        return cls(**data)

    def to_json(self) -> dict:
        out: dict = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value in (None, (), "", {}):
                continue
            if f.name == "offices":
                value = [office.to_json() for office in value]
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name] = value
        return out

"""The knowledge base's records: entries (people, organisations, places) and the offices people hold.

An entry is stored as one JSON object a line in ``kronika/kb/data/*.jsonl``; empty fields are left out of
the file and come back as empty tuples, empty dicts or ``None``. Dates are ISO 8601 strings, possibly partial
("2025-03", "2025") when the day is not known; comparisons pad them so that a partial start covers the
whole month or year from its first day and a partial end up to its last day.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

TYPES = ("PER", "ORG", "GPE", "LOC")

# Roles that ``KnowledgeBase.holder`` answers for. PETRARCH2 offices carry no role, only a sector, and are
# stored with the generic role "official".
ROLES = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister", "interior_minister", "official")

# The national bodies every state may have, which ``KnowledgeBase.body`` answers for: the role is the key a
# language pack's titles name ("MSZ", "straż przybrzeżna"), and scripts/build_kb.py makes each state's entry of
# it (``BODY_KINDS`` there, per-state titles in ``kronika/kb/sources/bodies.tsv``).
BODY_ROLES = (
    "foreign_ministry",
    "defence_ministry",
    "interior_ministry",
    "health_ministry",
    "finance_ministry",
    "justice_ministry",
    "election_commission",
    "security_council",
    "supreme_court",
    "constitutional_court",
    "parliament",
    "lower_house",
    "senate",
    "armed_forces",
    "navy",
    "air_force",
    "coast_guard",
    "national_guard",
    # Bodies the news names by a generic title and leaves the state to the context ("szef Gwardii
    # Prezydenckiej" in news from Niger, "Prokuratura Federalna" in news from Germany).
    "commerce_ministry",
    "presidential_guard",
    "republican_guard",
    "communist_party",
    "prosecutor_general",
    "federal_police",
    "general_staff",
)
# A chamber a state's parliament does not have apart from the whole: a unicameral parliament is its lower house
# ("Sejm" in news from Lithuania is the Seimas).
BODY_FALLBACK = {"lower_house": "parliament"}

# The CAMEO sector for people who held an office and no longer do (CAMEO's "elites"): PETRARCH2 gives
# former office-holders this code as their default, e.g. Putin is RUSELI before 1999.
FORMER_OFFICE_SECTOR = "ELI"

# An entry's canonical name is its English Wikipedia title; its other English names are ``aliases["en"]``.
CANONICAL_LANGUAGE = "en"
# The fields that hold values per language.
BY_LANGUAGE = ("aliases", "forms", "adjectives", "inhabitants")


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


def key_by_language(values: dict) -> dict:
    """Moves values named per language ("aliases_pl", the source tables' columns and the earlier file layout)
    into the keyed fields ({"aliases": {"pl": ...}}), in place; empty ones are dropped."""
    for name in [name for name in values if name.split("_")[0] in BY_LANGUAGE and "_" in name]:
        key, lang = name.split("_", 1)
        found = tuple(values.pop(name))
        if found:
            values.setdefault(key, {})[lang] = found
    return values


@dataclass(frozen=True)
class Entry:
    id: str  # Wikidata QID when certain, else "kronika:<slug>"
    name: str  # English Wikipedia title
    type: str  # PER | ORG | GPE | LOC
    country: str | None = None  # ISO 3166-1 alpha-3; None for international bodies
    sector: str | None = None  # CAMEO/PLOVER sector: GOV, MIL, IGO, MED, REB, ...
    # The entry's other names, keyed by ISO 639-1 code ({"pl": ("Chiny", "ChRL"), "en": (...)}): base
    # (nominative) forms. A second language adds its key; no field is named after a language.
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    # Inflected forms of single-word aliases (Morfeusz-generated for Polish), kept apart from the base aliases
    # so a caller can tell a lemma hit from a surface-form hit.
    forms: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    # A state's adjective and inhabitant forms per language: not mentions of the state, but usable by a linker.
    adjectives: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    inhabitants: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    lat: float | None = None
    lon: float | None = None
    capital: str | None = None  # id of the capital city, for states
    parent: str | None = None  # id of the containing entity (a city's state, a body's organisation)
    population: int | None = None
    offices: tuple[Office, ...] = ()
    source: str = ""  # where the entry comes from (curated, mledoze, geonames, petrarch2, ...)
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def aliases_in(self, lang: str) -> tuple[str, ...]:
        return self.aliases.get(lang, ())

    def forms_in(self, lang: str) -> tuple[str, ...]:
        return self.forms.get(lang, ())

    def adjectives_in(self, lang: str) -> tuple[str, ...]:
        return self.adjectives.get(lang, ())

    def inhabitants_in(self, lang: str) -> tuple[str, ...]:
        return self.inhabitants.get(lang, ())

    def all_aliases(self) -> tuple[str, ...]:
        """Every language's aliases, in the order of the languages' codes."""
        return tuple(alias for lang in sorted(self.aliases) for alias in self.aliases[lang])

    def all_forms(self) -> tuple[str, ...]:
        return tuple(form for lang in sorted(self.forms) for form in self.forms[lang])

    def is_state(self) -> bool:
        """A sovereign state's entry: a place with a country code and an adjective or a capital (cities and
        regions carry the country code too)."""
        return (
            self.type == "GPE"
            and self.country is not None
            and (any(self.adjectives.values()) or self.capital is not None)
        )

    @classmethod
    def from_json(cls, obj: dict) -> Entry:
        data = dict(obj)
        for key in BY_LANGUAGE:
            data[key] = {lang: tuple(values) for lang, values in data.get(key, {}).items() if values}
        # The layout before fields were keyed by language ("aliases_pl": [...]) still reads.
        key_by_language(data)
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
            elif f.name in BY_LANGUAGE:
                value = {lang: list(values) for lang, values in sorted(value.items()) if values}
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name] = value
        return out

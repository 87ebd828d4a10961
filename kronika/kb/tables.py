"""Reading and validating the hand-curated source tables (``kronika/kb/sources/*.tsv``).

A table is UTF-8 TSV: ``#`` lines are comments (the header comment names where the facts come from), the
first other line names the columns, and a cell holding several values separates them with ``|``. Every
problem is reported as ``file:line: problem`` so a broken row can be found and fixed; ``scripts/build_kb.py``
stops with a non-zero exit when any table has one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from kronika.kb.model import BODY_ROLES, ROLES, TYPES, date_floor

QID = re.compile(r"Q[1-9]\d*")
LOCAL_ID = re.compile(r"kronika:[a-z0-9][a-z0-9-]*")
ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
SECTOR = re.compile(r"[A-Z]{3}")

# Codes in use for states that ISO 3166-1 has not (yet) assigned: Kosovo's user-assigned code, as used by the
# EU and by mledoze/countries.
EXTRA_COUNTRIES = {"XKX": "Kosovo"}

# Per table: the columns it must have, and those that may not be empty.
SCHEMAS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "states": (("iso3", "qid", "name", "adjectives_pl", "inhabitants_pl", "aliases_pl", "aliases_en"), ("iso3",)),
    "places": (
        ("qid", "name", "type", "country", "lat", "lon", "geonameid", "aliases_pl", "aliases_en"),
        ("name", "type"),
    ),
    "organisations": (
        ("qid", "name", "type", "country", "sector", "aliases_pl", "aliases_en"),
        ("name", "type", "sector"),
    ),
    "people": (("qid", "name", "country", "sector", "aliases_pl", "aliases_en"), ("name",)),
    "offices": (("person", "role", "country", "start", "end"), ("person", "role", "country", "start")),
    "bodies": (("body", "country", "title"), ("body", "country", "title")),
}


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class Row:
    path: Path
    line: int
    cells: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.cells.get(column, "")

    def values(self, column: str) -> tuple[str, ...]:
        return tuple(v.strip() for v in self[column].split("|") if v.strip())


def known_countries() -> set[str]:
    import pycountry

    return {c.alpha_3 for c in pycountry.countries} | set(EXTRA_COUNTRIES)


def is_iso_date(value: str) -> bool:
    if not ISO_DATE.fullmatch(value):
        return False
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def read_table(path: Path, kind: str, problems: list[Problem]) -> list[Row]:
    """The rows of one source table; problems (wrong column count, bad values) go to ``problems``."""
    columns, required = SCHEMAS[kind]
    rows: list[Row] = []
    header: list[str] | None = None
    countries = known_countries()
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = [c.strip() for c in cells]
                missing = [c for c in columns if c not in header]
                if missing:
                    problems.append(Problem(path, number, f"header lacks column(s) {', '.join(missing)}"))
                    return rows
                continue
            if len(cells) > len(header):
                problems.append(
                    Problem(path, number, f"{len(cells)} cells, the header has {len(header)} (a stray tab?)")
                )
                continue
            # Empty cells at the end of a row may be left out, as editors strip trailing tabs.
            cells += [""] * (len(header) - len(cells))
            row = Row(path, number, {h: c.strip() for h, c in zip(header, cells)})
            found = _check_row(row, kind, required, countries)
            problems.extend(Problem(path, number, message) for message in found)
            if not found:
                rows.append(row)
    if header is None:
        problems.append(Problem(path, 1, "no header line"))
    return rows


def _check_row(row: Row, kind: str, required: tuple[str, ...], countries: set[str]) -> list[str]:
    found = [f"empty {column!r}" for column in required if not row[column]]
    if row["qid"] and not QID.fullmatch(row["qid"]):
        found.append(f"qid {row['qid']!r} is not a Wikidata id (Q followed by digits)")
    if row["type"] and row["type"] not in TYPES:
        found.append(f"type {row['type']!r} is not one of {', '.join(TYPES)}")
    for column in ("country", "iso3"):
        if row[column] and row[column] not in countries:
            found.append(
                f"{column} {row[column]!r} is not an ISO 3166-1 alpha-3 code "
                f"(nor one of {', '.join(sorted(EXTRA_COUNTRIES))})"
            )
    if row["sector"] and not SECTOR.fullmatch(row["sector"]):
        found.append(f"sector {row['sector']!r} is not a three-letter CAMEO code")
    if row["role"] and row["role"] not in ROLES:
        found.append(f"role {row['role']!r} is not one of {', '.join(ROLES)}")
    if row["body"] and row["body"] not in BODY_ROLES:
        found.append(f"body {row['body']!r} is not one of {', '.join(BODY_ROLES)}")
    for column in ("start", "end"):
        if row[column] and not is_iso_date(row[column]):
            found.append(f"{column} {row[column]!r} is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)")
    if is_iso_date(row["start"]) and is_iso_date(row["end"]) and date_floor(row["end"]) < date_floor(row["start"]):
        found.append(f"end {row['end']} is before start {row['start']}")
    for column, low, high in (("lat", -90, 90), ("lon", -180, 180)):
        if row[column]:
            try:
                ok = low <= float(row[column]) <= high
            except ValueError:
                ok = False
            if not ok:
                found.append(f"{column} {row[column]!r} is not a number between {low} and {high}")
    if row["geonameid"] and not row["geonameid"].isdigit():
        found.append(f"geonameid {row['geonameid']!r} is not a number")
    return found


def read_sources(directory: Path) -> tuple[dict[str, list[Row]], list[Problem]]:
    """All source tables of ``directory`` (``<kind>.tsv`` for each kind in SCHEMAS), with their problems."""
    problems: list[Problem] = []
    tables: dict[str, list[Row]] = {}
    for kind in SCHEMAS:
        path = directory / f"{kind}.tsv"
        if not path.exists():
            problems.append(Problem(path, 0, "table is missing"))
            continue
        tables[kind] = read_table(path, kind, problems)
    problems.extend(_cross_check(tables))
    return tables, problems


def _cross_check(tables: dict[str, list[Row]]) -> list[Problem]:
    """Problems across rows: duplicate ids and names, offices of people the people table lacks."""
    problems: list[Problem] = []
    seen_ids: dict[str, Row] = {}
    for kind in ("states", "places", "organisations", "people"):
        for row in tables.get(kind, ()):
            if not row["qid"]:
                continue
            if row["qid"] in seen_ids:
                first = seen_ids[row["qid"]]
                problems.append(
                    Problem(row.path, row.line, f"duplicate id {row['qid']} (first at {first.path.name}:{first.line})")
                )
            else:
                seen_ids[row["qid"]] = row
    for kind in ("states",):
        seen: dict[str, Row] = {}
        for row in tables.get(kind, ()):
            if row["iso3"] in seen:
                problems.append(Problem(row.path, row.line, f"duplicate state {row['iso3']}"))
            seen[row["iso3"]] = row
    for kind in ("places", "organisations", "people"):
        seen = {}
        for row in tables.get(kind, ()):
            key = (row["name"], row["country"])
            if key in seen:
                problems.append(
                    Problem(
                        row.path, row.line, f"duplicate {kind} row {row['name']!r} (first at line {seen[key].line})"
                    )
                )
            seen[key] = row
    seen_bodies: dict[tuple[str, str], Row] = {}
    for row in tables.get("bodies", ()):
        key = (row["body"], row["country"])
        if key in seen_bodies:
            problems.append(
                Problem(row.path, row.line, f"duplicate body {key} (first at line {seen_bodies[key].line})")
            )
        seen_bodies[key] = row
    people = {row["name"] for row in tables.get("people", ())}
    for row in tables.get("offices", ()):
        if row["person"] not in people:
            problems.append(Problem(row.path, row.line, f"person {row['person']!r} is not in people.tsv"))
    return problems

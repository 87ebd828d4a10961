"""The knowledge base: alias lookup, office-at-date, actor codes, and the source-table validator."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT
from kronika.kb import Entry, KnowledgeBase, Office, alias_key, load_kb, loose_key
from kronika.kb.tables import read_sources, read_table

FIXTURES = Path(__file__).parent / "fixtures"
SOURCES = ROOT / "kronika" / "kb" / "sources"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


# alias -> (canonical name, id or None when no QID is pinned, type, country)
LOOKUPS = [
    ("Pekin", "Beijing", "Q956", "GPE", "CHN"),
    ("Pekinie", "Beijing", "Q956", "GPE", "CHN"),
    ("Tiencin", "Tianjin", "Q11736", "GPE", "CHN"),
    ("Pjongjang", "Pyongyang", "Q18808", "GPE", "PRK"),
    ("Chinach", "China", "Q148", "GPE", "CHN"),
    ("Rosji", "Russia", "Q159", "GPE", "RUS"),
    ("Korea Północna", "North Korea", "Q423", "GPE", "PRK"),
    ("Tajwan", "Taiwan", "Q865", "GPE", "TWN"),
    ("Sinciang", "Xinjiang", "Q34800", "GPE", "CHN"),
    ("Tybet", "Tibet", None, "GPE", "CHN"),
    ("Półwysep Koreański", "Korean Peninsula", None, "LOC", None),
    ("Kim Dzong Un", "Kim Jong Un", "Q56226", "PER", "PRK"),
    ("Kim Jong-un", "Kim Jong Un", "Q56226", "PER", "PRK"),
    ("Si Jinping", "Xi Jinping", "Q15031", "PER", "CHN"),
    ("Władimir Putin", "Vladimir Putin", "Q7747", "PER", "RUS"),
    ("Wołodymyr Zełenski", "Volodymyr Zelenskyy", "Q3874799", "PER", "UKR"),
    ("Narendra Modi", "Narendra Modi", "Q1058", "PER", "IND"),
    ("Masud Pezeszkian", "Masoud Pezeshkian", None, "PER", "IRN"),
    ("Kim Dzu Ae", "Kim Ju Ae", None, "PER", "PRK"),
    ("Donald Trump", "Donald Trump", "Q22686", "PER", "USA"),
    ("ONZ", "United Nations", "Q1065", "ORG", None),
    ("SzOW", "Shanghai Cooperation Organisation", None, "ORG", None),
    ("Szanghajska Organizacja Współpracy", "Shanghai Cooperation Organisation", None, "ORG", None),
    ("NIS", "National Intelligence Service (South Korea)", None, "ORG", "KOR"),
    ("Narodowa Służba Wywiadowcza", "National Intelligence Service (South Korea)", None, "ORG", "KOR"),
    # "agencja Xinhua" is how Polish news names it; both it and the bare name are aliases.
    ("agencja Xinhua", "Xinhua News Agency", "Q204839", "ORG", "CHN"),
    ("Xinhua", "Xinhua News Agency", "Q204839", "ORG", "CHN"),
    ("agencja Reutera", "Reuters", "Q130879", "ORG", "GBR"),
    ("Jonhap", "Yonhap News Agency", None, "ORG", "KOR"),
    ("Huti", "Houthis", None, "ORG", "YEM"),
    ("Grupa Wagnera", "Wagner Group", None, "ORG", "RUS"),
    # Folding: case, dashes, dotted acronyms; then diacritics as a fallback.
    ("kim  jong–un", "Kim Jong Un", "Q56226", "PER", "PRK"),
    ("U.N.", "United Nations", "Q1065", "ORG", None),
    ("Wolodymyr Zelenski", "Volodymyr Zelenskyy", "Q3874799", "PER", "UKR"),
    ("Pjongjangu", "Pyongyang", "Q18808", "GPE", "PRK"),
    # Chambers, media, historical states and landmarks the news names.
    ("Izba Gmin", "House of Commons of the United Kingdom", None, "ORG", "GBR"),
    ("ZSRS", "Soviet Union", "Q15180", "GPE", None),
    ("Biełsat", "Belsat TV", None, "ORG", "POL"),
    ("Pałac Elizejski", "Élysée Palace", None, "LOC", "FRA"),
    ("obwód charkowski", "Kharkiv Oblast", None, "GPE", "UKR"),
    ("Beer Szewa", "Beersheba", None, "GPE", "ISR"),
    ("Janez Jansza", "Janez Janša", None, "PER", "SVN"),
    # A Polish exonym that is also a larger city's own name belongs to that city.
    ("Islamabad", "Islamabad", None, "GPE", "PAK"),
    # Capitals by their Polish names, where GeoNames had none.
    ("Wagadugu", "Ouagadougou", None, "GPE", "BFA"),
    ("Abu Zabi", "Abu Dhabi", None, "GPE", "ARE"),
    ("Addis Abeba", "Addis Ababa", None, "GPE", "ETH"),
    # Regions, seas and rivers; a river shares its Polish name with an older alias of a city, and comes first.
    ("Bawarii", "Bavaria", None, "GPE", "DEU"),
    ("Morze Azowskie", "Sea of Azov", None, "LOC", None),
    ("Cieśnina Kerczeńska", "Kerch Strait", None, "LOC", None),
    ("Dunaj", "Danube", None, "LOC", None),
    ("Bali", "Bali", None, "GPE", "IDN"),
    # Media, platforms and bodies named by their Polish names or acronyms.
    ("Komisja Wenecka", "Venice Commission", None, "ORG", None),
    ("platforma X", "Twitter", "Q918", "ORG", "USA"),
    ("NIK", "Supreme Audit Office (Poland)", None, "ORG", "POL"),
    # A Polish name the curated states table gives one state is no other's: "Kongo" is the DR Congo, which
    # CLDR gives Congo-Brazzaville; mledoze's "Wybrzeże Kości Słoniowej" for Cameroon goes too.
    ("Kongo", "Democratic Republic of the Congo", "Q974", "GPE", "COD"),
    ("Kongu", "Democratic Republic of the Congo", "Q974", "GPE", "COD"),
    ("Republika Konga", "Republic of the Congo", "Q971", "GPE", "COG"),
    ("Wybrzeże Kości Słoniowej", "Ivory Coast", None, "GPE", "CIV"),
    # Other states' police, military services and commands, and state news agencies, by their Polish names.
    ("Federalny Urząd Policji Kryminalnej", "Federal Criminal Police Office (Germany)", None, "ORG", "DEU"),
    ("US Army", "United States Army", None, "ORG", "USA"),
    ("Korpus Piechoty Morskiej USA", "United States Marine Corps", None, "ORG", "USA"),
    ("Dowództwo Wschodniego Teatru Działań", "Eastern Theater Command", None, "ORG", "CHN"),
    ("Południowy Okręg Wojskowy", "Southern Military District", None, "ORG", "RUS"),
    ("Rosgwardia", "National Guard of Russia", None, "ORG", "RUS"),
    ("agencja BiełTA", "Belarusian Telegraph Agency", None, "ORG", "BLR"),
    ("Rossija 24", "Russia-24", None, "ORG", "RUS"),
    # Airports, landmarks, pipelines and nuclear sites by their Polish names.
    ("Lotnisko Chopina", "Warsaw Chopin Airport", None, "LOC", "POL"),
    ("Pola Elizejskie", "Champs-Élysées", None, "LOC", "FRA"),
    ("Wielki Pałac Ludowy", "Great Hall of the People", None, "LOC", "CHN"),
    ("Nord Stream 2", "Nord Stream 2", None, "LOC", None),
    ("Jongbjon", "Yongbyon Nuclear Scientific Research Center", None, "LOC", "PRK"),
    # Towns of the war in Ukraine; a GeoNames city named by an older transliteration takes the Wikipedia title.
    ("Awdiejewka", "Avdiivka", None, "GPE", "UKR"),
    ("Pokrowsk", "Pokrovsk, Ukraine", None, "GPE", "UKR"),
    ("Słowiańsk", "Sloviansk", None, "GPE", "UKR"),
    ("Slovyansk", "Sloviansk", None, "GPE", "UKR"),
    ("Krzywy Róg", "Kryvyi Rih", None, "GPE", "UKR"),
    # News media at home and abroad.
    ("Global Times", "Global Times", None, "ORG", "CHN"),
    ("Dziennik Ludowy", "People's Daily", None, "ORG", "CHN"),
    ("Kanał Zero", "Kanał Zero", None, "ORG", "POL"),
    # Parties and trade unions; a dashed spelling of an acronym ("G-7") is the acronym.
    ("Gruzińskie Marzenie", "Georgian Dream", None, "ORG", "GEO"),
    ("NSZZ Solidarność", "Solidarity (Polish trade union)", None, "ORG", "POL"),
    ("G-7", "G7", None, "ORG", None),
    # Towns of 15,000 to 100,000: Ukraine's under the national romanisation, GeoNames' name an alias; a Polish
    # spelling of the Cyrillic name where SGJP has no exonym.
    ("Vinnytsya", "Vinnytsia", None, "GPE", "UKR"),
    ("Dobropillia", "Dobropillia", None, "GPE", "UKR"),
    ("Połohy", "Polohy", None, "GPE", "UKR"),
    ("Biełgorod", "Belgorod", None, "GPE", "RUS"),
    ("Wilhelmshaven", "Wilhelmshaven", None, "GPE", "DEU"),
]


@pytest.mark.parametrize(("alias", "name", "qid", "kind", "country"), LOOKUPS)
def test_lookup(kb, alias, name, qid, kind, country):
    hits = kb.lookup(alias)
    assert hits, f"{alias!r} finds nothing"
    best = hits[0]
    assert (best.name, best.type, best.country) == (name, kind, country)
    if qid:
        assert best.id == qid


# (role, state, the body's English Wikipedia title): generated by scripts/build_kb.py for every state
BODIES = [
    ("foreign_ministry", "RUS", "Ministry of Foreign Affairs (Russia)"),
    ("foreign_ministry", "IND", "Ministry of External Affairs (India)"),
    ("foreign_ministry", "POL", "Ministry of Foreign Affairs (Poland)"),
    ("foreign_ministry", "USA", "United States Department of State"),
    ("foreign_ministry", "PSE", "Ministry of Foreign Affairs (State of Palestine)"),
    ("defence_ministry", "ARM", "Ministry of Defence (Armenia)"),
    # Titles that differ from the pattern (bodies.tsv): US spelling, "Ministry of Interior", departments.
    ("defence_ministry", "AZE", "Ministry of Defense (Azerbaijan)"),
    ("interior_ministry", "PAK", "Ministry of Interior (Pakistan)"),
    ("foreign_ministry", "AUS", "Department of Foreign Affairs and Trade"),
    ("interior_ministry", "BLR", "Ministry of Internal Affairs (Belarus)"),
    ("election_commission", "BLR", "Central Election Commission of Belarus"),
    ("security_council", "PAK", "National Security Committee (Pakistan)"),
    ("supreme_court", "RUS", "Supreme Court of Russia"),
    ("supreme_court", "PHL", "Supreme Court of the Philippines"),
    ("supreme_court", "POL", "Supreme Court of Poland"),
    ("supreme_court", "BRA", "Supreme Federal Court"),
    ("constitutional_court", "POL", "Constitutional Tribunal (Poland)"),
    ("constitutional_court", "PER", "Constitutional Court of Peru"),
    # Pattern titles by the state's English adjective, or by its name where the demonym is no adjective or two
    # states share it; a curated organisation of either title is the body.
    ("coast_guard", "PHL", "Philippine Coast Guard"),
    ("coast_guard", "CHN", "China Coast Guard"),
    ("armed_forces", "SEN", "Senegalese Armed Forces"),
    ("armed_forces", "ARM", "Armed Forces of Armenia"),
    ("coast_guard", "ISL", "Icelandic Coast Guard"),
    ("navy", "COG", "Navy of the Republic of the Congo"),
    ("air_force", "ISR", "Israeli Air Force"),
    ("defence_ministry", "GEO", "Ministry of Defence (Georgia)"),
    ("parliament", "GEO", "Parliament of Georgia"),
    ("parliament", "PER", "Congress of the Republic of Peru"),
    ("senate", "MDG", "Senate of Madagascar"),
    ("finance_ministry", "USA", "United States Department of the Treasury"),
    # A unicameral parliament is its lower house.
    ("lower_house", "LTU", "Seimas"),
    ("lower_house", "POL", "Sejm"),
    # A curated organisation of the body's title is the body, with its Polish names ("Rosgwardia").
    ("national_guard", "RUS", "National Guard of Russia"),
    # Bodies named by a generic title, the state left to the context: a guard by the "(Country)" pattern, the
    # others where bodies.tsv lists them, a curated organisation of the title being the body.
    ("presidential_guard", "NER", "Presidential Guard (Niger)"),
    ("republican_guard", "SYR", "Republican Guard (Syria)"),
    ("communist_party", "CUB", "Communist Party of Cuba"),
    ("commerce_ministry", "CHN", "Ministry of Commerce of the People's Republic of China"),
    ("prosecutor_general", "DEU", "Federal Prosecutor General (Germany)"),
    ("federal_police", "DEU", "Federal Police (Germany)"),
    ("general_staff", "KOR", "Joint Chiefs of Staff (South Korea)"),
]


@pytest.mark.parametrize(("role", "country", "name"), BODIES)
def test_body(kb, role, country, name):
    body = kb.body(role, country)
    assert (body.name, body.country, body.type) == (name, country, "ORG")


def test_body_unknown(kb):
    assert kb.body("foreign_ministry", "XXX") is None and kb.body("ministry_of_magic", "RUS") is None
    # Constitutional courts only where a state has one: the United States has none.
    assert kb.body("constitutional_court", "USA") is None
    # No navy or coast guard for a landlocked state, no senate for a unicameral parliament.
    assert kb.body("coast_guard", "HUN") is None and kb.body("navy", "BLR") is None
    assert kb.body("senate", "HUN") is None
    # A communist party or a general staff only where bodies.tsv lists one.
    assert kb.body("communist_party", "POL") is None and kb.body("general_staff", "SEN") is None
    # A dependent territory has a Polish adjective ("grenlandzki") but no ministries or armed forces of its own.
    assert kb.body("foreign_ministry", "GRL") is None and kb.body("armed_forces", "HKG") is None


# (word, city): whether it is among the city's Polish names. GeoNames' alternate names of a city are in many
# languages; one SGJP lists as a place may be a Polish village, river or person's name instead of an exonym.
EXONYMS = [
    ("Kolonia", "Köln", True),
    ("Ryga", "Riga", True),
    ("Mediolan", "Milan", True),
    ("Monachium", "Munich", True),
    ("Wiedeń", "Vienna", True),
    ("Bazylea", "Basel", True),
    # SGJP also lists it as a surname, but CLDR or the curated table confirms it.
    ("Damaszek", "Damascus", True),
    ("Homel", "Gomel", True),
    ("Paryż", "Paris", True),
    # Another curated place's name (the Danube), and names SGJP also lists as first names or surnames.
    ("Dunaj", "Vienna", False),
    ("Julia", "Plovdiv", False),
    ("Tur", "Tours", False),
    ("Bale", "Basel", False),
    ("Raba", "Rabat", False),
    # Another state's Polish name is not a city's of another state; a city-state's capital keeps it.
    ("Laos", "Lào Cai", False),
    ("Singapur", "Singapore", True),
    # A small town's exonym must be like its own name and no larger place's: "Budziszyn" is, "Grabin" (a Polish
    # village) of Finsterwalde and "Belgrad" of Berat are not.
    ("Budziszyn", "Bautzen", True),
    ("Ołomuniec", "Olomouc", True),
    ("Grabin", "Finsterwalde", False),
    ("Belgrad", "Berat", False),
]


@pytest.mark.parametrize(("word", "city", "is_name"), EXONYMS)
def test_polish_exonyms(kb, word, city, is_name):
    entry = next(e for e in kb if e.type == "GPE" and e.name == city)
    assert (word in entry.aliases_in("pl")) is is_name


def test_lookup_unknown(kb):
    assert kb.lookup("Xyzzy Plugh") == []


def test_inflected_forms_are_their_own_kind(kb):
    assert kb.lookup("Pekinie", kinds=("name", "alias")) == []
    assert kb.lookup("Pekinie", kinds=("form",))[0].name == "Beijing"


def test_adjectives_are_not_aliases(kb):
    china = kb.get("Q148")
    assert "chiński" in china.adjectives_in("pl") and "Chińczycy" in china.inhabitants_in("pl")
    assert kb.lookup("chiński") == []


def test_state_has_capital(kb):
    assert kb.get("Q148").capital == "Q956"


@pytest.mark.parametrize(
    ("text", "exact", "loose"),
    [
        ("Kim Jong-un", "kim jong un", "kim jong un"),
        ("„Łukaszenka”", "łukaszenka", "lukaszenka"),
        ("U.N.", "un", "un"),
        ("  Szanghajska   Organizacja ", "szanghajska organizacja", "szanghajska organizacja"),
    ],
)
def test_alias_keys(text, exact, loose):
    assert (alias_key(text), loose_key(text)) == (exact, loose)


# role, country, date -> holder's canonical name (None: nobody known)
HOLDERS = [
    ("head_of_state", "USA", "2023-05-01", "Joe Biden"),
    ("head_of_state", "USA", "2025-09-04", "Donald Trump"),
    ("head_of_state", "USA", "2025-01-20", "Donald Trump"),
    ("head_of_state", "USA", "2025-01-19", "Joe Biden"),
    ("head_of_state", "USA", "2019-05-01", "Donald Trump"),
    ("head_of_state", "CHN", "2025-09-04", "Xi Jinping"),
    ("head_of_state", "PRK", "2025-09-04", "Kim Jong Un"),
    ("head_of_state", "RUS", "2025-09-04", "Vladimir Putin"),
    ("head_of_state", "RUS", "2010-01-01", "Dmitry Medvedev"),
    ("head_of_state", "UKR", "2025-09-04", "Volodymyr Zelenskyy"),
    ("head_of_state", "POL", "2025-09-04", "Karol Nawrocki"),
    ("head_of_government", "POL", "2025-09-04", "Donald Tusk"),
    ("head_of_government", "IND", "2025-09-04", "Narendra Modi"),
    ("head_of_government", "IRN", "2025-09-04", "Masoud Pezeshkian"),
    ("foreign_minister", "CHN", "2023-05-01", "Qin Gang"),
    ("defence_minister", "RUS", "2025-09-04", "Andrey Belousov"),
    # Every UN member state's heads of state and government since 2015 (kbgrow, first batch).
    ("head_of_government", "ESP", "2017-05-01", "Mariano Rajoy"),
    ("head_of_government", "ESP", "2025-09-04", "Pedro Sánchez"),
    ("head_of_state", "GRC", "2025-09-04", "Konstantinos Tasoulas"),
    ("head_of_government", "GEO", "2025-09-04", "Irakli Kobakhidze"),
    ("head_of_government", "NLD", "2020-01-01", "Mark Rutte"),
    ("head_of_state", "LKA", "2021-06-01", "Gotabaya Rajapaksa"),
    ("head_of_state", "CHE", "2025-09-04", "Karin Keller-Sutter"),
    # Foreign, defence and interior ministers of about 60 states (second batch).
    ("interior_minister", "DEU", "2025-09-04", "Alexander Dobrindt"),
    ("interior_minister", "GBR", "2020-01-01", "Priti Patel"),
    ("foreign_minister", "ESP", "2025-09-04", "José Manuel Albares"),
    ("defence_minister", "USA", "2018-01-01", "Jim Mattis"),
    ("head_of_state", "USA", "1800-01-01", None),
]


@pytest.mark.parametrize(("role", "country", "date", "name"), HOLDERS)
def test_holder(kb, role, country, date, name):
    found = kb.holder(role, country, date)
    assert (found.name if found else None) == name


# Polish spelling, date -> the person's name and actor code: officials of the main powers hold offices of the role
# "official", so they code as their government while in office and as elite after it.
OFFICIALS = [
    ("Kyryło Budanow", "2025-09-04", "Kyrylo Budanov", "UKRGOV"),
    ("Nikołaj Patruszew", "2020-01-01", "Nikolai Patrushev", "RUSGOV"),
    ("Jake Sullivan", "2025-09-04", "Jake Sullivan", "USAELI"),
]


@pytest.mark.parametrize(("alias", "date", "name", "code"), OFFICIALS)
def test_official(kb, alias, date, name, code):
    (person,) = [e for e in kb.lookup(alias) if e.type == "PER"]
    assert (person.name, kb.actor_code(person, date)) == (name, code)


def test_offices_on(kb):
    biden = kb.get("Q6279")
    assert {o.role for o in kb.offices_on(biden, "2023-05-01")} >= {"head_of_state", "head_of_government"}
    assert kb.offices_on(biden, "2025-09-04") == []


# entry id, date -> actor code. A former office-holder is "elite" (ELI), as PETRARCH2 codes them.
ACTOR_CODES = [
    ("Q6279", "2023-05-01", "USAGOV"),
    ("Q6279", "2025-09-04", "USAELI"),
    ("Q22686", "2025-09-04", "USAGOV"),
    ("Q56226", "2025-09-04", "PRKGOV"),
    ("Q15031", "2025-09-04", "CHNGOV"),
    ("Q1065", "2025-09-04", "IGO"),
    ("Q148", "2025-09-04", "CHN"),
]


@pytest.mark.parametrize(("entry_id", "date", "code"), ACTOR_CODES)
def test_actor_code(kb, entry_id, date, code):
    assert kb.actor_code(kb.get(entry_id), date) == code


def test_stale_open_office_is_not_current():
    # An open-ended office from a dated source holds only up to the date the source vouches for.
    office = Office(role="official", country="PRK", start="2009-05-01", known_until="2014-01-30")
    entry = Entry(id="kronika:x", name="X", type="PER", country="PRK", offices=(office,))
    kb = KnowledgeBase([entry])
    assert kb.actor_code(entry, "2013-01-01") == "PRKGOV"
    assert kb.actor_code(entry, "2025-09-04") == "PRKELI"


def test_partial_dates():
    office = Office(role="foreign_minister", country="KOR", start="2025-07")
    assert office.held_on("2025-07-01") and not office.held_on("2025-06-30")


def test_counts(kb):
    # Thousands of entries of each main kind, not dozens.
    counts = Counter(entry.type for entry in kb)
    assert len(kb) >= 20_000
    assert counts["PER"] >= 10_000 and counts["GPE"] >= 5_000 and counts["ORG"] >= 1_000 and counts["LOC"] >= 10


def test_committed_sources_are_valid():
    tables, problems = read_sources(SOURCES)
    assert problems == []
    assert len(tables["people"]) >= 200 and len(tables["offices"]) >= 200


@pytest.mark.parametrize(
    ("fixture", "kind", "expected"),
    [
        (
            "broken_organisations.tsv",
            "organisations",
            [(4, "type 'ORGANISATION'"), (5, "country 'XXX'"), (6, "qid 'Q12x'")],
        ),
        ("broken_offices.tsv", "offices", [(3, "start '2025-13-01'"), (4, "end 2021-01-20 is before start")]),
        ("broken_bodies.tsv", "bodies", [(4, "body 'ministry_of_magic'"), (5, "country 'XXX'")]),
    ],
)
def test_broken_rows_are_reported_with_file_and_line(fixture, kind, expected):
    problems = []
    rows = read_table(FIXTURES / fixture, kind, problems)
    assert len(rows) == 1 and len(problems) == len(expected)
    assert [(p.line, p.message[: len(msg)]) for p, msg in zip(problems, (m for _, m in expected))] == expected
    assert all(str(p).startswith(f"{FIXTURES / fixture}:{p.line}: ") for p in problems)


def test_build_fails_on_a_broken_row(tmp_path):
    sources = tmp_path / "sources"
    shutil.copytree(SOURCES, sources)
    with (sources / "people.tsv").open("a", encoding="utf-8") as handle:
        handle.write("Q1x\tBroken Person\tZZZ\tGOV\t\t\n")
    line = sum(1 for _ in (sources / "people.tsv").open(encoding="utf-8"))
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build_kb.py"),
            "--check",
            "--sources",
            str(sources),
            "--out",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert f"{sources / 'people.tsv'}:{line}: qid 'Q1x'" in result.stderr
    assert f"{sources / 'people.tsv'}:{line}: country 'ZZZ'" in result.stderr
    assert not (tmp_path / "out").exists()

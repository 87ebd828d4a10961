"""One definition per filter, the same in Python, the CLI and the API: actor names as people type them (any
alias, case form, part, country name, code, id), and closed sets refused with one line that names the value and
a near match (CLI exit 2, API 400 with the same message)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

import store_records as records
from kronika.api import create_app
from kronika.api.app import in_http_terms
from kronika.cli import main
from kronika.store import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("filters") / "kronika.db"
    with Store(path, stories=False) as store:
        store.add_many(records.ALL)
    return str(path)


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as opened:
        yield opened


def _takes_part(event: dict, entity: str | None, country: str | None) -> bool:
    sides = event["actor"] + event["recipient"]
    return any(p["entity"] == entity if entity else p["country"] == country for p in sides)


# (what a user types, the entity or the country every event found must have on a side)
ACTOR_NAMES = [
    ("Władimir Putin", "Q7747", None),  # a Polish alias
    ("Władimira Putina", "Q7747", None),  # its genitive
    ("Putinem", "Q7747", None),  # a surname's instrumental
    ("putin", "Q7747", None),  # a part of the stored name, any case
    ("Kim Dzong Un", "Q56226", None),
    ("kim jong un", "Q56226", None),
    ("Q56226", "Q56226", None),
    ("PRKGOV", None, "PRK"),
    ("Chiny", None, "CHN"),  # a state's Polish name: its country code
    ("Korea Północna", None, "PRK"),
    ("Korei Północnej", None, "PRK"),
    ("North Korea", None, "PRK"),
]


@pytest.mark.parametrize(("typed", "entity", "country"), ACTOR_NAMES)
def test_actor_names_as_people_type_them(db, client, typed, entity, country):
    result = CliRunner().invoke(main, ["events", "--actor", typed, "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    through_cli = json.loads(result.stdout)
    through_api = client.get("/api/events", params={"actor": typed}).json()["items"]
    with Store(db, create=False) as store:
        through_python = store.event_records(actor=typed)
    assert through_api and all(_takes_part(e, entity, country) for e in through_api), typed
    assert [e["id"] for e in through_cli] == [e["id"] for e in through_api] == [e["id"] for e in through_python]


# The same filter, the same answer: CLI option, API parameter and Python keyword are one definition.
FILTERS = [
    (["--actor", "Xi Jinping"], {"actor": "Xi Jinping"}),  # either side
    (["--initiator", "Kim Jong Un"], {"initiator": "Kim Jong Un"}),
    (["--recipient", "Xi Jinping"], {"recipient": "Xi Jinping"}),
    (["--quad-class", "4"], {"quad_class": 4}),
    (["--country", "Polska"], {"country": "Polska"}),
    (["--type", "consult"], {"type": "consult"}),
    (["--offset", "2", "--limit", "2"], {"offset": 2, "limit": 2}),
    (["--since", "2025-09-03", "--until", "2025-09"], {"since": "2025-09-03", "until": "2025-09"}),
    (["--modality", "all"], {"modality": "all"}),
    (["--sort", "-goldstein", "--actor", "CHN"], {"sort": "-goldstein", "actor": "CHN"}),
]


@pytest.mark.parametrize(("options", "params"), FILTERS)
def test_one_definition_per_filter(db, client, options, params):
    result = CliRunner().invoke(main, ["events", *options, "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    through_cli = [e["id"] for e in json.loads(result.stdout)]
    through_api = [e["id"] for e in client.get("/api/events", params=params).json()["items"]]
    with Store(db, create=False) as store:
        through_python = store.events(**params)["id"].tolist()
    assert through_cli and through_cli == through_api == through_python


def test_actor_means_either_side_everywhere(db, client):
    either = {e["id"] for e in client.get("/api/events", params={"actor": "Xi Jinping"}).json()["items"]}
    as_recipient = {e["id"] for e in client.get("/api/events", params={"recipient": "Xi Jinping"}).json()["items"]}
    assert as_recipient and as_recipient <= either


# The other lists page the same way in the CLI as in the API: --limit and --offset are limit and offset.
@pytest.mark.parametrize(
    ("command", "path", "key"), [("actors", "/api/actors", "key"), ("articles", "/api/articles", "id")]
)
def test_every_list_pages_as_the_api_does(db, client, command, path, key):
    result = CliRunner().invoke(main, [command, "--offset", "1", "--limit", "2", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    through_cli = [row[key] for row in json.loads(result.stdout)]
    through_api = [row[key] for row in client.get(path, params={"offset": 1, "limit": 2}).json()["items"]]
    assert len(through_cli) == 2 and through_cli == through_api


# (CLI arguments, API path and parameters, what the one line must say)
BAD_VALUES = [
    (
        ["events", "--type", "CONSLUT"],
        "/api/events",
        {"type": "CONSLUT"},
        "'CONSLUT' is not a PLOVER event type",
        "did you mean CONSULT?",
    ),
    (
        ["events", "--modality", "asertd"],
        "/api/events",
        {"modality": "asertd"},
        "'asertd' is not a modality",
        "did you mean asserted?",
    ),
    (
        ["events", "--country", "Ukrainia"],
        "/api/events",
        {"country": "Ukrainia"},
        "'Ukrainia' is not a country",
        "did you mean",
    ),
    (
        ["events", "--since", "2025-10", "--until", "2025-09"],
        "/api/events",
        {"since": "2025-10", "until": "2025-09"},
        "--since 2025-10 is after --until 2025-09",
        "swap",
    ),
    (["relations", "CHN", "XXX"], "/api/relations", {"a": "CHN", "b": "XXX"}, "'XXX' is not a country", "alpha-3 code"),
    (
        ["relations", "Chna", "PRK"],
        "/api/relations",
        {"a": "Chna", "b": "PRK"},
        "'Chna' is not a country",
        "did you mean China (CHN)?",
    ),
    (
        ["actors", "--modality", "negatd"],
        "/api/actors",
        {"modality": "negatd"},
        "'negatd' is not a modality",
        "did you mean negated?",
    ),
    (["actors", "--sort", "nme"], "/api/actors", {"sort": "nme"}, "'nme' is not a sort order", "did you mean name?"),
    (
        ["events", "--sort", "-goldstien"],
        "/api/events",
        {"sort": "-goldstien"},
        "'-goldstien' is not a sort order",
        "did you mean -goldstein?",
    ),
]


# (command, --sort value, the JSON column it orders, descending)
SORTS = [
    ("events", "goldstein", "goldstein", False),
    ("events", "-goldstein", "goldstein", True),
    ("actors", "name", "name", False),
    ("actors", "-events", "events", True),
    ("articles", "-tone", "tone", True),
]


@pytest.mark.parametrize(("command", "sort", "column", "descending"), SORTS)
def test_list_commands_sort_as_the_api_does(db, command, sort, column, descending):
    result = CliRunner().invoke(main, [command, "--sort", sort, "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    values = [row[column] for row in json.loads(result.stdout) if row[column] is not None]
    assert len(values) > 1 and values == sorted(
        values, key=str.casefold if column == "name" else None, reverse=descending
    )


@pytest.mark.parametrize(("args", "path", "params", "says", "suggests"), BAD_VALUES)
def test_a_wrong_value_gets_one_line_and_exit_2(db, client, args, path, params, says, suggests):
    result = CliRunner().invoke(main, [*args, "--db", db])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and says in lines[0] and suggests in lines[0] and "E506" in lines[0]
    response = client.get(path, params=params)
    assert response.status_code == 400
    # The same message, naming the HTTP parameters where the CLI names its options ("since", not "--since").
    assert in_http_terms(lines[0]).endswith(response.json()["error"]["message"])


@pytest.mark.parametrize(
    "args",
    [
        ["events"],
        ["events", "--modality", "all"],
        ["relations", "CHN", "PRK"],
        ["relations", "Chiny", "Korea Północna", "--by", "week"],
    ],
)
def test_tables_read_in_100_columns(db, args):
    result = CliRunner().invoke(main, [*args, "--db", db, "--format", "table"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) > 2 and max(len(line) for line in lines) <= 100, result.stdout
    assert "NaN" not in result.stdout and "None" not in result.stdout
    assert lines[-1].endswith("row(s))")
    if args[0] == "events":  # the word each event was coded from, as its evidence
        assert lines[0].split()[-1] == "evidence" and all(line.strip() for line in lines[1:-1])


def test_make_run_ends_by_pointing_at_the_web_ui():
    from conftest import ROOT

    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "kronika serve --db kronika.db" in run and "http://127.0.0.1:8000/" in run


# Siblings of the closed sets above: every other option with a closed set of values, through the CLI (one
# E506 line, exit 2) and, where the API has it, the API (400 with the same message) and the web UI's page.
MORE_BAD_VALUES = [
    (
        ["events", "--quad-class", "7"],
        "/api/events",
        {"quad_class": "7"},
        "/",
        "'7' is not a QuadClass",
        "choose 1 (verbal cooperation)",
    ),
    (
        ["events", "--quad-class", "x"],
        "/api/events/timeline",
        {"quad_class": "x"},
        "/",
        "'x' is not a QuadClass",
        "4 (material conflict)",
    ),
    (
        ["relations", "CHN", "PRK", "--by", "wek"],
        "/api/relations",
        {"a": "CHN", "b": "PRK", "by": "wek"},
        "/relations",
        "'wek' is not a period",
        "did you mean week?",
    ),
    (["stories", "--lang", "xx"], "/api/stories", {"lang": "xx"}, "/stories", "'xx' is not a language", "ISO 639 code"),
    (
        ["articles", "--sort", "titel"],
        "/api/articles",
        {"sort": "titel"},
        "/articles",
        "'titel' is not a sort order",
        "did you mean title?",
    ),
    (
        ["articles", "--since", "2025-13"],
        "/api/articles",
        {"since": "2025-13"},
        "/articles",
        "'2025-13' is not a calendar date",
        "",
    ),
    (
        ["actors", "--country", "Ukrainia"],
        "/api/actors",
        {"country": "Ukrainia"},
        "/actors",
        "'Ukrainia' is not a country",
        "did you mean Ukraina (UKR)?",
    ),
    (
        ["stats", "--modality", "asertd"],
        "/api/stats",
        {"modality": "asertd"},
        None,
        "'asertd' is not a modality",
        "did you mean asserted?",
    ),
    (["export", "--format", "gdlt"], None, None, None, "'gdlt' is not an export format", "did you mean gdelt?"),
    (["events", "--format", "tabel"], None, None, None, "'tabel' is not an output format", "did you mean table?"),
    (
        ["batch", "in", "--out", "out", "--engine", "dsk"],
        None,
        None,
        None,
        "'dsk' is not an engine",
        "did you mean dask?",
    ),
    # The API's entity list (no CLI command): its type is a closed set, its country a code or a name.
    (None, "/api/entities", {"type": "PERS"}, None, "'PERS' is not an entity type", "did you mean PER?"),
    (None, "/api/entities", {"country": "Chna"}, None, "'Chna' is not a country", "did you mean China (CHN)?"),
]


@pytest.mark.parametrize(("args", "path", "params", "page", "says", "suggests"), MORE_BAD_VALUES)
def test_every_closed_set_refuses_in_one_line(db, client, args, path, params, page, says, suggests):
    if args is not None:
        result = CliRunner().invoke(main, [*args, "--db", db] if args[0] != "batch" else args)
        assert result.exit_code == 2, result.output
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "E506" in lines[0] and says in lines[0] and suggests in lines[0], lines
    if path is None:
        return
    response = client.get(path, params=params)
    message = response.json()["error"]["message"]
    assert response.status_code == 400 and says in message and suggests in message, message
    if page is not None:
        shown = client.get(page, params=params)
        assert shown.status_code == 400 and says.replace("'", "&#39;") in shown.text


def _make_run_queries() -> list[list[str]]:
    """The query commands of `make run` (what a new user's last screen shows), as kronika arguments."""
    import shlex

    from conftest import ROOT

    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    commands = [
        shlex.split(line.strip().split("/kronika ", 1)[1])
        for line in run.splitlines()
        if "/kronika " in line and not line.strip().startswith("@")
    ]
    return [words for words in commands if words[0] not in ("analyze", "ingest", "serve")]


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory, pipeline):
    from api.fixture_store import build_store

    path = tmp_path_factory.mktemp("make-run") / "kronika.db"
    build_store(path, pipeline)
    return str(path)


@pytest.mark.parametrize("args", _make_run_queries(), ids=lambda args: " ".join(args[:3]))
def test_make_run_last_screen_reads_in_100_columns(examples_db, args):
    db_at = args.index("--db") + 1
    result = CliRunner().invoke(main, [*args[:db_at], examples_db, *args[db_at + 1 :]])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) > 2 and max(len(line) for line in lines) <= 100, result.stdout
    assert "NaN" not in result.stdout and "None" not in result.stdout


# The actor list's search reads names as the actor filters do (issue 18: `actors --search putin` found him,
# "Władimir Putin" and "Putina" did not): the same one resolver in the CLI, the API, the web UI and Python.
@pytest.mark.parametrize(("typed", "entity", "country"), ACTOR_NAMES)
def test_actor_search_reads_names_as_the_filters_do(db, client, typed, entity, country):
    result = CliRunner().invoke(
        main, ["actors", "--search", typed, "--modality", "all", "--db", db, "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    through_cli = [a["key"] for a in json.loads(result.stdout)]
    params = {"search": typed, "modality": "all"}
    through_api = client.get("/api/actors", params=params).json()["items"]
    with Store(db, create=False) as store:
        through_python = store.actors(**params)["key"].tolist()
    assert through_cli == [a["key"] for a in through_api] == through_python
    if entity:
        assert entity in through_cli, typed
    else:
        assert through_api and any(a["country"] == country for a in through_api), typed
    page = client.get("/actors", params=params).text
    assert all(f"/actors/{key}" in page for key in through_cli if key.startswith("Q"))

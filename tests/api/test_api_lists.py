"""The API's lists over the example store: the total beside each page, sorting by the columns a reader expects,
event facets, and the CSV and JSON download of the same filtered, sorted list (what the web pages link)."""

from __future__ import annotations

import re

import csv
import io
from datetime import date

import pytest
from api.fixture_store import build_store
from fastapi.testclient import TestClient

from kronika.api import create_app
from kronika.store.timeline import label


@pytest.fixture(scope="module")
def db(tmp_path_factory, pipeline):
    path = tmp_path_factory.mktemp("lists") / "kronika.db"
    build_store(path, pipeline)
    return path


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as opened:
        yield opened


def everything(client, path: str, **params) -> list[dict]:
    body = client.get(path, params={**params, "limit": 500}).json()
    assert body["next_offset"] is None
    return body["items"]


# (list, filters) whose total must equal the number of items the whole list has
TOTAL_CASES = [
    ("/api/events", {}),
    ("/api/events", {"modality": "all"}),
    ("/api/events", {"type": "CONSULT"}),
    ("/api/events", {"actor": "Władimir Putin"}),
    ("/api/events", {"actor": "nobody at all"}),
    ("/api/events", {"type": "CONSULT", "country": "CHN", "since": "2025-09"}),
    ("/api/events", {"recipient": "Chiny", "until": "2025-09-04", "modality": "all"}),
    ("/api/events", {"text": "Pekin", "quad_class": 1}),
    ("/api/actors", {}),
    ("/api/actors", {"country": "POL", "modality": "all"}),
    ("/api/articles", {}),
    ("/api/articles", {"search": "Pekin"}),
    ("/api/articles", {"since": "2025-09-04"}),
]


@pytest.mark.parametrize(("path", "params"), TOTAL_CASES)
def test_a_page_carries_the_total_of_the_whole_list(client, path, params):
    items = everything(client, path, **params)
    first = client.get(path, params={**params, "limit": 2}).json()
    assert first["total"] == len(items) and first["total_exact"] is True
    assert len(first["items"]) == min(2, len(items))


@pytest.mark.parametrize("offset", [0, 1, 2, 10_000])
def test_a_total_over_the_cap_says_at_least(client, monkeypatch, offset):
    """The events of an actor with other filters, or of words, are counted up to queries.COUNT_CAP: a list
    longer than that gives ``total_exact`` false and a total of at least that many, never below the rows up to
    the page's end (plus one while a next page follows), so "page N of M" stays true past the cap."""
    from kronika.store import queries

    monkeypatch.setattr(queries, "COUNT_CAP", 1)
    params = {"actor": "Władimir Putin", "modality": "all", "type": "CONSULT"}
    items = everything(client, "/api/events", **params, nocache=1)
    body = client.get("/api/events", params={**params, "limit": 1, "offset": offset}).json()
    seen = min(offset + 1, len(items))
    assert len(items) > 2 and body["total_exact"] is False
    if offset >= len(items):  # past the end: no rows to raise the cap by
        assert body["items"] == [] and body["total"] == 1
    else:
        assert body["total"] == seen + (seen < len(items)) <= len(items)


def test_the_events_page_shows_a_capped_total_as_at_least(client, monkeypatch):
    """The web list says "N+ events" for a count stopped at its cap, not that it could not count."""
    from kronika.store import queries

    monkeypatch.setattr(queries, "COUNT_CAP", 1)
    page = client.get("/", params={"actor": "Władimir Putin", "modality": "all", "type": "CONSULT", "nocache": 4})
    total = re.search(r'id="list-total">([^<]*)', page.text).group(1)
    assert re.match(r"\d+\+ events", total), total


def _key(value):
    return (value is None, value if value is not None else 0)


# (list, sort, the field it orders by, descending)
SORT_CASES = [
    ("/api/events", "goldstein", "goldstein", False),
    ("/api/events", "-goldstein", "goldstein", True),
    ("/api/events", "-mentions", "num_mentions", True),
    ("/api/events", "type", "type", False),
    ("/api/events", "date", "date", False),
    ("/api/actors", "name", "name", False),
    ("/api/actors", "-last_date", "last_date", True),
    ("/api/articles", "title", "title", False),
    ("/api/articles", "-tone", "tone", True),
]


@pytest.mark.parametrize(("path", "sort", "field", "descending"), SORT_CASES)
def test_sorted_lists(client, path, sort, field, descending):
    items = (
        everything(client, path, sort=sort, modality="all")
        if path != "/api/articles"
        else everything(client, path, sort=sort)
    )
    values = [item[field] for item in items if item[field] is not None]
    assert len(values) >= 2
    if field in ("name", "title"):
        values = [value.casefold() for value in values]
    assert values == sorted(values, reverse=descending)
    assert all(item[field] is None for item in items[len(values) :])  # missing values last


@pytest.mark.parametrize(
    ("path", "sort"),
    [
        ("/api/events", "goldstien"),
        ("/api/actors", "date"),
        ("/api/articles", "-mentions"),
        ("/api/events.csv", "cameo"),
    ],
)
def test_an_unknown_sort_is_refused_with_the_choices(client, path, sort):
    answer = client.get(path, params={"sort": sort})
    assert answer.status_code == 400
    assert f"sort {sort!r} is not a sort order; choose one of" in answer.json()["error"]["message"]


def test_event_facets_count_the_filtered_list(client):
    items = everything(client, "/api/events", modality="all")
    body = client.get("/api/events", params={"modality": "all", "facet": ["type", "country"], "limit": 1}).json()
    types = {f["value"]: f["count"] for f in body["facets"]["type"]}
    assert types == {t: sum(e["type"] == t for e in items) for t in {e["type"] for e in items}}
    places = {f["value"]: f["count"] for f in body["facets"]["country"]}
    located = [e["location"]["country"] for e in items if e["location"] and e["location"]["country"]]
    assert places == {c: located.count(c) for c in set(located)}
    counts = [f["count"] for f in body["facets"]["type"]]
    assert counts == sorted(counts, reverse=True)
    narrowed = client.get("/api/events", params={"modality": "all", "type": "CONSULT", "facet": "type"}).json()
    assert [f["value"] for f in narrowed["facets"]["type"]] == ["CONSULT"]
    assert client.get("/api/events", params={"facet": "colour"}).status_code == 400


# (list, filters) downloaded in both formats
DOWNLOAD_CASES = [
    ("events", {"modality": "all", "sort": "-goldstein"}),
    ("events", {"type": "CONSULT"}),
    ("actors", {"country": "POL"}),
    ("articles", {"search": "Pekin"}),
]


@pytest.mark.parametrize(("name", "params"), DOWNLOAD_CASES)
def test_downloads_hold_the_same_filtered_list(client, name, params):
    items = everything(client, f"/api/{name}", **params)
    ids = [item["id"] if name != "actors" else item["key"] for item in items]
    as_json = client.get(f"/api/{name}.json", params=params)
    as_csv = client.get(f"/api/{name}.csv", params=params)
    assert as_json.headers["content-disposition"] == f'attachment; filename="{name}.json"'
    assert as_csv.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    key = "key" if name == "actors" else "id"
    assert [row[key] for row in as_json.json()] == [row[key] for row in rows] == ids
    assert ids or name == "articles"


def test_a_download_longer_than_one_part_is_whole(client, monkeypatch):
    from kronika.api import lists

    monkeypatch.setattr(lists, "DOWNLOAD_PART", 3)  # the store is read three rows at a time
    items = everything(client, "/api/events", modality="all")
    assert len(items) > 7
    rows = list(csv.DictReader(io.StringIO(client.get("/api/events.csv", params={"modality": "all"}).text)))
    assert [row["id"] for row in rows] == [item["id"] for item in items]
    assert [row["id"] for row in client.get("/api/events.json", params={"modality": "all"}).json()] == [
        item["id"] for item in items
    ]


def test_an_unknown_download_format_is_not_found(client):
    answer = client.get("/api/events.xlsx")
    assert answer.status_code == 404 and "choose one of csv, json" in answer.json()["error"]["message"]


def test_extras_past_their_time_limit_are_left_out_and_a_slow_sort_is_refused(client, monkeypatch):
    """On a large store a facet or a sort by a column other than the date reads every matching event: past
    its limit the facet is null (the page still answers) and the sort is a 400 that says what to do."""
    from kronika.store import queries

    monkeypatch.setattr(queries, "PROGRESS_STEPS", 1)
    for name in ("FACET_SECONDS", "SORT_SECONDS", "COUNT_SECONDS"):
        monkeypatch.setattr(queries, name, 0.0)
    given = {"facet": "type", "type": "CONSULT", "actor": "Kim Jong Un", "nocache": 1}
    body = client.get("/api/events", params=given).json()
    assert body["facets"] == {"type": None} and body["total"] is None and body["items"]
    assert body["total_exact"] is False
    answer = client.get("/api/events", params={"sort": "-goldstein", "nocache": 2})
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "E508"
    assert "narrow the filters" in answer.json()["error"]["message"]
    page = client.get("/", params={"type": "CONSULT", "nocache": 3})
    assert page.status_code == 200 and "too many events to count quickly" in page.text
    # The unfiltered total is kept at write time (event_totals), and one of categories and dates summed from
    # event_counts: read, not counted, so never given up.
    for number, given in enumerate(({}, {"type": "CONSULT"}, {"country": "CHN", "since": "2025"})):
        body = client.get("/api/events", params={**given, "nocache": 4 + number}).json()
        assert body["total"] > 0 and body["total_exact"] is True


# Filters of the events timeline: its counts are those of the filtered events' days, by QuadClass.
TIMELINE_CASES = [
    {},
    {"modality": "all"},
    {"type": "CONSULT"},
    {"actor": "Władimir Putin"},
    {"quad_class": 4, "modality": "all"},
    {"country": "CHN"},
    {"actor": "nobody at all"},
]


@pytest.mark.parametrize("params", TIMELINE_CASES)
def test_events_timeline_counts_the_filtered_events(client, params):
    body = client.get("/api/events/timeline", params=params).json()
    events = [e for e in everything(client, "/api/events", **params) if len(e["date"] or "") >= 10]
    days = sorted(date.fromisoformat(e["date"][:10]) for e in events)
    assert body["by"] == ("day" if not days or (days[-1] - days[0]).days < 92 else "week")  # not over 3 years
    for quad in (1, 2, 3, 4):
        counted = sum(p[name] for p in body["periods"] for name in p if name.startswith(f"quad{quad}_"))
        assert counted == sum(e["quad_class"] == quad for e in events), quad
    periods = [p["period"] for p in body["periods"]]
    assert periods == sorted(periods)
    if events:
        assert (periods[0], periods[-1]) == (label(days[0], body["by"]), label(days[-1], body["by"]))


def test_events_timeline_refuses_a_bad_filter_as_the_list_does(client):
    answer = client.get("/api/events/timeline", params={"type": "CONSLUT"})
    assert answer.status_code == 400 and "CONSULT" in answer.json()["error"]["message"]


# Issue 18's names, through the CLI on the examples: each finds events (all of them the API's for the name).
@pytest.mark.parametrize("name", ["Władimir Putin", "Putin", "Kim Dzong Un", "Chiny", "Korea Północna"])
def test_the_examples_answer_the_names_people_type(db, client, name):
    import json

    from click.testing import CliRunner

    from kronika.cli import main

    result = CliRunner().invoke(main, ["events", "--actor", name, "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    through_cli = [e["id"] for e in json.loads(result.stdout)]
    assert through_cli and through_cli == [e["id"] for e in everything(client, "/api/events", actor=name)]


# (list, filters, whether it pages by cursor): every list's pages, followed by their `next` links, join up to
# the whole list, the same rows as its offset pages; a list in its default order links by cursor.
PAGING_CASES = [
    ("/api/events", {}, True),
    ("/api/events", {"modality": "all"}, True),
    ("/api/events", {"actor": "Władimir Putin"}, True),
    ("/api/events", {"sort": "-date", "type": "CONSULT"}, True),
    ("/api/events", {"sort": "goldstein"}, False),
    ("/api/articles", {}, True),
    ("/api/articles", {"since": "2025-09-04"}, True),
    ("/api/articles", {"search": "Pekin"}, False),  # ranked: by offset
    ("/api/articles", {"search": "Pekin", "sort": "-date"}, True),
    ("/api/actors", {}, False),
    ("/api/entities", {}, False),
]


def _follow(client, first: str, **params) -> tuple[list[dict], list[str]]:
    items, links, url = [], [], first
    while url is not None:
        body = client.get(url, params=params if url == first else None).json()
        assert len(body["items"]) <= 1
        items.extend(body["items"])
        links.append(url)
        url = body["next"]
    return items, links


@pytest.mark.parametrize(("path", "params", "by_cursor"), PAGING_CASES)
def test_cursor_pages_are_the_offset_pages(client, path, params, by_cursor):
    whole = client.get(path, params={**params, "limit": 500}).json()["items"]
    assert len(whole) > 1
    followed, links = _follow(client, path, **params, limit=1)
    assert followed == whole
    assert all(("cursor=" in link) is by_cursor for link in links[1:])
    by_offset = [
        item
        for offset in range(len(whole))
        for item in client.get(path, params={**params, "limit": 1, "offset": offset}).json()["items"]
    ]
    assert by_offset == whole


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"cursor": "no-such-event"}, "is no event of this store"),
        ({"cursor": "x", "offset": 2}, "give offset or cursor, not both"),
        ({"sort": "goldstein", "cursor": "x"}, "pages the latest first only"),
    ],
)
def test_a_bad_cursor_is_a_clear_error(client, params, message):
    response = client.get("/api/events", params=params)
    assert response.status_code in (400, 422)
    assert message in response.json()["error"]["message"]

"""The HTTP API against a real store file built from the example articles (real pipeline) and two
hand-made records: filters, pagination, records, entities, relations, analysis, errors and security."""

from __future__ import annotations

import sqlite3

import pytest
from api.fixture_store import build_store
from click.testing import CliRunner
from fastapi.testclient import TestClient

from kronika.api import create_app
from kronika.cli import main
from kronika.errors import KronikaError

TOKEN = "test-token-1234"


@pytest.fixture(scope="module")
def built(tmp_path_factory, pipeline):
    path = tmp_path_factory.mktemp("api") / "kronika.db"
    docs = build_store(path, pipeline)
    return path, docs


@pytest.fixture(scope="module")
def client(built):
    with TestClient(create_app(built[0], token=TOKEN, max_body_bytes=20_000)) as opened:
        yield opened


@pytest.fixture(scope="module")
def all_events(client):
    body = client.get("/api/events", params={"limit": 500, "modality": "all"}).json()
    assert body["next_offset"] is None
    return body["items"]


def _entities(side: list[dict]) -> set[str]:
    return {p["entity"] for p in side}


@pytest.mark.parametrize(
    ("params", "holds"),
    [
        ({"initiator": "Q946"}, lambda e: "Q946" in _entities(e["actor"])),
        ({"initiator": "Donald Tusk"}, lambda e: "Q946" in _entities(e["actor"])),
        ({"recipient": "Q946"}, lambda e: "Q946" in _entities(e["recipient"])),
        ({"actor": "Q946"}, lambda e: "Q946" in _entities(e["actor"]) | _entities(e["recipient"])),
        ({"initiator": "POL"}, lambda e: any(p["country"] == "POL" for p in e["actor"])),
        ({"actor": "Q56226"}, lambda e: "Q56226" in _entities(e["actor"]) | _entities(e["recipient"])),
        # The examples' Putin, by his Polish name (either side).
        ({"actor": "Władimir Putin"}, lambda e: "Q7747" in _entities(e["actor"]) | _entities(e["recipient"])),
        ({"type": "consult"}, lambda e: e["type"] == "CONSULT"),
        ({"quad_class": 2}, lambda e: e["quad_class"] == 2),
        (
            {"quad_class": 1, "initiator": "Q946"},
            lambda e: e["quad_class"] == 1 and "Q946" in _entities(e["actor"]),
        ),
        ({"country": "ukr"}, lambda e: e["location"]["country"] == "UKR"),
        (
            {"since": "2025-09-01", "until": "2025-09-04"},
            lambda e: "2025-09-01" <= e["date"][:10] <= "2025-09-04",
        ),
    ],
)
def test_event_filters(client, all_events, params, holds):
    items = client.get("/api/events", params={**params, "modality": "all", "limit": 500}).json()["items"]
    assert items, params
    assert all(holds(e) for e in items), params
    # Every filter narrows the same ordered list, so the answer is a subsequence of all events.
    ids = [e["id"] for e in all_events]
    positions = [ids.index(e["id"]) for e in items]
    assert positions == sorted(positions)


@pytest.mark.parametrize(("words", "stem"), [("Pekin", "pekin"), ("Putin", "putin")])
def test_event_text_filter_finds_reports_by_lemma(client, built, all_events, words, stem):
    texts = {d.id: d.text.lower() for d in built[1]}
    items = client.get("/api/events", params={"text": words, "modality": "all", "limit": 500}).json()["items"]
    expected = [
        e["id"]
        for e in all_events
        if any(stem in texts[r["article"]] for r in client.get(f"/api/events/{e['id']}").json()["reports"])
    ]
    assert items and [e["id"] for e in items] == expected


@pytest.mark.parametrize(
    "params",
    [
        {"actor": "nobody at all"},
        {"recipient": "Q946", "initiator": "Q946"},
        {"text": "żyrafa"},
        {"country": "ATA"},
    ],
)
def test_event_filters_that_match_nothing(client, params):
    assert client.get("/api/events", params=params).json()["items"] == []


@pytest.mark.parametrize("path", ["/api/events", "/api/articles", "/api/entities", "/api/actors"])
def test_pages_join_up_to_the_whole_list(client, path):
    whole = client.get(path, params={"limit": 500}).json()["items"]
    assert len(whole) > 3
    pieces, offset = [], 0
    while offset is not None:
        body = client.get(path, params={"limit": 3, "offset": offset}).json()
        assert len(body["items"]) <= 3
        pieces.extend(body["items"])
        offset = body["next_offset"]
    assert pieces == whole


def test_article_is_the_document_record(client, built):
    for doc in built[1]:
        record = client.get(f"/api/articles/{doc.id}").json()
        stored_events = record.pop("stored_events")
        assert record == doc.to_dict(tokens=False)
        assert len(stored_events) == len(doc.events) and all(stored_events)
        for ordinal, event_id in enumerate(stored_events):
            event = client.get(f"/api/events/{event_id}").json()
            assert any(r["article"] == doc.id and r["ordinal"] == ordinal for r in event["reports"])
            assert event["type"] == doc.events[ordinal].type


@pytest.mark.parametrize(("search", "expected"), [("Pekin", True), ("Putin", True), ("żyrafa", False)])
def test_article_search_by_lemma(client, built, search, expected):
    items = client.get("/api/articles", params={"search": search}).json()["items"]
    texts = {d.id: d.text for d in built[1]}
    assert bool(items) is expected
    stem = search[:3]
    assert all(stem.lower() in texts[a["id"]].lower() for a in items)


@pytest.mark.parametrize(("search", "lemma"), [("Pekin", "Pekin"), ("Pekinie", "Pekin"), ("Putina", "Putin")])
def test_article_search_gives_snippet_and_match_offsets(client, built, search, lemma):
    """Each result's snippet is its text from snippet_start; matches are offsets into the whole text, inside the
    snippet, of forms of the word searched ("Pekinie" marks "Pekinem" too: by lemma)."""
    items = client.get("/api/articles", params={"search": search}).json()["items"]
    texts = {d.id: d.text for d in built[1]}
    assert items
    for item in items:
        text, start = texts[item["id"]], item["snippet_start"]
        assert text[start : start + len(item["snippet"])] == item["snippet"]
        assert item["matches"], item["id"]
        for match_start, match_end in item["matches"]:
            assert start <= match_start < match_end <= start + len(item["snippet"])
            assert text[match_start:match_end].startswith(lemma[:4])


def test_entity_with_aliases_offices_events_and_counterparts(client):
    body = client.get("/api/entities/Q946", params={"date": "2025-03-04", "modality": "all"}).json()
    assert body["name"] == "Donald Tusk" and body["type"] == "PER"
    assert {a["text"] for a in body["aliases"]} >= {"Donald Tusk", "Tusk"}
    assert body["kb"]["date"] == "2025-03-04"
    assert any(o["role"] == "head_of_government" and o["held"] for o in body["kb"]["offices"])
    assert body["kb"]["code"] == "POLGOV"
    # The knowledge base's names, keyed by language.
    assert "Tusk" in body["kb"]["aliases"]["pl"] and "Tusk" in body["kb"]["aliases"]["en"]
    assert {e["type"] for e in body["events_as_actor"]} == {"CONSULT", "AID"}
    assert [e["type"] for e in body["events_as_recipient"]] == ["COOPERATE"]
    assert [c["key"] for c in body["counterparts"]] == ["Q3874799"]
    assert body["counterparts"][0]["events"] == 3
    # By default the announced aid is left out: of events and of the count of dealings.
    asserted = client.get("/api/entities/Q946").json()
    assert {e["type"] for e in asserted["events_as_actor"]} == {"CONSULT"}
    assert asserted["counterparts"][0]["events"] == 2


def test_office_at_another_date(client):
    body = client.get("/api/entities/Q946", params={"date": "2020-01-01"}).json()
    assert not any(o["role"] == "head_of_government" and o["held"] for o in body["kb"]["offices"])


def test_entity_search(client):
    items = client.get("/api/entities", params={"search": "tusk"}).json()["items"]
    assert [i["id"] for i in items] == ["Q946"]
    assert items[0]["articles"] >= 1 and items[0]["events"] == 3


def test_relations_both_directions(client):
    body = client.get("/api/relations", params={"a": "pol", "b": "UKR", "by": "day", "modality": "all"}).json()
    assert (body["a"], body["b"]) == ("POL", "UKR")
    rows = {(r["period"], r["source"], r["target"]): r for r in body["periods"]}
    assert rows[("2025-03-04", "POL", "UKR")]["events"] == 2
    assert rows[("2025-03-04", "POL", "UKR")]["quad2_material_cooperation"] == 1
    assert rows[("2025-03-05", "UKR", "POL")]["goldstein_mean"] == 3.4


def test_stats(client, built):
    body = client.get("/api/stats").json()
    assert body["articles"] == len(built[1])


def test_stories_group_the_articles(client, built):
    stories = client.get("/api/stories", params={"limit": 500}).json()["items"]
    assert stories and sum(s["size"] for s in stories) == len(built[1])
    one = client.get(f"/api/stories/{stories[0]['id']}").json()
    members = [a["id"] for articles in one["articles"].values() for a in articles]
    assert len(members) == stories[0]["size"] and set(members) <= {d.id for d in built[1]}
    assert client.get("/api/stories/nope").status_code == 404


def test_analyze_returns_the_record(client):
    text = "Kim Dzong Un spotkał się w czwartek w Pekinie z Xi Jinpingiem."
    answer = client.post(
        "/api/analyze",
        json={"text": text, "date": "2025-09-04"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert answer.status_code == 200
    record = answer.json()
    assert record["text"] == text and record["date"] == "2025-09-04" and "tokens" not in record
    assert {e["id"] for e in record["entities"]} >= {"Q56226", "Q15031"}
    assert any(t["value"] == "2025-09-04" for t in record["timexes"])


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status", "code", "says"),
    [
        ("get", "/api/articles/nope", {}, 404, "E601", "no article 'nope'"),
        ("get", "/api/events/nope", {}, 404, "E601", "no event"),
        ("get", "/api/entities/Q0", {}, 404, "E601", "no entity"),
        ("get", "/api/nowhere", {}, 404, "E601", "no such endpoint"),
        ("get", "/api/events?quad_class=5", {}, 400, "E506", "not a QuadClass"),  # a closed set, as the CLI says
        ("get", "/api/events?limit=0", {}, 422, "E604", "limit"),
        ("get", "/api/events?since=2025-02-30", {}, 400, "E506", "not a calendar date"),
        ("get", "/api/events?until=2025-13", {}, 400, "E506", "not a calendar date"),
        ("get", "/api/relations?a=CHN", {}, 422, "E604", "'b'"),
        ("get", "/api/relations?a=CHINAX&b=PRK", {}, 400, "E506", "'CHINAX' is not a country"),
        ("get", "/api/entities/Q946?date=yesterday", {}, 400, "E506", "not a date"),
        ("post", "/api/events", {}, 405, "E604", "not allowed"),
        ("post", "/api/analyze", {"json": {"text": "x"}}, 401, "E602", "Authorization: Bearer"),
        (
            "post",
            "/api/analyze",
            {"json": {"text": "x"}, "headers": {"Authorization": "Bearer wrong"}},
            401,
            "E602",
            "wrong token",
        ),
        (
            "post",
            "/api/analyze",
            {"json": {"text": " "}, "headers": {"Authorization": f"Bearer {TOKEN}"}},
            422,
            "E604",
            "empty",
        ),
        (
            "post",
            "/api/analyze",
            {
                "json": {"text": "Tekst.", "date": "2025-02-30"},
                "headers": {"Authorization": f"Bearer {TOKEN}"},
            },
            422,
            "E604",
            "not a date",
        ),
        (
            "post",
            "/api/analyze",
            {"json": {"text": "Tekst.", "lang": "xx"}, "headers": {"Authorization": f"Bearer {TOKEN}"}},
            400,
            "E102",
            "xx",
        ),
        (
            "post",
            "/api/analyze",
            {
                "content": b"{not json",
                "headers": {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
            },
            422,
            "E604",
            "JSON",
        ),
        (
            "post",
            "/api/analyze",
            {"json": {"text": "a" * 30_000}, "headers": {"Authorization": f"Bearer {TOKEN}"}},
            413,
            "E603",
            "20,000 bytes",
        ),
        # Without Content-Length (chunked), the limit is applied while the body arrives.
        (
            "post",
            "/api/analyze",
            {
                "content": iter([b'{"text": "', b"a" * 15_000, b"a" * 15_000, b'"}']),
                "headers": {"Authorization": f"Bearer {TOKEN}"},
            },
            413,
            "E603",
            "limit",
        ),
    ],
)
def test_errors_are_json_with_a_message(client, method, path, kwargs, status, code, says):
    answer = getattr(client, method)(path, **kwargs)
    assert answer.status_code == status, answer.text
    error = answer.json()["error"]
    assert error["status"] == status and error["code"] == code
    assert says.lower() in error["message"].lower()


def test_analyze_is_disabled_without_a_token(built):
    with TestClient(create_app(built[0])) as client:
        answer = client.post("/api/analyze", json={"text": "Tekst."}, headers={"Authorization": "Bearer x"})
    message = answer.json()["error"]["message"]
    assert answer.status_code == 403 and "no token" in message and "--" not in message, message


def test_server_connections_are_read_only(client):
    store = client.app.state.pool.open()
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.connection.execute("DELETE FROM events")
    store.close()


@pytest.mark.parametrize(
    "path",
    [
        "/static/..%2F..%2Fpyproject.toml",
        "/static/LICENSE.swagger-ui",
        "/static/%2Fetc%2Fpasswd",
        "/static/README.md",
    ],
)
def test_no_request_path_reaches_the_filesystem(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    ("path", "kind"), [("/static/kronika.css", "text/css"), ("/static/swagger-ui-bundle.js", "javascript")]
)
def test_static_files_are_served_from_memory(client, path, kind):
    answer = client.get(path)
    assert answer.status_code == 200 and kind in answer.headers["content-type"]


def test_docs_use_vendored_assets_only(client):
    page = client.get("/docs").text
    assert "/static/swagger-ui-bundle.js" in page and "/openapi.json" in page
    assert "cdn." not in page and "https://" not in page
    schema = client.get("/openapi.json").json()
    assert {"/api/events", "/api/articles/{article_id}", "/api/analyze", "/api/relations"} <= set(schema["paths"])


@pytest.mark.parametrize(("origins", "allowed"), [((), False), (("https://news.example",), True)])
def test_cors_is_off_unless_configured(built, origins, allowed):
    with TestClient(create_app(built[0], cors_origins=origins)) as client:
        answer = client.get("/api/stats", headers={"Origin": "https://news.example"})
    assert ("access-control-allow-origin" in answer.headers) is allowed


def test_pages_forbid_other_origins(client):
    policy = client.get("/").headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'self';" in policy


@pytest.mark.parametrize(("kwargs", "code"), [({"cors_origins": ("news.example",)}, "E605"), ({}, "E505")])
def test_bad_start_options(tmp_path, built, kwargs, code):
    path = built[0] if kwargs else tmp_path / "missing.db"
    with pytest.raises(KronikaError) as raised:
        create_app(path, **kwargs)
    assert raised.value.code == code


def test_serve_refuses_a_missing_store(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "E505" in result.output


@pytest.fixture
def copied(built, tmp_path):
    """A copy of the built store that a test may write to while a server reads it."""
    path = tmp_path / "copy.db"
    with sqlite3.connect(built[0]) as source, sqlite3.connect(path) as target:
        source.backup(target)
    return path


@pytest.mark.parametrize("path", ["/api/stats", "/api/articles?limit=5", "/api/entities/Q946", "/"])
def test_a_repeated_get_is_served_from_the_cache_until_an_ingest(copied, built, path):
    import dataclasses

    from kronika.store import Store

    with TestClient(create_app(copied)) as client:
        first, second = client.get(path), client.get(path)
        assert (first.headers["x-kronika-cache"], second.headers["x-kronika-cache"]) == ("miss", "hit")
        assert first.content == second.content
        before = client.get("/api/stats").json()["articles"]
        doc = dataclasses.replace(built[1][0], id="cache-invalidation-test")
        with Store(copied, stories=False) as writer:  # another connection, as `kronika ingest` would be
            assert writer.add(doc)
        after = client.get(path)
        assert after.headers["x-kronika-cache"] == "miss"
        assert client.get("/api/stats").json()["articles"] == before + 1
        assert client.get(path).headers["x-kronika-cache"] == "hit"


@pytest.mark.parametrize(
    ("cache_size", "path", "second"),
    [(0, "/api/stats", None), (8, "/api/events/nope", "miss"), (8, "/static/kronika.css", None)],
)
def test_what_is_not_cached(built, cache_size, path, second):
    with TestClient(create_app(built[0], cache_size=cache_size)) as client:
        client.get(path)
        assert client.get(path).headers.get("x-kronika-cache") == second


def test_the_cache_keeps_at_most_its_size(built):
    with TestClient(create_app(built[0], cache_size=2)) as client:
        paths = [f"/api/events?limit={n}" for n in (1, 2, 3)]
        for path in paths:
            client.get(path)
        assert [client.get(path).headers["x-kronika-cache"] for path in reversed(paths)] == ["hit", "hit", "miss"]


def test_serve_with_two_worker_processes(built):
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "kronika", "serve", "--db", str(built[0]), "--port", str(port), "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline, answer = time.monotonic() + 60, None
        while answer is None and time.monotonic() < deadline and server.poll() is None:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=5)
            except httpx.TransportError:
                time.sleep(0.3)
        assert answer is not None, server.stderr.read().decode() if server.poll() is not None else "no answer"
        assert answer.status_code == 200 and answer.json()["articles"] == len(built[1])
    finally:
        server.terminate()
        server.wait(20)


# --- claims -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def claim_keys(built):
    """The story and the stored event of the three shelling reports (tests/store/claim_records.py)."""
    from kronika.store import Store, sql

    with Store(built[0], create=False, read_only=True) as store:
        story = store.connection.execute(sql.STORY_OF_ARTICLE, ("claims-first",)).fetchone()[0]
        return {"story": story, "event": store.article("claims-first")["stored_events"][0]}


def _sources(body: dict) -> list[tuple]:
    return [
        (
            g["category"] or g["unit"],
            [
                (s["claimant"]["name"] if s["claimant"] else s["outlet"], [v["value"] for v in s["values"]])
                for s in g["sources"]
            ],
        )
        for g in body["groups"]
    ]


KILLED = ("killed", [("State Emergency Service of Ukraine", [14.0, 17.0]), ("Ministry of Defence (Russia)", [30.0])])

# (query keys, resolved from claim_keys where given as None, the groups in brief)
CLAIM_QUERIES = [
    (
        {"story": None},
        [KILLED, ("wounded", [("wiadomosci.example.pl", [40.0])]), ("budynek", [("wiadomosci.example.pl", [12.0])])],
    ),
    ({"story": None, "category": "killed"}, [KILLED]),
    ({"event": None}, [KILLED]),
    ({"article": "claims-second"}, [("killed", [("Ministry of Defence (Russia)", [30.0])])]),
    ({"story": None, "category": "money"}, []),
]


@pytest.mark.parametrize(("params", "expected"), CLAIM_QUERIES)
def test_claims_by_story_event_article_and_category(client, claim_keys, params, expected):
    params = {key: claim_keys[key] if value is None else value for key, value in params.items()}
    answer = client.get("/api/claims", params=params)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert _sources(body) == expected
    assert all(body[key] == value for key, value in params.items())


def test_a_claim_group_names_its_event_and_articles(client, claim_keys):
    (group,) = client.get("/api/claims", params={**claim_keys, "category": "killed"}).json()["groups"]
    assert group["event"]["id"] == claim_keys["event"] and group["event"]["type"] == "ASSAULT"
    figure = group["sources"][0]["values"][1]
    assert (figure["text"], figure["approximate"]) == ("17 osób", False)
    assert [(a["id"], a["date"], a["source"]) for a in figure["articles"]] == [
        ("claims-third", "2025-06-11", "wiadomosci.example.pl")
    ]


@pytest.mark.parametrize(
    ("query", "status", "code", "says"),
    [
        ("story=nope", 404, "E601", "no story 'nope'"),
        ("event=nope&article=claims-first", 404, "E601", "no event 'nope'"),
        ("category=killed", 400, "E506", "give a story, an event or an article"),
        ("", 400, "E506", "give a story"),
        ("story=" + "x" * 65, 422, "E604", "'story'"),
    ],
)
def test_claims_errors(client, query, status, code, says):
    answer = client.get(f"/api/claims?{query}")
    assert answer.status_code == status, answer.text
    error = answer.json()["error"]
    assert error["code"] == code and says in error["message"]


# A large page is sent in parts (kronika.api.deps.page_response), byte for byte the page sent whole.
@pytest.mark.parametrize("size", [0, 1, 100, 101, 150, 500])
@pytest.mark.parametrize("extra", [{}, {"message": "żaden"}])
def test_a_streamed_page_is_the_page_sent_whole(size, extra):
    import asyncio

    from fastapi.responses import JSONResponse, StreamingResponse

    from kronika.api.deps import STREAMED_ITEMS, page_response
    from kronika.api.paging import Paging, page

    items = [
        {"id": f"e{i}", "actor": [{"name": "Kim Dzong Un"}], "goldstein": i / 3, "date": None} for i in range(size + 1)
    ]
    body = {**page(items, Paging(size or 1, 0)), **extra}
    response = page_response(body)
    assert isinstance(response, StreamingResponse) is (len(body["items"]) > STREAMED_ITEMS)

    async def read() -> bytes:
        if not isinstance(response, StreamingResponse):
            return response.body
        return b"".join([part async for part in response.body_iterator])

    assert asyncio.run(read()) == JSONResponse(body).body


# Sent as ASGI messages under uvicorn's ASGI 2.3 (kronika.api.deps.PartsResponse): the parts in order, the last
# one closing the body, the client's messages never read (no task listening for a disconnect).
def test_a_streamed_page_is_sent_without_listening_for_a_disconnect():
    import asyncio

    from fastapi.responses import JSONResponse

    from kronika.api.deps import page_response
    from kronika.api.paging import Paging, page

    items = [{"id": f"e{i}", "goldstein": i / 3} for i in range(301)]
    body = page(items, Paging(300, 0))
    sent = []

    async def receive():
        raise AssertionError("a streamed page read the client's messages")

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0", "spec_version": "2.3"}, "method": "GET", "headers": []}
    asyncio.run(page_response(body)(scope, receive, send))
    assert sent[0]["type"] == "http.response.start" and sent[0]["status"] == 200
    assert [m.get("more_body") for m in sent[1:]] == [True] * (len(sent) - 2) + [False]
    assert b"".join(m["body"] for m in sent[1:]) == JSONResponse(body).body


def test_a_spawned_worker_collects_as_the_one_process_server_does(built, monkeypatch):
    """``kronika serve --workers N``: each worker builds its app from the environment in a new interpreter, which
    the command group never ran in; it takes the collector's thresholds there (``kronika.collector``)."""
    import gc
    import json

    from kronika.api.app import SETTINGS_VARIABLE, app_from_environment
    from kronika.collector import DEFAULT, YOUNG_THRESHOLD

    kept = gc.get_threshold()
    monkeypatch.setenv(SETTINGS_VARIABLE, json.dumps({"db_path": str(built[0])}))
    try:
        gc.set_threshold(*DEFAULT)
        app = app_from_environment()
        assert gc.get_threshold() == (YOUNG_THRESHOLD, *DEFAULT[1:])
        app.state.pool.close()
    finally:
        gc.set_threshold(*kept)

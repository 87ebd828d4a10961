"""A sweep of the API's error paths: every error is JSON with a code and the security headers, none is a bare
``500 text/plain``, and an analysis at the calendar's edge is an answer, not a crash."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from store import store_records

from kronika.api import create_app
from kronika.store import Store

TOKEN = "sweep-token-5678"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
EDGE_TEXT = "Spotkanie odbędzie się za tydzień, a dzień później rząd przyjmie budżet."


def failing_route(app) -> None:
    """An endpoint whose handler fails as a bug would: what escapes every handler must still be JSON."""

    @app.get("/api/test-failure")
    def fail() -> None:
        raise RuntimeError("an unexpected failure")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = tmp_path_factory.mktemp("sweep") / "kronika.db"
    with Store(db, stories=False) as store:
        store.add_many(store_records.ALL)
    app = create_app(db, token=TOKEN, max_body_bytes=5_000)
    failing_route(app)
    with TestClient(app) as opened:
        yield opened


# (case, method, path, request keywords, expected status, expected code or None for a success)
SWEEP = [
    ("unknown endpoint", "GET", "/api/nope", {}, 404, "E601"),
    ("wrong method", "POST", "/api/stats", {}, 405, "E604"),
    ("limit out of range", "GET", "/api/events?limit=0", {}, 422, "E604"),
    ("impossible date filter", "GET", "/api/events?since=2025-13", {}, 400, "E506"),
    ("unknown article", "GET", "/api/articles/none", {}, 404, "E601"),
    ("entity at an impossible date", "GET", "/api/entities/Q946?date=9999-99-99", {}, 400, "E506"),
    ("analysis without the token", "POST", "/api/analyze", {"json": {"text": "Tekst."}}, 401, "E602"),
    ("analysis body not JSON", "POST", "/api/analyze", {"content": b"{", "headers": AUTH}, 422, "E604"),
    (
        "analysis body over the limit",
        "POST",
        "/api/analyze",
        {"json": {"text": "x" * 6_000}, "headers": AUTH},
        413,
        "E603",
    ),
    (
        "negative Content-Length",
        "POST",
        "/api/analyze",
        {"content": b"", "headers": {**AUTH, "content-length": "-1"}},
        400,
        "E604",
    ),
    (
        "impossible analysis date",
        "POST",
        "/api/analyze",
        {"json": {"text": "Tekst.", "date": "9999-99-99"}, "headers": AUTH},
        422,
        "E604",
    ),
    (
        "unknown language",
        "POST",
        "/api/analyze",
        {"json": {"text": "Tekst.", "lang": "xx"}, "headers": AUTH},
        400,
        "E102",
    ),
    ("a failing handler", "GET", "/api/test-failure", {}, 500, "E606"),
    ("no token and a broken body: the token first", "POST", "/api/analyze", {"content": b"{"}, 401, "E602"),
    (
        "wrong token and a body over the limit",
        "POST",
        "/api/analyze",
        {"content": iter([b"x" * 6_000]), "headers": {"Authorization": "Bearer wrong"}},
        401,
        "E602",
    ),
    ("HEAD of a list", "HEAD", "/api/stats", {}, 200, None),
    ("HEAD of a missing record", "HEAD", "/api/articles/none", {}, 404, None),
    (
        "analysis at the end of the calendar",
        "POST",
        "/api/analyze",
        {"json": {"text": EDGE_TEXT, "date": "9999-12-31"}, "headers": AUTH},
        200,
        None,
    ),
    (
        "analysis at the start of the calendar",
        "POST",
        "/api/analyze",
        {
            "json": {"text": "Wczoraj 31 grudnia premier spotkał się z prezydentem.", "date": "0001-01-01"},
            "headers": AUTH,
        },
        200,
        None,
    ),
]


@pytest.mark.parametrize(
    ("name", "method", "path", "keywords", "status", "code"), SWEEP, ids=[case[0] for case in SWEEP]
)
def test_error_paths_answer_json_with_a_code(client, name, method, path, keywords, status, code):
    answer = client.request(method, path, **keywords)
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith("application/json")
    if method == "HEAD":
        assert answer.content == b"" and int(answer.headers["content-length"]) > 0
    assert answer.headers["x-content-type-options"] == "nosniff" and "content-security-policy" in answer.headers
    if code is not None:
        assert answer.json()["error"]["code"] == code


def test_edge_dates_resolve_inside_the_calendar(client):
    record = client.post("/api/analyze", json={"text": EDGE_TEXT, "date": "9999-12-31"}, headers=AUTH).json()
    # "za tydzień" and "dzień później" would leave the calendar: they keep their span, without a value.
    assert record["timexes"] and all(t["value"] is None for t in record["timexes"])


def test_not_found_does_not_echo_a_long_id(client):
    answer = client.get("/api/articles/" + "x" * 50_000)
    assert answer.status_code == 404 and len(answer.content) < 1_000
    assert "50,000 characters" in answer.json()["error"]["message"]


# (case, request path, a phrase the message must hold): the store's CLI wording reaches clients as query parameters
HTTP_WORDING = [
    ("bad modality", "/api/events?modality=perhaps", "modality 'perhaps' is not a modality"),
    ("bad date", "/api/events?since=2025-13", "since '2025-13' is not a calendar date"),
    ("dates in the wrong order", "/api/events?since=2025-09&until=2025-01", "since 2025-09 is after until"),
    ("bad type", "/api/events?type=CONSULTX", "type 'CONSULTX' is not a PLOVER event type"),
    ("bad period", "/api/relations?a=CHN&b=PRK&by=hour", "by 'hour' is not a period"),
    ("claims of nothing", "/api/claims", "(story, event, article)"),
]


@pytest.mark.parametrize(("name", "path", "phrase"), HTTP_WORDING, ids=[case[0] for case in HTTP_WORDING])
def test_errors_name_query_parameters_not_cli_options(client, name, path, phrase):
    message = client.get(path).json()["error"]["message"]
    assert phrase in message and "--" not in message, message

"""The read routes answered past FastAPI's machinery (``kronika.api.fastpath``) give the response FastAPI
gives: the same status, headers and bytes, for plain requests, bad values, missing items and unknown paths."""

from __future__ import annotations

import pytest
from api.fixture_store import build_store
from fastapi.testclient import TestClient

from kronika.api import create_app, lists
from kronika.api.app import router
from kronika.api.fastpath import _plan_of

URLS = [
    "/api/events",
    "/api/events?limit=2&offset=1&_=ignored",
    "/api/events?limit=2&cursor=nosuch",
    "/api/events?limit=1",
    "/api/events?actor=Tusk&modality=all&sort=-goldstein",
    "/api/events?facet=type&facet=country&limit=3",
    "/api/events?facet=",
    "/api/events?limit=0",
    "/api/events?limit=501",
    "/api/events?limit=+5",
    "/api/events?limit=5&limit=6",
    "/api/events?quad_class=9",
    "/api/events?since=2025-13-01",
    "/api/events?text=Pekin&since=2020",
    "/api/events?type=" + "X" * 41,
    "/api/events?cursor=a&offset=3",
    "/api/events.csv?actor=Tusk",
    "/api/events.json?limit=3",
    "/api/events.xml",
    "/api/events/timeline?actor=Tusk",
    "/api/events/nosuch",
    "/api/actors?search=kim&modality=all&limit=2",
    "/api/actors?sort=name",
    "/api/articles?search=Pekin&limit=1",
    "/api/articles?sort=-tone&limit=2&offset=1",
    "/api/articles/handmade-tusk-kyiv",
    "/api/articles/nosuch",
    "/api/entities?type=PER&limit=2",
    "/api/entities/Q946",
    "/api/entities/Q946?date=2025-03-01&modality=all",
    "/api/entities/Q946?date=notadate",
    "/api/entities/nosuch",
    "/api/relations?a=POL&b=UKR&by=week",
    "/api/relations?a=POL",
    "/api/stories?limit=2",
    "/api/stats",
    "/api/claims?story=nosuch",
    "/api/alerts",
    "/api/nosuch",
    "/api/events?actor=Tusk&%ZZ=%C5%81",
]


@pytest.fixture(scope="module")
def clients(tmp_path_factory, pipeline):
    path = tmp_path_factory.mktemp("fastpath") / "kronika.db"
    build_store(path, pipeline)
    with (
        TestClient(create_app(path, cache_size=0)) as fast,
        TestClient(create_app(path, cache_size=0, fast_routes=False)) as plain,
        TestClient(create_app(path, cache_size=0, serial=0.05)) as serial,
    ):
        yield fast, plain, serial


def _answer(client, url: str) -> tuple:
    response = client.get(url)
    return response.status_code, response.headers.items(), response.content


@pytest.mark.parametrize("url", URLS)
def test_fast_routes_answer_as_fastapi(clients, url):
    fast, plain, _ = clients
    assert _answer(fast, url) == _answer(plain, url)


@pytest.mark.parametrize("url", URLS)
def test_routes_run_serially_answer_as_fastapi(clients, url):
    """``serve --serial``: the routes that take the store run on ``kronika.api.serial``'s threads."""
    _, plain, serial = clients
    assert _answer(serial, url) == _answer(plain, url)


@pytest.mark.parametrize(
    ("path", "planned"),
    [
        ("/api/events", True),
        ("/api/entities/{entity_id:path}", True),
        ("/api/events/timeline", False),
        ("/api/analyze", False),
    ],
)
def test_routes_planned(path, planned):
    routes = {route.path: route for route in [*lists.router.routes, *router.routes]}
    assert (_plan_of(routes[path]) is not None) == planned


@pytest.mark.parametrize(("url", "fast_answer"), [("/api/events?limit=2", True), ("/api/events?limit=0", False)])
def test_plain_requests_take_the_fast_path(clients, monkeypatch, url, fast_answer):
    from kronika.api import fastpath

    calls = []

    async def counted(function, **arguments):
        calls.append(function.__name__)
        return function(**arguments)

    monkeypatch.setattr(fastpath, "run_in_threadpool", counted)
    clients[0].get(url)
    assert (calls == ["events"]) == fast_answer

"""A page of a few actor keys' events read off their participant index (``sql.EVENT_OF_KEY``, merged) holds the
rows, in the order, that the other plans give (the plan turned off), and is taken only where it applies."""

from __future__ import annotations

import pytest
from store import store_records as records

from kronika.store import Store, queries


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("keys_page") / "kronika.db") as opened:
        opened.add_many(records.ALL)
        yield opened


PAGES = [
    {"actor": "Kim Jong Un"},
    {"initiator": "Kim Jong Un"},
    {"recipient": "Kim Jong Un"},
    {"actor": "Kim Jong Un", "limit": 1, "offset": 1},
    {"recipient": "PRK", "since": "2025-09-01", "until": "2025-09-30"},
    {"actor": "Xi Jinping", "modality": "all"},
    {"initiator": "Xi Jinping", "modality": "asserted", "since": "2025-09"},
    {"actor": "Kim Jong Un", "modality": "intended"},
    {"actor": "Kim Jong Un", "type": "CONSULT"},
    {"actor": "CHN"},
    {"actor": "Władimir Putin", "limit": 2},
    {"recipient": "PRK"},
    {"actor": "PRK", "limit": 2, "offset": 1},
    {"initiator": "Chiny", "until": "2025-09-30"},
    {"actor": "Chiny", "modality": "all"},
]


@pytest.mark.parametrize("given", PAGES, ids=range(len(PAGES)))
def test_keys_pages_are_the_other_plans_pages(store, monkeypatch, given):
    fast = store.event_records(**given)
    monkeypatch.setattr(queries, "_keys_page", lambda *arguments: None)
    other = store.event_records(**given)
    assert fast == other


# (filters, whether the keys' plan reads the page)
TAKEN = [
    ({"initiator": "Kim Jong Un"}, True),
    ({"recipient": "Kim Jong Un", "since": "2025-09-01", "modality": "all"}, True),
    ({"actor": "Kim Jong Un", "modality": "negated"}, False),
    ({"actor": "Kim Jong Un", "type": "CONSULT"}, False),
    ({"actor": "Kim Jong Un", "text": "spotkanie"}, False),
    ({"initiator": "Kim Jong Un", "recipient": "CHN"}, False),
    ({"recipient": "PRK", "since": "2025-09"}, True),
    ({"actor": "Kim Jong Un", "sort": "goldstein"}, False),
]


@pytest.mark.parametrize(("given", "taken"), TAKEN, ids=range(len(TAKEN)))
def test_keys_plan_is_taken_where_it_applies(store, monkeypatch, given, taken):
    statements = []
    store.connection.set_trace_callback(statements.append)
    try:
        store.event_records(**given)
    finally:
        store.connection.set_trace_callback(None)
    assert any("INDEXED BY event_participants_actor" in s for s in statements) == taken

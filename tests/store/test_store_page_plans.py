"""The plans that read a page of events faster give the rows, in the order, that the plain plans give (each
turned off to compare), and are taken only where they apply: a few actor keys' events read off their
participant index and merged (``sql.EVENT_OF_KEY``), and a deep offset whose date the kept counts per date
place (``queries._seek_offset``)."""

from __future__ import annotations

import pytest
from store import store_records as records

from kronika.store import Store, queries


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("page_plans") / "kronika.db") as opened:
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


# (filters, whether the counts place the page)
DEEP_PAGES = [
    ({"offset": 1, "limit": 2}, True),
    ({"offset": 2, "limit": 1}, True),
    ({"offset": 3}, True),
    ({"offset": 1, "since": "2025-09-02", "until": "2025-09"}, True),
    ({"offset": 1, "modality": "asserted", "until": "2025-09-30"}, True),
    ({"offset": 10_000}, False),  # past every dated event: the plain offset
    ({"offset": 1, "modality": "all"}, False),
    ({"offset": 1, "type": "CONSULT"}, False),
    ({"offset": 1, "actor": "PRK"}, False),
    ({"offset": 1, "sort": "goldstein"}, False),
]


@pytest.mark.parametrize(("given", "placed"), DEEP_PAGES, ids=range(len(DEEP_PAGES)))
def test_deep_pages_are_the_plain_offsets_pages(store, monkeypatch, given, placed):
    monkeypatch.setattr(queries, "DEEP_OFFSET", 1)  # the fixture's few events: every offset is deep
    statements = []
    store.connection.set_trace_callback(statements.append)
    try:
        found = store.event_records(**given)
    finally:
        store.connection.set_trace_callback(None)
    assert any(":seek_date" in s or "e.date <= '" in s for s in statements) == placed
    monkeypatch.setattr(queries, "_seek_offset", lambda *arguments: False)
    assert found == store.event_records(**given)

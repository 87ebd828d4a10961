"""A deep offset into the latest-first events, its date found from the kept counts per date
(``queries._seek_offset``), gives the page the plain offset gives, and is used only where the counts answer."""

from __future__ import annotations

import pytest
from store import store_records as records

from kronika.store import Store, queries


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("deep_offset") / "kronika.db") as opened:
        opened.add_many(records.ALL)
        yield opened


# (filters, whether the counts place the page)
PAGES = [
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


@pytest.mark.parametrize(("given", "placed"), PAGES, ids=range(len(PAGES)))
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

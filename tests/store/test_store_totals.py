"""A list's total, facets and timeline: summed from ``event_counts`` for the filters on categories and dates,
counted up to ``queries.COUNT_CAP`` for an actor's events; either way the numbers of the whole filtered list
(the rows themselves, counted here), and a total over the cap says so (``total_exact`` false)."""

from __future__ import annotations

from collections import Counter

import pytest

import modality_records
import store_records as records
from kronika.store import Store, queries, timeline


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("totals") / "kronika.db") as opened:
        opened.add_many([*records.ALL, *modality_records.ALL])
        yield opened


FILTERS = [
    {},
    {"modality": "all"},
    {"modality": "negated"},
    {"type": "CONSULT"},
    {"type": "consult", "country": "CHN"},
    {"country": "Chiny"},
    {"country": "POL", "modality": "all"},
    {"quad_class": 1, "since": "2025-09-05"},
    {"quad_class": 4, "modality": "all"},
    {"since": "2025-09", "until": "2025-09-04"},
    {"until": "2025"},
    {"since": "2026", "modality": "all"},
    {"type": "ASSAULT", "until": "2025-09-30", "modality": "intended"},
    {"actor": "Q56226"},
    {"actor": "Q56226", "modality": "all"},
    {"initiator": "Q15031"},
    {"recipient": "Q15031", "modality": "all"},
    {"recipient": "Chiny"},
    {"actor": "PRK", "since": "2025-09-04", "until": "2025-09-05"},
    {"recipient": "CHN", "type": "CONSULT", "modality": "all"},
    {"initiator": "Q56226", "until": "2025-09-03"},
    {"actor": "Chiny"},
    {"actor": "PRK", "modality": "all"},
    {"recipient": "Chiny", "since": "2025-09-04", "modality": "all"},
]


def _rows(store, filters) -> list[dict]:
    fields = queries.EVENT_FIELDS
    return [dict(zip(fields, row)) for row in queries.event_rows(store.connection, limit=None, **filters)]


@pytest.mark.parametrize("filters", FILTERS)
def test_the_total_is_the_lists_length(store, filters):
    rows = _rows(store, filters)
    assert store.event_total(**filters) == (len(rows), True)
    assert store.event_count(**filters) == len(rows)


@pytest.mark.parametrize("filters", FILTERS)
def test_facets_count_the_filtered_events(store, filters):
    rows = _rows(store, filters)
    facets = store.event_facets(("type", "country"), **filters)
    for name, column in (("type", "type"), ("country", "location_country")):
        counted = Counter(row[column] for row in rows if row[column] is not None)
        assert facets[name] == [
            {"value": value, "count": count} for value, count in sorted(counted.items(), key=lambda c: (-c[1], c[0]))
        ]


@pytest.mark.parametrize("filters", FILTERS)
def test_the_timeline_counts_the_filtered_events(store, filters):
    counted = Counter(
        (row["date"][:10], row["quad_class"]) for row in _rows(store, filters) if len(row["date"] or "") >= 10
    )
    assert store.event_timeline(**filters) == timeline.timeline([(*key, n) for key, n in counted.items()])


@pytest.mark.parametrize(
    ("cap", "filters", "expected"),
    [
        (2, {"actor": "Q56226", "type": "CONSULT"}, (2, False)),  # 4 events: at least the cap
        (4, {"actor": "Q56226", "type": "CONSULT"}, (4, True)),  # exactly the cap: exact
        (1, {"recipient": "CHN", "until": "2025-09-04"}, (1, False)),
        (1, {"actor": "Q56226"}, (4, True)),  # one actor alone: its running counts in actors
        (1, {"recipient": "Q15031", "modality": "all"}, (5, True)),
        (1, {"actor": "Q56226", "modality": "negated"}, (0, True)),  # counted: no running count of negated
        (1, {"type": "CONSULT"}, (5, True)),  # categories and dates are summed whatever the cap
        (1, {}, (8, True)),
    ],
)
def test_a_total_over_the_cap_is_a_lower_bound(store, monkeypatch, cap, filters, expected):
    monkeypatch.setattr(queries, "COUNT_CAP", cap)
    assert store.event_total(**filters) == expected
    assert store.event_count(**filters) == (expected[0] if expected[1] else None)


# One side of a few keys with no filter but dates and an asserted (or any) modality is counted off the keys'
# participant rows up to the cap (sql.SIDE_COUNTED_UP_TO); other filters by the side's list of events.
@pytest.mark.parametrize(
    ("filters", "off_the_keys"),
    [
        ({"recipient": "Chiny"}, True),
        ({"actor": "PRK", "since": "2025-09-04", "modality": "all"}, True),
        ({"actor": "PRK", "modality": "negated"}, False),
        ({"actor": "PRK", "type": "CONSULT"}, False),
        ({"actor": "PRK", "recipient": "CHN"}, False),
        ({"actor": "PRK", "text": "Pekin"}, False),
    ],
)
def test_a_sides_capped_count_reads_its_keys_rows_only_when_most_count(store, filters, off_the_keys):
    conditions, params, sides = queries._event_filter(store.connection, **filters)
    assert (queries._side_counted(conditions, params, sides) is not None) == off_the_keys


def test_a_total_that_takes_too_long_is_unknown(store, monkeypatch):
    monkeypatch.setattr(queries, "COUNT_SECONDS", -1.0)  # every count is over its time at once
    monkeypatch.setattr(queries, "PROGRESS_STEPS", 1)
    assert store.event_total(actor="Q56226", type="CONSULT") == (None, False)
    assert store.event_total(type="CONSULT")[1]  # the summed counts need no time limit


# Pages of filters the kept counts say nothing has (queries._none_by_category), and of some they say exist:
# the rows of every event filtered here.
@pytest.mark.parametrize(
    "filters",
    [
        {"type": "ASSAULT", "country": "CHN"},
        {"type": "CONSULT", "country": "CHN", "modality": "all"},
        {"quad_class": 2, "modality": "all"},
        {"quad_class": 4, "modality": "all"},
        {"quad_class": 1, "country": "POL", "until": "2025-09-03"},
        {"country": "POL"},
    ],
)
def test_a_page_has_the_events_of_its_categories(store, filters):
    every = _rows(store, {"modality": "all"})
    wanted = {**{"modality": "asserted"}, **filters}
    checks = {
        "type": lambda r, v: r["type"] == v,
        "country": lambda r, v: r["location_country"] == v,
        "quad_class": lambda r, v: r["quad_class"] == v,
        "modality": lambda r, v: v == "all" or r["modality"] == v,
        "until": lambda r, v: r["date"] is not None and r["date"] <= v + "\uffff",
    }
    expected = [r["id"] for r in every if all(checks[name](r, value) for name, value in wanted.items())]
    assert [r["id"] for r in _rows(store, filters)] == expected


@pytest.mark.parametrize("limit", [1, 2, 3, 1000])
def test_a_peeked_page_reads_all_but_its_look_ahead_row(store, limit):
    """``peek``: the last of ``limit`` rows comes back as its id alone, the others whole; a short list, whole."""
    full = store.event_records(modality="all", limit=1000)
    peeked = store.event_records(modality="all", limit=limit, peek=True)
    if limit > len(full):
        assert peeked == full
    else:
        assert peeked == [*full[: limit - 1], {"id": full[limit - 1]["id"]}]

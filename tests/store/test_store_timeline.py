"""The events timeline (kronika/store/timeline.py): counts per period by QuadClass with every period of the range,
the period following the range (day, ISO week, month); then Store.event_timeline under the list filters."""

from __future__ import annotations

import pytest

import store_records as records
from kronika.store import Store
from kronika.store.timeline import timeline

# (counts: day, QuadClass, events; the period chosen; the periods listed; events per period)
CASES = [
    ([], "day", [], []),
    ([("2025-09-01", 1, 2), ("2025-09-03", 4, 1)], "day", ["2025-09-01", "2025-09-02", "2025-09-03"], [2, 0, 1]),
    # ISO weeks across a new year: 2024-12-30 is in 2025-W01, one week with 2025-01-02, none "W53" or "W00".
    (
        [("2024-12-20", 3, 1), ("2024-12-30", 1, 1), ("2025-01-02", 2, 1), ("2025-03-31", 1, 1)],
        "week",
        ["2024-W51", "2024-W52"] + [f"2025-W{w:02d}" for w in range(1, 15)],
        [1, 0, 2] + [0] * 12 + [1],
    ),
    ([("2021-01-31", 1, 1), ("2025-02-01", 4, 3)], "month", None, None),  # four years: months
    ([("2025-09-01", None, 2), ("no date", 1, 5)], "day", ["2025-09-01"], [2]),  # no QuadClass; not a day: left out
]


@pytest.mark.parametrize(("counts", "by", "periods", "events"), CASES)
def test_timeline_periods(counts, by, periods, events):
    found = timeline(counts)
    assert found["by"] == by
    listed = [p["period"] for p in found["periods"]]
    if periods is not None:
        assert listed == periods
        assert [p["events"] for p in found["periods"]] == events
    assert listed == sorted(listed) and len(set(listed)) == len(listed)
    days = [c for c in counts if c[0][:4].isdigit()]
    assert sum(p["events"] for p in found["periods"]) == sum(n for _, _, n in days)
    quads = sum(
        p[f"quad{q}_{name}"]
        for p in found["periods"]
        for q, name in (
            (1, "verbal_cooperation"),
            (2, "material_cooperation"),
            (3, "verbal_conflict"),
            (4, "material_conflict"),
        )
    )
    assert quads == sum(n for _, q, n in days if q)


def test_a_long_range_by_month_lists_every_month():
    listed = [p["period"] for p in timeline([("2021-01-31", 1, 1), ("2025-02-01", 4, 3)])["periods"]]
    assert listed[0] == "2021-01" and listed[-1] == "2025-02" and len(listed) == 4 * 12 + 2


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("timeline") / "k.db", stories=False) as opened:
        opened.add_many(records.ALL)
        yield opened


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"modality": "all"},
        {"type": "CONSULT"},
        {"actor": "PRK"},
        {"quad_class": 4, "modality": "all"},
        {"since": "2025-09-02"},
        {"actor": "nobody at all"},
    ],
)
def test_store_timeline_counts_the_filtered_events(store, filters):
    found = store.event_timeline(**filters)
    day_dated = [e for e in store.event_records(**filters, limit=0) if len(e["date"] or "") >= 10]
    assert sum(p["events"] for p in found["periods"]) == len(day_dated)
    by_day = {}
    for event in day_dated:
        by_day[event["date"][:10]] = by_day.get(event["date"][:10], 0) + 1
    if found["by"] == "day":
        assert {p["period"]: p["events"] for p in found["periods"] if p["events"]} == by_day

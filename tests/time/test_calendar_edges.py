"""Datelines at the calendar's edge: relative dates that would leave it keep no value, and nothing crashes
(issue 19: " date 9999-12-31 ... za tydzień" was an OverflowError in the resolver, E301 on the CLI)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kronika.cli import main

# (dateline, text, values expected in order; None where the date would leave the calendar)
EDGES = [
    ("9999-12-31", "Spotkanie odbędzie się za tydzień.", [None]),
    ("9999-12-31", "Wczoraj rząd przyjął budżet.", ["9999-12-30"]),
    ("9999-12-31", "Dzień później doszło do zamachu.", [None]),
    ("9999-12-31", "W przyszłym roku rząd obniży podatki.", [None]),
    ("9999-12", "W przyszłym miesiącu odbędą się wybory.", [None]),
    ("0001-01-01", "Wczoraj premier spotkał się z prezydentem.", [None]),
    ("0001-01-01", "Jutro premier spotka się z prezydentem.", ["0001-01-02"]),
    ("0001-01-01", "Przed tygodniem ogłoszono wyniki.", [None]),
]


@pytest.mark.parametrize(("date", "text", "values"), EDGES, ids=[f"{d} {t}" for d, t, _ in EDGES])
def test_dates_at_the_edge_resolve_or_stay_open(tmp_path, date, text, values):
    path = tmp_path / "article.txt"
    path.write_text(f" date {date} {text}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(path)])
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert [timex["value"] for timex in record["timexes"]] == values

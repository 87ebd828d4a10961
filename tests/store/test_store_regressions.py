"""Faults found in review: each row is a record the store once mishandled."""

from __future__ import annotations

from dataclasses import replace

import pytest
from store_records import KIM, PAP, XI, consult

from kronika.store import Store


def stored(tmp_path, *docs):
    store = Store(tmp_path / "k.db")
    failures: list = []
    added = store.add_many(list(docs), failures)
    return store, added, failures


@pytest.mark.parametrize("url", ["http://[bad/", "not a url", "", None])
def test_a_malformed_url_does_not_stop_the_batch(tmp_path, url):
    odd = replace(PAP, id="odd-url", url=url)
    store, added, failures = stored(tmp_path, odd, replace(PAP, id="plain"))
    assert (added, failures) == (2, [])
    store.close()


def test_an_actor_on_both_sides_counts_once_per_event(tmp_path):
    both = replace(PAP, id="both", events=[consult(PAP.text, "spotkał się", "2025-09-04", actor=KIM, recipient=KIM)])
    store, _, _ = stored(tmp_path, both)
    row = store.connection.execute(
        "SELECT events, as_actor, as_recipient FROM actors WHERE name = ?", ("Kim Jong Un",)
    ).fetchone()
    assert tuple(row) == (1, 1, 1)
    store.close()


@pytest.mark.parametrize(("date", "precision"), [("2025-09-04", "day"), ("2025-09", "month"), ("2025", "year")])
def test_event_date_precision_follows_the_date(tmp_path, date, precision):
    event = replace(consult(PAP.text, "spotkał się", date, actor=KIM, recipient=XI), date_precision=None)
    store, _, _ = stored(tmp_path, replace(PAP, id="p", events=[event]))
    row = store.connection.execute("SELECT date, date_precision FROM events").fetchone()
    assert tuple(row) == (date, precision)
    store.close()


def test_a_record_that_cannot_be_written_is_reported_and_the_rest_stored(tmp_path):
    broken = replace(
        PAP, id="broken", events=[replace(consult(PAP.text, "spotkał się", "2025-09-04"), context=object())]
    )
    store, added, failures = stored(tmp_path, broken, replace(PAP, id="fine"))
    assert added == 1 and [doc.id for doc, _ in failures] == ["broken"]
    assert store.connection.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    store.close()


def test_a_query_does_not_turn_an_empty_file_into_a_store(tmp_path):
    from click.testing import CliRunner

    from kronika.cli import main

    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    result = CliRunner().invoke(main, ["stats", "--db", str(empty)])
    assert result.exit_code != 0 and "E505" in result.output + (result.stderr or "")
    assert empty.read_bytes() == b""


@pytest.mark.parametrize(("by", "periods"), [("day", ["2025-09-04"]), ("month", ["2025-09"]), ("year", ["2025"])])
def test_a_month_dated_event_stays_out_of_a_series_by_day(tmp_path, by, periods):
    day = consult(PAP.text, "spotkał się", "2025-09-04", actor=KIM, recipient=XI)
    month = replace(consult(PAP.text, "rozmawiał", "2025-09", actor=KIM, recipient=XI), date_precision="month")
    store, _, _ = stored(tmp_path, replace(PAP, id="d", events=[day, month]))
    frame = store.relations("PRK", "CHN", by=by)
    assert sorted(set(frame["period"])) == periods
    store.close()

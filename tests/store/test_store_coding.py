"""An event reported several times takes the coding (PLOVER mode, contexts, CAMEO, Goldstein, QuadClass) of the
mode most of its reports give, whatever order they were stored in; a tie goes to the mode reported first."""

from __future__ import annotations

import sqlite3

import pytest
from store_records import PUTIN, XI, _sentences, _span

from kronika.record import Document, Event
from kronika.store import Store

TEXT = "Władimir Putin rozmawiał w piątek z Xi Jinpingiem."
# (CAMEO code, PLOVER mode, contexts, Goldstein) of each way a report can code the talks (CAMEO2PLOVER).
CODINGS = {
    None: ("040", None, [], 1.0),
    "phone": ("041", "phone", [], 1.0),
    "visit": ("042", "visit", [], 1.9),
    "third-party": ("044", "third-party", ["diplomatic"], 2.5),
}


def report(number: int, mode: str | None) -> Document:
    cameo, plover_mode, context, goldstein = CODINGS[mode]
    event = Event(
        type="CONSULT",
        trigger=_span(TEXT, "rozmawiał"),
        sentence=0,
        mode=plover_mode,
        context=context,
        actor=[PUTIN],
        recipient=[XI],
        cameo=cameo,
        goldstein=goldstein,
        quad_class=1,
        date="2025-09-12",
        date_precision="day",
    )
    return Document(
        text=TEXT,
        id=f"coding-{number}",
        url=f"https://outlet{number}.example/a",
        date="2025-09-12",
        sentences=_sentences(TEXT),
        events=[event],
    )


# (modes of the reports in ingest order, the mode the one stored event ends with)
CODING_CASES = [
    (["phone"], "phone"),
    (["phone", "visit", "visit"], "visit"),
    (["visit", "phone", "phone"], "phone"),
    (["phone", "visit"], "phone"),
    (["visit", "phone"], "visit"),
    ([None, "phone"], "phone"),
    ([None, None, "visit"], "visit"),
    ([None, None], None),
    (["visit", None, None], "visit"),
    (["phone", "visit", "third-party", "third-party", "visit"], "visit"),
]


@pytest.mark.parametrize(("modes", "expected"), CODING_CASES)
def test_an_event_takes_the_coding_most_reports_give(tmp_path, modes, expected):
    path = tmp_path / "kronika.db"
    with Store(path, stories=False) as store:
        store.add_many(report(number, mode) for number, mode in enumerate(modes))
        [event] = store.event_records()
    cameo, mode, context, goldstein = CODINGS[expected]
    assert (event["mode"], event["cameo"], event["goldstein"], event["num_mentions"]) == (
        mode,
        cameo,
        goldstein,
        len(modes),
    )
    with sqlite3.connect(path) as connection:
        stored = connection.execute("SELECT context FROM events").fetchone()[0]
        dyads = connection.execute("SELECT DISTINCT goldstein FROM dyads").fetchall()
    assert stored == ("[]" if not context else f'["{context[0]}"]')
    assert dyads == [(goldstein,)]  # the relation series read the same Goldstein as the event

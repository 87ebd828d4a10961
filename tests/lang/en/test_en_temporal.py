"""English temporal expressions found and resolved against the dateline (Thursday 7 March 2024)."""

from __future__ import annotations

import pytest

import kronika

DATELINE = "2024-03-07"

CASES = [
    ("The ministers met on Tuesday.", [("on Tuesday", "2024-03-05")]),
    ("The deal was signed on March 3, 2024.", [("on March 3, 2024", "2024-03-03")]),
    ("The deal was signed on 3 March 2024.", [("on 3 March 2024", "2024-03-03")]),
    ("Talks resumed last week.", [("last week", "2024-W09")]),
    ("Officials will meet next month.", [("next month", "2024-04")]),
    ("The attack happened yesterday.", [("yesterday", "2024-03-06")]),
    ("The border closed two days ago.", [("two days ago", "2024-03-05")]),
    ("Elections were held in 2019.", [("in 2019", "2019")]),
    ("The war began in February 2022.", [("in February 2022", "2022-02")]),
    ("They have fought for three years.", [("for three years", "P3Y")]),
    ("The summit opened on 2024-02-28.", [("on 2024-02-28", "2024-02-28")]),
    ("She may resign.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_found_and_resolved(text, expected):
    record = kronika.analyze(text, date=DATELINE, lang="en")
    assert [(t.text, t.value) for t in record.timexes] == expected

"""The speakers of an article's quotes decided together (``kronika/quotes/chain.py``)."""

from __future__ import annotations

import pytest

from kronika.quotes.candidates import find_candidates, read_text
from kronika.quotes.chain import NOBODY, decode, link, log_odds
from kronika.record import Document

# (options of each quote as (key, score), links, bonuses, the chosen option of each quote)
DECODE = [
    # No bonus: each quote alone takes its best option.
    ([[("a", 1.0), ("b", 0.5)], [("a", 0.0), ("b", 0.8)]], ["", "paragraph"], {}, [0, 1]),
    # A bonus for keeping the speaker in one paragraph outweighs a small lead of another option.
    ([[("a", 1.0), ("b", 0.5)], [("a", 0.0), ("b", 0.4)]], ["", "paragraph"], {"paragraph": 2.0}, [0, 0]),
    # ... but not a bonus for a link the two quotes do not have.
    ([[("a", 1.0), ("b", 0.5)], [("a", 0.0), ("b", 0.4)]], ["", "far"], {"paragraph": 2.0}, [0, 1]),
    # Evidence flows backwards: a quote with a strong speaker decides the weak quote before it.
    ([[("a", 0.2), ("b", 0.0)], [("a", -1.0), ("b", 3.0)]], ["", "paragraph"], {"paragraph": 1.0}, [1, 1]),
    # A key of None earns no bonus for being repeated ...
    ([[(None, 1.5), ("b", 0.9)], [(None, 0.0), ("b", 0.5)]], ["", "paragraph"], {"paragraph": 2.0}, [1, 1]),
    # ... but the stage's key for nobody named does: a crowd's chants come in runs.
    ([[(NOBODY, 1.5), ("b", 0.9)], [(NOBODY, 0.0), ("b", 0.5)]], ["", "paragraph"], {"paragraph": 2.0}, [0, 0]),
    # Options missing from the neighbour's list get no bonus; a run of three keeps one speaker through.
    (
        [[("a", 1.0)], [("b", 0.6), ("a", 0.0)], [("b", 0.0), ("a", 0.1)]],
        ["", "paragraph", "paragraph"],
        {"paragraph": 1.0},
        [0, 1, 1],
    ),
    ([], [], {"paragraph": 1.0}, []),
]


@pytest.mark.parametrize(("emissions", "links", "bonus", "expected"), DECODE)
def test_decode(emissions, links, bonus, expected):
    assert decode(emissions, links, bonus) == expected


@pytest.mark.parametrize(("p", "expected"), [(0.5, 0.0), (0.0, log_odds(1e-9)), (1.0, log_odds(1 - 1e-9))])
def test_log_odds_is_bounded(p, expected):
    assert log_odds(p) == pytest.approx(expected)


# (text, how each quote after the first stands to the one before it)
LINKS = [
    ("„Zrobimy to szybko” – powiedział minister. „Nie ma na co czekać” – dodał.", ["paragraph"]),
    ("„Zrobimy to szybko” – powiedział minister.\n„Nie ma na co czekać” – dodał.", ["next"]),
    (
        "„Zrobimy to szybko” – powiedział minister. Zebrani milczeli. Potem wyszli z sali. „Nie ma na co czekać” – "
        "dodał.",
        ["near"],
    ),
    (
        "„Zrobimy to szybko” – powiedział minister. Zebrani milczeli. Potem wyszli z sali. Zapadł zmrok. Padał deszcz. "
        "„Nie ma na co czekać” – dodał.",
        ["far"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), LINKS)
def test_link(pipeline, polish, text, expected):
    doc = pipeline(Document(text=text, date="2025-09-04"))
    quotes_text = read_text(doc, polish, polish.data("quotes"))
    found = [c for c in find_candidates(quotes_text) if c.kind == "marked"]
    assert [link(quotes_text, a, b) for a, b in zip(found, found[1:])] == expected

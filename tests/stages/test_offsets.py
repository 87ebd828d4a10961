"""The offset index the event stage dates events with: the sentence holding an offset, and that sentence's
temporal expressions in the document's order, as a scan of every sentence would give them."""

from __future__ import annotations

import pytest

from kronika.record import Document, Timex
from kronika.stages.offsets import offset_index

SENTENCES = [(0, 10), (11, 20), (25, 40)]  # a gap between 20 and 25 (a paragraph break)
TIMEXES = [
    Timex(12, 15, "wtorek", "DATE", "2025-09-02"),
    Timex(0, 3, "dziś", "DATE", "2025-09-04"),
    Timex(16, 19, "środa", "DATE", "2025-09-03"),
    Timex(21, 24, "przerwa", "DATE", "2025-09-01"),
]

# (offset, sentence number expected, texts of its timexes in document order)
LOOKUPS = [
    (0, 0, ["dziś"]),
    (9, 0, ["dziś"]),
    (10, None, []),  # the end is exclusive
    (11, 1, ["wtorek", "środa"]),
    (22, None, []),  # between sentences: the timex there belongs to none
    (39, 2, []),
    (40, None, []),
    (-1, None, []),
]


def naive(doc: Document, offset: int):
    sentence = next(((s, e) for s, e in doc.sentences if s <= offset < e), None)
    found = [t.text for t in doc.timexes if sentence and sentence[0] <= t.start < sentence[1]]
    return (doc.sentences.index(sentence) if sentence else None), found


@pytest.mark.parametrize(("offset", "number", "texts"), LOOKUPS)
def test_lookup_matches_a_full_scan(offset, number, texts):
    doc = Document(text="x" * 40, sentences=list(SENTENCES), timexes=list(TIMEXES))
    index = offset_index(doc)
    found = index.sentence_number(offset)
    assert found == number
    assert [t.text for t in index.timexes_in(found)] == texts
    assert (found, texts) == naive(doc, offset)


def test_index_follows_the_document():
    first = Document(text="x" * 40, sentences=list(SENTENCES), timexes=list(TIMEXES))
    assert [t.text for t in offset_index(first).timexes_in(1)] == ["wtorek", "środa"]
    second = Document(text="x" * 40, sentences=list(SENTENCES), timexes=TIMEXES[1:2])
    assert offset_index(second).timexes_in(1) == []
    first.timexes.append(Timex(30, 33, "piątek", "DATE", "2025-09-05"))  # changed in place: rebuilt
    assert [t.text for t in offset_index(first).timexes_in(2)] == ["piątek"]

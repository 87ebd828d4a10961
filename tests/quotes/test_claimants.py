"""The frame that states a figure and the claimant options around it, on sentences written for these tests."""

from __future__ import annotations

import pytest

from kronika.quotes.candidates import find_candidates, read_text
from kronika.quotes.claimants import claim_frame, claim_options
from kronika.record import Document

# (text, the figure, the frame's kind, its verb of saying as written or None)
FRAMES = [
    # Inside a quote stretch the stretch frames it.
    ("„Zginęło 20 osób” – powiedział Władimir Putin.", "20", "marked", "powiedział"),
    # Else its sentence, with the verb of saying nearest the figure.
    ("Władimir Putin powiedział, że zginęło 20 osób.", "20", "figure", "powiedział"),
    ("W ataku zginęło 20 osób.", "20", "figure", None),
]


def _text(pipeline, polish, text):
    return read_text(pipeline(Document(text=text, date="2025-09-04")), polish, polish.data("quotes"))


@pytest.mark.parametrize(("text", "figure", "kind", "verb"), FRAMES)
def test_claim_frame(pipeline, polish, text, figure, kind, verb):
    found = _text(pipeline, polish, text)
    start = text.index(figure)
    first, last = found.token_range(start, start + len(figure))
    frame = claim_frame(found, first, last, find_candidates(found))
    assert frame.kind == kind
    assert (found.tokens[frame.verb].text if frame.verb is not None else None) == verb


def test_every_amount_has_the_article_itself_as_an_option(pipeline, polish):
    text = "Według Władimira Putina zginęło 20 osób, a 15 zostało rannych."
    doc = pipeline(Document(text=text, date="2025-09-04"))
    options = claim_options(read_text(doc, polish, polish.data("quotes")), doc.amounts)
    assert len(options) == len(doc.amounts) > 0
    assert all(group[-1][0] is None and "nobody" in group[-1][1] for group in options)

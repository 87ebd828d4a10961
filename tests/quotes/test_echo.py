"""Quoted words the article repeats, on sentences written for these tests."""

from __future__ import annotations

import pytest

from kronika.quotes.candidates import find_candidates, read_text
from kronika.quotes.echo import echo_speakers
from kronika.quotes.speakers import named_subject
from kronika.record import Document

# (text, the name echoed for the first quote, or None)
ECHOES = [
    # A subheading repeats words the body quotes with their speaker.
    (
        "„Dyktator wypowiedział wojnę”\nOpozycja protestuje. „Wiemy jedno: dyktator wypowiedział wojnę narodowi”"
        " – powiedział Donald Tusk.",
        "Donald Tusk",
    ),
    # Different words: no echo.
    ("„Dyktator wypowiedział wojnę”\nOpozycja protestuje. „Nie ustąpimy” – powiedział Donald Tusk.", None),
]


@pytest.mark.parametrize(("text", "name"), ECHOES)
def test_echo_speakers(pipeline, polish, text, name):
    found = read_text(pipeline(Document(text=text, date="2025-09-04")), polish, polish.data("quotes"))
    first = find_candidates(found)[0]
    names = {e.name for e in found.doc.entities if e.id in echo_speakers(found, first, named_subject)}
    assert names == ({name} if name else set())

"""A speaker named only by a common noun offered as the body of its state, on sentences written for these tests."""

from __future__ import annotations

from collections import Counter

import pytest

from kronika.quotes.bodies import Body
from kronika.quotes.candidates import find_candidates
from kronika.quotes.speakers import speaker_candidates
from kronika.record import Document
from kronika.stages.quotes import speaker_text

# (text, the body option's country, where the country came from; None: no body option)
BODIES = [
    # An office's title with the state's adjective.
    (
        "Premier Węgier przyjechał do Brukseli. „Nie zgodzimy się” – stwierdził szef węgierskiego rządu.",
        "HUN",
        "adjective",
    ),
    # A state's organ with the state named in its title.
    ("Rozmowy trwały w Dosze. „To był dobry dzień” – powiedział rzecznik rządu Kataru.", "QAT", "title"),
    # An organ with no state named: the article's own country.
    ("W Mali trwają walki. „Zniszczyliśmy konwój” – oświadczyła armia.", "MLI", "article"),
    # A name after the title is an option of its own, as is a body the linker names ("MSZ Kataru").
    ("„To był dobry dzień” – powiedział rzecznik MSZ Maciej Wewiór.", None, None),
    ("Rozmowy trwały w Dosze. „To był dobry dzień” – powiedział rzecznik MSZ Kataru.", None, None),
    # A crowd is no state's party.
    ("W Warszawie trwał protest. „Precz z rządem” – krzyczeli demonstranci.", None, None),
]


@pytest.mark.parametrize(("text", "country", "source"), BODIES)
def test_a_common_noun_speaker_is_its_states_body(pipeline, polish, text, country, source):
    found = speaker_text(pipeline(Document(text=text, date="2025-09-04")), polish, polish.data("quotes"))
    quote = next(c for c in find_candidates(found) if c.kind == "marked")
    bodies = [
        (entity, features)
        for entity, features in speaker_candidates(found, quote, Counter())
        if isinstance(entity, Body)
    ]
    if country is None:
        assert bodies == []
        return
    ((body, features),) = bodies
    assert (body.country, body.source) == (country, source)
    assert {"body", f"body|source={source}"} <= set(features)
    assert body.name.split(" of ")[0].isascii()  # shown by its English word ("head of Hungary")

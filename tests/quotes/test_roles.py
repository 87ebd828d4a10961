"""A speaker named by the office of their title, on sentences written for these tests."""

from __future__ import annotations

from collections import Counter

import pytest

from kronika.quotes.candidates import find_candidates
from kronika.quotes.roles import title_role
from kronika.quotes.speakers import common_subject, speaker_candidates
from kronika.record import Document
from kronika.stages.quotes import speaker_text

# (text, the office the quote's speaking noun names, the person's name, the role features that person gets)
ROLES = [
    # The knowledge base knows the prime minister's office; the state's adjective agrees with his country.
    (
        "Premier Węgier Viktor Orbán przyjechał do Brukseli. „Nie zgodzimy się” – stwierdził szef węgierskiego rządu.",
        "head_of_government",
        "Viktor Orbán",
        {"role_match", "role_match|state=True"},
    ),
    # "Szef dyplomacji" and "minister spraw zagranicznych" are one office.
    (
        "Rozmowom przewodniczył minister spraw zagranicznych Iranu Abbas Arakczi. „To był dobry początek” – "
        "oznajmił szef dyplomacji.",
        "foreign_minister",
        "Abbas Araghchi",
        {"role_match", "role_match|state=False"},
    ),
    # A title whose state is another's names nobody of this office here.
    (
        "Premier Węgier Viktor Orbán przyjechał do Brukseli. „Nie zgodzimy się” – stwierdził szef polskiego rządu.",
        "head_of_government",
        "Viktor Orbán",
        set(),
    ),
    # A spokesman is no office of the knowledge base.
    ("Premier Viktor Orbán przyjechał do Brukseli. „Nie zgodzimy się” – powiedział rzecznik.", None, None, set()),
]


@pytest.mark.parametrize(("text", "role", "name", "marks"), ROLES)
def test_a_title_names_the_holder_of_its_office(pipeline, polish, text, role, name, marks):
    found = speaker_text(pipeline(Document(text=text, date="2025-09-04")), polish, polish.data("quotes"))
    quote = next(c for c in find_candidates(found) if c.kind == "marked")
    noun = common_subject(found, quote.verb, quote)
    assert title_role(found, found.memo["linker"], noun) == role
    if name is None:
        return
    options = dict((entity.name, features) for entity, features in speaker_candidates(found, quote, Counter()))
    assert marks == {f for f in options[name] if f.startswith("role_")}

"""People named only by a title ("prezydent Ukrainy") leave the entity list; a person the text names stays, with
the title among the mentions, and so do the states inside the title."""

from __future__ import annotations

import pytest

from kronika.record import Document
from kronika.stages.entity_titles import drop_title_only
from kronika.stages.link import link_entities
from tests.stages.test_link import analysed, linker  # noqa: F401 (the linker fixture over the test base)

# (text, detector mentions, the entity names left)
CASES = [
    # A title alone: the office holder is no entity, the state is.
    ("Prezydent Ukrainy zarzucił Pekinowi wspieranie Rosji.", [], {"Ukraine", "Beijing", "Russia"}),
    ("Pociąg, którym podróżuje północnokoreański przywódca, wyjechał.", [], set()),
    # The person is named as well: the entity stays, the title one of its mentions.
    (
        "Kim spotkał się z przywódcą Rosji Władimirem Putinem.",
        [("Władimirem Putinem", "PER", "Władimir Putin")],
        {"Vladimir Putin", "Russia"},
    ),
    (
        "Prezydent Ukrainy przemawiał. Zełenski zarzucił Pekinowi wspieranie Rosji.",
        [("Zełenski", "PER", "Zełenski")],
        {"Volodymyr Zelenskyy", "Ukraine", "Beijing", "Russia"},
    ),
]


@pytest.mark.parametrize(("text", "mentions", "expected"), CASES)
def test_a_person_named_only_by_a_title_is_no_entity(linker, text, mentions, expected):  # noqa: F811
    doc: Document = analysed(text, mentions=mentions)
    doc.entities = link_entities(doc, linker)
    assert {e.name for e in drop_title_only(doc, linker)} == expected

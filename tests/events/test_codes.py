"""The code a side is graded by: a state's agents share its code, NATO and armed groups are themselves."""

from __future__ import annotations

import pytest

from kronika.events.codes import code_of, participant_code
from kronika.record import Entity, Participant

CASES = [
    # (id, name, country, sector) -> code
    (("Q7747", "Vladimir Putin", "RUS", "GOV"), "RUS"),
    (("Q159", "Russia", "RUS", None), "RUS"),
    (("Q7184", "NATO", None, "IGO"), "Q7184"),
    (("kronika:hamas", "Hamas", "PSE", "REB"), "kronika:hamas"),
    (("Q1", "Ministry of Defence (Israel)", "ISR", "MIL"), "ISR"),
]


@pytest.mark.parametrize("fields, code", CASES)
def test_code_of_entity_and_participant_agree(fields, code):
    ident, name, country, sector = fields
    assert code_of(Entity(id=ident, name=name, type="ORG", country=country, sector=sector)) == code
    assert participant_code(Participant(entity=ident, name=name, country=country, sector=sector)) == code

import pytest

from kronika.kb.model import Entry
from kronika.stages.link_model import leader_alias

QASSAM = Entry(
    "kronika:qassam", "Izz Ad-Din Al Qassam", "ORG", "PSE", aliases={"en": ("Al-Qassam Brigades", "Mohammed Deif")}
)
PAP = Entry("kronika:pap", "Polish Press Agency", "ORG", "POL", aliases={"pl": ("Polska Agencja Prasowa",)})
KARABAKH = Entry("kronika:nk", "Nagorno-Karabakh", "GPE", "AZE", aliases={"pl": ("Górski Karabach",)})

# (entry, the name looked up, whether it is a leader listed among a body's names)
LEADER_CASES = [
    (QASSAM, "Mohammed Deif", True),  # an English alias of a body sharing no word with its name: a person
    (QASSAM, "Al-Qassam Brigades", False),  # shares a word with the body's name
    (QASSAM, "Deif", False),  # one word: no person's full name
    (PAP, "Polska Agencja Prasowa", False),  # the body's own name in the text's language
    (KARABAKH, "Górski Karabach", False),  # a place, not a body
]


@pytest.mark.parametrize("entry, text, expected", LEADER_CASES)
def test_leader_alias(entry, text, expected):
    assert leader_alias(entry, text) is expected

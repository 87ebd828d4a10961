"""An Arabic name written shorter, or with Polish letters, links to the one person of the base it is part of."""

from types import SimpleNamespace

import pytest

from kronika.lang import get_language
from kronika.stages.link_nasab import name_keys, nasab_index, nasab_match, word_key

SPELLING = get_language("pl").arabic_spelling


def _person(entry_id: str, name: str, type_: str = "PER"):
    return SimpleNamespace(id=entry_id, name=name, type=type_, aliases_in=lambda lang: ())


PEOPLE = [
    _person("qa-pm", "Mohammed bin Abdulrahman bin Jassim Al Thani"),
    _person("qa-emir", "Tamim bin Hamad Al Thani"),
    _person("ae-fm", "Abdullah bin Zayed Al Nahyan"),
    _person("ae-pres", "Mohamed bin Zayed Al Nahyan"),
    _person("qa-hbj", "Hamad bin Jassim bin Jaber Al Thani"),
    _person("org", "Mohammed bin Rashid Foundation", "ORG"),
]


class _Base:
    def __init__(self, entries):
        self.entries = {e.id: e for e in entries}

    def __iter__(self):
        return iter(self.entries.values())

    def get(self, entry_id):
        return self.entries.get(entry_id)


@pytest.mark.parametrize(
    ("word", "key"),
    [("Mohammed", "mhmd"), ("Muhammad", "mhmd"), ("Thani", "sn"), ("Sani", "sn"), ("ibn", "bin"), ("Ahmed", "ahmd")],
)
def test_word_key_keeps_the_consonants(word, key):
    assert word_key(word, SPELLING) == key


def test_name_keys_leave_out_the_article():
    keys = name_keys("Tamim ibn Hamad as-Sani", SPELLING)
    assert keys == name_keys("Tamim bin Hamad Al Thani", SPELLING) == ("tm", "bin", "hmd", "sn")


# (name in the text, expected entry id or None)
CASES = [
    ("Mohammed bin Abdulrahman Al Sani", "qa-pm"),  # a link of the chain left out, "s" for "th"
    ("Mohammed bin Abdulrahman", "qa-pm"),
    ("Muhammad ibn Abdulrahman", "qa-pm"),
    ("Tamim ibn Hamad Al-Sani", "qa-emir"),
    ("Mohammed bin Zayed", "ae-pres"),  # "Mohamed" and "Mohammed" alike, only one has Zayed
    ("Mohammed bin Rashid", None),  # a body's name is no person
    ("Abdullah Al Nahyan", None),  # no "son of"
    ("Mohammed bin", None),  # too short
    ("Hamad bin Tamim", None),  # not the order of any name
    ("Hamad bin Jabir", None),  # Jabir is the grandfather of Hamad bin Jassim bin Jabir: another man
    ("Mohammed Abdulrahman bin Jassim", None),  # "son of" not after the given name
]


@pytest.mark.parametrize(("name", "expected"), CASES)
def test_a_shorter_arabic_name_links_to_the_one_person(name, expected):
    linker = SimpleNamespace(kb=_Base(PEOPLE), language=get_language("pl"))
    found = nasab_match(linker, nasab_index(linker), name)
    assert (found.id if found else None) == expected

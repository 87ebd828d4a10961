"""Entries keep their names per language: the JSON layout, the old flat layout, and the accessors."""

from __future__ import annotations

import pytest

from kronika.kb import Entry

CHINA = {
    "id": "Q148",
    "name": "China",
    "type": "GPE",
    "country": "CHN",
    "capital": "Q956",
    "aliases": {"en": ["PRC"], "pl": ["Chiny", "ChRL"]},
    "forms": {"pl": ["Chin"]},
    "adjectives": {"pl": ["chiński"]},
    "inhabitants": {"pl": ["Chińczycy"]},
}
# The layout before names were keyed by language: one field per language.
CHINA_FLAT = {
    "id": "Q148",
    "name": "China",
    "type": "GPE",
    "country": "CHN",
    "capital": "Q956",
    "aliases_pl": ["Chiny", "ChRL"],
    "aliases_en": ["PRC"],
    "forms_pl": ["Chin"],
    "adjectives_pl": ["chiński"],
    "inhabitants_pl": ["Chińczycy"],
}
CITY = {"id": "Q956", "name": "Beijing", "type": "GPE", "country": "CHN", "aliases": {"pl": ["Pekin"]}}
BODY = {"id": "kronika:x", "name": "X Party", "type": "ORG", "country": "CHN", "aliases_pl": []}


@pytest.mark.parametrize(
    ("obj", "lang", "aliases", "forms", "adjectives"),
    [
        (CHINA, "pl", ("Chiny", "ChRL"), ("Chin",), ("chiński",)),
        (CHINA, "en", ("PRC",), (), ()),
        (CHINA, "de", (), (), ()),
        (CHINA_FLAT, "pl", ("Chiny", "ChRL"), ("Chin",), ("chiński",)),
        (CHINA_FLAT, "en", ("PRC",), (), ()),
        (BODY, "pl", (), (), ()),
    ],
)
def test_names_per_language(obj, lang, aliases, forms, adjectives):
    entry = Entry.from_json(obj)
    assert (entry.aliases_in(lang), entry.forms_in(lang), entry.adjectives_in(lang)) == (aliases, forms, adjectives)


@pytest.mark.parametrize(
    ("obj", "all_aliases", "state"),
    [
        (CHINA, ("PRC", "Chiny", "ChRL"), True),
        (CITY, ("Pekin",), False),
        (BODY, (), False),
    ],
)
def test_every_language_and_statehood(obj, all_aliases, state):
    entry = Entry.from_json(obj)
    assert entry.all_aliases() == all_aliases
    assert entry.is_state() is state


@pytest.mark.parametrize("obj", [CHINA, CHINA_FLAT, CITY, BODY])
def test_json_round_trip_writes_the_keyed_layout(obj):
    entry = Entry.from_json(obj)
    written = entry.to_json()
    assert not any(name.endswith(("_pl", "_en")) for name in written)
    assert Entry.from_json(written) == entry
    # An entry stays hashable (sets of entries), its per-language names left out of the hash.
    assert hash(entry) == hash(Entry.from_json(written))


def test_flat_and_keyed_layouts_are_one_entry():
    assert Entry.from_json(CHINA) == Entry.from_json(CHINA_FLAT)

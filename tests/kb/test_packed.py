"""The prebuilt knowledge base is the knowledge base read from its files: same entries, same lookups."""

from __future__ import annotations

import pytest

from kronika import prebuilt
from kronika.kb import Entry, KnowledgeBase, Office
from kronika.kb.base import _data_dir, read_entries
from kronika.kb.packed import entry_fields, entry_from_fields, load_packed

ENTRIES = [
    Entry(
        "Q956",
        "Beijing",
        "GPE",
        "CHN",
        aliases={"pl": ("Pekin",)},
        forms={"pl": ("Pekinie",)},
        parent="Q148",
        lat=39.9,
        lon=116.4,
        population=21_000_000,
        extra={"geonameid": 1816670},
    ),
    Entry(
        "Q7747",
        "Vladimir Putin",
        "PER",
        "RUS",
        "GOV",
        aliases={"pl": ("Władimir Putin",)},
        offices=(
            Office("head_of_state", "RUS", "2012-05-07"),
            Office("official", None, sector="ELI", known_until="2014"),
        ),
    ),
    Entry("kronika:x", "X", "ORG"),
]


@pytest.mark.parametrize("entry", ENTRIES)
def test_an_entry_survives_its_fields(entry):
    back = entry_from_fields(entry_fields(entry))
    assert back == entry
    assert back.offices == entry.offices and all(isinstance(o, Office) for o in back.offices)
    assert hash(back) == hash(entry)


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    """The committed base read from its JSON Lines files, and the same read twice through the cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(prebuilt.ENV, str(tmp_path_factory.mktemp("cache")))
        load_packed(_data_dir())  # builds and writes the file
        cached = load_packed(_data_dir())  # reads it
    return KnowledgeBase(read_entries(_data_dir())), cached


def test_same_entries_in_the_same_order(both):
    fresh, cached = both
    assert [e.id for e in fresh] == [e.id for e in cached]
    assert all(a == b and a.extra == b.extra for a, b in zip(fresh, cached))


# Lookups that go through the exact index, the loose (diacritics-free) one, and none.
ALIASES = ["Pekinie", "Korea Północna", "Zelenski", "Kim Jong-un", "Rosji", "no such place"]


@pytest.mark.parametrize("alias", ALIASES)
def test_same_lookups(both, alias):
    fresh, cached = both
    assert [e.id for e in fresh.lookup(alias)] == [e.id for e in cached.lookup(alias)]


def test_same_office_holders(both):
    fresh, cached = both
    assert [fresh.holder("head_of_state", c, "2024-01-01") for c in ("RUS", "CHN", "USA")] == [
        cached.holder("head_of_state", c, "2024-01-01") for c in ("RUS", "CHN", "USA")
    ]


def test_a_base_read_from_files_carries_its_key(both):
    fresh, cached = both
    assert fresh.prebuilt_key is None and cached.prebuilt_key

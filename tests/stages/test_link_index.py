"""The linker's prebuilt indexes are the ones it builds: the same gazetteer, names, adjectives and sounds."""

from __future__ import annotations

import pytest

from kronika import prebuilt
from kronika.kb.base import _data_dir
from kronika.kb.packed import load_packed
from kronika.lang import get_language
from kronika.stages.link import Linker
from kronika.stages.link_index import linker_indexes


@pytest.fixture(scope="module")
def linkers(tmp_path_factory):
    """A linker built without the cache and one read from it (written by a first one)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(prebuilt.ENV, str(tmp_path_factory.mktemp("cache")))
        kb = load_packed(_data_dir())
        Linker(get_language("pl"), kb)
        cached = Linker(get_language("pl"), kb)
        cached.sound_match("Janukowycz", "PER")  # writes the sound index
        cached.first_name_evidence()  # and the first names
        cached_sounds = Linker(get_language("pl"), kb)
        cached_sounds.sound_match("Janukowycz", "PER")  # reads them
        cached_sounds.first_name_evidence()
        patch.setenv(prebuilt.ENV, prebuilt.OFF)
        fresh = Linker(get_language("pl"), kb)
        fresh.sound_match("Janukowycz", "PER")
        fresh.first_name_evidence()
    return fresh, cached, cached_sounds


INDEXES = ["_gazetteer", "_by_last_word", "_lower_starts", "_first_names", "_adjectives", "demonyms"]


@pytest.mark.parametrize("name", INDEXES)
def test_same_index(linkers, name):
    fresh, cached, _ = linkers
    built, read = getattr(fresh, name), getattr(cached, name)
    assert dict(built) == dict(read) if isinstance(built, dict) else set(built) == set(read)
    if isinstance(built, dict):
        assert list(built) == list(read)  # key order too: the first alias found of one length wins


def test_same_sound_index(linkers):
    fresh, _, cached = linkers
    assert dict(fresh._by_sound) == dict(cached._by_sound)


def test_same_first_name_evidence(linkers):
    fresh, _, cached = linkers
    built, read = fresh.first_name_evidence(), cached.first_name_evidence()
    assert type(read) is type(built) and read == built
    assert read.english and read.written  # read back, not the pack's empty answer


def test_a_base_made_in_memory_is_not_cached(tmp_path, monkeypatch):
    from kronika.kb import Entry, KnowledgeBase

    monkeypatch.setenv(prebuilt.ENV, str(tmp_path))
    linker = Linker(
        get_language("pl"), KnowledgeBase([Entry("Q956", "Beijing", "GPE", "CHN", aliases={"pl": ("Pekin",)})])
    )
    assert "pekin" in linker_indexes(linker)[0]
    assert not list(tmp_path.iterdir())

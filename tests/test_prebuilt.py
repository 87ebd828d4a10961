"""The prebuilt cache: a value is built once per set of inputs, read back equal, and rebuilt when an input changes."""

from __future__ import annotations

import pytest

from kronika import prebuilt


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv(prebuilt.ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


class Counting:
    """A build function that counts its calls."""

    def __init__(self, value):
        self.value, self.calls = value, 0

    def __call__(self):
        self.calls += 1
        return self.value


VALUES = [
    {"gazetteer": [((frozenset({"pekin"}),), ("Pekin",), "Q956")]},
    (("Q1", "a"), ("Q2", "b")),
    {"key": {"Q1", "Q2"}, "other": frozenset()},
    "",
]


@pytest.mark.parametrize("value", VALUES)
def test_built_once_then_read_back_equal(cache, tmp_path, value):
    source = tmp_path / "input.txt"
    source.write_text("one", encoding="utf-8")
    build = Counting(value)
    first = prebuilt.load("thing", [source], build)
    second = prebuilt.load("thing", [source], build)
    assert first == second == value
    assert build.calls == 1


# What changes the key: (content of the input file, version strings).
CHANGES = [
    ("two", ()),  # the input's bytes
    ("one", ("dict 2",)),  # a version string (the morphology dictionary's)
]


@pytest.mark.parametrize("content, versions", CHANGES)
def test_a_changed_input_rebuilds(cache, tmp_path, content, versions):
    source = tmp_path / "input.txt"
    source.write_text("one", encoding="utf-8")
    build = Counting("old")
    prebuilt.load("thing", [source], build)
    source.write_text(content, encoding="utf-8")
    build.value = "new"
    assert prebuilt.load("thing", [source], build, versions) == "new"
    assert build.calls == 2


# A cache file that cannot be read back: (what it holds instead).
BROKEN = [b"", b"\x00not marshal", b"\xe9"]


@pytest.mark.parametrize("content", BROKEN)
def test_a_broken_file_is_rebuilt_and_replaced(cache, tmp_path, content):
    source = tmp_path / "input.txt"
    source.write_text("one", encoding="utf-8")
    prebuilt.load("thing", [source], Counting(1))
    [path] = cache.glob("thing-*")
    path.write_bytes(content)
    build = Counting(1)
    assert prebuilt.load("thing", [source], build) == 1
    assert build.calls == 1
    assert prebuilt.load("thing", [source], build) == 1 and build.calls == 1


def test_switched_off_builds_every_time(tmp_path, monkeypatch):
    monkeypatch.setenv(prebuilt.ENV, prebuilt.OFF)
    source = tmp_path / "input.txt"
    source.write_text("one", encoding="utf-8")
    build = Counting(1)
    prebuilt.load("thing", [source], build)
    prebuilt.load("thing", [source], build)
    assert build.calls == 2


def test_an_unwritable_directory_costs_only_the_build(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(prebuilt.ENV, str(blocker / "cache"))  # a directory inside a file cannot be made
    source = tmp_path / "input.txt"
    source.write_text("one", encoding="utf-8")
    assert prebuilt.load("thing", [source], Counting(7)) == 7


def test_old_files_are_dropped(cache, tmp_path):
    source = tmp_path / "input.txt"
    for n in range(prebuilt.KEEP + 3):
        source.write_text(str(n), encoding="utf-8")
        prebuilt.load("thing", [source], Counting(n))
    assert len(list(cache.glob("thing-*"))) == prebuilt.KEEP


# JSON values as a model file holds them: floats to the last bit, ints apart from floats, nesting.
JSON_VALUES = [
    {"models": {"a": {"weights": {"x=1": 0.1 + 0.2, "y": -1e-300}, "classes": ["A", "B"]}}},
    [1, 1.0, None, True, "ł"],
]


@pytest.mark.parametrize("value", JSON_VALUES)
def test_read_json_gives_what_json_gives(cache, tmp_path, value):
    import json

    path = tmp_path / "model.json"
    path.write_text(json.dumps(value), encoding="utf-8")
    first, second = prebuilt.read_json(path), prebuilt.read_json(path)
    assert first == second == json.loads(path.read_text(encoding="utf-8"))
    if isinstance(value, list):
        assert [type(v) for v in second] == [type(v) for v in value]


# A model file that is not there or not JSON: the error json and the file system give, so callers name it.
@pytest.mark.parametrize("content, error", [(None, OSError), ("{broken", ValueError)])
def test_read_json_of_a_bad_file_raises(cache, tmp_path, content, error):
    path = tmp_path / "model.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(error):
        prebuilt.read_json(path)

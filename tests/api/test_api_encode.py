"""The API's JSON bodies are the bytes Starlette's JSONResponse would send, made faster (kronika/api/encode.py),
and its lists read as plain dicts are the rows the DataFrames gave (kronika/store/queries.py's *_records)."""

from __future__ import annotations

import pytest
from api.fixture_store import opened_store
from fastapi.responses import JSONResponse

from kronika.api import deps
from kronika.api.encode import dumps

VALUES = [
    {"a": 1, "b": [1.5, -0.0, 100.0, 0.1 + 0.2, 1e16, 1e15, 5e-324, 1.2345678901234568e17]},
    # orjson writes these as 0.00001 and 2.5e-7: re-encoded by json, the stdlib's bytes
    {"tone": 1e-05, "lat": [2.5e-07, -3.3e-9, 0.0001, 9.99e-05]},
    {"text": 'a\x00\x1f\x7f\u2028"\\/é😀\t\n Kim Dzong Un spotkał się z Xi'},
    {"looks like a number": ":1e-05 and ,0.00001 in a string"},
    # small floats after text with the tails in it ("e-mail"), at the end and far into a body
    {"text": "e-mail 0.0000 e-", "tone": -1.2345678901234567e-05, "lat": [1.0, 3e-07]},
    ["e-" * 50, 0.1, "x" * 1000, 7.5e-06],
    {"big": 2**70, "negative": -(2**63) - 1},  # beyond 64 bits: orjson refuses, json writes them
    {1: "an int key", None: "a None key", 2.5: "a float key"},  # keys json turns into text
    [None, True, False, [], {}, "", [[[]]]],
    ("a tuple", 1),
]


@pytest.mark.parametrize("value", VALUES, ids=range(len(VALUES)))
def test_bodies_are_the_bytes_of_jsonresponse(value):
    assert dumps(value) == JSONResponse(value).body


@pytest.fixture(scope="module")
def store(tmp_path_factory, pipeline):
    with opened_store(tmp_path_factory.mktemp("encode"), pipeline) as opened:
        yield opened


# (the DataFrame method, the records method, their arguments)
RECORD_CASES = [
    ("actors", "actor_records", {}),
    ("actors", "actor_records", {"modality": "all", "sort": "-last_date"}),
    ("actors", "actor_records", {"search": "kim", "modality": "intended"}),
    ("articles", "article_records", {}),
    ("articles", "article_records", {"search": "Pekin"}),
    ("articles", "article_records", {"search": "nic takiego"}),
    ("entities", "entity_records", {}),
    ("entities", "entity_records", {"type": "PER", "limit": 3, "offset": 1}),
    ("stories", "story_records", {}),
    ("stories", "story_records", {"lang": "pl", "min_size": 2}),
]


@pytest.mark.parametrize(("frame", "records", "arguments"), RECORD_CASES)
def test_records_are_the_frames_rows(store, frame, records, arguments):
    expected = deps.frame_records(getattr(store, frame)(**arguments))
    found = getattr(store, records)(**arguments)
    assert dumps(found) == dumps(expected)


@pytest.mark.parametrize(
    ("a", "b", "options"),
    [("CHN", "PRK", {}), ("PRK", "CHN", {"by": "day", "modality": "all"}), ("POL", "UKR", {"by": "week"})],
)
def test_relation_records_are_the_frames_rows(store, a, b, options):
    expected = deps.frame_records(store.relations(a, b, **options))
    assert dumps(store.relation_records(a, b, **options)) == dumps(expected)


def _small_float_by_find(encoded: bytes) -> bool:
    """The check as it was written before (``bytes.find`` again after each hit): the reference."""
    from kronika.api.encode import _SMALL_FLOAT

    for tail, before in ((b"e-", 32), (b"0.0000", 2)):
        at = encoded.find(tail)
        while at >= 0:
            if _SMALL_FLOAT.search(encoded, max(0, at - before), at + len(tail)):
                return True
            at = encoded.find(tail, at + 1)
    return False


SMALL_FLOAT_BODIES = [
    b'{"a":1e-7}',
    b'{"a":"1e-7"}',
    b'{"a":[0.00001]}',
    b'{"a":"x",0.00001}',
    b'{"a":-0.00001}',
    b'{"a":0.0001}',
    b'{"a":0.00000.0000}',  # overlapping tails
    b'{"a":"0.00000.0000"}',
    b'{"a":"e-e-e-",1.5e-9}',
    b'{"a":"e-mail","b":2.5}',
    b"e-",
    b"0.0000",
    b":0.0000",
    b"[-1.2345678901234567e-5]",
    b'{"t":"' + b"x" * 40 + b'e-"}',
]


@pytest.mark.parametrize("body", SMALL_FLOAT_BODIES)
def test_small_float_check_finds_what_the_find_loop_found(body):
    from kronika.api.encode import _small_float

    assert _small_float(body) == _small_float_by_find(body)


def test_small_float_check_on_random_bodies():
    import random

    from kronika.api.encode import _small_float

    pieces = [b"e-", b"0.0000", b"0.", b"0", b"1", b"e", b"-", b":", b",", b"[", b".", b'"', b"x", b"mail"]
    generator = random.Random(16)
    for _ in range(20_000):
        body = b"".join(generator.choice(pieces) for _ in range(generator.randint(1, 30)))
        assert _small_float(body) == _small_float_by_find(body), body

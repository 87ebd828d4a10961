"""``AnalysisOptions``: checked once when made (the CLI's codes and messages), frozen, picklable for workers,
and the loose keyword arguments of older callers laid over it."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from kronika.errors import InputError, KronikaError
from kronika.options import AUTO, DEFAULT_MAX_BYTES, LIBRARY_DEFAULTS, AnalysisOptions, resolve

VALID = [
    ({}, AnalysisOptions(AUTO, None, False, False, DEFAULT_MAX_BYTES)),
    ({"lang": "pl"}, AnalysisOptions(lang="pl")),
    ({"lang": "en", "date": "2025-09-04"}, AnalysisOptions("en", "2025-09-04")),
    ({"lang": "de"}, AnalysisOptions(lang="de")),  # no pack: names and dates only, but a language
    ({"lang": "uk", "date": "2025-09"}, AnalysisOptions("uk", "2025-09")),  # a month is a date
    ({"date": "2024-02-29"}, AnalysisOptions(date="2024-02-29")),  # a leap day
    ({"parse": True, "tokens": False, "max_bytes": 1}, AnalysisOptions(parse=True, max_bytes=1)),
]

# (keywords, code, words the message must hold): the codes and messages `kronika --lang/--date` print.
REFUSED = [
    ({"lang": "xx"}, "E102", ["'xx'", "not an ISO 639 language code"]),
    ({"lang": ""}, "E102", ["no language pack for ''"]),
    ({"lang": 48}, "E102", ["'48'"]),
    ({"date": "2025-13-01"}, "E211", ["--date", "'2025-13-01' is not a date"]),
    ({"date": "2025-02-30"}, "E211", ["'2025-02-30'"]),
    ({"date": "04.09.2025"}, "E211", ["YYYY-MM-DD or YYYY-MM"]),
    ({"date": "yesterday"}, "E211", ["'yesterday'"]),
    ({"date": 20250904}, "E211", ["20250904 is not a date string"]),
    ({"lang": "xx", "date": "yesterday"}, "E102", ["'xx'"]),  # the language first, as the CLI parses it
]

BAD_LIMITS = [0, -5, True, "10", 2.5]


@pytest.mark.parametrize(("keywords", "expected"), VALID)
def test_valid_options(keywords, expected):
    assert AnalysisOptions(**keywords) == expected


@pytest.mark.parametrize(("keywords", "code", "words"), REFUSED)
def test_refused_options_name_the_value_with_the_cli_code(keywords, code, words):
    with pytest.raises(KronikaError) as caught:
        AnalysisOptions(**keywords)
    assert caught.value.code == code
    for word in words:
        assert word in str(caught.value)


def test_a_bad_date_is_the_readers_error():
    with pytest.raises(InputError) as caught:
        AnalysisOptions(date="2025-9-4")
    assert (caught.value.source, caught.value.code) == ("--date", "E211")


@pytest.mark.parametrize("limit", BAD_LIMITS)
def test_a_size_limit_is_a_positive_whole_number(limit):
    with pytest.raises(ValueError, match="max_bytes"):
        AnalysisOptions(max_bytes=limit)


@pytest.mark.parametrize(
    ("tokens", "parse", "kept"),
    [
        (False, False, False),
        (True, False, True),
        (False, True, True),
        (True, True, True),
    ],
)
def test_parse_implies_tokens(tokens, parse, kept):
    assert AnalysisOptions(tokens=tokens, parse=parse).keeps_tokens is kept


@pytest.mark.parametrize("options", [AnalysisOptions(), AnalysisOptions("en", "2025-09", True, True, 1000)])
def test_options_travel_to_workers_unchanged(options):
    assert pickle.loads(pickle.dumps(options)) == options


def test_options_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        AnalysisOptions().lang = "pl"


# (options, loose keywords, expected): None in a loose keyword means "not given".
RESOLVED = [
    (None, {}, LIBRARY_DEFAULTS),
    (None, {"lang": None, "parse": None}, AnalysisOptions(lang="pl")),
    (None, {"lang": "auto"}, AnalysisOptions(lang="auto")),
    (None, {"date": "2025-09-04", "parse": True}, AnalysisOptions("pl", "2025-09-04", parse=True)),
    (AnalysisOptions(lang="en", tokens=True), {}, AnalysisOptions(lang="en", tokens=True)),
    (AnalysisOptions(lang="en"), {"lang": "de", "parse": False}, AnalysisOptions(lang="de")),
]


@pytest.mark.parametrize(("options", "loose", "expected"), RESOLVED)
def test_loose_keywords_lay_over_the_options(options, loose, expected):
    assert resolve(options, **loose) == expected


def test_a_loose_keyword_is_checked_as_the_options_are():
    with pytest.raises(KronikaError, match="E211"):
        resolve(AnalysisOptions(), date="2025-02-30")


def test_the_library_still_reads_polish_unless_told():
    assert LIBRARY_DEFAULTS.lang == "pl" and AnalysisOptions().lang == AUTO

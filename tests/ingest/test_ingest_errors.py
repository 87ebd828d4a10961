"""Each broken input is one InputError naming it; the good inputs around it still come through."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from kronika.errors import CODES, InputError
from kronika.ingest import Article, read_articles

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = " date 2025-09-04 Przywódcy spotkali się w czwartek w Pekinie."


def write(path: Path, content: bytes | str) -> Path:
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


# (file name, content, expected code, expected source suffix, words the message must contain)
BAD_FILES = [
    ("empty.txt", b"", "E202", "empty.txt", ["empty"]),
    ("blank.txt", " \n\t\n", "E202", "blank.txt", ["empty"]),
    ("only_dateline.txt", " date 2025-09-04 \n", "E202", "only_dateline.txt", ["dateline"]),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "E203", "binary.txt", ["binary"]),
    ("legacy.txt", b"abc \x81\x8d\x90\x9d", "E205", "legacy.txt", ["UTF-8"]),
    ("feb30.txt", " date 2025-02-30 Tekst.", "E209", "feb30.txt", ["2025-02-30"]),
    ("month13.txt", " date 2025-13 Tekst.", "E209", "month13.txt", ["2025-13"]),
    ("short_day.txt", " date 2025-9-4 Tekst.", "E209", "short_day.txt", ["YYYY-MM-DD"]),
    ("menu.html", (FIXTURES / "menu_only.html").read_bytes(), "E207", "menu.html", ["HTML"]),
    ("broken.rss", '<rss version="2.0"></rss', "E210", "broken.rss", ["feed"]),
    ("not_a_feed.xml", '<?xml version="1.0"?><catalog><book>x</book></catalog>', "E210", "not_a_feed.xml", ["RSS"]),
    ("broken.json", '{"text": "x",', "E206", "broken.json", ["JSON"]),
    ("no_text.json", '{"id": "x", "title": "T"}', "E202", "no_text.json", ["text"]),
    ("empty.jsonl", "\n\n", "E202", "empty.jsonl", []),
]


@pytest.mark.parametrize(("name", "content", "code", "source", "words"), BAD_FILES)
def test_one_bad_file_among_good_ones(tmp_path, name, content, code, source, words):
    first = write(tmp_path / "first.txt", GOOD)
    bad = write(tmp_path / name, content)
    last = write(tmp_path / "last.txt", GOOD)
    got = list(read_articles([str(first), str(bad), str(last)]))
    assert [type(item) for item in got] == [Article, InputError, Article]
    error = got[1]
    assert error.code == code and error.code in CODES
    assert error.source == str(tmp_path / source)
    assert str(bad) in str(error)
    for word in words:
        assert word in error.problem


def test_truncated_feed_keeps_recovered_entries(tmp_path):
    path = write(tmp_path / "cut.rss", (FIXTURES / "feed.rss").read_text(encoding="utf-8").split("</channel>")[0])
    got = list(read_articles([str(path)]))
    assert ["ok" if isinstance(item, Article) else item.code for item in got] == ["ok", "E208", "ok"]
    assert "malformed" in got[1].problem


def test_missing_file(tmp_path):
    good = write(tmp_path / "good.txt", GOOD)
    got = list(read_articles([str(tmp_path / "missing.txt"), str(good)]))
    assert isinstance(got[0], InputError) and got[0].code == "E201" and "missing.txt" in str(got[0])
    assert isinstance(got[1], Article)


# (JSON Lines content, expected per line: "ok" or an error code)
JSONL_LINES = [
    ('{"text": "Jeden."}\n{"text": "Dwa.",\n{"text": "Trzy."}\n', ["ok", "E206", "ok"]),
    ('{"text": "Jeden."}\n{"id": "x"}\n{"text": "  "}\n{"text": "Cztery."}\n', ["ok", "E202", "E202", "ok"]),
    ('{"text": "Jeden."}\n[1, 2]\n{"text": 5}\n{"text": "x", "date": "wczoraj"}\n', ["ok", "E206", "E206", "E206"]),
    ('{"text": "Jeden.", "title": ["a"]}\n', ["E206"]),
]


@pytest.mark.parametrize(("content", "expected"), JSONL_LINES)
def test_bad_jsonl_lines(tmp_path, content, expected):
    path = write(tmp_path / "in.jsonl", content)
    got = list(read_articles([str(path)]))
    assert ["ok" if isinstance(item, Article) else item.code for item in got] == expected
    for item in got:
        if isinstance(item, InputError):
            assert re.fullmatch(re.escape(str(path)) + r":line \d+", item.source)


def test_malformed_line_names_line_and_json_error(tmp_path):
    path = write(tmp_path / "in.jsonl", '{"text": "a"}\n\n{"text": oops}\n')
    error = list(read_articles([str(path)]))[1]
    assert error.source == f"{path}:line 3"
    assert "Expecting value" in error.problem


def test_file_over_the_limit_is_refused_without_reading(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(50_000_000)  # sparse: 50 MB on paper, nothing written
    opened = []
    real_open = open
    monkeypatch.setattr("builtins.open", lambda path, *a, **k: opened.append(path) or real_open(path, *a, **k))
    good = write(tmp_path / "good.txt", GOOD)
    got = list(read_articles([str(big), str(good)]))
    assert str(big) not in [str(p) for p in opened]
    error = got[0]
    assert error.code == "E204" and error.source == str(big)
    assert "50.0 MB" in error.problem and "10.0 MB" in error.problem
    assert isinstance(got[1], Article)


def test_small_limit(tmp_path):
    path = write(tmp_path / "a.txt", GOOD)
    [error] = read_articles([str(path)], max_bytes=10)
    assert error.code == "E204" and f"{os.path.getsize(path)} bytes" in error.problem


@pytest.mark.parametrize("value", ["2025-02-30", "2025-13", "04.09.2025", "2025-9-4", "yesterday"])
def test_invalid_date_option(tmp_path, value):
    path = write(tmp_path / "a.txt", "Tekst.")
    [error] = read_articles([str(path)], date=value)
    assert (error.code, error.source) == ("E211", "--date")
    assert value in error.problem

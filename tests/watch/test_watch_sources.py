"""The SOURCES file: URLs and folders, comments, and a clear error (E901) for a line that is neither."""

from __future__ import annotations

import pytest

from kronika.errors import KronikaError
from kronika.watch.loop import parse_duration
from kronika.watch.sources import FEED, FOLDER, read_sources

CASES = [
    ("https://a.example/rss\n", [(FEED, "https://a.example/rss")]),
    ("# comment\n\nhttp://a.example/feed#top  # trailing comment\n", [(FEED, "http://a.example/feed#top")]),
    ("archive\nhttps://a.example/rss\narchive/\n", [(FOLDER, "{dir}/archive"), (FEED, "https://a.example/rss")]),
    ("https://a.example/rss\nhttps://a.example/rss\n", [(FEED, "https://a.example/rss")]),
]
ERRORS = [
    ("# only comments\n", "lists no feed URL"),
    ("ftp://a.example/rss\n", "only http:// and https://"),
    ("no-such-folder\n", "neither an http(s) feed URL nor an existing folder"),
    ("https:///rss\n", "without a host"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_sources(tmp_path, text, expected):
    (tmp_path / "archive").mkdir()
    path = tmp_path / "feeds.txt"
    path.write_text(text, encoding="utf-8")
    found = [(s.kind, s.location) for s in read_sources(str(path))]
    assert found == [(kind, location.format(dir=tmp_path)) for kind, location in expected]


@pytest.mark.parametrize("text, words", ERRORS)
def test_bad_sources_name_the_line(tmp_path, text, words):
    path = tmp_path / "feeds.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KronikaError) as error:
        read_sources(str(path))
    assert error.value.code == "E901" and words in str(error.value) and str(path) in str(error.value)


@pytest.mark.parametrize(
    "text, seconds",
    [("90s", 90), ("15m", 900), ("2h", 7200), ("1d", 86400), ("5", 300), ("0", None), ("soon", None), ("-1m", None)],
)
def test_durations(text, seconds):
    if seconds is None:
        with pytest.raises(KronikaError, match="not a duration"):
            parse_duration(text)
    else:
        assert parse_duration(text).total_seconds() == seconds

"""Every input format gives the article fields it carries."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from kronika.errors import InputError
from kronika.ingest import Article, read_articles, read_text

FIXTURES = Path(__file__).parent / "fixtures"

BODY = (
    "Przywódcy dwóch państw spotkali się w czwartek w Pekinie.\n\n"
    "Rozmowy dotyczyły współpracy gospodarczej - przekazała agencja."
)


def articles(inputs, **kwargs) -> list[Article | InputError]:
    return list(read_articles([str(i) for i in inputs], **kwargs))


# (file name, content, --date, expected date, expected text)
TEXT_CASES = [
    ("seed.txt", f" date 2025-09-04 {BODY}\n\n", None, "2025-09-04", BODY),
    ("month.txt", f" date 2025-09 {BODY}", None, "2025-09", BODY),
    ("dateline_wins.txt", f" date 2025-09-04 {BODY}", "2024-01-01", "2025-09-04", BODY),
    ("plain.txt", f"\n{BODY}\n", None, None, BODY),
    ("plain_with_option.txt", BODY, "2025-09-05", "2025-09-05", BODY),
    ("option_month.txt", BODY, "2025-09", "2025-09", BODY),
    ("no_extension", f" date 2025-09-04 {BODY}", None, "2025-09-04", BODY),
    ("crlf.txt", f" date 2025-09-04 {BODY}".replace("\n", "\r\n"), None, "2025-09-04", BODY),
    ("word_date.txt", f"date night {BODY}", None, None, f"date night {BODY}"),
]


@pytest.mark.parametrize(("name", "content", "option", "date", "text"), TEXT_CASES)
def test_text_and_dateline(tmp_path, name, content, option, date, text):
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8"))
    [article] = articles([path], date=option)
    assert article == Article(text=text, date=date, source=str(path))


JSONL_CASES = [
    # (content, expected (id, url, date, lang, title, text) per article)
    (
        '{"id": "a1", "url": "https://x.pl/1", "date": "2025-09-04", "lang": "pl", "title": "T", "text": "Jeden."}\n'
        "\n"
        '{"text": "Dwa.", "date": "2025-09-04T23:30:00+02:00", "id": 7}\n',
        [("a1", "https://x.pl/1", "2025-09-04", "pl", "T", "Jeden."), ("7", None, "2025-09-04", None, None, "Dwa.")],
    ),
    ('{"text": "Bez daty."}', [(None, None, "2025-09-01", None, None, "Bez daty.")]),
]


@pytest.mark.parametrize(("content", "expected"), JSONL_CASES)
def test_jsonl(tmp_path, content, expected):
    path = tmp_path / "in.jsonl"
    path.write_text(content, encoding="utf-8")
    got = articles([path], date="2025-09-01")
    assert [(a.id, a.url, a.date, a.lang, a.title, a.text) for a in got] == expected


JSON_CASES = [
    ({"id": "x", "text": "Jeden."}, [("x", "Jeden.", "in.json")]),
    (
        [{"text": "Jeden."}, {"id": "b", "text": "Dwa."}],
        [(None, "Jeden.", "in.json:item 1"), ("b", "Dwa.", "in.json:item 2")],
    ),
]


@pytest.mark.parametrize(("data", "expected"), JSON_CASES)
def test_json(tmp_path, data, expected):
    path = tmp_path / "in.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    got = articles([path])
    assert [(a.id, a.text, Path(a.source).name) for a in got] == expected


def test_html_article():
    [article] = articles([FIXTURES / "article.html"])
    assert isinstance(article, Article)
    assert article.title == "Spotkanie w Pekinie"
    assert article.url == "https://example.pl/swiat/spotkanie-w-pekinie"
    assert article.date == "2025-09-04"
    assert article.lang == "pl"
    assert "podpisali trzy porozumienia handlowe" in article.text
    assert "Strona główna" not in article.text
    assert "prawa zastrzeżone" not in article.text


def test_rss_entries_with_local_dates():
    path = FIXTURES / "feed.rss"
    got = articles([path])
    first, broken, third = got
    assert first == Article(
        text="Rada Ministrów przyjęła w czwartek projekt budżetu.\n\nDeficyt ma wynieść <6%.",
        url="https://example.pl/kraj/budzet",
        # 00:30 Warsaw time is still Thursday, although it is Wednesday in UTC.
        date="2025-09-04",
        lang="pl",
        title="Rząd przyjął projekt budżetu",
        source=f"{path}:entry 1",
    )
    assert isinstance(broken, InputError) and broken.code == "E208" and broken.source == f"{path}:entry 2"
    assert third.text == "Rolnicy protestowali w piątek przed ministerstwem." and third.date == "2025-09-05"


def test_atom_feed_as_xml_prefers_full_content():
    [entry] = articles([FIXTURES / "feed.atom.xml"])
    assert entry.text == "Przywódcy spotkali się w czwartek w Pekinie.\n\nRozmowy dotyczyły handlu."
    assert (entry.url, entry.date, entry.title) == ("https://example.pl/swiat/szczyt", "2025-09-04", "Szczyt w Pekinie")


# Content detection when nothing names the format (stdin, files without extension).
DETECTION_CASES = [
    (f" date 2025-09-04 {BODY}", [("2025-09-04", BODY)]),
    (BODY, [(None, BODY)]),
    ('{"text": "Jeden.", "date": "2025-09"}\n{"text": "Dwa."}\n', [("2025-09", "Jeden."), (None, "Dwa.")]),
    ('{\n  "text": "Jeden."\n}\n', [(None, "Jeden.")]),
    ('[{"text": "Jeden."}]', [(None, "Jeden.")]),
    ((FIXTURES / "article.html").read_text(encoding="utf-8"), None),
    ((FIXTURES / "feed.rss").read_text(encoding="utf-8"), None),
]


@pytest.mark.parametrize(("content", "expected"), DETECTION_CASES)
def test_detection_by_content(content, expected):
    got = list(read_text(content.encode("utf-8"), source="<stdin>"))
    assert got and all(isinstance(a, (Article, InputError)) for a in got)
    if expected is None:  # HTML and feeds: detected when at least one article comes through
        assert any(isinstance(a, Article) and a.title for a in got)
    else:
        assert [(a.date, a.text) for a in got] == expected


def test_explicit_kind_overrides_detection():
    [article] = read_text('{"text": "x"}', source="s", kind="text")
    assert article.text == '{"text": "x"}'


@pytest.mark.parametrize("use_buffer", [True, False])
def test_stdin(monkeypatch, use_buffer):
    data = f" date 2025-09-04 {BODY}"
    stream = io.TextIOWrapper(io.BytesIO(data.encode("utf-8")), encoding="utf-8") if use_buffer else io.StringIO(data)
    monkeypatch.setattr(sys, "stdin", stream)
    [article] = articles(["-"])
    assert article == Article(text=BODY, date="2025-09-04", source="<stdin>")


# Pages nested past lxml's default limit of 255 levels (page builders do this) still give their article.
DEPTHS = [254, 300, 1000]


@pytest.mark.parametrize("depth", DEPTHS)
def test_deeply_nested_html_keeps_its_article(tmp_path, depth):
    sentence = "Rada miasta przyjęła we wtorek budżet na przyszły rok, poinformował rzecznik urzędu. "
    page = (
        "<html><body>"
        + "<div>" * depth
        + "<article><p>"
        + sentence * 8
        + "</p></article>"
        + "</div>" * depth
        + "</body></html>"
    )
    path = tmp_path / "deep.html"
    path.write_text(page, encoding="utf-8")
    [got] = articles([path])
    assert isinstance(got, Article) and got.text.startswith("Rada miasta")

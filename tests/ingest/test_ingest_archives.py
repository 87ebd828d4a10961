"""Archives of any size: JSON Lines are read a line at a time and the size limit applies to each article, so
a large archive of ordinary articles is read whole and one oversized line costs only itself."""

from __future__ import annotations

import io
import json
import sys

import pytest
from click.testing import CliRunner

from kronika.cli import main
from kronika.errors import InputError
from kronika.ingest import Article, read_articles
from kronika.ingest.read import DEFAULT_MAX_BYTES

ORDINARY = "Minister rolnictwa odwiedził w poniedziałek targi w Poznaniu i rozmawiał z hodowcami. " * 16


def line(number: int, text: str = ORDINARY) -> str:
    return (
        json.dumps({"id": f"a{number}", "date": "2025-09-04", "text": f"{text} Numer {number}."}, ensure_ascii=False)
        + "\n"
    )


def archive(path, lines: list[str]):
    with open(path, "w", encoding="utf-8") as out:
        out.writelines(lines)
    return path


def ordinary_lines(count: int) -> list[str]:
    return [line(n) for n in range(count)]


def oversized_between(count: int) -> list[str]:
    """An oversized article as the middle line of ``count`` ordinary ones."""
    lines = ordinary_lines(count)
    lines[count // 2] = line(count // 2, "x" * (2 * DEFAULT_MAX_BYTES))
    return lines


def articles_over_the_limit() -> int:
    return DEFAULT_MAX_BYTES // len(line(0).encode()) + 200


# (case, file name, lines, articles expected, line numbers expected in E204 errors)
CASES = [
    (
        "archive over the limit, every article small",
        "big.jsonl",
        ordinary_lines(articles_over_the_limit()),
        articles_over_the_limit(),
        [],
    ),
    ("one oversized line among small ones", "mixed.jsonl", oversized_between(5), 4, [3]),
    (
        "JSON Lines under a .json name",
        "big.json",
        ordinary_lines(articles_over_the_limit()),
        articles_over_the_limit(),
        [],
    ),
    ("JSON Lines without an extension", "export", oversized_between(3), 2, [2]),
]


@pytest.mark.parametrize(("name", "file_name", "lines", "articles", "oversized"), CASES, ids=[c[0] for c in CASES])
def test_archive_is_read_per_article(tmp_path, name, file_name, lines, articles, oversized):
    path = archive(tmp_path / file_name, lines)
    got = list(read_articles([str(path)]))
    assert sum(isinstance(item, Article) for item in got) == articles
    errors = [item for item in got if isinstance(item, InputError)]
    assert [error.source for error in errors] == [f"{path}:line {n}" for n in oversized]
    for error in errors:
        assert error.code == "E204" and "one article" in error.problem and "max_bytes" not in error.problem


def test_oversized_line_keeps_its_place(tmp_path):
    path = archive(tmp_path / "mixed.jsonl", oversized_between(5))
    got = list(read_articles([str(path)]))
    assert [item.id if isinstance(item, Article) else "error" for item in got] == ["a0", "a1", "error", "a3", "a4"]


def test_stdin_archive_is_streamed(monkeypatch):
    raw = "".join(oversized_between(3)).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    got = list(read_articles(["-"]))
    assert [type(item).__name__ for item in got] == ["Article", "InputError", "Article"]
    assert got[1].source == "<stdin>:line 2"


def test_plain_text_over_the_limit_says_what_to_do(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(ORDINARY * (DEFAULT_MAX_BYTES // len(ORDINARY) + 1), encoding="utf-8")
    [error] = read_articles([str(path)])
    assert error.code == "E204" and "JSON Lines" in error.problem and "max_bytes" not in error.problem


def test_cli_reports_the_line_and_analyses_the_neighbours(tmp_path):
    lines = oversized_between(3)
    lines[0], lines[2] = line(0, "Premier spotkał się w środę z prezydentem."), line(2, "Rząd obradował w piątek.")
    path = archive(tmp_path / "archive.jsonl", lines)
    result = CliRunner().invoke(main, ["analyze", str(path)])
    assert result.exit_code == 1
    assert [json.loads(out)["id"] for out in result.stdout.splitlines()] == ["a0", "a2"]
    assert f"{path}:line 2" in result.stderr and "E204" in result.stderr

"""Directories are read recursively, in sorted path order, without hidden files."""

from __future__ import annotations

from kronika.ingest import Article, read_articles

LAYOUT = {
    "b.txt": "B",
    "a/z.txt": "AZ",
    "a/b/c.txt": "ABC",
    "a/a.jsonl": '{"text": "AA1"}\n{"text": "AA2"}\n',
    "c": " date 2025-09 C",
    ".hidden.txt": "HIDDEN",
    ".git/config.txt": "GIT",
    "a/.cache/x.txt": "CACHE",
}


def test_recursive_sorted_without_hidden(tmp_path):
    for name, content in LAYOUT.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    got = list(read_articles([str(tmp_path)]))
    assert all(isinstance(item, Article) for item in got)
    assert [item.text for item in got] == ["AA1", "AA2", "ABC", "AZ", "B", "C"]
    assert got[0].source == f"{tmp_path / 'a' / 'a.jsonl'}:line 1"


def test_empty_directory(tmp_path):
    [error] = read_articles([str(tmp_path)])
    assert error.code == "E202"

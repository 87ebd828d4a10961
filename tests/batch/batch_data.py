"""Inputs and output snapshots shared by the batch tests."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles.jsonl"
TABLES = ("documents", "events", "errors")
# Columns that name the worker or time a run, which legitimately differ between two runs of the same input.
RUN_FIELDS = ("seconds", "worker", "peak_rss_mib")


def articles() -> list[dict]:
    return [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines() if line.strip()]


def many_articles(path: Path, count: int) -> Path:
    """``count`` distinct articles (numbered variants of the fixture articles) as one JSONL file."""
    base = articles()
    with open(path, "w", encoding="utf-8") as out:
        for number in range(count):
            article = dict(base[number % len(base)])
            article["id"] = f"{article['id']}-{number}"
            article["text"] = f"{article['text']} Komunikat numer {number}."
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    return path


def snapshot(root: Path) -> dict:
    """Everything a batch output holds, minus who ran it and how long it took."""
    files = sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
    tables = {}
    for name in TABLES:
        rows = []
        for path in sorted((root / name).rglob("part-*.parquet")):
            rows.extend(tuple(row.items()) for row in pq.read_table(path).to_pylist())
        tables[name] = sorted(rows, key=repr)
    markers = {}
    for path in sorted((root / "_done").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        markers[path.name] = {k: v for k, v in data.items() if k not in RUN_FIELDS}
    return {"files": files, "tables": tables, "markers": markers}


def document_ids(root: Path) -> list[str]:
    ids = []
    for path in (root / "documents").rglob("part-*.parquet"):
        ids.extend(pq.read_table(path, columns=["id"]).column("id").to_pylist())
    return ids

"""Deterministic partitions of the input: fixed-size chunks in input order, each named by a content hash.

The same inputs always cut into the same partitions with the same ids, so a rerun after a crash knows
which partitions are finished (their done-markers exist) and redoes only the others. An article's id is
its record id (given, or the hash of its normalised text), so an article repeated in the input is kept
once, at its first position.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from kronika.errors import KronikaError
from kronika.ingest import Article
from kronika.ingest.decoding import normalize_text
from kronika.record import content_id

DEFAULT_SIZE = 64


@dataclass(frozen=True)
class ReadError:
    """An input that could not be read, carried in its partition as plain values (InputError does not
    unpickle, and a partition travels to worker processes)."""

    code: str
    source: str
    message: str


@dataclass
class Partition:
    id: str
    index: int  # position in the plan, for loading partitions back in input order
    items: list[Article | ReadError] = field(default_factory=list)

    @property
    def articles(self) -> list[Article]:
        return [item for item in self.items if isinstance(item, Article)]

    @property
    def size(self) -> int:
        return len(self.items)


class Planner:
    """Cuts a stream of articles and errors into partitions of ``size`` items; counts repeated articles."""

    def __init__(self, *, size: int = DEFAULT_SIZE, lang: str = "pl"):
        if size < 1:
            raise ValueError("partition size must be at least 1")
        self.size = size
        self.lang = lang
        self.duplicates = 0
        self._seen: set[str] = set()

    def partitions(self, items: Iterable[Article | KronikaError]) -> Iterator[Partition]:
        chunk: list[Article | ReadError] = []
        index = 0
        for item in items:
            if isinstance(item, KronikaError):
                source = getattr(item, "source", "") or "<input>"
                chunk.append(ReadError(item.code, source, getattr(item, "problem", item.message)))
            else:
                item.id = item.id or content_id(normalize_text(item.text))
                if item.id in self._seen:
                    self.duplicates += 1
                    continue
                self._seen.add(item.id)
                chunk.append(item)
            if len(chunk) == self.size:
                yield Partition(partition_id(chunk, self.lang), index, chunk)
                index += 1
                chunk = []
        if chunk:
            yield Partition(partition_id(chunk, self.lang), index, chunk)


def partition_id(items: list[Article | ReadError], lang: str) -> str:
    """The hash of what the partition's output depends on: its articles' contents (not the path they were
    read from, so moving the input keeps the ids), its read errors, and the default language."""
    digest = hashlib.sha256(lang.encode())
    for item in items:
        if isinstance(item, ReadError):
            fields = ["error", item.code, item.source, item.message]
        else:
            fields = [item.id, item.url, item.date, item.lang, item.title, item.text]
        digest.update(json.dumps(fields, ensure_ascii=False).encode())
        digest.update(b"\n")
    return digest.hexdigest()[:20]

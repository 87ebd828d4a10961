"""Deterministic partitions of the input: fixed-size chunks in input order, each named by a content hash.

The driver cuts the input into plans of ``size`` items: articles and read errors it read itself (stdin,
HTML, feeds, Parquet), and ``LineRange``s of JSON Lines files that a worker reads (``kronika.batch.ranges``).
Each plan is then indexed (``index_items``: on a worker when it holds line ranges, so the driver never
parses an archive): one key per item, the article's id and a fingerprint of everything the output
depends on. The driver takes the keys in input order, drops articles whose id came earlier (an article
repeated in the input is kept once, at its first position, wherever the two copies fell) and names the
partition by the hash of the kept items' fingerprints. So the same inputs always give the same partitions
with the same ids, whether an article was shipped or read by reference, and a rerun after a crash knows
which partitions are finished (their done-markers exist) and redoes only the others.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from kronika.batch.ranges import LineRange, read_range
from kronika.errors import KronikaError
from kronika.ingest import Article
from kronika.ingest.decoding import normalize_text
from kronika.options import DEFAULT_MAX_BYTES
from kronika.record import content_id

DEFAULT_SIZE = 64


@dataclass(frozen=True)
class ReadError:
    """An input that could not be read, carried in its partition as plain values (InputError does not
    unpickle, and a partition travels to worker processes)."""

    code: str
    source: str
    message: str


Item = Article | ReadError | LineRange
Key = tuple[str | None, str]  # (article id or None for an error, fingerprint)


@dataclass
class Plan:
    """A slice of the input in order, before its articles are known."""

    index: int  # position in the plan, for loading partitions back in input order
    items: list[Item] = field(default_factory=list)

    @property
    def size(self) -> int:
        return count_items(self.items)

    @property
    def by_reference(self) -> bool:
        return any(isinstance(item, LineRange) for item in self.items)


@dataclass
class Partition:
    """A plan with its name and the positions (among its read items) of articles kept earlier."""

    id: str
    index: int
    items: list[Item] = field(default_factory=list)
    skip: frozenset[int] = frozenset()

    @property
    def size(self) -> int:
        return count_items(self.items) - len(self.skip)

    def read(self, *, date: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article | ReadError]:
        """The partition's articles and errors, repeats dropped (reads its line ranges)."""
        items = read_items(self.items, date=date, max_bytes=max_bytes)
        return [item for position, item in enumerate(items) if position not in self.skip]


class Planner:
    """Cuts a stream of articles, errors and line ranges into plans of ``size`` items, and names each
    indexed plan; counts repeated articles."""

    def __init__(self, *, size: int = DEFAULT_SIZE, lang: str = "pl"):
        if size < 1:
            raise ValueError("partition size must be at least 1")
        self.size = size
        self.lang = lang
        self.duplicates = 0
        self._seen: set[str] = set()

    def plans(self, items: Iterable[Article | KronikaError | LineRange]) -> Iterator[Plan]:
        plan, count = Plan(0), 0
        for item in items:
            last = plan.items[-1] if plan.items else None
            joined = last.extend(item) if isinstance(last, LineRange) and isinstance(item, LineRange) else None
            if joined is not None:  # the next line of the same file: one range
                plan.items[-1] = joined
            else:
                plan.items.append(item if isinstance(item, LineRange) else as_item(item))
            count += count_items([item])  # scan_lines gives one line a range, so this meets size exactly
            if count >= self.size:
                yield plan
                plan, count = Plan(plan.index + 1), 0
        if plan.items:
            yield plan

    def partition(self, plan: Plan, keys: list[Key]) -> Partition | None:
        """The plan named by its kept items, with repeats of earlier articles skipped; None when every
        article of it came earlier. Called in input order."""
        skip, kept = set(), []
        for position, (article_id, fingerprint) in enumerate(keys):
            if article_id is not None:
                if article_id in self._seen:
                    self.duplicates += 1
                    skip.add(position)
                    continue
                self._seen.add(article_id)
            kept.append(fingerprint)
        if not kept:
            return None
        return Partition(partition_id(kept, self.lang), plan.index, plan.items, frozenset(skip))

    def partitions(self, items: Iterable[Article | KronikaError | LineRange], **reading) -> Iterator[Partition]:
        """Plans indexed here in this process, in order (``reading``: date and max_bytes of the line ranges)."""
        for plan in self.plans(items):
            part = self.partition(plan, index_items(plan.items, **reading))
            if part is not None:
                yield part


def count_items(items: list[Item]) -> int:
    """Articles and errors the items hold, once read."""
    return sum(item.count if isinstance(item, LineRange) else 1 for item in items)


def as_item(item: Article | KronikaError) -> Article | ReadError:
    if isinstance(item, KronikaError):
        source = getattr(item, "source", "") or "<input>"
        return ReadError(item.code, source, getattr(item, "problem", item.message))
    item.id = item.id or content_id(normalize_text(item.text))
    return item


def read_items(
    items: list[Item], *, date: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[Article | ReadError]:
    """Articles and errors in order, line ranges read from their files (E709 when a file changed)."""
    read: list[Article | ReadError] = []
    for item in items:
        if isinstance(item, LineRange):
            read.extend(as_item(one) for one in read_range(item, date=date, max_bytes=max_bytes))
        else:
            read.append(item)
    return read


def index_items(items: list[Item], *, date: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Key]:
    """One key per read item: the job a worker does for a plan of line ranges (small in, small out)."""
    read = read_items(items, date=date, max_bytes=max_bytes)
    return [(None if isinstance(item, ReadError) else item.id, fingerprint(item)) for item in read]


def fingerprint(item: Article | ReadError) -> str:
    """The hash of what an item's output depends on: the article's contents (not the path it was read from,
    so moving the input keeps the ids), or the read error."""
    if isinstance(item, ReadError):
        fields = ["error", item.code, item.source, item.message]
    else:
        fields = [item.id, item.url, item.date, item.lang, item.title, item.text]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()[:32]


def partition_id(fingerprints: list[str], lang: str) -> str:
    """The hash of the kept items' fingerprints and the default language."""
    digest = hashlib.sha256(lang.encode())
    for value in fingerprints:
        digest.update(value.encode() + b"\n")
    return digest.hexdigest()[:20]


def check_partition(partition: Partition, items: list[Article | ReadError], lang: str) -> None:
    """Raise E709 when what a worker read is not what the partition was named after (a file changed)."""
    if partition_id([fingerprint(item) for item in items], lang) != partition.id:
        raise KronikaError(
            "E709",
            f"partition {partition.id}: its input changed since the batch planned it; rerun the command "
            "to plan it again",
        )

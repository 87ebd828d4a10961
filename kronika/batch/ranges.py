"""Partitions by reference: the driver finds where the lines of a JSON Lines file start and end, a worker
reads its own lines.

The driver of a batch used to read, decode, parse and hash every article and ship its text to a worker;
on a cluster that is one process reading the whole archive and the network carrying it twice. For a JSON
Lines file on disk (the archive format) the driver now only scans for line boundaries (``scan_lines``: the
bytes pass through, nothing is decoded), and a partition names its lines as ``LineRange``s: path, byte
range, the number of its first line, and the file's size and modification time when it was scanned. The
worker opens the file, checks the stamp, and reads the range with the same reader ``kronika ingest`` uses
(``read_range``), so an article read by reference is the one read whole, error lines included.

Everything else (stdin, a directory of HTML pages, JSON, feeds, Parquet) is still read by the driver and
shipped; those inputs are either small per file or not seekable.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, replace

from kronika.errors import InputError, KronikaError
from kronika.ingest import detect, lines, read_articles
from kronika.ingest.read import _size, _streamable


@dataclass(frozen=True)
class LineRange:
    """``count`` non-blank lines of ``path`` within bytes [start, end), the first numbered ``first_line``."""

    path: str
    start: int
    end: int
    first_line: int
    count: int
    stamp: tuple[int, int]  # (size, mtime in ns) of the file when it was scanned

    def extend(self, line: LineRange) -> LineRange | None:
        """This range and the next line of the same file as one range, or None when they do not join."""
        if (line.path, line.stamp) != (self.path, self.stamp) or line.start < self.end:
            return None
        return replace(self, end=line.end, count=self.count + line.count)


def scan_lines(path: str, *, date: str | None, max_bytes: int) -> Iterator[LineRange | InputError]:
    """One single-line ``LineRange`` per non-blank line of a JSON Lines file, found without decoding it.

    A file ``kronika ingest`` would not read line by line (not JSON Lines, UTF-16, binary, unreadable,
    stdin) is read here as it is there, and its articles and errors are yielded instead.
    """
    kind = detect.kind_from_path(path)
    # Which files ``kronika.ingest.read`` reads a line at a time: JSON Lines, and archives over the limit.
    archive = kind == detect.JSONL or (kind in (None, detect.JSON) and _size(path) > max_bytes)
    if not (archive and os.path.isfile(path)):
        yield from read_articles([path], date=date, max_bytes=max_bytes)
        return
    try:
        handle = open(path, "rb")
    except OSError:  # reported, with its reason, by the ordinary reader
        yield from read_articles([path], date=date, max_bytes=max_bytes)
        return
    with handle:
        status = os.fstat(handle.fileno())
        first = handle.readline(max_bytes + 1)
        if not (_streamable(first) and (kind == detect.JSONL or lines.starts_like_lines(first))):
            yield from read_articles([path], date=date, max_bytes=max_bytes)
            return
        stamp = (status.st_size, status.st_mtime_ns)
        offset = 0
        for number, raw, size in lines.numbered_lines(handle, max_bytes, first):
            if raw is None or raw.strip():  # an oversized line is one item too: its error
                yield LineRange(path, offset, offset + size, number, 1, stamp)
            offset += size


def read_range(lines_of: LineRange, *, date: str | None, max_bytes: int) -> list:
    """The articles and errors of the range, read on the worker; raises E709 when the file changed."""
    try:
        handle = open(lines_of.path, "rb")
    except OSError as error:
        raise _changed(lines_of, f"cannot be opened any more ({error.strerror or error})") from None
    with handle:
        status = os.fstat(handle.fileno())
        if (status.st_size, status.st_mtime_ns) != lines_of.stamp:
            raise _changed(lines_of, "was modified (its size or modification time differs)")
        handle.seek(lines_of.start)
        window = _Window(handle, lines_of.end - lines_of.start)
        items = list(
            lines.read_lines(
                window, source=lines_of.path, date=date, max_bytes=max_bytes, first_number=lines_of.first_line
            )
        )
    if len(items) != lines_of.count:
        raise _changed(lines_of, f"has {len(items)} line(s) where the plan saw {lines_of.count}")
    return items


def _changed(lines_of: LineRange, problem: str) -> KronikaError:
    return KronikaError(
        "E709",
        f"{lines_of.path}: {problem} since the batch planned its partitions (lines {lines_of.first_line} "
        f"and on); rerun the command to plan it again",
    )


class _Window:
    """``readline`` over [position, position + length) of a binary file, the rest of the file unseen."""

    def __init__(self, handle, length: int):
        self.handle = handle
        self.left = length

    def readline(self, limit: int = -1) -> bytes:
        if self.left <= 0:
            return b""
        chunk = self.handle.readline(self.left if limit < 0 else min(limit, self.left))
        self.left -= len(chunk)
        return chunk

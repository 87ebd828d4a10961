"""Inputs (files, directories, stdin) to articles; every broken input becomes an InputError, never a raise."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator

from kronika.errors import InputError
from kronika.ingest import detect, lines
from kronika.ingest.article import Article
from kronika.ingest.dateline import check_date_option
from kronika.ingest.decoding import decode, looks_binary, normalize_text
from kronika.ingest.feed import read_feed
from kronika.ingest.html import read_html
from kronika.ingest.jsonl import read_json, read_json_lines
from kronika.ingest.text import read_plain
from kronika.options import DEFAULT_MAX_BYTES

STDIN = "-"
STDIN_SOURCE = "<stdin>"

Reader = Callable[..., Iterator["Article | InputError"]]
READERS: dict[str, Reader] = {
    detect.TEXT: read_plain,
    detect.JSONL: read_json_lines,
    detect.JSON: read_json,
    detect.HTML: read_html,
    detect.FEED: read_feed,
}


def read_articles(
    inputs: Iterable[str], *, date: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | InputError]:
    """Articles from files, directories (recursively) and ``-`` (stdin), in order.

    ``date`` is the publication date for articles that do not carry their own. A broken input (file,
    line, feed entry) is yielded as an InputError and reading goes on with the next one.
    """
    bad_date = check_date_option(date)
    if bad_date:
        yield bad_date
        return
    for name in inputs:
        name = os.fspath(name)  # pathlib.Path works too; sources are always strings
        if name == STDIN:
            yield from _read_stdin(date=date, max_bytes=max_bytes)
        elif os.path.isdir(name):
            yield from _read_directory(name, date=date, max_bytes=max_bytes)
        else:
            yield from _read_file(name, date=date, max_bytes=max_bytes)


def read_text(
    raw: bytes | str, *, source: str, date: str | None = None, kind: str | None = None
) -> Iterator[Article | InputError]:
    """Articles from the content of one input; ``kind`` (text, jsonl, json, html, feed) or guessed."""
    bad_date = check_date_option(date)
    if bad_date:
        yield bad_date
        return
    try:
        text = decode(raw, source) if isinstance(raw, bytes) else normalize_text(raw)
    except InputError as error:
        yield error
        return
    if not text.strip():
        yield InputError("E202", source, "is empty (no article text)")
        return
    kind = _resolve_kind(kind, text)
    if kind is None:
        yield InputError("E210", source, "is XML but not an RSS/Atom feed (no <rss>, <feed> or <rdf:RDF>)")
        return
    if kind not in READERS:
        raise ValueError(f"unknown input kind {kind!r}; expected one of {', '.join(detect.KINDS)}")
    yield from READERS[kind](text, source=source, date=date)


def _resolve_kind(kind: str | None, text: str) -> str | None:
    if kind is None:
        return detect.kind_from_content(text)
    if kind == detect.XML:
        guessed = detect.kind_from_content(text)
        return guessed if guessed in (detect.FEED, detect.HTML) else None
    return kind


def _read_file(path: str, *, date: str | None, max_bytes: int) -> Iterator[Article | InputError]:
    kind = detect.kind_from_path(path)
    if kind == detect.JSONL or (kind in (None, detect.JSON) and _size(path) > max_bytes):
        # An archive: read a line at a time, the limit per line (a file that is no JSON Lines is refused
        # whole below, as before).
        yield from _read_archive(path, kind, date=date, max_bytes=max_bytes)
    else:
        yield from _read_file_whole(path, kind, date=date, max_bytes=max_bytes)


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # reported by the reader that opens it


def _read_archive(path: str, kind: str | None, *, date: str | None, max_bytes: int) -> Iterator[Article | InputError]:
    try:
        handle = open(path, "rb")
    except OSError:  # reported, with its reason, by the whole-file reader
        yield from _read_file_whole(path, kind, date=date, max_bytes=max_bytes)
        return
    with handle:
        first = handle.readline(max_bytes + 1)
        if _streamable(first) and (kind == detect.JSONL or lines.starts_like_lines(first)):
            yield from lines.read_lines(handle, source=path, date=date, max_bytes=max_bytes, first=first)
            return
    yield from _read_file_whole(path, kind, date=date, max_bytes=max_bytes)


def _streamable(first: bytes | str) -> bool:
    """Bytes that can be split at newline bytes (not empty, binary or UTF-16: those are reported whole;
    a text stream without bytes underneath is read whole too)."""
    return isinstance(first, bytes) and bool(first.strip()) and lines.can_stream(first) and not looks_binary(first)


def _read_file_whole(
    path: str, kind: str | None, *, date: str | None, max_bytes: int
) -> Iterator[Article | InputError]:
    try:
        raw = _read_bytes(path, max_bytes)
    except InputError as error:
        yield error
        return
    yield from read_text(raw, source=path, date=date, kind=kind)


def _read_bytes(path: str, max_bytes: int) -> bytes:
    """The file's bytes; its size is checked with stat first so a huge file is never loaded."""
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            raise _too_large(path, size, max_bytes)
        with open(path, "rb") as handle:
            # Read at most one byte over the limit: the file may have grown since the stat.
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError("E201", path, "no such file or directory; check the path") from None
    except OSError as error:
        raise InputError("E201", path, f"cannot be read ({error.strerror or error})") from None
    if len(raw) > max_bytes:
        raise _too_large(path, len(raw), max_bytes)
    return raw


def _too_large(source: str, size: int, max_bytes: int) -> InputError:
    return InputError(
        "E204",
        source,
        f"is {human_size(size)} ({size} bytes), over the limit of "
        f"{human_size(max_bytes)} ({max_bytes} bytes) for one article; split it into files of one "
        "article each, or give an archive as JSON Lines (one article a line), which is read a line "
        "at a time",
    )


def human_size(size: float) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{size:.1f} GB"


def _read_directory(root: str, *, date: str | None, max_bytes: int) -> Iterator[Article | InputError]:
    paths = list(_walk(root))
    if not paths:
        yield InputError("E202", root, "is a directory without (non-hidden) files")
    for path in paths:
        yield from _read_file(path, date=date, max_bytes=max_bytes)


def _walk(root: str) -> Iterator[str]:
    """Non-hidden files under ``root``, sorted by their path parts so the order is the same everywhere."""
    found = []
    for folder, dirs, files in os.walk(root):
        # Hidden folders (.git, .cache) hold no articles; pruning in place stops os.walk descending.
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith("."):
                path = os.path.join(folder, name)
                found.append((os.path.relpath(path, root).split(os.sep), path))
    for _, path in sorted(found):
        yield path


def _read_stdin(*, date: str | None, max_bytes: int) -> Iterator[Article | InputError]:
    stream = getattr(sys.stdin, "buffer", sys.stdin)
    first = stream.readline(max_bytes + 1)
    if _streamable(first) and lines.starts_like_lines(first):
        yield from lines.read_lines(stream, source=STDIN_SOURCE, date=date, max_bytes=max_bytes, first=first)
        return
    raw = first + stream.read(max_bytes + 1 - len(first))
    if len(raw) > max_bytes:
        # A pipe has no size to stat, so reading stops one byte past the limit.
        yield InputError(
            "E204",
            STDIN_SOURCE,
            f"is over the limit of {human_size(max_bytes)} ({max_bytes} "
            "bytes) for one article; give several articles as JSON Lines (one article a line), "
            "which is read a line at a time",
        )
        return
    yield from read_text(raw, source=STDIN_SOURCE, date=date)

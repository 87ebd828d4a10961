"""JSON Lines read from a byte stream a line at a time: an archive of any size, the size limit per article.

A whole-file limit refused a 12 MB archive of eight thousand ordinary articles, and one oversized line
took its valid neighbours down with it. Here the limit applies to each line (one article): an oversized
line is skipped without being held in memory, reported once with its line number, and the lines around
it are read as usual.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import BinaryIO

from kronika.errors import InputError
from kronika.ingest.article import Article
from kronika.ingest.decoding import decode
from kronika.ingest.jsonl import parse_line

SKIP_CHUNK = 1 << 20  # bytes read at a time while passing over an oversized line
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def starts_like_lines(first_line: bytes) -> bool:
    """A stream is JSON Lines when its first line alone is one JSON object (not a pretty-printed one)."""
    text = first_line.decode("utf-8-sig", errors="replace").strip()
    if not (text.startswith("{") and text.endswith("}")):
        return False
    try:
        return isinstance(json.loads(text), dict)
    except ValueError:
        return False


def can_stream(head: bytes) -> bool:
    """UTF-16 cannot be split at newline bytes; every other encoding Kronika reads can."""
    return not head.startswith(UTF16_BOMS)


def read_lines(
    handle: BinaryIO, *, source: str, date: str | None, max_bytes: int, first: bytes = b"", first_number: int = 1
) -> Iterator[Article | InputError]:
    """Articles and errors from the JSON Lines in ``handle`` (``first``: a line already read from it;
    ``first_number``: the number of the handle's first line, when it starts inside a file)."""
    seen_any = False
    for number, raw, size in numbered_lines(handle, max_bytes, first, first_number):
        where = f"{source}:line {number}"
        if raw is None:
            seen_any = True
            yield too_large_article(where, size, max_bytes)
            continue
        if not raw.strip():
            continue
        seen_any = True
        try:
            line = decode(raw, where)
        except InputError as error:
            yield error
            continue
        yield parse_line(line, source=where, date=date)
    if not seen_any:
        yield InputError("E202", source, "has no JSON lines")


def numbered_lines(
    handle: BinaryIO, max_bytes: int, first: bytes = b"", first_number: int = 1
) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, its bytes or None when over ``max_bytes``, its size in bytes with the line end);
    never holds more than ``max_bytes`` + 1 bytes of one line."""
    number = first_number - 1
    chunk = first or handle.readline(max_bytes + 1)
    while chunk:
        number += 1
        content = len(chunk.rstrip(b"\r\n")) if chunk.endswith(b"\n") else len(chunk)
        if content <= max_bytes:
            yield number, chunk, len(chunk)
        else:
            size = len(chunk)
            while not chunk.endswith(b"\n"):
                chunk = handle.readline(SKIP_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
            yield number, None, size
        chunk = handle.readline(max_bytes + 1)


def too_large_article(source: str, size: int, max_bytes: int) -> InputError:
    from kronika.ingest.read import human_size

    return InputError(
        "E204",
        source,
        f"is {human_size(size)} ({size} bytes), over the limit of {human_size(max_bytes)} for one article; "
        "it was skipped and the other lines were read. Shorten this article or split it into several",
    )

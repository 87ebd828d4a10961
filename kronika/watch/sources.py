"""The SOURCES file of `kronika watch`: one feed URL or folder a line, `#` comments, blank lines ignored."""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import urlsplit

from kronika.errors import KronikaError

FEED, FOLDER = "feed", "folder"


@dataclass(frozen=True)
class Source:
    kind: str  # FEED (an http(s) URL) or FOLDER (a local folder or file, read as `kronika ingest` reads it)
    location: str

    @property
    def host(self) -> str:
        return urlsplit(self.location).hostname or "" if self.kind == FEED else ""


def read_sources(path: str) -> list[Source]:
    """The sources listed in ``path``; a relative folder is read from the SOURCES file's own folder.

    A line that is neither an http(s) URL nor an existing path is an error naming the file and line (E901):
    a typo must not go unnoticed for a whole run."""
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise KronikaError("E901", f"{path}: the sources file cannot be read ({error})") from None
    base = os.path.dirname(os.path.abspath(path))
    sources: list[Source] = []
    for number, line in enumerate(lines, start=1):
        # A comment is a whole line or a tail after " #": a URL may hold "#" in its fragment.
        text = line.strip().split(" #", 1)[0].strip()
        if not text or text.startswith("#"):
            continue
        sources.append(_source(text, base, f"{path}:{number}"))
    if not sources:
        raise KronikaError("E901", f"{path}: lists no feed URL or folder (one a line, # starts a comment)")
    return list(dict.fromkeys(sources))  # a source listed twice is watched once


def _source(text: str, base: str, where: str) -> Source:
    scheme = urlsplit(text).scheme.lower()
    if scheme in ("http", "https"):
        if not urlsplit(text).hostname:
            raise KronikaError("E901", f"{where}: {text!r} is a URL without a host")
        return Source(FEED, text)
    if scheme and len(scheme) > 1:  # "C:" is a drive letter, "ftp:" a scheme we do not fetch
        raise KronikaError("E901", f"{where}: {text!r}: only http:// and https:// feeds are fetched")
    folder = text if os.path.isabs(text) else os.path.join(base, text)
    if not os.path.exists(folder):
        raise KronikaError("E901", f"{where}: {text!r} is neither an http(s) feed URL nor an existing folder")
    return Source(FOLDER, os.path.normpath(folder))

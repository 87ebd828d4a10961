"""The article a reader yields: the input fields of the document record, plus where it came from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Article:
    text: str
    id: str | None = None
    url: str | None = None
    date: str | None = None
    lang: str | None = None
    title: str | None = None
    # Where the article came from, for error messages and logs: "path", "path:line 3",
    # "feed.xml:entry 2", "<stdin>".
    source: str = ""

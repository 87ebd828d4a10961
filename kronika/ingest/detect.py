"""Which reader an input needs: by file extension when it says, else by the first characters."""

from __future__ import annotations

import os
import re

TEXT, JSONL, JSON, HTML, FEED, XML = "text", "jsonl", "json", "html", "feed", "xml"
KINDS = (TEXT, JSONL, JSON, HTML, FEED)

EXTENSIONS = {
    ".txt": TEXT,
    ".jsonl": JSONL,
    ".ndjson": JSONL,
    ".json": JSON,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".rss": FEED,
    ".atom": FEED,
    # Feeds are very often served as .xml, but so is everything else: decided by content.
    ".xml": XML,
}

_HEAD = 2048
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)[\s>/]")
_HTML_START = re.compile(r"\A(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.DOTALL)


def kind_from_path(path: str) -> str | None:
    """The reader named by the extension, or None when the extension says nothing."""
    return EXTENSIONS.get(os.path.splitext(path)[1].lower())


def kind_from_content(text: str) -> str:
    """Guess from the start: JSON, HTML, a feed, or else text (with or without a dateline)."""
    head = text[:_HEAD].lstrip().lower()
    if head.startswith(("[", "{")):
        # One object, a list, or JSON Lines: the JSON reader tells them apart by parsing.
        return JSON
    if _HTML_START.match(head):
        return HTML
    if _FEED_ROOT.search(head):
        return FEED
    if head.startswith("<") and ("<html" in head or "<body" in head):
        return HTML
    return TEXT


def is_feed(text: str) -> bool:
    return bool(_FEED_ROOT.search(text[:_HEAD].lower()))

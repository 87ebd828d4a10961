"""RSS and Atom feeds: each entry is an article (feedparser does the parsing)."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from kronika.errors import InputError
from kronika.ingest.article import Article
from kronika.ingest.decoding import normalize_text
from kronika.record import content_id

_XML_DECLARATION_ENCODING = re.compile(r"""(<\?xml[^>]*?encoding\s*=\s*["'])[^"']*(["'])""")


def read_feed(xml: str, *, source: str, date: str | None = None) -> Iterator[Article | InputError]:
    """One article per entry; an entry without text is reported as ``source:entry N``."""
    for item in feed_entries(xml, source=source, date=date):
        yield item.article if isinstance(item, FeedEntry) else item


@dataclass
class FeedEntry:
    """One entry with what a feed watcher needs besides its article: a key that stays the same while the
    entry is edited (its guid, else its link), its link, and whether the feed carries the article itself
    (``content``) or only a summary, so the page has to be fetched."""

    key: str
    link: str | None
    full_text: bool
    article: Article | InputError


def feed_entries(xml: str, *, source: str, date: str | None = None) -> Iterator[FeedEntry | InputError]:
    """The entries of a feed; a feed that cannot be read at all is one InputError."""
    import feedparser  # imported here so non-feed inputs do not load it

    # The text is already decoded (our cp1250/ISO-8859-2 handling is better than the declaration,
    # which Polish sites often get wrong), so hand feedparser UTF-8 and a declaration that says so.
    data = _XML_DECLARATION_ENCODING.sub(r"\1utf-8\2", xml, count=1).encode("utf-8")
    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        if parsed.get("bozo") and problem is not None:
            yield InputError("E210", source, f"could not be parsed as an RSS/Atom feed ({problem})")
        else:
            yield InputError("E202", source, "is a feed without entries")
        return
    lang = _language(parsed.feed.get("language"))
    # feedparser recovers entries from malformed XML; the parse problem is named on broken entries
    # because it is the likely reason they lost their text.
    damage = f"; the feed is malformed ({parsed.bozo_exception})" if parsed.get("bozo") else ""
    for number, entry in enumerate(parsed.entries, start=1):
        article = _entry_article(entry, source=f"{source}:entry {number}", lang=lang, date=date, damage=damage)
        link = entry.get("link") or None
        key = entry.get("id") or link or content_id(f"{entry.get('title', '')}\n{entry.get('summary', '')}")
        yield FeedEntry(key, link, bool(entry.get("content")), article)


def _entry_article(
    entry: Any, *, source: str, lang: str | None, date: str | None, damage: str = ""
) -> Article | InputError:
    text = _entry_text(entry)
    if not text:
        return InputError("E208", source, f"is a feed entry without text (no summary or content){damage}")
    title = normalize_text(entry.get("title") or "").strip() or None
    return Article(
        text=text,
        url=entry.get("link") or None,
        date=_entry_date(entry) or date,
        lang=lang,
        title=title,
        source=source,
    )


def _entry_text(entry: Any) -> str:
    """The longest of the entry's contents and summary: feeds often put a teaser in one, the article in
    the other."""
    parts = list(entry.get("content") or [])
    if entry.get("summary_detail"):
        parts.append(entry["summary_detail"])
    elif entry.get("summary"):
        parts.append({"value": entry["summary"], "type": "text/html"})
    texts = [_as_text(part.get("value") or "", part.get("type") or "text/html") for part in parts]
    return max(texts, key=len, default="")


def _as_text(value: str, mime: str) -> str:
    text = html_to_text(value) if "html" in mime else value
    return normalize_text(text).strip()


def _entry_date(entry: Any) -> str | None:
    for key in ("published", "updated", "created"):
        day = _local_day(entry.get(key))
        if day:
            return day
    for key in ("published_parsed", "updated_parsed"):
        if entry.get(key):
            return time.strftime("%Y-%m-%d", entry[key])
    return None


def _local_day(value: str | None) -> str | None:
    """The day as written in the feed. feedparser's *_parsed fields are in UTC, which moves an article
    published at 00:30 Warsaw time to the previous day."""
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return None


def _language(value: str | None) -> str | None:
    # "pl-PL" and "pl_pl" both mean Polish; the record keeps the ISO 639-1 code.
    return (re.split(r"[-_]", value.strip())[0].lower() or None) if value else None


class _TextCollector(HTMLParser):
    BLOCKS = frozenset(
        {
            "p",
            "div",
            "li",
            "ul",
            "ol",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "blockquote",
            "tr",
            "table",
            "section",
            "article",
            "header",
            "footer",
            "figure",
            "pre",
        }
    )
    SKIPPED = frozenset({"script", "style", "noscript"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.SKIPPED:
            self.skipping += 1
        elif tag == "br":
            self.chunks.append("\n")
        elif tag in self.BLOCKS:
            self.chunks.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.chunks.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.chunks.append(data)


def html_to_text(markup: str) -> str:
    """Tags out, entities decoded, paragraphs kept as blank-line-separated blocks (as in the seed)."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    text = "".join(collector.chunks)
    lines = [re.sub(r"[ \t\f\v]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()

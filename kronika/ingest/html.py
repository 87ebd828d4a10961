"""HTML pages: trafilatura finds the main text and the metadata (title, date, canonical URL)."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from kronika.errors import InputError
from kronika.ingest.article import Article
from kronika.ingest.decoding import normalize_text

_HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})\b""", re.IGNORECASE)
# trafilatura logs its internals ("discarding data: None") as warnings; the E207 line says what a user needs.
# Set once here: the logger exists before trafilatura is imported, and keeps the level.
logging.getLogger("trafilatura").setLevel(logging.ERROR)


def read_html(html: str, *, source: str, date: str | None = None) -> Iterator[Article | InputError]:
    """One article per page; E207 when the page has no main text (a menu, an index, a paywall stub)."""
    extracted = _extract(html)
    text = normalize_text(extracted.text or "").strip() if extracted is not None else ""
    if not text:
        yield InputError(
            "E207",
            source,
            "is an HTML page without article text (nothing but menus, links or scripts); give the article page itself",
        )
        return
    yield Article(
        text=text,
        url=extracted.url or None,
        date=_page_date(extracted.date) or date,
        lang=_page_lang(html),
        title=(normalize_text(extracted.title).strip() or None) if extracted.title else None,
        source=source,
    )


def _extract(html: str):
    """trafilatura's main text and metadata of a page. lxml's parser stops at 255 levels of nesting, which
    page builders exceed, and trafilatura then sees no text: such a page is parsed again without that limit
    (only then, so every other page is read exactly as before)."""
    # Imported here so reading text or JSON Lines does not pay for loading trafilatura and lxml.
    import trafilatura

    # favor_precision keeps navigation menus and footers from passing as article text, so a page
    # without an article is reported instead of yielding "Home / News / Sport".
    options = dict(
        with_metadata=True,
        favor_precision=True,
        # Without this htmldate guesses from any year in the body ("budget for 2026" → 2026-01-01);
        # a missing date is better than a wrong dateline, since every timex is resolved against it.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    extracted = trafilatura.bare_extraction(html, **options)
    if extracted is None or not (extracted.text or "").strip():
        from lxml import etree, html as lxml_html

        parser = lxml_html.HTMLParser(huge_tree=True, collect_ids=False, remove_comments=True, remove_pis=True)
        try:
            tree = lxml_html.fromstring(html, parser=parser)
        except (etree.ParserError, ValueError):
            return extracted
        extracted = trafilatura.bare_extraction(tree, **options) or extracted
    return extracted


def _page_date(value: str | None) -> str | None:
    # trafilatura (htmldate) already returns YYYY-MM-DD; anything else is not trusted.
    return value[:10] if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", value) else None


def _page_lang(html: str) -> str | None:
    match = _HTML_LANG.search(html[:4096])
    return match.group(1).lower() if match else None

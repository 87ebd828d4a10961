"""A local HTTP server for the watch tests (127.0.0.1, a thread of http.server): feeds and pages made from
the project's examples/, with ETags, and the ways a feed can go wrong. Routes can change between rounds, and
every request is logged as (path, status)."""

from __future__ import annotations

import hashlib
import threading
import time
from datetime import date
from email.utils import format_datetime
from datetime import datetime, timezone
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PREFIX = " date "


def example(name: str) -> tuple[str, str, str]:
    """(date, title, text) of an example article: the dateline, the first sentence's start, the rest."""
    raw = (EXAMPLES / name).read_text(encoding="utf-8")
    assert raw.startswith(PREFIX)
    day, text = raw[len(PREFIX) :].split(" ", 1)
    text = text.strip()
    return day, " ".join(text.split()[:8]), text


def rfc822(day: str) -> str:
    return format_datetime(datetime.combine(date.fromisoformat(day), datetime.min.time(), timezone.utc).replace(hour=9))


def paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n") if p.strip())


def rss(base: str, names: list[str]) -> str:
    """RSS 2.0 with each example article whole in content:encoded."""
    return rss_of(base, [(f"{base}/articles/{name}", *example(name)) for name in names])


def rss_of(base: str, articles: list[tuple[str, str, str, str]]) -> str:
    """RSS 2.0 of (link, date, title, text) articles, each whole in content:encoded."""
    items = [
        f"<item><title>{escape(title)}</title><link>{link}</link><guid>{link}</guid>"
        f"<pubDate>{rfc822(day)}</pubDate><description>{escape(text[:120])}</description>"
        f"<content:encoded><![CDATA[{paragraphs(text)}]]></content:encoded></item>"
        for link, day, title, text in articles
    ]
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Full</title>'
        f"<link>{base}/</link><language>pl</language>{''.join(items)}</channel></rss>"
    )


def atom(base: str, names: list[str]) -> str:
    """Atom with a one-line summary per entry: the article is on its page."""
    entries = []
    for name in names:
        day, title, text = example(name)
        entries.append(
            f"<entry><title>{escape(title)}</title><id>urn:example:{name}</id>"
            f'<link href="{base}/pages/{name}.html"/><updated>{day}T09:00:00Z</updated>'
            f"<summary>{escape(text.split('.')[0])}.</summary></entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="pl">'
        f"<title>Summaries</title><id>urn:example:feed</id><updated>2025-09-10T09:00:00Z</updated>"
        f"{''.join(entries)}</feed>"
    )


def page(name: str) -> str:
    day, title, text = example(name)
    return (
        f'<!DOCTYPE html><html lang="pl"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f'<meta property="article:published_time" content="{day}T09:00:00+02:00"></head><body>'
        f'<nav><a href="/">Strona główna</a> | <a href="/swiat">Świat</a></nav>'
        f"<article><h1>{escape(title)}</h1>{paragraphs(text)}</article>"
        f"<footer>Wszelkie prawa zastrzeżone.</footer></body></html>"
    )


class FeedServer:
    """``routes[path] = (status, content type, body)``; a body that is a callable is a special behaviour."""

    def __init__(self):
        self.routes: dict[str, tuple[int, str, object]] = {}
        self.log: list[tuple[str, int]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                status, kind, body = server.routes.get(self.path, (404, "text/plain", b"not here"))
                if callable(body):
                    return body(self)
                data = body.encode("utf-8") if isinstance(body, str) else body
                etag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
                if status == 200 and self.headers.get("If-None-Match") == etag:
                    return self.answer(304, kind, b"", etag)
                self.answer(status, kind, data, etag)

            def answer(self, status, kind, data, etag=None, headers=()):
                server.log.append((self.path, status))
                self.send_response(status)
                self.send_header("Content-Type", kind)
                if etag:
                    self.send_header("ETag", etag)
                for name, value in headers:
                    self.send_header(name, value)
                if status != 304:
                    self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if status != 304:
                    self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def statuses(self, path: str) -> list[int]:
        return [status for logged, status in self.log if logged == path]


# --- the ways a feed goes wrong --------------------------------------------------------------------------


def slow(seconds: float):
    def behave(handler):
        time.sleep(seconds)
        try:
            handler.answer(200, "application/rss+xml", b"<rss version='2.0'><channel></channel></rss>")
        except OSError:
            pass  # the client gave up first, as it should

    return behave


def endless(handler):
    """A body without Content-Length that goes on and on (a 50 MB file, a misconfigured server)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/rss+xml")
    handler.end_headers()
    try:
        handler.wfile.write(b"<rss version='2.0'><channel>")
        for _ in range(2000):
            handler.wfile.write(b"<item><title>x</title></item>" * 100)
    except OSError:
        pass
    handler.close_connection = True


def redirect_loop(handler):
    handler.send_response(302)
    handler.send_header("Location", handler.path)
    handler.send_header("Content-Length", "0")
    handler.end_headers()

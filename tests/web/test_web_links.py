"""A stored article URL on the web pages: only http(s) becomes a link; a ``javascript:``, ``data:`` or
``vbscript:`` URL (however it is cased or padded) is shown as text, so clicking it runs nothing."""

from __future__ import annotations

import dataclasses
import html

import pytest
from fastapi.testclient import TestClient
from store import store_records

from kronika.api import create_app
from kronika.store import Store

# (case, stored URL, whether the article page links it)
URLS = [
    ("https", "https://www.pap.pl/aktualnosci/a", True),
    ("http, upper-case scheme", "HTTP://example.org/b", True),
    ("javascript", "javascript:alert(document.cookie)", False),
    ("javascript, mixed case and padded", " JaVaScRiPt:alert(1)", False),
    ("javascript with a tab in the scheme", "java\tscript:alert(1)", False),
    ("data", "data:text/html,<script>alert(1)</script>", False),
    ("vbscript", "vbscript:msgbox(1)", False),
    ("no scheme", "//evil.example/x", False),
    ("http without a host", "http:alert(1)", False),
]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = tmp_path_factory.mktemp("links") / "kronika.db"
    docs = [dataclasses.replace(store_records.PAP, id=f"link-{n}", url=url) for n, (_, url, _) in enumerate(URLS)]
    with Store(db, stories=False) as store:
        store.add_many(docs)
    with TestClient(create_app(db)) as opened:
        yield opened


@pytest.mark.parametrize(("number", "case"), [(n, c) for n, c in enumerate(URLS)], ids=[c[0] for c in URLS])
def test_only_http_urls_become_links(client, number, case):
    _, url, linked = case
    page = client.get(f"/articles/link-{number}")
    assert page.status_code == 200
    meta = next(line for line in page.text.splitlines() if 'class="meta"' in line)
    shown = html.escape(url, quote=False).strip()
    assert shown.split("\t")[0] in meta  # the URL is always shown
    hrefs = [part.split('"', 1)[0] for part in meta.split('href="')[1:]]
    external = [h for h in hrefs if not h.startswith("/api/")]
    assert external == ([html.escape(url)] if linked else [])

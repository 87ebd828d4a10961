"""The web UI: highlighting and charts as units, then every page in Debian's Chromium (Playwright) on a
live uvicorn server over a real store: filters, links to articles, highlights, graphs and screenshots."""

from __future__ import annotations

import socket
import threading
import time
from urllib.parse import unquote

import pytest
from api.fixture_store import build_store

from kronika.web import charts
from kronika.web.highlight import Span, highlight, spans_of

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        (
            "Kim w Pekinie",
            [Span(0, 3, "ent", "PER")],
            '<mark class="ent">Kim<span class="label">PER</span></mark> w Pekinie',
        ),
        # A name inside a quote nests; the label goes at the end of each.
        (
            "„Kim przyjedzie”",
            [Span(1, 15, "quote", "QUOTE"), Span(1, 4, "ent", "PER")],
            (
                '„<mark class="quote"><mark class="ent">Kim<span class="label">PER</span></mark> przyjedzie'
                '<span class="label">QUOTE</span></mark>”'
            ),
        ),
        # Crossing spans: the amount is split at the quote's end; its label only on its last piece.
        (
            "ab cd ef",
            [Span(0, 5, "quote", "Q"), Span(3, 8, "amount", "A")],
            (
                '<mark class="quote">ab <mark class="amount">cd</mark><span class="label">Q</span></mark>'
                '<mark class="amount"> ef<span class="label">A</span></mark>'
            ),
        ),
        # Text and labels are escaped; spans outside the text are ignored.
        (
            "<b>&",
            [Span(0, 3, "ent", "<i>"), Span(2, 99, "date", "D")],
            '<mark class="ent">&lt;b&gt;<span class="label">&lt;i&gt;</span></mark>&amp;',
        ),
        (
            "abc",
            [Span(0, 3, "trigger", "CONSULT", anchor="ev-0"), Span(0, 3, "sentence", anchor="s-0")],
            (
                '<span id="s-0" class="sentence"><mark id="ev-0" class="trigger">abc'
                '<span class="label">CONSULT</span></mark></span>'
            ),
        ),
    ],
)
def test_highlight(text, spans, expected):
    assert str(highlight(text, spans)) == expected


def test_spans_of_a_record_cover_every_kind(pipeline):
    from api.fixture_store import records

    record = next(d for d in records(pipeline) if d.id == "handmade-tusk-kyiv").to_dict(tokens=False)
    kinds = [s.kind for s in spans_of(record)]
    assert {k: kinds.count(k) for k in set(kinds)} == {
        "sentence": 2,
        "ent": 4,
        "date": 1,
        "trigger": 2,
        "quote": 1,
        "amount": 1,
    }


@pytest.mark.parametrize(
    ("rows", "circles", "bars"),
    [
        ([], 0, 0),
        (
            [
                {
                    "period": "2025-01",
                    "source": "CHN",
                    "target": "PRK",
                    "events": 2,
                    "goldstein_mean": 1.5,
                    "quad1_verbal_cooperation": 2,
                    "quad2_material_cooperation": 0,
                    "quad3_verbal_conflict": 0,
                    "quad4_material_conflict": 0,
                },
                {
                    "period": "2025-02",
                    "source": "PRK",
                    "target": "CHN",
                    "events": 3,
                    "goldstein_mean": -2.0,
                    "quad1_verbal_cooperation": 1,
                    "quad2_material_cooperation": 0,
                    "quad3_verbal_conflict": 1,
                    "quad4_material_conflict": 1,
                },
            ],
            2,
            4,
        ),
    ],
)
def test_relation_charts(rows, circles, bars):
    line, stacked = str(charts.goldstein_line(rows, "CHN", "PRK")), str(charts.quad_bars(rows))
    assert line.count("<circle") == circles
    assert stacked.count('class="quad quad') == bars


def _story(sid, first, last, title="t"):
    return {"id": sid, "first_date": first, "last_date": last, "title": title, "size": 2}


@pytest.mark.parametrize(
    ("stories", "bars", "axis"),
    [
        ([], 0, []),
        ([_story("a", None, None)], 0, []),
        (
            [_story("a", "2025-09-01", "2025-09-03"), _story("b", "2025-09-10", None), _story("c", None, None)],
            2,
            ["2025-09-01", "2025-09-10"],
        ),
        ([_story("a", "2025-09-04", "2025-09-04", "<b>x</b>")], 1, ["2025-09-04", "2025-09-04"]),
    ],
)
def test_thread_timeline(stories, bars, axis):
    drawn = str(charts.thread_timeline(stories))
    assert drawn.count('class="story-bar"') == bars
    assert [d for d in axis if f">{d}</text>" in drawn] == axis
    assert "<b>" not in drawn  # titles are escaped


# --- in the browser -------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, pipeline):
    import uvicorn

    from kronika.api import create_app

    path = tmp_path_factory.mktemp("web") / "kronika.db"
    build_store(path, pipeline)
    port = _free_port()
    config = uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning")
    live = uvicorn.Server(config)
    thread = threading.Thread(target=live.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not live.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    live.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server):
    """A page that records every request and every script error, so a test can see what else it loaded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.requests, opened.errors = [], []
    opened.on("request", lambda request: opened.requests.append(request.url))
    opened.on("pageerror", lambda error: opened.errors.append(str(error)))
    opened.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
    yield opened
    assert all(url.startswith((server, "data:")) for url in opened.requests), opened.requests
    assert not opened.errors, opened.errors
    context.close()


def test_events_filter_then_article_highlights(page, server, tmp_path):
    page.goto(server + "/")
    assert page.locator("table#events tbody tr.event").count() > 5
    page.fill("input[name=actor]", "Donald Tusk")
    page.select_option("select[name=quad_class]", "2")
    page.click("#event-filters button[type=submit]")
    page.wait_for_url("**/?actor=*")
    assert page.locator("table#events tbody tr.event").count() == 0  # the aid is announced, not given
    page.select_option("select[name=modality]", "all")
    page.click("#event-filters button[type=submit]")
    page.wait_for_url("**modality=all*")
    page.wait_for_url("**/?actor=*")
    rows = page.locator("table#events tbody tr.event")
    assert rows.count() == 1
    assert rows.first.locator("td.type").inner_text().startswith("AID")
    assert rows.first.locator("td.modality").inner_text() == "intended"
    page.screenshot(path=str(tmp_path / "events.png"), full_page=True)

    rows.first.locator("a.article-link").click()
    page.wait_for_url("**/articles/handmade-tusk-kyiv*")
    text = page.locator("article#article-text")
    for kind, count in (
        ("mark.ent", 4),
        ("mark.date", 1),
        ("mark.trigger", 2),
        ("mark.quote", 1),
        ("mark.amount", 2),
    ):  # the amount crosses the quote's end: two pieces
        assert text.locator(kind).count() == count, kind
    assert text.locator("mark.ent-per").first.inner_text().startswith("Donald Tusk")
    assert "<b>Nie</b>" in text.inner_text()  # the article's own markup is shown as text, never run
    # The event the link came from is lit up, with its trigger and evidence sentence.
    card = page.locator(".coded-event.active")
    assert card.count() == 1 and "AID" in card.inner_text()
    assert page.locator("mark.trigger.active").inner_text().startswith("przekaże")
    assert page.locator("span.sentence.active").count() == 1
    page.screenshot(path=str(tmp_path / "article.png"), full_page=True)


def test_real_article_page(page, server, tmp_path):
    page.goto(server + "/articles?search=Pekin")
    links = page.locator("table.articles tbody a")
    assert links.count() >= 1
    links.first.click()
    page.wait_for_url("**/articles/*")
    assert page.locator("article#article-text mark.trigger").count() >= 1
    assert page.locator("article#article-text mark.ent").count() >= 3
    assert page.locator(".coded-event").count() == page.locator("article#article-text mark.trigger[id]").count()
    page.screenshot(path=str(tmp_path / "real-article.png"), full_page=True)


@pytest.mark.parametrize("search", ["Pekin", "Pekinie"])
def test_article_search_marks_the_words_in_snippets(page, server, search):
    page.goto(server + "/articles?search=" + search)
    rows = page.locator("table.articles tbody tr.article")
    api = page.request.get(server + "/api/articles", params={"search": search}).json()["items"]
    assert rows.count() == len(api) > 0
    for number, item in enumerate(api):
        row = rows.nth(number)
        assert row.get_attribute("data-article") == item["id"]
        marks = row.locator("p.snippet mark.match").all_inner_texts()
        start = item["snippet_start"]
        assert marks == [item["snippet"][s - start : e - start] for s, e in item["matches"]]
        assert all(mark.startswith("Pekin") for mark in marks) and marks
    page.goto(server + "/articles")  # no search, no snippet
    assert page.locator("p.snippet").count() == 0


def test_relations_page_draws_line_and_bars(page, server, tmp_path):
    page.goto(server + "/relations")
    page.fill("input[name=a]", "POL")
    page.fill("input[name=b]", "UKR")
    page.select_option("select[name=by]", "day")
    page.click("#relation-form button[type=submit]")
    page.wait_for_url("**/relations?a=POL*")
    assert page.locator("table.relations tbody tr").count() == 2  # asserted events: the aid is only announced
    page.select_option("select[name=modality]", "all")
    page.click("#relation-form button[type=submit]")
    page.wait_for_url("**modality=all*")
    assert page.locator("svg#goldstein-chart circle").count() == 2  # one point per direction and day
    assert page.locator("svg#quad-chart rect.quad").count() == 3
    assert page.locator("table.relations tbody tr").count() == 2
    page.screenshot(path=str(tmp_path / "relations.png"), full_page=True)


def test_actor_page(page, server, tmp_path):
    page.goto(server + "/actors?search=tusk")
    page.locator("table.actors tbody a").first.click()
    page.wait_for_url("**/actors/Q946")
    assert "Donald Tusk" in page.locator("#aliases").inner_text()
    # The knowledge base's names in every language, each once.
    assert page.locator("p.kb-aliases").inner_text() == "Knowledge base: Tusk, Donald Tusk"
    page.goto(server + "/actors/Q946?date=2025-03-04")
    assert page.locator("table#events-as-actor tbody tr.event").count() == 1  # the announced aid is left out
    page.goto(server + "/actors/Q946?date=2025-03-04&modality=all")
    assert page.locator("#code-on-date").inner_text() == "POLGOV"
    assert page.locator("#offices tr.held").count() >= 1
    assert page.locator("table#events-as-actor tbody tr.event").count() == 2
    assert page.locator("table#events-as-recipient tbody tr.event").count() == 1
    nodes = page.locator("svg#actor-graph a.node")
    assert nodes.count() == 1 and "Volodymyr Zelenskyy" in nodes.first.inner_html()
    page.screenshot(path=str(tmp_path / "actor.png"), full_page=True)
    nodes.first.click()
    page.wait_for_url("**/actors/Q3874799")


def test_stories_page(page, server):
    page.goto(server + "/stories")
    links = page.locator("table#stories tbody a")
    assert links.count() >= 1
    links.first.click()
    page.wait_for_url("**/stories/*")
    assert page.locator("#story-articles a").count() >= 1


@pytest.mark.parametrize(
    "given", [{}, {"min_size": "2"}, {"lang": "pl"}, {"since": "2025-09-03"}, {"lang": "en", "until": "2025-09"}]
)
def test_stories_list_total_and_filters_kept(page, server, given):
    """The stories page, as the other lists: its total is the API's, and the form shows the filters given."""
    page.goto(server + "/stories")
    for name, value in given.items():
        page.fill(f"#story-filters [name={name}]", value)
    page.click("#story-filters button[type=submit]")
    page.wait_for_url("**/stories?*")
    api = page.request.get(server + "/api/stories", params={**given, "limit": 500}).json()
    assert api["total"] == len(api["items"])
    assert page.locator("#list-total").inner_text().split()[0] == str(api["total"])
    shown = page.locator("table#stories tbody tr td:first-child a").evaluate_all("a => a.map(x => x.pathname)")
    assert [p.rsplit("/", 1)[1] for p in shown] == [s["id"] for s in api["items"]]
    for name, value in given.items():
        assert page.locator(f"#story-filters [name={name}]").input_value() == value


def test_api_docs_render_offline(page, server):
    page.goto(server + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=15_000)
    assert page.locator(".swagger-ui .opblock").count() >= 10


def test_missing_page_says_so(page, server):
    answer = page.goto(server + "/articles/nope")
    assert answer.status == 404
    assert "no article 'nope'" in page.locator("#error-message").inner_text()
    assert page.errors == ["Failed to load resource: the server responded with a status of 404 (Not Found)"]
    page.errors.clear()


# (what is claimed, the sources listed under it with their figures and articles)
STORY_CLAIMS = [
    (
        "killed · ASSAULT Russian Armed Forces -> Ukraine 2025-06-10",
        [
            "State Emergency Service of Ukraine (UKR): 14 (wiadomosci.example.pl, 2025-06-10), "
            "17 (wiadomosci.example.pl, 2025-06-11)",
            "Ministry of Defence (Russia) (RUS): 30 (portal.example.com, 2025-06-10)",
        ],
    ),
    ("wounded", ["wiadomosci.example.pl (unattributed): 40 (wiadomosci.example.pl, 2025-06-10)"]),
    ("budynek", ["wiadomosci.example.pl (unattributed): ~12 (wiadomosci.example.pl, 2025-06-11)"]),
]


def _claims_on(page) -> list[tuple[str, list[str]]]:
    groups = page.locator("#claims .claim-group")
    return [
        (
            groups.nth(i).locator("h3 .what").inner_text(),
            [" ".join(text.split()) for text in groups.nth(i).locator("li.claim-source").all_inner_texts()],
        )
        for i in range(groups.count())
    ]


def test_story_page_lists_who_claims_how_many(page, server, tmp_path):
    page.goto(server + "/stories")
    page.locator("table#stories tbody a", has_text="Nocny ostrzał Charkowa").click()
    page.wait_for_url("**/stories/*")
    assert _claims_on(page) == STORY_CLAIMS
    page.screenshot(path=str(tmp_path / "story-claims.png"), full_page=True)
    # A figure's article link opens that article, whose Claims section marks its own figure.
    page.locator("#claims li.claim-source a[href='/articles/claims-second']").click()
    page.wait_for_url("**/articles/claims-second")
    assert page.locator("#claims .figure.this-article").all_inner_texts() == ["30"]
    page.screenshot(path=str(tmp_path / "article-claims.png"), full_page=True)
    assert _claims_on(page) == STORY_CLAIMS[:1]  # the groups it has a figure in, with every source
    page.locator("#claims .claimant a", has_text="Ministry of Defence (Russia)").click()
    page.wait_for_url("**/actors/kronika%3Aministry-of-defence-russia")
    assert page.locator("h1").inner_text().startswith("Ministry of Defence (Russia)")


def test_article_without_figures_says_so(page, server):
    page.goto(server + "/articles/handmade-thanks")
    assert page.locator("#claims .empty").inner_text() == "No figures claimed."


def _column(page, table: str, cell: str) -> list[str]:
    return page.locator(f"table{table} tbody tr {cell}").all_inner_texts()


def test_events_list_total_sort_facets_and_downloads(page, server):
    page.goto(server + "/?modality=all")
    total = page.locator("#list-total").inner_text()
    everything = page.request.get(server + "/api/events?modality=all&limit=500").json()["items"]
    assert total.startswith(f"{len(everything)} events, showing 1–{len(everything)}")
    # Goldstein: the first click sorts largest first, the second smallest first.
    page.locator("table#events th[data-sort=goldstein] a").click()
    page.wait_for_url("**sort=-goldstein*")
    shown = [float(v) for v in _column(page, "#events", "td.num:nth-child(7)") if v]
    assert shown == sorted(shown, reverse=True) and len(shown) > 3
    assert page.locator("table#events th[data-sort=goldstein] .arrow").inner_text() == "▼"
    page.locator("table#events th[data-sort=goldstein] a").click()
    page.wait_for_url("**sort=goldstein*")
    shown = [float(v) for v in _column(page, "#events", "td.num:nth-child(7)") if v]
    assert shown == sorted(shown)
    # A type facet narrows the list, keeps the order and the other filters; its count is the new total.
    facet = page.locator("#facet-type a[data-value=CONSULT]")
    count = int(facet.locator("xpath=following-sibling::span").inner_text())
    facet.click()
    page.wait_for_url("**type=CONSULT*")
    assert "modality=all" in page.url and "sort=goldstein" in page.url
    assert {t.split()[0] for t in _column(page, "#events", "td.type")} == {"CONSULT"}
    assert page.locator("#list-total").inner_text().startswith(f"{count} event")
    assert page.locator("select[name=type]").input_value() == "CONSULT"
    # The download links give the same filtered, sorted list.
    href = page.locator("a.download[data-format=csv]").get_attribute("href")
    assert href.startswith("/api/events.csv?") and "type=CONSULT" in href
    rows = page.request.get(server + href).text().strip().splitlines()
    ids = page.locator("table#events tbody tr.event").evaluate_all("rows => rows.map(r => r.dataset.event)")
    assert [line.split(",")[0] for line in rows[1:]] == ids
    json_href = page.locator("a.download[data-format=json]").get_attribute("href")
    assert [e["id"] for e in page.request.get(server + json_href).json()] == ids


# Every filter of the events page, typed into its form: the page lists the API's events for the same values
# (one definition per filter), and the names of issue 18 find their events in the examples.
WEB_FILTERS = [
    ({"actor": "Władimir Putin"}, True),
    ({"actor": "Władimira Putina"}, True),
    ({"actor": "Putin"}, True),
    ({"actor": "Kim Dzong Un"}, True),
    ({"actor": "Chiny"}, True),
    ({"actor": "Korea Północna"}, True),
    ({"initiator": "Xi Jinping"}, True),
    ({"recipient": "Korei Północnej"}, True),
    ({"type": "CONSULT"}, True),
    ({"quad_class": "1"}, True),
    ({"country": "Chiny"}, True),
    ({"text": "Pekinie"}, True),
    ({"modality": "all"}, True),
    ({"since": "2025-09-03", "until": "2025-09-04"}, True),
    ({"actor": "nobody at all"}, False),
]


@pytest.mark.parametrize(("given", "found"), WEB_FILTERS)
def test_every_event_filter_lists_what_the_api_does(page, server, given, found):
    page.goto(server + "/")
    for name, value in given.items():
        field = page.locator(f"#event-filters [name={name}]")
        if field.evaluate("f => f.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    page.click("#event-filters button[type=submit]")
    page.wait_for_url(f"**{list(given)[-1]}=*")
    shown = page.locator("table#events tbody tr.event").evaluate_all("rows => rows.map(r => r.dataset.event)")
    api = [e["id"] for e in page.request.get(server + "/api/events", params=given).json()["items"]]
    assert shown == api
    assert bool(shown) is found


@pytest.mark.parametrize("query", ["modality=all", "", "type=CONSULT", "actor=Putin&modality=all", "quad_class=4"])
def test_events_page_timeline_by_quad_class(page, server, query):
    """The events page draws the filtered events per day by QuadClass with the relation page's bars: a bar
    per day and QuadClass with events, and the counts in its titles add up to the API's timeline."""
    page.goto(server + "/?" + query)
    api = page.request.get(server + "/api/events/timeline?" + query).json()
    drawn = page.locator("svg#events-timeline rect.quad")
    expected = [
        (p["period"], q)
        for p in api["periods"]
        for q in (1, 2, 3, 4)
        if p[[n for n in p if n.startswith(f"quad{q}_")][0]]
    ]
    assert drawn.count() == len(expected)
    if not expected:
        assert page.locator("svg#events-timeline").count() == 0
        return
    titles = drawn.evaluate_all("rects => rects.map(r => r.querySelector('title').textContent)")
    assert sum(int(t.split(": ")[1].split(" ×")[0]) for t in titles) == sum(p["events"] for p in api["periods"])
    by = {"day": "day", "week": "ISO week"}[api["by"]]
    assert page.locator("#timeline h3").inner_text() == f"Events per {by}, by QuadClass"


@pytest.mark.parametrize(
    ("path", "table", "header", "api", "key"),
    [
        ("/actors?modality=all", ".actors", "name", "/api/actors?modality=all&limit=500", "key"),
        ("/articles", ".articles", "title", "/api/articles?limit=500", "id"),
    ],
)
def test_actor_and_article_lists_total_and_sort(page, server, path, table, header, api, key):
    page.goto(server + path)
    items = page.request.get(server + api).json()["items"]
    assert page.locator("#list-total").inner_text().split()[0] == str(len(items))
    page.locator(f"table{table} th[data-sort={header}] a").click()
    page.wait_for_url(f"**sort={header}*")
    shown = page.locator(f"table{table} tbody tr td a").evaluate_all("links => links.map(a => a.pathname)")
    ordered = page.request.get(server + api + f"&sort={header}").json()["items"]  # sorted as the API tests check
    assert len(shown) == len(ordered) > 2
    assert [unquote(p.split("/", 2)[2]) for p in shown] == [
        str(item["entity"] or item["key"]) if key == "key" else item["id"] for item in ordered
    ]
    assert page.locator("a.download[data-format=csv]").get_attribute("href").endswith(f"sort={header}")


def test_thread_page_lists_its_stories_over_time(page, server, tmp_path):
    """From a story to its thread (the longer story) and back: the thread page lists the thread's stories
    oldest first, with a timeline bar per dated story, and the API's thread holds the same stories."""
    page.goto(server + "/stories")
    page.locator("table#stories tbody a", has_text="Nocny ostrzał Charkowa").click()
    page.wait_for_url("**/stories/*")
    story_id = page.url.rsplit("/", 1)[1]
    link = page.locator("#story-thread a")
    thread_id = link.get_attribute("href").rsplit("/", 1)[1]
    link.click()
    page.wait_for_url(f"**/threads/{thread_id}")
    api = page.request.get(f"{server}/api/threads/{thread_id}").json()
    rows = page.locator("table#thread-stories tbody tr[data-story]")
    listed = rows.evaluate_all("rows => rows.map(r => r.dataset.story)")
    assert sorted(listed) == sorted(s["id"] for s in api["stories"]) and story_id in listed
    firsts = [d for d in page.locator("table#thread-stories tbody td.date:first-child").all_inner_texts() if d]
    assert firsts == sorted(firsts)  # over time: oldest first
    dated = [s for s in api["stories"] if s["first_date"]]
    assert page.locator("svg#thread-timeline a.story-bar").count() == len(dated)
    assert f"{api['size']} article(s)" in page.locator("#thread-meta").inner_text()
    page.screenshot(path=str(tmp_path / "thread.png"), full_page=True)
    page.locator(f"table#thread-stories tr[data-story='{story_id}'] a").click()
    page.wait_for_url(f"**/stories/{story_id}")


def test_a_missing_thread_says_so(page, server):
    answer = page.goto(server + "/threads/nope")
    assert answer.status == 404
    assert "no thread 'nope'" in page.locator("#error-message").inner_text()
    page.errors.clear()


# --- every chart's axis labels are read whole ---------------------------------------------------------


def _series(count: int, kind: str) -> list[dict]:
    from datetime import date, timedelta

    first = date(2024, 1, 1)
    if kind == "day":
        periods = [(first + timedelta(days=n)).isoformat() for n in range(count)]
    elif kind == "week":
        periods = [f"{2024 + n // 52}-W{n % 52 + 1:02d}" for n in range(count)]
    else:
        periods = [f"{2000 + n // 12}-{n % 12 + 1:02d}" for n in range(count)]
    return [
        {
            "period": p,
            "source": "CHN",
            "target": "PRK",
            "events": 1,
            "goldstein_mean": 1.0,
            "quad1_verbal_cooperation": 1,
            "quad2_material_cooperation": 0,
            "quad3_verbal_conflict": 0,
            "quad4_material_conflict": 0,
        }
        for p in periods
    ]


# (chart, periods, label kind): from one period to a year of days; the last label near the right edge
AXIS_CASES = [
    (chart, count, kind)
    for chart in ("line", "bars")
    for count, kind in (
        (1, "day"),
        (12, "day"),
        (25, "day"),
        (92, "day"),
        (100, "day"),
        (107, "day"),
        (366, "day"),
        (97, "week"),
        (156, "week"),
        (61, "month"),
    )
]


def _outside(page, selector: str) -> list[str]:
    """The labels under ``selector`` whose box leaves their svg's viewBox (what the svg clips)."""
    return page.locator(selector).evaluate_all("""labels => labels.flatMap(label => {
        const box = label.getBBox(), view = label.ownerSVGElement.viewBox.baseVal;
        const inside = box.x >= view.x && box.y >= view.y && box.x + box.width <= view.x + view.width
                       && box.y + box.height <= view.y + view.height;
        return inside ? [] : [`${label.textContent} ${box.x.toFixed(1)}+${box.width.toFixed(1)}`];
    })""")


@pytest.mark.parametrize(("chart", "count", "kind"), AXIS_CASES)
def test_every_axis_label_is_inside_its_chart(page, chart, count, kind):
    rows = _series(count, kind)
    drawn = charts.goldstein_line(rows, "CHN", "PRK") if chart == "line" else charts.quad_bars(rows)
    page.set_content(f"<!doctype html><html><body>{drawn}</body></html>")
    labels = page.locator("svg text.axis-label")
    assert labels.count() >= 1
    assert labels.last.inner_html() == rows[(labels.count() - 1) * max(1, -(-count // 12))]["period"]
    assert _outside(page, "svg text.axis-label") == []


@pytest.mark.parametrize(
    "path", ["/?modality=all", "/relations?a=POL&b=UKR&by=day&modality=all", "/relations?a=CHN&b=PRK&by=week"]
)
def test_axis_labels_of_the_pages_charts_are_inside(page, server, path):
    page.goto(server + path)
    assert page.locator("svg.chart text.axis-label").count() >= 1
    assert _outside(page, "svg text.axis-label") == []


def test_thread_timeline_axis_labels_are_inside(page, server):
    page.goto(server + "/stories")
    page.locator("table#stories tbody a", has_text="Nocny ostrzał Charkowa").click()
    page.locator("#story-thread a").click()
    page.wait_for_url("**/threads/*")
    assert page.locator("svg#thread-timeline text.axis-label").count() == 2
    assert _outside(page, "svg#thread-timeline text") == []


def _counterparts(count: int, name: str) -> list[dict]:
    return [{"key": f"k{n}", "name": f"{name} {n}", "events": n + 1, "goldstein_mean": 1.0} for n in range(count)]


# (counterparts, their names): the actor graph's names, on every side of the circle, are read whole too.
@pytest.mark.parametrize(
    ("count", "name"),
    [
        (1, "Volodymyr Zelenskyy"),
        (6, "Ministry of Defence (Russia)"),
        (12, "Kim Dzong Un"),
        (20, "Państwowa Służba Ratownicza Ukrainy"),
    ],
)
def test_actor_graph_names_are_inside(page, count, name):
    page.set_content(
        f"<!doctype html><html><body>{charts.actor_graph('Donald Tusk', _counterparts(count, name))}</body></html>"
    )
    assert page.locator("svg#actor-graph a.node").count() == count
    assert _outside(page, "svg#actor-graph text") == []
    titles = page.locator("svg#actor-graph a.node title").evaluate_all("ts => ts.map(t => t.textContent)")
    assert titles == [f"{name} {n}" for n in range(count)]  # a shortened name is whole in its title

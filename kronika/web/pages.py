"""The web UI: server-rendered pages over the same store connections as the API.

Pages: events (filters, facets, and a table linking each event to its article), relations (Goldstein line and
QuadClass bars), actors and one actor (aliases, offices at a date, events on each side, a graph of the
actors it deals with), articles and one article (the text with its findings highlighted, the coded
events beside it, and who claims which figures), stories (with the figures each source claims, and a link
to the story's thread), threads (their stories over time), alerts (each with the events behind it). List pages show their total, sort by their column headers and link the CSV and JSON
download of the same filtered list (kronika/web/listing.py). Static files are read into memory once and served
by name.
"""

from __future__ import annotations

import functools
import mimetypes
from importlib import resources
from urllib.parse import quote, urlencode, urlsplit

from fastapi import APIRouter, FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from kronika.api import deps
from kronika.api.deps import StoreDep
from kronika.api.paging import Paging, at_least, page
from kronika.store import claims, filters
from kronika.web import charts, listing
from kronika.web.highlight import highlight, snippet_html, spans_of

PAGE_SIZE = 50
ALERTS_PAGE, ALERT_EVENTS = 20, 10  # alerts a page, events shown under each
QUAD_NAMES = charts.QUAD_NAMES
# The filters of /api/events with the same names and meanings (kronika/store/queries.event_rows).
EVENT_FILTERS = (
    "actor",
    "initiator",
    "recipient",
    "type",
    "quad_class",
    "country",
    "text",
    "modality",
    "since",
    "until",
)

ENV = Environment(
    loader=PackageLoader("kronika.web", "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
ENV.filters["q"] = lambda value: quote(str(value or ""), safe="")
ENV.filters["snippet_html"] = snippet_html
LINK_SCHEMES = ("http", "https")
# The pages are for people, not part of the API's schema.
router = APIRouter(include_in_schema=False)


def is_link(url: object) -> bool:
    """Whether a stored URL may become a live link: http(s) with a host only. A stored ``javascript:``,
    ``data:`` or ``vbscript:`` URL would run in the page's origin when clicked, so anything else is text.
    urlsplit drops the blanks and tabs a browser would drop, and lowers the scheme as a browser does."""
    try:
        parts = urlsplit(str(url or ""))
    except ValueError:  # e.g. an unbalanced IPv6 bracket
        return False
    return parts.scheme in LINK_SCHEMES and bool(parts.netloc)


ENV.tests["link"] = is_link
ENV.globals["quad_names"] = QUAD_NAMES
ENV.globals["modalities"] = (*filters.MODALITIES, filters.ALL)
ENV.globals["plover_types"] = filters.plover_types
# Claims read as the CLI prints them (kronika/store/claims.py).
ENV.filters["figure_text"] = claims.figure_text
ENV.filters["source_name"] = claims.source_name
ENV.filters["what_is_claimed"] = claims.what_is_claimed


def render(name: str, status: int = 200, **context) -> HTMLResponse:
    return HTMLResponse(ENV.get_template(name).render(**context), status_code=status)


def error_page(status: int, message: str) -> HTMLResponse:
    return render("error.html", status=status, status_code=status, message=message, title=f"Error {status}")


@functools.cache
def _static_files() -> dict[str, tuple[bytes, str]]:
    """Every file of kronika/web/static, read once: requests pick from this table by name only."""
    files = {}
    for item in resources.files("kronika.web").joinpath("static").iterdir():
        if item.is_file() and not item.name.startswith((".", "LICENSE", "NOTICE", "README")):
            kind = mimetypes.guess_type(item.name)[0] or "application/octet-stream"
            if kind.startswith("text/") or kind == "application/javascript":
                kind += "; charset=utf-8"
            files[item.name] = (item.read_bytes(), kind)
    return files


def _text(request: Request, name: str, longest: int = 200) -> str | None:
    """A query value from a form: empty means not given; overlong is refused."""
    value = request.query_params.get(name, "").strip()
    if len(value) > longest:
        raise HTTPException(422, f"query parameter {name!r} is longer than {longest} characters")
    return value or None


def _number(request: Request, name: str, default: int | None, low: int, high: int) -> int | None:
    value = _text(request, name, 12)
    if value is None:
        return default
    if not value.isdigit() or not low <= int(value) <= high:
        raise HTTPException(422, f"query parameter {name!r} must be a whole number from {low} to {high}")
    return int(value)


@router.get("/static/{name}")
def static_file(name: str) -> Response:
    found = _static_files().get(name)
    if found is None:
        raise HTTPException(404, f"no static file {name!r}")
    body, kind = found
    return Response(body, media_type=kind, headers={"Cache-Control": "public, max-age=3600"})


@router.get("/", response_class=HTMLResponse)
def events_page(*, request: Request, store: StoreDep) -> HTMLResponse:
    given_filters = {name: _text(request, name) for name in EVENT_FILTERS}
    offset = _number(request, "offset", 0, 0, 10_000_000)
    sort = _text(request, "sort", 20)
    items = store.event_records(**given_filters, sort=sort, limit=PAGE_SIZE + 1, offset=offset, peek=True)
    result = page(items, Paging(PAGE_SIZE, offset))
    given = {k: v for k, v in given_filters.items() if v is not None}
    total, exact = store.event_total(**given_filters)
    return render(
        "events.html",
        title="Events",
        filters=given_filters,
        result=result,
        total=at_least(total, exact, result),
        total_exact=exact,
        facets=_facet_links(store.event_facets(**given_filters), given, sort),
        timeline=_timeline_chart(store.event_timeline(**given_filters)),
        **_list_links("/", "/api/events", given, sort, (listing.EVENT_COLUMNS, "-date"), result, offset),
    )


@router.get("/relations", response_class=HTMLResponse)
def relations_page(*, request: Request, store: StoreDep) -> HTMLResponse:
    from kronika.store.resolve import country_code

    a, b = (_text(request, "a", 100), _text(request, "b", 100))
    by = _text(request, "by", 10) or "month"
    modality = _text(request, "modality", 20)
    rows, line, bars = [], None, None
    if a and b:
        rows = deps.frame_records(
            store.relations(
                a, b, by=by, since=_text(request, "since"), until=_text(request, "until"), modality=modality
            )
        )
        a, b = country_code(a, "a"), country_code(b, "b")
        line = charts.goldstein_line(rows, a, b)
        bars = charts.quad_bars(rows)
    return render(
        "relations.html",
        title="Relations",
        a=(a or "").upper(),
        b=(b or "").upper(),
        by=by,
        modality=modality or filters.DEFAULT_MODALITY,
        rows=rows,
        line=line,
        bars=bars,
    )


@router.get("/actors", response_class=HTMLResponse)
def actors_page(*, request: Request, store: StoreDep) -> HTMLResponse:
    search, country = _text(request, "search"), _text(request, "country", 100)
    offset = _number(request, "offset", 0, 0, 10_000_000)
    modality, sort = _text(request, "modality", 20), _text(request, "sort", 20)
    asked = {"search": search, "country": country, "modality": modality}
    frame = store.actors(**asked, sort=sort, limit=PAGE_SIZE + 1, offset=offset)
    result = page(deps.frame_records(frame), Paging(PAGE_SIZE, offset))
    given = {k: v for k, v in asked.items() if v}
    return render(
        "actors.html",
        title="Actors",
        search=search,
        country=country,
        modality=modality or filters.DEFAULT_MODALITY,
        result=result,
        total=store.actor_count(**asked),
        **_list_links("/actors", "/api/actors", given, sort, (listing.ACTOR_COLUMNS, "-events"), result),
    )


@router.get("/actors/{key:path}", response_class=HTMLResponse)
def actor_page(*, key: str, request: Request, store: StoreDep) -> HTMLResponse:
    from kronika.store.queries import check_date

    on = check_date(_text(request, "date", 10), "date")
    found = store.entity(key, modality=_text(request, "modality", 20))
    if found is None:
        raise deps.not_found("entity or actor", key)
    last = max((a["last_date"] or "" for a in found["actors"]), default="")
    kb = deps.offices(key, on, last)
    graph = charts.actor_graph(found["name"], found["counterparts"]) if found["counterparts"] else None
    return render("actor.html", title=found["name"], entity=found, kb=kb, graph=graph)


@router.get("/articles", response_class=HTMLResponse)
def articles_page(*, request: Request, store: StoreDep) -> HTMLResponse:
    asked = {
        "search": _text(request, "search", 500),
        "since": _text(request, "since"),
        "until": _text(request, "until"),
    }
    offset = _number(request, "offset", 0, 0, 10_000_000)
    sort = _text(request, "sort", 20)
    frame = store.articles(**asked, sort=sort, limit=PAGE_SIZE + 1, offset=offset)
    result = page(deps.frame_records(frame), Paging(PAGE_SIZE, offset))
    given = {k: v for k, v in asked.items() if v}
    default_sort = "" if asked["search"] else "-date"
    return render(
        "articles.html",
        title="Articles",
        search=asked["search"],
        result=result,
        total=store.article_count(**asked),
        **_list_links("/articles", "/api/articles", given, sort, (listing.ARTICLE_COLUMNS, default_sort), result),
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(*, article_id: str, store: StoreDep) -> HTMLResponse:
    record = store.article(article_id)
    if record is None:
        raise deps.not_found("article", article_id)
    marked = highlight(record["text"], spans_of(record))
    sentences = record.get("sentences") or []
    events = []
    for number, (event, stored) in enumerate(zip(record.get("events") or [], record["stored_events"])):
        sentence = event.get("sentence")
        evidence = None
        if sentence is not None and 0 <= sentence < len(sentences):
            start, end = sentences[sentence]
            evidence = record["text"][start:end]
        events.append({"number": number, "stored": stored, "evidence": evidence, **event})
    counts = {
        kind: sum(1 for s in spans_of(record) if s.kind == kind)
        for kind in ("ent", "date", "trigger", "quote", "amount")
    }
    return render(
        "article.html",
        title=record.get("title") or f"Article {record['id']}",
        record=record,
        marked=marked,
        events=events,
        counts=counts,
        claims=store.article_claims(article_id),
    )


@router.get("/stories", response_class=HTMLResponse)
def stories_page(*, request: Request, store: StoreDep) -> HTMLResponse:
    offset = _number(request, "offset", 0, 0, 10_000_000)
    asked = {
        "lang": _text(request, "lang", 8),
        "min_size": _number(request, "min_size", 1, 1, 100_000),
        "since": _text(request, "since"),
        "until": _text(request, "until"),
    }
    found = deps.stories(store, PAGE_SIZE + 1, offset, **asked)
    result = page(found or [], Paging(PAGE_SIZE, offset))
    shown = {k: v for k, v in asked.items() if v and not (k == "min_size" and v == 1)}  # kept on every page
    return render(
        "stories.html",
        title="Stories",
        result=result,
        asked=asked,
        total=None if found is None else store.story_count(**asked),
        message=deps.NO_STORIES if found is None else None,
        next_url=_with(shown, result["next_offset"], "/stories"),
        previous_url=_with(shown, max(offset - PAGE_SIZE, 0), "/stories") if offset else None,
    )


@router.get("/alerts", response_class=HTMLResponse)
def alerts_page(*, request: Request, store: StoreDep) -> HTMLResponse:
    from kronika.alerts import stored

    given = {name: _text(request, name, 200 if name == "rule" else 10) for name in ("rule", "since", "until")}
    offset = _number(request, "offset", 0, 0, 10_000_000)
    result = page(stored(store.connection, **given, limit=ALERTS_PAGE + 1, offset=offset), Paging(ALERTS_PAGE, offset))
    for alert in result["items"]:
        # The evidence first: a few of the alert's events, each linked to the article that reports it.
        alert["shown_events"] = [found for found in map(store.event, alert["events"][:ALERT_EVENTS]) if found]
    filters = {k: v for k, v in given.items() if v is not None}
    return render(
        "alerts.html",
        title="Alerts",
        result=result,
        **given,
        next_url=_with(filters, result["next_offset"], "/alerts"),
        previous_url=_with(filters, max(offset - ALERTS_PAGE, 0), "/alerts") if offset else None,
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(*, story_id: str, store: StoreDep) -> HTMLResponse:
    if getattr(type(store), "story", None) is None:
        raise HTTPException(404, deps.NO_STORIES)
    found = deps.story(store, story_id)
    if found is None:
        raise deps.not_found("story", story_id)
    thread = store.thread(found["thread"]) if found.get("thread") else None
    return render(
        "story.html",
        title=f"Story {story_id}",
        story=found,
        claims=store.claims(story=story_id),
        thread=deps.clean_deep(thread) if thread else None,
    )


@router.get("/threads/{thread_id}", response_class=HTMLResponse)
def thread_page(*, thread_id: str, store: StoreDep) -> HTMLResponse:
    if getattr(type(store), "thread", None) is None:
        raise HTTPException(404, deps.NO_STORIES)
    found = store.thread(thread_id)
    if found is None:
        raise deps.not_found("thread", thread_id)
    found = deps.clean_deep(found)
    # Over time: oldest story first (the API lists them newest first), undated ones last.
    stories = sorted(
        found["stories"],
        key=lambda s: (s.get("first_date") is None, s.get("first_date") or "", s.get("last_date") or "", s["id"]),
    )
    return render(
        "thread.html",
        title=found["title"] or f"Thread {thread_id}",
        thread=found,
        stories=stories,
        timeline=charts.thread_timeline(stories),
    )


def install(app: FastAPI) -> None:
    """Adds the pages to ``app``; the static files are read here, once, rather than on the first request."""
    _static_files()
    app.include_router(router)


def _list_links(
    path: str, api: str, given: dict, sort: str | None, columns: tuple, result: dict, offset: int | None = None
) -> dict:
    """A sortable list page's links: its column headers' sorts (``columns``: the columns and the default sort), the
    CSV and JSON downloads of the same filtered list, the next page and, given the page's ``offset``, the one
    before."""
    shown = {**given, "sort": sort} if sort else given
    links = {
        "sorts": listing.sort_links(path, given, sort, *columns),
        "downloads": listing.download_links(api, shown),
        "next_url": _with(shown, result["next_offset"], path),
    }
    if offset is not None:
        links["previous_url"] = _with(shown, max(offset - PAGE_SIZE, 0), path) if offset else None
    return links


def _timeline_chart(found: dict | None) -> dict:
    """The events page's timeline: the filtered events per period by QuadClass, drawn as a relation's bars;
    ``chart`` None when there is nothing to draw or counting was given up (``given_up``)."""
    if found is None:
        return {"chart": None, "by": None, "given_up": True}
    by = {"day": "day", "week": "ISO week", "month": "month"}[found["by"]]
    chart = charts.quad_bars(found["periods"], chart_id="events-timeline", label=f"Events per {by} by QuadClass")
    return {"chart": chart or None, "by": by, "given_up": False}


def _facet_links(facets: dict[str, list[dict]], given: dict, sort: str | None) -> dict[str, list[dict]]:
    """Each facet value with the URL of the events page narrowed to it (the other filters and the order kept)."""
    kept = {"sort": sort} if sort else {}
    return {
        name: None
        if values is None
        # given up: too many events to count quickly
        else [{**value, "url": "/?" + urlencode({**given, **kept, name: value["value"]})} for value in values]
        for name, values in facets.items()
    }


def _with(params: dict, offset: int | None, path: str = "/") -> str | None:
    if offset is None:
        return None
    return f"{path}?{urlencode({**params, 'offset': offset})}"

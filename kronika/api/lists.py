"""The list routes of the API: events, actors and articles a page at a time with their total, sorted as asked,
events with facets and a timeline, and each whole filtered list as a CSV or JSON download (``/api/events.csv``).

A list's filters are one FastAPI dependency, so a page and its download read the same query parameters with
the same meanings (those of ``kronika.store.queries``). A download has the shape ``kronika events --format
csv`` (or ``json``) prints, read from the store a part at a time and encoded as it is read (the store
connection is the request's, so the file is whole before the response starts), up to ``DOWNLOAD_LIMIT`` rows.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response

from kronika.api import deps
from kronika.api.deps import StoreDep
from kronika.api.paging import OffsetPagingDep, PagingDep, at_least, page

DOWNLOAD_LIMIT = 100_000  # rows of one download (about 25 MB of CSV); a larger list is cut there
DOWNLOAD_PART = 2_000  # rows read from the store at a time
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
FACET_SIZE = 20
LATEST_FIRST = (None, "-date")  # the sorts a cursor pages (the lists' default order)


# Fresh Query objects for every parameter (as kronika/api/paging.py's): FastAPI keeps a parameter's name on
# its FieldInfo, so one object shared by `since` and `until` would read the same query key for both.
def date_q():
    return Query(None, max_length=10, description="YYYY-MM-DD, YYYY-MM or YYYY.")


def modality_q():
    return Query(None, max_length=20, description="asserted (the default), negated, intended, hypothetical or all.")


def sort_q(orders: str):
    return Query(None, max_length=20, description=f"Order: {orders}; a leading - for descending.")


async def event_filters(
    *,
    actor: str | None = Query(
        None,
        max_length=200,
        description="On either side: a name or alias in any case form (Władimir Putin), a part of a name, "
        "a country (Chiny, CHN), a code (CHNGOV) or an entity id (Q7747).",
    ),
    initiator: str | None = Query(None, max_length=200, description="On the actor side only."),
    recipient: str | None = Query(None, max_length=200, description="On the recipient side only."),
    type: str | None = Query(None, max_length=40, description="PLOVER type (CONSULT, ASSAULT...)."),
    # Text, checked by the store as the CLI's value is: a value outside 1-4 is the E506 400 of every filter.
    quad_class: str | None = Query(
        None,
        max_length=12,
        description="1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.",
    ),
    country: str | None = Query(None, max_length=100, description="Where it happened (code or name)."),
    text: str | None = Query(None, max_length=500, description="Words of a reporting article."),
    modality: str | None = modality_q(),
    since: str | None = date_q(),
    until: str | None = date_q(),
) -> dict:
    return {
        "actor": actor,
        "initiator": initiator,
        "recipient": recipient,
        "type": type,
        "quad_class": quad_class,
        "country": country,
        "text": text,
        "modality": modality,
        "since": since,
        "until": until,
    }


async def actor_filters(
    *,
    search: str | None = Query(
        None, max_length=200, description="A part of the name, or a name, alias or code as the actor filters read it."
    ),
    country: str | None = Query(None, max_length=100),
    modality: str | None = modality_q(),
) -> dict:
    return {"search": search, "country": country, "modality": modality}


async def article_filters(
    *,
    search: str | None = Query(None, max_length=500, description="Words, matched by lemma."),
    since: str | None = date_q(),
    until: str | None = date_q(),
) -> dict:
    return {"search": search, "since": since, "until": until}


EventFilters = Annotated[dict, Depends(event_filters)]
ActorFilters = Annotated[dict, Depends(actor_filters)]
ArticleFilters = Annotated[dict, Depends(article_filters)]
EVENT_SORTS = "date, type, goldstein, quad_class, mentions, sources, articles (default -date)"
ACTOR_SORTS = "events, name, as_actor, as_recipient, first_date, last_date (default -events)"
ARTICLE_SORTS = "date, title, source, tone (default -date; a search ranks by match unless sorted)"


router = APIRouter()


def _by_id(item: dict) -> str:
    return item["id"]


@router.get("/api/events", tags=["events"], summary="Deduplicated events, latest first, with their total")
def events(
    *,
    request: Request,
    given: EventFilters,
    sort: str | None = sort_q(EVENT_SORTS),
    facet: list[str] = Query([], description="Count the filtered events by type and/or country."),
    paging: PagingDep,
    store: StoreDep,
) -> Response:
    items = store.event_records(
        **given, sort=sort, limit=paging.fetch, offset=paging.offset, after=paging.cursor, peek=True
    )
    total, exact = store.event_total(**given)
    body = page(items, paging, request=request, cursor_of=_by_id if sort in LATEST_FIRST else None)
    body.update(total=at_least(total, exact, body), total_exact=exact)
    if facet:
        body["facets"] = store.event_facets(tuple(dict.fromkeys(facet)), size=FACET_SIZE, **given)
    return deps.page_response(body)


@router.get(
    "/api/events/timeline",
    tags=["events"],
    summary="The filtered events per day (ISO week, month for longer ranges) by QuadClass",
)
def events_timeline(*, given: EventFilters, store: StoreDep) -> dict:
    """``{"by": "day", "periods": [{"period", "events", "quad1_verbal_cooperation", ...}]}`` with every
    period of the range; day-dated events only; ``periods`` null when counting took more than 1 s."""
    found = store.event_timeline(**given)
    return found if found is not None else {"by": None, "periods": None}


@router.get("/api/events.{format}", tags=["events"], summary="The filtered events as one CSV or JSON file")
def events_download(
    *, format: str, given: EventFilters, sort: str | None = sort_q(EVENT_SORTS), store: StoreDep
) -> Response:
    return download(
        "events", format, lambda limit, offset: store.events(**given, sort=sort, limit=limit, offset=offset)
    )


@router.get("/api/actors", tags=["entities"], summary="Everyone who took part in an event, most events first")
def actors(
    *,
    request: Request,
    given: ActorFilters,
    sort: str | None = sort_q(ACTOR_SORTS),
    paging: OffsetPagingDep,
    store: StoreDep,
) -> Response:
    found = store.actor_records(**given, sort=sort, limit=paging.fetch, offset=paging.offset)
    return deps.page_response(
        {
            **page(found, paging, request=request),
            "total": store.actor_count(**given),
            "total_exact": True,
        }
    )


@router.get("/api/actors.{format}", tags=["entities"], summary="The filtered actors as one CSV or JSON file")
def actors_download(
    *, format: str, given: ActorFilters, sort: str | None = sort_q(ACTOR_SORTS), store: StoreDep
) -> Response:
    return download(
        "actors", format, lambda limit, offset: store.actors(**given, sort=sort, limit=limit, offset=offset)
    )


@router.get("/api/articles", tags=["articles"], summary="Articles, best match first when searching")
def articles(
    *,
    request: Request,
    given: ArticleFilters,
    sort: str | None = sort_q(ARTICLE_SORTS),
    paging: PagingDep,
    store: StoreDep,
) -> Response:
    found = store.article_records(**given, sort=sort, limit=paging.fetch, offset=paging.offset, after=paging.cursor)
    ranked = given["search"] is not None and sort is None  # best match first: pages by offset
    cursor_of = _by_id if sort in LATEST_FIRST and not ranked else None
    body = page(found, paging, request=request, cursor_of=cursor_of)
    return deps.page_response({**body, "total": store.article_count(**given), "total_exact": True})


@router.get("/api/articles.{format}", tags=["articles"], summary="The filtered articles as one CSV or JSON file")
def articles_download(
    *, format: str, given: ArticleFilters, sort: str | None = sort_q(ARTICLE_SORTS), store: StoreDep
) -> Response:
    return download(
        "articles", format, lambda limit, offset: store.articles(**given, sort=sort, limit=limit, offset=offset)
    )


def download(name: str, format: str, fetch: Callable) -> Response:
    """A whole list as a file, read ``DOWNLOAD_PART`` rows at a time (a bad filter value is a 400 with its
    message, as for a page)."""
    if format not in FORMATS:
        raise HTTPException(404, f"no download format {format!r}; choose one of {', '.join(FORMATS)}")
    headers = {"Content-Disposition": f'attachment; filename="{name}.{format}"'}
    return Response(b"".join(_parts(fetch, format)), media_type=FORMATS[format], headers=headers)


def _parts(fetch: Callable, format: str) -> Iterator[bytes]:
    frames = _frames(fetch)
    if format == "csv":
        for number, frame in enumerate(frames):
            yield frame.to_csv(index=False, header=number == 0).encode("utf-8")
        return
    yield b"["
    for number, frame in enumerate(frames):
        rows = ",".join(json.dumps(row, ensure_ascii=False) for row in deps.frame_records(frame))
        yield (b"," if number and rows else b"") + rows.encode("utf-8")
    yield b"]"


def _frames(fetch: Callable) -> Iterator:
    """The list's DataFrames part by part (each fetched with one extra row that only says more follow)."""
    offset = 0
    frame = fetch(DOWNLOAD_PART + 1, offset)
    while True:
        more = len(frame) > DOWNLOAD_PART and offset + DOWNLOAD_PART < DOWNLOAD_LIMIT
        yield frame.iloc[:DOWNLOAD_PART] if len(frame) > DOWNLOAD_PART else frame
        if not more:
            return
        offset += DOWNLOAD_PART
        frame = fetch(DOWNLOAD_PART + 1, offset)

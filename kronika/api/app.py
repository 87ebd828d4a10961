"""The FastAPI application: read-only JSON over the store, ``POST /api/analyze`` behind a token, and the
server-rendered web UI (``kronika.web``) from the same process.

Security by construction: every store connection is read-only (SQLite's ``query_only``); the only route
that computes is ``POST /api/analyze``, which needs the token given at start and is disabled without one;
request bodies are capped before they are read; static files are loaded into memory at start and served
by name from that table, so no part of a request ever reaches the filesystem; CORS is off unless origins
are configured; pages carry a Content-Security-Policy that lets nothing load from another origin.
"""

from __future__ import annotations

import hmac
import logging
import re
import threading

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field, field_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from kronika import __version__
from kronika.api import deps
from kronika.api.cache import DEFAULT_ENTRIES, ResponseCache
from kronika.api.deps import StoreDep, not_found
from kronika.api.encode import FastJSONResponse
from kronika.api.fastpath import FastRoutes
from kronika.api.lists import date_q, modality_q
from kronika.api.paging import OffsetPagingDep, page
from kronika.api.pool import StorePool
from kronika.errors import KronikaError

logger = logging.getLogger(__name__)

INTERNAL_ERROR = "the server failed on this request (a bug: please report it with the request)"
TOKEN_ROUTES = {("POST", "/api/analyze")}
DEFAULT_MAX_BODY = 1_000_000  # bytes: a long article is ~50 kB of text; JSON escaping can double it

ERROR_CODES = {400: "E604", 401: "E602", 403: "E602", 404: "E601", 413: "E603", 422: "E604"}
# Store errors that are the caller's (a bad date or period) and those that are the server's (a locked or
# damaged file).
STORE_STATUS = {"E506": 400, "E508": 400, "E102": 400, "E502": 503}

PAGE_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# Swagger UI's page starts itself with an inline script and styles elements inline.
DOCS_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


class Guard:
    """ASGI middleware: refuse bodies over the limit before reading them, add the security headers to every
    response (the early refusals here included), and answer anything that escaped the routes' handlers with
    a JSON error and a code instead of a bare 500."""

    def __init__(self, app, max_body_bytes: int, token: str | None = None):
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.token = token

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        csp = (DOCS_CSP if scope["path"] == "/docs" else PAGE_CSP).encode()
        started = False
        head = scope["method"] == "HEAD"
        if head:  # a GET without its body: the same status and headers, Content-Length included
            scope = {**scope, "method": "GET"}

        async def send_with_headers(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *_security_headers(csp)]
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        headers = dict(scope["headers"])
        refusal = self._refusal(headers.get(b"content-length"))
        if refusal is None and (scope["method"], scope["path"]) in TOKEN_ROUTES:
            # Before the body is read or parsed: a caller without the token learns nothing about its body.
            refusal = token_problem(headers.get(b"authorization", b"").decode("latin-1"), self.token)
        if refusal is not None:
            return await _send_error(send_with_headers, *refusal)
        received = 0

        async def limited_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise HTTPException(413, self._too_large())
            return message

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except Exception:
            logger.exception("%s %s failed", scope.get("method"), scope.get("path"))
            if started:  # the status line is out: nothing more can be said to this client
                raise
            await _send_error(send_with_headers, 500, INTERNAL_ERROR, "E606")

    def _refusal(self, declared: bytes | None) -> tuple[int, str] | None:
        if declared is None:
            return None
        if not declared.isdigit():
            return 400, f"Content-Length {declared.decode(errors='replace')[:40]!r} is not a number"
        if int(declared) > self.max_body_bytes:
            return 413, self._too_large()
        return None

    def _too_large(self) -> str:
        return f"request body larger than this server's limit of {self.max_body_bytes:,} bytes"


def _security_headers(csp: bytes) -> list[tuple[bytes, bytes]]:
    return [
        (b"content-security-policy", csp),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
    ]


async def _send_error(send, status: int, message: str, code: str | None = None) -> None:
    response = FastJSONResponse(_error_body(status, message, code), status_code=status)
    await send({"type": "http.response.start", "status": status, "headers": response.raw_headers})
    await send({"type": "http.response.body", "body": response.body})


def _error_body(status: int, message: str, code: str | None = None) -> dict:
    return {"error": {"status": status, "code": code or ERROR_CODES.get(status, "E604"), "message": message}}


def _validation_message(error: RequestValidationError) -> str:
    parts = []
    for item in error.errors():
        where = [str(p) for p in item.get("loc", ()) if p not in ("query", "path", "body")]
        source = item.get("loc", ("",))[0]
        name = ".".join(where) or "body"
        parts.append(
            f"{source} parameter {name!r}: {item.get('msg', 'invalid')}"
            if source in ("query", "path")
            else f"{name}: {item.get('msg', 'invalid')}"
        )
    return "; ".join(parts) or "invalid request"


class AnalyzeRequest(BaseModel):
    text: str = Field(min_length=1, description="The article's text (plain text).")
    date: str | None = Field(
        None,
        description='Publication date, YYYY-MM-DD or YYYY-MM: relative dates ("w czwartek") are resolved against it.',
    )
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    lang: str = Field("pl", max_length=8, description="Language of the text.")
    tokens: bool = Field(False, description="Include tokens (lemma, tag) in the record.")

    @field_validator("date")
    @classmethod
    def _real_date(cls, value: str | None) -> str | None:
        from kronika.ingest.dateline import is_valid_date

        if value is not None and not is_valid_date(value):
            raise ValueError(f"{value!r} is not a date; give YYYY-MM-DD or YYYY-MM")
        return value

    @field_validator("text")
    @classmethod
    def _has_words(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the text is empty")
        return value


def create_app(
    db_path: str,
    *,
    token: str | None = None,
    cors_origins: tuple[str, ...] | list[str] = (),
    max_body_bytes: int = DEFAULT_MAX_BODY,
    pool_size: int = 8,
    serial: float | None = None,
    cache_size: int = DEFAULT_ENTRIES,
    fast_routes: bool = True,
) -> FastAPI:
    """The HTTP API and web UI over the store at ``db_path`` (opened read-only; it must exist).

    ``token`` enables ``POST /api/analyze`` for clients that send ``Authorization: Bearer <token>``;
    ``cors_origins`` lets pages of those origins call the API from a browser; ``max_body_bytes`` caps
    request bodies (413 above it); ``cache_size`` is how many GET responses are kept until the store
    changes (0: none); ``serial`` (seconds) has a process's requests take the store one at a time in the order
    they came, one that has run that long letting the next start beside it (``kronika.api.pool``: one queue for
    the fast path's calls and the requests that take a connection from the pool);
    ``fast_routes`` answers the read routes' plain GETs past FastAPI's machinery (``kronika.api.fastpath``: the
    same responses; off only to compare).
    """
    for origin in cors_origins:
        if origin != "*" and not origin.startswith(("http://", "https://")):
            raise KronikaError("E605", f"CORS origin {origin!r} is not an origin; give e.g. https://example.org")
    pool = StorePool(str(db_path), size=pool_size, stall=serial)
    app = FastAPI(
        title="Kronika",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        default_response_class=FastJSONResponse,  # routes that return a dict (the timeline): the same bytes
        description="Coded events from Polish news: articles, events, entities, relations, stories. "
        "Read-only; `POST /api/analyze` needs the server's token.",
    )
    app.state.pool = pool
    app.state.token = token
    app.state.analyze_lock = threading.Lock()
    app.router.on_shutdown.append(pool.close)
    app.router.on_startup.append(settle_memory)

    _add_error_handlers(app)
    from kronika.api import lists

    app.include_router(lists.router)  # first: /api/events.csv and /api/events/timeline, then /api/events/{id}
    app.include_router(router)

    from kronika.web import pages

    pages.install(app)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url,
            title="Kronika API",
            swagger_js_url="/static/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger-ui.css",
            swagger_favicon_url="/static/favicon.png",
        )

    # Innermost: a plain GET of a read route is answered here, anything else by FastAPI's routing below.
    # With ``serial``, the fast path's calls and the pool's requests wait in one queue, the pool's runner's.
    app.add_middleware(
        FastRoutes,
        routers=(lists.router, router),
        pool=pool,
        handlers=app.exception_handlers,
        enabled=fast_routes,
        runner=pool.runner,
    )
    # Inside CORS and the security headers, so they are added to a cached response as to a fresh one.
    app.add_middleware(ResponseCache, version=pool.data_version, entries=cache_size)
    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(Guard, max_body_bytes=max_body_bytes, token=token)
    return app


def settle_memory() -> None:
    """At start, move what the imports made (some 100,000 objects: FastAPI, pandas, the store) out of the cyclic
    collector's reach (``gc.freeze``, as ``kronika.prebuilt`` does for the knowledge base): a full collection
    walks them all, about 0.2 s of this server's only event loop, in which every request in flight waits.
    Frozen objects are still freed by their reference counts."""
    import gc

    gc.collect()
    gc.freeze()


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _add_error_handlers(app: FastAPI) -> None:
    from kronika.web.pages import error_page

    def respond(request: Request, status: int, message: str, code: str | None = None) -> Response:
        if _wants_json(request):
            return FastJSONResponse(_error_body(status, message, code), status_code=status)
        return error_page(status, message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        message = error.detail if isinstance(error.detail, str) else str(error.detail)
        if error.status_code == 404 and message == "Not Found":
            message = f"no such endpoint: {request.method} {request.url.path}"
        elif error.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        response = respond(request, error.status_code, message)
        if error.headers:
            response.headers.update(error.headers)
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> Response:
        return respond(request, 422, _validation_message(error))

    @app.exception_handler(KronikaError)
    async def kronika_error(request: Request, error: KronikaError) -> Response:
        message = in_http_terms(without_path(error.message, request.app.state.pool.path))
        return respond(request, STORE_STATUS.get(error.code, 500), message, error.code)


def without_path(message: str, path: str) -> str:
    """A store error for a client: the store's file name instead of where it lives on the server."""
    import os

    name = os.path.basename(path) or "the store"
    for spelled in sorted({path, os.path.abspath(path), os.path.realpath(path)}, key=len, reverse=True):
        message = message.replace(spelled, name)
    return message


# The store's messages are written for the CLI: "--quad-class 9 is not a QuadClass". Over HTTP the same value
# came as the query parameter of the same name (quad_class=9), and the store file is the server's business.
# Commands quoted in backticks are left whole: they are for whoever runs the server.
_STORE_OPTION = re.compile(r" with --db\b")
_CLI_OPTION = re.compile(r"(?<![\w-])--([a-z][a-z-]*)")


def in_http_terms(message: str) -> str:
    """A store error for a client: query parameters where the CLI's message names options."""
    parts = message.split("`")
    for i in range(0, len(parts), 2):  # outside backticks
        parts[i] = _STORE_OPTION.sub(" on the server", parts[i])
        parts[i] = _CLI_OPTION.sub(lambda option: option.group(1).replace("-", "_"), parts[i])
    return "`".join(parts)


def token_problem(authorization: str, expected: str | None) -> tuple[int, str] | None:
    """Why a request may not use a token endpoint (status, message), or None when it may."""
    if not expected:
        return 403, "this endpoint is disabled: the server has no token set (KRONIKA_TOKEN), so no request may use it"
    scheme, _, given = authorization.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        return 401, "missing or wrong token: send the header 'Authorization: Bearer <token>'"
    return None


def require_token(request: Request) -> None:
    """Write and compute endpoints: the server's token as ``Authorization: Bearer <token>`` (checked again
    here, so a route is guarded even where the middleware is not in front of it)."""
    problem = token_problem(request.headers.get("authorization", ""), request.app.state.token)
    if problem is not None:
        raise HTTPException(*problem, headers={"WWW-Authenticate": "Bearer"} if problem[0] == 401 else None)


# The single items and the other lists (the lists with filters, sorts and downloads are kronika.api.lists').
router = APIRouter()


@router.get("/api/stats", tags=["store"], summary="What the store holds")
def stats(*, modality: str | None = modality_q(), store: StoreDep) -> FastJSONResponse:
    frame = store.stats(modality=modality)
    return FastJSONResponse({m: deps.clean(v) for m, v in zip(frame["measure"], frame["value"])})


@router.get(
    "/api/articles/{article_id}",
    tags=["articles"],
    summary="One article's document record, with the stored event each coded event became",
)
def article(*, article_id: str, store: StoreDep) -> FastJSONResponse:
    record = store.article(article_id)
    if record is None:
        raise not_found("article", article_id)
    return FastJSONResponse(record)


@router.get("/api/events/{event_id}", tags=["events"], summary="One event with every report of it")
def event(*, event_id: str, store: StoreDep) -> FastJSONResponse:
    found = store.event(event_id)
    if found is None:
        raise not_found("event", event_id)
    return FastJSONResponse(found)


@router.get("/api/entities", tags=["entities"], summary="Linked entities, most events first")
def entities(
    *,
    search: str | None = Query(None, max_length=200, description="Part of the name, or the id."),
    type: str | None = Query(None, max_length=8, description="PER, ORG, GPE, LOC or MISC (any case)."),
    country: str | None = Query(None, max_length=100, description="A country: code or name (CHN, Chiny)."),
    request: Request,
    paging: OffsetPagingDep,
    store: StoreDep,
) -> Response:
    found = store.entity_records(search=search, type=type, country=country, limit=paging.fetch, offset=paging.offset)
    return deps.page_response(page(found, paging, request=request))


@router.get(
    "/api/entities/{entity_id:path}",
    tags=["entities"],
    summary="One entity or actor: aliases, offices at a date, events as actor and as recipient, "
    "the actors it deals with",
)
def entity(
    *,
    entity_id: str,
    date: str | None = Query(None, max_length=10, description="Offices held on this date (default: its latest event)."),
    modality: str | None = modality_q(),
    store: StoreDep,
) -> FastJSONResponse:
    from kronika.store.queries import check_date

    check_date(date, "date")
    found = store.entity(entity_id, modality=modality)
    if found is None:
        raise not_found("entity", entity_id)
    last = max((a["last_date"] or "" for a in found["actors"]), default="")
    found["kb"] = deps.offices(entity_id, date, last)
    return FastJSONResponse(found)


@router.get(
    "/api/relations",
    tags=["relations"],
    summary="Two countries over time, both directions: events, Goldstein, QuadClass",
)
def relations(
    *,
    a: str = Query(..., max_length=100, description="A country: ISO alpha-3 code or name (CHN, Chiny)."),
    b: str = Query(..., max_length=100),
    by: str = Query("month", max_length=10, description="day, week (ISO weeks), month or year."),
    since: str | None = date_q(),
    until: str | None = date_q(),
    modality: str | None = modality_q(),
    store: StoreDep,
) -> FastJSONResponse:
    from kronika.store.resolve import country_code

    periods = store.relation_records(a, b, by=by, since=since, until=until, modality=modality)
    return FastJSONResponse({"a": country_code(a, "a"), "b": country_code(b, "b"), "by": by, "periods": periods})


@router.get("/api/stories", tags=["stories"], summary="Cross-lingual stories, newest first")
def stories(
    *,
    since: str | None = date_q(),
    until: str | None = date_q(),
    lang: str | None = Query(None, max_length=8, description="Only stories with an article in it."),
    min_size: int = Query(1, ge=1, le=100_000, description="Only stories of at least this many articles."),
    request: Request,
    paging: OffsetPagingDep,
    store: StoreDep,
) -> Response:
    given = {"since": since, "until": until, "lang": lang, "min_size": min_size}
    found = deps.stories(store, paging.fetch, paging.offset, **given)
    body = page(found or [], paging, request=request)
    if found is None:
        body["message"] = deps.NO_STORIES
    else:
        body["total"] = store.story_count(**given)
    return deps.page_response(body)


@router.get("/api/stories/{story_id}", tags=["stories"], summary="One story")
def story(*, story_id: str, store: StoreDep) -> FastJSONResponse:
    if getattr(type(store), "story", None) is None:
        raise HTTPException(404, deps.NO_STORIES)
    found = deps.story(store, story_id)
    if found is None:
        raise not_found("story", story_id)
    return FastJSONResponse(found)


@router.get("/api/threads/{thread_id}", tags=["stories"], summary="One thread: the longer story, its stories")
def thread(*, thread_id: str, store: StoreDep) -> FastJSONResponse:
    if getattr(type(store), "thread", None) is None:
        raise HTTPException(404, deps.NO_STORIES)
    found = store.thread(thread_id)
    if found is None:
        raise not_found("thread", thread_id)
    return FastJSONResponse(deps.clean_deep(found))


@router.get(
    "/api/alerts",
    tags=["alerts"],
    summary="Alerts raised by `kronika watch --alerts`, latest day first, each with the ids of the events behind it",
)
def alerts(
    *,
    rule: str | None = Query(None, max_length=200, description="Only alerts of this rule."),
    since: str | None = date_q(),
    until: str | None = date_q(),
    request: Request,
    paging: OffsetPagingDep,
    store: StoreDep,
) -> FastJSONResponse:
    from kronika.alerts import stored

    found = stored(store.connection, rule=rule, since=since, until=until, limit=paging.fetch, offset=paging.offset)
    return FastJSONResponse(page(found, paging, request=request))


@router.get(
    "/api/claims",
    tags=["stories"],
    summary="Who claims how many about one story, event or article: figures grouped by what is claimed, "
    "each source with its values and the articles that gave them",
)
def claims(
    *,
    story: str | None = Query(None, max_length=64, description="A story id (from /api/stories)."),
    event: str | None = Query(None, max_length=64, description="A stored event id (from /api/events)."),
    article: str | None = Query(None, max_length=200, description="An article id."),
    category: str | None = Query(
        None, max_length=40, description="Only figures of this category (killed, wounded, troops, money...)."
    ),
    store: StoreDep,
) -> FastJSONResponse:
    found = store.claims(story=story, event=event, article=article, category=category)
    if found is None:
        named = [
            f"{name} {value!r}" for name, value in (("story", story), ("event", event), ("article", article)) if value
        ]
        raise HTTPException(404, f"no {' or '.join(named)} in this store")
    return FastJSONResponse(
        {"story": story, "event": event, "article": article, "category": category, "groups": deps.clean_deep(found)}
    )


@router.post(
    "/api/analyze",
    tags=["analysis"],
    dependencies=[Depends(require_token)],
    summary="Analyse one article (text and date) into its document record; needs the token",
)
def analyze(body: AnalyzeRequest, request: Request) -> FastJSONResponse:
    import kronika
    from kronika.options import AnalysisOptions

    # The request's options as the CLI's and the workers' are: one object, checked when made (E102, E211).
    options = AnalysisOptions(lang=body.lang, date=body.date, tokens=body.tokens)
    # One analysis at a time: the pipeline is CPU-bound, and queued requests must not starve the reads.
    with request.app.state.analyze_lock:
        try:
            doc = kronika.analyze(body.text, url=body.url, title=body.title, options=options)
        except KronikaError:
            raise
        except Exception as error:
            logger.exception("analysis failed")
            raise KronikaError(
                "E301",
                f"the article broke the analysis ({type(error).__name__}: {error}); "
                "a bug: please report it with the article",
            ) from None
    return FastJSONResponse(doc.to_dict(tokens=options.keeps_tokens))


SETTINGS_VARIABLE = "KRONIKA_SERVE_SETTINGS"


def app_from_environment() -> FastAPI:
    """uvicorn's app factory for ``kronika serve --workers N``: each worker process builds its own app (its
    own connections and cache) from the ``create_app`` keywords the parent left as JSON in the environment,
    which only processes of the same user can read. A worker is a new interpreter (spawned), which the command
    group's setting of the collector (``kronika.collector``) never reached: it is made here, so each of ``--workers
    N`` collects its youngest generation as seldom as the one process of ``--workers 1`` (0.09 ms of collection a
    request of the bench's mix at Python's default, measured in one process)."""
    import json
    import os

    from kronika.collector import fewer_collections

    fewer_collections()
    return create_app(**json.loads(os.environ[SETTINGS_VARIABLE]))

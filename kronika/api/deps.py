"""What the API routes and the web pages share: a request's store connection (``kronika.api.pool``), JSON helpers,
the office-at-date view of the knowledge base, and the optional stories of the store."""

from __future__ import annotations

import math
from collections.abc import AsyncIterator
from datetime import date as Date
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.responses import StreamingResponse
from starlette.requests import ClientDisconnect

from kronika.api.encode import FastJSONResponse, dumps
from kronika.errors import KronikaError
from kronika.store import Store


async def get_store(request: Request) -> AsyncIterator[Store]:
    """FastAPI dependency: a read-only store for the length of one request."""
    pool = request.app.state.pool
    store = await pool.acquire()
    failed = False
    try:
        yield store
    except KronikaError as error:
        failed = error.code == "E502"
        raise
    finally:
        pool.release(store, failed=failed)


StoreDep = Annotated[Store, Depends(get_store)]


def clean(value):
    """A JSON-ready scalar: NaN and pandas' missing values become None, numpy numbers Python ones."""
    if value is None:
        return None
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
        return None if isinstance(value, float) and math.isnan(value) else value
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return None
    except ImportError:  # pragma: no cover - pandas is a dependency
        pass
    return value


def frame_records(frame) -> list[dict]:
    return [{key: clean(value) for key, value in row.items()} for row in frame.to_dict("records")]


STREAMED_ITEMS = 100  # a page of more items is sent in parts as it is encoded
STREAM_PART = 50  # items per part


def page_response(body: dict):
    """A list page as JSON: whole when small; a large page (up to 500 events, ~300 kB) is encoded and sent
    ``STREAM_PART`` items at a time, so the first bytes leave before the last item is encoded and no second
    copy of the whole body is built. Same bytes as ``JSONResponse`` either way (``kronika.api.encode``). The
    parts come from an async generator: a part takes a fraction of a millisecond to encode, less than handing
    it to a worker thread would."""
    items = body["items"]
    if len(items) <= STREAMED_ITEMS:
        return FastJSONResponse(body)
    rest = dumps({key: value for key, value in body.items() if key != "items"})

    async def parts():
        yield b'{"items":['
        for start in range(0, len(items), STREAM_PART):
            # A part's items encoded as one list, its brackets dropped: the items joined by commas (one encoder
            # call instead of 50).
            yield (b"," if start else b"") + dumps(items[start : start + STREAM_PART])[1:-1]
        yield b"]," + rest[1:] if len(rest) > 2 else b"]}"

    return PartsResponse(parts(), media_type="application/json")


class PartsResponse(StreamingResponse):
    """A ``StreamingResponse`` sent as Starlette sends one under ASGI 2.4: the parts, with no second task
    listening for the client's disconnect. Under uvicorn's ASGI 2.3 Starlette starts that task in a task group
    and cancels it after the last part, and anyio's cancel message formats the running task's repr (its
    coroutine and stack): about 0.3 ms of the event loop's time for every large page, where the page's parts
    are encoded in 0.5 ms. A client gone mid-page costs at most the rest of its parts' encoding (uvicorn drops
    what is sent after a disconnect); a send that fails is the client's disconnect, as in Starlette."""

    async def __call__(self, scope, receive, send) -> None:
        try:
            await self.stream_response(send)
        except OSError:
            raise ClientDisconnect() from None
        if self.background is not None:  # what Starlette runs after the body, kept for a route that adds one
            await self.background()


SHOWN_KEY = 80  # characters of a missing key the 404 repeats: an answer does not echo a 50 kB path back


def not_found(what: str, key: str) -> HTTPException:
    shown = key if len(key) <= SHOWN_KEY else f"{key[:SHOWN_KEY]}... ({len(key):,} characters)"
    return HTTPException(404, f"no {what} {shown!r} in this store")


def offices(entity_id: str, on: str | None, last_seen: str | None) -> dict | None:
    """The knowledge base's offices of an entity and which of them it held on a date (default: the day of
    its latest stored event, else today); None when the knowledge base does not know the entity."""
    from kronika.kb import load_kb

    kb = load_kb()
    entry = kb.get(entity_id)
    if entry is None:
        return None
    day = on or (last_seen if last_seen and len(last_seen) >= 4 else None) or Date.today().isoformat()
    held = set(kb.offices_on(entry, day))
    return {
        "date": day,
        "code": kb.actor_code(entry, day),
        "aliases": {lang: list(aliases) for lang, aliases in sorted(entry.aliases.items())},
        "offices": [{**office.to_json(), "held": office in held} for office in entry.offices],
    }


def clean_deep(value):
    """``clean`` through nested dicts and lists (a story's events come from DataFrames)."""
    if isinstance(value, dict):
        return {key: clean_deep(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean_deep(item) for item in value]
    return clean(value)


def stories(store: Store, limit: int, offset: int, **filters) -> list[dict] | None:
    """A page of the store's cross-lingual stories, or None when this Store has no stories."""
    if getattr(type(store), "story_records", None) is None:
        return None
    return store.story_records(limit=offset + limit, **filters)[offset:]


def story(store: Store, story_id: str) -> dict | None:
    found = store.story(story_id)
    return None if found is None else clean_deep(found)


NO_STORIES = (
    "this store has no cross-lingual stories yet (the stories of the store are not built in this Kronika version)"
)

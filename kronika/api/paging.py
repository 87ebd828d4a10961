"""Paging, written once for every list of the API and the web UI: the ``limit``, ``offset`` and ``cursor``
query parameters (one FastAPI dependency) and a page's body with where the next page starts.

A page is fetched with one row more than it shows: the extra row only says that another page exists. Two
ways to the next page: ``offset`` (any list, any order; reading page 2,000 reads and drops the 100,000 rows
before it) and, for a list in its default order (latest first), ``cursor``: the id of the last item shown,
from which the store reads on through its date index, as fast on page 20,000 as on page 2. Each page says
both (``next_offset``, ``next_cursor``) and links the next one (``next``: by cursor where the list has
one, else by offset), with the request's other parameters kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlencode

from fastapi import Depends, HTTPException, Query, Request

MAX_LIMIT = 500
MAX_OFFSET = 10_000_000
MAX_CURSOR = 200  # characters: an event id is 16, an article id a few dozen


@dataclass(frozen=True)
class Paging:
    limit: int = 50
    offset: int = 0
    cursor: str | None = None

    @property
    def fetch(self) -> int:
        """The rows to ask the store for: the page and one more."""
        return self.limit + 1


# Fresh Query objects for every parameter: FastAPI keeps a parameter's name on its FieldInfo, so one object
# shared by two parameters would read the same query key for both.
def limit_q():
    return Query(50, ge=1, le=MAX_LIMIT, description=f"Items per page (at most {MAX_LIMIT}).")


def offset_q():
    return Query(0, ge=0, le=MAX_OFFSET, description="Items to skip (the previous page's next_offset).")


def cursor_q():
    return Query(
        None,
        min_length=1,
        max_length=MAX_CURSOR,
        description="Where to go on from: the previous page's next_cursor (the id of its last item); "
        "lists in their default order only, instead of offset.",
    )


async def paging(*, limit: int = limit_q(), offset: int = offset_q(), cursor: str | None = cursor_q()) -> Paging:
    """FastAPI dependency: a list route's paging parameters."""
    if cursor is not None and offset:
        raise HTTPException(422, "give offset or cursor, not both: a cursor says where the page starts")
    return Paging(limit, offset, cursor)


PagingDep = Annotated[Paging, Depends(paging)]


async def offset_paging(*, limit: int = limit_q(), offset: int = offset_q()) -> Paging:
    """FastAPI dependency: the paging parameters of a list that pages by offset only."""
    return Paging(limit, offset)


OffsetPagingDep = Annotated[Paging, Depends(offset_paging)]


def page(
    items: list, paging: Paging, *, request: Request | None = None, cursor_of: Callable[[dict], str] | None = None
) -> dict:
    """The body of a page of ``items`` (fetched with ``paging.fetch`` rows): the items shown, the paging
    asked, ``next_offset`` (None on the last page, or after a cursor: an offset is not known then),
    ``next_cursor`` when the list pages by cursor (``cursor_of`` gives an item's), and with the ``request``
    the ``next`` link."""
    more = len(items) > paging.limit
    shown = items[: paging.limit]
    body = {
        "items": shown,
        "limit": paging.limit,
        "offset": paging.offset,
        "next_offset": paging.offset + paging.limit if more and paging.cursor is None else None,
    }
    if cursor_of is not None:
        body["next_cursor"] = cursor_of(shown[-1]) if more and shown else None
    if request is not None:
        body["next"] = _next_link(request, body)
    return body


def at_least(total: int | None, exact: bool, body: dict) -> int | None:
    """A list's total for ``body`` (a :func:`page`): an inexact total (a count stopped at its cap) is raised to
    the rows up to this page's end, plus one when there is a next page, so that a client paging by offset that
    stops at ``offset >= total`` or shows "page N of M" never meets a page beyond the total it was told. A page
    past the end raises nothing (no rows say so), and a page reached by cursor starts at offset 0 (the cap
    stands)."""
    if exact or total is None or not body["items"]:
        return total
    more = body.get("next_offset") is not None or body.get("next_cursor") is not None
    return max(total, body["offset"] + len(body["items"]) + more)


def _next_link(request: Request, body: dict) -> str | None:
    """The URL of the next page: this request's path and parameters, the cursor or the offset replaced."""
    if body.get("next_cursor") is not None:
        step = ("cursor", body["next_cursor"])
    elif body["next_offset"] is not None:
        step = ("offset", str(body["next_offset"]))
    else:
        return None
    kept = [(name, value) for name, value in request.query_params.multi_items() if name not in ("offset", "cursor")]
    return f"{request.url.path}?{urlencode([*kept, step])}"

"""A bounded cache of whole GET responses, emptied whenever the store changes.

Every read of the API and the web UI is a function of the URL, the store's contents and (for an entity's
offices when it has no dated event) today's date, so a response can be served again until one of those
changes. The store's changes are seen through SQLite's ``PRAGMA data_version`` on one connection kept for
that purpose: it changes when another connection (a ``kronika ingest`` in another process) has committed
since the last look. The look costs microseconds and happens before every GET, so no response computed
from older data is ever served after the commit is visible.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from collections.abc import Callable
from datetime import date as Date

from kronika.errors import KronikaError

DEFAULT_ENTRIES = 256
MAX_BYTES = 64 * 2**20  # all entries together
MAX_ENTRY_BYTES = 4 * 2**20  # a larger response is served but not kept
HEADER = b"x-kronika-cache"


class ResponseCache:
    """ASGI middleware: answer a repeated GET from memory while the store's data version stays the same.

    At most ``entries`` responses (and ``MAX_BYTES`` of bodies) are kept, the least recently used dropped
    first. Only complete 200 responses are kept, and only when the data version did not change while they
    were being computed. ``version`` returns the store's data version; an error from it counts as a change.
    """

    def __init__(
        self, app, version: Callable[[], int], entries: int = DEFAULT_ENTRIES, skip: tuple[str, ...] = ("/static/",)
    ):
        self.app = app
        self.version = version
        self.entries = entries
        self.skip = skip
        self._seen: int | None = None
        self.generation = 0
        self._kept: OrderedDict[tuple, tuple[int, list, bytes]] = OrderedDict()
        self._bytes = 0
        self.hits = self.misses = 0

    def clear(self) -> None:
        self._kept.clear()
        self._bytes = 0
        self.generation += 1

    def _check_version(self) -> bool:
        """Empty the cache when the store changed; False when the version could not be read."""
        try:
            seen = self.version()
        except (KronikaError, sqlite3.Error):  # busy or damaged: keep nothing, compute afresh
            self._seen = None
            self.clear()
            return False
        if seen != self._seen:
            self._seen = seen
            self.clear()
        return True

    async def __call__(self, scope, receive, send):
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or self.entries <= 0
            or scope["path"].startswith(self.skip)
        ):
            return await self.app(scope, receive, send)
        # Runs in the event loop: the pragma reads the WAL index, never a table, so it cannot wait on a writer.
        usable = self._check_version()
        key = (scope["path"], scope.get("query_string", b""), Date.today().isoformat())
        kept = self._kept.get(key) if usable else None
        if kept is not None:
            self.hits += 1
            self._kept.move_to_end(key)
            status, headers, body = kept
            await send({"type": "http.response.start", "status": status, "headers": [*headers, (HEADER, b"hit")]})
            await send({"type": "http.response.body", "body": body})
            return
        self.misses += 1
        generation = self.generation
        start: dict | None = None
        chunks: list[bytes] = []
        size = 0

        async def keep(message):
            nonlocal start, size
            if message["type"] == "http.response.start":
                start = message
                message = {**message, "headers": [*message.get("headers", []), (HEADER, b"miss")]}
            elif message["type"] == "http.response.body" and start is not None and size <= MAX_ENTRY_BYTES:
                body = message.get("body", b"")
                chunks.append(body)
                size += len(body)
                if not message.get("more_body", False):
                    self._store(key, generation, start, b"".join(chunks))
            await send(message)

        await self.app(scope, receive, keep)

    def _store(self, key: tuple, generation: int, start: dict, body: bytes) -> None:
        # A changed generation means the store changed while this response was computed: it may hold
        # either state, so it is not kept.
        if start["status"] != 200 or generation != self.generation or len(body) > MAX_ENTRY_BYTES:
            return
        replaced = self._kept.pop(key, None)  # two clients missed the same key at once
        if replaced is not None:
            self._bytes -= len(replaced[2])
        self._kept[key] = (start["status"], list(start.get("headers", [])), body)
        self._bytes += len(body)
        while self._kept and (len(self._kept) > self.entries or self._bytes > MAX_BYTES):
            _, (_, _, dropped) = self._kept.popitem(last=False)
            self._bytes -= len(dropped)

"""The server's read-only store connections, and the order in which requests get one.

A server process computes on one core (Python's GIL), so requests that run side by side in worker threads only
share it: each takes as long as all of them together, and a long request (a page of 500 events, 12 ms of CPU)
waits behind every short one that arrives while it runs. By default requests get a connection as they ask, up
to ``size`` at once, then in the order they asked. With ``stall`` (``kronika serve --serial MS``) they take the
store one at a time in that order, each running alone, so no request waits for more than those that came
before it; a request that has run ``stall`` seconds (a sort or a count up to its time limit, a cold disk) no
longer counts, and when every running one has, the next starts beside them, up to ``size``.

One at a time makes the tail even (the bench's p99 over its mean latency 1.71 against main's 2.73-3.17, and
1.41 against 2.08 in ``bench/api_queueing.py``'s model), but through this pool it costs requests/s on a loaded
machine: between two requests the process has no thread to run (the worker thread hands its answer to the
event loop, which hands the next request to a worker thread), and each wake-up waits for a core the other jobs
hold (50 concurrent calls in one process at load 16: the same CPU, 22 % more wall time). So with ``--serial``
the read routes of the fast path run on ``kronika.api.serial``'s threads, which take the next request
themselves; this pool's order serves the rest (the timeline, the pages).
"""

from __future__ import annotations

import asyncio
import collections
import time

from kronika.store import Store

STALL = 0.05  # s: with one at a time, a request running this long lets the next one start beside it


class StorePool:
    """Read-only connections to one store file, handed to the requests in the order they ask (module docstring).

    SQLite serialises the statements of one connection, so requests that run side by side each take their own
    (up to ``size``, opened as needed). A request waits for its turn in the event loop, never in a worker
    thread: a worker blocked on the pool could hold the very thread another request needs to give its
    connection back. The first connection is opened at once, so a missing or foreign file stops the server
    at start, not at its first request.
    """

    def __init__(self, path: str, size: int = 8, stall: float | None = None):
        self.path = path
        self.size = max(1, size)
        self.stall = stall
        self._free: list[Store] = [self.open()]
        self._all: list[Store] = list(self._free)
        self._running: dict[int, float] = {}  # id of a connection in use: when its request got it
        self._waiting: collections.deque[asyncio.Future] = collections.deque()
        self._timer: asyncio.TimerHandle | None = None
        # PRAGMA data_version compares commits against one connection's own past, so the response cache
        # asks always the same one, which serves no request.
        self._watch: Store | None = None

    def data_version(self) -> int:
        if self._watch is None:
            self._watch = self.open()
            self._all.append(self._watch)
        return self._watch.data_version()

    def open(self) -> Store:
        return Store(self.path, create=False, read_only=True)

    async def acquire(self) -> Store:
        if not self._waiting and self._may_start():
            return self._take()
        turn = asyncio.get_running_loop().create_future()
        self._waiting.append(turn)
        self._start_waiting()
        try:
            return await turn
        except asyncio.CancelledError:
            if turn.done() and not turn.cancelled() and turn.exception() is None:
                self.release(turn.result())  # given a connection as it was cancelled: back it goes
            elif turn in self._waiting:
                self._waiting.remove(turn)
            raise

    def release(self, store: Store, *, failed: bool = False) -> None:
        """Give a connection back; one that failed with a store error is closed and replaced when next
        needed, so a connection that went wrong cannot keep answering with an error the file does not have."""
        self._running.pop(id(store), None)
        if failed:
            store.close()
            self._all.remove(store)
        else:
            self._free.append(store)
        self._start_waiting()

    def _may_start(self) -> bool:
        """Whether a request may start now: fewer than ``size`` run, and with ``stall`` none runs or every one
        running has run ``stall`` seconds."""
        if len(self._running) >= self.size:
            return False
        if self.stall is None or not self._running:
            return True
        return time.monotonic() - max(self._running.values()) >= self.stall

    def _take(self) -> Store:
        if self._free:
            store = self._free.pop()
        else:
            store = self.open()
            self._all.append(store)
        self._running[id(store)] = time.monotonic()
        return store

    def _start_waiting(self) -> None:
        """Start the waiting requests whose turn it is; look again when the latest running one stalls."""
        while self._waiting and self._may_start():
            turn = self._waiting.popleft()
            if turn.done():  # cancelled while it waited
                continue
            try:
                turn.set_result(self._take())
            except BaseException as error:  # a damaged file: the waiting request gets the error, not a hang
                turn.set_exception(error)
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._waiting and self.stall is not None and len(self._running) < self.size:
            wait = max(self._running.values()) + self.stall - time.monotonic()
            self._timer = asyncio.get_running_loop().call_later(max(wait, 0.0), self._start_waiting)

    def close(self) -> None:
        for store in self._all:
            store.close()
        self._all.clear()
        self._free.clear()
        self._running.clear()
        self._watch = None

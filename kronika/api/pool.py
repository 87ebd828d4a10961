"""The server's read-only store connections, and the order in which requests get one.

A server process computes on one core (Python's GIL), so requests that run side by side in worker threads only
share it: each takes as long as all of them together, and a long request (a page of 500 events, 12 ms of CPU)
waits behind every short one that arrives while it runs. By default requests get a connection as they ask, up
to ``size`` at once, then in the order they asked. With ``stall`` (``kronika serve --serial MS``) they take the
store one at a time in that order, each running alone, so no request waits for more than those that came
before it; a request that has run ``stall`` seconds (a sort or a count up to its time limit, a cold disk) no
longer counts, and when every running one has, the next starts beside them, up to ``size``.

One at a time makes the tail even (the bench's p99 over its mean latency 1.71 against main's 2.73-3.17, and
1.41 against 2.08 in ``bench/api_queueing.py``'s model). That order is kept by one scheduler,
``kronika.api.serial``'s runner (``runner``): the fast path's read routes run on its threads, which take the
next request themselves (no wake-up of a worker thread between two requests: 22 % less wall time at load 16
for the same CPU), and a request that takes a connection here (a web page, a route FastAPI answers) waits for
its turn in the same queue, holding a runner thread's connection while it runs elsewhere.
"""

from __future__ import annotations

import asyncio
import collections

from kronika.store import Store


class StorePool:
    """Read-only connections to one store file, handed to the requests in the order they ask (module docstring).

    SQLite serialises the statements of one connection, so requests that run side by side each take their own
    (up to ``size``, opened as needed). A request waits for its turn in the event loop, never in a worker
    thread: a worker blocked on the pool could hold the very thread another request needs to give its
    connection back. The first connection is opened at once, so a missing or foreign file stops the server
    at start, not at its first request.
    """

    def __init__(self, path: str, size: int = 8, stall: float | None = None):
        from kronika.api.serial import SerialRunner

        self.path = path
        self.size = max(1, size)
        self.stall = stall
        self._free: list[Store] = [self.open()]
        self._all: list[Store] = list(self._free)
        self._running: set[int] = set()  # ids of the connections in use
        self._waiting: collections.deque[asyncio.Future] = collections.deque()
        # With ``stall``, the one scheduler of this process's requests (module docstring).
        self.runner = SerialRunner(self.open, self.size, stall) if stall is not None else None
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
        if self.runner is not None:
            return await self.runner.hold()
        if not self._waiting and len(self._running) < self.size:
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
        if self.runner is not None and self.runner.let_go(store, failed=failed):
            return
        self._running.discard(id(store))
        if failed:
            store.close()
            self._all.remove(store)
        else:
            self._free.append(store)
        self._start_waiting()

    def _take(self) -> Store:
        if self._free:
            store = self._free.pop()
        else:
            store = self.open()
            self._all.append(store)
        self._running.add(id(store))
        return store

    def _start_waiting(self) -> None:
        """Start the waiting requests, up to ``size`` running."""
        while self._waiting and len(self._running) < self.size:
            turn = self._waiting.popleft()
            if turn.done():  # cancelled while it waited
                continue
            try:
                turn.set_result(self._take())
            except BaseException as error:  # a damaged file: the waiting request gets the error, not a hang
                turn.set_exception(error)

    def close(self) -> None:
        if self.runner is not None:
            self.runner.close()
        for store in self._all:
            store.close()
        self._all.clear()
        self._free.clear()
        self._running.clear()
        self._watch = None

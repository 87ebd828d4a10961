"""``kronika serve --serial MS``: the read routes of a process run one at a time, in the order they came, by
threads that take the next waiting request themselves.

With the requests taking the pool's store one at a time (``kronika.api.pool``), each request went from the event
loop to a worker thread and back, and between two requests the process had no thread to run: each of the two
wake-ups waited for a core that other jobs held (22 % more wall time at load 16 for the same CPU). Here a
route's arguments are read in the event loop as before, and the call waits in a queue that the runner's
threads empty in order: a thread that ends one request starts the next at once, without waking anyone, and
the event loop only sends the answers. A request that has run ``stall`` seconds (a long sort or count, a
cold disk) no longer counts: when every running one has, the next starts beside them on another thread, up
to ``size``. Each thread has its own read-only connection.

This is the process's one scheduler of the store: a request that takes a connection from the pool
(``kronika.api.pool``: the web pages, the routes FastAPI answers) waits in the same queue (``hold``): its turn's
thread hands it its connection and waits, counted as running, until the request gives it back (``let_go``). So
a page and the fast path's calls run one at a time together, not each queue beside the other.
"""

from __future__ import annotations

import asyncio
import collections
import threading
import time
import typing

from kronika.errors import KronikaError
from kronika.store import Store


class SerialRunner:
    """Runs ``function(**arguments, <store>=connection)`` calls in arrival order (module docstring)."""

    def __init__(self, open_store: typing.Callable[[], Store], size: int, stall: float):
        self.open_store = open_store
        self.size = max(1, size)
        self.stall = stall
        self._waiting: collections.deque = collections.deque()
        self._running: dict[int, float] = {}  # thread ident: when its call started
        self._threads: list[threading.Thread] = []
        self._idle = 0  # threads waiting for a call
        self._watching = 0  # of them, those waiting for a running call to stall
        self._turn = threading.Condition()
        self._closed = False
        self._held: dict[int, threading.Event] = {}  # id of a connection ``hold`` handed out: its thread's wait
        self._broken: dict[int, bool] = {}  # of them, those given back as failed

    async def run(self, function: typing.Callable, arguments: dict, store_argument: str):
        loop = asyncio.get_running_loop()
        answer = loop.create_future()
        self._queue((function, arguments, store_argument, answer, loop))
        return await answer

    async def hold(self) -> Store:
        """A turn in the queue for a request that runs elsewhere (a worker thread of FastAPI's): the connection
        of the thread whose turn it is, which waits, counted as running, until ``let_go`` gives it back."""
        loop = asyncio.get_running_loop()
        given = loop.create_future()  # settled with the connection (or the error of opening one)
        back = threading.Event()

        def held(store: Store) -> None:
            self._held[id(store)] = back
            loop.call_soon_threadsafe(_settle, given, store, None)
            back.wait()
            if self._held.get(id(store)) is back:  # given back by a cancellation, not by ``let_go``
                del self._held[id(store)]
            if self._broken.pop(id(store), False):  # the thread closes it and opens another when next needed
                raise KronikaError("E502", "a held connection failed")

        self._queue((held, {}, "store", given, loop))
        try:
            return await given
        except asyncio.CancelledError:
            back.set()  # a turn taken (or still to come) is given back at once
            raise

    def let_go(self, store: Store, *, failed: bool = False) -> bool:
        """Give back a connection ``hold`` handed out (True; False for one it did not): the turn ends."""
        back = self._held.pop(id(store), None)
        if back is None:
            return False
        if failed:
            self._broken[id(store)] = True
        back.set()
        return True

    def _queue(self, call: tuple) -> None:
        with self._turn:
            self._waiting.append(call)
            if not self._threads:
                self._start_thread()
            elif self._idle and (not self._running or not self._watching):  # else the running thread takes it
                self._turn.notify()

    def close(self) -> None:
        with self._turn:
            self._closed = True
            self._turn.notify_all()
        for back in list(self._held.values()):  # threads holding a turn for a request that will not give it back
            back.set()

    def _may_start(self) -> bool:
        """Under the lock: no call runs, or every one running has run ``stall`` seconds."""
        return not self._running or time.monotonic() - max(self._running.values()) >= self.stall

    def _start_thread(self) -> None:
        thread = threading.Thread(target=self._work, name=f"kronika-serial-{len(self._threads)}", daemon=True)
        self._threads.append(thread)
        thread.start()

    def _next(self) -> tuple | None:
        """The next call this thread may start, waiting for it (and for a stalled one to let it); None once
        closed."""
        me = threading.get_ident()
        with self._turn:
            while not self._closed:
                if self._waiting and self._may_start():
                    self._running[me] = time.monotonic()
                    if self._idle == 0 and len(self._threads) < self.size:
                        self._start_thread()  # a spare, to start the next call should this one stall
                    return self._waiting.popleft()
                wait = max(self._running.values()) + self.stall - time.monotonic() if self._waiting else None
                self._idle += 1
                self._watching += wait is not None
                self._turn.wait(wait)
                self._watching -= wait is not None
                self._idle -= 1
            return None

    def _work(self) -> None:
        store = None
        me = threading.get_ident()
        while (call := self._next()) is not None:
            function, arguments, store_argument, answer, loop = call
            try:
                if store is None:
                    store = self.open_store()
                result, error = function(**arguments, **{store_argument: store}), None
            except BaseException as raised:  # noqa: BLE001 - handed to the request, as a worker thread would
                result, error = None, raised
                if isinstance(raised, KronikaError) and raised.code == "E502" and store is not None:
                    store.close()  # a connection that went wrong is replaced, as the pool replaces its own
                    store = None
            finally:
                with self._turn:
                    self._running.pop(me, None)
            try:
                loop.call_soon_threadsafe(_settle, answer, result, error)
            except RuntimeError:  # the event loop has closed (the server stopped): nobody waits for it
                pass
        if store is not None:
            store.close()


def _settle(answer: asyncio.Future, result, error: BaseException | None) -> None:
    if answer.done():  # the request was cancelled (its client left)
        return
    if error is not None:
        answer.set_exception(error)
    else:
        answer.set_result(result)

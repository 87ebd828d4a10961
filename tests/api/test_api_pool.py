"""The store connections of a server process (``kronika.api.pool``): with ``stall``, handed out one at a time in
the order the requests ask, another beside them only once every running request has run ``stall`` seconds, at
most ``size`` (by the runner's queue, ``kronika.api.serial``, which the fast path's calls share); without, as
they ask up to ``size``, then in that order."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest

from kronika.api.pool import StorePool
from kronika.store import Store


@pytest.fixture(scope="module")
def store_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("pool") / "empty.db"
    Store(path).close()
    return str(path)


async def _asking(pool: StorePool, requests: int, *, until: int = 0) -> tuple[list[int], list]:
    """``requests`` ask in turn, each keeping the connection it gets: which got one (by number), once ``until``
    of them have (or 5 s have passed), and their tasks (those still waiting are cancelled by the caller)."""
    got: list[int] = []

    async def ask(number: int):
        store = await pool.acquire()
        got.append(number)
        return store

    tasks = []
    for number in range(requests):
        tasks.append(asyncio.create_task(ask(number)))
        await asyncio.sleep(0)
    for _ in range(500):
        if len(got) >= until:
            break
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.05)  # time for any other to start (a runner thread hands its connection over)
    return got, tasks


@pytest.mark.parametrize(
    ("size", "stall", "until", "started"),
    [
        (8, 60.0, 1, [0]),  # one at a time: the rest wait for the first
        (8, 0.0, 4, [0, 1, 2, 3]),  # nothing counts as running long enough to wait for
        (2, 0.0, 2, [0, 1]),  # never more than size
        (8, 0.01, 4, [0, 1, 2, 3]),  # the first stalled, then the second, ...: each lets the next start
        (3, 0.01, 3, [0, 1, 2]),
        (3, None, 3, [0, 1, 2]),  # without stall: side by side as they ask, up to size
    ],
)
def test_requests_start_one_at_a_time_unless_the_running_ones_stall(store_file, size, stall, until, started):
    async def scenario():
        pool = StorePool(store_file, size=size, stall=stall)
        try:
            got, tasks = await _asking(pool, 4, until=until)
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            return got
        finally:
            pool.close()

    # Which started (those side by side may get their connections from the runner's threads in any order;
    # the order of turns is the next test's).
    assert sorted(asyncio.run(scenario())) == started


def test_a_released_connection_goes_to_the_request_that_asked_first(store_file):
    opened = []

    class Counted(StorePool):
        def open(self):
            opened.append(1)
            return super().open()

    async def scenario():
        pool = Counted(store_file, stall=60.0)
        order = []

        async def request(number: int):
            store = await pool.acquire()
            order.append(number)
            await asyncio.sleep(0.01)
            pool.release(store)

        await asyncio.gather(*(request(n) for n in range(5)))
        pool.close()
        return order

    assert asyncio.run(scenario()) == [0, 1, 2, 3, 4]
    assert len(opened) == 2  # the pool's first (which checks the file at start), and one to run them one at a time


def test_a_request_cancelled_while_it_waits_takes_no_turn_and_no_connection(store_file):
    async def scenario():
        pool = StorePool(store_file, stall=60.0)
        first = await pool.acquire()
        waiting = asyncio.create_task(pool.acquire())
        await asyncio.sleep(0)
        waiting.cancel()
        await asyncio.gather(waiting, return_exceptions=True)
        pool.release(first)
        after = await asyncio.wait_for(pool.acquire(), 1)  # not stuck behind the cancelled one
        running = len(pool.runner._running)
        pool.release(after)
        pool.close()
        return running

    assert asyncio.run(scenario()) == 1


def _is_open(store: Store) -> bool:
    try:
        store.connection.execute("SELECT 1")
    except sqlite3.ProgrammingError:  # "Cannot operate on a closed database."
        return False
    return True


def test_a_connection_that_failed_is_replaced(store_file):
    async def scenario():
        pool = StorePool(store_file, stall=60.0)
        broken = await pool.acquire()
        pool.release(broken, failed=True)
        fresh = await pool.acquire()
        replaced = fresh is not broken and _is_open(fresh) and not _is_open(broken)
        pool.release(fresh)
        pool.close()
        return replaced

    assert asyncio.run(scenario())


def test_the_pools_requests_and_the_fast_paths_calls_wait_in_one_queue(store_file):
    """With ``stall`` a request holding a connection from the pool is a running turn of the runner's: the fast
    path's call queued after it starts only once it gives the connection back, and before a later request."""

    async def scenario():
        pool = StorePool(store_file, stall=60.0)
        order = []
        held = await pool.acquire()
        call = asyncio.create_task(pool.runner.run(lambda store: order.append("call"), {}, "store"))
        await asyncio.sleep(0)
        later = asyncio.create_task(pool.acquire())
        await asyncio.sleep(0.1)
        order.append("given back")
        pool.release(held)
        second = await asyncio.wait_for(later, 2)
        await asyncio.wait_for(call, 2)
        order.append("later")
        pool.release(second)
        pool.close()
        return order

    assert asyncio.run(scenario()) == ["given back", "call", "later"]

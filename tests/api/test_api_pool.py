"""The store connections of a server process (``kronika.api.pool``): with ``stall``, handed out one at a time in
the order the requests ask, another beside them only once every running request has run ``stall`` seconds, at
most ``size``; without, as they ask up to ``size``, then in that order."""

from __future__ import annotations

import asyncio

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
    for _ in range(3):
        await asyncio.sleep(0)
    return got, tasks


@pytest.mark.parametrize(
    ("size", "stall", "until", "started"),
    [
        (8, 60.0, 0, [0]),  # one at a time: the rest wait for the first
        (8, 0.0, 0, [0, 1, 2, 3]),  # nothing counts as running long enough to wait for
        (2, 0.0, 0, [0, 1]),  # never more than size
        (8, 0.01, 4, [0, 1, 2, 3]),  # the first stalled, then the second, ...: each lets the next start
        (3, 0.01, 3, [0, 1, 2]),
        (3, None, 0, [0, 1, 2]),  # without stall: side by side as they ask, up to size
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

    assert asyncio.run(scenario()) == started


def test_a_released_connection_goes_to_the_request_that_asked_first(store_file):
    async def scenario():
        pool = StorePool(store_file, stall=60.0)
        order = []

        async def request(number: int):
            store = await pool.acquire()
            order.append(number)
            await asyncio.sleep(0.01)
            pool.release(store)

        await asyncio.gather(*(request(n) for n in range(5)))
        opened = len(pool._all)
        pool.close()
        return order, opened

    order, opened = asyncio.run(scenario())
    assert order == [0, 1, 2, 3, 4]
    assert opened == 1  # one at a time needs one connection


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
        running = len(pool._running)
        pool.release(after)
        pool.close()
        return running

    assert asyncio.run(scenario()) == 1


def test_a_connection_that_failed_is_replaced(store_file):
    async def scenario():
        pool = StorePool(store_file, stall=60.0)
        broken = await pool.acquire()
        pool.release(broken, failed=True)
        fresh = await pool.acquire()
        replaced = fresh is not broken and broken not in pool._all
        pool.release(fresh)
        pool.close()
        return replaced

    assert asyncio.run(scenario())

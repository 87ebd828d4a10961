"""``serve --serial``: the read routes of a process run one at a time in the order they came, on threads that take
the next call themselves (``kronika.api.serial``); one that has run ``stall`` seconds lets the next start."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from kronika.api.serial import SerialRunner
from kronika.errors import KronikaError


class _Store:
    """A stand-in connection: counts its closing."""

    opened = 0

    def __init__(self):
        type(self).opened += 1
        self.closed = False

    def close(self):
        self.closed = True


def _runner(size: int = 8, stall: float = 60.0) -> SerialRunner:
    return SerialRunner(_Store, size, stall)


def test_calls_run_one_at_a_time_in_the_order_they_came():
    runner = _runner()
    started, running, most = [], [0], [0]
    lock = threading.Lock()

    def route(*, number: int, store):
        with lock:
            started.append(number)
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.005)
        with lock:
            running[0] -= 1
        return number * 10, isinstance(store, _Store)

    async def scenario():
        return await asyncio.gather(*(runner.run(route, {"number": n}, "store") for n in range(6)))

    try:
        answers = asyncio.run(scenario())
    finally:
        runner.close()
    assert answers == [(n * 10, True) for n in range(6)]
    assert (started, most[0]) == (list(range(6)), 1)


@pytest.mark.parametrize(("size", "beside"), [(8, True), (1, False)])
def test_a_stalled_call_lets_the_next_start_beside_it(size, beside):
    runner = _runner(size=size, stall=0.01)
    release = threading.Event()
    done_second = threading.Event()

    def slow(*, store):
        release.wait(10)
        return "slow"

    def quick(*, store):
        done_second.set()
        return "quick"

    async def scenario():
        first = asyncio.ensure_future(runner.run(slow, {}, "store"))
        second = asyncio.ensure_future(runner.run(quick, {}, "store"))
        for _ in range(300):  # the second, while the first still runs (up to 3 s)
            if done_second.is_set():
                break
            await asyncio.sleep(0.01)
        ran_beside = done_second.is_set()
        release.set()
        return ran_beside, await first, await second

    try:
        assert asyncio.run(scenario()) == (beside, "slow", "quick")
    finally:
        runner.close()


def test_an_error_reaches_the_request_and_a_broken_connection_is_replaced():
    runner = _runner()
    stores = []

    def broken(*, store):
        stores.append(store)
        raise KronikaError("E502", "the store is damaged")

    def fine(*, store):
        stores.append(store)
        return "ok"

    async def scenario():
        with pytest.raises(KronikaError):
            await runner.run(broken, {}, "store")
        return await runner.run(fine, {}, "store")

    try:
        assert asyncio.run(scenario()) == "ok"
    finally:
        runner.close()
    assert stores[0].closed and stores[1] is not stores[0]

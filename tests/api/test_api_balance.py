"""``serve --workers N`` hands each new connection to the worker holding the fewest (``kronika.api.balance``):
the shared counts, and acceptors on one listening socket, each with its own connections as a worker has."""

from __future__ import annotations

import asyncio
import os
import socket

import pytest

from kronika.api import balance
from kronika.api.balance import Acceptor, Counts


def _dead_pid() -> int:
    """A pid no process has (the largest the kernel allows is above any live one's)."""
    with open("/proc/sys/kernel/pid_max") as limit:
        return int(limit.read()) - 1


@pytest.mark.parametrize(
    ("others", "held", "ahead"),
    [
        ([], 5, False),  # alone: never ahead
        ([3], 3, False),  # as many as the least: takes it
        ([3], 4, True),
        ([3, 9], 4, True),  # the least of the others counts
        ([9, 9], 4, False),
        (["dead"], 4, False),  # a worker that died is not waited for
    ],
)
def test_a_worker_is_ahead_when_it_holds_more_than_the_least_of_the_others(others, held, ahead):
    counts = Counts(slots=4)
    values = counts.array.get_obj()
    for slot, count in enumerate(others, start=1):
        values[2 * slot] = _dead_pid() if count == "dead" else os.getppid()
        values[2 * slot + 1] = 0 if count == "dead" else count
    mine = counts.claim(os.getpid())
    assert mine == 0
    assert counts.ahead(mine, held) is ahead


def test_slots_are_claimed_once_and_freed():
    counts = Counts(slots=2)
    first, second = counts.claim(os.getpid()), counts.claim(os.getppid())
    assert (first, second, counts.claim(os.getpid())) == (0, 1, None)  # no third slot
    counts.release(first)
    assert counts.claim(os.getpid()) == 0
    assert counts.ahead(None, 10) is False  # a worker without a slot takes what comes


class _Held(asyncio.Protocol):
    """A connection of a worker: in its set while open, as uvicorn's protocols keep ``server_state.connections``."""

    def __init__(self, connections: set):
        self.connections = connections

    def connection_made(self, transport):
        self.connections.add(self)

    def connection_lost(self, error):
        self.connections.discard(self)


async def _connect(listeners: list[socket.socket], clients: int, counts: Counts) -> list[int]:
    """``clients`` connections to acceptors on ``listeners`` (one socket, a descriptor each): how many each holds."""
    held = [set() for _ in listeners]
    acceptors = [
        Acceptor(listener, lambda held=connections: _Held(held), connections, counts)
        for listener, connections in zip(listeners, held, strict=True)
    ]
    for acceptor in acceptors:
        acceptor.start()
    port = listeners[0].getsockname()[1]
    writers = []
    try:
        for _ in range(clients):
            writers.append((await asyncio.open_connection("127.0.0.1", port))[1])
            for _ in range(100):  # until some worker holds it (a held one is taken after PATIENCE)
                if sum(len(h) for h in held) == len(writers):
                    break
                await asyncio.sleep(0.01)
        return [len(h) for h in held]
    finally:
        for writer in writers:
            writer.close()
        for acceptor in acceptors:
            acceptor.stop()


@pytest.fixture
def listener():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP) as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock


@pytest.mark.parametrize(("workers", "clients"), [(1, 3), (2, 10), (3, 9)])
def test_connections_are_spread_evenly_over_the_workers(listener, workers, clients):
    listeners = [listener, *(listener.dup() for _ in range(workers - 1))]
    try:
        spread = asyncio.run(_connect(listeners, clients, Counts(slots=4)))
    finally:
        for extra in listeners[1:]:
            extra.close()
    assert spread == [clients // workers] * workers


def test_a_worker_that_never_accepts_is_not_waited_for(listener, monkeypatch):
    """A live worker that takes nothing (hung, or still starting): the others take its share after PATIENCE."""
    monkeypatch.setattr(balance, "PATIENCE", 0.05)
    counts = Counts(slots=2)
    values = counts.array.get_obj()
    values[2], values[3] = os.getppid(), 0  # slot 1: live, holding nothing, never accepting
    assert asyncio.run(_connect([listener], 3, counts)) == [3]


def test_a_worker_process_starts_without_loading_the_app():
    """A spawned worker unpickles its ``BalancedProcess`` (importing ``kronika.api.balance``) before it starts
    answering the supervisor's health checks, and uvicorn kills a worker silent for 5 s: that import must not
    load FastAPI and the store (seconds on a loaded machine, and the workers were killed over and over)."""
    import subprocess
    import sys

    code = "import sys, kronika.api.balance; print(sorted({'fastapi', 'kronika.api.app'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"

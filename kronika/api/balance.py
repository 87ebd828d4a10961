"""``kronika serve --workers N``: each new connection taken by the worker that holds the fewest.

uvicorn's workers all accept from one shared listening socket, and whichever process wakes first takes every
connection waiting: 50 keep-alive clients connecting at once were split 38/12 and 40/10 between two workers
(ss, three runs). A connection stays with its worker, so the clients of the fuller worker queue behind
three times as many requests as the others while both cores are busy, and the p99 follows the fuller one.

Here each worker publishes how many connections it holds in a small array the workers share (one slot per
worker: its pid and its count), and accepts a waiting connection only while it holds no more than the least
of the others; a worker that is ahead leaves the connection to them and looks again a few milliseconds later.
If no other worker takes it within ``PATIENCE`` (one hung, or still starting), it takes it anyway: a client
never waits on a worker that is not there. The connections are then served exactly as uvicorn serves them
(its own protocol on the accepted socket), so requests and responses are unchanged.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import select
import socket
import typing

import uvicorn
from uvicorn.supervisors import multiprocess

SLOTS = 64  # workers that can publish a count (more run, unbalanced)
RETRY = 0.005  # s: how soon a worker that was ahead looks at a waiting connection again
PATIENCE = 0.1  # s: after this a waiting connection is taken by whoever looks, ahead or not
PUBLISH = 0.05  # s: how often a worker publishes its count (a closed connection says nothing)

logger = logging.getLogger("uvicorn.error")


class Counts:
    """The workers' live connections: slot i holds a worker's pid at 2i and its count at 2i + 1, in shared
    memory (a spawned worker receives it when it starts). Counts are written and read without a lock (one
    aligned word each: a reader sees the old value or the new); the lock only guards claiming a slot, with a
    timeout, so a worker killed while holding it cannot stop the others."""

    def __init__(self, slots: int = SLOTS):
        self.array = multiprocessing.get_context("spawn").Array("q", 2 * slots)
        self.slots = slots

    def claim(self, pid: int) -> int | None:
        """A free slot (or one of a worker that died) for ``pid``, its count 0; None when none is free."""
        if not self.array.get_lock().acquire(timeout=1):
            return None
        try:
            values = self.array.get_obj()
            for slot in range(self.slots):
                holder = values[2 * slot]
                if holder == 0 or not _alive(holder):
                    values[2 * slot + 1] = 0
                    values[2 * slot] = pid
                    return slot
            return None
        finally:
            self.array.get_lock().release()

    def release(self, slot: int | None) -> None:
        if slot is not None:
            self.array.get_obj()[2 * slot] = 0

    def publish(self, slot: int | None, count: int) -> None:
        if slot is not None:
            self.array.get_obj()[2 * slot + 1] = count

    def ahead(self, slot: int | None, count: int) -> bool:
        """Whether a worker holding ``count`` connections holds more than the least of the other live workers."""
        if slot is None:
            return False
        values = self.array.get_obj()
        others = [
            values[2 * other + 1]
            for other in range(self.slots)
            if other != slot and values[2 * other] and _alive(values[2 * other])
        ]
        return bool(others) and count > min(others)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - another user's process took a dead worker's pid
        return True
    return True


class Acceptor:
    """One worker's accepting of the shared listening socket (module docstring): ``protocol`` makes the
    protocol of a new connection, ``connections`` is the set the protocols add themselves to while open."""

    def __init__(
        self, listener: socket.socket, protocol: typing.Callable, connections: set, counts: Counts, backlog: int = 2048
    ):
        self.listener = listener
        self.backlog = backlog
        self.protocol = protocol
        self.connections = connections
        self.counts = counts
        self.slot: int | None = None
        self.pending = 0  # accepted, not yet in ``connections``
        self.held_since: float | None = None
        self.loop: asyncio.AbstractEventLoop | None = None
        self.timers: dict[str, asyncio.TimerHandle] = {}  # the next look at a held connection, the next publishing
        self.tasks: set[asyncio.Task] = set()

    def start(self) -> None:
        self.loop = asyncio.get_running_loop()
        self.listener.listen(self.backlog)  # as asyncio's server does with the socket it is given
        self.listener.setblocking(False)
        self.slot = self.counts.claim(os.getpid())
        self.loop.add_reader(self.listener.fileno(), self._ready)
        self._publish_regularly()

    def stop(self) -> None:
        if self.loop is None:
            return
        self.loop.remove_reader(self.listener.fileno())
        for timer in self.timers.values():
            timer.cancel()
        self.counts.release(self.slot)
        self.loop = None

    def held(self) -> int:
        return len(self.connections) + self.pending

    def _ready(self) -> None:
        now = self.loop.time()
        if self.counts.ahead(self.slot, self.held()) and (self.held_since is None or now - self.held_since < PATIENCE):
            self.held_since = self.held_since if self.held_since is not None else now
            self.loop.remove_reader(self.listener.fileno())
            self.timers["look"] = self.loop.call_later(RETRY, self._look_again)
            return
        self.held_since = None
        try:
            connection, _ = self.listener.accept()
        except (BlockingIOError, InterruptedError):  # another worker took it
            return
        except OSError as error:  # out of descriptors, say: as asyncio's own accept loop, log and wait a second
            logger.error("accepting a connection failed: %s", error)
            self.loop.remove_reader(self.listener.fileno())
            self.timers["look"] = self.loop.call_later(1, self._look_again)
            return
        connection.setblocking(False)
        with contextlib.suppress(OSError):  # asyncio sets it on TCP sockets; a Unix socket has none
            connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.pending += 1
        self.counts.publish(self.slot, self.held())
        task = self.loop.create_task(self._serve(connection))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    def _look_again(self) -> None:
        if self.loop is None:
            return
        waiting, _, _ = select.select([self.listener], [], [], 0)
        if not waiting:  # another worker took it
            self.held_since = None
        self.loop.add_reader(self.listener.fileno(), self._ready)

    async def _serve(self, connection: socket.socket) -> None:
        try:
            await self.loop.connect_accepted_socket(self.protocol, connection)
        except OSError:  # the client left before its connection was set up
            connection.close()
        finally:
            self.pending -= 1
            self.counts.publish(self.slot, self.held())

    def _publish_regularly(self) -> None:
        if self.loop is None:
            return
        self.counts.publish(self.slot, self.held())
        self.timers["publish"] = self.loop.call_later(PUBLISH, self._publish_regularly)


class BalancedServer(uvicorn.Server):
    """uvicorn's server of one worker, its listening socket read by an ``Acceptor`` instead of asyncio's server."""

    def __init__(self, config: uvicorn.Config, counts: Counts):
        super().__init__(config)
        self.counts = counts
        self.acceptor: Acceptor | None = None

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=[])  # the app's start, no listener of uvicorn's own

        def protocol() -> asyncio.Protocol:  # as uvicorn's own ``create_protocol``
            return self.config.http_protocol_class(
                config=self.config, server_state=self.server_state, app_state=self.lifespan.state
            )

        self.acceptor = Acceptor(
            sockets[0], protocol, self.server_state.connections, self.counts, backlog=self.config.backlog
        )
        self.acceptor.start()

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        if self.acceptor is not None:
            self.acceptor.stop()
        await super().shutdown(sockets=sockets)


class BalancedProcess(multiprocess.Process):
    """uvicorn's worker process, running a ``BalancedServer`` (the counts travel in its config)."""

    @property
    def server(self) -> uvicorn.Server:
        if self._server is None:
            self._server = BalancedServer(self.config, self.config.connection_counts)
        return self._server


def run_workers(config: uvicorn.Config, listener: socket.socket) -> None:
    """uvicorn's supervisor of ``config.workers`` processes on ``listener``, each a ``BalancedProcess``.
    The supervisor makes its workers by the module's name ``Process`` (at start, on a restart, on SIGHUP and
    SIGTTIN), so that name is pointed at ``BalancedProcess`` while it runs, in this process only."""
    config.connection_counts = Counts()
    kept = multiprocess.Process
    multiprocess.Process = BalancedProcess
    try:
        multiprocess.Multiprocess(config, sockets=[listener]).run()
    finally:
        multiprocess.Process = kept

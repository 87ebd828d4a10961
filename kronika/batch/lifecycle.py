"""Worker processes that die with their parent, and one batch at a time per output directory.

A pool worker blocks on its task queue, whose write end it holds itself, so it never sees its parent go:
after a ``kill -9`` of ``kronika batch`` or ``kronika ingest --jobs N`` the workers (hundreds of MB each)
lived on and kept writing partitions beside the rerun. ``die_with_parent`` is called first thing in every
worker; ``OutputLock`` keeps a second batch out of an ``--out`` a running one is writing.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from pathlib import Path

from kronika.errors import KronikaError

LOCK_NAME = "_lock"  # readers of the output skip names starting with "_"
PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent() -> None:
    """End this worker when the process that started it ends, however it ended.

    Two guards: a thread waiting on multiprocessing's sentinel of the owning process (any platform, any
    start method), and Linux's parent-death signal, which fires even while this process is busy in C code.
    The signal is only asked for when a fork server started this worker: it is single-threaded and exits
    when the pool's owner is gone, whereas a pool that forks directly may fork from a thread that ends
    long before the pool does (the signal follows the forking thread, not the process).
    """
    from multiprocessing import parent_process

    parent = parent_process()
    if parent is None:  # not a multiprocessing child: nothing to watch
        return
    if os.getppid() != parent.pid:
        _parent_death_signal()
    threading.Thread(target=_exit_when_gone, args=(parent.sentinel,), name="kronika-parent-watch", daemon=True).start()


def _parent_death_signal() -> None:
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # no prctl in this libc: the watch thread still guards
        pass


def _exit_when_gone(sentinel: int) -> None:
    from multiprocessing.connection import wait

    wait([sentinel])  # readable only when the parent's end is closed: it has exited
    os._exit(1)  # no cleanup: the unfinished partition is redone by the rerun


class OutputLock:
    """An exclusive lock on a batch output directory: ``OUT/_lock`` holds the running batch's pid.

    The lock is the operating system's (``flock``), released when its holder ends however it ends, so a
    killed run never leaves a directory locked; the pid in the file only names the holder in the error.
    """

    def __init__(self, root: str | os.PathLike):
        self.path = Path(root) / LOCK_NAME
        self._fd: int | None = None

    def __enter__(self) -> OutputLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()

    def acquire(self) -> None:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX: no lock, as before
            return
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.read(fd, 64).decode("ascii", "replace").strip() or "unknown"
                os.close(fd)
                raise KronikaError(
                    "E708",
                    f"{self.path.parent}: another batch (pid {holder}) is writing into this directory; wait "
                    f"for it to finish, or stop it (kill {holder}) and rerun, or give another --out",
                ) from None
            # The previous holder may have removed the file between our open and our lock: lock the file
            # that is there now, or a third run could lock a new one beside us.
            if _same_file(fd, self.path):
                break
            os.close(fd)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        self.path.unlink(missing_ok=True)  # while still locked, so nobody locks the file being removed
        os.close(self._fd)
        self._fd = None


def _same_file(fd: int, path: Path) -> bool:
    try:
        now = path.stat()
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (now.st_dev, now.st_ino)

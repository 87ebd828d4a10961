"""The compiled move loop (``kronika.parse.kernel``), imported on first use with numba's cache where it can write.

numba is imported here only, when a parser is first built: importing it costs about 0.4 s of CPU, which a
run without ``--parse`` must not pay. Compiled code is cached on disk (``cache=True``), so only the first
process after an install or a change to the kernel compiles (a few seconds); later ones load the machine
code. numba writes its cache next to the source, which a read-only site-packages refuses, so unless
``NUMBA_CACHE_DIR`` is set it goes to ``numba/`` under kronika's own cache (``kronika.prebuilt``), else numba
falls back to its user-wide directory. Without numba, or with no writable cache anywhere, the parser runs the
pure-Python decoder (``kronika.parse.greedy``) with the same output, slower.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import tempfile
from contextlib import contextmanager
from functools import cache
from types import ModuleType

from kronika import prebuilt

log = logging.getLogger("kronika")

CACHE_ENV = "NUMBA_CACHE_DIR"


def cache_dir() -> str | None:
    """Where numba should keep compiled code: its own setting, else a writable directory in kronika's cache."""
    if os.environ.get(CACHE_ENV):
        return os.environ[CACHE_ENV]
    base = prebuilt.cache_dir()
    if base is None:
        return None
    path = base / "numba"
    try:
        path.mkdir(parents=True, exist_ok=True)
        tempfile.TemporaryFile(dir=path).close()
    except OSError:
        return None
    return str(path)


@cache
def kernel() -> ModuleType | None:
    """``kronika.parse.kernel``, or None when numba is missing or cannot cache anywhere (logged once)."""
    directory = cache_dir()
    if directory and CACHE_ENV not in os.environ:
        os.environ[CACHE_ENV] = directory  # read by numba when it is first imported, just below
    try:
        with _LOADING, _without_scipy():
            from kronika.parse import kernel as compiled

            _load_arraymath()
    except ImportError as err:
        log.warning("parser: numba is not available (%s); running the slower pure-Python decoder", err)
        return None
    except RuntimeError as err:  # numba's "cannot cache function": no writable cache directory
        log.warning("parser: cannot cache compiled code (%s); running the slower pure-Python decoder", err)
        return None
    return compiled


# ``kernel`` is cached, but two threads may both enter it before the cache holds an answer: one loads while the
# other waits, so neither lifts the block on scipy under the other. (The block is process-wide: another thread
# importing scipy in that window would still fail; nothing in Kronika does.)
_LOADING = threading.RLock()


def _load_arraymath() -> None:
    """Loads ``numba.np.arraymath`` here, not at the first call as numba would, so that its BLAS probe finds no
    scipy. Its own try: were a later numba to move the module, the kernels would still run (the probe would just
    happen at its first use), not fall back to the slow decoder as a missing numba does."""
    try:
        import numba.np.arraymath  # noqa: F401
    except ImportError as err:
        log.debug("parser: numba.np.arraymath not loaded early (%s)", err)


@contextmanager
def _without_scipy():
    """numba imports scipy to check its version, and ``scipy.linalg`` when it loads ``numba.np.arraymath``, to
    learn whether a BLAS is there for ``np.correlate``: 0.15-0.2 s of CPU at every start of a process that runs
    the parser or the name tagger. Their kernels call no BLAS, so numba is loaded as if scipy were not
    installed (it skips the version check, and would sum ``np.correlate``'s products itself); a later import of
    scipy works as ever, and with it ``np.dot`` in compiled code, which looks for the BLAS when compiled. The
    effect is process-wide: numba's BLAS flag for ``np.correlate`` stays off in this process. Where scipy is not
    installed at all (the default install) nothing changes; the gain is where it is."""
    blocked = [name for name in ("scipy", "scipy.linalg.cython_blas") if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # "import scipy" raises ImportError while it is there
    try:
        yield
    finally:
        for name in blocked:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]


@cache
def crf_kernel() -> ModuleType | None:
    """``kronika.stages.crf_kernel`` (the name tagger's sums and Viterbi), compiled with the parser's cache
    directory; None when numba cannot run or cache (the tagger's numpy code gives the same labels)."""
    if kernel() is None:
        return None
    try:
        from kronika.stages import crf_kernel as compiled
    except (ImportError, RuntimeError) as err:
        log.warning("name tagger: no compiled sums (%s); running the numpy ones", err)
        return None
    return compiled

"""Prebuilt data: what a process would otherwise derive at every start, kept in a versioned cache file.

Some indexes take seconds to derive (the knowledge base's alias keys, the linker's gazetteer: tens of
thousands of Morfeusz calls) and are the same in every process until their inputs change. ``load(name,
inputs, build)`` returns ``build()``'s value from a file written by an earlier process when one exists for
the same inputs, else builds it and writes the file for the next process.

The file's name carries a content hash of every input: the bytes of the data and source files that the value
is derived from (so editing a knowledge-base file, the key-building code or a language pack rebuilds it), the
version strings the caller adds (the morphology dictionary's), and the Python version. A stale file is never
read, only left behind; each name keeps its few newest files.

Format: ``marshal``, the format of Python's own ``.pyc`` cache, for the same reason: it reads plain values
(dicts, tuples, frozensets, strings) back several times faster than JSON and, unlike pickle, cannot run code
or build arbitrary objects. It is version-bound, hence the Python version in the key. Values must be built
of those plain types (the callers convert their records to tuples).

The directory is ``$KRONIKA_CACHE`` (``off`` disables the cache), else ``$XDG_CACHE_HOME/kronika``, else
``~/.cache/kronika``. A directory that cannot be written, or a file that cannot be read back, costs only the
build: the value is the same either way.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

log = logging.getLogger("kronika")

ENV = "KRONIKA_CACHE"
OFF = "off"
# Bumped when the file layout (not a value's contents) changes.
FORMAT = 1
# Newest files kept per name: worktrees and versions side by side each keep theirs.
KEEP = 8
SUFFIX = ".marshal"


def cache_dir() -> Path | None:
    """Where prebuilt files live, or None when the cache is switched off."""
    configured = os.environ.get(ENV)
    if configured:
        return None if configured == OFF else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kronika"


def content_key(inputs: Iterable[Path], versions: Iterable[str] = ()) -> str:
    """A hash of the inputs' bytes (in the given order, with their names) and of the version strings."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"format {FORMAT} python {sys.version_info[:3]} marshal {marshal.version}\n".encode())
    for version in versions:
        digest.update(f"version {version}\n".encode())
    for path in inputs:
        digest.update(f"file {path.name} {path.stat().st_size}\n".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def source_files(*directories: Path, pattern: str = "*") -> list[Path]:
    """Every file under the directories, in a fixed order (compiled ``.pyc`` files aside)."""
    files = []
    for directory in directories:
        files += [p for p in directory.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts]
    return sorted(files)


def load(name: str, inputs: Iterable[Path], build: Callable[[], Any], versions: Iterable[str] = ()) -> Any:
    """``build()``'s value, read from the cache when a file for the same inputs exists, else built and stored."""
    return load_keyed(name, content_key(inputs, versions), build)


def read_json(path: Path) -> Any:
    """A JSON file's value (a model's weights), kept prebuilt: marshal reads it back four times faster."""
    return load(f"json-{path.parent.name}-{path.stem}", [path], lambda: json.loads(path.read_text(encoding="utf-8")))


def load_keyed(name: str, key: str, build: Callable[[], Any]) -> Any:
    """``load`` with the inputs' ``content_key`` already made."""
    directory = cache_dir()
    if directory is None:
        return build()
    path = directory / f"{name}-{key}{SUFFIX}"
    try:
        # Whole, then decoded: marshal.load on a file reads it in small pieces, five times slower.
        data = path.read_bytes()
        with paused_gc():
            return marshal.loads(data)
    except FileNotFoundError:
        pass
    except (OSError, EOFError, ValueError, TypeError) as err:
        log.warning("prebuilt %s: cannot read %s (%s); rebuilding it", name, path, err)
    value = build()
    _store(path, name, value)
    return value


@contextmanager
def paused_gc():
    """No cyclic garbage collection while a large value is made: it would walk every object made so far, again
    and again as the allocations count up (it triples the time of reading the knowledge base). Nothing made
    here is garbage, and it lives as long as the process (its callers keep it per process), so it is then moved
    out of the collector's reach (``gc.freeze``, as ``kronika.batch.preload`` does): else the first
    collections after it walk all of it again, 0.2-0.3 s of a one-article start. Frozen objects are still
    freed by their reference counts."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _store(path: Path, name: str, value: Any) -> None:
    """Write atomically (a concurrent reader sees the old state or the whole file), then drop old files."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{name}-", delete=False) as handle:
            temporary = Path(handle.name)
            try:
                marshal.dump(value, handle)
            except ValueError:
                temporary.unlink(missing_ok=True)  # a value of other types than marshal's: a caller's bug
                raise
        os.replace(temporary, path)
    except OSError as err:
        log.warning("prebuilt %s: cannot write %s (%s); it is rebuilt in every process", name, path, err)
        return
    older = sorted(path.parent.glob(f"{name}-*{SUFFIX}"), key=_mtime, reverse=True)[KEEP:]
    for stale in older:
        stale.unlink(missing_ok=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0

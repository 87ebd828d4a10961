"""Folder sources: every file under a folder is an entry, keyed by its path, size and modification time, so a
file is read once per version (a broken file is reported once, not every round; an edited one is read again)."""

from __future__ import annotations

import os
import sqlite3

from kronika.ingest.read import _walk
from kronika.watch import state


def file_key(path: str) -> str:
    found = os.stat(path)
    return f"{path}|{found.st_size}|{found.st_mtime_ns}"


def unseen_files(connection: sqlite3.Connection, folder: str) -> list[tuple[str, str]]:
    """(key, path) of the files under ``folder`` (or the file itself) not seen in this version."""
    paths = list(_walk(folder)) if os.path.isdir(folder) else [folder]
    keys = {}
    for path in paths:
        try:
            keys[file_key(path)] = path
        except OSError:
            continue  # gone since the walk: nothing to read
    seen = state.entries_seen(connection, folder, list(keys))
    return [(key, path) for key, path in keys.items() if key not in seen]

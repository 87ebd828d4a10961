"""Feedback on long commands: a progress bar with a total and an ETA on a terminal (nothing when stderr is
not one), the total counted cheaply from the inputs beforehand, and the closing rate in words that mean
something for one article or none.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable

# Below this many articles a rate says more about loading the models than about the analysis.
MIN_ARTICLES_FOR_RATE = 10
# A .json file is parsed to count its articles only when it is this small; a larger one counts as one.
MAX_JSON_TO_COUNT = 10_000_000
STDIN = "-"


def progress_bar(desc: str, total: int | None, *, enabled: bool = True):
    """A tqdm bar on stderr: total, rate and ETA when ``total`` is known. It starts as "loading" (the models
    load before the first article) and takes ``desc`` at the first update. Quiet when stderr is not a
    terminal (tqdm's own test) or ``enabled`` is false: then a ``QuietBar``, and tqdm is not imported (35-50 ms
    of a one-article ``kronika analyze``)."""
    if not enabled or (hasattr(sys.stderr, "isatty") and not sys.stderr.isatty()):
        return QuietBar()
    from tqdm import tqdm

    bar = tqdm(
        total=total,
        unit="article",
        desc=f"{desc} (loading)",
        file=sys.stderr,
        dynamic_ncols=True,
    )
    update = bar.update

    def first_update(n: float | None = 1) -> bool | None:
        bar.set_description(desc, refresh=False)
        bar.update = update
        return update(n)

    bar.update = first_update
    return bar


class QuietBar:
    """What a disabled tqdm bar does: nothing, except that its ``write`` still writes the message."""

    def __enter__(self) -> QuietBar:
        return self

    def __exit__(self, *exc) -> None:
        return None

    def update(self, n: float | None = 1) -> None:
        return None

    def set_description(self, desc: str | None = None, refresh: bool = True) -> None:
        return None

    def set_postfix(self, ordered_dict=None, refresh: bool = True, **kwargs) -> None:
        return None

    def close(self) -> None:
        return None

    @staticmethod
    def write(s: str, file=None, end: str = "\n", nolock: bool = False) -> None:
        out = file if file is not None else sys.stdout
        out.write(s)
        out.write(end)


def count_articles(inputs: Iterable[str]) -> int | None:
    """How many articles (and broken inputs) ``inputs`` hold, without analysing them: JSON Lines lines,
    Parquet rows, feed items, one per other file; None when unknown (stdin)."""
    total = 0
    for name in inputs:
        name = os.fspath(name)
        if name == STDIN:
            return None
        if os.path.isdir(name):
            from kronika.ingest.read import _walk

            paths = list(_walk(name))
            total += sum(_count_file(path) for path in paths) or 1  # an empty directory is one error
        else:
            total += _count_file(name)
    return total


def _count_file(path: str) -> int:
    from kronika.ingest import detect

    kind = detect.kind_from_path(path)
    try:
        if path.lower().endswith(".parquet"):
            import pyarrow.parquet as pq

            return pq.ParquetFile(path).metadata.num_rows or 1
        with open(path, "rb") as handle:
            head = handle.read(4096)
            if kind == detect.JSONL or head.lstrip().startswith(b"{"):
                return _count_lines(handle, head) or 1
            if kind == detect.JSON and os.path.getsize(path) <= MAX_JSON_TO_COUNT:
                return _count_json(head + handle.read())
            if kind in (detect.FEED, detect.XML):
                content = (head + handle.read()).lower()
                return content.count(b"<item") + content.count(b"<entry") or 1
    except (OSError, ValueError, ImportError):
        return 1  # the reader reports the problem as one broken input
    except Exception:  # noqa: BLE001 - pyarrow raises several types for a damaged file; one error then
        return 1
    return 1


def _count_lines(handle, head: bytes) -> int:
    count = sum(1 for line in head.split(b"\n")[:-1] if line.strip())
    rest = head.rsplit(b"\n", 1)[-1]
    for chunk in iter(lambda: handle.read(1 << 20), b""):
        parts = (rest + chunk).split(b"\n")
        count += sum(1 for line in parts[:-1] if line.strip())
        rest = parts[-1]
    return count + bool(rest.strip())


def _count_json(raw: bytes) -> int:
    import json

    try:
        value = json.loads(raw.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError):
        return 1
    return max(len(value), 1) if isinstance(value, list) else 1


def rate_phrase(articles: int, seconds: float) -> str:
    """ " (12.3 articles/s)" after a run of enough articles; nothing for a handful or none, where a rate
    would mostly measure loading the models (one article in 8 s is not "0.1 articles/s")."""
    if articles < MIN_ARTICLES_FOR_RATE or seconds <= 0:
        return ""
    return f" ({articles / seconds:.1f} articles/s)"

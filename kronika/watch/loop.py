"""Rounds every N minutes: `--every 15m`, or one round with `--once` (what cron and the tests use)."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from datetime import timedelta

from kronika.errors import KronikaError
from kronika.watch.rounds import RoundReport, Watcher

_DURATION = re.compile(r"\A\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*\Z")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str, option: str = "--every") -> timedelta:
    """``90s``, ``15m``, ``2h``, ``1d`` (a bare number is minutes)."""
    match = _DURATION.match(str(text))
    if not match or float(match.group(1)) <= 0:
        raise KronikaError("E506", f"{option} {text!r}: not a duration; give e.g. 90s, 15m, 2h or 1d")
    return timedelta(seconds=float(match.group(1)) * _UNITS[match.group(2) or "m"])


def run(
    watcher: Watcher,
    *,
    every: timedelta,
    once: bool = False,
    on_round: Callable[[RoundReport], None] = lambda report: None,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Run rounds until interrupted (or one with ``once``); each starts ``every`` after the last one started,
    or at once when a round took longer. Returns the number of rounds run."""
    while True:
        started = time.monotonic()
        on_round(watcher.run_round())
        if once:
            return watcher.rounds
        sleep(max(0.0, every.total_seconds() - (time.monotonic() - started)))

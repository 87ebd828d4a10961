"""What the per-word caches cost and save at each size, on real news (a benchmark, never a test).

    .venv/bin/python bench/word_caches.py [--limit 1103] [--sizes 2000,5000,10000,20000,50000]

Makes every ``lru_cache`` of kronika bounded at 4,096 entries or more unbounded and instrumented (before kronika
is imported), runs the default pipeline over the BSNLP Polish news (``../shared/data/bsnlp-pl``, read from there,
as ``bench/throughput.py`` does), and records each cache's key sequence and the CPU time of each miss. For
each cache it prints the calls, the distinct keys, the mean miss cost, the memory its entries hold at the end
(traced memory freed by clearing it, largest cache first, so an object two caches share counts for the later)
and, at each size, the analysis time an LRU cache of that size adds per article over an unbounded one: the
extra misses (from LRU stack distances: an access hits a cache of size S when fewer than S other keys were used
since its key's last use) times the miss cost. The times are inflated by tracemalloc (about 4x); compare them
with the run's own ms/article. ``kronika/caches.py`` chose its bound from this.
"""

from __future__ import annotations

import argparse
import functools
import gc
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
BSNLP = ROOT.parent / "shared" / "data" / "bsnlp-pl"
_lru_cache = functools.lru_cache


class Recorder:
    """Replaces ``functools.lru_cache``: large caches become unbounded, logging keys and timing misses."""

    def __init__(self):
        self.keys: dict[str, list[int]] = {}
        self.cost: dict[str, list] = {}
        self.caches: dict[str, functools._lru_cache_wrapper] = {}

    def __call__(self, maxsize=128, typed=False):
        if callable(maxsize):  # @lru_cache without arguments
            return _lru_cache(maxsize)
        if maxsize is None or maxsize < 4096:
            return _lru_cache(maxsize=maxsize, typed=typed)
        return self.instrument

    def instrument(self, function):
        name = getattr(function, "__qualname__", repr(function))
        keys, cost = self.keys.setdefault(name, []), self.cost.setdefault(name, [0.0, 0])

        def timed(*args, **kwargs):
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                cost[0] += time.process_time() - started
                cost[1] += 1

        cached = self.caches[name] = _lru_cache(maxsize=None)(timed)

        def front(*args, **kwargs):
            keys.append(hash(args))
            return cached(*args, **kwargs)

        front.cache_info, front.cache_clear = cached.cache_info, cached.cache_clear
        return functools.update_wrapper(front, function)

    def reset(self) -> None:
        for keys in self.keys.values():
            keys.clear()
        for cost in self.cost.values():
            cost[:] = [0.0, 0]


def stack_distances(keys: list[int]) -> np.ndarray:
    """Each access's LRU stack distance (distinct keys used since its key's last use); first uses are huge."""
    n, last, out = len(keys), {}, np.full(len(keys), np.iinfo(np.int64).max, dtype=np.int64)
    tree = [0] * (n + 1)  # a Fenwick tree marking the positions that are some key's latest use

    def add(i: int, value: int) -> None:
        i += 1
        while i <= n:
            tree[i] += value
            i += i & -i

    def prefix(i: int) -> int:
        total = 0
        while i > 0:
            total += tree[i]
            i -= i & -i
        return total

    for t, key in enumerate(keys):
        previous = last.get(key)
        if previous is not None:
            out[t] = prefix(t) - prefix(previous + 1)
            add(previous, -1)
        add(t, 1)
        last[key] = t
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=1103)
    parser.add_argument("--sizes", default="2000,5000,10000,20000,50000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    recorder = Recorder()
    functools.lru_cache = recorder
    sys.path.insert(0, str(ROOT))
    import kronika
    from bench.throughput import read_bsnlp

    docs = read_bsnlp(BSNLP, args.limit)
    if not docs:
        print(f"no BSNLP texts under {BSNLP}", file=sys.stderr)
        return 1
    kronika.analyze(docs[0].text, date=docs[0].date)  # loads everything; its keys are not counted
    recorder.reset()
    tracemalloc.start()
    started = time.process_time()
    for n, doc in enumerate(docs):
        kronika.analyze(doc.text, date=doc.date, id=f"bsnlp-{n}", title=doc.title)
    per_doc = (time.process_time() - started) * 1000 / len(docs)
    gc.collect()
    held = {}
    for name in sorted(recorder.caches, key=lambda name: -len(recorder.keys[name])):
        before = tracemalloc.get_traced_memory()[0]
        recorder.caches[name].cache_clear()
        gc.collect()
        held[name] = before - tracemalloc.get_traced_memory()[0]
    print(f"{len(docs)} articles, {per_doc:.0f} ms/article CPU under tracemalloc")
    print(
        "| cache | calls | distinct keys | µs/miss | MiB held | KiB/entry | "
        + " | ".join(f"+ms/article at {s:,}" for s in sizes)
        + " |"
    )
    print("|---|---:|---:|---:|---:|---:|" + "---:|" * len(sizes))
    for name, keys in sorted(recorder.keys.items(), key=lambda item: -len(item[1])):
        if not keys:
            continue
        distance = stack_distances(keys)
        distinct = int((distance == np.iinfo(np.int64).max).sum())
        spent, misses = recorder.cost[name]
        miss = spent / max(misses, 1)
        extra = [int((distance >= size).sum() - distinct) * miss * 1000 / len(docs) for size in sizes]
        print(
            f"| {name} | {len(keys):,} | {distinct:,} | {miss * 1e6:.0f} | {held[name] / 2**20:.1f} | "
            f"{held[name] / 1024 / max(distinct, 1):.2f} | " + " | ".join(f"{x:.2f}" for x in extra) + " |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

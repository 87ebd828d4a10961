"""HTTP API latency under concurrent clients (a benchmark, never a test).

Builds (or reuses, with --keep) a store of --events events the way ``bench/store.py`` does: the records the
full pipeline codes from ``examples/`` replayed with shifted dates and rotated participants. Then starts
``kronika serve`` in its own process on a free loopback port and runs --clients concurrent clients (asyncio
+ httpx, one connection each) over a fixed mix of API requests until --requests are done or --seconds have
passed, whichever comes first. Prints the 50th and 99th percentile latency per request kind and overall.
Loopback only: the server listens on 127.0.0.1 and the clients call nothing else.

The server keeps repeated GET responses until the store changes (``kronika serve --cache``). The single
client is measured both ways: "computed" requests carry a query parameter the API ignores, numbered so no
two URLs are alike, which makes every request a cache miss (the SQL and the JSON, every time); "repeated"
requests are the plain URLs after one miss. ``--unique`` does the same for the concurrent run, which then
measures the computing server; without it the concurrent run repeats the eight URLs, as many users looking
at the same pages do.

    .venv/bin/python bench/api_latency.py [--events 100000] [--clients 50] [--requests 5000] [--seconds 120]
                                          [--keep DIR] [--workers 1] [--cache 256] [--unique]
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import inspect
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kronika.store import Store

# The request mix: the web UI's and an API client's usual questions.
MIX = {
    "events (latest)": "/api/events?limit=50",
    "events --actor 'Kim Jong Un'": "/api/events?actor=Kim%20Jong%20Un&limit=50",
    "events quad_class=4 since 2020": "/api/events?quad_class=4&since=2020-01-01&limit=50",
    "events page 20": "/api/events?limit=50&offset=1000",
    "relations CHN PRK by month": "/api/relations?a=CHN&b=PRK&by=month",
    "entity Q56226": "/api/entities/Q56226",
    "articles search Pekin": "/api/articles?search=Pekin&limit=20",
    "article record": "/api/articles/{article}",
}


def _bench_store_module():
    spec = importlib.util.spec_from_file_location("bench_store", ROOT / "bench" / "store.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_events(db: Path, target: int) -> float:
    """bench/store.py's replay, into a store that skips story clustering (replays are not new stories)."""
    replay_bench = _bench_store_module()
    templates = [d for d in replay_bench.example_records() if d.events]
    for doc in templates:
        for event in doc.events:
            event.date = event.date if event.date and len(event.date) == 10 else doc.date
    options = {"stories": False} if "stories" in inspect.signature(Store).parameters else {}
    started = time.perf_counter()
    replay = 0
    with Store(db, **options) as store:
        events = 0
        while events < target:
            batch = []
            for _ in range(50):
                batch.extend(replay_bench.replayed(templates, replay, date(2000, 1, 1)))
                replay += 1
            store.add_many(batch)
            events = store.connection.execute("SELECT count(*) FROM events").fetchone()[0]
        store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.connection.execute("ANALYZE")
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(db: Path, port: int, workers: int = 1, cache: int | None = None) -> subprocess.Popen:
    options = ["--workers", str(workers)] if workers > 1 else []
    options += ["--cache", str(cache)] if cache is not None else []
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kronika",
            "serve",
            "--db",
            str(db),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            *options,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped: {server.stderr.read().decode()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start within 60 s")


async def load(base: str, paths: dict[str, str], clients: int, requests: int, seconds: float,
               unique: bool = False) -> tuple:
    """Latencies by request kind; with ``unique`` each URL gets a numbered ``_`` parameter (a cache miss)."""
    import httpx

    latencies: dict[str, list[float]] = {name: [] for name in paths}
    failures: list[str] = []
    kinds = list(paths)
    issued = 0
    deadline = time.perf_counter() + seconds

    async def client(number: int) -> None:
        nonlocal issued
        async with httpx.AsyncClient(base_url=base, timeout=60) as http:
            turn = number
            while issued < requests and time.perf_counter() < deadline:
                issued += 1
                name = kinds[turn % len(kinds)]
                turn += 1
                path = paths[name]
                if unique:
                    path += ("&" if "?" in path else "?") + f"_={issued}-{time.perf_counter_ns()}"
                started = time.perf_counter()
                answer = await http.get(path)
                elapsed = (time.perf_counter() - started) * 1000
                if answer.status_code != 200:
                    failures.append(f"{name}: {answer.status_code} {answer.text[:200]}")
                    continue
                latencies[name].append(elapsed)

    started = time.perf_counter()
    await asyncio.gather(*(client(n) for n in range(clients)))
    return latencies, failures, time.perf_counter() - started


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=5000, help="stop after this many requests")
    parser.add_argument("--seconds", type=float, default=120, help="or after this long")
    parser.add_argument("--keep", help="keep the store in this folder (and reuse it next time)")
    parser.add_argument("--workers", type=int, default=1, help="kronika serve --workers")
    parser.add_argument("--cache", type=int, help="kronika serve --cache (default: the server's)")
    parser.add_argument("--unique", action="store_true", help="concurrent clients never repeat a URL")
    args = parser.parse_args()

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="kronika-api-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    db = work / f"api-{args.events}.db"
    if not db.exists():
        seconds = build_events(db, args.events)
        print(f"built the store in {seconds:.0f} s", flush=True)
    with Store(db, create=False, read_only=True) as store:
        stats = store.stats().set_index("measure")["value"]
        article = store.articles(limit=1)["id"].iloc[0]
    print(
        f"store: {stats['events']:,} events, {stats['articles']:,} articles, {stats['actors']:,} actors, "
        f"{os.path.getsize(db) / 2**20:.0f} MiB",
        flush=True,
    )
    paths = {name: path.format(article=article) for name, path in MIX.items()}

    port = free_port()
    server = start_server(db, port, workers=args.workers, cache=args.cache)
    try:
        base = f"http://127.0.0.1:{port}"
        asyncio.run(load(base, paths, clients=4, requests=len(paths) * 4, seconds=30))  # warm the caches
        # One client alone: each request's own service time, without queueing behind the others.
        computed, _, _ = asyncio.run(load(base, paths, 1, len(paths) * 5, 60, unique=True))
        repeated, _, _ = asyncio.run(load(base, paths, 1, len(paths) * 5, 60))
        print("1 client, median of 5:           computed   repeated")
        for name in paths:
            if computed[name] and repeated[name]:
                print(f"  {name:36s} {statistics.median(computed[name]):7.1f} ms "
                      f"{statistics.median(repeated[name]):7.1f} ms")
        latencies, failures, wall = asyncio.run(
            load(base, paths, args.clients, args.requests, args.seconds, unique=args.unique)
        )
    finally:
        server.terminate()
        server.wait(10)
    done = sum(len(v) for v in latencies.values())
    print(
        f"{args.clients} concurrent clients ({'every URL new' if args.unique else 'repeated URLs'}, "
        f"{args.workers} server process(es)), {done} requests in {wall:.1f} s = {done / wall:.0f} requests/s, "
        f"{len(failures)} failed; load average {os.getloadavg()[0]:.1f}"
    )
    for name, values in latencies.items():
        if values:
            print(
                f"  {name:36s} p50 {percentile(values, 50):7.1f} ms  p99 {percentile(values, 99):7.1f} ms  "
                f"({len(values)} requests)"
            )
    every = [v for values in latencies.values() for v in values]
    if every:
        print(f"  {'all':36s} p50 {percentile(every, 50):7.1f} ms  p99 {percentile(every, 99):7.1f} ms")
    for failure in failures[:5]:
        print(f"  failed: {failure}")
    if not args.keep:
        for path in work.iterdir():
            path.unlink()
        work.rmdir()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

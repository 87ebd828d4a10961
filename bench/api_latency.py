"""HTTP API latency under concurrent clients (a benchmark, never a test).

Builds (or reuses, with --keep) a store of --events events the way ``bench/store.py`` does: the records the
full pipeline codes from ``examples/`` replayed with shifted dates and rotated participants, through the
store's own write path; with --scale N only 1/N of them, then copied N times in SQL (``scale_store``: the
write path's rows with new keys, so the schema and indexes are the same; 1,000,000 events in about 7 minutes
instead of 20). Then starts ``kronika serve`` in its own process on a free loopback port and runs --clients
concurrent clients (asyncio + httpx, or aiohttp with --client, one connection each) over every list endpoint and the usual single
pages (MIX) until --requests are done or --seconds have passed. Prints, per request kind, the median of one
client alone, the server's CPU time per request of that client (``cpu``: its threads' run time from /proc,
which the machine's load inflates far less than a latency), and the p50, p95 and p99 latency and requests/s
under the concurrent load, with the server's and the clients' CPU time per request over that run (the clients
share the server's cores). --before DIR first
measures the server of another tree (a copy of main) on the same store, then this tree's (which migrates
the store first), and prints the ratio of the p99s: both in one run, as the shared machine's load moves;
--rounds N repeats the pair N times, the order alternated. Each concurrent run also prints how many of the
clients' connections each server process holds and the p99 over the mean latency (by Little's law the mean
is the clients over the requests/s, which the load moves; the ratio is how evenly the server shares its time).
--in-process PASSES measures no server: the app of each tree called in its own process (``create_app`` as an
ASGI app, no sockets, no response cache), every URL new, the process's CPU per request by kind (the median
of 20), the trees' passes alternated: what a request costs before any queueing or HTTP, which a loaded
machine moves least (both trees must open the store's schema as it is).
Loopback only: the server listens on 127.0.0.1 and the clients call nothing else.

The server keeps repeated GET responses until the store changes (``kronika serve --cache``). The lone
client's requests carry a numbered query parameter the API ignores, which makes each a cache miss (the SQL
and the JSON, every time). ``--unique`` does the same for the concurrent run, which then measures the
computing server; without it the concurrent run repeats the URLs, as many users looking at the same pages do.

    .venv/bin/python bench/api_latency.py [--events 100000] [--scale 1] [--clients 50] [--requests 5000]
        [--seconds 120] [--keep DIR] [--workers 1] [--cache 256] [--unique] [--before DIR]
        [--client httpx|aiohttp] [--in-process PASSES] [--rounds N] [--serial MS]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib.util
import inspect
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kronika.store import Store  # noqa: E402

# The request mix: every list endpoint (events with filters and paging, actors, relations, stories, articles
# and entities, searches) and the usual single-item pages.
MIX = {
    "events (latest)": "/api/events?limit=50",
    "events --actor 'Kim Jong Un'": "/api/events?actor=Kim%20Jong%20Un&limit=50",
    "events quad_class=4 since 2020": "/api/events?quad_class=4&since=2020-01-01&limit=50",
    "events type=CONSULT country=CHN": "/api/events?type=CONSULT&country=CHN&limit=50",
    "events --recipient PRK 2010-2015": "/api/events?recipient=PRK&since=2010&until=2015&limit=50",
    "events text=Pekin": "/api/events?text=Pekin&limit=50",
    "events page 20": "/api/events?limit=50&offset=1000",
    "events page 2000 (deep)": "/api/events?limit=50&offset=100000",
    "events page 2000 by cursor": "/api/events?limit=50&cursor={deep_event}",
    "events 500 a page": "/api/events?limit=500",
    "relations CHN PRK by month": "/api/relations?a=CHN&b=PRK&by=month",
    "actors (most events)": "/api/actors?limit=50",
    "actors search kim": "/api/actors?search=kim&limit=50",
    "actors negated": "/api/actors?modality=negated&limit=50",
    "entities type PER": "/api/entities?type=PER&limit=50",
    "stories": "/api/stories?limit=50",
    "articles (latest)": "/api/articles?limit=50",
    "articles search Pekin": "/api/articles?search=Pekin&limit=20",
    "entity Q56226": "/api/entities/Q56226",
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


# A store --scale times larger, by SQL copies of the rows the write path stored: each copy's keys are moved
# past the base's largest and its ids get a "~copy" suffix, so the schema, the indexes and the value
# distributions are the write path's (the same dates, so each day holds --scale times the events). The
# copies' articles get no lemma rows (the contentless search index cannot be read back): a search matches
# the base's articles only. Claims and stories are not copied.
COPIES = {  # table: (the base rows, {column: expression for a copy})
    "articles": ("pk <= :articles", {"pk": "pk + :articles * :copy", "id": "id || '~' || :copy"}),
    "article_entities": ("article <= :articles", {"article": "article + :articles * :copy"}),
    "mentions": ("article <= :articles", {"article": "article + :articles * :copy"}),
    "timexes": ("article <= :articles", {"article": "article + :articles * :copy"}),
    "quotes": ("article <= :articles", {"article": "article + :articles * :copy"}),
    "amounts": ("article <= :articles", {"article": "article + :articles * :copy"}),
    "events": ("pk <= :events", {"pk": "pk + :events * :copy", "id": "id || '~' || :copy", "story": "NULL"}),
    "event_participants": ("event <= :events", {"event": "event + :events * :copy"}),
    "event_reports": (
        "pk <= :reports",
        {"pk": "pk + :reports * :copy", "event": "event + :events * :copy", "article": "article + :articles * :copy"},
    ),
    "dyads": ("event <= :events", {"event": "event + :events * :copy"}),
}
ACTOR_COUNTS = ("events", "as_actor", "as_recipient", "asserted_events", "asserted_as_actor", "asserted_as_recipient")


def scale_store(db: Path, factor: int) -> float:
    """Multiply a store's articles, events and reports ``factor`` times (see COPIES)."""
    import sqlite3

    started = time.perf_counter()
    connection = sqlite3.connect(db, isolation_level=None)
    tops = {
        name: connection.execute(f"SELECT max(pk) FROM {name}").fetchone()[0]
        for name in ("articles", "events", "event_reports")
    }
    keys = {"articles": tops["articles"], "events": tops["events"], "reports": tops["event_reports"]}
    connection.execute("BEGIN")
    for copy in range(1, factor):
        for table, (base, moved) in COPIES.items():
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
            chosen = ", ".join(moved.get(column, column) for column in columns)
            connection.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) SELECT {chosen} FROM {table} WHERE {base}",
                {**keys, "copy": copy},
            )
        print(f"  copy {copy} of {factor - 1}: {time.perf_counter() - started:.0f} s", flush=True)
    connection.execute("UPDATE actors SET " + ", ".join(f"{c} = {c} * {int(factor)}" for c in ACTOR_COUNTS))
    connection.execute("COMMIT")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.execute("ANALYZE")
    connection.close()
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(
    db: Path, port: int, workers: int = 1, cache: int | None = None, root: Path = ROOT, serial: int | None = None
) -> subprocess.Popen:
    """``kronika serve`` of the tree at ``root`` (``python -m`` imports the package of its working folder)."""
    options = ["--workers", str(workers)] if workers > 1 else []
    options += ["--cache", str(cache)] if cache is not None else []
    options += ["--serial", str(serial)] if serial is not None else []
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
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 600  # a new migration may build indexes first
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped: {server.stderr.read().decode()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start within 600 s")


async def load(
    base: str,
    paths: dict[str, str],
    clients: int,
    requests: int,
    seconds: float,
    unique: bool = False,
    client_kind: str = "httpx",
    clock=None,
) -> tuple:
    """Latencies by request kind; with ``unique`` each URL gets a numbered ``_`` parameter (a cache miss).
    ``clock``: the server's CPU nanoseconds (``server_clock``), read around each request (one client alone:
    then what the server spent on each request) into the fourth value returned, ms by request kind."""
    latencies: dict[str, list[float]] = {name: [] for name in paths}
    spent: dict[str, list[float]] = {name: [] for name in paths}
    failures: list[str] = []
    kinds = list(paths)
    issued = 0
    deadline = time.perf_counter() + seconds

    async def client(number: int) -> None:
        nonlocal issued
        async with _session(client_kind, base) as get:
            turn = number
            while issued < requests and time.perf_counter() < deadline:
                issued += 1
                name = kinds[turn % len(kinds)]
                turn += 1
                path = paths[name]
                if unique:
                    path += ("&" if "?" in path else "?") + f"_={issued}-{time.perf_counter_ns()}"
                used = clock() if clock else 0
                started = time.perf_counter()
                status, body = await get(path)
                elapsed = (time.perf_counter() - started) * 1000
                if clock:
                    spent[name].append((clock() - used) / 1e6)
                if status != 200:
                    failures.append(f"{name}: {status} {body[:200]!r}")
                    continue
                latencies[name].append(elapsed)

    started = time.perf_counter()
    await asyncio.gather(*(client(n) for n in range(clients)))
    return latencies, failures, time.perf_counter() - started, spent


@contextlib.asynccontextmanager
async def _session(kind: str, base: str):
    """One client's connection as ``get(path) -> (status, body)``: httpx (as the API's own tests use) or
    aiohttp, whose client costs less CPU per request, which matters when the clients share the server's cores."""
    if kind == "aiohttp":
        import aiohttp

        connector = aiohttp.TCPConnector(limit=1)  # one connection per client, as with httpx
        timeout = aiohttp.ClientTimeout(total=60)
        async with aiohttp.ClientSession(base, connector=connector, timeout=timeout) as http:

            async def get(path: str) -> tuple[int, bytes]:
                async with http.get(path) as answer:
                    return answer.status, await answer.read()

            yield get
        return
    import httpx

    async with httpx.AsyncClient(base_url=base, timeout=60) as http:

        async def get(path: str) -> tuple[int, bytes]:
            answer = await http.get(path)
            return answer.status_code, answer.content

        yield get


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def store_size(db: Path) -> tuple[str, dict]:
    """Counted with sqlite3 directly: opening a Store would migrate the file before the baseline ran."""
    import sqlite3

    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        counts = {
            t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("events", "articles", "actors")
        }
        article = connection.execute("SELECT id FROM articles ORDER BY pk LIMIT 1").fetchone()[0]
        # The last event of page 2,000 of the latest asserted events: page 2,001 by cursor starts after it.
        deep = connection.execute(
            "SELECT id FROM events WHERE modality = 'asserted' ORDER BY date DESC, pk DESC LIMIT 1 OFFSET 99999"
        ).fetchone()
    return (
        f"store: {counts['events']:,} events, {counts['articles']:,} articles, {counts['actors']:,} actors, "
        f"{os.path.getsize(db) / 2**20:.0f} MiB"
    ), {"article": article, "deep_event": (deep or [""])[0]}


def build(db: Path, events: int, scale: int) -> None:
    """The store of ``events`` events: the write path's replay, or 1/``scale`` of it copied ``scale`` times."""
    if db.exists():
        return
    if scale <= 1:
        print(f"built the store in {build_events(db, events):.0f} s", flush=True)
        return
    base = db.with_name(f"api-{events // scale}.db")
    build(base, events // scale, 1)
    import shutil

    partial = db.with_suffix(".partial")
    shutil.copyfile(base, partial)
    print(f"scaled the store {scale} times in {scale_store(partial, scale):.0f} s", flush=True)
    partial.rename(db)


def migrate(db: Path, root: Path) -> float:
    """Open the store read-write once with the tree at ``root``, so the server starts on a migrated file."""
    started = time.perf_counter()
    code = f"from kronika.store import Store\nwith Store({str(db)!r}, create=False): pass"
    subprocess.run([sys.executable, "-c", code], cwd=root, check=True)
    return time.perf_counter() - started


def server_cpu(pid: int) -> float:
    """CPU seconds (user + system) the server process and its live children (``--workers``) have used: read
    from /proc, so 0 where there is none. The clients share the cores, so this is the server's own cost."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(stat.parent.name) == pid or int(fields[1]) == pid:  # fields[1]: the parent's pid
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def listening_inode(port: int) -> str | None:
    """The inode of the socket listening on loopback ``port`` (/proc/net/tcp: state 0A is LISTEN)."""
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[1].endswith(f":{port:04X}") and fields[3] == "0A":
            return fields[9]
    return None


def accepting(pid: int, inode: str) -> bool:
    """Whether process ``pid`` waits for connections on the socket ``inode``: one of its epoll descriptors
    watches the descriptor it holds that socket by (/proc's fdinfo lists each watched one as ``tfd``)."""
    held, epolls = set(), []
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        with contextlib.suppress(OSError):
            target = os.readlink(fd)
            if target == f"socket:[{inode}]":
                held.add(fd.name)
            elif target == "anon_inode:[eventpoll]":
                epolls.append(fd.name)
    for epoll in epolls:
        with contextlib.suppress(OSError):
            watched = {
                line.split()[1]
                for line in Path(f"/proc/{pid}/fdinfo/{epoll}").read_text().splitlines()
                if line.startswith("tfd:")
            }
            if watched & held:
                return True
    return False


def wait_until_serving(server: subprocess.Popen, port: int, workers: int, seconds: float = 600) -> None:
    """Until every server process accepts connections: the parent's socket takes them from the start, and
    under load a worker can take many seconds to load, in which the others would take every client's
    connection (keep-alive connections stay where they were accepted for the whole run)."""
    inode, deadline = listening_inode(port), time.monotonic() + seconds
    while inode and time.monotonic() < deadline:
        processes = [p for p in server_pids(server.pid)[1:] if "resource_tracker" not in _cmdline(p)]
        processes = processes if workers > 1 else [server.pid]
        if len(processes) >= workers and all(accepting(p, inode) for p in processes):
            return
        time.sleep(0.2)


def connections_by_process(pids: list[int], port: int) -> list[int]:
    """How many established connections to ``port`` each of ``pids`` holds (/proc/net/tcp's state 01, and
    the sockets each process's descriptors name): the workers' shares of the clients."""
    inodes = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[1].endswith(f":{port:04X}") and fields[3] == "01":
            inodes.add(f"socket:[{fields[9]}]")
    counts = []
    for pid in pids:
        held = 0
        with contextlib.suppress(OSError):
            for fd in Path(f"/proc/{pid}/fd").iterdir():
                with contextlib.suppress(OSError):
                    held += os.readlink(fd) in inodes
        counts.append(held)
    return counts


def _cmdline(pid: int) -> str:
    with contextlib.suppress(OSError):
        return Path(f"/proc/{pid}/cmdline").read_text()
    return ""


def server_pids(pid: int) -> list[int]:
    """The server process and its children (the ``--workers`` processes)."""
    found = [pid]
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError):
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
    return found


def server_clock(pids: list[int]) -> int:
    """CPU nanoseconds the threads of ``pids`` have run: /proc's schedstat, exact where the clock ticks of
    ``server_cpu`` are 10 ms (a request costs a few). Threads that ended are not counted: for a lone client's
    requests one after the other, whose worker threads stay."""
    total = 0
    for pid in pids:
        for task in Path(f"/proc/{pid}/task").glob("*/schedstat"):
            with contextlib.suppress(OSError, ValueError):
                total += int(task.read_text().split()[0])
    return total


# One pass of --in-process, run by ``python -c`` in the tree's folder (so its kronika is imported): each kind's
# URLs, new each time, called on the app as an ASGI app; the median CPU ms per kind printed as JSON.
IN_PROCESS = """
import asyncio, json, statistics, sys, time
from kronika.api import create_app

db, paths, tag = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
app = create_app(db, cache_size=0)


async def call(path, query):
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": query.encode(), "root_path": "",
             "headers": [(b"host", b"bench")], "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80), "state": {}}

    async def receive():
        await asyncio.sleep(3600)

    async def send(message):
        pass

    await app(scope, receive, send)


async def main():
    for startup in app.router.on_startup:
        startup()
    medians = {}
    for name, url in paths.items():
        path, _, query = url.partition("?")
        for number in range(3):  # the connection's pages and the process's caches
            await call(path, query + f"&_=warm{tag}{number}")
        spent = []
        for number in range(20):
            started = time.process_time()
            await call(path, query + f"&_={tag}{number}")
            spent.append((time.process_time() - started) * 1000)
        medians[name] = statistics.median(spent)
    print(json.dumps(medians))


asyncio.run(main())
"""


def in_process(db: Path, trees: dict[str, Path], paths: dict[str, str], passes: int) -> dict[str, dict]:
    """Each tree's CPU ms per request by kind (the median of its passes' medians), the trees alternated."""
    found: dict[str, dict[str, list[float]]] = {label: {} for label in trees}
    for number in range(passes):
        for label in list(trees) if number % 2 == 0 else list(trees)[::-1]:
            done = subprocess.run(
                [sys.executable, "-c", IN_PROCESS, str(db), json.dumps(paths), f"{number}{label}"],
                cwd=trees[label],
                check=True,
                capture_output=True,
                text=True,
            )
            for name, spent in json.loads(done.stdout).items():
                found[label].setdefault(name, []).append(spent)
    return {label: {name: statistics.median(v) for name, v in kinds.items()} for label, kinds in found.items()}


def report_in_process(found: dict[str, dict], passes: int) -> None:
    labels = list(found)
    print(
        f"\nserver CPU per request in the process, ms (median of {passes} passes' medians of 20 new URLs; load "
        f"{os.getloadavg()[0]:.1f})"
    )
    print(
        f"  {'request':36s}" + "".join(f" {label:>10s}" for label in labels) + ("   ratio" if len(labels) > 1 else "")
    )
    names = [name for name in found[labels[-1]]]
    for name in [*names, "mean of the kinds"]:
        values = [
            statistics.mean(found[label].values()) if name.startswith("mean") else found[label].get(name)
            for label in labels
        ]
        line = f"  {name:36s}" + "".join(f" {v:10.2f}" if v is not None else f" {'-':>10s}" for v in values)
        if len(labels) > 1 and None not in values:
            line += f"   {values[-1] / values[0]:5.2f}"
        print(line)


def measure(db: Path, root: Path, paths: dict[str, str], args) -> dict:
    """One server of the tree at ``root``: the lone client's medians, then the concurrent run (with the
    server's CPU time over it)."""
    port = free_port()
    serial = args.serial if root == ROOT else None  # an option this tree has
    server = start_server(db, port, workers=args.workers, cache=args.cache, root=root, serial=serial)
    try:
        wait_until_serving(server, port, args.workers)
        base = f"http://127.0.0.1:{port}"
        kind = args.client
        asyncio.run(load(base, paths, 4, len(paths) * 2, 60, client_kind=kind))  # warm the caches
        # One client alone: each request's own service time and server CPU, without queueing behind the others.
        pids = server_pids(server.pid)
        computed, _, _, spent = asyncio.run(
            load(base, paths, 1, len(paths) * 5, 120, unique=True, client_kind=kind, clock=lambda: server_clock(pids))
        )
        cpu, clients_cpu = server_cpu(server.pid), time.process_time()
        workers = [p for p in server_pids(server.pid)[1:] if "resource_tracker" not in _cmdline(p)] or [server.pid]
        split: list[int] = []  # the clients' connections by server process, 2 s into the run (all open by then)
        sampler = threading.Timer(2.0, lambda: split.extend(connections_by_process(workers, port)))
        sampler.start()
        latencies, failures, wall, _ = asyncio.run(
            load(base, paths, args.clients, args.requests, args.seconds, unique=args.unique, client_kind=kind)
        )
        sampler.cancel()
        cpu, clients_cpu = server_cpu(server.pid) - cpu, time.process_time() - clients_cpu
    finally:
        server.terminate()
        server.wait(10)
    return {
        "alone": computed,
        "alone_cpu": spent,
        "latencies": latencies,
        "failures": failures,
        "wall": wall,
        "load": os.getloadavg()[0],
        "cpu": cpu,
        "clients_cpu": clients_cpu,
        "split": split,
    }


def summary(values: list[float], wall: float) -> tuple[float, float, float, float]:
    return (percentile(values, 50), percentile(values, 95), percentile(values, 99), len(values) / wall)


def _mean_latency(result: dict) -> float:
    values = [v for vs in result["latencies"].values() for v in vs]
    return statistics.mean(values) if values else 0.0


def _tail(result: dict) -> float:
    """The p99 over the mean latency: by Little's law the mean is the clients over the requests/s, which the
    machine's load moves; how far the tail stands above it is how evenly the server shares its time."""
    values = [v for vs in result["latencies"].values() for v in vs]
    return percentile(values, 99) / statistics.mean(values) if len(values) > 1 else 0.0


def report(label: str, result: dict, args, before: dict | None = None) -> None:
    done = sum(len(v) for v in result["latencies"].values())
    wall = result["wall"]
    print(
        f"\n{label}: {args.clients} concurrent clients ({'every URL new' if args.unique else 'repeated URLs'}, "
        f"{args.workers} server process(es), {args.client} clients), {done} requests in {wall:.1f} s = {done / wall:.0f} requests/s, "
        f"{len(result['failures'])} failed; load average {result['load']:.1f}; "
        f"server CPU {1000 * result['cpu'] / max(done, 1):.2f} ms per request, the clients' "
        f"{1000 * result['clients_cpu'] / max(done, 1):.2f} ms; the clients' connections by server process "
        f"{'/'.join(map(str, result['split'])) or '-'}; mean latency {_mean_latency(result):.0f} ms, the p99 "
        f"{_tail(result):.2f} times it; one client alone: "
        f"server CPU {statistics.mean(statistics.median(v) for v in result['alone_cpu'].values() if v):.2f} ms "
        "per request (mean of the kinds' medians)"
    )
    print(
        f"  {'request':36s} {'alone':>8s} {'cpu':>8s} {'p50':>8s} {'p95':>8s} {'p99':>8s} {'req/s':>6s}"
        + ("   p99 before/after" if before else "")
    )
    rows = [*result["latencies"].items(), ("all", [v for vs in result["latencies"].values() for v in vs])]
    for name, values in rows:
        if not values:
            continue
        alone = result["alone"].get(name) or [v for vs in result["alone"].values() for v in vs]
        spent = result["alone_cpu"].get(name) or [v for vs in result["alone_cpu"].values() for v in vs]
        p50, p95, p99, rate = summary(values, wall)
        line = f"  {name:36s} {statistics.median(alone):6.1f}ms {statistics.median(spent):6.2f}ms {p50:6.1f}ms {p95:6.1f}ms {p99:6.1f}ms {rate:6.1f}"
        if before:
            old = before["latencies"].get(name) or [v for vs in before["latencies"].values() for v in vs]
            if old:
                line += f"   {percentile(old, 99) / p99:5.1f}x"
        print(line)
    for failure in result["failures"][:5]:
        print(f"  failed: {failure}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument(
        "--scale", type=int, default=1, help="build 1/SCALE of the events by the write path, then copy them SCALE times"
    )
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=5000, help="stop after this many requests")
    parser.add_argument("--seconds", type=float, default=120, help="or after this long")
    parser.add_argument("--keep", help="keep the store in this folder (and reuse it next time)")
    parser.add_argument("--workers", type=int, default=1, help="kronika serve --workers")
    parser.add_argument("--cache", type=int, help="kronika serve --cache (default: the server's)")
    parser.add_argument("--unique", action="store_true", help="concurrent clients never repeat a URL")
    parser.add_argument(
        "--client",
        choices=("httpx", "aiohttp"),
        default="httpx",
        help="the clients' HTTP library (aiohttp needs `pip install -e .[bench]`)",
    )
    parser.add_argument(
        "--in-process",
        type=int,
        metavar="PASSES",
        help="no server: each tree's app called in its own process, CPU per request by kind, PASSES alternated",
    )
    parser.add_argument(
        "--before",
        help="first measure the server of this tree (e.g. a `git worktree` of "
        "main), then this one, and print the ratio of their p99s",
    )
    parser.add_argument(
        "--serial", type=int, metavar="MS", help="kronika serve --serial MS for this tree's server (not --before's)"
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="with --before: this many pairs of runs, the trees' order alternated (both must open the store's schema)",
    )
    args = parser.parse_args()

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="kronika-api-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    db = work / f"api-{args.events}.db"
    build(db, args.events, args.scale)
    described, keys = store_size(db)
    print(described, flush=True)
    print(f"clients: {args.client}", flush=True)
    paths = {name: path.format(**keys) for name, path in MIX.items()}
    if args.in_process:
        trees = {"before": Path(args.before).resolve()} if args.before else {}
        trees["this tree"] = ROOT
        report_in_process(in_process(db, trees, paths, args.in_process), args.in_process)
        return 0
    before = None
    if args.before:  # a tree before keyset paging ignores the cursor (and answers the first page): left out
        older = {name: path for name, path in paths.items() if "cursor=" not in path}
        before = measure(db, Path(args.before).resolve(), older, args)
        report(f"before ({args.before})", before, args)
    print(f"opening the store with this tree (its migrations) took {migrate(db, ROOT):.1f} s", flush=True)
    after = measure(db, ROOT, paths, args)
    report("this tree", after, args, before)
    for number in range(1, args.rounds if args.before else 1):  # further pairs, the order alternated
        for label in ("this tree", "before") if number % 2 else ("before", "this tree"):
            tree, asked = (ROOT, paths) if label == "this tree" else (Path(args.before).resolve(), older)
            result = measure(db, tree, asked, args)
            report(f"{label} (round {number + 1})", result, args)
            after = result if label == "this tree" else after
    if not args.keep:
        for path in work.iterdir():
            path.unlink()
        work.rmdir()
    return 1 if after["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())

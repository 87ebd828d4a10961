"""Memory of a long `kronika watch` run: does the resident size stay flat round after round?

    .venv/bin/python bench/watch_soak.py [--minutes 120] [--every 2s] [--new 3]

A local feed server (127.0.0.1, a thread) serves one RSS feed that gains ``--new`` entries every time it is
fetched (the examples' whole texts as `content:encoded`, each with a sentence that makes it a new article), so every round fetches,
analyses and stores. `kronika watch` runs as its own process at ``--every``; its resident memory (VmRSS from
/proc) and the store's article count are sampled every few seconds. The summary compares the mean RSS of the
run's last quarter with that of its second quarter (after warm-up): a ratio near 1.0 is flat memory. The
issue asks for two hours; shorter runs are a smoke test of the same loop.
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
KEEP = 30  # entries the feed shows at once, as a news feed keeps its latest


class GrowingFeed:
    """An RSS feed that gains ``new`` entries per fetch, built from the examples' texts."""

    def __init__(self, new: int):
        self.texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
        self.new, self.count, self.lock = new, 0, threading.Lock()

    def body(self) -> bytes:
        with self.lock:
            self.count += self.new
            first = max(0, self.count - KEEP)
            items = "".join(self.item(n) for n in range(first, self.count))
        return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>soak</title>'
                f"<link>http://127.0.0.1/</link><description>soak</description>{items}</channel></rss>").encode()

    def item(self, n: int) -> str:
        text = self.texts[n % len(self.texts)] + f"\n\nWydanie numer {n} serwisu."
        return (f"<item><title>Wpis {n}</title><link>http://127.0.0.1/a/{n}</link><guid>soak-{n}</guid>"
                f"<pubDate>{formatdate(time.time())}</pubDate><content:encoded>{escape(text)}</content:encoded></item>")


def serve(feed: GrowingFeed) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            data = feed.body()
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def rss_mib(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def articles(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=120.0)
    parser.add_argument("--every", default="2s")
    parser.add_argument("--new", type=int, default=3, help="entries the feed gains per fetch")
    parser.add_argument("--sample", type=float, default=5.0, help="seconds between memory samples")
    args = parser.parse_args()
    server = serve(GrowingFeed(args.new))
    with tempfile.TemporaryDirectory() as tmp:
        sources, db = Path(tmp) / "feeds.txt", Path(tmp) / "soak.db"
        sources.write_text(f"http://127.0.0.1:{server.server_port}/feed.xml\n", encoding="utf-8")
        watch = subprocess.Popen([sys.executable, "-m", "kronika", "watch", str(sources), "--db", str(db),
                                  "--every", args.every, "--lang", "pl"], cwd=ROOT,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples, started = [], time.monotonic()
        try:
            while time.monotonic() - started < args.minutes * 60 and watch.poll() is None:
                time.sleep(args.sample)
                rss = rss_mib(watch.pid)
                if rss is not None:
                    samples.append((time.monotonic() - started, rss, articles(db)))
        finally:
            watch.terminate()
            watch.wait(timeout=30)
            server.shutdown()
    return report(samples, watch.returncode)


def report(samples: list[tuple[float, float, int]], code: int | None) -> int:
    if len(samples) < 4:
        print(f"too few samples ({len(samples)}); watch exited with {code}")
        return 1
    quarter = len(samples) // 4
    second = [rss for _, rss, _ in samples[quarter:2 * quarter]]
    last = [rss for _, rss, _ in samples[-quarter:]]
    step = max(1, len(samples) // 10)
    print("| minute | RSS MiB | articles stored |\n|---|---|---|")
    for seconds, rss, stored in samples[::step] + [samples[-1]]:
        print(f"| {seconds / 60:.1f} | {rss:.0f} | {stored} |")
    ratio = (sum(last) / len(last)) / (sum(second) / len(second))
    print(f"peak {max(r for _, r, _ in samples):.0f} MiB; mean RSS last quarter / second quarter: {ratio:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

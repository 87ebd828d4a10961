"""Memory of a long `kronika watch` run: does the resident size stay flat round after round?

    .venv/bin/python bench/watch_soak.py [--minutes 120] [--every 2s] [--new 3] [--texts bsnlp|examples] [--log TSV]
    .venv/bin/python bench/watch_soak.py --report TSV [--minutes 25]     # the summary of a log, so far

A local feed server (127.0.0.1, a thread) serves one RSS feed that gains ``--new`` entries every time it is
fetched (whole texts as `content:encoded`, each with a sentence that makes it a new article), so every round
fetches, analyses and stores. The texts are the BSNLP Polish news of ``../shared/data/bsnlp-pl`` (1,098
articles, read from there, never copied; the examples when it is absent): a real feed brings new words and
names with every article, and the per-word caches must stay bounded under that, which five texts repeated
would never show. `kronika watch` runs as its own process at ``--every``; its resident memory (VmRSS from
/proc), the store's article count and the store's size are sampled every few seconds. The summary compares
the mean RSS of the run's last quarter with that of its second quarter (after warm-up), as a ratio (near 1.0
is flat) and as KiB per article stored in between. SQLite's page cache (64 MiB, ``kronika/store/sql/connection.py``)
fills as the store grows, so it is part of the warm-up until the store is larger than that. The issue asks
for two hours; shorter runs are a smoke test of the same loop.
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from statistics import mean
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
BSNLP = ROOT.parent / "shared" / "data" / "bsnlp-pl"
KEEP = 30  # entries the feed shows at once, as a news feed keeps its latest


class GrowingFeed:
    """An RSS feed that gains ``new`` entries per fetch, built from ``texts`` in turn."""

    def __init__(self, new: int, texts: list[str]):
        self.texts = texts
        self.new, self.count, self.lock = new, 0, threading.Lock()

    def body(self) -> bytes:
        with self.lock:
            self.count += self.new
            first = max(0, self.count - KEEP)
            items = "".join(self.item(n) for n in range(first, self.count))
        return (
            f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>soak</title>'
            f"<link>http://127.0.0.1/</link><description>soak</description>{items}</channel></rss>"
        ).encode()

    def item(self, n: int) -> str:
        text = self.texts[n % len(self.texts)] + f"\n\nWydanie numer {n} serwisu."
        return (
            f"<item><title>Wpis {n}</title><link>http://127.0.0.1/a/{n}</link><guid>soak-{n}</guid>"
            f"<pubDate>{formatdate(time.time())}</pubDate><content:encoded>{escape(text)}</content:encoded></item>"
        )


def soak_texts(which: str) -> list[str]:
    """The BSNLP news bodies (``which`` "bsnlp", when the shared data is there), else the examples' texts."""
    if which == "bsnlp" and BSNLP.is_dir():
        sys.path.insert(0, str(ROOT))
        from bench.throughput import read_bsnlp

        return [doc.text for doc in read_bsnlp(BSNLP, None)]
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]


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


def store_mib(db: Path) -> float:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 2**20


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
    parser.add_argument(
        "--texts",
        choices=("bsnlp", "examples"),
        default="bsnlp",
        help="the feed's texts: BSNLP news (when ../shared/data has them) or the five examples",
    )
    parser.add_argument(
        "--log",
        type=Path,
        help="also write every sample here as it is taken (TSV: seconds, RSS MiB, articles stored, store MiB)",
    )
    parser.add_argument(
        "--report",
        type=Path,
        metavar="TSV",
        help="no run: the summary of a --log written so far "
        "(its first --minutes only, so a long run's log also gives a shorter run's result)",
    )
    args = parser.parse_args()
    if args.report:
        rows = [tuple(float(v) for v in line.split("\t")) for line in args.report.read_text().splitlines() if line]
        return report([(t, rss, int(n), size) for t, rss, n, size in rows if t <= args.minutes * 60], None)
    texts = soak_texts(args.texts)
    print(f"soak: {len(texts)} texts, a round every {args.every}, {args.minutes:g} minutes", flush=True)
    server = serve(GrowingFeed(args.new, texts))
    with tempfile.TemporaryDirectory() as tmp:
        sources, db = Path(tmp) / "feeds.txt", Path(tmp) / "soak.db"
        sources.write_text(f"http://127.0.0.1:{server.server_port}/feed.xml\n", encoding="utf-8")
        watch = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kronika",
                "watch",
                str(sources),
                "--db",
                str(db),
                "--every",
                args.every,
                "--lang",
                "pl",
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        samples, started = [], time.monotonic()
        try:
            while time.monotonic() - started < args.minutes * 60 and watch.poll() is None:
                time.sleep(args.sample)
                rss = rss_mib(watch.pid)
                if rss is not None:
                    samples.append((time.monotonic() - started, rss, articles(db), store_mib(db)))
                    if args.log:
                        with args.log.open("a", encoding="utf-8") as log:
                            log.write("\t".join(f"{v:.1f}" for v in samples[-1]) + "\n")
        finally:
            watch.terminate()
            watch.wait(timeout=30)
            server.shutdown()
    return report(samples, watch.returncode)


def report(samples: list[tuple[float, float, int, float]], code: int | None) -> int:
    if len(samples) < 4:
        print(f"too few samples ({len(samples)}); watch exited with {code}")
        return 1
    quarter = len(samples) // 4
    second, last = samples[quarter : 2 * quarter], samples[-quarter:]
    step = max(1, len(samples) // 10)
    print("| minute | RSS MiB | articles stored | store MiB |\n|---|---|---|---|")
    for seconds, rss, stored, size in samples[::step] + [samples[-1]]:
        print(f"| {seconds / 60:.1f} | {rss:.0f} | {stored} | {size:.0f} |")
    ratio = mean(s[1] for s in last) / mean(s[1] for s in second)
    stored = mean(s[2] for s in last) - mean(s[2] for s in second)
    growth = (mean(s[1] for s in last) - mean(s[1] for s in second)) * 1024 / stored if stored else float("nan")
    print(
        f"peak {max(s[1] for s in samples):.0f} MiB; mean RSS last quarter / second quarter: {ratio:.3f}; "
        f"{growth:+.1f} KiB per article stored in between ({stored:.0f} articles)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

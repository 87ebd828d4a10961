"""kill -9 in the middle of a watch round, then a restart: every entry stored exactly once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import feed_server as fs
from conftest import ROOT

TOTAL = 60


def count(db, table: str = "articles", where: str = "") -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return connection.execute(f"SELECT count(*) FROM {table} {where}").fetchone()[0]
    except sqlite3.Error:
        return 0  # not created yet


def test_kill_9_then_restart_stores_every_entry_once(tmp_path):
    db, sources = tmp_path / "k.db", tmp_path / "feeds.txt"
    with fs.FeedServer() as server:
        articles = [
            (
                f"{server.base}/a/{i}",
                f"2025-09-{1 + i % 28:02d}",
                f"Wiadomość {i}",
                f"Kim Dzong Un spotkał się z Xi Jinpingiem w Pekinie po raz {i}. Władimir Putin przyjechał "
                f"do Tiencina na szczyt numer {i}.",
            )
            for i in range(TOTAL)
        ]
        server.routes["/many.rss"] = (200, "application/rss+xml", fs.rss_of(server.base, articles))
        sources.write_text(f"{server.base}/many.rss\n", encoding="utf-8")
        command = [
            sys.executable,
            "-m",
            "kronika",
            "watch",
            str(sources),
            "--db",
            str(db),
            "--once",
            "--batch-size",
            "2",
        ]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=tmp_path)
        deadline = time.monotonic() + 180
        while count(db) < 4 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
        process.wait()
        stored = count(db)
        assert 4 <= stored < TOTAL, "the round must be killed in the middle for this test to mean anything"
        assert count(db, "watch_entries") == 0  # entries are remembered after the articles are committed

        rerun = subprocess.run(command, env=env, capture_output=True, text=True, cwd=tmp_path, timeout=600)
        assert rerun.returncode == 0, rerun.stderr
        assert f"{TOTAL - stored} article(s) stored, {stored} already stored" in rerun.stderr
        again = subprocess.run(command, env=env, capture_output=True, text=True, cwd=tmp_path, timeout=600)
        assert "0 new entr(ies)" in again.stderr and "1 unchanged (304)" in again.stderr, again.stderr
    with sqlite3.connect(db) as connection:
        ids = [row[0] for row in connection.execute("SELECT id FROM articles")]
        assert len(ids) == len(set(ids)) == TOTAL
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert count(db, "watch_entries", "WHERE status = 'stored'") == TOTAL

"""The server under a store that changes and a store that breaks: a running ``kronika serve`` sees every
ingest that other processes commit, and its error bodies never say where the store lives."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager

import httpx
from fastapi.testclient import TestClient
from store import store_records

from kronika.api import create_app
from kronika.store import Store
from conftest import ROOT

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

# Two ingests, each of articles the store has not seen (each line one article, dateline first).
INGESTS = [
    [
        " date 2025-10-01 Premier Donald Tusk spotkał się w środę w Warszawie z prezydentem Francji.",
        " date 2025-10-02 Minister spraw zagranicznych odwiedził w czwartek Kijów.",
    ],
    [
        " date 2025-10-03 Rząd Niemiec zapowiedział w piątek pomoc dla powodzian.",
        " date 2025-10-04 Prezydent Ukrainy rozmawiał w sobotę z premierem Kanady.",
    ],
]


def stored_ids(db) -> set[str]:
    connection = sqlite3.connect(db)
    try:
        return {row[0] for row in connection.execute("SELECT id FROM articles")}
    finally:
        connection.close()


@contextmanager
def serving(db):
    """A real ``kronika serve`` process on a free port; yields its base URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "kronika", "serve", "--db", str(db), "--port", str(port)],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while server.poll() is None and time.monotonic() < deadline:
            try:
                httpx.get(f"{base}/api/stats", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.3)
        assert server.poll() is None, server.stderr.read().decode()
        yield base
    finally:
        server.terminate()
        server.wait(20)


def test_running_server_sees_every_ingest(tmp_path):
    """Issue 19.1: after the second ingest a server used to keep the old counts and call new rows damaged
    (its own header check dropped SQLite's locks, so an ingest deleted the WAL under it)."""
    db = tmp_path / "kronika.db"
    with Store(db, stories=False) as store:
        store.add_many(store_records.ALL)
    with serving(db) as base:
        assert httpx.get(f"{base}/api/stats").json()["articles"] == len(store_records.ALL)
        for number, texts in enumerate(INGESTS):
            before = stored_ids(db)
            folder = tmp_path / f"ingest{number}"
            folder.mkdir()
            for i, text in enumerate(texts):
                (folder / f"{i}.txt").write_text(text + "\n", encoding="utf-8")
            run = subprocess.run(
                [sys.executable, "-m", "kronika", "ingest", str(folder), "--db", str(db)],
                env=ENV,
                cwd=tmp_path,
                capture_output=True,
                text=True,
                timeout=300,
            )
            assert run.returncode == 0, run.stderr
            now = stored_ids(db)
            assert len(now) == len(before) + len(texts)
            assert httpx.get(f"{base}/api/stats").json()["articles"] == len(now), f"stale after ingest {number}"
            for article_id in sorted(now - before):
                answer = httpx.get(f"{base}/api/articles/{article_id}")
                assert answer.status_code == 200, answer.text
    with Store(db, create=False) as store:
        assert store.integrity_problems() == []


def test_damaged_store_error_names_no_server_path(tmp_path):
    db = tmp_path / "kronika.db"
    with Store(db, stories=False) as store:
        store.add_many(store_records.ALL)
        store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with TestClient(create_app(db)) as client:
        size = db.stat().st_size
        with open(db, "r+b") as handle:  # everything after the header page becomes garbage
            handle.seek(4096)
            handle.write(b"\xa5" * (size - 4096))
        answers = [client.get(path) for path in ("/api/articles?search=Tusk", "/api/stats", "/articles")]
    for answer in answers:
        assert answer.status_code == 503, answer.text
        assert str(tmp_path) not in answer.text and "kronika.db" in answer.text
    assert answers[0].json()["error"]["code"] == "E502"

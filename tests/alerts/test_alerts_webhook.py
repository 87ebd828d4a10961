"""--alerts-webhook: each new alert POSTed as JSON to a local server; a failing webhook is one problem line."""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kronika.alerts import post_webhook

ALERTS = [
    {"id": "a1", "rule": "r", "day": "2025-09-04", "message": "CHN events on 2025-09-04: 9"},
    {"id": "a2", "rule": "r", "day": "2025-09-05", "message": "CHN events on 2025-09-05: 8"},
]


class Hook:
    def __init__(self, status: int):
        self.received: list[dict] = []
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                length = int(self.headers.get("Content-Length", 0))
                hook.received.append(json.loads(self.rfile.read(length)))
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/hook"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize("status, problems", [(200, 0), (204, 0), (500, 2), (None, 2)])
def test_webhook(status, problems):
    hook = Hook(status or 200)
    try:
        url = hook.url if status else f"http://127.0.0.1:{closed_port()}/hook"
        found = post_webhook(url, ALERTS, timeout=2)
    finally:
        hook.close()
    assert len(found) == problems and all("E952" in line and url in line for line in found)
    if status:
        assert [a["id"] for a in hook.received] == ["a1", "a2"]

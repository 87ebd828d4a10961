"""HTTP for `kronika watch`: conditional GET, a timeout for each step and for the whole body, a size cap
read as the body streams in, a bounded number of redirects, a clear User-Agent, and at most ``per_host``
requests at a time to one host (the others run in parallel).

A failure is an ``InputError`` naming the URL and what went wrong, never an exception out of a round.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from kronika import __version__
from kronika.errors import InputError

USER_AGENT = f"Kronika/{__version__} (kronika watch: a news chronicle reading public feeds)"
DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_BYTES = 5_000_000  # a feed or a page is ~1 MB at most; 50 MB is a mistake or an attack
DEFAULT_PER_HOST = 2
MAX_REDIRECTS = 5


@dataclass
class Fetched:
    url: str
    status: int  # 200 (a body) or 304 (not modified since the validators sent)
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class Request:
    url: str
    etag: str | None = None
    last_modified: str | None = None


class Fetcher:
    """One HTTP client shared by every request of a run (connections are reused between rounds)."""

    def __init__(
        self,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        max_bytes: int = DEFAULT_MAX_BYTES,
        per_host: int = DEFAULT_PER_HOST,
        workers: int = 8,
    ):
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.per_host = per_host
        self.workers = workers
        self.client = httpx.Client(
            timeout=timeout, follow_redirects=True, max_redirects=MAX_REDIRECTS, headers={"User-Agent": USER_AGENT}
        )
        self._hosts: dict[str, threading.Semaphore] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def get_many(self, requests: Iterable[Request]) -> list[Fetched | InputError]:
        """Every request's answer, in their order; fetched in parallel within the per-host limit."""
        requests = list(requests)
        if not requests:
            return []
        with ThreadPoolExecutor(min(self.workers, len(requests))) as pool:
            return list(pool.map(self.get, requests))

    def get(self, request: Request) -> Fetched | InputError:
        with self._host_slot(request.url):
            try:
                return self._get(request)
            except InputError as error:
                return error
            except httpx.TimeoutException:
                return InputError("E902", request.url, f"no answer within {self.timeout:g} s (timed out)")
            except httpx.TooManyRedirects:
                return InputError("E902", request.url, f"more than {MAX_REDIRECTS} redirects (a redirect loop?)")
            except httpx.HTTPError as error:
                return InputError("E902", request.url, f"cannot be fetched ({type(error).__name__}: {error})")

    def _get(self, request: Request) -> Fetched:
        headers = {}
        if request.etag:
            headers["If-None-Match"] = request.etag
        if request.last_modified:
            headers["If-Modified-Since"] = request.last_modified
        deadline = time.monotonic() + 3 * self.timeout  # a server dripping bytes must not hold a round
        with self.client.stream("GET", request.url, headers=headers) as response:
            if response.status_code == 304:
                return Fetched(request.url, 304, etag=request.etag, last_modified=request.last_modified)
            if response.status_code >= 400 or response.status_code < 200:
                raise InputError("E902", request.url, f"HTTP {response.status_code} {response.reason_phrase}")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.max_bytes:
                raise self._too_large(request.url, int(declared))
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > self.max_bytes:
                    raise self._too_large(request.url, len(body))
                if time.monotonic() > deadline:
                    raise InputError("E902", request.url, f"body still arriving after {3 * self.timeout:g} s; given up")
            return Fetched(
                request.url,
                response.status_code,
                bytes(body),
                response.headers.get("etag"),
                response.headers.get("last-modified"),
            )

    def _too_large(self, url: str, size: int) -> InputError:
        return InputError(
            "E903",
            url,
            f"body of {size:,} bytes or more is over the limit of {self.max_bytes:,} "
            "bytes (--max-bytes); not read further",
        )

    def _host_slot(self, url: str) -> threading.Semaphore:
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            slot = self._hosts.get(host)
            if slot is None:
                slot = self._hosts[host] = threading.Semaphore(self.per_host)
        return slot

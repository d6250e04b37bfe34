"""A stand-in catalog on 127.0.0.1, for tests, benchmarks and offline demonstrations.

It serves records in the recorded shapes of Crossref (``/works``, ``/works/{doi}``)
and Open Library (``/search.json``, ``/api/books``) from lists it is given, with a
fixed latency and Crossref's rate-limit headers, and it keeps the arrival time of
every request. Over the announced rate it answers 429, as the real services do.
Standard library only; it never listens beyond the loopback interface.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, NamedTuple
from urllib.parse import parse_qs, unquote, urlsplit

from bib.resolve.text import normal


class Limits(NamedTuple):
    requests: int = 10
    interval: float = 1.0
    concurrency: int = 3

    def headers(self) -> dict[str, str]:
        return {
            "x-rate-limit-limit": str(self.requests),
            "x-rate-limit-interval": f"{self.interval:g}s",
            "x-concurrency-limit": str(self.concurrency),
        }


@dataclass
class FakeCatalog:
    """``with FakeCatalog(crossref=[...], openlibrary=[...]) as server: server.url``."""

    crossref: Sequence[Mapping[str, Any]] = ()
    openlibrary: Sequence[Mapping[str, Any]] = ()
    latency: float = 0.05
    limits: Limits = field(default_factory=Limits)
    arrivals: list[float] = field(default_factory=list)  # monotonic arrival times
    paths: list[str] = field(default_factory=list)
    throttled: int = 0  # requests answered 429
    in_flight_peak: int = 0
    _in_flight: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _server: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        assert self._server is not None, "the server is not running"
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> FakeCatalog:
        handler = _handler_for(self)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeCatalog:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def max_in_window(self) -> int:
        """The most requests that arrived within any one announced interval."""
        times = sorted(self.arrivals)
        most, start = 0, 0
        for end, t in enumerate(times):
            while t - times[start] >= self.limits.interval:
                start += 1
            most = max(most, end - start + 1)
        return most

    # -- answering --------------------------------------------------------------

    def admit(self) -> bool:
        """Record an arrival; False when it exceeds the announced rate."""
        now = time.monotonic()
        with self._lock:
            recent = [t for t in self.arrivals if now - t < self.limits.interval]
            self.arrivals.append(now)
            self._in_flight += 1
            self.in_flight_peak = max(self.in_flight_peak, self._in_flight)
            if len(recent) >= self.limits.requests:
                self.throttled += 1
                return False
            return True

    def done(self) -> None:
        with self._lock:
            self._in_flight -= 1

    def answer(self, path: str, query: Mapping[str, list[str]]) -> tuple[int, str, bytes]:
        if path == "/works":
            return _json(_search_crossref(self.crossref, query))
        if path.startswith("/works/"):
            doi = unquote(path[len("/works/") :]).casefold()
            for item in self.crossref:
                if str(item.get("DOI", "")).casefold() == doi:
                    return _json({"status": "ok", "message-type": "work", "message": item})
            return 404, "text/plain", b"Resource not found."
        if path == "/search.json":
            return _json(_search_openlibrary(self.openlibrary, query))
        if path == "/api/books":
            return _json({})
        return 404, "text/plain", b"Not found."


def _json(payload: object) -> tuple[int, str, bytes]:
    return 200, "application/json", json.dumps(payload).encode("utf-8")


def _words(text: str) -> set[str]:
    return set(normal(text).split())


def _search_crossref(
    items: Sequence[Mapping[str, Any]], query: Mapping[str, list[str]]
) -> dict[str, object]:
    """Rank by words shared with the reference: a crude stand-in for Crossref's relevance."""
    wanted = _words(" ".join(query.get("query.bibliographic", [])))
    rows = int((query.get("rows") or ["20"])[0])
    ranked = []
    for item in items:
        words = _words(
            " ".join(
                [*item.get("title", []), *item.get("container-title", [])]
                + [a.get("family", "") for a in item.get("author", [])]
            )
        )
        shared = len(wanted & words)
        if shared >= 2:
            ranked.append((shared, {**item, "score": float(shared * 7.5)}))
    ranked.sort(key=lambda pair: -pair[0])
    found = [item for _, item in ranked[:rows]]
    message = {"total-results": len(found), "items": found, "items-per-page": rows}
    return {"status": "ok", "message-type": "work-list", "message": message}


def _search_openlibrary(
    docs: Sequence[Mapping[str, Any]], query: Mapping[str, list[str]]
) -> dict[str, object]:
    """Every word of the title, and the author's name, must appear (Solr's default AND)."""
    title = _words(" ".join(query.get("title", [])))
    author = _words(" ".join(query.get("author", [])))
    limit = int((query.get("limit") or ["20"])[0])
    found = []
    for doc in docs:
        words = _words(f"{doc.get('title', '')} {doc.get('subtitle', '')}")
        names = _words(" ".join(doc.get("author_name", [])))
        if title <= words and author <= names:
            found.append(doc)
    return {"numFound": len(found), "start": 0, "docs": found[:limit]}


def _handler_for(catalog: FakeCatalog) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            catalog.paths.append(self.path)
            admitted = catalog.admit()
            try:
                time.sleep(catalog.latency)
                if admitted:
                    status, kind, body = catalog.answer(parts.path, parse_qs(parts.query))
                else:
                    status, kind, body = 429, "text/plain", b"Too many requests."
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                for name, value in catalog.limits.headers().items():
                    self.send_header(name, value)
                if status == 429:
                    self.send_header("Retry-After", "1")
                self.end_headers()
                self.wfile.write(body)
            finally:
                catalog.done()

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the tests read the catalog's own records instead."""

    return Handler

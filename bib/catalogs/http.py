"""The network edge shared by every catalog: sessions, limits, retries, the cache.

A ``Fetcher`` is one catalog's ``JsonClient``. It wraps one ``requests.Session``
(a ``requests_cache.CachedSession`` in real runs) and

- answers from the cache first, so a warm run sends nothing and waits for no limiter;
- waits for its host's ``HostLimiter``: a sliding window of the announced rate and a
  bound on requests in flight, resized by every answer's ``x-rate-limit-limit``,
  ``x-rate-limit-interval`` and ``x-concurrency-limit``;
- retries 429 and 5xx with exponential backoff and jitter, honouring ``Retry-After``
  (and pausing the whole host meanwhile), inside the run's time budget;
- refuses redirects to another host, bodies over the size cap, HTML or malformed JSON,
  and truncated bodies: all of them, and timeouts and refused connections, raise
  ``CatalogUnavailable`` ("could not check"), never a verdict on the entry.

This module imports ``requests``: import it only when resolving.
"""

from __future__ import annotations

import json
import random
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import requests

from bib import __version__, patterns
from bib.catalogs.errors import CatalogUnavailable
from bib.catalogs.sources import RateLimit

# The window a limiter enforces is a little longer than announced, so that jitter
# between our clock and the server's never shows more than the limit in its window.
WINDOW_SAFETY = 1.05
RETRIES = 3
MAX_REDIRECTS = 3
# Consecutive connection failures after which a host counts as down for the run.
HOST_DOWN_AFTER = 3
RETRIED_STATUSES = frozenset({429, 500, 502, 503, 504})
_INTERVAL = patterns.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$")


def user_agent(mailto: str) -> str:
    """Who we are, for the catalogs' etiquette: the application, its version, a contact."""
    contact = f" (mailto:{mailto})" if mailto else ""
    return f"bibwarden/{__version__}{contact}"


def parse_announcement(headers: Mapping[str, str]) -> RateLimit | None:
    """The limits a server announces in its headers, or None when it announces none."""
    limit = headers.get("x-rate-limit-limit", "").strip()
    interval = _INTERVAL.match(headers.get("x-rate-limit-interval", "1s") or "1s")
    concurrency = headers.get("x-concurrency-limit", "").strip()
    if not limit.isdigit() or interval is None or int(limit) < 1:
        return None
    seconds = (
        float(interval.group(1)) * {"ms": 0.001, "s": 1.0, "m": 60.0, None: 1.0}[interval.group(2)]
    )
    slots = int(concurrency) if concurrency.isdigit() and int(concurrency) > 0 else 1
    return RateLimit(min(int(limit), 1000), max(seconds, 0.001), min(slots, 16))


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class BudgetExhausted(CatalogUnavailable):
    """The run's time budget ran out before this lookup could be made."""


@dataclass(slots=True)
class Budget:
    """A deadline shared by every lookup of one run."""

    seconds: float
    clock: Callable[[], float] = time.monotonic
    deadline: float = field(init=False)

    def __post_init__(self) -> None:
        self.deadline = self.clock() + self.seconds

    def remaining(self) -> float:
        return self.deadline - self.clock()


class HostLimiter:
    """Rate and concurrency for one host, shared by every thread and catalog using it."""

    def __init__(self, limit: RateLimit) -> None:
        self.limit = limit
        self.failures = 0
        self._cond = threading.Condition()
        self._sent: deque[float] = deque()
        self._active = 0
        self._paused_until = 0.0

    @property
    def down(self) -> bool:
        return self.failures >= HOST_DOWN_AFTER

    def acquire(self, budget: Budget) -> None:
        """Wait for a free slot within the announced rate, or raise ``BudgetExhausted``."""
        with self._cond:
            while True:
                if self.down:
                    raise CatalogUnavailable("the host stopped answering")
                now = time.monotonic()
                window = self.limit.interval * WINDOW_SAFETY
                while self._sent and self._sent[0] <= now - window:
                    self._sent.popleft()
                wait: float | None
                if now < self._paused_until:
                    wait = self._paused_until - now
                elif self._active >= self.limit.concurrency:
                    wait = None  # until a request in flight finishes
                elif len(self._sent) >= self.limit.requests:
                    wait = self._sent[0] + window - now
                else:
                    self._sent.append(now)
                    self._active += 1
                    return
                remaining = budget.remaining()
                if remaining <= 0 or (wait is not None and wait > remaining):
                    raise BudgetExhausted("the time budget ran out")
                self._cond.wait(remaining if wait is None else max(wait, 0.001))

    def release(self, failed: bool = False) -> None:
        with self._cond:
            self._active -= 1
            self.failures = self.failures + 1 if failed else 0
            self._cond.notify_all()

    def announce(self, headers: Mapping[str, str]) -> None:
        announced = parse_announcement(headers)
        if announced is not None and announced != self.limit:
            with self._cond:
                self.limit = announced
                self._cond.notify_all()

    def pause(self, seconds: float) -> None:
        """Hold every request to this host back (the server asked us to wait)."""
        with self._cond:
            self._paused_until = max(self._paused_until, time.monotonic() + seconds)


@dataclass(slots=True)
class Stats:
    """What a run cost: requests sent over the network, answers taken from the cache."""

    sent: int = 0
    cached: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def count(self, from_cache: bool) -> None:
        with self.lock:
            if from_cache:
                self.cached += 1
            else:
                self.sent += 1


@dataclass(slots=True)
class Fetcher:
    """One catalog's ``JsonClient``: base URL, session, host limiter, budget and policy."""

    name: str
    base_url: str
    session: requests.Session
    limiter: HostLimiter
    budget: Budget
    stats: Stats = field(default_factory=Stats)
    params: Mapping[str, str] = field(default_factory=dict)  # sent with every request
    timeout: float = 20.0
    max_bytes: int = 5_000_000
    offline: bool = False
    refresh: bool = False
    backoff: float = 0.5  # seconds before the first retry; doubles each time
    sleep: Callable[[float], None] = time.sleep

    def get_json(self, path: str, params: Mapping[str, str], *, missing_ok: bool = False) -> object:
        url = self.base_url.rstrip("/") + path
        query = {**params, **self.params}
        response = self._cached(url, query)
        if response is None:
            response = self._fetch(url, query)
        try:
            return self._decode(response, missing_ok)
        finally:
            response.close()

    def _cached(self, url: str, query: Mapping[str, str]) -> requests.Response | None:
        """The cache's answer, when the session has a cache and holds one."""
        if not _is_cached_session(self.session) or self.refresh:
            if self.offline:
                raise CatalogUnavailable(f"{self.name}: offline and no cache to answer from")
            return None
        response = self.session.get(
            url,
            params=query,
            timeout=self.timeout,
            allow_redirects=False,
            only_if_cached=True,  # type: ignore[call-arg]
        )
        if getattr(response, "from_cache", False) and response.status_code != 504:
            self.stats.count(from_cache=True)
            return response
        response.close()
        if self.offline:
            raise CatalogUnavailable(f"{self.name}: not in the cache (offline)")
        return None

    def _fetch(self, url: str, query: Mapping[str, str]) -> requests.Response:
        """Send over the network: limits, redirects on the same host, retries."""
        for attempt in range(RETRIES + 1):
            response = self._send_following(url, query)
            if response.status_code not in RETRIED_STATUSES:
                return response
            wait = retry_after(response.headers.get("Retry-After"))
            status = response.status_code
            response.close()
            if attempt == RETRIES:
                break
            delay = self.backoff * 2**attempt * (1 + random.random() / 2)
            delay = max(delay, wait or 0.0)
            if delay >= self.budget.remaining():
                raise CatalogUnavailable(f"{self.name}: {_status_words(status)}; out of time")
            if wait is not None:
                self.limiter.pause(wait)
            self.sleep(delay)
        raise CatalogUnavailable(f"{self.name}: {_status_words(status)} after {RETRIES} retries")

    def _send_following(self, url: str, query: Mapping[str, str]) -> requests.Response:
        params: Mapping[str, str] | None = query
        for _ in range(MAX_REDIRECTS + 1):
            response = self._send(url, params)
            if not response.is_redirect:
                return response
            target = urljoin(url, response.headers.get("Location", ""))
            response.close()
            if _origin(target) != _origin(self.base_url):
                raise CatalogUnavailable(
                    f"{self.name}: refused a redirect to another host ({urlsplit(target).netloc})"
                )
            url, params = target, None  # the Location carries its own query
        raise CatalogUnavailable(f"{self.name}: too many redirects")

    def _send(self, url: str, params: Mapping[str, str] | None) -> requests.Response:
        host = urlsplit(url).netloc
        if self.limiter.down:
            raise CatalogUnavailable(f"{self.name}: {host} is unreachable")
        try:
            self.limiter.acquire(self.budget)
        except BudgetExhausted:
            raise CatalogUnavailable(f"{self.name}: the time budget ran out") from None
        except CatalogUnavailable:
            raise CatalogUnavailable(f"{self.name}: {host} is unreachable") from None
        failed = False
        try:
            timeout = min(self.timeout, max(self.budget.remaining(), 0.1))
            if _is_cached_session(self.session):
                # The cache was asked already (or is being refreshed): go straight out,
                # so nothing stands between the limiter's slot and the request.
                response = self.session.get(
                    url,
                    params=params,
                    timeout=timeout,
                    allow_redirects=False,
                    stream=True,
                    force_refresh=True,  # type: ignore[call-arg]
                )
            else:
                response = self.session.get(
                    url, params=params, timeout=timeout, allow_redirects=False, stream=True
                )
            self.stats.count(from_cache=getattr(response, "from_cache", False))
        except requests.exceptions.SSLError as exc:
            failed = True
            self.stats.count(from_cache=False)
            raise CatalogUnavailable(
                f"{self.name}: refused the server's certificate ({_tls_reason(exc)})"
            ) from None
        except requests.Timeout:
            failed = True
            self.stats.count(from_cache=False)
            raise CatalogUnavailable(f"{self.name}: no answer within {self.timeout:g} s") from None
        except requests.ConnectionError as exc:
            failed = True
            self.stats.count(from_cache=False)
            raise CatalogUnavailable(f"{self.name}: cannot connect ({_reason(exc)})") from None
        except requests.RequestException as exc:
            raise CatalogUnavailable(f"{self.name}: broken answer ({_reason(exc)})") from None
        finally:
            self.limiter.release(failed)
        self.limiter.announce(response.headers)
        return response

    def _decode(self, response: requests.Response, missing_ok: bool) -> object:
        status = response.status_code
        if status == 404 and missing_ok:
            return None
        if status != 200:
            raise CatalogUnavailable(f"{self.name}: {_status_words(status)}{_detail(response)}")
        body = self._read(response)
        kind = response.headers.get("Content-Type", "").lower()
        if "html" in kind or body.lstrip()[:1] == b"<":
            raise CatalogUnavailable(f"{self.name}: answered with a web page instead of JSON")
        try:
            return json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise CatalogUnavailable(f"{self.name}: answered with malformed JSON") from None

    def _read(self, response: requests.Response) -> bytes:
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise CatalogUnavailable(f"{self.name}: answer too large ({declared} bytes)")
        # The read timeout bounds only each wait for the next bytes: a server that trickles
        # a byte at a time would hold the run forever. The whole body has a deadline too.
        deadline = time.monotonic() + min(self.timeout, max(self.budget.remaining(), 0.1))
        chunks, size = [], 0
        try:
            for chunk in _chunks(response):
                size += len(chunk)
                if size > self.max_bytes:
                    raise CatalogUnavailable(f"{self.name}: answer larger than {self.max_bytes}")
                if time.monotonic() > deadline:
                    raise CatalogUnavailable(f"{self.name}: answer too slow to arrive")
                chunks.append(chunk)
        except requests.RequestException as exc:
            raise CatalogUnavailable(f"{self.name}: truncated answer ({_reason(exc)})") from None
        return b"".join(chunks)


def _chunks(response: requests.Response) -> Iterator[bytes]:
    """The body as it arrives: ``read1`` returns what is there instead of waiting for a
    full chunk, so that a trickle is noticed between its bytes."""
    read1 = getattr(response.raw, "read1", None)
    if read1 is None or getattr(response, "from_cache", False):
        yield from response.iter_content(65536)  # a cached answer: all of it is here
        return
    from urllib3.exceptions import HTTPError as Urllib3Error

    try:
        while chunk := read1(65536, decode_content=True):
            yield chunk
    except (Urllib3Error, OSError) as exc:
        raise requests.exceptions.ChunkedEncodingError(exc) from exc


def _is_cached_session(session: object) -> bool:
    return hasattr(session, "cache") and hasattr(session, "settings")


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme, parts.netloc.lower()


def _status_words(status: int) -> str:
    words = {
        400: "refused the query (400)",
        401: "refused access (401): check the API key",
        403: "refused access (403): set a contact address (mailto) or an API key",
        404: "no such address (404): check the base URL",
        429: "throttled (429)",
    }
    if status in words:
        return words[status]
    return f"server error ({status})" if status >= 500 else f"unexpected status {status}"


def _detail(response: requests.Response) -> str:
    """The first message of a JSON error body, when there is one."""
    try:
        body = json.loads(response.content[:4096].decode("utf-8"))
    except (UnicodeDecodeError, ValueError, requests.RequestException):
        return ""
    message = body.get("message") if isinstance(body, dict) else None
    if isinstance(message, list) and message and isinstance(message[0], dict):
        message = message[0].get("message")
    return f": {message}" if isinstance(message, str) and message else ""


_VERIFY_FAILED = patterns.compile(r"certificate verify failed: ([^()'\"]+?)\s*(?:\(|'|\"|$)")


def _tls_reason(exc: Exception) -> str:
    """ "certificate has expired", "self-signed certificate"... out of urllib3's wrapping."""
    found = _VERIFY_FAILED.search(str(exc))
    return found.group(1) if found else _reason(exc)


def _reason(exc: Exception) -> str:
    text = str(exc.__context__ or exc) or type(exc).__name__
    if "refused" in text.lower():
        return "connection refused"
    return text.splitlines()[0][:120]

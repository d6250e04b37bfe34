"""Misbehaving servers on 127.0.0.1: nothing crashes, nothing hangs past the time budget.

tests/test_catalog_http.py covers refused connections, timeouts, 5xx, 429 and bad bodies
with mocked HTTP; these use real sockets, because a hang, a trickle, a cut connection or
a certificate only happen on one. Every lookup goes through ``resolve_entries`` with the
real sessions, limiters and budget; each server stops by itself when its test ends.
"""

from __future__ import annotations

import json
import shutil
import socket
import socketserver
import ssl
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from bib.catalogs.config import CatalogConfig
from bib.model import Entry, EntryType, Name, Reference, Span
from bib.resolve import ResolveReport, Status, resolve_entries

TIMEOUT = 0.5  # seconds for one request
BUDGET = 3.0  # seconds for the whole run
SLACK = 1.5  # thread start-up and shutdown on a loaded machine
EMPTY = json.dumps({"status": "ok", "message": {"items": []}}).encode()

ARTICLE = Entry(
    raw="Whitewood, P. (2015) Subversion in the Red Army, Europe-Asia Studies 67(1), 102-122.",
    span=Span(1),
    reference=Reference(
        type=EntryType.ARTICLE,
        authors=(Name("Whitewood", "Peter"),),
        title="Subversion in the Red Army and the Military Purge of 1937-1938",
        container="Europe-Asia Studies",
        year="2015",
    ),
)

Behaviour = Callable[[socket.socket, threading.Event], None]


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextmanager
def serving(behave: Behaviour, host: str = "127.0.0.1") -> Iterator[tuple[str, list[bytes]]]:
    """A server that answers each connection with ``behave``; yields its URL and requests."""
    stopping = threading.Event()
    requests: list[bytes] = []

    class Handler(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            self.request.settimeout(5)
            try:
                requests.append(self.request.recv(65536))
                behave(self.request, stopping)
            except OSError:
                pass  # the client gave up: that is what these servers are for

    server = _Server((host, 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}", requests
    finally:
        stopping.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def headers(status: str = "200 OK", length: int | None = None, kind: str = "json") -> bytes:
    lines = [f"HTTP/1.1 {status}", f"Content-Type: application/{kind}", "Connection: close"]
    if length is not None:
        lines.append(f"Content-Length: {length}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def resolve_against(url: str, **settings: object) -> tuple[ResolveReport, float]:
    config = CatalogConfig(
        crossref_url=url,
        openlibrary_url=url,
        cache_backend="none",
        timeout=TIMEOUT,
        budget=BUDGET,
        workers=2,
        mailto="tests@example.org",
        **settings,  # type: ignore[arg-type]
    )
    started = time.monotonic()
    report = resolve_entries([ARTICLE, ARTICLE], config)
    return report, time.monotonic() - started


def assert_could_not_check(report: ResolveReport, elapsed: float, says: str) -> None:
    assert elapsed < BUDGET + SLACK, f"took {elapsed:.1f} s"
    assert [r.status for r in report.resolutions] == [Status.COULD_NOT_CHECK] * 2
    problems = " ".join(p for r in report.resolutions for p in r.problems)
    assert says in problems, problems


# -- the behaviours --------------------------------------------------------------------------------


def headers_then_silence(connection: socket.socket, stopping: threading.Event) -> None:
    connection.sendall(headers(length=len(EMPTY)))
    stopping.wait(30)


def trickle(connection: socket.socket, stopping: threading.Event) -> None:
    """A byte every tenth of a second: never idle long enough for the read timeout."""
    connection.sendall(headers(length=len(EMPTY) * 1000))
    for byte in (EMPTY * 1000)[:2000]:
        if stopping.wait(0.1):
            return
        connection.sendall(bytes([byte]))


def cut_short(connection: socket.socket, stopping: threading.Event) -> None:
    connection.sendall(headers(length=len(EMPTY) * 10) + EMPTY[:20])
    connection.shutdown(socket.SHUT_RDWR)


def cut_short_chunked(connection: socket.socket, stopping: threading.Event) -> None:
    head = headers().replace(b"\r\n\r\n", b"\r\nTransfer-Encoding: chunked\r\n\r\n")
    connection.sendall(head + b"%x\r\n" % len(EMPTY) + EMPTY[:10])
    connection.shutdown(socket.SHUT_RDWR)


def web_page(connection: socket.socket, stopping: threading.Event) -> None:
    page = b"<!DOCTYPE html><html><body>Service temporarily unavailable</body></html>"
    connection.sendall(headers(length=len(page), kind="json") + page)  # and it says JSON


def endless(connection: socket.socket, stopping: threading.Event) -> None:
    """A body with no length that never ends: the client must stop at its cap."""
    connection.sendall(headers() + b'{"items": [')
    chunk = b'"' + b"x" * 65534 + b'",'
    for _ in range(2000):  # 128 MB at most, far past the cap
        if stopping.is_set():
            return
        connection.sendall(chunk)


def enormous_declared(connection: socket.socket, stopping: threading.Event) -> None:
    connection.sendall(headers(length=10**12) + b'{"items": [')
    stopping.wait(30)


# -- the tests -------------------------------------------------------------------------------------


def test_a_server_that_sends_headers_and_then_hangs() -> None:
    with serving(headers_then_silence) as (url, _):
        report, elapsed = resolve_against(url)
    assert_could_not_check(report, elapsed, "crossref: truncated answer")
    assert "Read timed out" in report.resolutions[0].problems[0]


def test_a_server_that_trickles_its_body_is_given_up_within_the_budget() -> None:
    with serving(trickle) as (url, _):
        report, elapsed = resolve_against(url)
    assert_could_not_check(report, elapsed, "crossref: answer too slow to arrive")


@pytest.mark.parametrize("behave", [cut_short, cut_short_chunked])
def test_a_truncated_body(behave: Behaviour) -> None:
    with serving(behave) as (url, _):
        report, elapsed = resolve_against(url)
    assert_could_not_check(report, elapsed, "crossref: truncated answer")
    assert "IncompleteRead" in report.resolutions[0].problems[0]


def test_a_200_with_a_web_page_instead_of_json() -> None:
    with serving(web_page) as (url, _):
        report, elapsed = resolve_against(url)
    assert_could_not_check(report, elapsed, "answered with a web page instead of JSON")


def test_an_endless_answer_is_cut_at_the_size_cap() -> None:
    with serving(endless) as (url, _):
        report, elapsed = resolve_against(url, max_response_bytes=1_000_000)
    assert_could_not_check(report, elapsed, "answer larger than 1000000")


def test_a_gigantic_declared_length_is_refused_before_reading() -> None:
    with serving(enormous_declared) as (url, _):
        report, elapsed = resolve_against(url)
    assert_could_not_check(report, elapsed, "answer too large (1000000000000 bytes)")


def test_a_redirect_to_another_host_is_refused_and_never_followed() -> None:
    def elsewhere(connection: socket.socket, stopping: threading.Event) -> None:
        connection.sendall(EMPTY_ANSWER)

    with serving(elsewhere, host="127.0.0.2") as (other, reached):

        def redirect(connection: socket.socket, stopping: threading.Event) -> None:
            head = f"HTTP/1.1 302 Found\r\nLocation: {other}/works\r\nContent-Length: 0\r\n"
            connection.sendall((head + "Connection: close\r\n\r\n").encode())

        with serving(redirect) as (url, _):
            report, elapsed = resolve_against(url)
    assert_could_not_check(report, elapsed, "refused a redirect to another host (127.0.0.2")
    assert reached == []


EMPTY_ANSWER = headers(length=len(EMPTY)) + EMPTY


def test_a_well_behaved_server_is_the_control() -> None:
    def answer(connection: socket.socket, stopping: threading.Event) -> None:
        connection.sendall(EMPTY_ANSWER)

    with serving(answer) as (url, _):
        report, elapsed = resolve_against(url)
    assert elapsed < BUDGET
    # Crossref holds nothing; Open Library is not asked for an article.
    assert [r.status for r in report.resolutions] == [Status.NOT_IN_CATALOG] * 2


# -- TLS: an expired certificate is refused -------------------------------------------------------

CA_CONFIG = """\
[ ca ]
default_ca = local
[ local ]
dir = .
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = anything
unique_subject = no
[ anything ]
commonName = supplied
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = 127.0.0.1
[ ext ]
subjectAltName = IP:127.0.0.1
basicConstraints = critical,CA:TRUE
"""


def certificate(directory: Path, start: str, end: str) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 valid from ``start`` to ``end`` (openssl)."""
    directory.mkdir()
    (directory / "ca.cnf").write_text(CA_CONFIG)
    (directory / "index.txt").write_text("")
    (directory / "serial").write_text("01\n")
    run = {"cwd": directory, "check": True, "capture_output": True, "timeout": 60}
    subprocess.run(
        [
            *("openssl", "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem"),
            *("-out", "req.csr", "-config", "ca.cnf"),
        ],
        **run,  # type: ignore[call-overload]
    )
    subprocess.run(
        [
            *("openssl", "ca", "-batch", "-notext", "-config", "ca.cnf", "-selfsign"),
            *("-keyfile", "key.pem", "-in", "req.csr", "-out", "cert.pem", "-extensions", "ext"),
            *("-startdate", start, "-enddate", end),
        ],
        **run,  # type: ignore[call-overload]
    )
    return directory / "cert.pem", directory / "key.pem"


@contextmanager
def serving_tls(cert: Path, key: Path) -> Iterator[str]:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    stopping = threading.Event()
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.1)

    def accept() -> None:
        while not stopping.is_set():
            try:
                raw, _ = listener.accept()
            except OSError:
                continue
            try:
                with context.wrap_socket(raw, server_side=True) as connection:
                    connection.settimeout(5)
                    connection.recv(65536)
                    connection.sendall(EMPTY_ANSWER)
            except (OSError, ssl.SSLError):
                pass  # the client refused the certificate
            finally:
                raw.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stopping.set()
        thread.join(timeout=5)
        listener.close()


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command to make certificates")
    base = tmp_path_factory.mktemp("tls")
    return {
        "expired": certificate(base / "expired", "20200101000000Z", "20200201000000Z"),
        "valid": certificate(base / "valid", "20200101000000Z", "20991231000000Z"),
    }


@pytest.mark.parametrize("kind", ["expired", "valid"])
def test_an_expired_certificate_is_refused(
    certificates: dict[str, tuple[Path, Path]], kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    cert, key = certificates[kind]
    # Trust this certificate alone, so that the expiry is the only thing wrong with it.
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(cert))
    with serving_tls(cert, key) as url:
        report, elapsed = resolve_against(url)
    if kind == "valid":  # the control: the same server with a current certificate works
        assert [r.status for r in report.resolutions] == [Status.NOT_IN_CATALOG] * 2
        return
    assert_could_not_check(
        report, elapsed, "crossref: refused the server's certificate (certificate has expired)"
    )

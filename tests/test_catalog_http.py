"""The network edge against mocked HTTP: answers, faults, limits, the cache.

Every test pins its URLs with ``responses`` matchers; an unregistered request fails.
Payloads are recorded Crossref answers (tests/data/catalogs/README.md says whence).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import requests
import responses
from responses import matchers

from bib import __version__
from bib.catalogs import crossref
from bib.catalogs.cache import CACHE_FILE, open_cache
from bib.catalogs.config import CatalogConfig
from bib.catalogs.errors import CatalogUnavailable
from bib.catalogs.http import Budget, Fetcher, HostLimiter, parse_announcement, retry_after
from bib.catalogs.records import Query
from bib.catalogs.sources import RateLimit
from bib.model import EntryType
from bib.resolve.match import Verdict, decide
from bib.resolve.network import open_network

DATA = Path(__file__).parent / "data" / "catalogs"
BASE = "https://api.crossref.org"
CERMINE = json.loads(
    (DATA / "crossref_works_query_bibliographic_cermine_refstring.json").read_text()
)
CERMINE_QUERY = Query(
    EntryType.ARTICLE,
    title="CERMINE: automatic extraction of structured metadata from scientific literature",
    families=("Tkaczyk", "Szostek"),
    year="2015",
    container="International Journal on Document Analysis and Recognition",
    volume="18",
    pages="317-335",
    text="Tkaczyk, D. et al. CERMINE: automatic extraction... IJDAR 18 (2015) 317-335",
)
SEARCH = f"{BASE}/works"


def fetcher(session: requests.Session | None = None, **options: object) -> Fetcher:
    return Fetcher(
        name="crossref",
        base_url=BASE,
        session=session or requests.Session(),
        limiter=HostLimiter(RateLimit(100, 1.0, 4)),
        budget=Budget(30.0),
        backoff=0.01,
        **options,  # type: ignore[arg-type]
    )


def search_matcher() -> list[matchers.BaseMatcher]:  # type: ignore[name-defined]
    return [
        matchers.query_param_matcher(
            {"query.bibliographic": CERMINE_QUERY.text, "query.author": "Tkaczyk"},
            strict_match=False,
        )
    ]


def test_a_confident_match() -> None:
    with responses.RequestsMock() as rsps:
        rsps.get(SEARCH, json=CERMINE, match=search_matcher())
        decision = decide(CERMINE_QUERY, crossref.search(CERMINE_QUERY, fetcher()))
    assert decision.verdict is Verdict.ACCEPTED
    assert decision.best is not None
    assert decision.best.candidate.doi == "10.1007/s10032-015-0249-8"
    assert (decision.margin or 0) >= 0.1


def test_a_decoy_is_rejected() -> None:
    # The same title cited under another first author is not this paper.
    query = CERMINE_QUERY._replace(families=("Nowak",))
    with responses.RequestsMock() as rsps:
        rsps.get(SEARCH, json=CERMINE)
        decision = decide(query, crossref.search(query, fetcher()))
    assert decision.verdict is not Verdict.ACCEPTED
    assert "first author differs" in decision.reason


def test_no_match_when_the_catalog_returns_nothing() -> None:
    empty = {"status": "ok", "message-type": "work-list", "message": {"items": []}}
    with responses.RequestsMock() as rsps:
        rsps.get(SEARCH, json=empty, match=search_matcher())
        decision = decide(CERMINE_QUERY, crossref.search(CERMINE_QUERY, fetcher()))
    assert decision.verdict is Verdict.NONE


def test_an_unknown_doi_is_no_record_not_an_error() -> None:
    body = (DATA / "crossref_error_404_work_not_found.txt").read_text()
    with responses.RequestsMock() as rsps:
        rsps.get(f"{BASE}/works/10.1371/notarealdoi", body=body, status=404)
        assert crossref.lookup("10.1371/notarealdoi", fetcher()) == ()


def test_a_404_on_the_search_route_means_a_wrong_base_url() -> None:
    with responses.RequestsMock() as rsps:
        rsps.get(SEARCH, body="Resource not found.", status=404)
        with pytest.raises(CatalogUnavailable, match="check the base URL"):
            crossref.search(CERMINE_QUERY, fetcher())


def test_a_400_says_what_the_catalog_refused() -> None:
    body = (DATA / "crossref_error_400_field_query_on_doi_route.json").read_text()
    with responses.RequestsMock() as rsps:
        rsps.get(SEARCH, body=body, status=400, content_type="application/json")
        with pytest.raises(CatalogUnavailable, match="does not support field query"):
            crossref.search(CERMINE_QUERY, fetcher())


def test_429_then_success_is_retried_after_the_wait_asked() -> None:
    waits: list[float] = []
    with responses.RequestsMock() as rsps:
        rsps.get(SEARCH, status=429, headers={"Retry-After": "0"}, body="slow down")
        rsps.get(SEARCH, json=CERMINE)
        found = crossref.search(CERMINE_QUERY, fetcher(sleep=waits.append))
        assert len(rsps.calls) == 2
    assert found and len(waits) == 1


def test_500_is_retried_then_could_not_check() -> None:
    with responses.RequestsMock() as rsps:
        rsps.get(SEARCH, status=500, body="oops")
        with pytest.raises(CatalogUnavailable, match="server error"):
            crossref.search(CERMINE_QUERY, fetcher(sleep=lambda _: None))
        assert len(rsps.calls) == 4


@pytest.mark.parametrize(
    ("body", "content_type", "message"),
    [
        ('{"status": "ok", "message": {"items": [', "application/json", "malformed JSON"),
        ("<html><body>Service Unavailable</body></html>", "text/html", "web page"),
        ("\xff\xfe", "application/json", "malformed JSON"),
    ],
    ids=["truncated-json", "html", "not-utf8"],
)
def test_a_body_that_is_not_json_cannot_be_checked(
    body: str, content_type: str, message: str
) -> None:
    with responses.RequestsMock() as rsps:
        rsps.get(SEARCH, body=body, content_type=content_type)
        with pytest.raises(CatalogUnavailable, match=message):
            crossref.search(CERMINE_QUERY, fetcher())


def test_a_timeout_cannot_be_checked() -> None:
    with responses.RequestsMock() as rsps:
        rsps.get(SEARCH, body=requests.exceptions.ConnectTimeout("timed out"))
        with pytest.raises(CatalogUnavailable, match="no answer within"):
            crossref.search(CERMINE_QUERY, fetcher())


def test_connection_refused_cannot_be_checked_and_a_dead_host_fails_fast() -> None:
    client = fetcher()
    with responses.RequestsMock() as rsps:
        rsps.get(SEARCH, body=requests.exceptions.ConnectionError("[Errno 111] Connection refused"))
        for _ in range(3):
            with pytest.raises(CatalogUnavailable, match="connection refused"):
                crossref.search(CERMINE_QUERY, client)
        with pytest.raises(CatalogUnavailable, match="unreachable"):
            crossref.search(CERMINE_QUERY, client)
        assert len(rsps.calls) == 3


def test_a_redirect_to_another_host_is_refused() -> None:
    with responses.RequestsMock() as rsps:
        rsps.get(SEARCH, status=302, headers={"Location": "https://evil.example.org/works"})
        with pytest.raises(CatalogUnavailable, match="another host"):
            crossref.search(CERMINE_QUERY, fetcher())


def test_a_redirect_on_the_same_host_is_followed() -> None:
    pone = (DATA / "crossref_work_single_journal_article_pone.json").read_text()
    with responses.RequestsMock() as rsps:
        rsps.get(
            f"{BASE}/works/10.1371/old",
            status=301,
            headers={"Location": "/works/10.1371/journal.pone.0033693"},
        )
        rsps.get(f"{BASE}/works/10.1371/journal.pone.0033693", body=pone)
        (found,) = crossref.lookup("10.1371/old", fetcher())
    assert found.doi == "10.1371/journal.pone.0033693"


def test_an_oversized_answer_is_refused() -> None:
    with responses.RequestsMock() as rsps:
        rsps.get(SEARCH, json=CERMINE)
        with pytest.raises(CatalogUnavailable, match=r"larger than|too large"):
            crossref.search(CERMINE_QUERY, fetcher(max_bytes=1000))


def test_the_user_agent_names_us_and_the_users_contact(tmp_path: Path) -> None:
    config = CatalogConfig(mailto="reader@example.org", cache_dir=str(tmp_path))
    network = open_network(config, lambda _: None)
    ua = f"bibwarden/{__version__} (mailto:reader@example.org)"
    try:
        with responses.RequestsMock() as rsps:
            rsps.get(
                SEARCH,
                json=CERMINE,
                match=[
                    matchers.header_matcher({"User-Agent": ua}),
                    matchers.query_param_matcher(
                        {"mailto": "reader@example.org"}, strict_match=False
                    ),
                ],
            )
            assert crossref.search(CERMINE_QUERY, network.clients["crossref"])
    finally:
        network.close()


def test_without_a_contact_nothing_is_made_up(tmp_path: Path) -> None:
    notes: list[str] = []
    network = open_network(CatalogConfig(cache_dir=str(tmp_path)), notes.append)
    try:
        session = network.clients["crossref"].session
        assert session.headers["User-Agent"] == f"bibwarden/{__version__}"
        assert "mailto" not in network.clients["crossref"].params
        assert any("BIB_MAILTO" in n for n in notes)
    finally:
        network.close()


def test_a_second_run_is_answered_from_the_cache(tmp_path: Path) -> None:
    config = CatalogConfig(mailto="reader@example.org", cache_dir=str(tmp_path))
    first = open_network(config, lambda _: None)
    with responses.RequestsMock() as rsps:
        rsps.get(SEARCH, json=CERMINE, match=search_matcher())
        cold = crossref.search(CERMINE_QUERY, first.clients["crossref"])
    first.close()
    second = open_network(config, lambda _: None)
    with responses.RequestsMock():  # nothing registered: any request would fail
        warm = crossref.search(CERMINE_QUERY, second.clients["crossref"])
    second.close()
    assert warm == cold
    assert (first.stats.sent, second.stats.sent, second.stats.cached) == (1, 0, 1)
    # the contact address is neither part of the key nor stored
    assert b"reader@example.org" not in (tmp_path / CACHE_FILE).read_bytes()


def test_offline_answers_from_the_cache_only(tmp_path: Path) -> None:
    config = CatalogConfig(cache_dir=str(tmp_path), offline=True)
    network = open_network(config, lambda _: None)
    with responses.RequestsMock(), pytest.raises(CatalogUnavailable, match="offline"):
        crossref.search(CERMINE_QUERY, network.clients["crossref"])
    network.close()
    assert network.stats.sent == 0


def test_refresh_ignores_the_cache(tmp_path: Path) -> None:
    for refresh in (False, True):
        network = open_network(CatalogConfig(cache_dir=str(tmp_path), refresh=refresh), print)
        with responses.RequestsMock(assert_all_requests_are_fired=refresh) as rsps:
            rsps.get(SEARCH, json=CERMINE)
            crossref.search(CERMINE_QUERY, network.clients["crossref"])
        network.close()
        assert network.stats.sent == 1


def test_a_corrupt_cache_is_moved_aside_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / CACHE_FILE).write_bytes(b"this is not a database" * 100)
    warnings: list[str] = []
    cache = open_cache(CatalogConfig(cache_dir=str(tmp_path)), warnings.append)
    assert cache is not None
    assert warnings and "corrupt" in warnings[0]
    assert list(tmp_path.glob(f"{CACHE_FILE}.corrupt-*"))


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (
            {"x-rate-limit-limit": "10", "x-rate-limit-interval": "1s", "x-concurrency-limit": "3"},
            RateLimit(10, 1.0, 3),
        ),
        ({"x-rate-limit-limit": "50", "x-rate-limit-interval": "1s"}, RateLimit(50, 1.0, 1)),
        ({"x-rate-limit-limit": "120", "x-rate-limit-interval": "1m"}, RateLimit(120, 60.0, 1)),
        ({}, None),
        ({"x-rate-limit-limit": "lots"}, None),
    ],
)
def test_announced_limits_are_read(headers: dict[str, str], expected: RateLimit | None) -> None:
    assert parse_announcement(headers) == expected


def test_retry_after_takes_seconds_or_a_date() -> None:
    assert retry_after("3") == 3.0
    assert retry_after("Wed, 21 Oct 2015 07:28:10 GMT", now=1445412480.0) == 10.0
    assert retry_after("soon") is None

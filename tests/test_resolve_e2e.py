"""End to end: the seed essay's 30 references resolved against a catalog on 127.0.0.1.

The server (``bib.catalogs.fakeserver``) answers in Crossref's and Open Library's
shapes from tests/data/catalogs/seed_records.json (the right records and decoys),
with 50 ms latency and Crossref's rate-limit headers, and keeps every arrival time.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bib.catalogs.config import catalog_config_from
from bib.catalogs.fakeserver import FakeCatalog, Limits
from bib.document import read_document
from bib.model import Document
from bib.resolve import Status, resolve_entries

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "great-terror-essay.txt"
RECORDS = json.loads(
    (Path(__file__).parent / "data" / "catalogs" / "seed_records.json").read_text("utf-8")
)


@pytest.fixture(scope="module")
def document() -> Document:
    if not SEED.exists():
        pytest.skip(f"the seed essay is not at {SEED} (it lives in ../shared)")
    return read_document(SEED.read_bytes(), str(SEED))


def environ(url: str, cache: Path) -> dict[str, str]:
    return {
        "BIB_CROSSREF_URL": url,
        "BIB_OPENLIBRARY_URL": url,
        "BIB_MAILTO": "tests@example.org",
        "BIB_CACHE_DIR": str(cache),
    }


def test_the_seed_essay_resolves_within_the_limits_then_from_the_cache(
    document: Document, tmp_path: Path
) -> None:
    assert len(document.entries) == 30
    limits = Limits(requests=10, interval=1.0, concurrency=3)
    with FakeCatalog(RECORDS["crossref"], RECORDS["openlibrary"], 0.05, limits) as server:
        config = catalog_config_from({}, environ(server.url, tmp_path))
        report = resolve_entries(document.entries, config)
        cold_requests = len(server.arrivals)

        # the announced rate is never exceeded, and nothing had to be refused
        assert server.max_in_window() <= limits.requests
        assert server.in_flight_peak <= limits.concurrency
        assert server.throttled == 0
        assert report.sent == cold_requests

        # every match is the right record, never a decoy; most entries match
        matched = {r.entry.key: r.candidate for r in report.resolutions if r.candidate}
        for r in report.resolutions:
            if r.status is Status.MATCHED and r.candidate is not None:
                assert r.candidate.id not in RECORDS["decoys"], r.entry.key
                assert RECORDS["expected"].get(r.entry.key) == r.candidate.id, r.entry.key
        assert report.count(Status.MATCHED) >= 20
        assert report.could_not_check == 0

        # the Rogovin title is reported against the catalog's
        rogovin = next(r for r in report.resolutions if r.entry.key == "rogovin1998")
        (title,) = [c for c in rogovin.mismatches if c.field == "title"]
        assert title.catalog_value == "1937: Stalin's Year of Terror"
        assert matched["rogovin1998"] is not None

        # Roffman's book is in no catalog: every catalog answered, none holds it
        roffman = next(r for r in report.resolutions if r.entry.key == "roffman1977")
        assert roffman.status is Status.NOT_IN_CATALOG

        # a second run sends nothing
        again = resolve_entries(document.entries, config)
        assert len(server.arrivals) == cold_requests
        assert again.sent == 0
        assert [r.status for r in again.resolutions] == [r.status for r in report.resolutions]

    # the server is gone: offline answers from the cache alone, identically
    offline = resolve_entries(
        document.entries,
        catalog_config_from({}, {**environ(server.url, tmp_path), "BIB_CACHE_DIR": str(tmp_path)}),
    )
    assert offline.sent == 0 and offline.could_not_check == 0


def test_with_the_server_stopped_resolution_finishes_and_counts_what_it_could_not_check(
    document: Document, tmp_path: Path
) -> None:
    server = FakeCatalog(RECORDS["crossref"], RECORDS["openlibrary"]).start()
    url = server.url
    server.stop()
    config = catalog_config_from({"timeout": 2, "budget": 20}, environ(url, tmp_path / "cold"))
    report = resolve_entries(document.entries, config)
    looked_up = [r for r in report.resolutions if r.status is not Status.SKIPPED]
    assert looked_up and all(r.status is Status.COULD_NOT_CHECK for r in looked_up)
    assert report.could_not_check == len(looked_up)
    assert f"{len(looked_up)} entries could not be checked" in report.summary()
    assert any("connection refused" in note or "unreachable" in note for note in report.notes)

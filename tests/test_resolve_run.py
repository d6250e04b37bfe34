"""Orchestration with fake catalogs: order by type, falling through, the three verdicts."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bib.catalogs.config import CatalogConfig
from bib.catalogs.errors import CatalogUnavailable
from bib.model import Entry, EntryType, Name, Reference, Span
from bib.resolve import Status, format_resolution, resolve_entries

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class FakeClient:
    """Answers every request with one payload, or raises, and keeps the paths asked."""

    payload: object = None
    fails: bool = False
    paths: list[str] = field(default_factory=list)

    def get_json(self, path: str, params: Mapping[str, str], *, missing_ok: bool = False) -> object:
        self.paths.append(path)
        if self.fails:
            raise CatalogUnavailable("fake: throttled (429)")
        return self.payload


NO_WORKS = {"message": {"items": []}}
NO_DOCS = {"docs": []}
ROGOVIN_DOC = {
    "key": "/works/OL1W",
    "title": "1937",
    "subtitle": "Stalin's Year of Terror",
    "author_name": ["Vadim Z. Rogovin"],
    "first_publish_year": 1998,
    "publisher": ["Mehring Books"],
}


def entry(title: str, type: EntryType = EntryType.BOOK, key: str = "rogovin1998") -> Entry:
    reference = Reference(type=type, authors=(Name("Rogovin", "V. Z."),), title=title, year="1998")
    return Entry(raw=f"Rogovin, V. Z. {title} (1998)", span=Span(7), reference=reference, key=key)


def run(entries: list[Entry], **clients: FakeClient) -> object:
    return resolve_entries(entries, CatalogConfig(workers=2), clients=clients)


def test_books_go_to_open_library_first() -> None:
    books = FakeClient({"docs": [ROGOVIN_DOC]})
    papers = FakeClient(NO_WORKS)
    report = resolve_entries(
        [entry("1937: Stalin’s Year or Terror")],
        CatalogConfig(),
        clients={"openlibrary": books, "crossref": papers},
    )
    (resolution,) = report.resolutions
    assert resolution.status is Status.MATCHED
    assert resolution.candidate is not None and resolution.candidate.id == "/works/OL1W"
    assert books.paths == ["/search.json"] and papers.paths == []
    assert [c.field for c in resolution.mismatches] == ["title"]
    text = format_resolution(report)
    assert "rogovin1998 (line 7): matched" in text and "! title" in text


def test_a_lookup_falls_through_to_the_next_catalog() -> None:
    books, papers = FakeClient(NO_DOCS), FakeClient(NO_WORKS)
    report = resolve_entries(
        [entry("1937: Stalin’s Year of Terror")],
        CatalogConfig(),
        clients={"openlibrary": books, "crossref": papers},
    )
    (resolution,) = report.resolutions
    assert resolution.status is Status.NOT_IN_CATALOG
    assert resolution.sources == ("openlibrary", "crossref")


def test_a_catalog_that_cannot_answer_makes_could_not_check_never_not_in_catalog() -> None:
    report = resolve_entries(
        [entry("1937: Stalin’s Year of Terror")],
        CatalogConfig(),
        clients={"openlibrary": FakeClient(NO_DOCS), "crossref": FakeClient(fails=True)},
    )
    (resolution,) = report.resolutions
    assert resolution.status is Status.COULD_NOT_CHECK
    assert report.summary().endswith("1 entry could not be checked")
    assert report.notes == ("fake: throttled (429)",)


def test_a_webpage_or_an_untitled_entry_is_skipped() -> None:
    page = entry("A blog post", EntryType.WEBPAGE)
    untitled = entry("", key="x")
    client = FakeClient(NO_DOCS)
    report = resolve_entries(
        [page, untitled], CatalogConfig(), clients={"openlibrary": client, "crossref": client}
    )
    assert [r.status for r in report.resolutions] == [Status.SKIPPED, Status.SKIPPED]
    assert client.paths == []


def test_progress_is_reported_per_entry() -> None:
    seen: list[tuple[int, int]] = []
    resolve_entries(
        [entry("A"), entry("B", key="b")],
        CatalogConfig(),
        progress=lambda done, total, _: seen.append((done, total)),
        clients={"openlibrary": FakeClient(NO_DOCS), "crossref": FakeClient(NO_WORKS)},
    )
    assert sorted(seen) == [(1, 2), (2, 2)]


def test_requests_is_not_imported_unless_resolving() -> None:
    code = (
        "import sys, bib.resolve, bib.catalogs, checks.catalog, bib.catalogs.sources; "
        "assert 'requests' not in sys.modules, 'requests imported'; "
        "assert 'requests_cache' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)

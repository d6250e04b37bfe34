"""Enrichment adds what the catalogs confirm and never destroys what the author wrote."""

from __future__ import annotations

from bib.catalogs.records import Candidate
from bib.model import Entry, EntryType, Name, Reference, Span
from bib.resolve import Change, Resolution, Status, enrich, format_changes
from bib.resolve.compare import compare

ARTICLE = Reference(
    type=EntryType.ARTICLE,
    authors=(Name("Getty", "J. A."),),
    title="Trotsky in Exile: The Founding of the Fourth International",
    container="Soviet Studies",
    volume="38",
    number="1",
    pages="24-33",
    year="1986",
)
RECORD = Candidate(
    "crossref",
    "10.5555/getty",
    EntryType.ARTICLE,
    "Trotsky in Exile: The Founding of the Fourth International",
    authors=(Name("Getty", "J. Arch"),),
    year="1986",
    container="Soviet Studies",
    volume="38",
    number="1",
    pages="24-35",
    publisher="Informa UK Limited",
    doi="10.5555/getty",
)
ENTRY = Entry("Getty, J. A. ...", Span(3), ARTICLE, key="getty1986")


def matched(reference: Reference = ARTICLE, status: Status = Status.MATCHED) -> Resolution:
    return Resolution(ENTRY, status, RECORD, 0.97, 0.5, comparisons=compare(reference, RECORD))


def test_resolving_alone_adds_only_identifiers() -> None:
    entry, changes = enrich(ENTRY, matched())
    assert changes == (Change("getty1986", "doi", "", "10.5555/getty", "crossref 10.5555/getty"),)
    assert entry.reference == ARTICLE._replace(doi="10.5555/getty")
    assert entry.raw == ENTRY.raw


def test_fill_adds_missing_fields_and_keeps_the_others() -> None:
    entry, changes = enrich(ENTRY, matched(), fill=True)
    assert {c.field for c in changes} == {"doi", "publisher"}
    assert entry.reference.pages == "24-33"  # differs, but fill never changes what is there


def test_fix_from_catalog_replaces_differing_fields_and_lists_them() -> None:
    entry, changes = enrich(ENTRY, matched(), fix=True)
    assert entry.reference.pages == "24-35"
    assert Change("getty1986", "pages", "24-33", "24-35", "crossref 10.5555/getty") in changes
    assert "getty1986: pages: '24-33' -> '24-35'" in format_changes(changes)


def test_nothing_changes_without_a_confident_match() -> None:
    for status in (Status.UNCERTAIN, Status.NOT_IN_CATALOG, Status.COULD_NOT_CHECK):
        assert enrich(ENTRY, matched(status=status), fill=True, fix=True) == (ENTRY, ())


def test_an_existing_identifier_is_kept() -> None:
    mine = ENTRY._replace(reference=ARTICLE._replace(doi="10.9999/mine"))
    entry, changes = enrich(mine, matched(mine.reference))
    assert entry.reference.doi == "10.9999/mine" and changes == ()

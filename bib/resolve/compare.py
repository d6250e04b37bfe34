"""The field-by-field comparison of an entry with the record it matched. Pure."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import NamedTuple

from bib.catalogs.records import Candidate, first_year, normal_isbn
from bib.model import Reference
from bib.resolve.text import (
    container_similarity,
    normal,
    normal_container,
    normal_number,
    page_bounds,
    publisher_similarity,
    same_person,
    same_title,
)

# The fields whose difference from a confident match is reported (catalog-mismatch).
# Publisher and place are shown but not reported: imprints and places vary between
# editions and catalogs record them inconsistently.
MISMATCH_FIELDS = ("title", "year", "container", "volume", "number", "pages")
CONTAINER_SAME = 0.9


class Agreement(str, Enum):
    SAME = "same"
    DIFFERS = "differs"
    ENTRY_MISSING = "missing in entry"
    CATALOG_MISSING = "missing in catalog"
    NEITHER = "neither"


class FieldComparison(NamedTuple):
    field: str
    entry_value: str
    catalog_value: str
    agreement: Agreement

    @property
    def differs(self) -> bool:
        return self.agreement is Agreement.DIFFERS


def compare(reference: Reference, candidate: Candidate) -> tuple[FieldComparison, ...]:
    people = reference.authors or reference.editors
    catalog_people = candidate.authors or candidate.editors
    rows = (
        ("title", reference.title, candidate.title, same_title),
        (
            "author",
            people[0].full_family if people else "",
            catalog_people[0].full_family if catalog_people else "",
            same_person,
        ),
        ("year", first_year(reference.year), _years(candidate), _same_year(candidate)),
        ("container", reference.container, candidate.container, _same_container(candidate)),
        ("volume", reference.volume, candidate.volume, _same_number),
        ("number", reference.number, candidate.number, _same_number),
        ("pages", reference.pages, candidate.pages, _same_pages),
        (
            "publisher",
            reference.publisher,
            candidate.publisher or "; ".join(candidate.publishers[:3]),
            _same_publisher(candidate),
        ),
        (
            "place",
            reference.place,
            candidate.place or "; ".join(candidate.places[:3]),
            _same_place(candidate),
        ),
        ("doi", reference.doi, candidate.doi, lambda a, b: a.casefold() == b.casefold()),
        ("isbn", reference.isbn, candidate.isbn, lambda a, b: normal_isbn(a) == b),
    )
    return tuple(_row(name, ours, theirs, same) for name, ours, theirs, same in rows)


def _row(name: str, ours: str, theirs: str, same: Callable[[str, str], bool]) -> FieldComparison:
    ours, theirs = ours.strip(), theirs.strip()
    if not ours and not theirs:
        agreement = Agreement.NEITHER
    elif not ours:
        agreement = Agreement.ENTRY_MISSING
    elif not theirs:
        agreement = Agreement.CATALOG_MISSING
    else:
        agreement = Agreement.SAME if same(ours, theirs) else Agreement.DIFFERS
    return FieldComparison(name, ours, theirs, agreement)


def _years(candidate: Candidate) -> str:
    return candidate.year


def _same_year(candidate: Candidate) -> Callable[[str, str], bool]:
    return lambda ours, _: ours in {candidate.year, *candidate.years}


def _same_container(candidate: Candidate) -> Callable[[str, str], bool]:
    names = [c for c in (candidate.container, *candidate.containers) if c]

    def same(ours: str, _: str) -> bool:
        return any(
            normal_container(ours) == normal_container(n)
            or container_similarity(ours, n) >= CONTAINER_SAME
            for n in names
        )

    return same


def _same_number(ours: str, theirs: str) -> bool:
    return normal_number(ours) == normal_number(theirs)


def _same_pages(ours: str, theirs: str) -> bool:
    (a_first, a_last), (b_first, b_last) = page_bounds(ours), page_bounds(theirs)
    return a_first == b_first and (not a_last or not b_last or a_last == b_last)


def _same_publisher(candidate: Candidate) -> Callable[[str, str], bool]:
    return lambda ours, _: any(publisher_similarity(ours, p) >= 0.9 for p in candidate.publishers)


def _same_place(candidate: Candidate) -> Callable[[str, str], bool]:
    def same(ours: str, _: str) -> bool:
        mine = normal(ours)
        return any(mine in normal(p) or normal(p) in mine for p in candidate.places if p)

    return same

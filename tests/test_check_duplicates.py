"""duplicate-entry: copies that differ slightly are found; different works are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from bib.model import Document, Entry, EntryType, Name, Reference, Span
from checks.duplicates import duplicate_entry, later_copies, same_title, title_numbers
from checks.registry import run_checks
from checks.settings import Settings
from tests.test_check_ordering import read_seed


def work(family: str, title: str, year: str = "2000", volume: str = "") -> Reference:
    return Reference(
        type=EntryType.BOOK, authors=(Name(family, "A."),), title=title, year=year, volume=volume
    )


def document(*refs: Reference) -> Document:
    entries = tuple(Entry(f"entry {i}", Span(2 * i + 1), ref) for i, ref in enumerate(refs))
    return Document(path="essay.txt", entries=entries)


COPIES = [
    (work("Conquest", "The Great Terror: A Reassessment"), work("Conquest", "The great terror")),
    (
        work("Conquest", "The Great Terror: A Reassessment"),
        work("Conquest", "The Great Terror - A Reassesment"),
    ),
    (
        work("McLoughlin", "Stalin’s terror : high politics and mass repression"),
        work("McLoughlin", "Stalin's Terror: High Politics and Mass Repression"),
    ),
    (work("Žukov", "Memoirs of a Marshal"), work("Zukov", "Memoirs of a Marshal")),
    (work("Carr", "Twilight of the Comintern"), work("Carr", "Twilight of the Comintern", "")),
    (work("Whitewood", "The Purge, 1937–38"), work("Whitewood", "The Purge 1937-1938")),
]


@pytest.mark.parametrize(("first", "second"), COPIES)
def test_copies_are_reported_on_the_later_line(first: Reference, second: Reference) -> None:
    hits = list(duplicate_entry(document(first, second), Settings()))
    assert [(h.span.line, dict(h.data)["first_line"]) for h in hits] == [(3, 1)]


DIFFERENT = [
    (
        work("Whitewood", "The Purge of the Red Army and the Soviet Mass Operations, 1937–38"),
        work("Whitewood", "Subversion in the Red Army and the Military Purge of 1937–1938"),
    ),
    (
        work("Trotsky", "Writings of Leon Trotsky 1935–36", "1977"),
        work("Trotsky", "Writings of Leon Trotsky 1936–37", "1978"),
    ),
    (work("Trotsky", "Writings 1935–36"), work("Trotsky", "Writings 1936–37")),
    (work("Stalin", "Works", volume="13"), work("Stalin", "Works", volume="14")),
    (work("Conquest", "The Great Terror", "1968"), work("Conquest", "The Great Terror", "1990")),
    (work("Tucker", "Stalin"), work("Tucker", "Stalin in Power")),
    (work("Harris", "The Great Fear"), work("Getty", "The Great Fear")),
    (work("Harris", ""), work("Harris", "")),
]


@pytest.mark.parametrize(("first", "second"), DIFFERENT)
def test_different_works_are_not_copies(first: Reference, second: Reference) -> None:
    assert list(duplicate_entry(document(first, second), Settings())) == []


def test_a_third_copy_points_at_the_first() -> None:
    copies = [work("Carr", "Twilight of the Comintern")] * 3
    hits = list(duplicate_entry(document(*copies, work("Sedov", "Red Book")), Settings()))
    assert [(h.span.line, dict(h.data)["first_line"]) for h in hits] == [(3, 1), (5, 1)]


def test_works_without_authors_compare_by_title() -> None:
    first = Reference(title="The Times Atlas of World History", year="1978")
    second = Reference(title="The Times atlas of world history", year="1978")
    assert len(list(duplicate_entry(document(first, second), Settings()))) == 1


@pytest.mark.parametrize(
    ("title", "numbers"),
    [("Writings 1935–36", {"1935", "1936"}), ("Works, Vol. 14", {"14"}), ("Stalin", set())],
)
def test_title_numbers_expand_abbreviated_ranges(title: str, numbers: set[str]) -> None:
    assert title_numbers(title) == numbers


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("The Great Fear", "The great fear.", True),
        ("Let History Judge", "Let Hisotry Judge", True),
        ("Stalin", "Stalin: A Political Biography", False),
        ("Stalin", "Stalin", True),
        ("", "", False),
    ],
)
def test_same_title(first: str, second: str, same: bool) -> None:
    assert same_title(first, second) is same


def test_seed_has_no_duplicates(seed_essay: Path) -> None:
    findings = run_checks(read_seed(seed_essay), Settings(select=("duplicate-entry",)))
    assert findings == ()


def test_later_copies_are_the_indices_of_the_repeats() -> None:
    first, copy = COPIES[0]
    doc = document(first, work("Getty", "The Road to Terror"), copy, copy)
    assert later_copies(doc.entries) == frozenset({2, 3})
    assert later_copies(document(first, work("Getty", "The Road")).entries) == frozenset()

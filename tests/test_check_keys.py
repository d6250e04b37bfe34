"""unknown-citation-key, and citations by key counting as citations for unused-reference."""

from __future__ import annotations

import pytest

from bib.document import read_document
from bib.model import Document, Entry, KeyedCitation, Reference, Span
from checks.keys import cited_keys
from checks.rules import RULES, Settings, run_checks

LIST = (
    "\n\nReferences\n\n"
    "Harris, J. The Great Fear: Stalin's Terror of the 1930s "
    "(Oxford: Oxford University Press, 2016)\n"
    "Getty, J. A. The Road to Terror (London: Yale University Press, 1999)\n"
)
BIB = (
    b"@book{harris2016, author = {Harris, J.}, title = {Fear}, publisher = {P}, year = 2016}\n"
    b"@book{Getty99, author = {Getty, J. A.}, title = {Road}, publisher = {Y}, year = 1999}\n"
)


def findings(document: Document, *rules: str) -> list[tuple[str, int, int, object]]:
    return [
        (f.rule, f.span.line, f.span.column, dict(f.data).get("key"))
        for f in run_checks(document, Settings(select=rules))
    ]


def essay(body: str) -> Document:
    return read_document(("Soviet security\n\n" + body + LIST).encode(), "e.md")


def test_the_rule_is_registered() -> None:
    rule = RULES["unknown-citation-key"]
    assert (rule.code, rule.severity.value) == ("C005", "error")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Fear shaped policy [@harris2016, p. 45].", []),
        (
            "Fear shaped policy [@harris2015, p. 45].",
            [("unknown-citation-key", 3, 21, "harris2015")],
        ),
        (
            "Fear [@harris2015] and terror [@nobody; @getty1999].",
            [
                ("unknown-citation-key", 3, 7, "harris2015"),
                ("unknown-citation-key", 3, 32, "nobody"),
            ],
        ),
        (
            "Every citation counts: [@x] and again [@x].",
            [("unknown-citation-key", 3, 25, "x"), ("unknown-citation-key", 3, 40, "x")],
        ),
        ("No keys at all (Harris 2016, 45).", []),
    ],
)
def test_unknown_keys(body: str, expected: list[tuple[str, int, int, object]]) -> None:
    assert findings(essay(body), "unknown-citation-key") == expected


def test_a_key_that_differs_in_case_is_named() -> None:
    document = read_document(b"Title\n\nFear [@getty99].\n", "e.md", BIB, "refs.bib")
    (finding,) = run_checks(document, Settings(select=("unknown-citation-key",)))
    assert finding.message.endswith("(did you mean @Getty99?)")


def test_entries_cited_by_key_are_used() -> None:
    document = read_document(b"Title\n\nFear [@harris2016].\n", "e.md", BIB, "refs.bib")
    assert findings(document, "unused-reference") == [("unused-reference", 2, 1, "Getty99")]


def test_a_list_entry_cited_only_by_its_generated_key_is_used() -> None:
    document = essay("Fear shaped policy [@harris2016] and terror [@getty1999].")
    assert findings(document, "unused-reference") == []


def test_cited_keys() -> None:
    document = Document(
        path="e.md",
        keyed_citations=(
            KeyedCitation("a", Span(1)),
            KeyedCitation("b", Span(2), "p. 3"),
            KeyedCitation("a", Span(3)),
        ),
        entries=(Entry("", Span(9), Reference(), "a"),),
    )
    assert cited_keys(document) == frozenset({"a", "b"})
    assert findings(document, "unknown-citation-key") == [("unknown-citation-key", 2, 1, "b")]

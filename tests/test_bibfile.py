"""BibTeX files: entries with their keys and lines, fields mapped, failures kept as data."""

from __future__ import annotations

import pytest

from bib.bibfile import bibliography_findings, read_bib, read_entries, to_reference
from bib.bibtex import to_bibtex
from bib.document import read_document
from bib.errors import BibError
from bib.model import Entry, EntryType, Finding, Name, Reference, Severity, Span
from checks.rules import Settings, run_checks

BIB = r"""% refs for the essay
@string{oup = "Oxford University Press"}

@book{harris2016,
  author = {Harris, James},
  title = {The {Great Fear}: Stalin's Terror of the 1930s},
  publisher = oup, address = {Oxford},
  year = 2016
}

@article{dvorak07,
  author = {Dvo{\v r}{\'a}k, Anton{\'\i}n and van der Linden, Marcel
            and {World Health Organization}},
  title = {\emph{Über} alles: 50\% of \& more},
  journaltitle = {Journal of Studies},
  date = {2007-03},
  pages = {513--545},
  doi = {10.1000/a\_b},
}
"""


def test_entries_keep_their_keys_and_lines() -> None:
    document = read_bib(BIB.encode(), "refs.bib")
    assert [(e.key, e.span) for e in document.entries] == [
        ("harris2016", Span(4, 1, 9, 1)),
        ("dvorak07", Span(11, 1, 19, 1)),
    ]
    assert [b.span.line for b in document.references] == [4, 11]
    assert document.body == () and document.heading is None


def test_fields_map_to_the_reference() -> None:
    harris, dvorak = read_bib(BIB.encode(), "refs.bib").entries
    assert harris.reference == Reference(
        type=EntryType.BOOK,
        authors=(Name("Harris", "James"),),
        title="The Great Fear: Stalin's Terror of the 1930s",
        year="2016",
        publisher="Oxford University Press",
        place="Oxford",
    )
    assert dvorak.reference.authors == (
        Name("Dvořák", "Antonín"),
        Name("Linden", "Marcel", particle="van der"),
        Name("World Health Organization"),
    )
    assert dvorak.reference.title == "Über alles: 50% of & more"
    assert (dvorak.reference.container, dvorak.reference.year) == ("Journal of Studies", "2007")
    assert (dvorak.reference.pages, dvorak.reference.doi) == ("513-545", "10.1000/a_b")


@pytest.mark.parametrize(
    ("entry_type", "fields", "expected_type", "container"),
    [
        ("article", {"journal": "Past and Present"}, EntryType.ARTICLE, "Past and Present"),
        ("incollection", {"booktitle": "Essays"}, EntryType.CHAPTER, "Essays"),
        ("inproceedings", {"booktitle": "Proc."}, EntryType.CHAPTER, "Proc."),
        ("book", {"editor": "Smith, A."}, EntryType.EDITED_BOOK, ""),
        ("book", {"author": "Smith, A."}, EntryType.BOOK, ""),
        ("phdthesis", {"school": "Oxford"}, EntryType.THESIS, ""),
        ("techreport", {"institution": "RAND"}, EntryType.REPORT, ""),
        ("online", {"url": "https://x.org"}, EntryType.WEBPAGE, ""),
        ("misc", {"url": "https://x.org"}, EntryType.WEBPAGE, ""),
        ("misc", {"howpublished": "Pamphlet"}, EntryType.OTHER, "Pamphlet"),
        ("unpublished", {}, EntryType.OTHER, ""),
    ],
)
def test_types_map(
    entry_type: str, fields: dict[str, str], expected_type: EntryType, container: str
) -> None:
    reference = to_reference(entry_type, fields)
    assert (reference.type, reference.container) == (expected_type, container)


@pytest.mark.parametrize(
    ("fields", "attribute", "value"),
    [
        ({"school": "Oxford"}, "publisher", "Oxford"),
        ({"location": "London"}, "place", "London"),
        ({"issue": "3"}, "number", "3"),
        ({"urldate": "2020-01-02"}, "accessed", "2020-01-02"),
        ({"date": "1999"}, "year", "1999"),
        ({"year": "1999", "date": "2001"}, "year", "1999"),
        ({"pages": "12 -- 14"}, "pages", "12-14"),
        ({"translator": "Doe, J."}, "translators", (Name("Doe", "J."),)),
        ({"author": "{Smith, Jr.}"}, "authors", (Name("Smith, Jr."),)),
        ({"author": "Smith, J. and Doe, K."}, "authors", (Name("Smith", "J."), Name("Doe", "K."))),
        ({"author": "A, B, C, D"}, "authors", (Name("A, B, C, D"),)),  # pybtex refuses it
        ({"url": "http://x.org/a\\_b"}, "url", "http://x.org/a_b"),
    ],
)
def test_fields(fields: dict[str, str], attribute: str, value: object) -> None:
    assert getattr(to_reference("misc", fields), attribute) == value


def test_malformed_entries_stay_as_unparsed_references() -> None:
    text = (
        BIB + "\n@article{broken, title = {never closed\n@misc{ok, title = {Fine}, year = 2001}\n"
    )
    document = read_bib(text.encode(), "refs.bib")
    assert [e.key for e in document.entries] == ["harris2016", "dvorak07", "", "ok"]
    broken = document.entries[2]
    assert broken.raw == "@article{broken, title = {never closed"
    assert broken.span.line == 21
    findings = run_checks(document, Settings(select=("unparsed-reference",)))
    assert [f.span.line for f in findings] == [21]


def test_a_key_used_twice_keeps_both_entries_and_warns() -> None:
    text = "@misc{a, title = {One}, year = 2001}\n@misc{a, title = {Two}, year = 2002}\n"
    document = read_bib(text.encode(), "refs.bib")
    assert [(e.key, e.reference.title) for e in document.entries] == [("a", "One"), ("", "Two")]
    assert document.warnings == ("line 2: the key a is used twice; this entry is read without it",)


@pytest.mark.parametrize("text", ["just some prose\n", "@comment{nothing}\n% only a comment\n"])
def test_a_file_without_entries_is_an_error(text: str) -> None:
    with pytest.raises(BibError, match=r"^refs\.bib: no BibTeX entries found"):
        read_bib(text.encode(), "refs.bib")


def test_failures_alone_are_findings_not_an_error() -> None:
    entries, _ = read_entries("@article{x, title = {open\n", "refs.bib")
    assert [(e.raw, e.reference) for e in entries] == [("@article{x, title = {open", Reference())]


def test_lint_on_a_bib_runs_entry_rules_but_not_order_or_unused() -> None:
    text = (
        "@book{zed, author = {Zed, A.}, title = {Zebras}, year = 2001}\n"
        "@book{abe, author = {Abe, B.}, title = {Apples}, publisher = {Penguin}, year = 2002}\n"
    )
    document = read_document(text.encode(), "refs.bib")
    rules = {f.rule for f in run_checks(document, Settings())}
    assert rules == {"missing-field"}  # zed has no publisher; order and use are not judged


def test_export_then_read_back_round_trips() -> None:
    harris, dvorak = read_bib(BIB.encode(), "refs.bib").entries
    again = read_bib(to_bibtex([harris, dvorak]).encode(), "again.bib").entries
    assert [e.key for e in again] == ["harris2016", "dvorak07"]
    assert [e.reference for e in again] == [harris.reference, dvorak.reference]


def test_essay_with_a_bibliography_takes_its_entries() -> None:
    essay = "A title\n\nFear shaped policy [@harris2016, p. 45].\n"
    document = read_document(essay.encode(), "paper.md", BIB.encode(), "refs.bib")
    assert [e.key for e in document.entries] == ["harris2016", "dvorak07"]
    assert [c.key for c in document.keyed_citations] == ["harris2016"]
    findings = run_checks(document, Settings())
    assert [(f.rule, f.data) for f in findings if f.rule == "unused-reference"] == [
        ("unused-reference", (("name", "Dvořák"), ("key", "dvorak07")))
    ]
    assert not [f for f in findings if f.rule in ("bibliography-order", "unknown-citation-key")]


def test_bibliography_findings_move_to_the_bib() -> None:
    from_bib = Entry("@misc{a}", Span(4, 1, 6, 1), Reference(), "a")
    from_essay = Entry("Harris, J. Fear (2016)", Span(9, 1, 9, 22), Reference(), "harris2016")
    about_bib = Finding("paper.md", Span(4, 1, 6, 1), "B001", "x", Severity.WARNING, "m")
    about_text = Finding("paper.md", Span(4, 1, 4, 9), "C005", "y", Severity.ERROR, "m")
    about_essay = Finding("paper.md", Span(9, 1, 9, 22), "F001", "z", Severity.WARNING, "m")
    findings = [about_bib, about_text, about_essay]
    moved = bibliography_findings(findings, [from_essay, from_bib], "refs.bib")
    assert [f.path for f in moved] == ["refs.bib", "paper.md", "paper.md"]

"""missing-field: what each type of reference needs, and when a place is needed."""

from __future__ import annotations

from pathlib import Path

import pytest

from bib.document import read_document
from bib.model import Document, Entry, EntryType, Name, Reference, Span
from checks.fields import (
    imprint_of,
    judged_type,
    list_names_places,
    missing_field,
    missing_fields,
    needs_place,
)
from checks.settings import Settings
from checks.style import inconsistent_style

HARRIS = (Name("Harris", "J."),)


def book(publisher: str = "OUP", place: str = "Oxford", year: str = "2016") -> Reference:
    return Reference(
        type=EntryType.BOOK,
        authors=HARRIS,
        title="The Great Fear",
        publisher=publisher,
        place=place,
        year=year,
    )


def no_imprint(title: str) -> Reference:
    return book(publisher="", place="")._replace(segments=(("title", title),))


def article(
    container: str = "JSS", pages: str = "513-545", year: str = "2007", doi: str = ""
) -> Reference:
    return Reference(
        type=EntryType.ARTICLE,
        authors=HARRIS,
        title="Encircled",
        container=container,
        pages=pages,
        year=year,
        doi=doi,
    )


ILO = Reference(
    type=EntryType.BOOK,
    authors=(Name("Organization", "International Labour"),),
    title="World employment and social outlook",
    year="2021",
    segments=(("author", "International Labour Organization."), ("date", "(2021).")),
)


def document(*refs: Reference) -> Document:
    entries = tuple(Entry(f"entry {i}", Span(i + 10), ref) for i, ref in enumerate(refs))
    return Document(path="essay.txt", entries=entries)


@pytest.mark.parametrize(
    ("reference", "place_needed", "expected"),
    [
        (book(), True, ()),
        (book(publisher=""), True, ("publisher",)),
        # where books name no place, a lone "place" is the publisher misread ("Polity, 2004")
        (book(publisher="", place="Polity"), False, ()),
        (book(publisher="", place=""), True, ("publisher", "address")),
        (book(publisher="", place=""), False, ("publisher",)),
        (book(place=""), False, ()),
        (
            Reference(type=EntryType.EDITED_BOOK, editors=HARRIS, title="Policy", year="1994"),
            True,
            ("publisher", "address"),
        ),
        (
            Reference(type=EntryType.CHAPTER, authors=HARRIS, editors=HARRIS, title="A"),
            False,
            ("pages", "publisher", "year"),
        ),
        # an entry of an online reference work has no pages; a DOI'd chapter has them
        (
            Reference(
                type=EntryType.CHAPTER,
                authors=HARRIS,
                editors=HARRIS,
                title="Memory",
                publisher="Stanford University",
                year="2016",
                url="https://plato.stanford.edu/entries/memory/",
            ),
            False,
            (),
        ),
        (
            Reference(
                type=EntryType.CHAPTER,
                authors=HARRIS,
                editors=HARRIS,
                title="Memory",
                publisher="Springer",
                year="2016",
                doi="10.1007/978-3-319-00000-0_1",
                url="https://doi.org/10.1007/978-3-319-00000-0_1",
            ),
            False,
            ("pages",),
        ),
        (article(), True, ()),
        (article(pages=""), True, ("pages",)),
        (article(container=""), True, ("journal",)),
        (article(pages="", doi="10.1080/01402390701343516"), True, ()),
        (Reference(type=EntryType.WEBPAGE, title="Blog", year="2017"), True, ("url",)),
        (Reference(type=EntryType.WEBPAGE, title="Blog", url="https://a.example"), True, ()),
        (Reference(type=EntryType.THESIS, authors=HARRIS, title="Thesis", year="2001"), True, ()),
        # APA leaves out a publisher that is the author; Harvard writes it again
        (ILO, False, ()),
        (ILO, True, ("publisher", "address")),
        # dated to the day: a newspaper's issue, a sitting, a page read on a date
        (article(pages="")._replace(segments=(("date", "4 November 1956."),)), True, ()),
        (book("", "")._replace(segments=(("date", "(1936, November 1)."),)), True, ()),
        (book("", "")._replace(accessed="March 4, 2024"), True, ()),
        # a month or a season is still a journal's issue, and a year range is no day
        (article(pages="")._replace(segments=(("date", "(Spring 1987)."),)), True, ("pages",)),
        (article(pages="")._replace(segments=(("date", "November 1956."),)), True, ("pages",)),
        (
            book("", "")._replace(segments=(("date", "1 vol., 1956."),)),
            True,
            ("publisher", "address"),
        ),
    ],
)
def test_missing_fields_by_type(
    reference: Reference, place_needed: bool, expected: tuple[str, ...]
) -> None:
    kind = judged_type(reference)
    assert kind is not None
    assert missing_fields(reference, kind, place_needed) == expected


CHAPTER = Reference(type=EntryType.CHAPTER, authors=HARRIS, title="Chapter", container="Book")


@pytest.mark.parametrize(
    ("reference", "kind"),
    [
        (book(), EntryType.BOOK),
        (CHAPTER._replace(editors=HARRIS), EntryType.CHAPTER),
        (CHAPTER._replace(segments=(("container", "In: The Book,"),)), EntryType.CHAPTER),
        # A book whose title was read in two parts: too doubtful to judge.
        (CHAPTER, None),
        # An edited book whose title was read as a container.
        (
            Reference(type=EntryType.CHAPTER, editors=HARRIS, container="Soviet Foreign Policy"),
            EntryType.EDITED_BOOK,
        ),
    ],
)
def test_judged_type_doubts_the_parsers_chapters(
    reference: Reference, kind: EntryType | None
) -> None:
    assert judged_type(reference) is kind


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        (book(), ("Oxford", "OUP")),
        (book(place="London: Pimlico", publisher=""), ("London", "Pimlico")),
        (book(place="", publisher="London: Pimlico"), ("London", "Pimlico")),
        (book(place=""), ("", "OUP")),
        (
            book(place="")._replace(segments=(("place", "("), ("publisher", "M,"), ("place", "L"))),
            ("( L", "OUP"),
        ),
        # a publisher the parser left in the title, after the title's italics closed
        (no_imprint("*The Russian revolution*. Knopf."), ("", "Knopf")),
        (
            no_imprint("*Are you happy to cheat us?* Human Rights Watch."),
            ("", "Human Rights Watch"),
        ),
        (no_imprint("*The Russian revolution*."), ("", "")),
        (
            no_imprint("*Wages* (Working Paper No. 12). Centre for Economic History."),
            ("", "Centre for Economic History"),
        ),
        (no_imprint("*Wages* (2nd ed.)."), ("", "")),
        # an edited book whose title was read as its container, the publisher with it
        (
            no_imprint("")._replace(
                title="",
                segments=(
                    ("editor", "Bloom, Harold, editor."),
                    ("container", "*Mary Shelley's Frankenstein*. Chelsea House,"),
                ),
            ),
            ("", "Chelsea House"),
        ),
        # an article's journal is no imprint: the article has a title of its own
        (
            no_imprint("“Encircled.”")._replace(
                segments=(("title", "“Encircled.”"), ("container", "*Journal*. Oxford")),
            ),
            ("", ""),
        ),
        # a publisher kept with the translator in APA's parenthesis
        (
            no_imprint("")._replace(
                segments=(
                    ("title", "*The condition* ("),
                    ("translator", "F. W., Trans.). Penguin."),
                ),
            ),
            ("", "Penguin"),
        ),
        (
            no_imprint("")._replace(segments=(("translator", "Translated by F. W."),)),
            ("", ""),
        ),
        # MLA: the edition after the editor, then the publisher
        (
            no_imprint("")._replace(
                segments=(
                    ("title", "*Heart of Darkness*. 1899."),
                    ("editor", "Edited by Paul B. Armstrong, 4th ed., W. W. Norton,"),
                ),
            ),
            ("", "W. W. Norton"),
        ),
        (
            no_imprint("")._replace(segments=(("editor", "Edited by Paul B. Armstrong,"),)),
            ("", ""),
        ),
        # a report's number between the title and its publisher, which came out as a note
        (
            no_imprint("")._replace(
                segments=(("title", "*Social insurance* (Cmd. 6404)."), ("note", "HMSO.")),
            ),
            ("", "HMSO"),
        ),
        (
            no_imprint("")._replace(
                segments=(("title", "*Social insurance* (Cmd. 6404)."), ("note", "1942.")),
            ),
            ("", ""),
        ),
    ],
)
def test_imprint_of_reads_what_the_parser_left_in_one_field(
    reference: Reference, expected: tuple[str, str]
) -> None:
    assert imprint_of(reference) == expected


CHICAGO = (book(), book(place="London"), book(publisher="", place=""))
APA = (book(place=""), book(place=""), book(place="Oxford"))


@pytest.mark.parametrize(
    ("refs", "settings", "expected"),
    [
        (CHICAGO, Settings(), True),
        (APA, Settings(), False),
        (APA, Settings(require_place=True), True),
        (CHICAGO, Settings(require_place=False), False),
        (APA, Settings(style="harvard"), True),
        (APA, Settings(style="chicago"), False),
        (CHICAGO, Settings(style="chicago"), True),
        (CHICAGO, Settings(style="apa"), False),
        (CHICAGO, Settings(style="mla"), False),
        ((), Settings(), False),
    ],
)
def test_place_follows_the_setting_then_the_style_then_the_list(
    refs: tuple[Reference, ...], settings: Settings, expected: bool
) -> None:
    assert needs_place(document(*refs).entries, settings) is expected


def test_the_list_is_chicago_like_when_most_imprints_name_a_place() -> None:
    # The book without any imprint does not count either way.
    assert list_names_places(document(*CHICAGO).entries)
    assert not list_names_places(document(book(place=""), book()).entries)


def test_one_finding_per_missing_field_on_the_entry_line() -> None:
    doc = document(book(), book(publisher="", place="")._replace(title="Another Book"))
    hits = list(missing_field(doc, Settings()))
    assert [dict(h.data)["field"] for h in hits] == ["publisher", "address"]
    assert {h.span.line for h in hits} == {11}
    assert hits[0].message == "book has no publisher"


def test_an_unreadable_entry_is_left_to_unparsed_reference() -> None:
    doc = document(book(), Reference(type=EntryType.BOOK, year="1999"))
    assert list(missing_field(doc, Settings())) == []


def test_a_missing_year_is_reported_when_author_and_title_stand() -> None:
    doc = document(book(year=""), article(year=""), Reference(title="Untitled note"))
    fields = [dict(hit.data)["field"] for hit in missing_field(doc, Settings())]
    assert fields == ["year", "year"]


def test_seed_gorodetsky_lacks_publisher_and_place_and_nothing_else_lacks_a_publisher(
    seed_essay: Path,
) -> None:
    from checks.registry import run_checks
    from tests.test_check_ordering import read_seed

    findings = run_checks(read_seed(seed_essay), Settings(select=("missing-field",)))
    by_field: dict[object, list[int]] = {}
    for f in findings:
        by_field.setdefault(dict(f.data)["field"], []).append(f.span.line)
    gorodetsky = next(
        i + 1
        for i, line in enumerate(seed_essay.read_text(encoding="utf-8").splitlines())
        if line.startswith("Gorodetsky G. (ed.)")
    )
    assert by_field.get("publisher") == [gorodetsky]
    assert gorodetsky in by_field.get("address", [])


MIXED_LIST = """Soviet Diplomacy

Carr (1982), Conquest (1992), Deutscher (1974), Haslam (1984), Medvedev (1976), Tucker (1990)
and Ulam (1968).

References

Carr, E. H. Twilight of the Comintern (London: Macmillan, 1982)
Conquest, R. The Great Terror: A Reassessment (London: Pimlico, 1992)
Deutscher, I. Stalin: A Political Biography (Harmondsworth: Penguin Books, 1974)
Haslam, J. The Soviet Union and Collective Security (London: Macmillan, 1984)
Medvedev, R. Let History Judge (Nottingham: Spokesman Books, 1976)
Tucker, R. C. (1990). Stalin in power: The revolution from above. W. W. Norton.
Ulam, A. B. Expansion and Coexistence (Oxford University Press, 1968)
"""


def test_a_place_the_list_asks_for_is_missing_only_from_an_entry_in_the_lists_style() -> None:
    # Tucker is written APA-style: inconsistent-style says so; Ulam just lacks the place.
    document = read_document(MIXED_LIST.encode(), "essay.txt")
    hits = list(missing_field(document, Settings()))
    assert [(h.span.line, dict(h.data)["field"]) for h in hits] == [(14, "address")]
    lines = {h.span.line for h in inconsistent_style(document, Settings())}
    assert 13 in lines


def test_a_second_copy_of_an_entry_is_left_to_duplicate_entry() -> None:
    copy = book(publisher="", place="")
    doc = document(book(), book(), book(), copy)
    assert list(missing_field(doc, Settings())) == []
    other = copy._replace(title="The Great Terror")
    assert [h.span.line for h in missing_field(document(book(), other), Settings())] == [11, 11]


def test_an_archival_document_is_not_asked_for_a_publisher() -> None:
    archive = Entry(
        "Foreign Office. FO 371/118832. Political Correspondence, 1956.",
        Span(12),
        book(publisher="", place="")._replace(title="FO 371/118832"),
    )
    doc = document(book())
    assert list(missing_field(doc._replace(entries=(*doc.entries, archive)), Settings())) == []

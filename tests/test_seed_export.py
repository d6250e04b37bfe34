"""Acceptance: `bib export` on the seed essay (read from ../shared, never copied)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pybtex.database import BibliographyData, parse_string

from bib.bibtex import to_bibtex
from bib.document import read_document
from tests.conftest import RunBib

# (first family name, year) -> journal, volume, number, pages
ARTICLES = {
    ("Carley", "2000"): ("Europe-Asia Studies", "52", "7", "1275--1305"),
    ("Getty", "1986"): ("Soviet Studies", "38", "1", "24--35"),
    ("Gorodetsky", "2004"): ("The International History Review", "26", "3", "656--659"),
    ("Harris", "2007"): ("Journal of Strategic Studies", "30", "3", "513--545"),
    ("Khlevniuk", "2015"): ("Cahiers du monde russe", "56", "4", "837--857"),
    ("Morrison", "1934"): (None, "13", "1", "62--78"),
    ("Whitewood", "2015", "Purge"): ("Slavonic and East European Review", "93", "2", "286--314"),
    ("Whitewood", "2015", "Subversion"): ("Europe-Asia Studies", "67", "1", "102--122"),
}

BOOKS = {
    ("Carley", "1999"),
    ("Carr", "1982"),
    ("Conquest", "1992"),
    ("Cooper", "1995"),
    ("Deutscher", "1974"),
    ("McLoughlin", "2002"),
    ("Getty", "1999"),
    ("Gorodetsky", "1994"),
    ("Harris", "2016"),
    ("Haslam", "1984"),
    ("Hobsbawm", "2003"),
    ("Medvedev", "1976"),
    ("Pons", "2002"),
    ("Roffman", "1977"),
    ("Rogovin", "1998"),
    ("Rogovin", "2009"),
    ("Sedov", "1980"),
    ("Stalin", "1978"),
    ("Trotsky", "1977"),
    ("Tucker", "1990"),
    ("Whymant", "1996"),
    ("Yergin", "1977"),
}
EDITED = {("Cooper", "1995"), ("McLoughlin", "2002"), ("Gorodetsky", "1994")}


@pytest.fixture(scope="module")
def exported(seed_essay: Path) -> BibliographyData:
    document = read_document(seed_essay.read_bytes(), str(seed_essay))
    return parse_string(to_bibtex(document.entries), "bibtex")


def family_and_year(entry: object) -> tuple[str, str]:
    persons = entry.persons.get("author") or entry.persons.get("editor")  # type: ignore[attr-defined]
    family = " ".join(persons[0].last_names) if persons else ""
    return family, str(entry.fields.get("year", ""))  # type: ignore[attr-defined]


def test_thirty_entries_eight_articles_twenty_two_books(exported: BibliographyData) -> None:
    entries = list(exported.entries.values())
    assert len(entries) == 30
    assert sorted(family_and_year(e) for e in entries if e.type == "book") == sorted(BOOKS)
    assert sum(e.type == "article" for e in entries) == 8


def test_edited_books_have_editors_and_no_authors(exported: BibliographyData) -> None:
    for entry in exported.entries.values():
        if family_and_year(entry) in EDITED:
            assert "author" not in entry.persons
            assert entry.persons["editor"]
        else:
            assert "editor" not in entry.persons, family_and_year(entry)


def test_titles_that_begin_with_a_year_keep_the_imprint_year(exported: BibliographyData) -> None:
    years = {str(e.fields["title"])[:5]: str(e.fields["year"]) for e in exported.entries.values()}
    assert years["1939:"] == "1999"
    assert years["1937:"] == "1998"


def test_every_article_has_its_journal_volume_number_and_pages(exported: BibliographyData) -> None:
    seen = set()
    for entry in exported.entries.values():
        if entry.type != "article":
            continue
        family, year = family_and_year(entry)
        key: tuple[str, ...] = (family, year)
        if family == "Whitewood":
            key = (family, year, "Subversion" if "Subversion" in entry.fields["title"] else "Purge")
        journal, volume, number, pages = ARTICLES[key]
        if journal:
            assert entry.fields["journal"] == journal
        assert entry.fields["volume"] == volume
        assert entry.fields["number"] == number
        assert entry.fields["pages"] == pages
        seen.add(key)
    assert seen == set(ARTICLES)


def test_nothing_from_the_blog_comment_is_exported(exported: BibliographyData) -> None:
    titles = " ".join(str(e.fields.get("title", "")) for e in exported.entries.values()).lower()
    for comment_book in ("kruschev", "blood lies", "amalgams", "murder of serguei"):
        assert comment_book not in titles


def test_cli_export_of_the_seed_is_valid_bibtex(run_bib: RunBib, seed_essay: Path) -> None:
    result = run_bib("export", str(seed_essay))
    assert result.code == 0, result.stderr
    assert len(parse_string(result.stdout, "bibtex").entries) == 30

"""Catalog answers become Candidates: recorded payloads, and the documented shapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bib.catalogs import crossref, googlebooks, openalex, openlibrary
from bib.catalogs.config import CatalogConfig, catalog_config_from
from bib.catalogs.errors import CatalogConfigError
from bib.catalogs.records import edition_isbn, name_from_display, normal_isbn
from bib.model import EntryType, Name

DATA = Path(__file__).parent / "data" / "catalogs"


def load(name: str) -> object:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def test_a_crossref_search_answer() -> None:
    found = crossref.parse_works(load("crossref_works_query_bibliographic_cermine_refstring.json"))
    top = found[0]
    assert top.doi == "10.1007/s10032-015-0249-8"
    assert top.type is EntryType.ARTICLE
    assert top.authors[0] == Name("Tkaczyk", "Dominika")
    assert (top.year, top.volume, top.number, top.pages) == ("2015", "18", "4", "317-335")
    assert top.container.startswith("International Journal on Document Analysis")


def test_a_crossref_single_work() -> None:
    (work,) = crossref.parse_work(load("crossref_work_single_journal_article_pone.json"))
    assert work.doi == "10.1371/journal.pone.0033693"
    assert (work.container, work.year, work.pages) == ("PLoS ONE", "2012", "e33693")


def test_crossref_chapters_carry_the_books_print_isbn_and_place() -> None:
    chapter = crossref.parse_works(load("crossref_works_rows2_book_chapters.json"))[0]
    assert chapter.type is EntryType.CHAPTER
    assert (chapter.container, chapter.place) == ("Handbuch Innovationsforschung", "Wiesbaden")
    assert chapter.isbn == "9783658176716"


def test_crossref_markup_and_entities_are_cleaned() -> None:
    found = crossref.parse_works(load("crossref_works_query_ecology_author_boettiger.json"))
    titles = {c.doi: c.title for c in found}
    containers = {c.doi: c.container for c in found}
    assert "<scp>" not in titles["10.1111/j.2041-210x.2012.00247.x"]
    assert containers["10.1177/2053951719836258"] == "Big Data & Society"


def test_an_open_library_search_document() -> None:
    doc = {
        "key": "/works/OL1W",
        "title": "1937",
        "subtitle": "Stalin's Year of Terror",
        "author_name": ["Vadim Zakharovich Rogovin"],
        "first_publish_year": 1998,
        "publish_year": [1998, 2001],
        "publisher": ["Mehring Books"],
        "publish_place": ["Oak Park, MI"],
        "isbn": ["0929087763", "9780929087764"],
    }
    (work,) = openlibrary.parse_search({"numFound": 1, "docs": [doc, {"key": "/works/OL2W"}]})
    assert work.title == "1937: Stalin's Year of Terror"
    assert work.authors[0].family == "Rogovin"
    assert (work.year, work.years) == ("1998", ("1998", "2001"))
    assert work.publisher == "Mehring Books"
    # both ISBNs name one edition (ISBN-10 and its ISBN-13), so the ISBN is kept
    assert work.isbn == "9780929087764"


def test_an_open_library_work_of_many_editions_pins_no_isbn() -> None:
    doc = {"key": "/works/OL1W", "title": "T", "isbn": ["9781534431003", "9780929087764"]}
    (work,) = openlibrary.parse_search({"docs": [doc]})
    assert work.isbn == ""


def test_an_open_library_books_api_edition() -> None:
    payload = {
        "ISBN:9780929087764": {
            "key": "/books/OL1M",
            "title": "1937",
            "authors": [{"name": "Vadim Z. Rogovin"}],
            "publishers": [{"name": "Mehring Books"}],
            "publish_places": [{"name": "Oak Park, MI"}],
            "publish_date": "1998",
            "identifiers": {"isbn_13": ["9780929087764"]},
        }
    }
    (edition,) = openlibrary.parse_books(payload)
    assert (edition.year, edition.isbn, edition.place) == ("1998", "9780929087764", "Oak Park, MI")


def test_an_openalex_work() -> None:
    work = {
        "id": "https://openalex.org/W2099326003",
        "doi": "https://doi.org/10.1109/tau.1965.1161805",
        "display_name": "On the audibility of amplifier phase distortion",
        "type": "article",
        "publication_year": 1965,
        "authorships": [{"author": {"display_name": "G. Wentworth"}}],
        "biblio": {"volume": "AU-13", "issue": "4", "first_page": "99", "last_page": "99"},
        "primary_location": {"source": {"display_name": "IEEE Transactions on Audio"}},
    }
    (found,) = openalex.parse_works({"meta": {}, "results": [work]})
    assert (found.id, found.doi, found.pages) == ("W2099326003", "10.1109/tau.1965.1161805", "99")
    assert found.authors[0].family == "Wentworth"


def test_a_google_books_volume() -> None:
    (volume,) = googlebooks.parse_volumes(load("googlebooks_volumes_q_isbn_9784815602666.json"))
    assert (volume.id, volume.year, volume.isbn) == ("GjASzgEACAAJ", "2020", "9784815602666")


@pytest.mark.parametrize(
    ("display", "expected"),
    [
        ("Vadim Z. Rogovin", Name("Rogovin", "Vadim Z.")),
        ("Rogovin, Vadim", Name("Rogovin", "Vadim")),
        ("Marcel van der Linden", Name("Linden", "Marcel", "van der")),
        ("Martin Luther King Jr.", Name("King", "Martin Luther", suffix="Jr.")),
        ("Plato", Name("Plato")),
    ],
)
def test_display_names_are_split(display: str, expected: Name) -> None:
    assert name_from_display(display) == expected


def test_isbns_are_validated_and_folded_to_isbn13() -> None:
    assert normal_isbn("0-929087-76-3") == "9780929087764"
    assert normal_isbn("978-0-929087-76-4") == "9780929087764"
    assert normal_isbn("978-0-929087-76-5") == ""
    assert edition_isbn(["0929087763", "9780929087764"]) == "9780929087764"


def test_the_environment_overrides_the_settings_file() -> None:
    config = catalog_config_from(
        {"mailto": "file@example.org", "crossref-url": "https://mirror.example.org", "timeout": 5},
        {"BIB_MAILTO": "env@example.org", "BIB_OPENLIBRARY_URL": "http://127.0.0.1:8000"},
    )
    assert config.mailto == "env@example.org"
    assert config.crossref_url == "https://mirror.example.org"
    assert config.openlibrary_url == "http://127.0.0.1:8000"
    assert config.timeout == 5.0
    assert config.sources == ("crossref", "openlibrary")


def test_keys_enable_the_optional_catalogs() -> None:
    config = catalog_config_from({"openalex-key": "k"}, {"BIB_GOOGLEBOOKS_KEY": "g"})
    assert config.sources == ("crossref", "openlibrary", "openalex", "googlebooks")
    assert CatalogConfig().sources == ("crossref", "openlibrary")


@pytest.mark.parametrize(
    ("table", "env", "message"),
    [
        ({}, {"BIB_CROSSREF_URL": "http://api.crossref.org"}, "must use https"),
        ({"openalex-url": "ftp://x"}, {}, "not an http"),
        ({"colour": "red"}, {}, "unknown catalog setting"),
        ({"timeout": "soon"}, {}, "must be a number"),
        ({"cache-backend": "redis"}, {}, "needs cache-url"),
        ({"cache-backend": "floppy"}, {}, "cache-backend must be"),
    ],
)
def test_bad_catalog_settings_are_one_line_errors(
    table: dict[str, object], env: dict[str, str], message: str
) -> None:
    with pytest.raises(CatalogConfigError, match=message):
        catalog_config_from(table, env)


@pytest.mark.parametrize("url", ["http://localhost:9999", "http://127.0.0.2", "http://[::1]:80"])
def test_plain_http_is_allowed_on_loopback_only(url: str) -> None:
    assert catalog_config_from({}, {"BIB_CROSSREF_URL": url}).crossref_url == url

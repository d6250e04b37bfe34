from __future__ import annotations

import doctest
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bib.csl
from bib.csl import csl_date, csl_issued, csl_item, csl_name, to_csl_json
from bib.keys import ensure_keys
from bib.model import Entry, EntryType, Name, Reference, Span


def entry_of(reference: Reference, key: str = "") -> Entry:
    return Entry(raw="", span=Span(1), reference=reference, key=key)


WHITEWOOD = Name("Whitewood", "Peter")


@pytest.mark.parametrize(
    ("reference", "item"),
    [
        (
            Reference(
                type=EntryType.ARTICLE,
                authors=(WHITEWOOD,),
                title="Subversion in the Red Army",
                container="Europe-Asia Studies",
                volume="67",
                number="1",
                pages="102-122",
                year="2015",
                month="January",
                doi="10.1080/09668136.2014.990717",
            ),
            {
                "id": "whitewood2015",
                "type": "article-journal",
                "author": [{"family": "Whitewood", "given": "Peter"}],
                "title": "Subversion in the Red Army",
                "container-title": "Europe-Asia Studies",
                "volume": "67",
                "issue": "1",
                "page": "102-122",
                "DOI": "10.1080/09668136.2014.990717",
                "issued": {"date-parts": [[2015, 1]]},
            },
        ),
        (
            Reference(
                type=EntryType.BOOK,
                authors=(Name("Carr", "E. H."),),
                translators=(Name("Linden", "Marcel", "van der"),),
                title="The Twilight of Comintern",
                publisher="Macmillan",
                place="London",
                edition="2",
                series="A History of Soviet Russia",
                isbn="978-0-333-33270-6",
                year="1982",
            ),
            {
                "id": "carr1982",
                "type": "book",
                "author": [{"family": "Carr", "given": "E. H."}],
                "translator": [
                    {"family": "Linden", "given": "Marcel", "non-dropping-particle": "van der"}
                ],
                "title": "The Twilight of Comintern",
                "collection-title": "A History of Soviet Russia",
                "edition": "2",
                "publisher": "Macmillan",
                "publisher-place": "London",
                "ISBN": "978-0-333-33270-6",
                "issued": {"date-parts": [[1982]]},
            },
        ),
        (
            Reference(
                type=EntryType.EDITED_BOOK,
                authors=(Name("Cooper", "J"),),
                title="Soviet history, 1917-53",
                year="1995",
            ),
            {
                "id": "cooper1995",
                "type": "book",
                "editor": [{"family": "Cooper", "given": "J"}],
                "title": "Soviet history, 1917-53",
                "issued": {"date-parts": [[1995]]},
            },
        ),
        (
            Reference(
                type=EntryType.CHAPTER,
                authors=(Name("King", "Martin Luther", suffix="Jr."),),
                editors=(Name("Žižek", "Slavoj"),),
                title="A chapter",
                container="Lenin Reloaded",
                pages="24-36",
                year="2007",
            ),
            {
                "id": "king2007",
                "type": "chapter",
                "author": [{"family": "King", "given": "Martin Luther", "suffix": "Jr."}],
                "editor": [{"family": "Žižek", "given": "Slavoj"}],
                "title": "A chapter",
                "container-title": "Lenin Reloaded",
                "page": "24-36",
                "issued": {"date-parts": [[2007]]},
            },
        ),
        (
            Reference(type=EntryType.THESIS, authors=(WHITEWOOD,), publisher="Glasgow"),
            {
                "id": "whitewoodnd",
                "type": "thesis",
                "author": [{"family": "Whitewood", "given": "Peter"}],
                "publisher": "Glasgow",
            },
        ),
        (
            Reference(
                type=EntryType.REPORT,
                authors=(Name("World Health Organization"),),
                title="Report",
                number="7",
                year="forthcoming",
            ),
            {
                "id": "worldhealthorganizationnd",
                "type": "report",
                "author": [{"literal": "World Health Organization"}],
                "title": "Report",
                "issue": "7",
                "issued": {"literal": "forthcoming"},
            },
        ),
        (
            Reference(
                type=EntryType.WEBPAGE,
                title="The Red Book",
                container="Marxists Internet Archive",
                url="https://www.marxists.org/archive/sedov/1936/red-book.htm",
                accessed="12 March 2020",
                year="n.d.",
            ),
            {
                "id": "rednd",
                "type": "webpage",
                "title": "The Red Book",
                "container-title": "Marxists Internet Archive",
                "URL": "https://www.marxists.org/archive/sedov/1936/red-book.htm",
                "accessed": {"date-parts": [[2020, 3, 12]]},
            },
        ),
        (
            Reference(type=EntryType.REVIEW, title="Review", note="  a note  "),
            {"id": "reviewnd", "type": "review", "title": "Review", "note": "a note"},
        ),
        (Reference(), {"id": "anonnd", "type": "document"}),
    ],
)
def test_item_per_type(reference: Reference, item: dict[str, object]) -> None:
    (entry,) = ensure_keys([entry_of(reference)])
    assert csl_item(entry) == item
    assert json.loads(to_csl_json([entry_of(reference)])) == [item]


@pytest.mark.parametrize(
    ("name", "csl"),
    [
        (Name("Whitewood", "Peter"), {"family": "Whitewood", "given": "Peter"}),
        (
            Name("Linden", "Marcel", "van der"),
            {"family": "Linden", "given": "Marcel", "non-dropping-particle": "van der"},
        ),
        (
            Name("Linden", particle="van der"),
            {"family": "Linden", "non-dropping-particle": "van der"},
        ),
        (Name("World Health Organization"), {"literal": "World Health Organization"}),
        (Name("Plato"), {"literal": "Plato"}),
        (Name(" Smith ", " J. "), {"family": "Smith", "given": "J."}),
        (Name(""), {}),
    ],
)
def test_names(name: Name, csl: dict[str, str]) -> None:
    assert csl_name(name) == csl


def test_empty_names_are_left_out() -> None:
    reference = Reference(authors=(Name(""), WHITEWOOD), editors=(Name(" "),))
    item = csl_item(entry_of(reference, key="k"))
    assert item["author"] == [{"family": "Whitewood", "given": "Peter"}]
    assert "editor" not in item


@pytest.mark.parametrize(
    ("year", "month", "issued"),
    [
        ("1937", "", {"date-parts": [[1937]]}),
        ("1937", "March", {"date-parts": [[1937, 3]]}),
        ("1937", "Sept.", {"date-parts": [[1937, 9]]}),
        ("1937", "11", {"date-parts": [[1937, 11]]}),
        ("1937", "13", {"date-parts": [[1937]]}),
        ("1937", "Spring", {"date-parts": [[1937]]}),
        ("1937 [1977]", "", {"date-parts": [[1937]]}),
        ("forthcoming", "", {"literal": "forthcoming"}),
        ("n.d.", "", None),
        ("nd", "", None),
        ("", "March", None),
    ],
)
def test_issued(year: str, month: str, issued: object) -> None:
    assert csl_issued(year, month) == issued


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2020-03-12", {"date-parts": [[2020, 3, 12]]}),
        ("2020-03", {"date-parts": [[2020, 3]]}),
        ("12 March 2020", {"date-parts": [[2020, 3, 12]]}),
        ("March 12, 2020", {"date-parts": [[2020, 3, 12]]}),
        ("12th March 2020", {"literal": "12th March 2020"}),
        ("March 2020", {"date-parts": [[2020, 3]]}),
        ("2020", {"date-parts": [[2020]]}),
        ("12 2020", {"literal": "12 2020"}),
        ("40 March 2020", {"literal": "40 March 2020"}),
        ("last spring", {"literal": "last spring"}),
        ("", None),
    ],
)
def test_accessed(text: str, date: object) -> None:
    assert csl_date(text) == date


def test_output_is_pretty_printed_unescaped_json() -> None:
    text = to_csl_json([entry_of(Reference(authors=(Name("Žižek", "Slavoj"),), year="2008"))])
    assert text.startswith('[\n  {\n    "id": "zizek2008",\n')
    assert "Žižek" in text
    assert text.endswith("]\n")


def test_given_keys_are_kept() -> None:
    assert json.loads(to_csl_json([entry_of(Reference(), key="mine")]))[0]["id"] == "mine"


names = st.builds(Name, st.text(max_size=8), st.text(max_size=8), st.text(max_size=4))
references = st.builds(
    Reference,
    type=st.sampled_from(EntryType),
    authors=st.lists(names, max_size=2).map(tuple),
    title=st.text(),
    container=st.text(),
    year=st.text(max_size=8),
    month=st.text(max_size=6),
    accessed=st.text(max_size=16),
    note=st.text(),
)


@given(st.lists(st.builds(entry_of, references), max_size=4))
def test_any_entries_round_trip_through_json(entries: list[Entry]) -> None:
    items = json.loads(to_csl_json(entries))
    keyed = ensure_keys(entries)
    assert items == [csl_item(entry) for entry in keyed]
    for item, entry in zip(items, keyed, strict=True):
        assert item["id"] == entry.key
        assert item.get("title", "") == entry.reference.title.strip()
        assert item.get("note", "") == entry.reference.note.strip()


def test_docstring_examples_hold() -> None:
    results = doctest.testmod(bib.csl)
    assert results.attempted > 0
    assert results.failed == 0

"""inconsistent-style: each entry's shape against the list's clear majority.

Entries are written in a small markup, ``{label:text}`` for each segment the
parser would label, so that the tests do not depend on the trained parser.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bib.model import Document, Entry, EntryType, Name, Reference, Span
from checks.registry import run_checks
from checks.settings import Settings
from checks.style import (
    Shape,
    comparable_type,
    imprint,
    imprint_group,
    inconsistent_style,
    initials,
    is_archival,
    locate,
    name_order,
    names_a_day,
    pages_label,
    punctuation,
    shape_of,
    title_marks,
    year_position,
)
from tests.test_check_ordering import read_seed

_SEGMENT = re.compile(r"\{([a-z-]+):([^{}]*)\}")


def entry(marked: str, kind: EntryType = EntryType.BOOK, line: int = 1) -> Entry:
    """An entry from ``{author:Carr, E. H.} {title:Twilight} ({place:London}: ...)``."""
    segments = tuple((m.group(1), m.group(2)) for m in _SEGMENT.finditer(marked))
    raw = _SEGMENT.sub(lambda m: m.group(2), marked)
    names = tuple(name(text) for label, text in segments if label == "author")
    # the year as the parser reads it: that of the first date that gives one
    years = (re.search(r"\d{4}", text) for label, text in segments if label == "date")
    year = next((found.group() for found in years if found), "")
    return Entry(raw, Span(line), Reference(type=kind, authors=names, year=year, segments=segments))


def name(text: str) -> Name:
    text = text.strip(" ,.")
    if "," in text:
        family, given = text.split(",", 1)
        return Name(family.strip(), given.strip())
    words = text.split()
    if len(words) > 1 and len(words[-1].strip(".")) == 1:
        return Name(words[0], " ".join(words[1:]))
    return Name(words[-1], " ".join(words[:-1]))


def shape(marked: str, kind: EntryType = EntryType.BOOK) -> Shape:
    found = shape_of(entry(marked, kind))
    assert found is not None
    return found


def book(author: str, title: str, imprint: str) -> str:
    return f"{{author:{author}}} {{title:{title}}} {imprint}"


def chicago(author: str, title: str, place: str, publisher: str, year: str) -> str:
    """A book as "Carr, E. H. Title (Place: Publisher, Year)"."""
    return book(author, title, f"({{place:{place}}}: {{publisher:{publisher}}}, {{date:{year}}})")


def article(author: str, title: str, end: str) -> str:
    """An article as "Harris, J. ‘Title’, Journal, Vol. 1, No. 2" and then ``end``."""
    return f"{{author:{author}}} ‘{{title:{title}}}’, {{container:Journal}}, {{volume:Vol. 5}}{end}"


CONQUEST = chicago("Conquest, R.", "The Great Terror", "London", "Pimlico", "1992")
DEUTSCHER = chicago("Deutscher, I.", "Stalin", "Harmondsworth", "Penguin", "1974")
HASLAM = chicago("Haslam, J.", "Collective Security", "London", "Macmillan", "1984")
MEDVEDEV = chicago("Medvedev, R.", "Let History Judge", "Nottingham", "Spokesman", "1976")
PONS = chicago("Pons, S.", "The Inevitable War", "London", "Cass", "2002")
CHICAGO_BOOKS = (CONQUEST, DEUTSCHER, HASLAM, MEDVEDEV, PONS)

HARRIS = article("Harris, J.", "Encircled", " ({date:2007}) {pages:pp. 513-545}")
GETTY = article("Getty, J. A.", "Trotsky in Exile", " ({date:1986}) {pages:pp. 24-35}")
KHLEVNIUK = article("Khlevniuk, O.", "Top Down", " ({date:2015}) pp. {pages:837-857}.")
WHITEWOOD = article("Whitewood, P.", "Subversion", " ({date:2015}) {pages:pp. 102-122}.")
ARTICLES = (HARRIS, GETTY, KHLEVNIUK, WHITEWOOD)

CARR_PUBLISHER_FIRST = book(
    "Carr, E. H.", "Twilight", "({publisher:Macmillan press}, {place:London} {date:1982})"
)
TUCKER_COLON = book("Tucker, R. C.", "Stalin", "({place:London}: {publisher:Norton}: {date:1990})")
COOPER_NO_STOP = (
    "{author:Cooper, J} (ed.) {title:Soviet history} "
    "({place:Basingstoke}: {publisher:Macmillan}, {date:1995})"
)
GORODETSKY_NO_COMMA = chicago("Gorodetsky G.", "Soviet Foreign Policy", "London", "Cass", "1994")
CARLEY_YEAR_LAST = article("Carley, M. J.", "Episodes", ", {pages:pp. 1275–1305} ({date:2000})")
ITALIC_BOOK = chicago("Pons, S.", "*The Inevitable War*", "London", "Cass", "2002")
BARE_PAGES = article("Getty, J. A.", "Exile", " ({date:1986}) {pages:24-35}")
QUOTE_IN_ITALIC_TITLE = '{author:Belchem, J.} *{title:"Orator" Hunt}*. {publisher:Clarendon}.'
QUOTE_OPENING_PLAIN_TITLE = (
    "{author:Kershaw, I.} ({date:1993}). {title:'Working towards the Führer': Reflections}. "
    "{container:Contemporary European History}"
)
ORGANISATION_AS_TITLE = (
    "{title:International Organization for Migration}. ({date:2019}). "
    "*{title:Tajikistan: Migration country profile}*. {publisher:IOM}."
)
APA_BOOK = "{author:Harris, J.} ({date:2016}). {title:The Great Fear}. {publisher:OUP}."


def document(*marked: str | tuple[str, EntryType]) -> Document:
    entries = []
    for i, item in enumerate(marked):
        text, kind = item if isinstance(item, tuple) else (item, EntryType.BOOK)
        entries.append(entry(text, kind, line=i + 1))
    return Document(path="essay.txt", entries=tuple(entries))


def test_locate_finds_each_core_in_order_and_merges_runs() -> None:
    raw = "Carr, E. H. Twilight (London, 1982)"
    segments = (("author", "Carr, E. H."), ("title", "Twilight"), ("place", "(London,"))
    pieces = locate(raw, (*segments, ("date", "1982)")))
    assert pieces is not None
    assert [raw[p.start : p.end] for p in pieces] == ["Carr, E. H", "Twilight", "London", "1982"]
    merged = locate("A, B. and C, D. Title", (("author", "A, B. and"), ("author", "C, D.")))
    assert merged is not None and len(merged) == 1
    assert locate("Title", (("title", "*Title*"), ("date", "1999"))) is None


@pytest.mark.parametrize(
    ("gap", "shown"), [(": ", ": "), (", ", ", "), (" ", " "), (":", ":"), (" : ", ": ")]
)
def test_punctuation(gap: str, shown: str) -> None:
    assert punctuation(gap) == shown


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (CONQUEST, "(Place: Publisher, Year)"),
        (CARR_PUBLISHER_FIRST, "(Publisher, Place Year)"),
        (TUCKER_COLON, "(Place: Publisher: Year)"),
        (book("Harris, J.", "Fear", "{place:Oxford}: {publisher:OUP}, {date:2016}."), "Place: Publisher, Year"),  # noqa: E501
        (APA_BOOK, "Publisher"),
        (book("Gorodetsky G. (ed.),", "Soviet foreign policy", "({date:1994})"), None),
        # no year at all: the imprint is short of one, which is missing-field's to say
        (book("Gaskill, M.", "Witchfinders", "{publisher:John Murray}."), None),
        # a translation names its original's imprint after its own: the first is the entry's
        (book("Dayan, M.", "Diary", "{place:London}: {publisher:Weidenfeld}, {date:1966}. {title:Originally Yoman} ({place:Tel Aviv}: {publisher:Am Hasefer}, {date:1965})."), "Place: Publisher, Year"),  # noqa: E501
        # a publisher the parser left in the title, after its italics
        ("{author:Thomas, H.} {title:*The Suez Affair*. Weidenfeld and Nicolson,} {place:London}, {date:1967}.", "Publisher, Place, Year"),  # noqa: E501
        # words after italics with no imprint after them are the title's: no imprint
        ("{author:Thomas, H.} {title:*Suez*. A Study} {url:https://a.example}", None),
    ],
)  # fmt: skip
def test_imprint(marked: str, expected: str | None) -> None:
    assert imprint(shape(marked)) == expected


def test_a_publisher_left_in_the_title_is_compared_with_the_lists_imprints() -> None:
    thomas = book("Thomas, H.", "*The Suez Affair*. Weidenfeld,", "{place:London}, {date:1967}.")
    hits = list(inconsistent_style(document(*CHICAGO_BOOKS, thomas), Settings()))
    assert [(h.span.line, dict(h.data)["found"]) for h in hits] == [(6, "Publisher, Place, Year")]


def test_a_second_imprint_does_not_change_the_entrys_group() -> None:
    dayan = book(
        "Dayan, M.",
        "Diary",
        "{place:London}: {publisher:Weidenfeld}, {date:1966}. {title:Originally Yoman} "
        "({publisher:Am Hasefer}, {date:1965}).",
    )
    assert imprint_group(shape(dayan)) == imprint_group(shape(CONQUEST)) == "book: Place+Publisher"


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (CONQUEST, "at the end"),
        (HARRIS, "before the pages"),
        (CARLEY_YEAR_LAST, "after the pages"),
        (APA_BOOK, "after the names"),
        ("{author:Harris, J.} {title:Fear} {date:2016} {url:https://a.example}", "at the end"),
        ("{author:Harris, J.} {title:Fear} {date:2016}, {publisher:OUP}", "before the publisher"),
        ("{author:Harris, J.} {title:The Great Fear}", None),
        # Names that are not the entry's opening ones (a publisher read as an editor).
        (
            "{author:Harris, J.} {title:Fear} ({place:Oxford}: {editor:OUP}, {date:2016})",
            "at the end",
        ),
        # no author: the heading (an organisation read as a title) stands in its place
        (ORGANISATION_AS_TITLE, "after the names"),
        ("{title:Tajikistan profile}. {publisher:IOM}, {date:2019}.", "at the end"),
        # the year is the date that holds the entry's year, not a day or an access date
        (
            "{author:BBC News} ({date:2023}) '{title:Back to the office}', {container:BBC News}, "
            "{date:5 June}. {url:Available at: https://bbc.co.uk} ({note:Accessed: 2} "
            "{date:March 2025}).",
            "after the names",
        ),
        # a year the parser kept with the pages still stands after them
        (
            "{author:Agarwal, P. K.} {title:Retrieval}. {container:R}, {pages:1409–1453, 2021}.",
            "after the pages",
        ),
        ("{author:Getty, J. A.} {title:Exile}, {pages:pp. 24–35, 1986}", "after the pages"),
        (
            "{author:Getty, J. A.} ({date:1986}) {title:Exile}, {pages:24–35, 1986}",
            "after the names",
        ),
        ("{author:Getty, J. A.} {title:Exile}, {pages:24, 35}", None),
    ],
)
def test_year_position(marked: str, expected: str | None) -> None:
    assert year_position(shape(marked)) == expected


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (HARRIS, "in quotation marks"),
        (CONQUEST, "plain"),
        (ITALIC_BOOK, "in italics"),
        ("{author:Conquest, R.} {date:1992}", None),
        # marks inside a title are the title's own
        (QUOTE_IN_ITALIC_TITLE, "in italics"),
        (QUOTE_OPENING_PLAIN_TITLE, "plain"),
        (ORGANISATION_AS_TITLE, "in italics"),  # the work's title, not the heading's
        # the outermost mark decides: a quoted title may end or open on an italic one
        (
            '{author:Young, E.} "{title:Wedding in *Bride of Frankenstein*}." *Feminist*',
            "in quotation marks",
        ),
        (
            '{author:Heffernan, J.} "*{title:Frankenstein* and Film}." *Critical Inquiry*',
            "in quotation marks",
        ),
        ('{author:Belchem, J.} *"{title:Orator" Hunt*}. Clarendon', "in italics"),
        ("{author:Kershaw, I.} '{title:Working': Reflections}. *Contemporary*", "plain"),
    ],
)
def test_title_marks(marked: str, expected: str | None) -> None:
    assert title_marks(shape(marked)) == expected


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (HARRIS, "with p./pp."),
        (KHLEVNIUK, "with p./pp."),
        (BARE_PAGES, "bare numbers"),
        (CONQUEST, None),
        # an article number is no page
        (article("Lane, S. N.", "Flood", " ({date:2017}) {pages:e1211}"), None),
        (article("Kim, Y.", "Testing", " ({date:2020}) Article {pages:104056}"), None),
    ],
)
def test_pages_label(marked: str, expected: str | None) -> None:
    assert pages_label(shape(marked)) == expected


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (CONQUEST, "Family, Given"),
        (GORODETSKY_NO_COMMA, "Family Given"),
        ("{author:Robert Conquest}, {title:The Great Terror} ({date:1992})", "Given Family"),
        ("{author:World Bank}. ({date:2019}). {title:Tajikistan update}.", None),
        ("{author:Deans for Impact}. ({date:2015}). {title:The science of learning}.", None),
        ('{author:Oficina del Peregrino}. "{title:Estadísticas}." Accessed 2025.', None),
        ("{author:Conquest}. {title:The Great Terror} ({date:1992})", None),
        ("{author:Conquest} (ed.) {title:The Great Terror} ({date:1992})", None),
        ("{title:The Great Terror} ({date:1992})", None),
    ],
)
def test_name_order(marked: str, expected: str | None) -> None:
    assert name_order(shape(marked)) == expected


def test_a_particle_left_out_of_the_family_name_is_no_natural_order() -> None:
    raw = "van der Linden, M. Workers of the World (2008)"
    pieces = locate(raw, (("author", "van der Linden, M."), ("title", "Workers of the World")))
    assert pieces is not None
    assert name_order(Shape(raw, EntryType.BOOK, pieces, "Linden", "M.")) is None
    assert name_order(Shape(raw, EntryType.BOOK, pieces, "van der Linden", "M.")) == (
        "Family, Given"
    )


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (CONQUEST, "book"),
        # a "book" whose title is followed by "in" and another work is a chapter
        (
            "{author:Jones, C.} ({date:1991}) '{title:Bourgeois revolution}', "
            "{editor:in Lucas, C. (ed.)} *{title:Rewriting the French Revolution}*. "
            "{place:Oxford}: {publisher:Clarendon}",
            "chapter",
        ),
        ("{author:Pons, S.} {title:War in Europe} ({place:London}: {publisher:Cass})", "book"),
        # a "book" dated to the day is a newspaper's article, the parser misled by italics
        (
            "{author:Manchester Guardian.} ({date:1936, November 1}). "
            "{title:The Jarrow marchers. *The Manchester Guardian*}.",
            "dated to the day",
        ),
        (
            "{author:Pons, S.} {title:War} ({place:London}: {publisher:Cass}, {date:May 2002})",
            "book",
        ),
    ],
)
def test_comparable_type(marked: str, expected: str) -> None:
    assert comparable_type(shape(marked)) == expected


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("4 November 1956.", True),
        ("(1936, November 1).", True),
        ("March 4, 2024", True),
        ("Nov. 4th", True),
        ("May 2002", False),
        ("(Spring 1987)", False),
        ("1960–65.", False),
    ],
)
def test_names_a_day(date: str, expected: bool) -> None:
    assert names_a_day([date]) is expected


def test_an_inverted_family_name_of_two_words_is_no_natural_order_and_has_no_initial() -> None:
    raw = "Ó Gráda, C. (1999). Black '47 and beyond. Princeton University Press."
    pieces = locate(raw, (("author", "Ó Gráda, C."), ("title", "Black '47 and beyond")))
    assert pieces is not None
    misread = Shape(raw, EntryType.BOOK, pieces, "Gráda", "Ó")  # as the parser reads it
    assert name_order(misread) == "Family, Given"
    assert initials(misread) == "with full stops"
    assert name_order(shape("{author:Robert Conquest}, {title:Terror} ({date:1992})")) == (
        "Given Family"
    )


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (CONQUEST, "with full stops"),
        (COOPER_NO_STOP, "without full stops"),
        ("{author:Getty, J. A. and Oleg V. Naumov}, {title:Road} ({date:1999})", "with full stops"),
        ("{author:Getty, J A. and Oleg V Naumov}, {title:Road} ({date:1999})", "with and without full stops"),  # noqa: E501
        ("{author:O'Brien, Kevin}, {title:Ireland} ({date:1999})", None),
        ("{author:Weinberg, Gerhard L. A} {title:World at Arms} ({date:1994})", "with full stops"),
        ("{author:Robert Conquest}, {title:The Great Terror} ({date:1992})", None),
    ],
)  # fmt: skip
def test_initials(marked: str, expected: str | None) -> None:
    assert initials(shape(marked)) == expected


def articles(*marked: str) -> tuple[tuple[str, EntryType], ...]:
    return tuple((m, EntryType.ARTICLE) for m in marked)


FAILING = [
    # (the list, the deviant entry, its deviant features)
    ((*CHICAGO_BOOKS, CARR_PUBLISHER_FIRST), CARR_PUBLISHER_FIRST, ["imprint"]),
    ((*CHICAGO_BOOKS, TUCKER_COLON), TUCKER_COLON, ["imprint"]),
    ((*CHICAGO_BOOKS, COOPER_NO_STOP), COOPER_NO_STOP, ["initials"]),
    ((*CHICAGO_BOOKS, GORODETSKY_NO_COMMA), GORODETSKY_NO_COMMA, ["name-order"]),
    ((*CHICAGO_BOOKS, ITALIC_BOOK), ITALIC_BOOK, ["title-marks"]),
    (articles(*ARTICLES, CARLEY_YEAR_LAST), CARLEY_YEAR_LAST, ["year-position"]),
    (articles(*ARTICLES, BARE_PAGES), BARE_PAGES, ["pages-label"]),
]


@pytest.mark.parametrize(("marked", "deviant", "features"), FAILING)
def test_the_entry_that_departs_from_the_majority_is_reported(
    marked: tuple[str | tuple[str, EntryType], ...], deviant: str, features: list[str]
) -> None:
    hits = list(inconsistent_style(document(*marked), Settings()))
    flat = [m if isinstance(m, str) else m[0] for m in marked]
    assert [h.span.line for h in hits] == [flat.index(deviant) + 1]
    data = dict(hits[0].data)
    assert data["feature"] == features[0]
    assert [d[0] for d in data["deviations"]] == features  # type: ignore[attr-defined]


def test_every_departing_feature_is_named_in_one_finding() -> None:
    both = book(
        "Cooper, J} (ed.) {title:x",  # an initial without its full stop...
        "Soviet history",
        "({publisher:Macmillan}, {place:Basingstoke} {date:1995})",  # ...and publisher first
    )
    hits = list(inconsistent_style(document(*CHICAGO_BOOKS, both), Settings()))
    assert len(hits) == 1
    data = dict(hits[0].data)
    expected = ("imprint", "(Place: Publisher, Year)", "(Publisher, Place Year)")
    assert (data["feature"], data["expected"], data["found"]) == expected
    assert "imprint" in hits[0].message and "initials" in hits[0].message


BARE_ARTICLES = articles(
    *(article(a, "Title", " ({date:1986}) {pages:24-35}") for a in ("Getty", "Harris", "Pons"))
)
APA_CHAPTER = (
    "{author:Mommsen, H.} ({date:1986}). {title:The unthinkable}. In {editor:G. Hirschfeld} (Ed.), "
    "{container:The policies of genocide} ({pages:pp. 93–144}). {publisher:Allen & Unwin}."
)

PASSING = [
    CHICAGO_BOOKS,
    # APA gives a chapter's pages "pp." and an article's bare: each type has its own.
    (*BARE_ARTICLES, *articles(BARE_PAGES), (APA_CHAPTER, EntryType.CHAPTER)),
    # Too few entries to speak of a majority.
    (CONQUEST, DEUTSCHER, CARR_PUBLISHER_FIRST),
    # No clear majority: 2 against 2.
    (CONQUEST, DEUTSCHER, CARR_PUBLISHER_FIRST, TUCKER_COLON),
    # A book without an imprint is missing-field's business, not a different style.
    (*CHICAGO_BOOKS, book("Gorodetsky, G.", "Soviet foreign policy", "({date:1994})")),
    # Entries compare imprints only with those that give the same parts.
    (*CHICAGO_BOOKS, book("Carr, E. H.", "Twilight", "({publisher:Macmillan}, {date:1982})")),
    # Articles and books are each compared with their own kind.
    (*CHICAGO_BOOKS, *articles(*ARTICLES)),
]


@pytest.mark.parametrize("marked", PASSING)
def test_consistent_lists_pass(marked: tuple[str | tuple[str, EntryType], ...]) -> None:
    assert list(inconsistent_style(document(*marked), Settings())) == []


def test_an_entry_whose_segments_are_not_in_its_text_is_left_out() -> None:
    cleaned = entry(CARR_PUBLISHER_FIRST)
    emphasised = Entry(cleaned.raw.replace("Twilight", "*Twi*light"), Span(6), cleaned.reference)
    doc = document(*CHICAGO_BOOKS)
    doc = Document(path=doc.path, entries=(*doc.entries, emphasised))
    assert shape_of(emphasised) is None
    assert list(inconsistent_style(doc, Settings())) == []


def test_seed_reports_the_canonical_departures_and_nothing_else(seed_essay: Path) -> None:
    findings = run_checks(read_seed(seed_essay), Settings(select=("inconsistent-style",)))
    lines = seed_essay.read_text(encoding="utf-8").splitlines()
    reported = {lines[f.span.line - 1][:16]: dict(f.data)["feature"] for f in findings}
    assert reported.get("Carr, E. H. Twil") == "imprint"  # (Macmillan press, London 1982)
    assert reported.get("Tucker, R. C. St") == "imprint"  # (London: W. W. Norton...: 1990)
    # Precision: any other finding is one of the list's known departures.
    known = {"Carley, M. J. ‘E", "Cooper, J (ed.) ", "Gorodetsky G. (e"}
    assert set(reported) <= known | {"Carr, E. H. Twil", "Tucker, R. C. St"}


def test_a_second_copy_of_an_entry_is_left_to_duplicate_entry() -> None:
    def titled(e: Entry) -> Entry:
        return e._replace(reference=e.reference._replace(title=f"Title {e.raw[:12]}", year="1982"))

    doc = document(*CHICAGO_BOOKS, CARR_PUBLISHER_FIRST)
    entries = tuple(titled(e) for e in doc.entries)
    assert [h.span.line for h in inconsistent_style(doc._replace(entries=entries), Settings())] == [
        6
    ]
    # The same Carr, listed first in the list's own form: the other form is its copy.
    carr = titled(entry(chicago("Carr, E. H.", "Twilight", "London", "Macmillan", "1982")))
    first_copy = entries[-1]._replace(reference=carr.reference)
    with_copy = (*entries[:-1], carr, first_copy)
    assert list(inconsistent_style(doc._replace(entries=with_copy), Settings())) == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Foreign Office. FO 371/118832. Political Correspondence, 1956. National Archives.", True),
        ("The National Archives, Kew. CAB 128/30. Cabinet Conclusions, 1956.", True),
        (
            "Eliot, T. Letter to Mary Eliot, 4 June 1917. Eliot Papers, MS 45, Bodleian Library.",
            True,
        ),
        ("Hoover Institution Archives, Nicolaevsky Collection, Box 3, Folder 12.", True),
        ("United Nations. (2015). *Transforming our world* (A/RES/70/1).", False),
        ("Kyle, Keith. *Suez*. London: Weidenfeld and Nicolson, 1991.", False),
        ("Harris, J. 'Encircled', JSS, 30/3 (2007), pp. 513-545.", False),
    ],
)
def test_is_archival(raw: str, expected: bool) -> None:
    assert is_archival(raw) is expected


def test_an_archival_document_is_not_compared_with_published_works() -> None:
    archive = (
        "{author:Foreign Office.} {title:FO} {volume:371/118832.} "
        "{publisher:Political Correspondence,} {date:1956.} {publisher:National Archives, Kew.}"
    )
    assert list(inconsistent_style(document(*CHICAGO_BOOKS, archive), Settings())) == []


def test_an_organisation_read_as_a_publisher_heads_an_apa_entry_as_its_author() -> None:
    ons = (
        "{publisher:Office for National Statistics.} ({date:2020}). "
        "*{title:Annual abstract of statistics}* [Data set]."
    )
    found = shape(ons)
    assert year_position(found) == "after the names"
    assert imprint(found) is None


@pytest.mark.parametrize(
    ("marked", "imprint_pattern", "year_at"),
    [
        # what follows "Originally published" is another edition's
        (
            "{author:Engels, F.} ({date:1987}) *{title:The condition}*. "
            "{place:Harmondsworth}: {publisher:Penguin. Originally published} {date:1845}.",
            "Place: Publisher",
            "after the names",
        ),
        # what follows "Reprinted as" is another edition's, under another title
        (
            "{author:Sumption, J.} *{title:Pilgrimage}*. {place:London}: {publisher:Faber}, "
            "{date:1975}. {title:Reprinted as *The Age of Pilgrimage*}. {place:Mahwah, NJ}: "
            "{publisher:HiddenSpring}, {date:2003}.",
            "Place: Publisher, Year",
            "at the end",
        ),
        # "Reprint" is no publisher
        (
            "{author:Trotsky, L.} *{title:My Life}*. 1930. {publisher:Reprint}, "
            "{place:New York}: {publisher:Pathfinder}, {date:1970}.",
            "Place: Publisher, Year",
            "at the end",
        ),
        # MLA's second container, a database, is no publisher
        (
            '{author:Gikandi, S.} "{title:Chinua Achebe}." {container:Research}, '
            "{volume:vol. 32, no. 3}, {date:2001}, {pages:pp. 3-8}. {publisher:JSTOR}, "
            "{url:www.jstor.org/stable/3820402}.",
            None,
            "before the pages",
        ),
        # a medium after the year is an aside, like a URL
        (
            "{author:Gatrell, P.} *{title:Russia's War}*. {place:Harlow}: "
            "{publisher:Longman}, {date:2005}. {title:Kindle}.",
            "Place: Publisher, Year",
            "at the end",
        ),
    ],
)
def test_other_editions_and_asides_are_not_the_entrys_imprint(
    marked: str, imprint_pattern: str | None, year_at: str
) -> None:
    found = shape(marked)
    assert imprint(found) == imprint_pattern
    assert year_position(found) == year_at


def test_a_newspaper_or_a_state_heading_the_entry_has_no_name_order() -> None:
    hansard = (
        "{author:Great Britain.} *{title:Parliamentary Debates}* (Commons). "
        "{volume:Vol. 558} ({date:1 November 1956})."
    )
    assert name_order(shape_of_parsed(hansard, Name("Britain", "Great"))) is None
    person = "{author:Robert Conquest}, {title:Terror} ({date:1992})"
    assert name_order(shape_of_parsed(person, Name("Conquest", "Robert"))) == "Given Family"


def shape_of_parsed(marked: str, parsed: Name) -> Shape:
    plain = entry(marked)
    found = shape_of(plain._replace(reference=plain.reference._replace(authors=(parsed,))))
    assert found is not None
    return found


def test_the_irish_o_is_no_initial() -> None:
    chapter = (
        "{author:Ó Gráda, Cormac.} {title:The Great Famine.} In {container:Famine 150}, "
        "{editor:edited by Cormac Ó Gráda}, {pages:129–57}."
    )
    assert initials(shape(chapter)) is None
    assert initials(shape("{author:Ó Gráda, C.} {editor:edited by J Smith}")) == (
        "with and without full stops"
    )

"""Rules about the reference list's punctuation and layout being consistent.

Each entry gets a small "shape": a handful of features read from the parser's
labelled segments and the punctuation between them in the original text (how
the imprint is written, where the year stands, how titles are marked, whether
pages carry "pp.", how names and initials are written). An entry is reported
when a feature differs from what a clear majority of comparable entries do.
"""

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from types import MappingProxyType
from typing import NamedTuple

from bib import patterns
from bib.linking import is_corporate
from bib.model import Document, Entry, EntryType, Severity
from checks.duplicates import later_copies
from checks.registry import Hit, rule
from checks.settings import Settings

NAME_LABELS = frozenset({"author", "editor", "translator"})
IMPRINT_LABELS = frozenset({"place", "publisher"})
BOOK_LIKE = frozenset({EntryType.BOOK, EntryType.EDITED_BOOK, EntryType.CHAPTER})
# Labels whose position says nothing about the style: identifiers and asides.
TRAILING_LABELS = frozenset({"url", "doi", "isbn", "note", "genre", "other", "citation-number"})
# Characters a segment's text may carry at its edges; the rest is the segment's core.
EDGE = " \t\n.,;:()[]{}'\"‘’“”«»*_"
QUOTES = "'\"‘’“”«»"
EMPHASIS = "*_"
MIN_ENTRIES = 4
MAJORITY = 0.6

# A letter standing alone ("J." or "J"), not the "O" of "O'Brien".
_INITIAL = patterns.compile(r"(?<![^\W\d_]|['’])([^\W\d_])(?![^\W\d_]|['’])(\.?)")
_PAGE_LABEL = patterns.compile(r"\bpp?\.", re.IGNORECASE)
# An online journal's article number in place of pages: "Article 104056", "e1211".
_ARTICLE_NUMBER = patterns.compile(r"\barticle\s+(?:no\.\s*)?$", re.IGNORECASE)
_E_NUMBER = patterns.compile(r"e\d{3,}$")
_RANGE = patterns.compile(r"(\d+)\D+(\d+)")
# "London: Pimlico" read as one place or one publisher.
_PLACE_PUBLISHER = patterns.compile(r"^[^\W\d][^:()\d]{1,39}:\s*\S")
_SPACES = patterns.compile(r"\s+")
# A shelfmark: "FO 371/118832", "CAB 128/30", "MS 45", "Add. MS 12345", "Box 3".
_SHELFMARK = patterns.compile(
    r"\b[A-Z]{1,5}\s?\d{1,4}(?:/\d{1,6})+\b|\bMSS?\.?\s+(?:[A-Z][a-z]*\.?\s+)?\d"
    r"|\b(?:Box|Folder|Carton|Reel)\s+\d"
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# "4 November 1956", "November 4, 1956", "(1936, Nov. 1)": a day beside its month.
_DAY_AND_MONTH = patterns.compile(
    rf"(?<!\d)\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\b|\b{_MONTH}\.?\s+\d{{1,2}}(?!\d)",
    re.IGNORECASE,
)


class Piece(NamedTuple):
    """A labelled segment's core (its text without edge punctuation) in the raw entry."""

    label: str
    start: int
    end: int


class Shape(NamedTuple):
    """An entry as the style features see it: its raw text and its located pieces."""

    raw: str
    type: EntryType
    pieces: tuple[Piece, ...]
    # The first author's (else editor's) name, as the parser read it.
    family: str = ""
    given: str = ""
    organisation: bool = False  # the author is an institution ("World Bank")
    year: str = ""  # the entry's year as the parser read it ("2023" of "(2023)")

    def first(self, labels: frozenset[str]) -> int | None:
        return next((i for i, p in enumerate(self.pieces) if p.label in labels), None)

    def last(self, label: str) -> int | None:
        found = [i for i, p in enumerate(self.pieces) if p.label == label]
        return found[-1] if found else None

    def before(self, i: int) -> str:
        """The text between piece ``i - 1`` (or the start) and piece ``i``."""
        start = self.pieces[i - 1].end if i > 0 else 0
        return self.raw[start : self.pieces[i].start]

    def after(self, i: int) -> str:
        """The text between piece ``i`` and the next piece (or the end)."""
        end = self.pieces[i + 1].start if i + 1 < len(self.pieces) else len(self.raw)
        return self.raw[self.pieces[i].end : end]

    def text(self, i: int) -> str:
        return self.raw[self.pieces[i].start : self.pieces[i].end]


def locate(raw: str, segments: Sequence[tuple[str, str]]) -> tuple[Piece, ...] | None:
    """Where each segment's core stands in ``raw``; runs of one label merge.

    None when a segment cannot be found (its text was cleaned of markup): the
    punctuation around it is then unknown and the entry is left out.
    """
    pieces: list[Piece] = []
    cursor = 0
    for label, text in segments:
        core = text.strip(EDGE)
        if not core:
            continue
        start = raw.find(core, cursor)
        if start < 0:
            return None
        cursor = start + len(core)
        if pieces and pieces[-1].label == label:
            pieces[-1] = Piece(label, pieces[-1].start, cursor)
        else:
            pieces.append(Piece(label, start, cursor))
    return tuple(pieces)


def punctuation(gap: str) -> str:
    """A gap as a pattern shows it: its marks, then a space if it ends with one (": ")."""
    marks = _SPACES.sub("", gap)
    if not marks:
        return " "
    return marks + " " if gap[-1:].isspace() else marks


def imprint(shape: Shape) -> str | None:
    """The imprint as a pattern: "(Place: Publisher, Year)", "Publisher, Place Year"..."""
    found = first_imprint(shape)
    if found is None or shape.last("date") is None:
        return None  # without a year its pattern is short of one: missing-field reports that
    first, last = found
    if last + 1 < len(shape.pieces) and shape.pieces[last + 1].label == "date":
        last += 1
    pattern = ""
    for i in range(first, last + 1):
        if i > first:
            pattern += punctuation(shape.before(i))
        pattern += imprint_word(shape, i)
    opening = shape.before(first).rstrip()
    closing = shape.after(last).lstrip()
    if opening.endswith("("):
        pattern = "(" + pattern
    if closing.startswith(")"):
        pattern += ")"
    return pattern


def first_imprint(shape: Shape) -> tuple[int, int] | None:
    """The first and last piece of the entry's first imprint, or None without one.

    An entry may name a second work's imprint after its year: a translation's
    original ("London: Weidenfeld, 1966. Originally published as ... (Tel Aviv: Am
    Hasefer, 1965)"), a reprint's first edition. The first one is the entry's.
    """
    first = shape.first(IMPRINT_LABELS)
    if first is None:
        return None
    dates = [i for i in range(first + 1, len(shape.pieces)) if shape.pieces[i].label == "date"]
    end = dates[0] if dates else len(shape.pieces)
    last = max(i for i in range(first, end) if shape.pieces[i].label in IMPRINT_LABELS)
    return first, last


def imprint_word(shape: Shape, i: int) -> str:
    """How piece ``i`` shows in an imprint pattern; "Place: Publisher" read as one stays two."""
    label = shape.pieces[i].label
    if label in IMPRINT_LABELS and _PLACE_PUBLISHER.match(shape.text(i)):
        return "Place: Publisher"
    return {"place": "Place", "publisher": "Publisher", "date": "Year"}.get(label, label)


def imprint_group(shape: Shape) -> str:
    """Imprints compare with those of books (or of the same type) that give the same parts."""
    found = first_imprint(shape)
    first, last = found if found else (0, -1)
    words = (
        imprint_word(shape, i)
        for i in range(first, last + 1)
        if shape.pieces[i].label in IMPRINT_LABELS
    )
    parts = "+".join(sorted(set(" ".join(words).replace(":", "").split())))
    kind = "book" if shape.type in BOOK_LIKE else shape.type.value
    return f"{kind}: {parts}"


def year_position(shape: Shape) -> str | None:
    """Where the year stands: after the names, before or after the pages, at the end.

    The year is the date that holds the entry's year: a newspaper's day ("5 June") or
    the day a page was read ("Accessed: 2 March 2025") may follow it, and a
    reprint's first year may precede it ("1818. Edited by ..., 1994").
    """
    date = year_piece(shape)
    if date is None:
        return None
    leading = [p.label for p in shape.pieces[:date] if p.label != "citation-number"]
    if leading and all(label in NAME_LABELS for label in leading):
        return "after the names"
    if leading == ["title"] and _headed_by_title(shape):
        return "after the names"  # no author: the heading stands where the names would
    pages = shape.last("pages")
    if pages is not None:
        return "before the pages" if date < pages else "after the pages"
    following = [p for p in shape.pieces[date + 1 :] if p.label not in TRAILING_LABELS]
    return "at the end" if not following else f"before the {following[0].label}"


def year_piece(shape: Shape) -> int | None:
    """The first date piece that holds the entry's year, else the last date piece."""
    dates = [i for i, p in enumerate(shape.pieces) if p.label == "date"]
    holding = [i for i in dates if shape.year and shape.year in shape.text(i)]
    return holding[0] if holding else (dates[-1] if dates else None)


def _headed_by_title(shape: Shape) -> bool:
    """An entry without names whose first title is its heading, another title following
    ("International Organization for Migration. (2019). *Tajikistan...*", "The Times
    Atlas. (1990)."): author-date styles put a missing author's title in its place."""
    labels = [p.label for p in shape.pieces if p.label != "citation-number"]
    return bool(labels) and labels[0] == "title" and not NAME_LABELS & set(labels)


def title_marks(shape: Shape) -> str | None:
    """Whether the title stands in quotation marks, in italics, or plain.

    Marks inside a title are the title's own: an italic title may open on a quoted
    phrase (*"Orator" Hunt*), and a plain one may too ('Working towards the Führer':
    Reflections...). A title is quoted only when its quotation closes where it ends.
    The outermost mark decides: a quoted article title may open or end on a film's or
    a book's italic title ("Looking at the Monster: *Frankenstein* and Film.").
    """
    title = shape.first(frozenset({"title"}))
    if title is None:
        return None
    if _headed_by_title(shape):
        # The heading's marks are the author position's; the work's own title follows.
        later = [i for i, p in enumerate(shape.pieces) if p.label == "title" and i > title]
        if not later:
            return None
        title = later[0]
    opening = shape.before(title).rstrip()
    marks = opening[len(opening.rstrip(QUOTES + EMPHASIS)) :]
    closing = shape.after(title).lstrip(" .,;:?!" + EMPHASIS)[:1]
    if marks[:1] in tuple(QUOTES) and closing in tuple(QUOTES):
        return "in quotation marks"
    if any(mark in EMPHASIS for mark in marks):
        return "in italics"
    return "plain"


def pages_label(shape: Shape) -> str | None:
    """Whether the pages carry "p." or "pp."; an article number ("e1211", "Article
    104056") is no page and takes neither."""
    pages = shape.last("pages")
    if pages is None or looks_like_years(shape.text(pages)):
        return None
    if _ARTICLE_NUMBER.search(shape.before(pages)[-12:]) or _E_NUMBER.match(shape.text(pages)):
        return None
    labelled = _PAGE_LABEL.search(shape.before(pages) + shape.text(pages))
    return "with p./pp." if labelled else "bare numbers"


def looks_like_years(pages: str) -> bool:
    """ "1917-53", "1934-1940": a title's years the parser may have taken for pages."""
    match = _RANGE.search(pages)
    if not match:
        return False
    start, end = match.group(1), match.group(2)
    if len(end) < len(start):
        end = start[: len(start) - len(end)] + end
    return 1500 <= int(start) <= 2099 and int(start) < int(end) <= int(start) + 100


def name_order(shape: Shape) -> str | None:
    """How the first name is written: "Family, Given", "Family Given" or "Given Family"."""
    family = shape.family
    first = shape.first(NAME_LABELS)
    if first is None or not family or shape.organisation:
        return None  # "World Bank" has no order to its name
    text = shape.text(first) + shape.after(first)
    if _inverted_head(text, family):
        return "Family, Given"  # "Ó Gráda, C.": the parser left "Ó" in the given names
    if not text.startswith(family):
        given = shape.given.split()[:1]
        natural = given and text.startswith(given[0]) and family in text
        return "Given Family" if natural else None
    rest = text[len(family) :]
    if rest.startswith(","):
        return "Family, Given"
    if rest[:1].isspace() and rest.strip()[:1].isupper():
        return "Family Given"
    return None


def _inverted_head(text: str, family: str) -> str:
    """The family name before an inverted name's comma, when the parsed family ends it and
    a one-letter word stands in it ("Ó Gráda, C." read as family "Gráda"); else ""."""
    head, comma, _ = text.partition(",")
    words = head.split()
    if not comma or not family or not head.rstrip().endswith(family) or len(words) > 3:
        return ""
    return head if len(words) > 1 and any(len(w) == 1 for w in words[:-1]) else ""


def initials(shape: Shape) -> str | None:
    """Whether the names' initials take a full stop ("J. A.") or not ("J A")."""
    stops: set[bool] = set()
    for i, piece in enumerate(shape.pieces):
        if piece.label not in NAME_LABELS:
            continue
        names = shape.text(i) + shape.after(i)
        # An inverted family name's own one-letter words are not initials ("Ó Gráda, C.").
        start = len(_inverted_head(names, shape.family)) if i == shape.first(NAME_LABELS) else 0
        for m in _INITIAL.finditer(names, start):
            # "Weinberg, Gerhard L. A" took the article of "A World at Arms" along.
            title_article = m.group() == "A" and m.end() == len(names.rstrip())
            # The Irish "Ó" of "Cormac Ó Gráda" is part of the family name, not an initial.
            irish_particle = m.group() == "Ó"
            if m.group(1).isupper() and not title_article and not irish_particle:
                stops.add(bool(m.group(2)))
    if not stops:
        return None
    if stops == {True}:
        return "with full stops"
    return "without full stops" if stops == {False} else "with and without full stops"


_IN_A_BOOK = patterns.compile(r"^\W*in\b", re.IGNORECASE)


def is_archival(raw: str) -> bool:
    """Whether the entry is an archival document: it gives a shelfmark ("FO 371/118832",
    "MS 45", "Box 3"). Such entries have a form of their own (archive, series, item)
    and no publisher, so neither style nor imprint rules judge them."""
    return bool(_SHELFMARK.search(raw))


def names_a_day(dates: Iterable[str]) -> bool:
    """Whether one of the dates gives the day ("4 November 1956", "(1936, November 1)").

    Books and journal volumes are dated by the year (a season or a month at most); a
    day belongs to a newspaper's issue, a debate, a letter, or the day a page was read.
    """
    return any(_DAY_AND_MONTH.search(text) for text in dates)


def comparable_type(shape: Shape) -> str:
    """Entries whose layout is comparable: articles with reviews, books with edited books,
    and a "book" whose title is followed by "in" and another work with chapters (the
    parser's type for "‘Title’, in Lucas, C. (ed.) *Rewriting...*"). A "book" dated to the
    day is a newspaper article or the like, the parser misled by its italic newspaper: it
    compares with neither books (its title is plain where theirs are italic) nor articles."""
    dates = (shape.text(i) for i, p in enumerate(shape.pieces) if p.label == "date")
    if shape.type in BOOK_LIKE and names_a_day(dates):
        return "dated to the day"
    if shape.type is EntryType.BOOK and _part_of_a_book(shape):
        return EntryType.CHAPTER.value
    return {
        EntryType.REVIEW: EntryType.ARTICLE.value,
        EntryType.EDITED_BOOK: EntryType.BOOK.value,
    }.get(shape.type, shape.type.value)


def _part_of_a_book(shape: Shape) -> bool:
    title = shape.first(frozenset({"title"}))
    if title is None:
        return False
    for i in range(title + 1, len(shape.pieces)):
        if shape.pieces[i].label in NAME_LABELS | {"title", "container"}:
            return bool(_IN_A_BOOK.match(shape.before(i) + shape.text(i)))
    return False


def whole_list(shape: Shape) -> str:
    return ""


class Feature(NamedTuple):
    """One feature of an entry's shape: its name, how to read it, whom to compare with."""

    name: str
    read: Callable[[Shape], str | None]
    group: Callable[[Shape], str]


# In the order a finding lists them: the canonical cases first.
FEATURES = (
    Feature("imprint", imprint, imprint_group),
    Feature("year-position", year_position, comparable_type),
    Feature("title-marks", title_marks, comparable_type),
    Feature("pages-label", pages_label, comparable_type),
    Feature("name-order", name_order, whole_list),
    Feature("initials", initials, whole_list),
)


# An italic title closed, then words: "The Suez Affair*. Weidenfeld and Nicolson".
_WORDS_AFTER_ITALICS = patterns.compile(r"[*_][.,]?\s+([^\W\d][^*_\d]{1,80}?)$")


def publisher_after_italics(raw: str, pieces: tuple[Piece, ...]) -> tuple[Piece, ...]:
    """Pieces with a publisher the parser left in the title split off from it.

    "*The Suez Affair*. Weidenfeld and Nicolson, London, 1967." comes out as a title
    running to "Nicolson" and a place: the words after the title's italics, followed
    by a place or a year, are its publisher. An entry with a publisher keeps its pieces.
    """
    if any(p.label == "publisher" for p in pieces):
        return pieces
    for i, piece in enumerate(pieces[:-1]):
        if piece.label != "title" or pieces[i + 1].label not in ("place", "date"):
            continue
        found = _WORDS_AFTER_ITALICS.search(raw, piece.start, piece.end)
        if found:
            title = Piece("title", piece.start, found.start() + 1)
            publisher = Piece("publisher", found.start(1), piece.end)
            return (*pieces[:i], title, publisher, *pieces[i + 1 :])
    return pieces


# "Originally published 1845", "First published as ...", "Reprinted as *Another Title*":
# another edition follows.
_OTHER_EDITION = patterns.compile(
    r"\b(?:(?:originally|first)\s+published|reprinted\s+as)\b", re.IGNORECASE
)
# Words that are neither a publisher nor a title: a reprint's label, a book's medium.
_REPRINT = patterns.compile(r"^(?:reprint(?:ed)?|repr)$", re.IGNORECASE)
_MEDIUM = patterns.compile(
    r"^(?:kindle(?: edition| ed)?|e-?book|epub|pdf|microfilm|microfiche|cd-rom|audiobook)$",
    re.IGNORECASE,
)
# MLA's second container: the database an article was read in ("..., pp. 3-8. JSTOR,
# www.jstor.org/..."), which the parser takes for a publisher.
_DATABASE = patterns.compile(
    r"^(?:jstor|project muse|proquest(?: central)?|ebscohost|gale(?: onefile)?|sciencedirect"
    r"|academic search (?:complete|premier)|wiley online library|taylor (?:&|and) francis online"
    r"|google books|hathitrust(?: digital library)?|internet archive|nexis uni|lexisnexis)$",
    re.IGNORECASE,
)


def without_other_editions(raw: str, pieces: tuple[Piece, ...]) -> tuple[Piece, ...]:
    """The pieces that describe the entry's own edition.

    What follows "Originally published", "First published" or "Reprinted as" is another edition's
    (Engels's "Penguin. Originally published 1845."): it is cut off. The word
    "Reprint" read as a publisher ("1930. Reprint, New York: Pathfinder"), a database
    read as one (MLA's "pp. 3-8. JSTOR, www.jstor.org/..."), and a medium read as a
    title ("2005. Kindle.") are asides, like a URL.
    """
    found = _OTHER_EDITION.search(raw)
    if found:
        cut = found.start()
        kept = [p for p in pieces if p.start < cut]
        if kept and kept[-1].end > cut:
            end = len(raw[kept[-1].start : cut].rstrip(EDGE)) + kept[-1].start
            kept[-1] = kept[-1]._replace(end=end)
        pieces = tuple(p for p in kept if p.end > p.start) or pieces
    return tuple(
        p._replace(label="note")
        if (
            p.label in IMPRINT_LABELS
            and (_REPRINT.match(raw[p.start : p.end]) or _DATABASE.match(raw[p.start : p.end]))
        )
        or (p.label == "title" and i > 0 and _MEDIUM.match(raw[p.start : p.end]))
        else p
        for i, p in enumerate(pieces)
    )


_YEAR = patterns.compile(r"\d{4}")
# A page range and, after a comma, the year: "1409–1453, 2021".
_PAGES_THEN_YEAR = patterns.compile(r"\d\s*[-–—]\s*\d+\s*,\s*((?:1[5-9]|20)\d\d)[a-z]?$")


def year_after_pages(raw: str, pieces: tuple[Piece, ...]) -> tuple[Piece, ...]:
    """Pieces with a year the parser kept in the pages split off from them.

    "*Educational Psychology Review, 33*(4), 1409–1453, 2021." comes out with pages
    "1409–1453, 2021": a range ends at its last page, and a four-digit number after a
    comma is the year (an entry that has a date of its own keeps its pieces).
    """
    if any(p.label == "date" for p in pieces):
        return pieces
    for i, piece in enumerate(pieces):
        found = piece.label == "pages" and _PAGES_THEN_YEAR.search(raw, piece.start, piece.end)
        if found:
            comma = raw.rindex(",", piece.start, found.start(1))
            pages = Piece("pages", piece.start, comma)
            date = Piece("date", found.start(1), piece.end)
            return (*pieces[:i], pages, date, *pieces[i + 1 :])
    return pieces


def shape_of(entry: Entry) -> Shape | None:
    ref = entry.reference
    pieces = locate(entry.raw, ref.segments)
    if not pieces:
        return None
    pieces = publisher_after_italics(entry.raw, year_after_pages(entry.raw, pieces))
    pieces = without_other_editions(entry.raw, pieces)
    if not (ref.authors or ref.editors) and [p.label for p in pieces[:2]] == ["publisher", "date"]:
        # An organisation heading the entry, read as its publisher, stands for its author.
        pieces = (pieces[0]._replace(label="author"), *pieces[1:])
    names = ref.authors or ref.editors
    found = _YEAR.search(ref.year)
    year = found.group() if found else ""
    if not names:
        return Shape(entry.raw, ref.type, pieces, year=year)
    return Shape(
        entry.raw,
        ref.type,
        pieces,
        names[0].full_family,
        names[0].given,
        is_corporate(ref),
        year=year,
    )


def majority(values: Sequence[str]) -> str | None:
    """The value most entries share, when there are enough of them and it clearly leads."""
    if len(values) < MIN_ENTRIES:
        return None
    value, count = Counter(values).most_common(1)[0]
    return value if count >= MAJORITY * len(values) else None


class Deviation(NamedTuple):
    feature: str
    expected: str
    found: str


@lru_cache(maxsize=8)
def deviations(entries: tuple[Entry, ...]) -> Mapping[int, tuple[Deviation, ...]]:
    """For each entry (by index) that departs from its peers, how it departs.

    Kept for the last few lists: missing-field asks too, for the same list.
    """
    # A second copy of an entry is duplicate-entry's: it neither votes nor is judged.
    copies = later_copies(entries)
    shapes = {
        i: shape
        for i, e in enumerate(entries)
        if i not in copies and not is_archival(e.raw) and (shape := shape_of(e)) is not None
    }
    found: dict[int, list[Deviation]] = defaultdict(list)
    for feature in FEATURES:
        groups: dict[str, dict[int, str]] = defaultdict(dict)
        for i, shape in shapes.items():
            value = feature.read(shape)
            if value is not None:
                groups[feature.group(shape)][i] = value
        for values in groups.values():
            expected = majority(list(values.values()))
            if expected is None:
                continue
            for i, value in values.items():
                if value != expected:
                    found[i].append(Deviation(feature.name, expected, value))
    return MappingProxyType({i: tuple(found[i]) for i in sorted(found)})


@rule("L003", "inconsistent-style", Severity.INFO)
def inconsistent_style(document: Document, settings: Settings) -> Iterator[Hit]:
    """A reference is punctuated differently from the rest of the list.

    Each entry's shape is read from its parts and the punctuation between them:
    the imprint ("(Place: Publisher, Year)" or "Publisher, Place Year"), where
    the year stands (after the names, before or after the pages, at the end),
    whether titles are quoted or italic, whether pages carry "pp.", whether the
    first name reads "Family, Given" and initials take a full stop. Entries are
    compared with comparable ones (articles with articles; imprints with those
    giving the same parts), and only where at least four agree by a clear
    majority (60%). One finding per entry names every feature that departs.
    A second copy of an entry is left to duplicate-entry; an archival document
    (one with a shelfmark, "FO 371/118832") has a form of its own and is not compared.

    Failing example::

        Soviet Diplomacy

        Carr (1982) and Conquest (1992) drew on Deutscher (1974) and Haslam (1984).

        References

        Carr, E. H. Twilight of the Comintern (Macmillan, London 1982)
        Conquest, R. The Great Terror: A Reassessment (London: Pimlico, 1992)
        Deutscher, I. Stalin: A Political Biography (Harmondsworth: Penguin Books, 1974)
        Haslam, J. The Soviet Union and Collective Security (London: Macmillan, 1984)
        Medvedev, R. Let History Judge (Nottingham: Spokesman Books, 1976)

    Passing example::

        Soviet Diplomacy

        Carr (1982) and Conquest (1992) drew on Deutscher (1974) and Haslam (1984).

        References

        Carr, E. H. Twilight of the Comintern (London: Macmillan, 1982)
        Conquest, R. The Great Terror: A Reassessment (London: Pimlico, 1992)
        Deutscher, I. Stalin: A Political Biography (Harmondsworth: Penguin Books, 1974)
        Haslam, J. The Soviet Union and Collective Security (London: Macmillan, 1984)
        Medvedev, R. Let History Judge (Nottingham: Spokesman Books, 1976)
    """
    for i, found in sorted(deviations(document.entries).items()):
        entry = document.entries[i]
        details = "; ".join(f"{d.feature} is {d.found!r}, most have {d.expected!r}" for d in found)
        yield Hit(
            entry.span,
            f"written differently from the rest of the list: {details}",
            (
                ("feature", found[0].feature),
                ("expected", found[0].expected),
                ("found", found[0].found),
                ("deviations", tuple((d.feature, d.expected, d.found) for d in found)),
            ),
        )

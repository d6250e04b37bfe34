"""What goes into a catalog and what comes out: a ``Query`` and ``Candidate`` records.

Pure values and the small parsing helpers every catalog module shares; nothing
here touches the network.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import NamedTuple, Protocol

from bib import patterns
from bib.model import EntryType, Name, Reference


class Query(NamedTuple):
    """What a catalog is asked: the parts of one entry that find a work."""

    type: EntryType
    title: str = ""
    families: tuple[str, ...] = ()  # authors' (or, failing them, editors') family names
    year: str = ""
    container: str = ""
    volume: str = ""
    pages: str = ""
    publisher: str = ""
    doi: str = ""
    isbn: str = ""
    text: str = ""  # the reference as written, for free-text search

    @property
    def first_family(self) -> str:
        return self.families[0] if self.families else ""


class Candidate(NamedTuple):
    """One record a catalog returned, in the terms of ``Reference``. Empty string = absent."""

    source: str  # "crossref", "openlibrary", "openalex", "googlebooks"
    id: str  # the record's identifier in that catalog (a DOI for Crossref)
    type: EntryType
    title: str
    authors: tuple[Name, ...] = ()
    editors: tuple[Name, ...] = ()
    year: str = ""
    # Every year an edition of the work appeared, when the record stands for a work with
    # several editions (Open Library); a reprint's year is then still this work's year.
    years: tuple[str, ...] = ()
    container: str = ""
    containers: tuple[str, ...] = ()  # other names of the container (abbreviations)
    volume: str = ""
    number: str = ""
    pages: str = ""
    publisher: str = ""  # set only when the record names one publisher
    publishers: tuple[str, ...] = ()  # every publisher the record names
    place: str = ""  # set only when the record names one place
    places: tuple[str, ...] = ()
    doi: str = ""
    isbn: str = ""  # an ISBN-13, set only when the record pins down one edition
    url: str = ""
    raw_type: str = ""  # the catalog's own name for the type

    @property
    def label(self) -> str:
        return f"{self.source} {self.id}"


class JsonClient(Protocol):
    """The one thing a catalog module needs from the network: JSON for a path.

    ``get_json`` returns the decoded body, ``None`` for a 404 when ``missing_ok``,
    and raises ``CatalogUnavailable`` when the catalog cannot answer.
    """

    def get_json(
        self, path: str, params: Mapping[str, str], *, missing_ok: bool = False
    ) -> object: ...


def query_for(reference: Reference, text: str = "") -> Query:
    """The query that looks this reference up."""
    people = reference.authors or reference.editors
    return Query(
        type=reference.type,
        title=reference.title.strip(),
        families=tuple(n.full_family for n in people if n.family),
        year=first_year(reference.year),
        container=reference.container.strip(),
        volume=reference.volume.strip(),
        pages=reference.pages.strip(),
        publisher=reference.publisher.strip(),
        doi=reference.doi.strip(),
        isbn=normal_isbn(reference.isbn),
        text=" ".join(text.split()),
    )


_YEAR = patterns.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")


def first_year(text: object) -> str:
    """The first plausible four-digit year in a value, or ""."""
    found = _YEAR.search(str(text)) if text is not None else None
    return found.group(1) if found else ""


_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "ter"}


def name_from_display(display: str) -> Name:
    """A name written given-first ("Vadim Z. Rogovin") or family-first ("Rogovin, Vadim")."""
    display = " ".join(display.split())
    if "," in display:
        family, _, given = display.partition(",")
        return Name(family=family.strip(), given=given.strip())
    words = display.split(" ")
    suffix = ""
    if len(words) > 1 and words[-1].lower() in _SUFFIXES:
        suffix = words.pop()
    if len(words) == 1:
        return Name(family=words[0], suffix=suffix)
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in _PARTICLES:
        start -= 1
    particle = " ".join(words[start:-1])
    return Name(family=words[-1], given=" ".join(words[:start]), particle=particle, suffix=suffix)


_TAG = patterns.compile(r"<[^>]{1,40}>")


def clean(text: str) -> str:
    """Text without the JATS/HTML markup and entities catalogs leave in titles."""
    return " ".join(html.unescape(_TAG.sub("", text)).split())


def strings(value: object) -> tuple[str, ...]:
    """A JSON string or list of strings as a tuple of non-empty, cleaned strings."""
    items: Iterable[object] = value if isinstance(value, list) else [value]
    found = (clean(s) for s in items if isinstance(s, str))
    return tuple(s for s in found if s)


def first_string(value: object) -> str:
    found = strings(value)
    return found[0] if found else ""


def text_of(value: object) -> str:
    """A JSON scalar as text: numbers become strings, anything else ""."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def sole(values: tuple[str, ...]) -> str:
    """The value when the record names exactly one (ignoring case), else ""."""
    distinct = {v.casefold() for v in values}
    return values[0] if len(distinct) == 1 else ""


def page_range(first: str, last: str) -> str:
    if first and last and last != first:
        return f"{first}-{last}"
    return first


_ISBN_CHARS = patterns.compile(r"[^0-9Xx]")


def normal_isbn(text: str) -> str:
    """An ISBN as an ISBN-13 without hyphens, or "" when it is not a valid ISBN."""
    digits = _ISBN_CHARS.sub("", text).upper()
    if len(digits) == 10 and _isbn10_ok(digits):
        body = "978" + digits[:9]
        return body + _isbn13_check(body)
    if len(digits) == 13 and digits.isdigit() and _isbn13_check(digits[:12]) == digits[12]:
        return digits
    return ""


def _isbn10_ok(digits: str) -> bool:
    if not digits[:9].isdigit() or not (digits[9].isdigit() or digits[9] == "X"):
        return False
    values = [int(c) for c in digits[:9]] + [10 if digits[9] == "X" else int(digits[9])]
    return sum((10 - i) * v for i, v in enumerate(values)) % 11 == 0


def _isbn13_check(body: str) -> str:
    total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body))
    return str((10 - total % 10) % 10)


def edition_isbn(isbns: Iterable[str]) -> str:
    """The ISBN-13 when all the given ISBNs name one edition, else ""."""
    distinct = {n for n in (normal_isbn(i) for i in isbns) if n}
    return distinct.pop() if len(distinct) == 1 else ""


def as_mapping(value: object) -> Mapping[str, object]:
    return value if isinstance(value, dict) else {}


def as_list(value: object) -> list[object]:
    return value if isinstance(value, list) else []


def with_subtitle(title: str, subtitle: str) -> str:
    """ "Sabriel: Book One", unless the title already holds its subtitle."""
    if subtitle and subtitle.casefold() not in title.casefold():
        return f"{title}: {subtitle}"
    return title

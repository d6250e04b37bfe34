"""Crossref: journal articles, chapters and the books that have DOIs.

``search`` sends the reference as written (``query.bibliographic``, which is what
Crossref's own matcher uses) with the first author as a field query; ``lookup``
fetches one DOI. The parsers are pure functions of the JSON.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote

from bib.catalogs.records import (
    Candidate,
    JsonClient,
    Query,
    as_list,
    as_mapping,
    edition_isbn,
    first_string,
    first_year,
    strings,
    text_of,
)
from bib.model import EntryType, Name

NAME = "crossref"
ROWS = "10"
FIELDS = (
    "DOI,title,subtitle,author,editor,issued,container-title,short-container-title,volume,"
    "issue,page,publisher,publisher-location,ISBN,isbn-type,type,score"
)
TYPES = {
    "journal-article": EntryType.ARTICLE,
    "proceedings-article": EntryType.ARTICLE,
    "book": EntryType.BOOK,
    "monograph": EntryType.BOOK,
    "reference-book": EntryType.BOOK,
    "edited-book": EntryType.EDITED_BOOK,
    "book-chapter": EntryType.CHAPTER,
    "book-section": EntryType.CHAPTER,
    "book-part": EntryType.CHAPTER,
    "reference-entry": EntryType.CHAPTER,
    "dissertation": EntryType.THESIS,
    "report": EntryType.REPORT,
    "peer-review": EntryType.REVIEW,
}


def search(query: Query, client: JsonClient) -> tuple[Candidate, ...]:
    """Candidates for a query: the DOI's record when the entry has one, else a search."""
    if query.doi:
        found = lookup(query.doi, client)
        if found:
            return found
    text = query.text or " ".join(
        p for p in (*query.families[:1], query.title, query.container, query.year) if p
    )
    if not text.strip():
        return ()
    params = {"query.bibliographic": text[:500], "rows": ROWS, "select": FIELDS}
    if query.first_family:
        params["query.author"] = query.first_family
    return parse_works(client.get_json("/works", params))


def lookup(doi: str, client: JsonClient) -> tuple[Candidate, ...]:
    payload = client.get_json(f"/works/{quote(doi, safe='/:;()')}", {}, missing_ok=True)
    if payload is None:
        return ()
    return parse_work(payload)


def parse_works(payload: object) -> tuple[Candidate, ...]:
    """The candidates of a ``/works`` search answer."""
    message = as_mapping(as_mapping(payload).get("message"))
    items = (as_mapping(item) for item in as_list(message.get("items")))
    return tuple(c for c in (parse_item(item) for item in items) if c is not None)


def parse_work(payload: object) -> tuple[Candidate, ...]:
    """The candidate of a ``/works/{doi}`` answer."""
    found = parse_item(as_mapping(as_mapping(payload).get("message")))
    return (found,) if found else ()


def parse_item(item: Mapping[str, object]) -> Candidate | None:
    doi = text_of(item.get("DOI"))
    if not doi:
        return None
    title = first_string(item.get("title"))
    subtitle = first_string(item.get("subtitle"))
    if subtitle and subtitle.casefold() not in title.casefold():
        title = f"{title}: {subtitle}"
    raw_type = text_of(item.get("type"))
    containers = strings(item.get("container-title"))
    short = strings(item.get("short-container-title"))
    publisher = text_of(item.get("publisher"))
    place = text_of(item.get("publisher-location"))
    return Candidate(
        source=NAME,
        id=doi,
        type=TYPES.get(raw_type, EntryType.OTHER),
        title=title,
        authors=_names(item.get("author")),
        editors=_names(item.get("editor")),
        year=_year(item),
        container=containers[0] if containers else "",
        containers=containers[1:] + short,
        volume=text_of(item.get("volume")),
        number=text_of(item.get("issue")),
        pages=text_of(item.get("page")).replace("–", "-"),
        publisher=publisher,
        publishers=(publisher,) if publisher else (),
        place=place,
        places=(place,) if place else (),
        doi=doi,
        isbn=_isbn(item),
        url=f"https://doi.org/{doi}",
        raw_type=raw_type,
    )


def _names(value: object) -> tuple[Name, ...]:
    names = []
    for person in (as_mapping(p) for p in as_list(value)):
        family = text_of(person.get("family")) or text_of(person.get("name"))
        if family:
            names.append(Name(family=family, given=text_of(person.get("given"))))
    return tuple(names)


def _year(item: Mapping[str, object]) -> str:
    for key in ("issued", "published-print", "published", "published-online", "created"):
        parts = as_list(as_mapping(item.get(key)).get("date-parts"))
        first = as_list(parts[0]) if parts else []
        if first and first_year(first[0]):
            return first_year(first[0])
    return ""


def _isbn(item: Mapping[str, object]) -> str:
    """The print ISBN when the record types them, else the one ISBN it gives."""
    typed = [as_mapping(t) for t in as_list(item.get("isbn-type"))]
    printed = [text_of(t.get("value")) for t in typed if t.get("type") == "print"]
    return edition_isbn(printed[:1]) or edition_isbn(strings(item.get("ISBN")))

"""Open Library: books, humanities monographs above all; no DOIs.

``search`` asks ``search.json`` for the main title and the first author's family
name; an entry with an ISBN is first looked up edition by edition through
``/api/books``. A search document stands for a *work* with all its editions, so
it carries every edition's year, publisher and place, and an ISBN only when it
lists one edition's.
"""

from __future__ import annotations

from collections.abc import Mapping

from bib.catalogs.records import (
    Candidate,
    JsonClient,
    Query,
    as_list,
    as_mapping,
    edition_isbn,
    first_year,
    name_from_display,
    sole,
    strings,
    text_of,
    with_subtitle,
)
from bib.model import EntryType

NAME = "openlibrary"
LIMIT = "10"
FIELDS = (
    "key,title,subtitle,author_name,first_publish_year,publish_year,publisher,"
    "publish_place,isbn,edition_count"
)


def search(query: Query, client: JsonClient) -> tuple[Candidate, ...]:
    if query.isbn:
        found = lookup_isbn(query.isbn, client)
        if found:
            return found
    title = main_title(query.title)
    if not title:
        return ()
    params = {"title": title, "limit": LIMIT, "fields": FIELDS}
    if query.first_family:
        params["author"] = query.first_family
    return parse_search(client.get_json("/search.json", params))


def main_title(title: str) -> str:
    """The words to search a title by: the main title (Open Library keeps subtitles in a
    field of their own) when it says enough, without short words, so that a slip such
    as "Year or Terror" for "Year of Terror" still finds the book."""
    head = title.split(":")[0].strip(" .,;")
    words = (head if len(head) >= 8 else title).replace(":", " ").split()
    kept = [w for w in words if len(w.strip(".,;:()[]'’")) > 2 or w.strip(".,;:()").isdigit()]
    return " ".join(kept or words).strip(" .,;(")


def lookup_isbn(isbn: str, client: JsonClient) -> tuple[Candidate, ...]:
    params = {"bibkeys": f"ISBN:{isbn}", "format": "json", "jscmd": "data"}
    return parse_books(client.get_json("/api/books", params, missing_ok=True))


def parse_search(payload: object) -> tuple[Candidate, ...]:
    docs = (as_mapping(d) for d in as_list(as_mapping(payload).get("docs")))
    return tuple(c for c in (parse_doc(d) for d in docs) if c is not None)


def parse_doc(doc: Mapping[str, object]) -> Candidate | None:
    key = text_of(doc.get("key"))
    title = text_of(doc.get("title"))
    if not key or not title:
        return None
    title = with_subtitle(title, text_of(doc.get("subtitle")))
    years = tuple(sorted({first_year(y) for y in as_list(doc.get("publish_year"))} - {""}))
    publishers = strings(doc.get("publisher"))
    places = strings(doc.get("publish_place"))
    return Candidate(
        source=NAME,
        id=key,
        type=EntryType.BOOK,
        title=title,
        authors=tuple(name_from_display(a) for a in strings(doc.get("author_name"))),
        year=first_year(doc.get("first_publish_year")) or (years[0] if years else ""),
        years=years,
        publisher=sole(publishers),
        publishers=publishers,
        place=sole(places),
        places=places,
        isbn=edition_isbn(strings(doc.get("isbn"))),
        url=f"https://openlibrary.org{key}",
        raw_type="work",
    )


def parse_books(payload: object) -> tuple[Candidate, ...]:
    """The editions of an ``/api/books?jscmd=data`` answer (keyed by "ISBN:...")."""
    found = []
    for bibkey, value in as_mapping(payload).items():
        edition = as_mapping(value)
        key, title = text_of(edition.get("key")), text_of(edition.get("title"))
        if not key or not title:
            continue
        subtitle = text_of(edition.get("subtitle"))
        if subtitle and subtitle.casefold() not in title.casefold():
            title = f"{title}: {subtitle}"
        publishers = _named(edition.get("publishers"))
        places = _named(edition.get("publish_places"))
        identifiers = as_mapping(edition.get("identifiers"))
        isbns = strings(identifiers.get("isbn_13")) + strings(identifiers.get("isbn_10"))
        if not isbns and bibkey.startswith("ISBN:"):
            isbns = (bibkey[5:],)
        year = first_year(edition.get("publish_date"))
        found.append(
            Candidate(
                source=NAME,
                id=key,
                type=EntryType.BOOK,
                title=title,
                authors=tuple(name_from_display(a) for a in _named(edition.get("authors"))),
                year=year,
                years=(year,) if year else (),
                publisher=sole(publishers),
                publishers=publishers,
                place=sole(places),
                places=places,
                isbn=edition_isbn(isbns),
                url=text_of(edition.get("url")),
                raw_type="edition",
            )
        )
    return tuple(found)


def _named(value: object) -> tuple[str, ...]:
    return tuple(n for n in (text_of(as_mapping(v).get("name")) for v in as_list(value)) if n)

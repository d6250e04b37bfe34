"""Google Books: books; optional, enabled by the user's API key."""

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

NAME = "googlebooks"


def search(query: Query, client: JsonClient) -> tuple[Candidate, ...]:
    if query.isbn:
        found = parse_volumes(client.get_json("/volumes", {"q": f"isbn:{query.isbn}"}))
        if found:
            return found
    if not query.title:
        return ()
    terms = [f'intitle:"{query.title.split(":")[0].strip()}"']
    if query.first_family:
        terms.append(f'inauthor:"{query.first_family}"')
    return parse_volumes(client.get_json("/volumes", {"q": " ".join(terms), "maxResults": "10"}))


def parse_volumes(payload: object) -> tuple[Candidate, ...]:
    items = (as_mapping(i) for i in as_list(as_mapping(payload).get("items")))
    return tuple(c for c in (parse_item(i) for i in items) if c is not None)


def parse_item(item: Mapping[str, object]) -> Candidate | None:
    volume_id = text_of(item.get("id"))
    info = as_mapping(item.get("volumeInfo"))
    title = text_of(info.get("title"))
    if not volume_id or not title:
        return None
    title = with_subtitle(title, text_of(info.get("subtitle")))
    identifiers = [as_mapping(i) for i in as_list(info.get("industryIdentifiers"))]
    isbns = [text_of(i.get("identifier")) for i in identifiers if "ISBN" in text_of(i.get("type"))]
    publishers = strings(info.get("publisher"))
    return Candidate(
        source=NAME,
        id=volume_id,
        type=EntryType.BOOK,
        title=title,
        authors=tuple(name_from_display(a) for a in strings(info.get("authors"))),
        year=first_year(info.get("publishedDate")),
        publisher=sole(publishers),
        publishers=publishers,
        isbn=edition_isbn(isbns),
        url=text_of(item.get("selfLink")),
        raw_type=text_of(info.get("printType")).lower(),
    )

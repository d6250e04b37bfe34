"""OpenAlex: articles, books and chapters; optional, enabled by the user's API key."""

from __future__ import annotations

from collections.abc import Mapping

from bib.catalogs.records import (
    Candidate,
    JsonClient,
    Query,
    as_list,
    as_mapping,
    first_year,
    name_from_display,
    page_range,
    text_of,
)
from bib.model import EntryType

NAME = "openalex"
TYPES = {
    "article": EntryType.ARTICLE,
    "journal-article": EntryType.ARTICLE,
    "review": EntryType.ARTICLE,
    "book": EntryType.BOOK,
    "monograph": EntryType.BOOK,
    "edited-book": EntryType.EDITED_BOOK,
    "book-chapter": EntryType.CHAPTER,
    "dissertation": EntryType.THESIS,
    "report": EntryType.REPORT,
}
DOI_PREFIX = "https://doi.org/"


def search(query: Query, client: JsonClient) -> tuple[Candidate, ...]:
    if query.doi:
        found = parse_work(client.get_json(f"/works/doi:{query.doi}", {}, missing_ok=True))
        if found:
            return found
    if not query.title:
        return ()
    text = " ".join(p for p in (query.title, query.first_family) if p)
    params = {"search": text[:300], "per-page": "10"}
    if query.year:
        low, high = int(query.year) - 1, int(query.year) + 1
        params["filter"] = f"publication_year:{low}-{high}"
    return parse_works(client.get_json("/works", params))


def parse_works(payload: object) -> tuple[Candidate, ...]:
    results = (as_mapping(r) for r in as_list(as_mapping(payload).get("results")))
    return tuple(c for c in (parse_item(r) for r in results) if c is not None)


def parse_work(payload: object) -> tuple[Candidate, ...]:
    if payload is None:
        return ()
    found = parse_item(as_mapping(payload))
    return (found,) if found else ()


def parse_item(work: Mapping[str, object]) -> Candidate | None:
    work_id = text_of(work.get("id"))
    title = text_of(work.get("display_name")) or text_of(work.get("title"))
    if not work_id or not title:
        return None
    doi = text_of(work.get("doi"))
    doi = doi[len(DOI_PREFIX) :] if doi.lower().startswith(DOI_PREFIX) else doi
    biblio = as_mapping(work.get("biblio"))
    location = as_mapping(work.get("primary_location"))
    source = as_mapping(location.get("source"))
    raw_type = text_of(work.get("type"))
    authors = tuple(
        name_from_display(text_of(as_mapping(a.get("author")).get("display_name")))
        for a in (as_mapping(a) for a in as_list(work.get("authorships")))
        if text_of(as_mapping(a.get("author")).get("display_name"))
    )
    publisher = text_of(source.get("host_organization_name"))
    return Candidate(
        source=NAME,
        id=work_id.rsplit("/", 1)[-1],
        type=TYPES.get(raw_type, EntryType.OTHER),
        title=title,
        authors=authors,
        year=first_year(work.get("publication_year")),
        container=text_of(source.get("display_name")),
        volume=text_of(biblio.get("volume")),
        number=text_of(biblio.get("issue")),
        pages=page_range(text_of(biblio.get("first_page")), text_of(biblio.get("last_page"))),
        publishers=(publisher,) if publisher else (),
        doi=doi,
        url=work_id,
        raw_type=raw_type,
    )

"""The tagger's label set, and how the training corpora's labels map onto it.

AnyStyle and GROBID TEI use different names for the same parts; one small label set
keeps the tagger's job (and its model) small. Volume and issue share one label because
AnyStyle never separates them ("Vol. 30, No. 3,"); ``fields.split_volume`` does.
"""

from __future__ import annotations

CITATION_NUMBER = "citation-number"
AUTHOR = "author"
EDITOR = "editor"
TRANSLATOR = "translator"
TITLE = "title"
CONTAINER = "container"
VOLUME = "volume"
PAGES = "pages"
DATE = "date"
PUBLISHER = "publisher"
PLACE = "place"
EDITION = "edition"
SERIES = "series"
URL = "url"
DOI = "doi"
ISBN = "isbn"
GENRE = "genre"
NOTE = "note"
OTHER = "other"

LABELS = (
    CITATION_NUMBER, AUTHOR, EDITOR, TRANSLATOR, TITLE, CONTAINER, VOLUME, PAGES, DATE,
    PUBLISHER, PLACE, EDITION, SERIES, URL, DOI, ISBN, GENRE, NOTE, OTHER,
)  # fmt: skip

_SOURCE_LABELS = {
    "author": AUTHOR,
    "authors": AUTHOR,
    "orgName[collaboration]": AUTHOR,
    "director": AUTHOR,
    "editor": EDITOR,
    "translator": TRANSLATOR,
    "title": TITLE,
    "title[a]": TITLE,
    "title[j]": CONTAINER,
    "journal": CONTAINER,
    "container-title": CONTAINER,
    "source": CONTAINER,
    "title[s]": SERIES,
    "collection-title": SERIES,
    "biblScope[volume]": VOLUME,
    "biblScope[issue]": VOLUME,
    "volume": VOLUME,
    "volumes": VOLUME,
    "biblScope[page]": PAGES,
    "pages": PAGES,
    "page": PAGES,
    "date": DATE,
    "biblScope[date]": DATE,
    "publisher": PUBLISHER,
    "publishe": PUBLISHER,
    "orgName": PUBLISHER,
    "location": PLACE,
    "pubPlace": PLACE,
    "pubplace": PLACE,
    "edition": EDITION,
    "url": URL,
    "ptr[web]": URL,
    "doi": DOI,
    "idno[DOI]": DOI,
    "isbn": ISBN,
    "idno[ISBN]": ISBN,
    "idno[isbn]": ISBN,
    "genre": GENRE,
    "medium": GENRE,
    "note[report]": GENRE,
    "citation-number": CITATION_NUMBER,
}


def map_label(source_label: str, has_article_title: bool) -> str:
    """Our label for a corpus label; GROBID's ``title[m]`` is the book a part is in."""
    if source_label == "title[m]":
        return CONTAINER if has_article_title else TITLE
    if source_label in _SOURCE_LABELS:
        return _SOURCE_LABELS[source_label]
    if source_label.startswith("idno") or source_label in ("note", "biblScope[chapter]"):
        return NOTE
    return OTHER

"""What the citation and name rules share: the document's citations, linked once."""

from functools import lru_cache
from typing import NamedTuple

from bib.citations import Citation, Mention, find_citations, find_mentions
from bib.linking import (
    Link,
    ListIndex,
    by_given_names,
    in_their_own_order,
    index_entries,
    link,
)
from bib.model import Document


class Citing(NamedTuple):
    """A document's citations, their links to its list, and its capitalised words."""

    citations: tuple[Citation, ...]
    links: tuple[Link, ...]
    list_index: ListIndex  # the list's entries by family name
    mentions: tuple[Mention, ...]  # capitalised words of the body and notes


@lru_cache(maxsize=4)
def citing(document: Document) -> Citing:
    index = index_entries(document.entries)
    links = by_given_names(link(find_citations(document), index), document.entries)
    links = in_their_own_order(links, index, document.entries)
    return Citing(
        tuple(found.citation for found in links),
        links,
        index,
        find_mentions(document.body + document.notes),
    )

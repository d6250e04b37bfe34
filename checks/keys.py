"""Rules for citations by key: Pandoc's ``[@harris2016]``, LaTeX's ``\\cite{harris2016}``.

An entry's key is its .bib key, a ``\\bibitem`` key, or, for a reference list
written out in the essay, the key ``bib.keys`` gives it (``harris2016``).
"""

from __future__ import annotations

from collections.abc import Iterator

from bib.model import Document, Severity
from checks.registry import Hit, rule
from checks.settings import Settings


def cited_keys(document: Document) -> frozenset[str]:
    """The keys the document cites, as written (keys are case-sensitive, as in BibTeX)."""
    return frozenset(citation.key for citation in document.keyed_citations)


@rule("C005", "unknown-citation-key", Severity.ERROR)
def unknown_citation_key(document: Document, settings: Settings) -> Iterator[Hit]:
    """A citation by key names a key that no entry of the bibliography has.

    Pandoc and LaTeX print such a citation as "???" or the bare key. Every
    citation of an unknown key is reported, so that each can be fixed. A key that
    differs from a known one only in case is named in the message, since BibTeX
    keys are matched exactly by some tools and not by others.

    Failing example::

        Soviet security

        Fear of encirclement shaped policy [@harris2015, p. 45].

        References

        Harris, J. The Great Fear: Stalin's Terror of the 1930s (Oxford: Oxford University Press, 2016)

    Passing example::

        Soviet security

        Fear of encirclement shaped policy [@harris2016, p. 45].

        References

        Harris, J. The Great Fear: Stalin's Terror of the 1930s (Oxford: Oxford University Press, 2016)
    """
    if not document.keyed_citations:
        return
    known = {entry.key for entry in document.entries if entry.key}
    folded = {key.lower(): key for key in known}
    for citation in document.keyed_citations:
        if citation.key in known:
            continue
        near = folded.get(citation.key.lower())
        hint = f" (did you mean @{near}?)" if near else ""
        yield Hit(
            citation.span,
            f"@{citation.key} is cited but no entry of the bibliography has that key{hint}",
            (("key", citation.key),),
        )

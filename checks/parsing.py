"""Rules about whether the document has a reference list and whether it parses."""

from __future__ import annotations

from collections.abc import Iterator

from bib.model import Document, Reference, Severity, Span
from checks.registry import Hit, rule
from checks.settings import Settings


@rule("B001", "unparsed-reference", Severity.WARNING)
def unparsed_reference(document: Document, settings: Settings) -> Iterator[Hit]:
    """A line of the reference list could not be read as a reference.

    A reference needs at least an author (or editor) or a title, and a year;
    an author and a title without a year is a reference that lacks its year
    (``missing-field``). Anything less is reported so that it can be fixed by
    hand: nothing is silently dropped.

    Failing example::

        The Great Fear

        An essay that cites Harris (2016).

        References

        Harris, J. The Great Fear: Stalin's Terror of the 1930s (Oxford: Oxford University Press, 2016)

        I found this one on a website but forgot where it was, sorry about that.

        Haslam, J. The Soviet Union and the Struggle for Collective Security in Europe (London: Macmillan, 1984)

    Passing example::

        The Great Fear

        An essay that cites Harris (2016).

        References

        Harris, J. The Great Fear: Stalin's Terror of the 1930s (Oxford: Oxford University Press, 2016)
    """
    for entry in document.entries:
        found = readable_parts(entry.reference)
        if found is None or not any(c.isalnum() for c in entry.raw):
            continue  # "---" or "* * *": a break in the page, with nothing to read
        yield Hit(
            entry.span,
            "could not read this line as a reference"
            + (f" (found only a {found[0]})" if found else ""),
            (("text", entry.raw),),
        )


def readable_parts(ref: Reference) -> tuple[str, ...] | None:
    """None when ``ref`` reads as a reference; else the parts that were found in it.

    Author and title without a year is a reference that lacks its year
    (``missing-field``); a title with a URL is a web page without a date.
    """
    who = bool(ref.authors or ref.editors)
    what = bool(ref.title or ref.container)
    if (who or what) and (ref.year or (who and what) or (what and ref.url)):
        return None
    parts = (("author", who), ("title", what), ("year", bool(ref.year)))
    return tuple(part for part, present in parts if present)


@rule("B002", "no-bibliography", Severity.ERROR)
def no_bibliography(document: Document, settings: Settings) -> Iterator[Hit]:
    """The document has no reference list.

    Without a list nothing can be checked against the citations. The list is
    found under a heading (References, Bibliography, Works Cited, Sources...)
    or, without one, as the run of reference-shaped lines that ends the body.

    Failing example::

        A short essay with an argument and no sources at all.

        It ends here, with a second paragraph of prose and nothing else.

    Passing example::

        A short essay that relies on one book.

        Bibliography

        Conquest, R. The Great Terror: A Reassessment (London: Pimlico, 1992)
    """
    if not document.references:
        yield Hit(Span(1, 1), "no reference list found")

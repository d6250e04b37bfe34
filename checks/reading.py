"""What the rules read from an essay's body and notes alone, found once and handed over.

The citations, the capitalised and lower-case words (for name variants) and the
quotations no page locates depend on the body and notes, not on the reference list,
and finding them is most of what the rules cost. So `bib lint` finds them while
another process may parse the list (``cli.ahead``), and keeps them for a re-run
(``cli.readingcache``); ``remember`` hands a kept reading to the functions the
rules ask (``bib.memo``), which then answer with it.

This module imports only what finding them needs, not the rules (rapidfuzz and the
rest), so the cache can decode a reading without loading those.
"""

from typing import Any, NamedTuple

from bib.citations import Citation, Mention, body_citations, common_words, find_mentions
from bib.model import Document, Span
from checks.quotes import unlocated_quotations
from checks.registry import Hit

FORMAT = 1


class Reading(NamedTuple):
    """The body's and notes' citations, capitalised and lower-case words, and unlocated
    quotations."""

    citations: tuple[Citation, ...]
    mentions: tuple[Mention, ...]
    common: frozenset[str]  # the words written in lower case, with their stems
    quotations: tuple[Hit, ...]


def read_body(parts: Document) -> Reading:
    """Find them (and remember them, as the functions that find them do)."""
    return Reading(
        body_citations(parts.body, parts.notes),
        find_mentions(parts.body + parts.notes),
        common_words(parts.body + parts.notes),
        unlocated_quotations(parts.body, parts.notes),
    )


def remember(parts: Document, reading: Reading) -> None:
    """Hand a reading of these parts, found elsewhere, to the functions the rules ask."""
    body_citations.hand_over(reading.citations, parts.body, parts.notes)
    find_mentions.hand_over(reading.mentions, parts.body + parts.notes)
    common_words.hand_over(reading.common, parts.body + parts.notes)
    unlocated_quotations.hand_over(reading.quotations, parts.body, parts.notes)


def encode(reading: Reading) -> tuple[Any, ...]:
    """The reading as plain tuples, strings and numbers, for ``marshal``."""
    return (
        FORMAT,
        tuple((*c[:2], tuple(c.span), *c[3:]) for c in reading.citations),
        tuple((m.word, tuple(m.span), *m[2:]) for m in reading.mentions),
        tuple(sorted(reading.common)),  # not the set: marshal sorts a set's items, slowly
        tuple((tuple(h.span), h.message, h.data) for h in reading.quotations),
    )


def decode(record: object) -> Reading:
    """The inverse of ``encode``; raises ValueError or TypeError on anything else."""
    if not isinstance(record, tuple) or len(record) != 5 or record[0] != FORMAT:
        raise ValueError("not a stored reading")
    _, citations, mentions, common, quotations = record
    reading = Reading(
        tuple(Citation(c[0], c[1], Span(*c[2]), *c[3:]) for c in citations),
        tuple(Mention(m[0], Span(*m[1]), *m[2:]) for m in mentions),
        frozenset(common),
        tuple(Hit(Span(*h[0]), h[1], h[2]) for h in quotations),
    )
    if encode(reading) != record:
        raise ValueError("a stored reading of another shape")
    return reading

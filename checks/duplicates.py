"""Rules about the same work listed more than once."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from bib import patterns
from bib.model import Document, Entry, Reference, Severity
from checks.ordering import fold
from checks.registry import Hit, rule
from checks.settings import Settings

SIMILAR_TITLES = 90
_WORD = patterns.compile(r"[^\W_]+")
_NUMBER = patterns.compile(r"\d+")
_RANGE = patterns.compile(r"(\d+)\s*[-–—]+\s*(\d+)")
# Words that say nothing about which work a title names.
_STOPWORDS = frozenset(
    {"a", "an", "and", "the", "of", "in", "on", "for", "to", "at", "by", "with", "from"}
    | {"de", "la", "le", "les", "der", "die", "das", "et", "und"}
)


def title_words(title: str) -> tuple[str, ...]:
    """The title's words, folded: punctuation, quotes, case and accents do not count."""
    return tuple(_WORD.findall(fold(title)))


def title_numbers(title: str) -> frozenset[str]:
    """The numbers in a title ("1935–36", "Vol. 14"): they tell volumes apart.

    An abbreviated range counts in full: "1937–38" has the numbers of "1937-1938".
    """
    expanded = _RANGE.sub(_expand_range, title)
    return frozenset(n.lstrip("0") for n in _NUMBER.findall(expanded))


def _expand_range(match: re.Match[str]) -> str:
    start, end = match.group(1), match.group(2)
    if len(end) < len(start):
        end = start[: len(start) - len(end)] + end
    return f"{start} {end}"


def same_title(first: str, second: str) -> bool:
    """Titles that name the same work, allowing for a typo or a dropped subtitle."""
    a, b = title_words(first), title_words(second)
    if not a or not b or title_numbers(first) != title_numbers(second):
        return False
    if fuzz.token_set_ratio(" ".join(a), " ".join(b)) < SIMILAR_TITLES:
        return False
    # token_set_ratio scores a title contained in another at 100: "Stalin" is not
    # "Stalin in Power". A contained title must say enough to name the work alone.
    content_a = set(a) - _STOPWORDS
    content_b = set(b) - _STOPWORDS
    shorter = min(content_a, content_b, key=len)
    return (
        content_a == content_b
        or len(shorter) >= 2
        or fuzz.ratio(" ".join(a), " ".join(b)) >= SIMILAR_TITLES
    )


def same_work(first: Reference, second: Reference) -> bool:
    """The same work: same first name (grouped by the caller), title, year and volume."""
    if first.year and second.year and first.year != second.year:
        return False
    if first.volume and second.volume and first.volume != second.volume:
        return False
    return same_title(first.title, second.title)


def first_name_key(ref: Reference) -> str:
    names = ref.authors or ref.editors
    return fold(names[0].family) if names else ""


def duplicate_pairs(entries: Sequence[Entry]) -> Iterator[tuple[Entry, Entry]]:
    """(earlier copy, later copy) for every entry that repeats an earlier one."""
    groups: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry.reference.title:
            groups[first_name_key(entry.reference)].append(entry)
    for group in groups.values():
        for j, later in enumerate(group):
            earlier = next((e for e in group[:j] if same_work(e.reference, later.reference)), None)
            if earlier is not None:
                yield earlier, later


@lru_cache(maxsize=8)
def later_copies(entries: tuple[Entry, ...]) -> frozenset[int]:
    """Indices of the entries that repeat an earlier one.

    duplicate-entry reports such a copy once; the other list rules pass it over,
    since the editor's fix is to delete it, not to complete or restyle it.
    """
    position = {id(entry): i for i, entry in enumerate(entries)}
    return frozenset(position[id(later)] for _, later in duplicate_pairs(entries))


@rule("L002", "duplicate-entry", Severity.WARNING)
def duplicate_entry(document: Document, settings: Settings) -> Iterator[Hit]:
    """The same work is listed twice.

    Two entries are copies when their first authors (or editors) share a family
    name, their titles match once punctuation, case and accents are set aside
    (a typo or a dropped subtitle still matches), and their years are equal or
    one is missing. Titles with different numbers ("Writings 1935–36" and
    "Writings 1936–37", "Works, Vol. 13" and "Vol. 14") are different volumes,
    and different years are different editions: neither is a copy. The later
    copy is reported, with the line of the first.

    Failing example::

        The Terror Revisited

        Conquest (1992) is the classic account.

        References

        Conquest, R. The Great Terror: A Reassessment (London: Pimlico, 1992)
        Conquest, R. The Great Terror - A Reassesment (London: Pimlico, 1992)

    Passing example::

        The Terror Revisited

        Conquest (1968, 1992) is the classic account.

        References

        Conquest, R. The Great Terror: Stalin's Purge of the Thirties (London: Macmillan, 1968)
        Conquest, R. The Great Terror: A Reassessment (London: Pimlico, 1992)
    """
    for earlier, later in duplicate_pairs(document.entries):
        yield Hit(
            later.span,
            f"this repeats the entry on line {earlier.span.line}",
            (("first_line", earlier.span.line), ("title", later.reference.title)),
        )

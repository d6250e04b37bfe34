"""Rules about the order of the reference list."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import pairwise

from bib import patterns
from bib.linking import corporate_heading, is_corporate, name_order_head
from bib.model import Document, Entry, Name, Reference, Severity
from checks.parsing import readable_parts
from checks.registry import Hit, rule
from checks.settings import Settings

# Letters that Unicode does not decompose into a base letter and a mark.
_UNDECOMPOSED = str.maketrans(
    {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "æ": "ae", "Æ": "AE"}
    | {"œ": "oe", "Œ": "OE", "ı": "i", "þ": "th", "Þ": "TH"}
)
_NOT_ALPHANUMERIC = patterns.compile(r"[^0-9a-z]+")
_LEADING_ARTICLE = patterns.compile(r"^(?:the|an?)\s+", re.IGNORECASE)
_NUMBER_LABEL = patterns.compile(r"^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)])\s")
CITATION_NUMBER = "citation-number"


def fold(text: str) -> str:
    """Lower case without diacritics: "Žižek" -> "zizek", "Łoś" -> "los"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def sort_name(family: str) -> str:
    """The family name as an index files it.

    A lower-case particle is passed over ("van der Linden" under L, "de Gaulle"
    under G); a capitalised one files the name under itself ("Van der Linden"
    under V). "Mc" sorts as written, not as "Mac".
    """
    words = family.split()
    while len(words) > 1 and words[0][:1].islower():
        words = words[1:]
    return " ".join(words)


def heading_names(ref: Reference) -> tuple[Name, ...]:
    """The names an entry is filed under: its authors, else its editors when they head it.

    An anonymous work's edition opens with its title and names its editors after it
    ("*Liber Sancti Jacobi*. Edited by Klaus Herbers..."): it is filed under the title,
    as a reader looking for it would, and not under an editor named later on.
    """
    if ref.authors:
        return ref.authors
    labels = [label for label, _ in ref.segments if label in ("title", "editor")]
    return ref.editors if not labels or labels[0] == "editor" else ()


def corporate_name(ref: Reference) -> str:
    """An organisation's name as the entry writes it ("Times (London)"), else as parsed."""
    label = "author" if ref.authors else "editor"
    written = next((text for name, text in ref.segments if name == label), "")
    return written.strip(" .,;:") or str((ref.authors or ref.editors)[0])


def filing_keys(ref: Reference) -> tuple[str, ...]:
    """Where the entry may be filed: ``sort_key``, then, for a first name with a
    lower-case particle, the name as written with it ("de Moel" under D), and for an
    organisation its name with a leading "The" ("The Guardian" under T), and for a name
    the entry does not invert, the name as written ("Sun Yat-sen" under S). Indexes pass
    such words over (Dutch and German names, Chicago, APA's group authors); reference
    managers and many lists file them as written. Either is a filing, neither a slip."""
    key = sort_key(ref)
    names = heading_names(ref)
    if names and is_corporate(ref):
        # "The Guardian" under G as indexes file it, or under T as many lists do
        written = _NOT_ALPHANUMERIC.sub("", fold(corporate_name(ref)))
        return (key, written) if written != key else (key,)
    if not names:
        return (key,)
    first = names[0]
    if name_order_head(ref):
        # "Sun Yat-sen." under S, as written, or under Y, where the parser put the family
        alternative = _NOT_ALPHANUMERIC.sub("", fold(str(first)))
        return (key, alternative) if alternative != key else (key,)
    written = _inverted_family(ref) or first.full_family
    if written.split()[0][:1].islower():
        alternative = _NOT_ALPHANUMERIC.sub("", fold(written))
        if alternative != key:
            return (key, alternative)
    return (key,)


def sort_key(ref: Reference) -> str:
    """Letters and digits of the first author's (else editor's, else title's) filing name."""
    names = heading_names(ref)
    if names and is_corporate(ref):
        # "World Bank" under W, "Times (London)" under T, "The Guardian" under G
        text = _LEADING_ARTICLE.sub("", corporate_name(ref))
    elif names:
        first = names[0]
        capitalised_particle = first.particle[:1].isupper()
        written = first.full_family if capitalised_particle else first.family
        text = sort_name(_inverted_family(ref) or written)
    elif heading := corporate_heading(ref):
        text = heading
    else:
        text = _LEADING_ARTICLE.sub("", ref.title.strip(" \"'‘’“”«»*_"))
    return _NOT_ALPHANUMERIC.sub("", fold(text))


def _inverted_family(ref: Reference) -> str:
    """The family name of an inverted first name as written before its comma: all of it
    is filed, also a word the parser took for a given name ("Ó Gráda, C.")."""
    names = heading_names(ref)
    label = "author" if ref.authors else "editor"
    written = next((text for name, text in ref.segments if name == label), "")
    head, comma, _ = written.partition(",")
    head = head.strip()
    if comma and head.endswith(names[0].family) and len(head.split()) <= 3:
        return head
    return ""


def display_name(ref: Reference) -> str:
    names = heading_names(ref)
    if names and is_corporate(ref):
        return corporate_name(ref)
    return names[0].full_family if names else corporate_heading(ref) or ref.title


def is_numbered(entries: Sequence[Entry]) -> bool:
    """A list in citation order: most entries carry a citation number ("[1]", "1.")."""
    numbered = sum(
        1
        for e in entries
        if _NUMBER_LABEL.match(e.raw)
        or any(label == CITATION_NUMBER for label, _ in e.reference.segments)
    )
    return numbered * 2 > len(entries)


def list_parts(entries: Sequence[Entry]) -> list[list[Entry]]:
    """The list's parts ("Primary sources", "Secondary sources"), each sorted on its own.

    A part's heading is not an entry, but it leaves its mark: a wider gap between two
    entries than the list's usual one (a heading line, and the blank lines around it).
    """
    gaps = [
        later.span.line - max(earlier.span.end_line, earlier.span.line)
        for earlier, later in pairwise(entries)
    ]
    parts: list[list[Entry]] = [list(entries[:1])]
    if not gaps:
        return parts if entries else []
    usual = Counter(gaps).most_common(1)[0][0]
    for gap, entry in zip(gaps, entries[1:], strict=True):
        if gap > usual:
            parts.append([])
        parts[-1].append(entry)
    return parts


def longest_sorted_run(keys: Sequence[str]) -> frozenset[int]:
    """Indices of a longest non-decreasing subsequence of ``keys``.

    When several are equally long, later entries are kept, so that of two swapped
    neighbours the first is reported ("Conquest should follow Carr").
    """
    # Patience sorting, O(n log n): a list of 100,000 references must not take hours.
    # Of the entries that end a run of one length, the latest has the smallest key, so
    # it is the one an entry follows: the same choice as "the latest of the longest".
    tails: list[str] = []  # tails[n]: the key that ends the latest run of length n + 1
    ends: list[int] = []  # and the index of that entry
    length = [1] * len(keys)
    previous = [-1] * len(keys)
    for i, key in enumerate(keys):
        n = bisect_right(tails, key)
        length[i], previous[i] = n + 1, ends[n - 1] if n else -1
        if n == len(tails):
            tails.append(key)
            ends.append(i)
        else:
            tails[n], ends[n] = key, i
    if not keys:
        return frozenset()
    best = max(length)
    i = max(k for k, n in enumerate(length) if n == best)
    kept: set[int] = set()
    while i != -1:
        kept.add(i)
        i = previous[i]
    return frozenset(kept)


def chosen_keys(filings: Sequence[tuple[str, ...]]) -> list[str]:
    """Each entry's filing key: its first, unless only another fits between its neighbours
    ("The Guardian" between Smith and Wilson is filed under T)."""
    keys = []
    for i, filing in enumerate(filings):
        before = filings[i - 1][0] if i else ""
        after = filings[i + 1][0] if i + 1 < len(filings) else None

        def fits(key: str, before: str = before, after: str | None = after) -> bool:
            return before <= key and (after is None or key <= after)

        keys.append(next((k for k in filing if fits(k)), filing[0]))
    return keys


def _fits_between(ordered: Sequence[int], keys: Sequence[str], i: int, key: str) -> bool:
    """Whether ``key`` sorts between the kept entries before and after position ``i``."""
    position = bisect_right(ordered, i)
    before = keys[ordered[position - 1]] if position else ""
    after = keys[ordered[position]] if position < len(ordered) else None
    return before <= key and (after is None or key <= after)


@rule("L001", "bibliography-order", Severity.WARNING)
def bibliography_order(document: Document, settings: Settings) -> Iterator[Hit]:
    """A reference is out of alphabetical order.

    The list is sorted by the first author's family name, else the first
    editor's, else the title (without a leading "The", "A" or "An"); an edition
    that opens with its title names its editors after it and is filed by the
    title. Letters
    with diacritics sort with their base letter and case is ignored; "Mc" sorts
    as written. A lower-case particle may be passed over or filed as written
    ("van der Linden" under L or V: indexes and reference managers differ), and
    so may an organisation's "The"; a capitalised particle counts ("Van der
    Linden" under V). A name the entry does not invert and gives no initials
    ("Sun Yat-sen.") may be filed as written or by its last word. One author's works may
    stand in any order among themselves. The entries reported are the fewest
    whose removal leaves the list sorted, each with the entry it should follow.
    A list in parts ("Primary sources", "Secondary sources") is sorted part by
    part: a part's heading leaves a wider gap between two entries than the
    list's usual one. A numbered list (Vancouver, IEEE) is in citation order and
    is not checked, nor is a list most of whose entries would be out of place:
    it follows some other order on purpose.

    Failing example::

        The Terror Revisited

        Getty (1999) answers Conquest (1992) and Harris (2016).

        References

        Conquest, R. The Great Terror: A Reassessment (London: Pimlico, 1992)
        Harris, J. The Great Fear: Stalin's Terror of the 1930s (Oxford: Oxford UP, 2016)
        Getty, J. A. The Road to Terror (New Haven: Yale University Press, 1999)

    Passing example::

        The Terror Revisited

        Getty (1999) answers Conquest (1992) and Harris (2016).

        References

        Conquest, R. The Great Terror: A Reassessment (London: Pimlico, 1992)
        Getty, J. A. The Road to Terror (New Haven: Yale University Press, 1999)
        Harris, J. The Great Fear: Stalin's Terror of the 1930s (Oxford: Oxford UP, 2016)
    """
    if is_numbered(document.entries):
        return
    for part in list_parts(document.entries):
        yield from misplaced_entries(part)


def misplaced_entries(entries: Sequence[Entry]) -> Iterator[Hit]:
    """Findings for the fewest entries whose removal leaves ``entries`` sorted."""
    sortable = [e for e in entries if sort_key(e.reference) and readable_parts(e.reference) is None]
    filings = [filing_keys(e.reference) for e in sortable]
    keys = chosen_keys(filings)
    kept = longest_sorted_run(keys)
    misplaced = [i for i in range(len(sortable)) if i not in kept]
    if len(sortable) >= 6 and len(misplaced) * 2 > len(sortable):
        return
    ordered = sorted(kept)
    for i in misplaced:
        if any(_fits_between(ordered, keys, i, other) for other in filings[i][1:]):
            continue  # filed where its particle's other convention puts it
        entry = sortable[i]
        before = [k for k in ordered if keys[k] <= keys[i]]
        name = display_name(entry.reference)
        if before:
            after = sortable[before[-1]]
            after_name = display_name(after.reference)
            message = f"{name} is out of alphabetical order: it belongs after {after_name}"
            data: tuple[tuple[str, object], ...] = (
                ("name", name),
                ("after", after_name),
                ("after_line", after.span.line),
            )
        else:
            message = f"{name} is out of alphabetical order: it belongs first"
            data = (("name", name), ("after", ""), ("after_line", 0))
        yield Hit(entry.span, message, data)

"""Rules about the fields a reference needs for its type."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import pairwise

from bib import patterns
from bib.linking import is_organisation
from bib.model import Document, Entry, EntryType, Reference, Severity
from checks.duplicates import later_copies
from checks.registry import Hit, rule
from checks.settings import Settings
from checks.style import deviations, is_archival, names_a_day

BOOK_LIKE = (EntryType.BOOK, EntryType.EDITED_BOOK, EntryType.CHAPTER)

# The fields by their BibTeX names (a finding's ``data.field``), as a message says them.
FIELD_WORDS = {
    "journal": "journal",
    "pages": "pages",
    "publisher": "publisher",
    "address": "place of publication",
    "url": "URL",
    "year": "year",
}

TYPE_WORDS = {
    EntryType.ARTICLE: "article",
    EntryType.BOOK: "book",
    EntryType.EDITED_BOOK: "edited book",
    EntryType.CHAPTER: "chapter",
    EntryType.WEBPAGE: "web page",
}

# Harvard names the place of publication; APA 7 and MLA 9 leave it out. Chicago
# 17th edition names it and the 18th does not, so for Chicago the list decides.
PLACE_STYLES = ("harvard",)
NO_PLACE_STYLES = ("apa", "mla")
_IN = patterns.compile(r"^\W*in\b", re.IGNORECASE)
_LETTER = patterns.compile(r"[^\W\d_]")


@rule("F001", "missing-field", Severity.WARNING)
def missing_field(document: Document, settings: Settings) -> Iterator[Hit]:
    """A reference lacks a field that its type needs.

    An article needs its journal and pages; a book or an edited book needs its
    publisher; a chapter needs its pages and the publisher of its book; a web page needs
    its URL; a book by an organisation may leave out the publisher where books name no
    place (APA: the author is the publisher). The place of publication is needed when
    the style wants it: ``require_place`` decides; by default Harvard wants it, APA 7
    and MLA 9 do not, and otherwise the list decides, on when most of its books name a
    place (Chicago before its 18th edition), off when they do not; then an entry written
    in another style (an APA entry in a Chicago list) is left to inconsistent-style,
    which reports its form once. An article with a DOI or URL may be online-only and is
    not asked for pages, and neither is a chapter read at its web address (an entry of
    an online encyclopedia). A reference that could not be read at all (no author,
    editor or title) is left to ``unparsed-reference``, and a second copy of an entry to
    duplicate-entry. Everything needs a year, except a web page that gives the date it
    was read. A "chapter" with neither editors nor an "In" before its book may be a book
    whose title was read in two parts, and is not judged. A piece dated to the day (a
    newspaper article, a debate, a web page read on a date) has no imprint or page range
    to ask for, whatever type the parser gave it, and an archival document (with a
    shelfmark, "FO 371/118832") has no publisher.

    Failing example::

        Soviet Diplomacy

        Gorodetsky (1994) and Conquest (1992) disagree.

        References

        Conquest, R. The Great Terror: A Reassessment (London: Pimlico, 1992)
        Gorodetsky, G. (ed.), Soviet Foreign Policy, 1917-1991 (1994)

    Passing example::

        Soviet Diplomacy

        Gorodetsky (1994) and Conquest (1992) disagree.

        References

        Conquest, R. The Great Terror: A Reassessment (London: Pimlico, 1992)
        Gorodetsky, G. (ed.), Soviet Foreign Policy, 1917-1991 (London: Frank Cass, 1994)
    """
    place_needed = needs_place(document.entries, settings)
    # When only the list asks for places, an entry written in another style (an APA
    # entry in a Chicago list) lacks its place because of that style: inconsistent-style
    # reports it, once.
    other_style = (
        {
            i
            for i, found in deviations(document.entries).items()
            if any(d.feature in STYLE_FEATURES for d in found)
        }
        if place_needed and _list_decides(settings)
        else set()
    )
    copies = later_copies(document.entries)
    for index, entry in enumerate(document.entries):
        ref = entry.reference
        kind = judged_type(ref)
        if kind is None or index in copies or not (ref.authors or ref.editors or ref.title):
            continue
        if is_archival(entry.raw):
            continue  # an archive's shelfmark stands where a publisher would
        for field in missing_fields(ref, kind, place_needed and index not in other_style):
            yield Hit(
                entry.span,
                f"{TYPE_WORDS.get(kind, kind.value)} has no {FIELD_WORDS[field]}",
                (("field", field), ("type", kind.value)),
            )


def missing_fields(ref: Reference, kind: EntryType, place_needed: bool) -> tuple[str, ...]:
    """The fields (BibTeX names) that a ``kind`` needs and ``ref`` lacks, in order."""
    needed: dict[str, bool] = {}
    if kind in (EntryType.ARTICLE, *BOOK_LIKE) and dated_to_the_day(ref):
        pass  # a newspaper's issue or a sitting of parliament: no pages, no imprint
    elif kind is EntryType.ARTICLE:
        needed["journal"] = bool(ref.container)
        if not (ref.doi or ref.url):
            needed["pages"] = bool(ref.pages)
    elif kind in BOOK_LIKE:
        if kind is EntryType.CHAPTER and not (ref.url and not ref.doi):
            # An entry of an online reference work read at its web address has no pages
            # (a DOI'd e-book chapter has them, and is asked).
            needed["pages"] = bool(ref.pages)
        place, publisher = imprint_of(ref)
        # Where books name no place (APA, MLA), a lone imprint word is the publisher the
        # parser took for a place: "Polity, 2004".
        needed["publisher"] = bool(publisher) or (bool(place) and not place_needed)
        # APA 7 leaves out a publisher that is the author itself ("World Bank. (2019).
        # *Title*."); where books need a place (Harvard, older Chicago) it is written again.
        if kind is not EntryType.CHAPTER and not place_needed and is_organisation(ref):
            needed["publisher"] = True
        if place_needed:
            needed["address"] = bool(place)
    elif kind is EntryType.WEBPAGE:
        needed["url"] = bool(ref.url or ref.doi)
    # Without a name or a title the entry is unparsed-reference's, year and all.
    if (ref.authors or ref.editors) and (ref.title or ref.container):
        needed["year"] = bool(ref.year) or (kind is EntryType.WEBPAGE and bool(ref.accessed))
    return tuple(field for field, present in needed.items() if not present)


def dated_to_the_day(ref: Reference) -> bool:
    """Whether a date of the entry gives the day: an issue, a sitting, an access date.

    Books and journal volumes are dated by the year (and a season or month at most);
    a day belongs to a newspaper, a debate, a letter, or the day a page was read.
    """
    dates = (text for label, text in ref.segments if label == "date")
    return names_a_day((*dates, ref.accessed))


def judged_type(ref: Reference) -> EntryType | None:
    """The type to judge ``ref`` as, or None when the parser's "chapter" is doubtful.

    Editors and a container but no title of its own is an edited book whose title
    was read as a container. A "chapter" with neither editors nor an "In" before
    its book may be a book whose title was read in two parts.
    """
    if ref.type is not EntryType.CHAPTER:
        return ref.type
    if ref.editors and not ref.authors and not ref.title:
        return EntryType.EDITED_BOOK
    return EntryType.CHAPTER if is_plainly_a_chapter(ref) else None


def is_plainly_a_chapter(ref: Reference) -> bool:
    """A chapter that says so: its book has editors or is introduced by "In"."""
    containers = (text for label, text in ref.segments if label == "container")
    return bool(ref.editors) or any(_IN.match(text) for text in containers)


def imprint_of(ref: Reference) -> tuple[str, str]:
    """(place, publisher), also when "London: Pimlico" came out as one of the two, or
    when the publisher stayed in the title after its italics ("*Title*. Knopf.")."""
    place = ref.place or _labelled(ref, "place")
    publisher = (
        ref.publisher
        or _labelled(ref, "publisher")
        or _after_italics(ref)
        or _after_report_number(ref)
        or _after_role(ref)
    )
    if bool(place) != bool(publisher):
        # Imported here: the parser's modules stay unloaded when every reference
        # came from the parse cache.
        from bib.parser.fields import split_place_publisher

        split_place, split_publisher = split_place_publisher(place or publisher)
        if split_place:
            return split_place, split_publisher
    return place, publisher


# What follows an italic title's closing mark inside the "title": ". Knopf." (not "?"),
# also after a report's number or an edition: "* (Working Paper No. 12). Centre for...".
_AFTER_ITALICS = patterns.compile(
    r"[*_](?:\s*\([^()]{1,60}\))?[.,]?\s+([^\W\d][^*_()]{1,80}?)[.,]?\s*$"
)


def _after_italics(ref: Reference) -> str:
    """A publisher the parser left in the title, after the title's italics closed; or in
    the book's title read as a container, when the entry has no title of its own (an
    edited book: "Bloom, Harold, editor. *Mary Shelley's Frankenstein*. Chelsea House")."""
    labels = ("title",) if ref.title else ("title", "container")
    for label, text in ref.segments:
        if label in labels and (found := _AFTER_ITALICS.search(text)):
            return found.group(1)
    return ""


# A report's number after its italic title, "*Title* (Cmd. 6404).", and the words after it.
_REPORT_NUMBER = patterns.compile(r"[*_]\s*\([^()]{1,40}\)[.,]?\s*$")
_IMPRINT_WORDS = patterns.compile(r"^\s*([^\W\d][^\d*_()]{1,80}?)[.,]?\s*$")


def _after_report_number(ref: Reference) -> str:
    """The publisher the parser took for a note after a report's number (APA puts the
    number in parentheses after the title, then the publisher: "(Cmd. 6404). HMSO.")."""
    for (label, text), (next_label, after) in pairwise(ref.segments):
        if (
            label == "title"
            and next_label == "note"
            and _REPORT_NUMBER.search(text)
            and (found := _IMPRINT_WORDS.match(after))
        ):
            return found.group(1)
    return ""


# APA's translator or editor after the title, "(F. Wischnewetzky, Trans.). Penguin."; MLA's
# edition after the editor, then the publisher: "Edited by Paul B. Armstrong, 4th ed., Norton,".
_AFTER_ROLE = patterns.compile(
    r"(?:\b(?:trans|eds?|narr)\.\)[.,]?|\b(?:\d+(?:st|nd|rd|th)|rev|revised|expanded)\s+ed\.,)"
    r"\s+([^\W\d][^\d*_()]{1,80}?)[.,]?\s*$",
    re.IGNORECASE,
)


def _after_role(ref: Reference) -> str:
    """The publisher the parser kept with a translator or editor: in APA's parentheses, or
    after MLA's edition statement."""
    for label, text in ref.segments:
        if label in ("translator", "editor") and (found := _AFTER_ROLE.search(text)):
            return found.group(1)
    return ""


def _labelled(ref: Reference, label: str) -> str:
    """The text of ``ref``'s segments with ``label``, when any of it is words."""
    text = " ".join(t for name, t in ref.segments if name == label)
    return text.strip() if _LETTER.search(text) else ""


# What makes an entry another style's, not a slip in this one: where its year stands.
STYLE_FEATURES = frozenset({"year-position"})


def _list_decides(settings: Settings) -> bool:
    """Whether neither the settings nor the style say if books need a place."""
    style = settings.style.lower()
    return settings.require_place is None and not style.startswith(PLACE_STYLES + NO_PLACE_STYLES)


def needs_place(entries: Sequence[Entry], settings: Settings) -> bool:
    """Whether books must name their place: the setting, else the style, else the list."""
    if settings.require_place is not None:
        return settings.require_place
    style = settings.style.lower()
    if style.startswith(PLACE_STYLES):
        return True
    if style.startswith(NO_PLACE_STYLES):
        return False
    return list_names_places(entries)


def list_names_places(entries: Sequence[Entry]) -> bool:
    """True when most of the list's books that give an imprint name a place (Chicago-like)."""
    imprints = [imprint_of(e.reference) for e in entries if e.reference.type in BOOK_LIKE]
    given = [place for place, publisher in imprints if place or publisher]
    return sum(1 for place in given if place) * 2 > len(given)

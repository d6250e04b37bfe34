"""From labelled tokens to a ``Reference``: field values, their clean-up, the entry type.

Each rule is a small pure function over strings so that it can be tested on its own
(the tables in ``tests/test_parser_rules.py``).
"""

import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from bib import patterns
from bib.model import EntryType, Name, Reference
from bib.parser import labels as L
from bib.parser.names import parse_names
from bib.parser.rules import relabel
from bib.parser.tokens import Token, clean

_DASHES = "‐‑‒–—―−"
_DASH = patterns.compile(f"[{_DASHES}-]+")
_YEAR = patterns.compile(r"(?<![\d/.])(1[5-9]\d\d|20[0-4]\d)(?![\d/])")
_MONTHS = (
    r"jan(?:uary|vier|uar)?|feb(?:ruary|ruar)?|févr(?:ier)?|mar(?:ch|s)?|märz|apr(?:il)?|avr(?:il)?"
    r"|may|mai|june?|juin|juni|july?|juil(?:let)?|juli|aug(?:ust)?|août|sept?(?:ember|embre)?"
    r"|oct(?:ober|obre)?|okt(?:ober)?|nov(?:ember|embre)?|dec(?:ember)?|déc(?:embre)?|dez(?:ember)?"
    r"|spring|summer|autumn|fall|winter|printemps|été|automne|hiver"
)
_MONTH_RANGE = patterns.compile(
    rf"\b({_MONTHS})\.?(?:\s*[{_DASHES}/-]+\s*({_MONTHS})\b\.?)?", re.IGNORECASE
)
_VOLUME_CUE = patterns.compile(
    r"\b(?:vols?|volume|bd|band|t|tome|tomo|jg|jahrgang|v|vo)\b\.?\s*", re.I
)
_NUMBER_CUE = patterns.compile(
    r"(?:\b(?:nos?|nr|n|number|issue|iss|heft|h|num|fasc)\b\.?|n[°º]|#)\s*", re.I
)
_NUMBERISH = r"[0-9]+[a-z]?(?:\s*[/{d}-]\s*[0-9]+)?|[ivxlcdm]+\b|[A-Z]{{1,2}}\b|[a-z]{{2}}\b"
_NUMBERISH_RE = _NUMBERISH.format(d=_DASHES)
_PAGE_CUE = patterns.compile(
    r"^\s*(?:pp?|pages?|pgs?|ss?|seiten|str|blz)\b\.?\s*|^\s*[Pp]\.\s*", re.I
)
_IN = patterns.compile(r"^\s*(?:in|dans|im|en)\s*:?\s+(?=\S)|^\s*in:\s*", re.IGNORECASE)
_THESIS = patterns.compile(
    r"\b(?:thesis|dissertation|th[èe]se|diss\.|ph\.?\s?d|doctoral|doktorarbeit|tesi|"
    r"dissertação|habilitation|master'?s|m\.?a\.? thesis|mémoire)\b",
    re.IGNORECASE,
)
_REPORT = patterns.compile(
    r"\b(?:report|working paper|technical memorandum|bericht|rapport|white paper"
    r"|discussion paper)\b",
    re.IGNORECASE,
)
# Only a title that says what it reviews: a bare "Review" may be an article's title.
_REVIEW = patterns.compile(
    r"^\s*(?:review of|reviewed work|book review|rezension (?:von|zu)|compte[- ]rendu de)\b"
    r"|^\s*(?:review|rezension|compte[- ]rendu)\s*:\s*\S",
    re.IGNORECASE,
)
_ACCESS = patterns.compile(
    r"\b(?:accessed|retrieved|consulted|abgerufen|zugegriffen|consulté|visited|viewed"
    r"|last access\w*)"
    r"(?:\s+(?:on|am|le))?\s*:?\s*",
    re.IGNORECASE,
)
_URL = patterns.compile(r"(?:https?://|www\.)[^\s<>\"]+[^\s<>\".,;:)\]]")
_DOI = patterns.compile(r"\b10\.\d{4,9}/[^\s\"<>]+[^\s\"<>.,;:)\]]")
_ISBN = patterns.compile(r"\b(?:97[89][-\s]?)?(?:\d[-\s]?){9}[\dXx]\b")
_KEEP_DOT = patterns.compile(r"(?:\b(?:inc|co|ltd|jr|sr|etc|al|st|bros)|\b[A-Z])\.$", re.IGNORECASE)
_OPENERS = "([{“‘«„\"'"
_CLOSERS = ")]}”’»\"'"
_LONE_CLOSERS = ("”", "’", "»")


def normalise_dashes(text: str) -> str:
    return _DASH.sub("-", text)


def strip_field(text: str) -> str:
    """Take off the punctuation that separates fields, and markup, keeping inner text."""
    text = clean(text).text if ("*" in text or "_" in text or "[" in text) else text
    text = " ".join(text.split()).strip(" \t,;:/*_")
    for _ in range(3):
        before = text
        if text and text[0] in _OPENERS and _balanced_without(text, 0):
            text = text[1:].strip()
        if text and text[-1] in _CLOSERS and _balanced_without(text, len(text) - 1):
            text = text[:-1].strip()
        if text[:1] in _LONE_CLOSERS and not text[1:2].isalnum():
            text = text[1:].strip()  # the quote that closed the field before: "’, Journal"
        text = text.strip(" ,;:/*_")
        if text.endswith(".") and not _KEEP_DOT.search(text):
            text = text[:-1].rstrip()
        if text == before:
            break
    return text


def _balanced_without(text: str, index: int) -> bool:
    """Whether dropping the bracket/quote at ``index`` leaves the rest balanced."""
    ch = text[index]
    pairs = {"(": ")", "[": "]", "{": "}", "“": "”", "‘": "’", "«": "»", "„": "“"}
    if ch in "\"'":
        return text.count(ch) % 2 == 1 or (text[0] == ch and text[-1] == ch)
    if ch in pairs:  # opener: drop it unless its closer follows inside
        return pairs[ch] not in text[index + 1 :] or text[-1] == pairs[ch]
    opener = next((o for o, c in pairs.items() if c == ch), "")
    if ch == "’":  # also an apostrophe ("Stalin’s"): drop only a closing quote
        return "‘" in text or (text.count("’") == 1 and not _APOSTROPHE.search(text))
    return opener not in text[:index] or text[0] == opener


_APOSTROPHE = patterns.compile(r"\w’\w")
_TRAILING_PAGE_CUE = patterns.compile(r"\s*\b(?:pp?|pages|s)\.?\s*$", re.I)
_PAGE_RANGE = patterns.compile(
    r"([A-Za-z]?\d+[a-z]?)\s*(?:[-‐‑‒–—―−]+|\s)\s*([A-Za-z]?\d+[a-z]?)\b"
)
_PAGE = patterns.compile(r"[A-Za-z]?\d+[a-z]?|\b[ivxlcdm]+\b", re.I)


def normalise_pages(text: str) -> str:
    """'pp. 286 – 314.' -> '286-314'; 'S. 155-157' -> '155-157'; '561 p.' -> '561'."""
    text = _PAGE_CUE.sub("", text.strip(" ()[],.;:"))
    text = _TRAILING_PAGE_CUE.sub("", text)
    m = _PAGE_RANGE.search(text)
    if m:
        return f"{m.group(1)}-{m.group(2)}"
    m = _PAGE.search(text)
    return m.group() if m else strip_field(text)


# Digits need no word boundary: "제36권" (volume 36) glues them to letters.
_VOLUME_NUMBERS = patterns.compile(
    r"(?<!\d)\d+(?:[a-z](?![^\W\d_]))?(?:[/-]\d+)?(?!\d)|\b[IVXLCDM]+\b|\b[ivxlcdm]+\b"
)


_LEADING_YEAR = patterns.compile(r"^\s*(?:1[5-9]\d\d|20[0-4]\d)\s*;")
_CUED_VOLUME = patterns.compile(rf"(?:{_VOLUME_CUE.pattern})({_NUMBERISH_RE})", re.IGNORECASE)
_CUED_NUMBER = patterns.compile(rf"(?:{_NUMBER_CUE.pattern})({_NUMBERISH_RE})", re.IGNORECASE)
_BRACKETED_NUMBER = patterns.compile(rf"\(\s*({_NUMBERISH_RE})\s*\)")


def split_volume(text: str) -> tuple[str, str]:
    """'Vol. 30, No. 3' -> ('30', '3'); '48 (1)' -> ('48', '1'); '2012;30(15)' -> ('30', '15')."""
    text = _LEADING_YEAR.sub("", text)
    volume = number = ""
    rest = text
    m = _CUED_VOLUME.search(text)
    if m:
        volume = m.group(1)
        rest = text[: m.start()] + " " + text[m.end() :]
    m = _CUED_NUMBER.search(rest)
    if m:
        number = m.group(1)
        rest = rest[: m.start()] + " " + rest[m.end() :]
    paren = _BRACKETED_NUMBER.search(rest)
    if paren and not number:
        number = paren.group(1)
        rest = rest[: paren.start()] + " " + rest[paren.end() :]
    numbers = _VOLUME_NUMBERS.findall(rest)
    if not volume and numbers:
        volume = numbers.pop(0)
    if not number and numbers:
        number = numbers.pop(0)
    if not volume and not number:
        volume = strip_field(text)
    return normalise_dashes(volume.strip()), normalise_dashes(number.strip())


_YEAR_RANGE = patterns.compile(rf"(?<!\d)(?:1[5-9]|20)\d\d\s*[{_DASHES}/-]+\s*\d{{2,4}}(?!\d)")


def find_year(text: str) -> str:
    """The publication year: a year on its own before one that opens a range (1931-1939)."""
    m = _YEAR.search(_YEAR_RANGE.sub(" ", text)) or _YEAR.search(text)
    return m.group(1) if m else ""


def find_accessed(text: str) -> str:
    """'Accessed 3 March 2020.' -> '3 March 2020'; '' without an access cue."""
    m = _ACCESS.search(text)
    return strip_field(text[m.end() :]) if m else ""


def find_month(text: str) -> str:
    """'(Jan – Feb 1934)' -> 'Jan-Feb'; 'Winter (1956)' -> 'Winter'."""
    m = _MONTH_RANGE.search(text)
    if not m:
        return ""
    return f"{m.group(1)}-{m.group(2)}" if m.group(2) else m.group(1)


def clean_container(text: str) -> str:
    return strip_field(_IN.sub("", strip_field(text)))


_PLACE_COLON = patterns.compile(r"^\s*\(?([^:()]{2,40}?)\s*:\s*(.+)$")


def split_place_publisher(text: str) -> tuple[str, str]:
    """'London: Pimlico' -> ('London', 'Pimlico'); a plain publisher -> ('', it)."""
    m = _PLACE_COLON.match(text)
    if m and not any(ch.isdecimal() for ch in m.group(1)):
        return strip_field(m.group(1)), strip_field(m.group(2))
    return "", strip_field(text)


_PUBLISHER_WORD = patterns.compile(
    r"\b(?:press|presses|verlag|éditions|editions|edizioni|editore|editorial|publishers?"
    r"|publishing|books|university|universitaires?|beaux-arts|gmbh|inc|ltd|co)\b",
    re.IGNORECASE,
)


def split_place_comma_publisher(place: str) -> tuple[str, str]:
    """'Paris, Beaux-Arts de Paris' -> ('Paris', 'Beaux-Arts de Paris'), when what follows
    the comma names a publisher; 'Upper Saddle River, New Jersey' stays a place."""
    head, sep, tail = place.partition(",")
    if sep and _PUBLISHER_WORD.search(tail) and not _PUBLISHER_WORD.search(head):
        return strip_field(head), strip_field(tail)
    return place, ""


class Segment(NamedTuple):
    label: str
    text: str  # original text, from the end of the previous segment
    tokens: tuple[str, ...]


def _markup_start(raw: str, floor: int, start: int) -> int:
    """Where a token starts once the emphasis or link markers that open it are included."""
    while start > floor and raw[start - 1] in "*_[":
        start -= 1
    return start


def group_segments(
    raw: str, tokens: Sequence[Token], labels: Sequence[str], numbering_end: int = 0
) -> list[Segment]:
    """Consecutive tokens with one label as one segment, over the original text."""
    segments: list[Segment] = []
    if numbering_end:
        segments.append(Segment(L.CITATION_NUMBER, raw[:numbering_end].strip(), ()))
    i = 0
    n = len(tokens)
    while i < n:
        j = i
        while j + 1 < n and labels[j + 1] == labels[i]:
            j += 1
        # A segment owns the text up to the start of the next segment, so that markup
        # and punctuation between tokens stay with the field they close.
        start = numbering_end if i == 0 else _markup_start(raw, tokens[i - 1].end, tokens[i].start)
        end = _markup_start(raw, tokens[j].end, tokens[j + 1].start) if j + 1 < n else len(raw)
        text = raw[start:end].strip()
        segments.append(Segment(labels[i], text, tuple([t.text for t in tokens[i : j + 1]])))
        i = j + 1
    return segments


def decide_type(fields: Mapping[str, str], has_authors: bool, has_editors: bool) -> EntryType:
    """The entry type from which fields are present (the same rules grade the gold).

    thesis words -> thesis; report words -> report; a title like "Review of ..." ->
    review; a container with editors, "In", a publisher or a place -> chapter, else
    article; a URL with an access date or no imprint -> webpage; editors without
    authors -> edited-book; a title with an imprint -> book.
    """
    genre = " ".join(fields.get(k, "") for k in ("genre", "note", "publisher", "title"))
    container = fields.get("container", "")
    if _THESIS.search(genre):
        return EntryType.THESIS
    if _REVIEW.search(fields.get("title", "")) and container:
        return EntryType.REVIEW
    if _REPORT.search(" ".join(fields.get(k, "") for k in ("genre", "note"))):
        return EntryType.REPORT
    if container:
        if has_editors or fields.get("in") or fields.get("publisher") or fields.get("place"):
            return EntryType.CHAPTER
        return EntryType.ARTICLE
    if fields.get("url") and (fields.get("accessed") or not fields.get("publisher")):
        return EntryType.WEBPAGE
    if has_editors and not has_authors:
        return EntryType.EDITED_BOOK
    if fields.get("title") and (fields.get("publisher") or fields.get("place") or has_authors):
        return EntryType.BOOK
    return EntryType.OTHER


def _first(segments: Sequence[Segment], label: str) -> str:
    return next((s.text for s in segments if s.label == label), "")


def _all(segments: Sequence[Segment], label: str) -> list[str]:
    return [s.text for s in segments if s.label == label]


def _drop_title_years(segments: list[Segment]) -> list[Segment]:
    """A date glued to the title ("1939: The alliance...") when the imprint has another.

    Not a year in brackets ("Prengel (2007): Sind alle...") nor one the imprint repeats
    ("Katchan 1986: Early Bilingualism ... 1986"): those are the author-date's date.
    """
    dated = [i for i, s in enumerate(segments) if s.label == L.DATE and find_year(s.text)]
    if len(dated) < 2:
        return segments
    first = dated[0]
    seg = segments[first]
    follows_title = first + 1 < len(segments) and segments[first + 1].label == L.TITLE
    year = find_year(seg.text)
    own = seg.text.lstrip()[:1] not in "([" and all(
        find_year(segments[i].text) != year for i in dated[1:]
    )
    if follows_title and own and seg.text.rstrip().endswith(":"):
        segments[first] = Segment(L.TITLE, seg.text, seg.tokens)
    return segments


def _merge(segments: Sequence[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for seg in segments:
        if merged and merged[-1].label == seg.label:
            last = merged[-1]
            merged[-1] = Segment(seg.label, f"{last.text} {seg.text}", last.tokens + seg.tokens)
        else:
            merged.append(seg)
    return merged


_NO_YEAR_IN = frozenset((L.TITLE, L.CONTAINER, L.SERIES, L.URL, L.DOI, L.ISBN, L.EDITION))
_GLUED_VOLUME = patterns.compile(r"^(.+\s\S*[^\W\d_])(\d{1,4})$")
# A journal's "Bulletin 95" before the pages; not a book's "In Proceedings of CHI 90", nor
# the year of "Proc. ICML 2012".
_SPACED_VOLUME = patterns.compile(r"^(.*[^\W\d_][^\W\d_.]\.?)\s+(\d{1,3})$")


def build_reference(
    raw: str, tokens: Sequence[Token], labels: Sequence[str], numbering_end: int = 0,
    links: Sequence[str] = (),
) -> Reference:  # fmt: skip
    labels = relabel(tokens, labels)
    segments = _merge(_drop_title_years(group_segments(raw, tokens, labels, numbering_end)))
    authors: list[Name] = []
    editors: list[Name] = []
    translators: list[Name] = []
    for seg in segments:
        if seg.label not in (L.AUTHOR, L.EDITOR, L.TRANSLATOR):
            continue
        people = parse_names(seg.text)
        if seg.label == L.TRANSLATOR or (people.translators and not people.editors):
            translators.extend(people.names)
        elif seg.label == L.EDITOR or people.editors:
            editors.extend(people.names)
        else:
            authors.extend(people.names)

    dates = _all(segments, L.DATE)
    date_text = " ".join(dates)
    notes = _all(segments, L.NOTE) + _all(segments, L.GENRE)
    accessed = ""
    year_text = ""
    for text in dates + notes:
        m = _ACCESS.search(text)
        if m:
            accessed = accessed or strip_field(text[m.end() :])
        elif (
            text in dates
            and not year_text
            and find_year(text)
            # A range of years ("1931-1939") is a period, not a date of publication.
            and (_YEAR.search(_YEAR_RANGE.sub(" ", text)) or text == dates[-1])
        ):
            year_text = text
    year = find_year(year_text or date_text)
    if not year:
        year = find_year(
            " ".join(s.text for s in segments if s.label in (L.VOLUME, L.PLACE, L.PUBLISHER))
        )
    if not year:
        # No date where dates go: a year the tagger left in the pages, a note or the
        # names ("pp 10. 1956", "Jameson, Fredric. 1971B.") is still the year; one in a
        # title or a journal's name is not.
        year = find_year(" ".join(s.text for s in segments if s.label not in _NO_YEAR_IN))

    volume_text = " ".join(_all(segments, L.VOLUME))
    volume, number = split_volume(volume_text) if volume_text else ("", "")

    place_text = _first(segments, L.PLACE)
    place = strip_field(place_text)
    publisher_text = _first(segments, L.PUBLISHER)
    publisher = strip_field(publisher_text)
    if publisher and not place:
        place, publisher = split_place_publisher(publisher_text)
    elif place and not publisher and ":" in place_text.strip(" :"):
        place, publisher = split_place_publisher(place_text)
        place = place or strip_field(place_text)
    elif place and not publisher:
        place, publisher = split_place_comma_publisher(place)

    # URLs and DOIs are found wherever the tagger put them.
    everything = raw if ("http" in raw or "www." in raw or "10." in raw) else ""
    url = strip_field(_first(segments, L.URL))
    url_match = _URL.search(url or everything)
    url = url_match.group() if url_match else (url or (links[0] if links else ""))
    doi_match = _DOI.search(_first(segments, L.DOI) or everything)
    doi = doi_match.group() if doi_match else ""
    isbn_text = _first(segments, L.ISBN)
    isbn_match = _ISBN.search(isbn_text) if isbn_text else None
    isbn = isbn_match.group().replace(" ", "") if isbn_match else ""

    container_raw = _first(segments, L.CONTAINER)
    container = clean_container(container_raw)
    pages_text = _first(segments, L.PAGES)
    if container and not volume:
        # "Phys. Rev. D86": a volume glued to the journal's last letter.
        glued = _GLUED_VOLUME.match(container) or (
            _SPACED_VOLUME.match(container) if pages_text and not _IN.match(container_raw) else None
        )
        if glued:
            container, volume = glued.group(1), glued.group(2)
    trailing = _YEAR.search(container[-4:]) if container and not year else None
    if trailing and container[:-4].rstrip().endswith((".", ",", ";")):
        year = trailing.group(1)  # "JAMA, 2016" and no year anywhere else
    head = container[: -len(year)].rstrip() if year and container.endswith(year) else ""
    if head.endswith((".", ",", ";")):
        # "Journal of Biomechanics. 2012": the year was read into the journal's name
        # ("Proceedings of ICML 2012", with no stop before the year, keeps it).
        container = strip_field(head) or container
    title = strip_field(_first(segments, L.TITLE))
    if not title and not container and ", " in place:
        # "A. Rossi, Storia di Roma, Milano 1975": with no title found, a place of several
        # words before its last comma holds the title; a real place ends in one name.
        head, _, tail = place.rpartition(", ")
        if len(head.split()) > 1 and len(tail.split()) == 1 and tail[:1].isupper():
            title, place = head, tail
    fields = {
        "title": title,
        "container": container,
        "publisher": publisher,
        "place": place,
        "url": url,
        "accessed": accessed,
        "genre": " ".join(_all(segments, L.GENRE)),
        "note": " ".join(notes),
        "in": "in" if _IN.match(container_raw) else "",
    }
    return Reference(
        type=decide_type(fields, bool(authors), bool(editors)),
        authors=tuple(authors),
        editors=tuple(editors),
        translators=tuple(translators),
        title=fields["title"],
        container=fields["container"],
        volume=volume,
        number=number,
        pages=normalise_pages(pages_text) if pages_text else "",
        year=year,
        month=find_month(date_text),
        publisher=publisher,
        place=place,
        edition=strip_field(_first(segments, L.EDITION)),
        series=strip_field(_first(segments, L.SERIES)),
        url=url,
        doi=doi,
        isbn=isbn,
        accessed=accessed,
        note=strip_field(" ".join(notes)),
        segments=tuple((s.label, s.text) for s in segments),
    )

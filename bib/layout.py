"""Find an essay's parts: title, body, notes, the reference list and what follows it.

The list is found by its heading ("References", "**Works Cited**", plain
"Bibliography"...) or, when it has none, as the run of reference-shaped items at
the end of the body. Both stop at what a blog page puts after an essay: comment
threads, "Leave a Reply", sharing widgets, tags, image credits; that goes to the
trailer. Every block keeps its lines in the file (1-based).
"""

import re
from collections.abc import Sequence
from typing import NamedTuple

from bib import patterns
from bib.model import Block, Document, Span
from bib.split import LIST_MARKER, NAME_START, fold, reference_groups, split_references

REFERENCE_HEADINGS = frozenset(
    {
        "bibliography",
        "bibliographical references",
        "bibliography and further reading",
        "cited literature",
        "cited works",
        "citations",
        "further reading",
        "further readings",
        "list of references",
        "literature",
        "literature cited",
        "literature list",
        "reading list",
        "recommended reading",
        "reference",
        "reference list",
        "references",
        "references and further reading",
        "references cited",
        "select bibliography",
        "selected bibliography",
        "selected sources",
        "sources",
        "sources and further reading",
        "sources cited",
        "sources consulted",
        "suggested reading",
        "works cited",
        "works consulted",
        "works referenced",
    }
)
# Sub-headings that divide a reference list; alone, they can head it too.
SUBLIST_HEADINGS = frozenset(
    {
        "archival collections",
        "archival documents",
        "archival material",
        "archival materials",
        "archival sources",
        "archives",
        "articles",
        "book chapters",
        "books",
        "documents",
        "edited collections",
        "films",
        "government documents",
        "internet sources",
        "interviews",
        "journal articles",
        "manuscript sources",
        "manuscripts",
        "memoirs",
        "monographs",
        "newspapers",
        "official publications",
        "online sources",
        "other sources",
        "periodicals",
        "primary",
        "primary literature",
        "primary sources",
        "primary texts",
        "printed primary sources",
        "printed sources",
        "published primary sources",
        "published sources",
        "reports",
        "secondary",
        "secondary literature",
        "secondary sources",
        "secondary works",
        "studies",
        "theses",
        "unpublished primary sources",
        "unpublished sources",
        "web sources",
        "websites",
    }
)
NOTES_HEADINGS = frozenset({"notes", "endnotes", "end notes", "footnotes"})

# What a blog page puts after the essay; any of these ends the essay for good.
_PAGE_END = patterns.compile(
    r"(?:one|no|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:thoughts?|responses?|comments?|replies|reply|pingbacks?)\b.*"
    r"|(?:leave|post|add|write)\s+a\s+(?:reply|comment|response)\b.*"
    r"|comments?(?:\s*\(\d+\))?|cancel\s+reply|responses?"
    r"|share\s+this(?:\s+(?:post|article|page|entry|story))?\s*:?"
    r"|(?:like|rate)\s+this\s*:?"
    r"|related(?:\s+(?:posts?|articles?|reading|content|stories))?\s*:?"
    r"|you\s+(?:may|might)\s+also\s+like\b.*"
    r"|(?:posted|filed)\s+(?:in|under)\b.*"
    r"|tag(?:ged|s)?(?:\s+with)?\s*:.*|tagged\s.*|categor(?:y|ies)\s*:.*"
    r"|about\s+the\s+author\b.*"
    r"|(?:previous|next|older|newer)\s+(?:post|article|entry)\b.*"
    r"|(?:proudly\s+)?powered\s+by\b.*|subscribe\b.*"
    r"|fill\s+in\s+your\s+details\s+below\b.*"
    r"|this\s+(?:entry|post)\s+was\s+(?:posted|written|published)\b.*"
)
# Page furniture that may also stand inside a post (an image credit under a
# picture), so it ends a reference list but does not end the essay.
_FURNITURE = patterns.compile(
    r"(?:(?:featured|header|cover|banner|top)\s+)?(?:image|photo|picture|illustration|cover)"
    r"(?:\s+credits?)?\s*(?::|-\s|by\b|courtesy\b|via\b|source\b).*"
    r"|(?:(?:image|photo|picture|illustration)\s+)?credits?"
    r"|credits?\s*:.*|(?:\(c\)|©|copyright\b).*"
    r"|(?:last\s+)?(?:updated|modified)\s+(?:on\s+)?\d.*|key\s?words\s*:.*"
    r"|(?:the\s+)?author\s+(?:thanks|wishes\s+to\s+thank|is\s+grateful)\b.*"
    r"|acknowledge?ments?"
    r"|(?:share(?:\s+on)?|tweet|email|print|facebook|twitter|x|reddit|linkedin|pinterest"
    r"|tumblr|whatsapp|telegram|pocket|more|like|reblog|follow(?:\s+us)?"
    r"|advertisements?|report\s+this\s+ad|loading(?:\.{3}|…)?)\s*:?"
)
_HEADING_NOISE = patterns.compile(r"^(?:[#>\s]+|(?:\d{1,2}|[ivxlc]{1,6}|[a-h])[.)]\s+)|[\s:.*_#]+$")
_EMPHASIS_MARKS = patterns.compile(r"[*_]{1,3}")

# Reference-shape features. Weights were set on Harvard, APA, MLA, Chicago,
# Vancouver and IEEE lists; a reference scores 3 or more, prose rarely 1.
REFERENCE_SCORE = 3.0
# Under a heading an item is presumed a reference; this much shape keeps it in.
_WEAK_REFERENCE_SCORE = 1.5
_YEAR = patterns.compile(r"\b(?:1[5-9]\d\d|20\d\d)[a-z]?\b|\bn\.\s?d\.")
_YEAR_BRACKETED = patterns.compile(r"[(\[](?:[A-Za-z]{3,9}\.?\s+)?(?:1[5-9]\d\d|20\d\d)[a-z]?[)\]]")
# "Place: Publisher, Year" (notes, bibliographies) or, ending the reference, "Place:
# Publisher." (author-date, where the year follows the author).
_PLACE_PUBLISHER = patterns.compile(
    r"\b[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?(?:,\s[A-Z]{2})?\s?:\s?[A-Z][^\n:;]{1,60}?"
    r"(?:,\s?(?:1[5-9]\d\d|20\d\d)|\.\s*$)"
)
_VOLUME = patterns.compile(
    r"\b(?:vol|no|nr|iss|pp?|ch|chap|ed|eds|edn|trans|repr)\.\s?(?:\d|[ivxlc]+\b)"
    r"|\b\d{1,4}\s?\(\d{1,4}(?:[-/]\d{1,4})?\)\s?[:,]\s?\d"
    r"|\b\d{1,4}:\s?\d{1,5}\s?-\s?\d{1,5}\b",
    re.IGNORECASE,
)
_PAGE_RANGE = patterns.compile(r"\b\d{1,5}\s?-{1,2}\s?\d{1,5}\b")
_QUOTED_TITLE = patterns.compile(
    r"(?:^|(?<=[\s(.,:]))(?:'[^'\n]{4,}?'|\"[^\"\n]{4,}?\")(?![A-Za-z])"
)
_EMPHASIS_TITLE = patterns.compile(r"(?<![\w*])[*_][^*_\n]{3,}[*_](?![\w*])")
_PUBLISHING_WORD = patterns.compile(
    r"\b(?:Press|University|Universität|Université|Verlag|Publishers?|Publishing|Publications|Books"
    r"|Journal|Review|Studies|Quarterly|Proceedings|Bulletin|Annals|Gazette|Magazine"
    r"|Times|Editions?|edn|Institute|Routledge|Macmillan|Penguin|Blackwell|Wiley|Springer)\b"
    r"|\((?:eds?|trans|comp)\.?\)|\beds?\.,?\s|\btrans\.\s",
)
_LINK = patterns.compile(r"https?://|\bdoi\s?:|\b10\.\d{4,9}/|\bISBN\b|\bwww\.", re.IGNORECASE)
_ACCESS = patterns.compile(
    r"\b(?:retrieved|accessed|available\s+(?:at|from)|viewed)\b", re.IGNORECASE
)
# Words that make a sentence; a title has few of them, prose has many.
_PROSE_WORD = frozenset(
    "is are was were be been being has have had would could should will can may might must "
    "not that which this these those it its he she they them their his her we our us i you "
    "because however although though therefore thus also such than very there who whom whose "
    "what when where why how if but so do does did".split()
)
_WORD_EDGES = "\"'()[],.;:!?*_"
# Prose: a paragraph this long without reference structure is part of the essay.
_PROSE_LENGTH = 25  # words
_TITLE_MAX_LENGTH = 200
# A plain line that names a list ("Works Cited") is short; it ranks below any
# Markdown heading (levels 1 to 6).
_LIST_NAME_LENGTH = 60
_LIST_NAME_WORDS = 6
_PLAIN_HEADING = 7
# How far back from the page's end a list without a heading may still stand:
# so many paragraphs of other matter, and at most so many characters of prose.
_LOOKBACK_PARAGRAPHS = 12
_LOOKBACK_PROSE = 600


def find_parts(text: str, path: str, markdown: bool) -> Document:
    """Split an essay into its parts; ``entries`` is left for the reference parser."""
    lines = text.split("\n")
    if markdown:
        # bib.markdown is imported only for Markdown: its patterns cost a few
        # milliseconds to compile, which a plain-text essay need not pay.
        from bib.markdown import mask

        masked = mask(text).split("\n")
    else:
        masked = lines
    page = _read_page(lines, masked, markdown)
    title, paragraphs = page.title, page.paragraphs
    if title is None:  # front matter names the title; otherwise the first line does
        title, paragraphs = _take_title(lines, masked, paragraphs)
    found = _find_list(lines, paragraphs)
    notes = list(page.footnotes)
    references: list[Block] = []
    for start, end in found.runs:
        references.extend(split_references(lines[start:end], start + 1, masked=masked[start:end]))
    for start, end in found.notes:
        notes.extend(_note_blocks(lines, masked, start, end))
    # A list without a heading may start inside a paragraph, under a line of prose.
    body = tuple(
        _block(lines, masked, p.start, min(p.end, found.body_end))
        for p in paragraphs
        if p.start < found.body_end
    )
    trailer = tuple(
        _block(lines, masked, max(p.start, found.trailer_start), p.end)
        for p in paragraphs
        if p.end > found.trailer_start
    )
    return Document(
        path=path,
        title=title,
        body=body,
        notes=tuple(sorted(notes, key=lambda note: note.span.line)),
        heading=None if found.heading is None else _heading_block(lines, masked, found.heading),
        references=tuple(references),
        trailer=trailer,
        warnings=found.warnings,
    )


def _is_prose_word(word: str) -> bool:
    """A word of running prose ("which", "was"); not in capitals, where it is a name's
    initials: "Geneva: WHO", "US Department of Labor"."""
    return word.lower() in _PROSE_WORD and not (len(word) > 1 and word.isupper())


def reference_score(text: str) -> float:
    """How much a line or paragraph looks like a reference: 3 or more is a reference.

    >>> reference_score("Conquest, R. The Great Terror (London: Pimlico, 1992)") >= 3
    True
    >>> reference_score("The purge was, as Conquest argued in 1992, a blow to the army.") < 3
    True
    """
    text = fold(text)
    marker = LIST_MARKER.match(text)
    if marker:
        text = text[marker.end() :]
    words = text.split()
    if not words or not any(ch.isalnum() for ch in text):
        return 0.0  # nothing to read: a rule across the page ("---", "* * *")
    score = 0.0
    if NAME_START.match(text):
        score += 2.0
    if _YEAR_BRACKETED.search(text):
        score += 1.5
    elif _YEAR.search(text):
        score += 1.0
    if _PLACE_PUBLISHER.search(text):
        score += 1.5
    score += min(2.0, 1.0 * len(_VOLUME.findall(text)))
    if _PAGE_RANGE.search(text):
        score += 0.5
    if _QUOTED_TITLE.search(text) or _EMPHASIS_TITLE.search(text):
        score += 1.0
    score += min(1.5, 0.75 * len(_PUBLISHING_WORD.findall(text)))
    if _LINK.search(text):
        score += 1.5
    if _ACCESS.search(text):
        score += 0.5
    prose_words = sum(1 for word in words if _is_prose_word(word.strip(_WORD_EDGES)))
    score -= 6.0 * prose_words / len(words)  # a sentence is about a fifth such words
    if len(words) > 60:
        score -= (len(words) - 60) / 10
    if text.rstrip().endswith(":"):
        score -= 1.0  # introduces what follows: "I recommend these books:"
    return score


def looks_like_reference(text: str) -> bool:
    """Whether a line or paragraph is shaped like a bibliographic reference."""
    return reference_score(text) >= REFERENCE_SCORE


class _Paragraph(NamedTuple):
    """Lines ``start`` to ``end`` (0-based, end exclusive); a heading is one line."""

    start: int
    end: int
    heading: tuple[int, int, int] | None = None  # (level, start column, end column)


class _Page(NamedTuple):
    paragraphs: tuple[_Paragraph, ...]
    footnotes: tuple[Block, ...]
    title: Block | None


class _Found(NamedTuple):
    """Line indices (0-based) of the parts; ``runs`` are the list's references."""

    heading: _Paragraph | None
    end: int  # after the list's last line
    runs: tuple[tuple[int, int], ...]  # line ranges of references, sub-headings left out
    notes: tuple[tuple[int, int], ...]
    body_end: int
    trailer_start: int
    warnings: tuple[str, ...] = ()


def _read_page(lines: Sequence[str], masked: Sequence[str], markdown: bool) -> _Page:
    """Cut the lines into paragraphs and headings, setting aside front matter and footnotes."""
    if markdown:
        from bib.markdown import (
            code_lines,
            footnote_label,
            front_matter_end,
            front_matter_title,
            setext_level,
        )
    start = front_matter_end(lines) if markdown else 0
    title = None
    if start:
        found = front_matter_title(lines, start)
        if found:
            index, column, text = found
            span = Span(index + 1, column + 1, index + 1, column + len(text))
            title = Block(text, span, text)
    code = code_lines(lines) if markdown else frozenset()
    paragraphs: list[_Paragraph] = []
    footnotes: list[Block] = []
    opened = -1  # the first line of the paragraph being read, or -1
    index = start
    count = len(lines)
    while index < count:
        line = lines[index]
        stripped = line.strip()
        if not stripped:
            if opened >= 0:
                paragraphs.append(_Paragraph(opened, index))
                opened = -1
            index += 1
            continue
        if index in code:
            opened = index if opened < 0 else opened
            index += 1
            continue
        if markdown and stripped.startswith("[^") and footnote_label(line) is not None:
            if opened >= 0:
                paragraphs.append(_Paragraph(opened, index))
                opened = -1
            end = _footnote_end(lines, index)
            footnotes.append(_block(lines, masked, index, end))
            index = end
            continue
        marks = _heading_in(line, stripped, markdown)
        if marks is None and markdown and opened == index - 1 and setext_level(line):
            # "Title" over "=====": the paragraph read so far is a one-line heading.
            above = lines[opened]
            left = len(above) - len(above.lstrip())
            paragraphs.append(_Paragraph(opened, index, (setext_level(line), left, len(above))))
            opened = -1
            index += 1
            continue
        if marks is not None:
            if opened >= 0:
                paragraphs.append(_Paragraph(opened, index))
                opened = -1
            paragraphs.append(_Paragraph(index, index + 1, marks))
        elif opened < 0:
            opened = index
        index += 1
    if opened >= 0:
        paragraphs.append(_Paragraph(opened, count))
    return _Page(tuple(paragraphs), tuple(footnotes), title)


def _heading_in(line: str, stripped: str, markdown: bool) -> tuple[int, int, int] | None:
    """A Markdown heading, or a plain line that names a list ("Bibliography", "Notes")."""
    if markdown and stripped[0] in "#*_":
        from bib.markdown import heading

        found = heading(line)
        if found is not None:
            return found
    if len(stripped) > _LIST_NAME_LENGTH or stripped.count(" ") >= _LIST_NAME_WORDS:
        return None
    name = _heading_name(stripped)
    if name in REFERENCE_HEADINGS or name in SUBLIST_HEADINGS or name in NOTES_HEADINGS:
        left = line.index(stripped[0])
        return _PLAIN_HEADING, left, left + len(stripped.rstrip(":").rstrip())
    return None


def _heading_name(text: str) -> str:
    """ "## 7. Works Cited:" -> "works cited"."""
    text = _EMPHASIS_MARKS.sub("", fold(text))
    text = _HEADING_NOISE.sub("", text.strip().lower())
    return " ".join(text.split())


def _footnote_end(lines: Sequence[str], index: int) -> int:
    """After a footnote definition: its lazy lines, and indented paragraphs after blanks."""
    from bib.markdown import footnote_label, heading

    end = index + 1
    count = len(lines)
    while end < count:
        line = lines[end]
        if line.strip():
            if footnote_label(line) is not None or heading(line) is not None:
                break
            end += 1
            continue
        after = end
        while after < count and not lines[after].strip():
            after += 1
        if after < count and lines[after][:1] in (" ", "\t"):
            end = after
            continue
        break
    return end


def _take_title(
    lines: Sequence[str], masked: Sequence[str], paragraphs: tuple[_Paragraph, ...]
) -> tuple[Block | None, tuple[_Paragraph, ...]]:
    """The first heading, or a short first line standing alone, is the title."""
    if not paragraphs:
        return None, paragraphs
    first = paragraphs[0]
    if first.heading is not None:
        name = _name_of(lines, first)
        if name in REFERENCE_HEADINGS or name in NOTES_HEADINGS:
            return None, paragraphs  # a document that is only a list has no title
        return _heading_block(lines, masked, first), paragraphs[1:]
    line = lines[first.start]
    alone = first.end == first.start + 1 and len(paragraphs) > 1
    short = len(line.strip()) <= _TITLE_MAX_LENGTH
    # A title may end with "?" or "!"; a first line ending with "." is a sentence.
    if alone and short and not line.rstrip().endswith("."):
        return _block(lines, masked, first.start, first.end, strip=True), paragraphs[1:]
    return None, paragraphs


def _find_list(lines: Sequence[str], paragraphs: Sequence[_Paragraph]) -> _Found:
    """Where the notes, the reference list and the trailer stand among the paragraphs."""
    cut = _page_end(lines, paragraphs)
    notes_at = _last_heading(lines, paragraphs, cut, NOTES_HEADINGS)
    headings = _list_headings(lines, paragraphs, cut)
    for at in headings:
        found = _list_under_heading(lines, paragraphs, at, cut)
        if found.runs:
            return _with_notes(lines, paragraphs, found, notes_at, cut)
    before = cut if notes_at is None else min(cut, notes_at)
    headless = _list_without_heading(lines, paragraphs, before)
    if headless is not None:
        return _with_notes(lines, paragraphs, headless, notes_at, cut)
    end = _line_of(paragraphs, before, len(lines))
    # No list at all is for the caller to judge; a heading with nothing under it is news.
    warnings = tuple(
        f"no references found under the heading on line {paragraphs[at].start + 1}"
        for at in headings[:1]
    )
    found = _Found(None, end, (), (), end, end, warnings)
    return _with_notes(lines, paragraphs, found, notes_at, cut)


def _page_end(lines: Sequence[str], paragraphs: Sequence[_Paragraph]) -> int:
    """The first paragraph of what a web page adds after the essay ("Leave a Reply")."""
    seen_prose = False
    for index, paragraph in enumerate(paragraphs):
        if seen_prose and _matches(_PAGE_END, lines[paragraph.start], paragraph):
            return index
        seen_prose = seen_prose or _is_prose(_text(lines, paragraph.start, paragraph.end))
    return len(paragraphs)


def _list_headings(lines: Sequence[str], paragraphs: Sequence[_Paragraph], cut: int) -> list[int]:
    """Paragraph indices of the headings that may head the list, the likeliest first.

    The last "References"-like heading wins (a contents list may name it earlier),
    reaching back over an adjacent one ("References" then "Further reading");
    a list headed only by "Primary sources" and the like starts at the first.
    """
    names = {i: _name_of(lines, paragraphs[i]) for i in range(cut) if paragraphs[i].heading}
    mains = [i for i, name in names.items() if name in REFERENCE_HEADINGS]
    subs = [i for i, name in names.items() if name in SUBLIST_HEADINGS]
    ordered = [*reversed(mains), *subs[:1]]
    return [_reach_back(lines, paragraphs, at, names) for at in ordered]


def _reach_back(
    lines: Sequence[str], paragraphs: Sequence[_Paragraph], at: int, names: dict[int, str]
) -> int:
    index = at - 1
    start = at
    while index >= 0:
        name = names.get(index)
        if name in REFERENCE_HEADINGS or name in SUBLIST_HEADINGS:
            start = index
        elif name is not None or not _has_reference(lines, paragraphs[index]):
            break
        index -= 1
    return start


def _list_under_heading(
    lines: Sequence[str], paragraphs: Sequence[_Paragraph], at: int, cut: int
) -> _Found:
    """The references after the heading, up to what cannot belong to the list."""
    top = paragraphs[at]
    assert top.heading is not None
    level = top.heading[0]
    runs: list[tuple[int, int]] = []
    extend = False  # whether the paragraph before was part of the current run
    for index in range(at + 1, cut):
        paragraph = paragraphs[index]
        if _matches(_FURNITURE, lines[paragraph.start], paragraph):
            break
        if paragraph.heading is not None:
            name = _name_of(lines, paragraph)
            sub = name in REFERENCE_HEADINGS or name in SUBLIST_HEADINGS
            if name in NOTES_HEADINGS or not (sub or paragraph.heading[0] > level):
                break
            extend = False
        elif _is_subheading(lines, paragraphs, index, cut):
            extend = False
        elif extend:
            runs[-1] = (runs[-1][0], paragraph.end)
        else:
            runs.append((_after_sub_heading(lines, paragraph), paragraph.end))
            extend = True
    # The list ends with the paragraph of its last reference-like item: an odd line
    # set among the references is one of them, a paragraph after them is not.
    while runs:
        start, end = runs[-1]
        last = _last_reference_line(lines, start, end, _WEAK_REFERENCE_SCORE)
        if last is not None:
            while last < end and lines[last].strip():
                last += 1
            runs[-1] = (start, last)
            break
        runs.pop()
    end = runs[-1][1] if runs else top.end
    return _Found(top, end, tuple(runs), (), top.start, end)


def _list_without_heading(
    lines: Sequence[str], paragraphs: Sequence[_Paragraph], before: int
) -> _Found | None:
    """The run of reference-shaped items closing the body, if there is one."""
    index = before - 1
    prose = 0
    while index >= 0:  # step back over page furniture to the last reference
        paragraph = paragraphs[index]
        if paragraph.heading is not None:
            return None
        last = _last_reference_line(lines, paragraph.start, paragraph.end, REFERENCE_SCORE)
        if last is not None:
            break
        text = _text(lines, paragraph.start, paragraph.end)
        prose += len(text) if _is_prose(text) else 0
        if before - index > _LOOKBACK_PARAGRAPHS or prose > _LOOKBACK_PROSE:
            return None
        index -= 1
    else:
        return None
    end = last
    first = end
    count = 0
    weak: int | None = None  # a doubtful item is kept only between two references
    while index >= 0 and paragraphs[index].heading is None:
        paragraph = paragraphs[index]
        groups = reference_groups(lines[paragraph.start : paragraph.end])
        for group in reversed(groups):
            top, bottom = paragraph.start + group[0], paragraph.start + group[-1] + 1
            if top >= end:
                continue
            text = _text(lines, top, bottom)
            score = reference_score(text)
            if score >= REFERENCE_SCORE:
                first, count, weak = top, count + 1, None
            elif weak is None and score >= _WEAK_REFERENCE_SCORE and not _is_prose(text):
                weak = top
            else:
                index = -1
                break
        index -= 1
    if count < 2:
        return None
    return _Found(None, end, ((first, end),), (), first, end)


def _with_notes(
    lines: Sequence[str],
    paragraphs: Sequence[_Paragraph],
    found: _Found,
    notes_at: int | None,
    cut: int,
) -> _Found:
    """Add a plain "Notes" section, before or after the list, and settle the trailer."""
    cut_line = _line_of(paragraphs, cut, len(lines))
    if notes_at is None:
        trailer = found.end if found.runs else cut_line
        return found._replace(trailer_start=trailer)
    top = paragraphs[notes_at]
    stop = notes_at + 1
    while stop < cut:
        paragraph = paragraphs[stop]
        if paragraph.heading is not None and (
            _name_of(lines, paragraph) in REFERENCE_HEADINGS
            or paragraph.heading[0] <= (top.heading or (_PLAIN_HEADING,))[0]
        ):
            break
        if _matches(_FURNITURE, lines[paragraph.start], paragraph):
            break
        stop += 1
    notes_end = (
        _line_of(paragraphs, stop - 1, top.end, end=True) if stop > notes_at + 1 else top.end
    )
    notes = ((top.end, notes_end),)
    if top.start < found.body_end:  # the notes come before the list
        body_end = top.start
        trailer = found.end if found.runs else max(notes_end, found.end)
    else:
        body_end = found.body_end
        trailer = notes_end
    return found._replace(notes=notes, body_end=body_end, trailer_start=trailer)


def _last_heading(
    lines: Sequence[str], paragraphs: Sequence[_Paragraph], cut: int, names: frozenset[str]
) -> int | None:
    for index in range(cut - 1, -1, -1):
        if paragraphs[index].heading and _name_of(lines, paragraphs[index]) in names:
            return index
    return None


def _last_reference_line(lines: Sequence[str], start: int, end: int, least: float) -> int | None:
    """The line after the last item of lines ``start:end`` that scores ``least`` or more."""
    for group in reversed(reference_groups(lines[start:end])):
        top, bottom = start + group[0], start + group[-1] + 1
        if reference_score(_text(lines, top, bottom)) >= least:
            return bottom
    return None


def _has_reference(lines: Sequence[str], paragraph: _Paragraph) -> bool:
    return _last_reference_line(lines, paragraph.start, paragraph.end, REFERENCE_SCORE) is not None


def _is_subheading(
    lines: Sequence[str], paragraphs: Sequence[_Paragraph], index: int, cut: int
) -> bool:
    """A short plain line inside the list that heads the references below it."""
    paragraph = paragraphs[index]
    line = lines[paragraph.start].strip()
    if paragraph.end != paragraph.start + 1 or len(line.split()) > 6 or line.endswith("."):
        return False
    if any(c.isdigit() for c in line) or reference_score(line) >= _WEAK_REFERENCE_SCORE:
        return False
    after = index + 1
    return (
        after < cut
        and paragraphs[after].heading is None
        and _has_reference(lines, paragraphs[after])
    )


def _after_sub_heading(lines: Sequence[str], paragraph: _Paragraph) -> int:
    """Where a paragraph's references start: after a first line that only names a part
    of the list ("Primary", "Secondary literature") set right above them."""
    name = _heading_name(lines[paragraph.start])
    known = name in SUBLIST_HEADINGS or name in REFERENCE_HEADINGS
    return paragraph.start + 1 if known and paragraph.end > paragraph.start + 1 else paragraph.start


def _is_prose(text: str) -> bool:
    return len(text.split()) >= _PROSE_LENGTH and reference_score(text) < _WEAK_REFERENCE_SCORE


def _matches(pattern: re.Pattern[str], line: str, paragraph: _Paragraph) -> bool:
    if paragraph.heading is not None:
        line = line[paragraph.heading[1] : paragraph.heading[2]]
    return len(line) <= _TITLE_MAX_LENGTH and pattern.fullmatch(_heading_name(line)) is not None


def _name_of(lines: Sequence[str], paragraph: _Paragraph) -> str:
    assert paragraph.heading is not None
    return _heading_name(lines[paragraph.start][paragraph.heading[1] : paragraph.heading[2]])


def _line_of(
    paragraphs: Sequence[_Paragraph], index: int, default: int, *, end: bool = False
) -> int:
    if index >= len(paragraphs):
        return default
    return paragraphs[index].end if end else paragraphs[index].start


def _text(lines: Sequence[str], start: int, end: int) -> str:
    return " ".join(line.strip() for line in lines[start:end])


def _note_blocks(lines: Sequence[str], masked: Sequence[str], start: int, end: int) -> list[Block]:
    blocks = []
    for group in reference_groups(lines[start:end], notes=True):
        first, last = start + group[0], start + group[-1] + 1
        blocks.append(_block(lines, masked, first, last))
    return blocks


def _block(
    lines: Sequence[str], masked: Sequence[str], start: int, end: int, *, strip: bool = False
) -> Block:
    """Whole lines ``start`` to ``end``, as in the file; ``strip`` trims a one-line block."""
    if strip:
        line = lines[start]
        left = len(line) - len(line.lstrip())
        right = len(line.rstrip())
        span = Span(start + 1, left + 1, start + 1, right)
        return Block(line[left:right], span, masked[start][left:right])
    text = "\n".join(lines[start:end])
    prose = text if masked is lines else "\n".join(masked[start:end])  # plain text: no markup
    return Block(text, _span(lines, start, end), prose)


def _heading_block(lines: Sequence[str], masked: Sequence[str], paragraph: _Paragraph) -> Block:
    assert paragraph.heading is not None
    _, left, right = paragraph.heading
    line = paragraph.start
    span = Span(line + 1, left + 1, line + 1, right)
    return Block(lines[line][left:right], span, masked[line][left:right])


def _span(lines: Sequence[str], start: int, end: int) -> Span:
    return Span(start + 1, 1, end, max(1, len(lines[end - 1].rstrip())))

"""Split the lines of a reference list into one block per reference.

A reference is a line, a paragraph, a list item (``1.``, ``[1]``, ``(1)``, ``-``,
``*``, ``•``) or a reference wrapped over several lines. A wrapped line is told
from a new reference by its indent (hanging or first-line indents) or, when the
list is set flush, by its look: a new reference starts like "Surname, I." and
follows a line that ended like a reference ends, or follows a finished line that
its first word would have fitted on (a break made by hand, not by wrapping).
Item numbers run on (1, 2, 3): "19. Jahrhundert" opening a wrapped line is none.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from bib import patterns
from bib.model import Block, Span

# Typographic punctuation folded to ASCII, one character for one so that columns
# hold. The patterns below then need only ASCII classes: a class with a
# non-ASCII character costs Python's regex compiler half a millisecond at start-up.
_FOLD = (
    ("‘", "'"),
    ("’", "'"),
    ("“", '"'),
    ("”", '"'),
    ("–", "-"),
    ("—", "-"),
    ("•", "*"),
    ("·", "*"),
    ("▪", "*"),
    ("◦", "*"),
    ("●", "*"),
    ("¹", "1"),
    ("²", "2"),
    ("³", "3"),
    *((chr(0x2070 + digit), str(digit)) for digit in (0, 4, 5, 6, 7, 8, 9)),
)
# The marker that opens a list item (on folded text); the reference starts after it.
LIST_MARKER = patterns.compile(
    r"[ \t]*(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}[.)]|[-*+])(?=[ \t])[ \t]*"
)
# Notes are also numbered "1 Text" or with superscripts; references are not
# ("1984 Committee" would be a false marker there).
NOTE_MARKER = patterns.compile(
    r"[ \t]*(?:\[\^?\d{1,3}\]:?|\(\d{1,3}\)|\d{1,3}[.)]?|[-*+])(?=[ \t])[ \t]*"
)
_PARTICLE = r"(?:(?:van|von|der|den|de|del|della|di|da|das|dos|du|la|le|ten|ter|al|el|bin|ibn)[ '])"
_CAPITALISED = r"[^\W\d_a-z][\w'-]*"  # a letter that is not ASCII lower case
# How a reference starts (on folded text): "Carley, M. J.", "van der Linden, Marcel",
# "Gorodetsky G.", "Smith JA,", "J. A. Getty", or a dash standing for the last author.
NAME_START = patterns.compile(
    rf"(?!In[ \t]){_PARTICLE}{{0,3}}{_CAPITALISED}(?:[ -]{_CAPITALISED}){{0,2}}"
    r"(?:,[ \t](?!\d)|[ \t](?:[A-Z]\.?(?=[ ,(])|[A-Z]{1,3}[,.]))"
    rf"|(?:[A-Z]\.[ \t]?){{1,3}}{_PARTICLE}{{0,3}}{_CAPITALISED}"
    r"|-{2,}|-[.,]?(?=[ \t])|_{3,}"
)
# A line that ends with these is not finished: "(Oxford:", "and", "pp.", "J. A.".
_UNFINISHED_END = patterns.compile(
    r"(?:[,:;&(\[/-]|\b(?:and|in|of|the|by|ed|eds|trans|pp?|vol|no|[A-Z])\.?)\s*$",
    re.IGNORECASE,
)
# An imprint closes a reference: "(London: Pimlico, 1992)", or "London: Heinemann, 1958."
# without brackets (an author-date list's "Smith, J. 1990." may still run on).
_DIGITS = patterns.compile(r"\d+")
# A wrapped line that opens with the imprint's town: "Cambridge, MA: Harvard", "Paris: Seuil".
_WRAPPED_IMPRINT = patterns.compile(r"\s*[A-Z][\w.]*(?: [A-Z][\w.]*)?(?:, [A-Z]{2})?:\s")
_IMPRINT_END = patterns.compile(
    r"\([^()]*[:,][^()]*\b\d{4}[a-z]?\)[.,]?\s*$|[:,][ \t]*\d{4}[a-z]?\.\s*$"
)
_FINISHED_END = patterns.compile(r"[.)\]\"'\d>]\s*$|(?:https?://|doi:|www\.)\S+\s*$")
# A flush list is one reference per line when this share of its lines start like
# a new reference, or when a line is wider than anyone hard-wraps text.
_LINE_PER_REFERENCE = 0.6
_WRAP_WIDTH = 90
_WRAP_SLACK = 5


def split_references(
    lines: Sequence[str],
    first_line: int = 1,
    *,
    masked: Sequence[str] | None = None,
) -> tuple[Block, ...]:
    """One block per reference in ``lines``, the first of which is line ``first_line``.

    The text drops list markers and joins wrapped lines with one space; the span
    starts where the reference's text starts. ``masked`` is the same lines with
    markup blanked (``bib.markdown.mask``); it gives each block's ``prose``.

    >>> [b.text for b in split_references(["1. Smith, J. Title.", "   London, 1990.", ""])]
    ['Smith, J. Title. London, 1990.']
    """
    masked = lines if masked is None else masked
    blocks = []
    groups, marked = _groups_and_markers(lines, LIST_MARKER)
    for group in groups:
        pieces = []
        for position, index in enumerate(group):
            line = lines[index].rstrip()
            # Only an item's marker goes: a repeated author's "— Title" keeps its dash.
            marker = LIST_MARKER.match(fold(line)) if position == 0 and index in marked else None
            start = marker.end() if marker else len(line) - len(line.lstrip())
            pieces.append((index, start, len(line)))
        text = " ".join(lines[i][start:end] for i, start, end in pieces)
        if not any(ch.isalnum() for ch in text):
            continue  # a rule between references ("---", "* * *") is none of them
        prose = " ".join(masked[i][start:end] for i, start, end in pieces)
        first, last = pieces[0], pieces[-1]
        span = Span(first_line + first[0], first[1] + 1, first_line + last[0], last[2])
        blocks.append(Block(text, span, prose))
    return tuple(blocks)


def reference_groups(lines: Sequence[str], *, notes: bool = False) -> tuple[tuple[int, ...], ...]:
    """The indices of the lines of each reference (or note, with ``notes``), in order.

    Blank lines are in no group. A numbered note may be marked "1 Text" too.
    """
    return _groups_and_markers(lines, NOTE_MARKER if notes else LIST_MARKER)[0]


def _groups_and_markers(
    written: Sequence[str], marker: re.Pattern[str]
) -> tuple[tuple[tuple[int, ...], ...], set[int]]:
    """The groups of ``reference_groups``, and the lines that open an item with a marker."""
    lines = [fold(line) for line in written]
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if not filled:
        return (), set()
    marked = _list_markers(written, lines, filled, marker)
    if marked:
        return _group_marked(lines, filled, marked), marked
    return _unmarked_groups(lines, filled), marked


def _unmarked_groups(lines: Sequence[str], filled: list[int]) -> tuple[tuple[int, ...], ...]:
    indents = {i: len(lines[i]) - len(lines[i].lstrip()) for i in filled}
    least = min(indents.values())
    indented = sum(indent > least for indent in indents.values())
    # First-line indents, unless the first line is the only one indented: a slip, which
    # would make the whole list one reference.
    first_line_indents = indents[filled[0]] > least and (indented > 1 or len(filled) < 3)
    if indented and (first_line_indents or indents[filled[0]] == least):
        hanging = indents[filled[0]] == least
        if not hanging:
            return _group_by(filled, lambda i: indents[i] > least)

        def opens(i: int) -> bool:
            # A slip of the indent either way: an indented line that starts like a
            # reference after a finished one is a new reference; a flush line that
            # goes on a cut-off one ("... of Toni" / "Morrison's Beloved.") is not.
            line, before = lines[i].lstrip(), lines[i - 1]
            if indents[i] > least:
                return starts_reference(line) and ends_reference(before)
            return starts_reference(line) or ends_reference(before) or not before.strip()

        return _group_by(filled, opens)
    return _group_flush(lines, filled)


def _list_markers(
    written: Sequence[str], lines: Sequence[str], filled: list[int], marker: re.Pattern[str]
) -> set[int]:
    """The lines that open a list item: numbers that run on (1, 2, 3, or from 1 again;
    a skipped number or two is allowed), or the list's usual bullet.

    A wrapped line that happens to start "19. Jahrhundert" and a repeated author's
    "— Stalin:" (a dash, as a bullet is) are no items. One such line is a list only
    when it is the first.
    """
    found = [(i, m) for i in filled if (m := marker.match(lines[i]))]
    if not found:
        return set()
    numbers = {i: _DIGITS.search(m.group()) for i, m in found}
    # Bullets as written: "—" and "-" look alike once folded.
    bullets = {i: written[i][m.start() : m.end()].strip() for i, m in found if not numbers[i]}
    usual_bullet = Counter(bullets.values()).most_common(1)[0][0] if bullets else ""
    kept: set[int] = set()
    last = 0
    for i, _ in found:
        number = numbers[i]
        if number:
            n = int(number.group())
            if not kept or n == 1 or last < n <= last + 3:
                kept.add(i)
                last = n
        elif bullets[i] == usual_bullet:
            kept.add(i)
    return kept if len(kept) > 1 or filled[0] in kept else set()


def fold(text: str) -> str:
    """Typographic quotes, dashes, bullets and superscript digits as ASCII, column for column."""
    if text.isascii():
        return text
    # str.replace is C; str.translate with a dict calls back into Python per character.
    for typographic, plain in _FOLD:
        if typographic in text:
            text = text.replace(typographic, plain)
    return text


def starts_reference(line: str) -> bool:
    """Whether a line begins the way references do ("Surname, I.", "J. Surname")."""
    return NAME_START.match(fold(line.lstrip())) is not None


def ends_reference(line: str) -> bool:
    """Whether a line ends the way references do (a full stop, a bracket, a year)."""
    line = fold(line)
    return _FINISHED_END.search(line) is not None and _UNFINISHED_END.search(line) is None


def _group_marked(
    lines: Sequence[str], filled: list[int], marked: set[int]
) -> tuple[tuple[int, ...], ...]:
    # A list item continues until the next marker; after a blank line only an
    # indented line (a second paragraph of the item) still belongs to it.
    def opens(i: int) -> bool:
        after_blank = i > 0 and not lines[i - 1].strip()
        return i in marked or (after_blank and not lines[i][:1].isspace())

    return _group_by(filled, opens)


def _group_flush(lines: Sequence[str], filled: list[int]) -> tuple[tuple[int, ...], ...]:
    def after_blank(i: int) -> bool:
        return i == 0 or not lines[i - 1].strip()

    inner = [i for i in filled if not after_blank(i)]
    # A line that starts like a name after a finished line, or any capitalised line
    # after an imprint, which closes a reference: names that are never inverted
    # ("Ngũgĩ wa Thiong'o.", "Sun Yat-sen.") start no "Surname, I.".
    looks_new = {
        i
        for i in inner
        if (
            (starts_reference(lines[i]) and ends_reference(lines[i - 1]))
            or (lines[i].lstrip()[:1].isupper() and _IMPRINT_END.search(lines[i - 1]))
        )
        and not _WRAPPED_IMPRINT.match(lines[i])
    }
    widest = max(len(lines[i].rstrip()) for i in filled)
    if widest > _WRAP_WIDTH or (inner and len(looks_new) >= _LINE_PER_REFERENCE * len(inner)):
        # One reference per line: only an obviously unfinished line carries on.
        def opens(i: int) -> bool:
            line = lines[i].lstrip()
            if after_blank(i) or i in looks_new:
                return True
            if line[:1].islower() or _UNFINISHED_END.search(lines[i - 1]):
                return False
            # A line cut off mid-sentence ("... Deutschland vom" / "19. Jahrhundert
            # bis ...") runs on, unless the next starts like a reference.
            return ends_reference(lines[i - 1]) or starts_reference(line)

        return _group_by(filled, opens)

    def hard_break(i: int) -> bool:
        """A finished line the next line's first word would have fitted on, with room to
        spare: the text was wrapped at ``widest`` columns or more, so the break was made
        by hand (the room allows for wrapping by eye)."""
        before = lines[i - 1].rstrip()
        word = lines[i].split(None, 1)[0]
        return len(before) + 1 + len(word) <= widest - _WRAP_SLACK and ends_reference(before)

    return _group_by(filled, lambda i: after_blank(i) or i in looks_new or hard_break(i))


def _group_by(filled: list[int], opens: Callable[[int], bool]) -> tuple[tuple[int, ...], ...]:
    groups: list[list[int]] = []
    for i in filled:
        if not groups or opens(i):
            groups.append([i])
        else:
            groups[-1].append(i)
    return tuple(tuple(group) for group in groups)

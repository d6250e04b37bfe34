"""Rules about direct quotations: each needs a page, and each mark that opens must close.

The core is a small quotation scanner, ``find_quotations``: one pass over the
quotation marks of a paragraph with a stack, so nested quotations (“... ‘...’ ...”)
come out as one outer quotation holding inner ones. Its hard part is telling a
British single quote from an apostrophe (Stalin’s, don't, the ’30s, Uldricks’
words): a mark between two letters is an apostrophe, a ’ after a space is an
elision, and an "s’ word" is a plural possessive unless the paragraph's count of
single marks shows it must close a quotation.

``has_locator`` then decides whether a quotation carries its page: a
parenthetical citation with a page ("(p. 45)", "(Harris 2016, 45)",
"(Fitzpatrick 42)") in the rest of its sentence, or a note marker (``[^3]``,
``¹²``, ``<sup>3</sup>``, or digits glued to the punctuation: ``world.’12``),
whose note carries the page.

Everything here is linear in the size of the text: regular expressions run on
bounded windows and never nest quantifiers, and the stack never searches itself.
"""

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

from bib import patterns
from bib.memo import remembered
from bib.model import Block, Document, Severity, Span
from checks.registry import Hit, rule
from checks.settings import Settings

# ---------------------------------------------------------------------------
# The scanner


class Quotation(NamedTuple):
    """A quoted stretch of a text: offsets into it, end exclusive, marks included.

    An unclosed quotation ends where the paragraph ends, or where an enclosing
    quotation closed over it. ``depth`` is 0 for an outermost quotation. The text
    is sliced on demand: 10,000 nested quotations must not cost 10,000 copies.
    """

    start: int
    end: int
    closed: bool
    depth: int = 0
    source: str = ""  # the whole text: the repr leaves it out

    def __repr__(self) -> str:
        return f"Quotation({self.start}, {self.end}, {self.closed}, {self.depth})"

    @property
    def mark(self) -> str:
        return self.source[self.start] if self.source else ""

    @property
    def text(self) -> str:
        return self.source[self.start : self.end]

    @property
    def opening_words(self) -> str:
        """The start of the quoted words, cheap however long the quotation."""
        end = self.end - 1 if self.closed else self.end
        return self.source[self.start + 1 : min(end, self.start + 200)]

    @property
    def inner(self) -> str:
        """The quoted words, without the marks."""
        return self.source[self.start + 1 : self.end - 1 if self.closed else self.end]


# The kinds of quotation: a closing mark closes the innermost open one of its kind.
# Plain strings, not an Enum: the scanner hashes one per mark.
_DOUBLE, _SINGLE, _GUILLEMET = "double", "single", "guillemet"


# What a mark does, as the scanner's stack sees it. Plain ints, like the kinds.
_OPEN = 1
_CLOSE = 2
_MAYBE_CLOSE = 3  # "Harris’ book" or "‘... the Soviets’ fears": decided by the counts
_TOGGLE = 4  # a straight " with the same context on both sides
_INCH = 5  # a straight " after a digit: 12" closes a quotation only when one is open
_NOTHING = 0  # an apostrophe, or a mark we cannot read

_KINDS = {
    "“": _DOUBLE,
    "”": _DOUBLE,
    "„": _DOUBLE,
    '"': _DOUBLE,
    "‘": _SINGLE,
    "’": _SINGLE,
    "‚": _SINGLE,
    "'": _SINGLE,
    "«": _GUILLEMET,
    "»": _GUILLEMET,
}
_MARK = patterns.compile("[\"'‘’‚“”„«»]")
OPENING_MARKS = frozenset("“„‘‚'\"«")
# What may stand just before an opening mark besides a space.
_BEFORE_OPENING = frozenset("([{<—–-/“‘„‚\"'«")
# Words that lose their first letters to an apostrophe: ’tis, rock ’n’ roll, the ’30s.
_ELISION = patterns.compile(
    r"(?i:(?:tis|twas|twere|em|cause|cos|til|round|nuff|bout|\d\ds?)\b|n[’'](?=\s))"
)
_ROCK_N_ROLL = patterns.compile(r"\s[’']n[’']\s")
_SIBILANTS = frozenset("sSzZxX")


@lru_cache(maxsize=64)  # both rules read every paragraph
def find_quotations(text: str) -> tuple[Quotation, ...]:
    """Every quotation of a paragraph, outer ones and nested ones, in order of start.

    >>> [q.text for q in find_quotations("Uldricks’ words: ‘a less ‘desirable’ ally’.")]
    ['‘a less ‘desirable’ ally’', '‘desirable’']
    """
    offsets: list[int] = []
    acts: list[int] = []
    for match in _MARK.finditer(text):
        act = _classify(text, match.start())
        if act:
            offsets.append(match.start())
            acts.append(act)
    later_opens, later_closes = _later_single_marks(text, offsets, acts)

    found: list[Quotation] = []
    stack: list[tuple[int, str]] = []  # (offset of the opening mark, kind)
    open_count = dict.fromkeys((_DOUBLE, _SINGLE, _GUILLEMET), 0)
    for index, at in enumerate(offsets):
        kind = _KINDS[text[at]]
        act = acts[index]
        if act == _MAYBE_CLOSE:
            top_is_single = bool(stack) and stack[-1][1] is _SINGLE
            must_close = open_count[kind] + later_opens[index + 1] > later_closes[index + 1]
            act = _CLOSE if top_is_single and must_close else _NOTHING
        elif act == _TOGGLE:
            act = _CLOSE if open_count[kind] else _OPEN
        elif act == _INCH:
            act = _CLOSE if open_count[kind] else _NOTHING
        if act == _OPEN:
            stack.append((at, kind))
            open_count[kind] += 1
        elif act == _CLOSE and open_count[kind]:
            # Close the innermost quotation of this kind; any opened inside it and
            # still open were never closed. Each mark is pushed and popped once.
            while stack:
                start, open_kind = stack.pop()
                open_count[open_kind] -= 1
                if open_kind is kind:
                    found.append(Quotation(start, at + 1, True, len(stack), text))
                    break
                found.append(Quotation(start, at, False, len(stack), text))
    while stack:
        start, open_kind = stack.pop()
        found.append(Quotation(start, len(text), False, len(stack), text))
    return tuple(sorted(found, key=lambda q: q.start))


def _later_single_marks(
    text: str, offsets: Sequence[int], acts: Sequence[int]
) -> tuple[list[int], list[int]]:
    """How many single marks surely open, and surely close, after each mark.

    An "s’ word" closes a quotation only if the rest of the paragraph cannot
    close all that is open; without one, nothing needs counting.
    """
    if _MAYBE_CLOSE not in acts:
        return [], []
    later_opens = [0] * (len(offsets) + 1)
    later_closes = [0] * (len(offsets) + 1)
    for index in range(len(offsets) - 1, -1, -1):
        single = _KINDS[text[offsets[index]]] is _SINGLE
        later_opens[index] = later_opens[index + 1] + (single and acts[index] == _OPEN)
        later_closes[index] = later_closes[index + 1] + (single and acts[index] == _CLOSE)
    return later_opens, later_closes


def _classify(text: str, at: int) -> int:
    """What the mark at ``at`` does, judged from its neighbours (an ``_OPEN``... constant)."""
    mark = text[at]
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    space_before = before.isspace()
    opening_place = space_before or before in _BEFORE_OPENING
    # A closing mark stands after a word or punctuation, before a space, punctuation
    # or a glued note number ("world.’12").
    closing_place = not space_before and (
        not after.isalnum() or (after.isdigit() and not before.isdigit())
    )
    if mark in "„‚«":
        return _OPEN
    if mark in "”»":
        return _CLOSE
    if mark == "“":
        # A “ after a word and before a space is a closing mark with the wrong curl.
        return _CLOSE if closing_place and not opening_place else _OPEN
    if mark == '"':
        if before.isdigit():
            return _INCH
        opening_place = opening_place and before != '"'  # "" is an empty quotation
        opens = opening_place and not after.isspace()
        closes = closing_place and not opening_place
        if opens != closes:
            return _OPEN if opens else _CLOSE
        return _TOGGLE
    # The single marks: ‘ ’ and '.
    if before.isalnum() and after.isalpha():
        return _NOTHING  # Stalin’s, don't, o’clock (and Stalin‘s, with the wrong curl)
    if before.isdigit() and after.isdigit():
        return _NOTHING  # 5’10
    if opening_place and _ELISION.match(text, at + 1):
        return _NOTHING  # ’tis, the ’30s, rock ’n’ roll
    if before == "n" and at >= 3 and _ROCK_N_ROLL.match(text, at - 3):
        return _NOTHING  # the second mark of ’n’
    if mark != "’" and opening_place and not after.isspace():
        return _OPEN  # ‘word, 'word, (‘[s]ome, —‘...
    if mark == "’" and opening_place:
        return _NOTHING  # ’ is never an opening mark: an elision we do not know
    if closing_place:
        if before in _SIBILANTS and after == " " and text[at + 2 : at + 3].isalpha():
            return _MAYBE_CLOSE  # Harris’ argument, or ‘... the Soviets’ and so on
        return _CLOSE
    return _NOTHING


# ---------------------------------------------------------------------------
# Locators: does a quotation carry a page?

# How far past a quotation its locator may stand: a long sentence.
_WINDOW = 400
_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# A note marker wherever it stands. HTML and Markdown markers are blanked out of
# ``Block.prose``, so they are looked for in ``Block.text``.
_NOTE_MARK = patterns.compile(
    r"\[\^[^\]\s]{1,40}\]"  # Markdown footnote [^3]
    rf"|[{_SUPERSCRIPT_DIGITS}]+"
    r"|<sup\b"  # HTML <sup>3</sup>
    r"|\^\d{1,3}\^"  # Pandoc ^3^
    r"|\\footnote\{",  # LaTeX
    re.IGNORECASE,
)
_CLOSERS = ".,;:!?…)]’”'\"»"
# Digits glued to the punctuation that ends a word: "world.12", "ally’,3".
_GLUED_NOTE = patterns.compile(
    rf"(?:(?<=[^\W\d_][{re.escape(_CLOSERS)}])|(?<=[{re.escape(_CLOSERS)}][’”'\"»]))"
    r"\d{1,3}(?!\w)"
)
_NOTE_AT_END = patterns.compile(
    rf"(?:\[\^[^\]\s]{{1,40}}\]|[{_SUPERSCRIPT_DIGITS}]+|<sup>[^<]{{0,20}}</sup>|\^\d{{1,3}}\^"
    rf"|(?<=[^\W\d_][{re.escape(_CLOSERS)}])\d{{1,3}})$",
    re.IGNORECASE,
)
# A full stop's closing quotes and the note marker glued to it.
_GLUED_TAIL = patterns.compile(
    rf"[’”'\"»)\]]*(?:\d{{1,3}}(?!\w)|\[\^[^\]\s]{{1,40}}\]|[{_SUPERSCRIPT_DIGITS}]+|<sup\b)?",
    re.IGNORECASE,
)
# Right after the closing mark: more closing punctuation, then glued digits.
_GLUED_AT_START = patterns.compile(rf"[{re.escape(_CLOSERS)}]*\d{{1,3}}(?!\w)")
_LEADING = patterns.compile(rf"[\s{re.escape(_CLOSERS)}—–-]*")
_SENTENCE_MARK = patterns.compile(r"[()\[\].!?…]")
_ABBREVIATIONS = frozenset(
    "al c ca cf ch chap col dr ed eds edn eg esp etc fig ibid ie jr mr mrs ms no nos op cit "
    "p pp para prof rev sr st trans viz vol vols vs".split()
)
_WORD_BEFORE = patterns.compile(r"(\w+)\W*$")


# Citations by key carry their locator in their own syntax. Pandoc's "[@key, p. 33]"
# and "[see @key, 33]" read as bracketed parentheticals once their keys are blanked
# (a key's digits are no page); "@key [p. 33]" puts it in brackets after the key.
# LaTeX's "\parencite[33]{key}" or "\cite[see][p.~33]{key}" gives it as the last
# optional argument, the postnote. "[@key]" and "\cite{key}" give none.
_PANDOC_KEY = patterns.compile(r"-?@(?:\{[^{}\n]*\}|\w(?:\w|[:.#$%&+?<>~/-](?=\w))*)")
_PANDOC_NARRATIVE = patterns.compile(
    r"(?<![\w@])@\w(?:\w|[:.#$%&+?<>~/-](?=\w))*[ \t]?\[([^\[\]@\n]{1,100})\]"
)
_LATEX_CITATION = patterns.compile(
    r"\\[A-Za-z]*cite[a-z]*\*?[ \t]*(?:\[([^\[\]\n]{0,100})\][ \t]*)?"
    r"(?:\[([^\[\]\n]{0,100})\][ \t]*)?\{[^{}\n]{1,200}\}"
)


def keyed_locator(text: str) -> bool:
    r"""Whether a citation by key in the text gives a page: LaTeX's postnote, Pandoc's ``@key [p. 4]``.

    >>> keyed_locator(r"\parencite[33]{harris2016}"), keyed_locator(r"\cite[see][]{harris2016}")
    (True, False)
    """
    if "\\" in text:
        for match in _LATEX_CITATION.finditer(text):
            postnote = match.group(2) if match.group(2) is not None else match.group(1)
            if postnote and cites_page(postnote.replace("~", " ")):
                return True
    if "@" in text:
        return any(cites_page(m.group(1)) for m in _PANDOC_NARRATIVE.finditer(text))
    return False


def has_locator(text_after: str, *, sentence_ended: bool = False) -> bool:
    """Whether the text after a closing quotation mark gives the quotation a page.

    The locator may stand anywhere in the rest of the sentence ("‘...,’ writes
    Getty (1999, 45)."), as a parenthetical citation with a page or as a note
    marker. When the quotation ended the sentence itself (``sentence_ended``),
    only what is attached to it counts.

    >>> has_locator(" (Harris 2016, 45).")
    True
    >>> has_locator(" (Harris 2016).")
    False
    """
    if _GLUED_AT_START.match(text_after):
        return True
    if sentence_ended:
        lead = _LEADING.match(text_after)
        rest = text_after[lead.end() if lead else 0 : _WINDOW]
        if _NOTE_MARK.match(rest):
            return True
        latex = _LATEX_CITATION.match(rest)
        if latex is not None:
            return keyed_locator(latex.group())
        return rest[:1] in "([" and any(cites_page(c) for c in islice(_parentheticals(rest), 1))
    tail = _sentence(text_after[:_WINDOW])
    if _NOTE_MARK.search(tail) or _GLUED_NOTE.search(tail) or keyed_locator(tail):
        return True
    return any(cites_page(content) for content in _parentheticals(tail))


_NUMBERED_PAGE = patterns.compile(r"\d{1,4}\s*[,:]\s*(?:pp?\.\s*)?\d+(?:\s*[-–—]\s*\d+)?")


def ends_with_locator(text: str) -> bool:
    """Whether a passage ends with its own locator: "... on them. (Molotov 1991, 45)"."""
    end = text[-_WINDOW:].rstrip(" \t\n.,;:!?…’”'\"»")
    if _NOTE_AT_END.search(end):
        return True
    if end.endswith("}"):
        latex = _LATEX_CITATION.search(end, max(0, len(end) - 320))
        return latex is not None and latex.end() == len(end) and keyed_locator(latex.group())
    if end.endswith("]") and "@" in end:
        opening = end.rfind("[")
        return opening >= 0 and cites_page(_PANDOC_KEY.sub(" ", end[opening + 1 : -1]))
    if end.endswith("]"):
        # A numbered citation with its page: "[15, p. 210]", "[15: 210]" (not "[15]").
        content = " ".join(end[end.rfind("[") + 1 : -1].replace(">", " ").split())
        return _NUMBERED_PAGE.fullmatch(content) is not None
    if end.endswith(")"):
        opening = end.rfind("(")
        return opening >= 0 and cites_page(end[opening + 1 : -1])
    return False


def cited_before(text_before: str) -> bool:
    """Whether the lead-in of a quotation's sentence cites a page: "Harris (2016, 45) notes"."""
    lead = text_before[_last_sentence_start(text_before) :]
    lead = lead[_note_label_end(lead) :]
    if _NOTE_MARK.search(lead) or keyed_locator(lead):
        return True
    for match in re.finditer(r"\(", lead):
        before = lead[max(0, match.start() - 20) : match.start()].rstrip()
        if before[-1:].isalpha() or before.endswith("."):
            closing = lead.find(")", match.end(), match.end() + 150)
            if closing > 0 and cites_page(lead[match.end() : closing]):
                return True
    return False


# What starts a note ("[^3]:", "³", "3."), or what ends the quotation before a lead-in
# ("’,<sup>2</sup> and Whitewood adds"): a marker there belongs to something else.
_NOTE_LABEL = patterns.compile(
    rf"[\s{re.escape(_CLOSERS)}]*(?:\[\^[^\]\s]{{1,40}}\]:?|[{_SUPERSCRIPT_DIGITS}]+"
    r"|<sup>[^<]{0,20}</sup>|\^\d{1,3}\^|\d{1,3}(?:[.)]\s|(?!\w)))?",
    re.IGNORECASE,
)


def _note_label_end(text: str) -> int:
    label = _NOTE_LABEL.match(text)
    return label.end() if label else 0


def _parentheticals(text: str) -> Iterator[str]:
    """The contents of the (...) and [...] of a text; a footnote [^3] is not one."""
    for match in re.finditer(r"[(\[]", text):
        if text.startswith("[^", match.start()):
            continue
        closing = text.find(")" if match.group() == "(" else "]", match.end(), match.end() + 200)
        if closing > 0:
            content = text[match.end() : closing]
            if "@" in content:
                content = _PANDOC_KEY.sub(" ", content)
            if match.group() == "[" and _REFERENCE_NUMBERS.fullmatch(content.strip()):
                continue  # [12], [3, 4]: numbered references, not pages
            yield content


def _sentence(text: str) -> str:
    """The text up to the end of the sentence it begins, with a note marker glued to the end."""
    depth = 0
    for match in _SENTENCE_MARK.finditer(text):
        mark = match.group()
        if mark in "([":
            depth += 1
        elif mark in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and _ends_sentence(text, match.start()):
            glued = _GLUED_TAIL.match(text, match.end())
            return text[: glued.end() if glued else match.end()]
    return text


def _ends_sentence(text: str, at: int) -> bool:
    """Whether the full stop, ? or ! at ``at`` ends a sentence: a capital follows, or nothing."""
    # A note marker glued to the full stop stays with its sentence: "death.[^1] For".
    glued = _GLUED_TAIL.match(text, at + 1, at + 48)
    start = glued.end() if glued else at + 1
    after = _LEADING.match(text, start, start + 24)  # bounded: a run of dots stays linear
    resume = after.end() if after else start
    following = text[resume : resume + 1]
    if following and not (following.isupper() or following in OPENING_MARKS):
        return False
    if following and not text[at + 1 : resume].strip(_CLOSERS):
        return False  # no space: "e.g.", "U.S.A."
    if text[at] == ".":
        word = _WORD_BEFORE.search(text, max(0, at - 12), at)
        if word and (len(word.group(1)) == 1 or word.group(1).lower() in _ABBREVIATIONS):
            return False
    return True


_SENTENCE_END = patterns.compile(r"[.!?…]")


def _last_sentence_start(text: str) -> int:
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if _ends_sentence(text, match.start()):
            glued = _GLUED_TAIL.match(text, match.end(), match.end() + 48)
            start = glued.end() if glued else match.end()
    return start


# What a parenthetical says: pinpoint labels, "no page", and numbers that are not years.
_LABELLED = patterns.compile(
    r"(?:\b(?:pp?|pgs?|ff?|ll?|nn?)\.?"
    r"|\b(?:[Pp]ages?|[Pp]aras?|[Pp]ar|[Cc]h|[Cc]haps?|[Cc]hapters?|[Ss]ec|[Ss]ects?|[Ss]ections?"
    r"|[Ll]oc|[Ll]ocations?|[Cc]ols?|[Cc]olumns?|[Ff]ols?|[Ll]ines?|[Nn]otes?|[Vv]erses?)\b\.?"
    r"|[§¶])"
    r"\s?(?:\d|[ivxlcdm]+\b)"
)
_NO_PAGE = patterns.compile(r"\bn\.\s?p(?:ag)?\.|\bunpaginated\b|\bno page\b", re.IGNORECASE)
# A preface's page in lower-case roman numerals after the year: "(Smith 2001, xii)".
_ROMAN_AFTER_YEAR = patterns.compile(r"\b(?:1[5-9]\d\d|20\d\d)[a-z]?\s*[,:]\s*[ivxlc]{1,7}\b")
_NUMBER = patterns.compile(r"(?<![\w@/.\-–])(\d+)([A-Za-z]*)(?:\s?[-–—]\s?(\d+))?")
_NOT_A_PAGE = patterns.compile(
    r"\b(?:vols?|nos?|issues?|iss|eds?|edn|editions?|figs?|figures?|tables?|tab|maps?|plates?"
    r"|appendix|app|series|ser|tomes?|nr|number|aged?|born|died|d|b|c|ca)\.?\s*$",
    re.IGNORECASE,
)
_REFERENCE_NUMBERS = patterns.compile(r"\d{1,4}(?:\s?[,–-]\s?\d{1,4})*")
_TIME = patterns.compile(r"\b\d{1,2}:\d\d(?::\d\d)?\b")


def cites_page(citation: str) -> bool:
    """Whether the inside of a parenthetical points to a page (or a paragraph, a line...).

    >>> [cites_page(c) for c in ("p. 45", "Harris 2016, 45", "Fitzpatrick 42", "247")]
    [True, True, True, True]
    >>> [cites_page(c) for c in ("Smith 2001, xii", "Smith 2001: ix-xi", "ILO, 2010")]
    [True, True, False]
    >>> [cites_page(c) for c in ("Harris 2016", "2016", "Ibid.", "emphasis added")]
    [False, False, False, False]
    """
    if len(citation) > 200:
        return False
    for part in citation.split(";"):
        if _LABELLED.search(part) or _NO_PAGE.search(part) or _TIME.search(part):
            return True
        if _ROMAN_AFTER_YEAR.search(part):
            return True
        for number in _NUMBER.finditer(part):
            digits, suffix, _ = number.groups()
            if suffix.lower() in ("st", "nd", "rd", "th", "s") or len(suffix) > 2:
                continue  # 2nd edition, the 1930s, a word glued to digits
            if _NOT_A_PAGE.search(part, 0, number.start()):
                continue
            if len(digits) == 4 and 1500 <= int(digits) <= 2099:
                continue  # a year, or a range of years (1936–38)
            return True
    return False


# ---------------------------------------------------------------------------
# Paragraphs: the units both rules read


class _Paragraph(NamedTuple):
    """A paragraph of a block: its text and prose, and where each of its lines is in the file."""

    text: str
    prose: str
    line_starts: tuple[int, ...]  # offsets in the paragraph where its lines start
    origins: tuple[tuple[int, int], ...]  # (line, column) in the file of those starts

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.line_starts, offset) - 1
        line, column = self.origins[index]
        return line, column + offset - self.line_starts[index]

    def span(self, start: int, end: int) -> Span:
        """The file span of ``[start, end)`` (end exclusive here, inclusive in a Span)."""
        line, column = self.position(start)
        end_line, end_column = self.position(max(start, end - 1))
        return Span(line, column, end_line, end_column)

    @property
    def is_markdown_quote(self) -> bool:
        return _quoted(self.text)


def _paragraphs(blocks: Iterable[Block]) -> Iterator[_Paragraph]:
    """The paragraphs of blocks: a block splits at blank lines and where a ``>`` quote starts."""
    for block in blocks:
        prose = block.prose if len(block.prose) == len(block.text) else block.text
        lines: list[tuple[str, str, int, int]] = []  # text, prose, line, column
        for index, (text_line, prose_line) in enumerate(
            zip(block.text.split("\n"), prose.split("\n"), strict=True)
        ):
            column = block.span.column if index == 0 else 1
            quoted = text_line.lstrip(" ").startswith(">")
            if not prose_line.strip() or (lines and quoted != _quoted(lines[-1][0])):
                if lines:
                    yield _paragraph(lines)
                lines = []
            if prose_line.strip():
                lines.append((text_line, prose_line, block.span.line + index, column))
        if lines:
            yield _paragraph(lines)


def _quoted(line: str) -> bool:
    return line.lstrip(" ").startswith(">")


def _paragraph(lines: Sequence[tuple[str, str, int, int]]) -> _Paragraph:
    starts: list[int] = []
    offset = 0
    for text_line, _, _, _ in lines:
        starts.append(offset)
        offset += len(text_line) + 1
    return _Paragraph(
        "\n".join(line[0] for line in lines),
        "\n".join(line[1] for line in lines),
        tuple(starts),
        tuple((line[2], line[3]) for line in lines),
    )


# ---------------------------------------------------------------------------
# What counts as a quotation, and block quotations


# One to three words in quotation marks are a term, a name or a scare quote.
_QUOTATION_WORDS = 4
_WORD = patterns.compile(r"\w[\w’'-]*")
_SMALL_WORDS = frozenset(
    "a an and as at but by de der du for from in la le nor of on or the to van via von vs with".split()
)
# A title is quoted after these words: the article ‘Encircled by enemies’.
_TITLE_CUE = patterns.compile(
    r"\b(?:entitled|titled|headlined|article|essay|chapter|paper|poem|story|song|pamphlet)"
    r"[\s,]*$",
    re.IGNORECASE,
)
# A phrase named as a phrase, not quoted as evidence: her phrase ‘the banality of evil’,
# the slogan “land, peace and bread”, the so-called ‘revolution from above’.
_TERM_CUE = patterns.compile(
    r"\b(?:phrase|term|slogan|motto|catchphrase|catchword|watchword|expression|formula|label"
    r"|so-called|dubbed|nicknamed|coined)[\s,:]*$",
    re.IGNORECASE,
)
_TERM_WORDS = 8
# Two sentences inside the marks: words quoted from a work, not its title.
_SENTENCE_BREAK = patterns.compile(r"\w[.!]\s+[A-Z]")
# Verbs and phrases that introduce a quotation set off below them: a word of the lead-in
# that is one of the words, or begins with one of the stems, or one of the phrases.
# (One regular expression of them all took 4 ms to compile at every start of `bib lint`.)
_REPORTING_WORDS = frozenset(
    """writes writing written wrote notes noted noting states stated stating say says said
    saying adds added told tell tells asks asked reply replies replied reasons reasoned
    according words recorded urges urged reads ran runs thus passage extract excerpt
    testimony letter diary speech""".split()
)
_REPORTING_STEMS = tuple(
    """argu expla observ remark claim recall declar criticis criticiz summaris summariz assert
    describ conclu suggest insist stress emphasis emphasiz comment continu quot reflect warn
    acknowledg admit contend maintain highlight recount report characteris characteriz
    respond answer announc proclaim confess testif lament complain elaborat mention believ
    propos predict reveal confirm affirm exclaim demand defin depict portray wonder speculat
    posit caution""".split()
)
_REPORTING_PHRASE = patterns.compile(r"\b(?:puts?\s+it|point(?:s|ed)?\s+out)\b", re.IGNORECASE)
_WORD_RUN = patterns.compile(r"\w+")
# Case aside, as a regular expression with IGNORECASE compares: the capitals, and the four
# other characters it takes for an ASCII letter (dotted and dotless i, long s, Kelvin sign).
_CASELESS = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZİıſK", "abcdefghijklmnopqrstuvwxyziisk")
_OWN_VOICE = patterns.compile(
    r"\b(?:I|we|this (?:essay|paper|chapter|section|article|study|dissertation|thesis))\b",
    re.IGNORECASE,
)
_LIST_OR_HEADING = patterns.compile(r"\s*(?:[#|]|[*+•-]\s|\d{1,3}[.)]\s)")


def is_quotation(quotation: Quotation) -> bool:
    """A quotation, not a scare quote, a term or a title: four words or more, not a title."""
    words = [m.group() for m in islice(_WORD.finditer(quotation.inner), 21)]
    if len(words) < _QUOTATION_WORDS:
        return False
    source = quotation.source
    if _TITLE_CUE.search(source, max(0, quotation.start - 30), quotation.start) and not (
        len(words) > 20 or _SENTENCE_BREAK.search(quotation.opening_words)
    ):
        return False  # a title; but "the pamphlet, ‘What is...? Everything. What...’" quotes it
    if len(words) <= _TERM_WORDS and _TERM_CUE.search(
        source, max(0, quotation.start - 30), quotation.start
    ):
        return False
    return not (len(words) <= 20 and _title_case(words))


def _title_case(words: Sequence[str]) -> bool:
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    return len(significant) >= 2 and all(w[0].isupper() or w[0].isdigit() for w in significant)


def _is_block_quotation(paragraph: _Paragraph, previous: _Paragraph | None) -> bool:
    """A passage set off from the prose: a ``>`` quote, or one a lead-in sentence introduces.

    The lead-in ends with a colon, a comma or a word ("Harris further explains
    how") and says who speaks ("As Rogovin explained,", "remarked that").
    """
    if paragraph.is_markdown_quote:
        return True
    if previous is None or previous.is_markdown_quote:
        return False
    first = paragraph.prose.lstrip()[:1]
    if first in OPENING_MARKS or _LIST_OR_HEADING.match(paragraph.text):
        return False  # a quotation in marks is read inline; a list or heading is not quoted
    if _LIST_OR_HEADING.match(previous.text):
        return False
    lead_in = previous.prose.rstrip()
    last = lead_in[-1:]
    if last not in (":", ",") and not last.isalpha():
        return False
    window = lead_in[-400:]
    sentence = window[_last_sentence_start(window) :]
    if last.isalpha():
        # A sentence that runs on into the quotation, not a heading: it is long,
        # or the quotation carries on in lower case ("the regime could not / punish").
        words = _WORD.findall(window)
        if _title_case(words) or not (len(words) >= 12 or first.islower()):
            return False
    if _OWN_VOICE.search(sentence):
        return False  # "This essay will argue:" introduces the writer's own words
    return _reports(sentence)


def _reports(sentence: str) -> bool:
    """Whether a reporting verb or phrase stands in the sentence ("As Rogovin explained,")."""
    for match in _WORD_RUN.finditer(sentence):
        word = match.group().translate(_CASELESS)
        if word in _REPORTING_WORDS or word.startswith(_REPORTING_STEMS):
            return True
    return _REPORTING_PHRASE.search(sentence) is not None


def _block_is_located(
    paragraph: _Paragraph, previous: _Paragraph | None, following: _Paragraph | None
) -> bool:
    for text in (paragraph.text, paragraph.prose):
        last_line = text.rstrip().rsplit("\n", 1)[-1].strip(" >")
        if ends_with_locator(text.rstrip()):
            return True
        if last_line[:1] in "—–-" and cites_page(last_line):
            return True  # "> — Harris 2016, p. 45"
    if previous is not None and not paragraph.is_markdown_quote:
        for text in (previous.text, previous.prose):
            if cited_before(text[-400:]) or ends_with_locator(text.rstrip(" \n:,")):
                return True
    if following is not None:
        start = following.prose.lstrip()
        if start[:1] in "([" and any(cites_page(c) for c in islice(_parentheticals(start), 1)):
            return True
        if start[:1] in "—–" and cites_page(start.split("\n", 1)[0]):
            return True
    return False


def _quotation_is_located(paragraph: _Paragraph, quotation: Quotation, lead_from: int) -> bool:
    """Whether an inline quotation carries a page, before, inside or after it."""
    for text in (paragraph.text, paragraph.prose):
        after = text[quotation.end : quotation.end + _WINDOW]
        inner = text[quotation.start + 1 : quotation.end - 1 if quotation.closed else quotation.end]
        if has_locator(after, sentence_ended=_ended_sentence(text, quotation)):
            return True
        if ends_with_locator(inner):
            return True
        if cited_before(text[max(lead_from, quotation.start - _WINDOW) : quotation.start]):
            return True
    return False


def _ended_sentence(text: str, quotation: Quotation) -> bool:
    """Whether the quotation's last words end the sentence: "‘... was likely.’ Then"."""
    if not quotation.closed:
        return True
    inner_end = quotation.start + 1 + len(text[quotation.start + 1 : quotation.end - 1].rstrip())
    if text[inner_end - 1 : inner_end] not in (".", "!", "?", "…"):
        return False
    low = max(0, inner_end - 16)
    return _ends_sentence(text[low : quotation.end + 40], inner_end - 1 - low)


def _note_is_located(paragraph: _Paragraph, quotation: Quotation) -> bool:
    """A note is a citation: a page anywhere near the quotation in it counts.

    "Harris, Great Fear, 45: ‘...’" and "‘...’, Harris, Great Fear, 45." both cite it.
    """
    prose = paragraph.prose
    start = max(0, quotation.start - _WINDOW)
    before = prose[start : quotation.start]
    if start == 0:
        before = before[_note_label_end(before) :]
    after = prose[quotation.end : quotation.end + _WINDOW]
    parts = [*_CLAUSE_BREAK.split(before)[-3:], *_CLAUSE_BREAK.split(after)[:3]]
    if any(cites_page(part) for part in parts):
        return True
    # A citation by key is blanked out of the prose: "As \citet[p.~12]{fitz} notes, ‘...’".
    text = paragraph.text
    return keyed_locator(text[start : quotation.end + _WINDOW])


_CLAUSE_BREAK = patterns.compile(r"[.;:]\s")


def _excerpt(text: str, limit: int = 60) -> str:
    words = " ".join(text.split())
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"


# ---------------------------------------------------------------------------
# The rules


@rule("Q001", "quote-without-page", Severity.WARNING)
def quote_without_page(document: Document, settings: Settings) -> Iterable[Hit]:
    """A direct quotation has no page number.

    A quotation needs a page locator, so that a reader can find the words: a
    parenthetical with a page right after it or later in its sentence ("(p. 45)",
    "(Harris 2016, 45)", "(Fitzpatrick 42)"), or a note marker ("[^3]", "¹²") whose
    note gives the page. "(Harris 2016)" names the work but not the page. A block
    quotation (a ``>`` quote, or a paragraph introduced by "remarked that" or
    "as Harris writes:") may carry it at its end or at the start of the next
    paragraph. One to three quoted words are a term or a scare quote, not a
    quotation; quoted titles ("the article ‘Encircled by Enemies’") are titles,
    and a short phrase named as one ("her phrase ‘the banality of evil’", "the
    slogan ‘peace, land and bread’") is a term. A quotation that never closes is
    left to unbalanced-quote.

    Failing example::

        Encirclement and terror

        Harris argues that ‘a showdown between a coalition of capitalist powers
        and the Soviet Union was likely’ (Harris 2016).

        References

        Harris, J. The Great Fear: Stalin's Terror of the 1930s (Oxford: Oxford University Press, 2016)

    Passing example::

        Encirclement and terror

        Harris argues that ‘a showdown between a coalition of capitalist powers
        and the Soviet Union was likely’ (Harris 2016, 45). The ‘Rapallo’ line
        was gone.

        As Harris further explains,

        Stalin's intelligence reports repeatedly told him of preparations for
        an invasion. (Harris 2016, 47)

        References

        Harris, J. The Great Fear: Stalin's Terror of the 1930s (Oxford: Oxford University Press, 2016)
    """
    return unlocated_quotations(document.body, document.notes)


# The last few, remembered: the CLI finds them while the list is still being parsed,
# or has them from elsewhere (checks.reading), and the rule asks again once it is read.
@remembered(maxsize=4)
def unlocated_quotations(body: tuple[Block, ...], notes: tuple[Block, ...]) -> tuple[Hit, ...]:
    """The quotations of the body and notes that no page locates: quote-without-page."""
    unpaged = _unpaged_notes(notes)
    paragraphs = [_without_markers(p, unpaged) for p in _paragraphs(body)]
    return (
        *_unlocated(paragraphs, in_notes=False),
        *_unlocated(list(_paragraphs(notes)), in_notes=True),
    )


_FOOTNOTE_LABEL = patterns.compile(r"\s*\[\^([^\]\s]{1,40})\]:")
_FOOTNOTE_MARKER = patterns.compile(r"\[\^([^\]\s]{1,40})\](?!:)")
# A page in a note: after "p."/"pp.", a comma or a colon, at the end of a clause.
_NOTE_PAGE = patterns.compile(
    r"(?:\bpp?\.\s*|[,:]\s*)(\d{1,4}|[ivxl]{1,7}|[ivxlc]{2,7})[a-z]?(?:\s*[-–—]\s*\d+)?"
    r"(?=\s*[.;,)\]]|\s*$)",
    re.IGNORECASE,
)
_IBID_ALONE = patterns.compile(r"\s*(?:ibid|idem)\.?\s*$", re.IGNORECASE)


def note_gives_page(note: str) -> bool:
    """Whether a note's text gives a page; "Ibid." alone gives the page of the note before.

    >>> note_gives_page("Subtelny, Ukraine (Toronto, 1988), 123.")
    True
    >>> note_gives_page("Harbutt, The Iron Curtain (New York, 1986)."), note_gives_page("Ibid.")
    (False, True)
    """
    if _IBID_ALONE.match(note):
        return True
    for match in _NOTE_PAGE.finditer(note):
        number = match.group(1)
        is_year = number.isdigit() and len(number) == 4 and 1500 <= int(number) <= 2099
        if not is_year or match.group().lstrip(",: ").lower().startswith("p"):
            return True
    return False


def _unpaged_notes(notes: Iterable[Block]) -> frozenset[str]:
    """The labels of the Markdown footnotes that give no page: their markers locate nothing."""
    labels = set()
    for note in notes:
        found = _FOOTNOTE_LABEL.match(note.text)
        if found and not note_gives_page(note.text[found.end() :]):
            labels.add(found.group(1))
    return frozenset(labels)


def _without_markers(paragraph: _Paragraph, labels: frozenset[str]) -> _Paragraph:
    """The paragraph with the markers of ``labels`` blanked out (offsets kept)."""
    if not labels or "[^" not in paragraph.text:
        return paragraph

    def blank(match: re.Match[str]) -> str:
        return " " * len(match.group()) if match.group(1) in labels else match.group()

    return paragraph._replace(
        text=_FOOTNOTE_MARKER.sub(blank, paragraph.text),
        prose=_FOOTNOTE_MARKER.sub(blank, paragraph.prose),
    )


def _unlocated(paragraphs: Sequence[_Paragraph], *, in_notes: bool) -> Iterator[Hit]:
    carried: tuple[_Paragraph, int] | None = None  # where a quotation run on from
    for index, paragraph in enumerate(paragraphs):
        previous = paragraphs[index - 1] if index else None
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        if not in_notes and _is_block_quotation(paragraph, previous):
            carried = None
            if not _block_is_located(paragraph, previous, following):
                text = paragraph.prose
                start = len(text) - len(text.lstrip(" \n>"))
                yield Hit(
                    paragraph.span(start, len(text.rstrip())),
                    "block quotation without a page locator",
                    (("quote", _excerpt(text[start : start + 200])),),
                )
            continue
        lead_from = 0
        first_offset = len(paragraph.prose) - len(paragraph.prose.lstrip())
        carry_next: tuple[_Paragraph, int] | None = None
        for quotation in find_quotations(paragraph.prose):
            if quotation.depth:
                continue
            runs_on = carried is not None and quotation.start == first_offset
            origin = carried if carried is not None and runs_on else (paragraph, quotation.start)
            if not quotation.closed and _continues(following):
                # A quotation running over paragraphs is checked where it closes.
                carry_next = origin
                lead_from = quotation.end
                continue
            lead_from, lead_end = quotation.end, lead_from
            if not (runs_on or is_quotation(quotation)):
                continue
            if not quotation.closed:
                # Where it ends, and so whether a page follows it, is unknown: the open
                # mark is unbalanced-quote's finding, and one fault gets one finding.
                continue
            if _quotation_is_located(paragraph, quotation, lead_end) or (
                in_notes and _note_is_located(paragraph, quotation)
            ):
                continue
            where, at = origin
            line, column = where.position(at)
            end_line, end_column = paragraph.position(max(quotation.start, quotation.end - 1))
            yield Hit(
                Span(line, column, end_line, end_column),
                "quotation without a page locator",
                (("quote", _excerpt(quotation.opening_words)),),
            )
        carried = carry_next


def _continues(following: _Paragraph | None) -> bool:
    """Whether the next paragraph opens with a quotation mark: the quotation runs on."""
    if following is None:
        return False
    start = following.prose.lstrip()
    return start[:1] in OPENING_MARKS and not start[1:2].isspace()


@rule("Q002", "unbalanced-quote", Severity.WARNING)
def unbalanced_quote(document: Document, settings: Settings) -> Iterator[Hit]:
    """A quotation mark opens and never closes in its paragraph.

    A curly “ without its ”, a ‘ used as an opening quote without its ’, or an
    odd number of straight " marks. Apostrophes are not quotation marks
    (Stalin’s, don't, the ’30s, Uldricks’ words). A quotation that runs over
    several paragraphs leaves each one open and opens the next with a mark: that
    convention is not reported.

    Failing example::

        Getty and the elite

        ‘Although the threat from the opposition seems negligible to us,’ writes
        Getty, ‘the elite at the time obviously felt a continuing crisis.

        The Soviet Union existed in a hostile international environment.

        References

        Getty, J. A. and Oleg V. Naumov, The Road to Terror (London: Yale University Press, 1999)

    Passing example::

        Getty and the elite

        ‘Although the threat from the opposition seems negligible to us,’ writes
        Getty, ‘the elite at the time obviously felt a continuing crisis.’ In
        Uldricks’ words, Stalin’s line of the ’30s was defensive.

        References

        Getty, J. A. and Oleg V. Naumov, The Road to Terror (London: Yale University Press, 1999)
    """
    for blocks in (document.body, document.notes):
        paragraphs = list(_paragraphs(blocks))
        for index, paragraph in enumerate(paragraphs):
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            runs_on = _continues(following)
            for quotation in find_quotations(paragraph.prose):
                if quotation.closed or (runs_on and quotation.end == len(paragraph.prose)):
                    continue
                yield Hit(
                    paragraph.span(quotation.start, quotation.start + 1),
                    f"{quotation.mark} opens a quotation that is never closed in its paragraph",
                    (("mark", quotation.mark), ("quote", _excerpt(quotation.opening_words))),
                )

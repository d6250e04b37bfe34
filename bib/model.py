"""The bibliography domain's plain, immutable values.

Everything the core produces is one of these NamedTuples, with tuples inside.
Derive changed copies with ``_replace``.

They were frozen dataclasses. A dataclass compiles its methods from source text
when its module is imported (six for a frozen one), and the records of a `bib
lint` came to about a tenth of its time, start-up included. A NamedTuple's class
costs a fraction of that, and it is built in half the time (a frozen dataclass
sets each field through ``object.__setattr__``); a run builds thousands. What
comes with the tuple is never used: no code indexes, unpacks or orders a record.
"""

from enum import Enum
from typing import NamedTuple


class _Region(NamedTuple):
    line: int
    column: int = 1
    end_line: int = 0
    end_column: int = 0


class Span(_Region):
    """A region of the original file: 1-based lines, 1-based columns, end inclusive.

    Without an end line it ends on the line it starts on.
    """

    __slots__ = ()

    def __new__(cls, line: int, column: int = 1, end_line: int = 0, end_column: int = 0) -> "Span":
        return super().__new__(cls, line, column, end_line or line, end_column)


class Name(NamedTuple):
    """A person's name split into its parts ("van der Linden, Marcel")."""

    family: str
    given: str = ""
    particle: str = ""
    suffix: str = ""

    @property
    def full_family(self) -> str:
        return f"{self.particle} {self.family}".strip()

    def __str__(self) -> str:
        return " ".join(p for p in (self.given, self.particle, self.family, self.suffix) if p)


class EntryType(str, Enum):
    ARTICLE = "article"
    BOOK = "book"
    EDITED_BOOK = "edited-book"
    CHAPTER = "chapter"
    THESIS = "thesis"
    REPORT = "report"
    WEBPAGE = "webpage"
    REVIEW = "review"
    OTHER = "other"


class Reference(NamedTuple):
    """The structured fields of one free-text reference. Empty string = absent."""

    type: EntryType = EntryType.OTHER
    authors: tuple[Name, ...] = ()
    editors: tuple[Name, ...] = ()
    translators: tuple[Name, ...] = ()
    title: str = ""
    container: str = ""
    volume: str = ""
    number: str = ""
    pages: str = ""  # "513-545" or "24"; an en dash range is normalised to a hyphen
    year: str = ""
    month: str = ""
    publisher: str = ""
    place: str = ""
    edition: str = ""
    series: str = ""
    url: str = ""
    doi: str = ""
    isbn: str = ""
    accessed: str = ""
    note: str = ""
    # The labelled pieces the parser saw, in order: ("author", "Carley, M. J."), ...
    # Kept for style checks that look at punctuation and order.
    segments: tuple[tuple[str, str], ...] = ()

    @property
    def first_family(self) -> str:
        names = self.authors or self.editors
        return names[0].family if names else ""


class Block(NamedTuple):
    """A piece of the document with its place in the original file.

    ``text`` is the original text (lines joined with "\\n"); ``prose`` is the same
    text with markup (Markdown emphasis, link targets, HTML comments...) blanked
    out by spaces, so that columns in ``prose`` are columns in the file.
    """

    text: str
    span: Span
    prose: str = ""


class Entry(NamedTuple):
    """One reference of the list: its raw text, where it stands, what it says."""

    raw: str
    span: Span
    reference: Reference
    key: str = ""


class KeyedCitation(NamedTuple):
    """A citation by key: Pandoc's ``[@harris2016, p. 45]``, LaTeX's ``\\cite[45]{harris2016}``."""

    key: str
    span: Span
    locator: str = ""  # the page or other locator given with it, "" when none


class Suppression(NamedTuple):
    """An inline ``<!-- bib: ignore RULE -->``: for one line, or the file when line is 0."""

    line: int
    rules: tuple[str, ...]  # names or codes; empty means every rule

    def covers(self, finding: "Finding") -> bool:
        line_ok = self.line in (0, finding.span.line)
        return line_ok and (
            not self.rules or finding.rule in self.rules or finding.code in self.rules
        )


class Document(NamedTuple):
    """An essay split into its parts. Every part keeps its lines in the file."""

    path: str
    title: Block | None = None
    body: tuple[Block, ...] = ()
    notes: tuple[Block, ...] = ()
    heading: Block | None = None  # the reference list's heading, when it has one
    references: tuple[Block, ...] = ()  # one block per reference
    trailer: tuple[Block, ...] = ()  # after the list: comments, widgets, credits
    entries: tuple[Entry, ...] = ()
    warnings: tuple[str, ...] = ()
    suppressions: tuple[Suppression, ...] = ()
    # Citations by key, when the essay cites a .bib (Pandoc Markdown, LaTeX).
    keyed_citations: tuple[KeyedCitation, ...] = ()


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Finding(NamedTuple):
    """One thing a rule found: where, which rule, how bad, what, and the details."""

    path: str
    span: Span
    code: str
    rule: str
    severity: Severity
    message: str
    data: tuple[tuple[str, object], ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "data": dict(self.data),
        }

"""The bibliography domain's plain, immutable values.

Everything the core produces is one of these frozen dataclasses with tuples
inside. Derive changed copies with ``dataclasses.replace``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


@dataclass(frozen=True, slots=True)
class Span:
    """A region of the original file: 1-based lines, 1-based columns, end inclusive."""

    line: int
    column: int = 1
    end_line: int = 0
    end_column: int = 0

    def __post_init__(self) -> None:
        if self.end_line == 0:
            object.__setattr__(self, "end_line", self.line)


@dataclass(frozen=True, slots=True)
class Name:
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


@dataclass(frozen=True, slots=True)
class Reference:
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


@dataclass(frozen=True, slots=True)
class Block:
    """A piece of the document with its place in the original file.

    ``text`` is the original text (lines joined with "\\n"); ``prose`` is the same
    text with markup (Markdown emphasis, link targets, HTML comments...) blanked
    out by spaces, so that columns in ``prose`` are columns in the file.
    """

    text: str
    span: Span
    prose: str = ""


@dataclass(frozen=True, slots=True)
class Entry:
    """One reference of the list: its raw text, where it stands, what it says."""

    raw: str
    span: Span
    reference: Reference
    key: str = ""


@dataclass(frozen=True, slots=True)
class KeyedCitation:
    """A citation by key: Pandoc's ``[@harris2016, p. 45]``, LaTeX's ``\\cite[45]{harris2016}``."""

    key: str
    span: Span
    locator: str = ""  # the page or other locator given with it, "" when none


@dataclass(frozen=True, slots=True)
class Suppression:
    """An inline ``<!-- bib: ignore RULE -->``: for one line, or the file when line is 0."""

    line: int
    rules: tuple[str, ...]  # names or codes; empty means every rule

    def covers(self, finding: Finding) -> bool:
        line_ok = self.line in (0, finding.span.line)
        return line_ok and (
            not self.rules or finding.rule in self.rules or finding.code in self.rules
        )


@dataclass(frozen=True, slots=True)
class Document:
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


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a rule found: where, which rule, how bad, what, and the details."""

    path: str
    span: Span
    code: str
    rule: str
    severity: Severity
    message: str
    data: tuple[tuple[str, object], ...] = field(default=())

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

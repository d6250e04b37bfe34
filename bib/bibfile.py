r"""BibTeX files (.bib): their entries as a Document, with their own keys and lines.

bibtexparser v2 splits the file into blocks and gives each its first line; a block
that does not parse stays in its result as a failed block, and so it does here: an
entry whose raw text is the block and whose reference is empty, which
``unparsed-reference`` reports. A file in which not one ``@entry`` is found, parsed
or not, is not BibTeX: ``BibError``. ``@string`` macros are resolved; ``@comment``,
``@preamble`` and text between entries are passed over.

Each entry's ``span`` runs from its ``@`` line to its closing brace; its ``key`` is
its BibTeX key, kept as written. A key used twice keeps both entries, the second
without a key (BibTeX and biber take the first), and a warning says so.
Fields map to ``Reference`` as ``bib.bibtex`` writes them, so that export and
import agree: ``journal``/``journaltitle`` (articles), ``booktitle`` (chapters) or
``howpublished`` is the container; ``school`` and ``institution`` are the publisher;
``address``/``location`` the place; ``number``/``issue``; ``urldate`` the date it was
read; biblatex's ``date`` gives the year (and month) when ``year`` is absent.
Names are split by pybtex (``von Last, Jr, First``, braces keep a corporate name
whole), then each part and every other field is decoded from LaTeX by pylatexenc
(``{\"u}`` -> ``ü``, ``\emph{X}`` -> ``X``, braces dropped); ``url`` and ``doi``
are verbatim. Page ranges use a hyphen.

A document read from a .bib alone has no text: ``unused-reference`` (nothing can
cite) and ``bibliography-order`` (a .bib has no order to keep) are switched off
for it by file-level suppressions; every other entry-level rule runs as on an
essay's list (``missing-field``, ``duplicate-entry``, ``name-variant`` across the
entries, ``unparsed-reference``, and the catalog rules with ``--resolve``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from typing import Any

from bib import patterns
from bib.errors import BibError
from bib.model import Block, Document, Entry, EntryType, Finding, Name, Reference, Span, Suppression
from bib.text import decode

# Rules that mean nothing on a .bib read alone; see the module docstring.
BIB_ONLY_SUPPRESSED = ("unused-reference", "bibliography-order")

_TYPES = {
    "article": EntryType.ARTICLE,
    "book": EntryType.BOOK,
    "mvbook": EntryType.BOOK,
    "booklet": EntryType.BOOK,
    "collection": EntryType.EDITED_BOOK,
    "mvcollection": EntryType.EDITED_BOOK,
    "proceedings": EntryType.EDITED_BOOK,
    "incollection": EntryType.CHAPTER,
    "inbook": EntryType.CHAPTER,
    "inproceedings": EntryType.CHAPTER,
    "conference": EntryType.CHAPTER,
    "phdthesis": EntryType.THESIS,
    "mastersthesis": EntryType.THESIS,
    "thesis": EntryType.THESIS,
    "techreport": EntryType.REPORT,
    "report": EntryType.REPORT,
    "online": EntryType.WEBPAGE,
    "electronic": EntryType.WEBPAGE,
    "www": EntryType.WEBPAGE,
    "webpage": EntryType.WEBPAGE,
    "review": EntryType.REVIEW,
}
_ENTRY_START = patterns.compile(
    r"^[ \t]*@[ \t]*(?!(?i:string|comment|preamble)\b)\w+[ \t]*[{(]", re.M
)
_DASHES = patterns.compile(r"\s*[-‐‑‒–—―−]+\s*")
_SPACE = patterns.compile(r"\s+")
_YEAR = patterns.compile(r"[0-9]{4}")
_DATE = patterns.compile(r"([0-9]{4})(?:-([0-9]{2}))?")


def read_bib(data: bytes, path: str) -> Document:
    """A .bib file as a Document of entries, ready for the entry-level rules."""
    decoded = decode(data, name=path)
    entries, warnings = read_entries(decoded.text, path)
    return Document(
        path=path,
        references=tuple(Block(entry.raw, entry.span, entry.raw) for entry in entries),
        entries=entries,
        warnings=(*decoded.warnings, *warnings),
        suppressions=(Suppression(0, BIB_ONLY_SUPPRESSED),),
    )


def read_entries(text: str, path: str) -> tuple[tuple[Entry, ...], tuple[str, ...]]:
    """The entries of a .bib text and the warnings about it; ``BibError`` if it has none."""
    from bibtexparser import model
    from bibtexparser.entrypoint import parse_string

    # bibtexparser logs every failed block; here they are findings instead.
    logging.getLogger("bibtexparser").addHandler(logging.NullHandler())
    logging.getLogger("bibtexparser").propagate = False
    library = parse_string(text)
    entries: list[Entry] = []
    warnings: list[str] = []
    for block in library.blocks:
        key = getattr(block, "key", "")
        if isinstance(block, model.DuplicateBlockKeyBlock):
            warnings.append(
                f"line {(block.start_line or 0) + 1}: the key {key} is used twice; "
                "this entry is read without it"
            )
            key = ""
            if block.ignore_error_block is None:
                continue
            block = block.ignore_error_block
        raw = (block.raw or "").rstrip()
        start = block.start_line or 0
        if isinstance(block, model.Entry):
            reference = to_reference(block.entry_type, _values(block.fields))
            entries.append(Entry(block.raw or raw, _span(block.raw or raw, start), reference, key))
        elif isinstance(block, model.ParsingFailedBlock) and _ENTRY_START.search(raw):
            entries.append(Entry(raw, _span(raw, start), Reference()))
    if not entries:
        raise BibError(f"{path}: no BibTeX entries found (is it a .bib file?)")
    return tuple(sorted(entries, key=lambda e: e.span.line)), tuple(warnings)


def to_reference(entry_type: str, fields: dict[str, str]) -> Reference:
    """A ``Reference`` from a BibTeX type and raw (still LaTeX) field values, keys lowercase."""
    kind = _TYPES.get(entry_type.lower(), EntryType.OTHER)
    authors = _names(fields.get("author", ""))
    editors = _names(fields.get("editor", ""))
    if kind is EntryType.BOOK and editors and not authors:
        kind = EntryType.EDITED_BOOK
    if kind is EntryType.OTHER and fields.get("url") and not fields.get("publisher"):
        kind = EntryType.WEBPAGE
    text = {name: _text(value) for name, value in fields.items()}
    if kind is EntryType.CHAPTER:
        container = text.get("booktitle", "")
    elif kind in (EntryType.ARTICLE, EntryType.REVIEW):
        container = text.get("journal") or text.get("journaltitle", "")
    else:
        container = text.get("howpublished") or text.get("booktitle", "")
    year, month = text.get("year", ""), text.get("month", "")
    date = _DATE.match(text.get("date", ""))
    if not year and date:
        year, month = date.group(1), month or (date.group(2) or "")
    return Reference(
        type=kind,
        authors=authors,
        editors=editors,
        translators=_names(fields.get("translator", "")),
        title=text.get("title", ""),
        container=container,
        volume=text.get("volume", ""),
        number=text.get("number") or text.get("issue", ""),
        pages=_DASHES.sub("-", text.get("pages", "")),
        year=year,
        month=month,
        publisher=text.get("publisher") or text.get("school") or text.get("institution", ""),
        place=text.get("address") or text.get("location", ""),
        edition=text.get("edition", ""),
        series=text.get("series", ""),
        url=_verbatim(fields.get("url", "")),
        doi=_verbatim(fields.get("doi", "")),
        isbn=text.get("isbn", ""),
        accessed=text.get("urldate", ""),
        note=text.get("note", ""),
    )


def bibliography_findings(
    findings: Iterable[Finding], entries: Sequence[Entry], bib_path: str
) -> tuple[Finding, ...]:
    """The findings, those about an entry of the .bib moved to the .bib's path.

    An essay read with ``--bibliography`` has entries whose spans are lines of the
    .bib, but every finding carries the essay's path. The .bib's entries are those
    whose raw text is BibTeX (it starts with ``@``; an essay's own list never does),
    and a finding about one of them has the entry's own span.
    """

    spans = {entry.span for entry in entries if entry.raw.lstrip().startswith("@")}
    return tuple(
        finding._replace(path=bib_path) if finding.span in spans else finding
        for finding in findings
    )


def _values(fields: Sequence[Any]) -> dict[str, str]:
    values: dict[str, str] = {}
    for field in fields:
        value = field.value if isinstance(field.value, str) else str(field.value)
        values[field.key.lower()] = _unwrap(value.strip())
    return values


def _unwrap(value: str) -> str:
    """The value without the braces or quotes that delimit it (``{...}`` or ``"..."``)."""
    if len(value) >= 2 and (
        (value[0] == "{" and value[-1] == "}" and _balanced(value[1:-1]))
        or (value[0] == '"' and value[-1] == '"')
    ):
        return value[1:-1]
    return value


def _balanced(value: str) -> bool:
    depth = 0
    for char in value:
        depth += (char == "{") - (char == "}")
        if depth < 0:
            return False
    return depth == 0


def _names(value: str) -> tuple[Name, ...]:
    if not value.strip():
        return ()
    from pybtex.database import Person
    from pybtex.exceptions import PybtexError

    people = re.split(r"\s+and\s+(?![^{}]*\})", value.strip())
    names: list[Name] = []
    for person in people:
        if not person.strip():
            continue
        try:
            parsed = Person(person)
        except PybtexError:  # "Too many commas in ...": keep the text
            names.append(Name(family=_text(person)))
            continue
        names.append(
            Name(
                family=_text(" ".join(parsed.last_names)),
                given=_text(" ".join(parsed.first_names + parsed.middle_names)),
                particle=_text(" ".join(parsed.prelast_names)),
                suffix=_text(" ".join(parsed.lineage_names)),
            )
        )
    return tuple(name for name in names if name.family or name.given)


def _text(value: str) -> str:
    """A LaTeX value as plain text: accents decoded, commands and braces dropped."""
    if "\\" in value or "{" in value or "~" in value or "$" in value:
        value = _latex().latex_to_text(value)
    return _SPACE.sub(" ", value).strip()


def _verbatim(value: str) -> str:
    return _SPACE.sub("", value.replace("\\_", "_").replace("\\%", "%").replace("\\&", "&"))


_CONVERTER: list[Any] = []


def _latex() -> Any:
    if not _CONVERTER:
        from pylatexenc.latex2text import LatexNodes2Text

        _CONVERTER.append(LatexNodes2Text(math_mode="verbatim", strict_latex_spaces=True))
    return _CONVERTER[0]


def _span(raw: str, start_line: int) -> Span:
    lines = raw.rstrip().split("\n")
    first = start_line + 1
    return Span(first, 1, first + len(lines) - 1, max(1, len(lines[-1])))

"""Word documents (.docx): the body, the footnotes and the endnotes, as a Document.

python-docx opens the package and gives the body's paragraphs and their styles;
the footnotes and endnotes parts, which it does not model, are read as XML with
lxml (python-docx depends on it). Both are imported here only, so that reading a
plain-text essay never loads them.

Each Word paragraph becomes one line of a Markdown text, with a blank line between
paragraphs, and the text goes through the same layout and reference parser as an
essay written in Markdown:

- an italic run is wrapped in ``*...*``, so that a title in italics is emphasis to
  the layout and the parser (and is blanked out of ``Block.prose``);
- a paragraph styled "Title" or "Heading N" becomes a Markdown heading, and a
  paragraph that is bold throughout becomes ``**...**``, which the layout also
  reads as a heading ("**References**");
- a footnote or endnote reference becomes a ``[^N]`` marker, so that a quotation
  followed by a note counts as located;
- tabs, line breaks and tracked insertions are text; tracked deletions are not.
  Tables, text boxes, headers and footers are left out.

Positions are paragraphs, not lines: ``Span.line`` is the paragraph's number,
counting every paragraph of the body from 1 (empty ones too: Word's pilcrow
count), and ``Span.column`` is 1 + the offset in the paragraph's text. The spans
of blocks and entries are exact; a finding that a rule places inside a block
counts the ``*`` marks around the italics before it as characters too.

Each footnote and each endnote is one block of ``Document.notes`` (its paragraphs
joined by spaces), whose ``span.line`` is the note's number as Word displays it:
its rank among the note references of the body, footnotes and endnotes counted
separately. A note that nothing in the body refers to comes after those.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

from bib import patterns
from bib.errors import BibError
from bib.keys import assign_keys
from bib.layout import find_parts
from bib.markdown import mask
from bib.model import Block, Document, Entry, Span, Suppression
from bib.parser import parse_reference
from bib.repeats import with_repeated_names
from bib.suppress import find_suppressions

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph
    from lxml.etree import _Element

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_ENDNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"
_OFF = frozenset({"0", "false", "off"})
_HEADING_STYLE = patterns.compile(r"(?i)heading\s*([1-6])$")
# Separators and continuation notices are layout, not notes.
_NOTE_TYPES = frozenset({"separator", "continuationSeparator", "continuationNotice"})
_SKIPPED = frozenset({f"{_W}del", f"{_W}moveFrom", f"{_W}txbxContent"})


class _Line(NamedTuple):
    """A paragraph as one line of Markdown, and where each of its characters came from."""

    text: str
    origin: tuple[int, ...]  # for each character, its offset in the paragraph's own text
    length: int = 0  # of the paragraph's own text

    def stripped(self) -> _Line:
        start = len(self.text) - len(self.text.lstrip())
        end = len(self.text.rstrip())
        return _Line(self.text[start:end], self.origin[start:end], self.length)

    def column(self, column: int) -> int:
        """The paragraph column of a column of the line (both 1-based)."""
        if not self.origin:
            return 1
        index = min(max(column, 1), len(self.origin)) - 1
        return self.origin[index] + 1


class _NoteNumbers:
    """Numbers notes as the body refers to them: footnotes 1, 2, 3..., endnotes apart."""

    def __init__(self) -> None:
        self.numbers: dict[tuple[str, str], int] = {}
        self.counts: dict[str, int] = {}

    def number(self, kind: str, note_id: str) -> int:
        if (kind, note_id) not in self.numbers:
            self.counts[kind] = self.counts.get(kind, 0) + 1
            self.numbers[kind, note_id] = self.counts[kind]
        return self.numbers[kind, note_id]

    def known(self, kind: str, note_id: str) -> int | None:
        return self.numbers.get((kind, note_id))

    def count(self, kind: str) -> int:
        return self.counts.get(kind, 0)


class _Note(NamedTuple):
    kind: str  # "footnote" or "endnote"
    number: int
    line: _Line


def read_docx(data: bytes, path: str) -> Document:
    """Read a .docx into a Document with parsed, keyed entries; ``BibError`` if it is not one."""
    body, notes = _read_package(data, path)
    text = "\n\n".join(line.text for line in body)
    parts = find_parts(text, path, markdown=True)
    remap = _Remap(body)
    references = tuple(remap.block(block) for block in parts.references)
    entries = with_repeated_names(
        [
            Entry(raw=block.text, span=block.span, reference=parse_reference(block.text))
            for block in references
        ]
    )
    return parts._replace(
        title=None if parts.title is None else remap.block(parts.title),
        body=tuple(remap.paragraphs(parts.body)),
        notes=(
            *remap.paragraphs(parts.notes),
            *(_note_block(note) for note in notes),
        ),
        heading=None if parts.heading is None else remap.block(parts.heading),
        references=references,
        trailer=tuple(remap.paragraphs(parts.trailer)),
        entries=assign_keys(entries),
        suppressions=tuple(remap.suppression(s) for s in find_suppressions(text)),
    )


def _read_package(data: bytes, path: str) -> tuple[tuple[_Line, ...], tuple[_Note, ...]]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    try:
        word = docx.Document(io.BytesIO(data))
        numbers = _NoteNumbers()
        body = tuple(_paragraph_line(p._p, _heading_level(p), numbers) for p in word.paragraphs)
        notes: list[_Note] = []
        for reltype, kind in ((_FOOTNOTES, "footnote"), (_ENDNOTES, "endnote")):
            for rel in word.part.rels.values():
                if rel.reltype == reltype and not rel.is_external:
                    root = etree.fromstring(rel.target_part.blob)
                    notes.extend(_notes(root, kind, numbers))
    except (
        zipfile.BadZipFile,
        zlib.error,  # a damaged deflate stream inside a valid zip directory
        NotImplementedError,  # a compression method zipfile cannot read
        PackageNotFoundError,
        KeyError,
        ValueError,
        EOFError,
        etree.XMLSyntaxError,
    ) as exc:
        reason = str(exc).split("\n", 1)[0][:120] or type(exc).__name__
        raise BibError(f"{path}: is not a Word document ({reason})") from None
    return body, tuple(notes)


def _heading_level(paragraph: Paragraph) -> int:
    """1 to 6 for a paragraph styled "Title" or "Heading N", else 0."""
    style = paragraph.style
    name = (style.name or "") if style is not None else ""
    if name.lower() == "title":
        return 1
    match = _HEADING_STYLE.match(name.strip())
    return int(match.group(1)) if match else 0


def _notes(root: _Element, kind: str, numbers: _NoteNumbers) -> Iterator[_Note]:
    """The notes of a footnotes or endnotes part, numbered as the body refers to them."""
    found: list[_Note] = []
    unreferenced = numbers.count(kind) + 1
    for note in root.iter(f"{_W}{kind}"):
        if note.get(f"{_W}type") in _NOTE_TYPES:
            continue
        lines = [_paragraph_line(p, 0, _NoteNumbers()) for p in note.iter(f"{_W}p")]
        line = _join_lines(line.stripped() for line in lines if line.text.strip())
        number = numbers.known(kind, note.get(f"{_W}id", ""))
        if number is None:
            number, unreferenced = unreferenced, unreferenced + 1
        found.append(_Note(kind, number, line))
    yield from sorted(found, key=lambda note: note.number)


def _join_lines(lines: Iterable[_Line]) -> _Line:
    text: list[str] = []
    origin: list[int] = []
    offset = 0
    for line in lines:
        if text:
            text.append(" ")
            origin.append(offset)
            offset += 1
        text.append(line.text)
        origin.extend(offset + o for o in line.origin)
        offset += line.length
    return _Line("".join(text), tuple(origin), offset)


def _note_block(note: _Note) -> Block:
    text = note.line.text
    return Block(text, Span(note.number, 1, note.number, max(1, len(text))), mask(text))


# ---------------------------------------------------------------------------
# A paragraph's runs


def _paragraph_line(paragraph: _Element, level: int, numbers: _NoteNumbers) -> _Line:
    """A paragraph as a line of Markdown; ``numbers`` numbers its note references."""
    pieces = list(_pieces(paragraph, numbers))
    plain = "".join(text for text, kind in pieces if kind != "marker")
    if level:
        prefix = "#" * level + " "
        return _build([(prefix, "marker"), *pieces])
    if plain.strip() and all(kind == "bold" for text, kind in pieces if text.strip()):
        return _build([("**", "marker"), *_plain(pieces), ("**", "marker")])
    return _build(pieces)


def _plain(pieces: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(text, "marker" if kind == "marker" else "plain") for text, kind in pieces]


def _pieces(paragraph: _Element, numbers: _NoteNumbers) -> Iterator[tuple[str, str]]:
    """(text, kind) in order; kind is "italic", "bold", "plain", or "marker" for a note mark."""
    for run in paragraph.iter(f"{_W}r"):
        if not _belongs_to(run, paragraph):
            continue
        properties = run.find(f"{_W}rPr")
        kind = "plain"
        if properties is not None:
            if _is_on(properties.find(f"{_W}i")):
                kind = "italic"
            elif _is_on(properties.find(f"{_W}b")):
                kind = "bold"
        for child in run:
            tag = child.tag
            if tag == f"{_W}t":
                yield child.text or "", kind
            elif tag in (f"{_W}tab", f"{_W}br", f"{_W}cr"):
                yield (" ", kind) if tag != f"{_W}tab" else ("\t", kind)
            elif tag == f"{_W}noBreakHyphen":
                yield "-", kind
            elif tag in (f"{_W}footnoteReference", f"{_W}endnoteReference"):
                note = "footnote" if tag == f"{_W}footnoteReference" else "endnote"
                number = numbers.number(note, child.get(f"{_W}id", ""))
                label = ("" if note == "footnote" else "e") + str(number)
                yield f"[^{label}]", "marker"


def _belongs_to(run: _Element, paragraph: _Element) -> bool:
    """A run of this paragraph, not of a text box inside it nor of a tracked deletion."""
    parent = run.getparent()
    while parent is not None and parent is not paragraph:
        if parent.tag in _SKIPPED or parent.tag == f"{_W}p":
            return False
        parent = parent.getparent()
    return parent is paragraph


def _is_on(toggle: _Element | None) -> bool:
    return toggle is not None and toggle.get(f"{_W}val", "true").lower() not in _OFF


def _build(pieces: Sequence[tuple[str, str]]) -> _Line:
    """Join the pieces, wrapping each run of italic text in ``*``, spaces kept outside."""
    text: list[str] = []
    origin: list[int] = []
    offset = 0

    def add(chunk: str, counts: bool) -> None:
        nonlocal offset
        for char in chunk:
            text.append(char)
            origin.append(offset)
            if counts:
                offset += 1

    for italic, group in _groups(pieces):
        joined = "".join(chunk for chunk, _ in group)
        if italic and joined.strip():
            core = joined.strip()
            left = joined[: len(joined) - len(joined.lstrip())]
            right = joined[len(joined.rstrip()) :]
            add(left, True)
            add("*", False)
            add(core, True)
            add("*", False)
            add(right, True)
            continue
        for chunk, kind in group:
            add(chunk, kind != "marker")
    return _Line("".join(text), tuple(origin), offset)


def _groups(pieces: Sequence[tuple[str, str]]) -> Iterator[tuple[bool, list[tuple[str, str]]]]:
    """Runs of italic pieces and runs of the others, in order."""
    group: list[tuple[str, str]] = []
    italic = False
    for piece in pieces:
        this = piece[1] == "italic"
        if group and this != italic:
            yield italic, group
            group = []
        italic = this
        group.append(piece)
    if group:
        yield italic, group


# ---------------------------------------------------------------------------
# From lines of the Markdown text back to paragraphs


class _Remap:
    """Turns spans in the Markdown text (paragraph N on line 2N - 1) into paragraph spans."""

    def __init__(self, lines: Sequence[_Line]) -> None:
        self.lines = lines

    def _paragraph(self, line: int) -> int:
        """The paragraph of a text line; a blank line between two belongs to the one above."""
        return max(1, min((line + 1) // 2, len(self.lines)))

    def _column(self, paragraph: int, column: int) -> int:
        return self.lines[paragraph - 1].column(column) if self.lines else 1

    def span(self, span: Span) -> Span:
        first, last = self._paragraph(span.line), self._paragraph(span.end_line)
        end_column = span.end_column
        if span.end_line % 2 == 0:  # ends on a blank line: the end of the paragraph above
            end_column = len(self.lines[last - 1].text) if self.lines else 1
        return Span(
            first,
            self._column(first, span.column),
            last,
            self._column(last, end_column) if end_column else 0,
        )

    def block(self, block: Block) -> Block:
        return block._replace(span=self.span(block.span))

    def paragraphs(self, blocks: Iterable[Block]) -> Iterator[Block]:
        """One block per paragraph, so that a rule's line within a block is a paragraph."""
        for block in blocks:
            prose = block.prose if len(block.prose) == len(block.text) else block.text
            for index, (text, masked) in enumerate(
                zip(block.text.split("\n"), prose.split("\n"), strict=True)
            ):
                if not text.strip():
                    continue
                line = block.span.line + index
                column = block.span.column if index == 0 else 1
                paragraph = self._paragraph(line)
                start = self._column(paragraph, column)
                end = self._column(paragraph, column + len(text) - 1)
                yield Block(text, Span(paragraph, start, paragraph, end), masked)

    def suppression(self, suppression: Suppression) -> Suppression:
        if suppression.line == 0:
            return suppression
        return suppression._replace(line=self._paragraph(suppression.line))

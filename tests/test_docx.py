"""Word documents: paragraphs as positions, italics as emphasis, footnotes and endnotes.

Every document is built here with python-docx; the notes parts, which python-docx
cannot write, are added as XML parts of the package.
"""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.text.paragraph import Paragraph

from bib.document import read_document
from bib.docx import read_docx
from bib.errors import BibError
from bib.model import Document, Span
from checks.rules import Settings, run_checks

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NOTES = {
    "footnote": (
        RELATIONSHIP_TYPE.FOOTNOTES,
        "/word/footnotes.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
    ),
    "endnote": (
        RELATIONSHIP_TYPE.ENDNOTES,
        "/word/endnotes.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
    ),
}
HARRIS = "Harris, J. "
HARRIS_TITLE = "The Great Fear: Stalin's Terror of the 1930s"
HARRIS_IMPRINT = " (Oxford: Oxford University Press, 2016)"


def note_reference(paragraph: Paragraph, kind: str, note_id: int) -> None:
    run = paragraph.add_run()
    run._r.append(parse_xml(f'<w:{kind}Reference xmlns:w="{W}" w:id="{note_id}"/>'))


def add_notes(document: WordDocument, kind: str, notes: dict[int, str]) -> None:
    """A footnotes or endnotes part with a separator and ``notes`` (id -> text, *italic*)."""
    reltype, name, content_type = NOTES[kind]
    body = [
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
    ]
    for note_id, text in notes.items():
        runs = [f'<w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>']
        for index, piece in enumerate(text.split("*")):
            italic = "<w:rPr><w:i/></w:rPr>" if index % 2 else ""
            runs.append(f'<w:r>{italic}<w:t xml:space="preserve">{piece}</w:t></w:r>')
        body.append(f'<w:{kind} w:id="{note_id}"><w:p>{"".join(runs)}</w:p></w:{kind}>')
    xml = f'<w:{kind}s xmlns:w="{W}">{"".join(body)}</w:{kind}s>'
    part = Part(PackURI(name), content_type, xml.encode(), document.part.package)
    document.part.relate_to(part, reltype)


def saved(document: WordDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def essay(*, footnotes: bool = True, endnotes: bool = False) -> bytes:
    """Title, two body paragraphs (one with a note), an empty one, a heading, one reference."""
    document = docx.Document()
    document.add_paragraph("Stalin and the purges", style="Title")  # ¶1
    paragraph = document.add_paragraph("Harris argues that ‘a showdown between a coalition ")  # ¶2
    paragraph.add_run("of capitalist powers and the Soviet Union was likely’.")
    if footnotes:
        note_reference(paragraph, "footnote", 1)
    paragraph = document.add_paragraph("In ")  # ¶3
    paragraph.add_run("The Great Fear").italic = True
    paragraph.add_run(" Harris describes the terror.")
    if endnotes:
        note_reference(paragraph, "endnote", 7)
    document.add_paragraph("")  # ¶4
    document.add_heading("References", level=1)  # ¶5
    paragraph = document.add_paragraph(HARRIS)  # ¶6
    paragraph.add_run(HARRIS_TITLE).italic = True
    paragraph.add_run(HARRIS_IMPRINT)
    if footnotes:
        add_notes(document, "footnote", {1: "Harris, *Great Fear*, 45."})
    if endnotes:
        add_notes(document, "endnote", {7: "Harris, *Great Fear*, 47.", 8: "An orphan note."})
    return saved(document)


def read(data: bytes) -> Document:
    return read_docx(data, "essay.docx")


def test_paragraph_numbers_are_lines() -> None:
    document = read(essay())
    assert document.title is not None and document.title.span.line == 1
    assert [block.span.line for block in document.body] == [2, 3]
    assert document.heading is not None and document.heading.span == Span(5, 1, 5, 10)
    assert [entry.span.line for entry in document.entries] == [6]


def test_italics_are_emphasis_to_the_parser_and_blanked_in_prose() -> None:
    document = read(essay())
    (entry,) = document.entries
    assert entry.raw == f"{HARRIS}*{HARRIS_TITLE}*{HARRIS_IMPRINT}"
    assert entry.reference.title == HARRIS_TITLE
    assert entry.key == "harris2016"
    assert document.body[1].text == "In *The Great Fear* Harris describes the terror."
    assert document.body[1].prose == "In  The Great Fear  Harris describes the terror."


def test_entry_columns_count_the_paragraph_text_not_the_marks() -> None:
    (entry,) = read(essay()).entries
    plain = HARRIS + HARRIS_TITLE + HARRIS_IMPRINT
    assert entry.span == Span(6, 1, 6, len(plain))


def test_footnotes_are_notes_numbered_as_displayed() -> None:
    document = read(essay())
    (note,) = document.notes
    assert note.text == "Harris, *Great Fear*, 45."
    assert note.prose == "Harris,  Great Fear , 45."
    assert note.span == Span(1, 1, 1, len(note.text))
    assert document.body[0].text.endswith("likely’.[^1]")


def test_endnotes_are_numbered_by_reference_order_then_orphans() -> None:
    document = read(essay(footnotes=False, endnotes=True))
    assert [(n.span.line, n.text) for n in document.notes] == [
        (1, "Harris, *Great Fear*, 47."),
        (2, "An orphan note."),
    ]
    assert document.body[1].text.endswith("[^e1]")


def test_a_quotation_with_a_note_is_located_and_one_without_is_not() -> None:
    with_note = run_checks(read(essay()), Settings(select=("quote-without-page",)))
    without = run_checks(read(essay(footnotes=False)), Settings(select=("quote-without-page",)))
    assert with_note == ()
    assert [(f.span.line, f.span.column) for f in without] == [(2, 20)]


@pytest.mark.parametrize(
    ("style", "text", "heading"),
    [
        ("Heading 1", "Bibliography", True),
        ("Heading 3", "Works Cited", True),
        ("Normal", "References", True),  # a plain line naming a list heads it too
    ],
)
def test_headings_by_style_head_the_list(style: str, text: str, heading: bool) -> None:
    document = docx.Document()
    document.add_paragraph("An essay")
    document.add_paragraph("Harris (2016) wrote about the purges at length in his book.")
    document.add_paragraph(text, style=style)
    document.add_paragraph(HARRIS + HARRIS_TITLE + HARRIS_IMPRINT)
    parsed = read(saved(document))
    assert (parsed.heading is not None) is heading
    assert [e.span.line for e in parsed.entries] == [4]


def test_a_bold_paragraph_is_a_heading() -> None:
    document = docx.Document()
    document.add_paragraph("An essay")
    document.add_paragraph("Harris (2016) wrote about the purges at length in his book.")
    document.add_paragraph().add_run("Sources consulted").bold = True
    document.add_paragraph(HARRIS + HARRIS_TITLE + HARRIS_IMPRINT)
    parsed = read(saved(document))
    assert parsed.heading is not None and parsed.heading.span.line == 3
    assert parsed.heading.text == "Sources consulted"


def test_tracked_deletions_are_not_text_and_insertions_are() -> None:
    document = docx.Document()
    document.add_paragraph("Title")
    paragraph = document.add_paragraph("Kept ")
    paragraph._p.append(
        parse_xml(
            f'<w:del xmlns:w="{W}" w:id="1" w:author="a">'
            "<w:r><w:delText>gone</w:delText></w:r></w:del>"
        )
    )
    paragraph._p.append(
        parse_xml(f'<w:ins xmlns:w="{W}" w:id="2" w:author="a"><w:r><w:t>added</w:t></w:r></w:ins>')
    )
    assert [b.text for b in read(saved(document)).body] == ["Kept added"]


def test_read_document_dispatches_docx_by_suffix() -> None:
    assert read_document(essay(), "essay.DOCX").entries[0].key == "harris2016"


@pytest.mark.parametrize(
    "data",
    [
        b"plain text, not a zip",
        b"PK\x03\x04broken",
        b"",
    ],
)
def test_not_a_word_document_is_one_error(data: bytes) -> None:
    with pytest.raises(BibError, match=r"^essay\.docx: is not a Word document"):
        read(data)


def test_a_zip_without_a_document_is_not_a_word_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(BibError, match="is not a Word document"):
        read(buffer.getvalue())


def test_plain_text_reading_does_not_import_python_docx() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from bib.document import read_document; "
        "read_document(b'Title\\n\\nBody (Harris 2016).\\n', 'e.md'); "
        "print('docx' in sys.modules, 'lxml' in sys.modules, 'bibtexparser' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False", "False"]


def test_pandoc_citations_typed_in_word_are_found() -> None:
    document = docx.Document()
    document.add_paragraph("An essay")
    document.add_paragraph("Fear shaped policy [@harris2016, p. 45] and [@nobody].")
    parsed = read_document(saved(document), "essay.docx")
    assert [(c.key, c.span.line, c.locator) for c in parsed.keyed_citations] == [
        ("harris2016", 2, "p. 45"),
        ("nobody", 2, ""),
    ]


def test_a_word_document_comes_parsed_from_read_parts() -> None:
    """Its reader parses its own list, so the CLI has nothing to parse ahead of it."""
    from bib.document import complete, read_parts, unparsed

    data = essay()
    parts = read_parts(data, "essay.docx")
    assert parts.entries and unparsed(parts) == ()
    assert complete(parts, data) == read_document(data, "essay.docx")

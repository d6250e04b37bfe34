"""Build examples/essay.docx from examples/essay.md, as a writer's Word file would be.

    .venv/bin/python scripts/example_docx.py [SOURCE.md] [TARGET.docx]

`make run` builds it (it is not committed) and lints it. Headings become Word
headings, *italics* italic runs, Markdown footnotes real Word footnotes, and
"> " block quotations paragraphs in the Quote style.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.text.paragraph import Paragraph

ROOT = Path(__file__).resolve().parents[1]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
MARKER = re.compile(r"\[\^(\w+)\]")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def paragraphs(markdown: str) -> list[str]:
    """Blank-line separated paragraphs, wrapped lines joined, front matter dropped."""
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.DOTALL)
    return [" ".join(p.split("\n")).strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def add_runs(paragraph: Paragraph, text: str, notes: dict[str, int]) -> None:
    """Text with *italics* and [^n] note markers as Word runs and footnote references."""
    for index, piece in enumerate(re.split(r"\*([^*]+)\*", LINK.sub(r"\1", text))):
        italic = index % 2 == 1
        last = 0
        for marker in MARKER.finditer(piece):
            paragraph.add_run(piece[last : marker.start()]).italic = italic
            note_id = notes.setdefault(marker.group(1), len(notes) + 1)
            run = paragraph.add_run()
            run._r.append(parse_xml(f'<w:footnoteReference xmlns:w="{W}" w:id="{note_id}"/>'))
            last = marker.end()
        paragraph.add_run(piece[last:]).italic = italic


def add_footnotes(document: WordDocument, texts: dict[int, str]) -> None:
    """The footnotes part, which python-docx cannot write, as XML."""
    body = [
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    ]
    for note_id, text in sorted(texts.items()):
        runs = ['<w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>']
        for index, piece in enumerate(re.split(r"\*([^*]+)\*", text)):
            italic = "<w:rPr><w:i/></w:rPr>" if index % 2 else ""
            runs.append(f'<w:r>{italic}<w:t xml:space="preserve">{escape(piece)}</w:t></w:r>')
        body.append(f'<w:footnote w:id="{note_id}"><w:p>{"".join(runs)}</w:p></w:footnote>')
    xml = f'<w:footnotes xmlns:w="{W}">{"".join(body)}</w:footnotes>'
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_TYPE, xml.encode(), document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)


def build(markdown: str) -> WordDocument:
    document = docx.Document()
    notes: dict[str, int] = {}
    note_texts: dict[str, str] = {}
    for text in paragraphs(markdown):
        definition = re.match(r"\[\^(\w+)\]:\s*(.*)", text)
        if definition:
            note_texts[definition.group(1)] = definition.group(2)
            continue
        heading = re.match(r"(#+)\s+(.*)", text)
        if heading:
            level = len(heading.group(1))
            document.add_heading(heading.group(2), level=0 if level == 1 else level - 1)
        elif text.startswith(">"):
            add_runs(
                document.add_paragraph(style="Quote"), re.sub(r"\s*>\s?", " ", text)[1:], notes
            )
        else:
            add_runs(document.add_paragraph(), text, notes)
    add_footnotes(document, {notes[label]: note_texts.get(label, "") for label in notes})
    return document


def main(argv: list[str]) -> None:
    source = Path(argv[0]) if argv else ROOT / "examples" / "essay.md"
    target = Path(argv[1]) if len(argv) > 1 else source.with_suffix(".docx")
    build(source.read_text(encoding="utf-8")).save(str(target))
    print(f"wrote {target}")


if __name__ == "__main__":
    main(sys.argv[1:])

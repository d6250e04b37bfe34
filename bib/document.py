"""From the bytes of a file to a Document with parsed, keyed entries.

Pure: the caller reads the file; nothing here touches the filesystem.

The file's suffix chooses the reader: ``.docx`` (``bib.docx``), ``.bib``
(``bib.bibfile``), ``.tex``/``.latex`` (``bib.latex``), Markdown, and plain text for
anything else. In Markdown and Word documents Pandoc's citations by key are found
too (``bib.pandoc``); a LaTeX reader finds its own.
Each reader is imported only when its suffix comes, so that a plain-text essay
loads none of them.

A separate bibliography (``--bibliography refs.bib``) adds its entries after those
of the essay's own list, keeping their .bib keys and .bib lines; the order of a
.bib means nothing, so ``bibliography-order`` is switched off for the document.
"""

from __future__ import annotations

from collections.abc import Callable

from bib.keys import assign_keys
from bib.layout import find_parts
from bib.model import Block, Document, Entry, Reference, Suppression
from bib.repeats import with_repeated_names
from bib.suppress import find_suppressions
from bib.text import decode

Parse = Callable[[str], Reference]

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
LATEX_SUFFIXES = (".tex", ".latex", ".ltx")


def is_markdown(path: str) -> bool:
    return path.lower().endswith(MARKDOWN_SUFFIXES)


def read_document(
    data: bytes,
    path: str,
    bibliography: bytes | None = None,
    bibliography_path: str = "",
    parse: Parse | None = None,
) -> Document:
    """Decode, find the parts, and parse every reference of the list.

    ``bibliography`` is the bytes of a .bib whose entries the essay cites by key;
    ``bibliography_path`` names it in messages. ``parse`` parses one reference of a
    plain-text or Markdown essay (by default ``bib.parser.parse_reference``; the CLI
    passes one that remembers earlier runs' answers).
    """
    return complete(read_parts(data, path), data, bibliography, bibliography_path, parse)


def read_parts(data: bytes, path: str) -> Document:
    """``read_document`` up to the parsing of the list: a plain-text or Markdown essay's
    parts, with its ``references`` but no ``entries`` yet. Other formats come whole.

    Between the two steps a caller may do what needs only the body (the CLI finds its
    citations while another process parses the references).
    """
    lower = path.lower()
    if lower.endswith(".docx"):
        from bib.docx import read_docx

        return read_docx(data, path)
    if lower.endswith(".bib"):
        from bib.bibfile import read_bib

        return read_bib(data, path)
    if lower.endswith(LATEX_SUFFIXES):
        from bib.latex import read_latex

        return read_latex(data, path)
    decoded = decode(data, name=path)
    document = find_parts(decoded.text, path, markdown=is_markdown(path))
    return document._replace(
        warnings=(*decoded.warnings, *document.warnings),
        suppressions=find_suppressions(decoded.text),
    )


def complete(
    parts: Document,
    data: bytes,
    bibliography: bytes | None = None,
    bibliography_path: str = "",
    parse: Parse | None = None,
) -> Document:
    """The rest of ``read_document`` after ``read_parts(data, parts.path)``: the list's
    references parsed and keyed, a separate bibliography's entries, Pandoc citations."""
    document = _with_entries(parts, parse) if unparsed(parts) else parts
    lower = parts.path.lower()
    if bibliography is not None:
        document = _with_bibliography(document, bibliography, bibliography_path or "bibliography")
    pandoc = is_markdown(lower) and (b"@" in data or bibliography is not None)
    if pandoc or lower.endswith(".docx"):
        from bib.pandoc import with_citations

        document = with_citations(document, narrative=True if bibliography else None)
    return document


def unparsed(parts: Document) -> tuple[str, ...]:
    """The texts of the references that ``complete`` will parse (the readers of the
    other formats parse their own)."""
    if parts.path.lower().endswith((".docx", ".bib", *LATEX_SUFFIXES)):
        return ()
    return tuple(block.text for block in parts.references)


def _with_entries(document: Document, parse: Parse | None) -> Document:
    if parse is None:
        from bib.parser import parse_reference

        parse = parse_reference
    entries = with_repeated_names(
        [
            Entry(raw=block.text, span=block.span, reference=parse(block.text))
            for block in document.references
        ]
    )
    return document._replace(entries=assign_keys(entries))


def _with_bibliography(document: Document, data: bytes, path: str) -> Document:
    from bib.bibfile import read_entries

    decoded = decode(data, name=path)
    entries, warnings = read_entries(decoded.text, path)
    blocks = tuple(Block(entry.raw, entry.span, entry.raw) for entry in entries)
    return document._replace(
        references=(*document.references, *blocks),
        entries=(*document.entries, *entries),
        warnings=(
            *document.warnings,
            *(f"{path}: {w}" for w in (*decoded.warnings, *warnings)),
        ),
        suppressions=(*document.suppressions, Suppression(0, ("bibliography-order",))),
    )

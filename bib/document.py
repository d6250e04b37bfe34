"""From the bytes of a file to a Document with parsed, keyed entries.

Pure: the caller reads the file; nothing here touches the filesystem.
"""

from __future__ import annotations

from dataclasses import replace

from bib.keys import assign_keys
from bib.layout import find_parts
from bib.model import Document, Entry
from bib.parser import parse_reference
from bib.suppress import find_suppressions
from bib.text import decode

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")


def is_markdown(path: str) -> bool:
    return path.lower().endswith(MARKDOWN_SUFFIXES)


def read_document(data: bytes, path: str) -> Document:
    """Decode, find the parts, and parse every reference of the list."""
    decoded = decode(data, name=path)
    document = find_parts(decoded.text, path, markdown=is_markdown(path))
    entries = tuple(
        Entry(raw=block.text, span=block.span, reference=parse_reference(block.text))
        for block in document.references
    )
    return replace(
        document,
        entries=assign_keys(entries),
        warnings=(*decoded.warnings, *document.warnings),
        suppressions=find_suppressions(decoded.text),
    )

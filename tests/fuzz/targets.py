"""What the fuzzer feeds and what the corpus replay test checks: the same two functions.

``read_any`` takes the bytes of a file through every reader (plain text, Markdown,
LaTeX, .bib, and Word when the bytes are a zip), then the rules and both exporters:
the only exception allowed is ``BibError`` from reading, a message about the input.
``parse_any`` decodes the bytes as UTF-8, keeping invalid bytes as lone surrogates,
and parses the text as one reference: that may raise nothing at all.
"""

from __future__ import annotations

from bib.document import read_document
from bib.errors import BibError
from bib.parser import parse_reference

TEXT_SUFFIXES = (".txt", ".md", ".tex", ".bib")


def read_any(data: bytes) -> int:
    """Read ``data`` as each kind of file; the number of entries found, for the fuzzer."""
    from bib.bibtex import to_bibtex
    from bib.csl import to_csl_json
    from checks.rules import Settings, run_checks

    suffixes = (*TEXT_SUFFIXES, ".docx") if data.startswith(b"PK") else TEXT_SUFFIXES
    found = 0
    for suffix in suffixes:
        try:
            document = read_document(data, f"fuzz{suffix}")
        except BibError:
            continue
        run_checks(document, Settings())
        to_bibtex(document.entries)
        to_bibtex(document.entries, ascii=True)
        to_csl_json(document.entries)
        found += len(document.entries)
    return found


def parse_any(data: bytes) -> None:
    parse_reference(data.decode("utf-8", errors="surrogateescape"))

from __future__ import annotations

import pytest

from bib.document import read_document
from checks.parsing import unparsed_reference
from checks.settings import Settings

ESSAY = """# Irony

Booth (1961) reads Austen closely.

## Works Cited

Austen, Jane. *Emma*. 1815. Edited by Fiona Stafford, Penguin, 2003.

{line}

Booth, Wayne C. *The Rhetoric of Fiction*. U of Chicago P, 1961.
"""


@pytest.mark.parametrize(
    ("line", "unparsed"),
    [
        ("---", []),  # a thematic break between the list and what follows it
        ("* * *", []),
        ("I found this one on a website but forgot where it was, sorry.", [9]),
    ],
)
def test_a_break_in_the_page_is_no_unreadable_reference(line: str, unparsed: list[int]) -> None:
    document = read_document(ESSAY.format(line=line).encode(), "essay.md")
    assert [h.span.line for h in unparsed_reference(document, Settings())] == unparsed

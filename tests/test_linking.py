from __future__ import annotations

import pytest

from bib.document import read_document
from bib.linking import acronym, index_entries, link
from checks.citing import citing


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("International Organization for Migration", "IOM"),
        ("World Health Organization", "WHO"),
        ("Human Rights Watch", "HRW"),
        # a person, or a one-word name, goes by no initials
        ("J. L. Black", ""),
        ("Madeleine Reeves", "MR"),
        ("Verso", ""),
        ("Studies in the history of migration", ""),
    ],
)
def test_acronym(name: str, expected: str) -> None:
    assert acronym(name) == expected


ESSAY = """# Migration

Bans rose after 2015 (IOM, 2019), and wages fell (ILO, 2010).

## References

International Organization for Migration. (2019). *Tajikistan: Migration country profile*. IOM.
"""


def test_an_organisation_is_cited_by_its_initials() -> None:
    document = read_document(ESSAY.encode(), "essay.md")
    found = {c.family: entries for c, entries, _ in citing(document).links}
    assert found["IOM"] == (0,)
    assert found["ILO"] == ()
    assert link([], index_entries(document.entries)) == ()

"""A dash that repeats the previous entry's author (MLA "---.", Chicago "———.")."""

from __future__ import annotations

import pytest

from bib.model import Entry, EntryType, Name, Reference, Span
from bib.repeats import named_by_dash, repeats_previous, with_repeated_names

SHELLEY = (Name("Shelley", "Mary"),)
PALEY = (Name("Paley", "Morton D."),)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("---. *The Last Man*. 1826. Oxford UP, 1994.", True),
        ("———. *The Last Man*. Oxford: Oxford University Press, 1994.", True),
        ("——— (1994) *The Last Man*. Oxford: Oxford University Press.", True),
        ("---, editor. *The Last Man*. Oxford UP, 1994.", True),
        ("___. *The Last Man*. Oxford UP, 1994.", True),
        ("Shelley, Mary. *The Last Man*. Oxford UP, 1994.", False),
        ("- a bullet, not a dash standing for a name", False),
        ("--- and then words run on", True),
    ],
)
def test_repeats_previous(raw: str, expected: bool) -> None:
    assert repeats_previous(raw) is expected


@pytest.mark.parametrize(
    ("segments", "title", "parsed_authors", "authors", "editors", "expected_segments", "title_now"),
    [
        # MLA: the dash read as the start of the title; the edition's editor stays
        (
            (("title", "---. *The Last Man*. 1826."), ("editor", "Edited by Morton D. Paley,")),
            "---. The Last Man. 1826",
            (),
            SHELLEY,
            PALEY,
            (
                ("author", "---."),
                ("title", "*The Last Man*. 1826."),
                ("editor", "Edited by Morton D. Paley,"),
            ),
            "The Last Man. 1826",
        ),
        # the dash and the title read as an author's name
        (
            (("author", '---. "Female Gothic."'), ("container", "*NYRB*,")),
            "",
            (Name('"Female Gothic. "'),),
            SHELLEY,
            (),
            (("author", "---."), ("title", '"Female Gothic."'), ("container", "*NYRB*,")),
            "Female Gothic",
        ),
        # Chicago author-date: the dash read as part of the date
        (
            (("date", "———. 1994."), ("title", "*The Last Man*.")),
            "The Last Man",
            (),
            SHELLEY,
            (),
            (("author", "———."), ("date", "1994."), ("title", "*The Last Man*.")),
            "The Last Man",
        ),
    ],
)
def test_the_dash_stands_for_the_previous_names(
    segments: tuple[tuple[str, str], ...],
    title: str,
    parsed_authors: tuple[Name, ...],
    authors: tuple[Name, ...],
    editors: tuple[Name, ...],
    expected_segments: tuple[tuple[str, str], ...],
    title_now: str,
) -> None:
    parsed = Reference(
        EntryType.BOOK,
        authors=parsed_authors,
        editors=PALEY if editors else (),
        title=title,
        segments=segments,
    )
    named = named_by_dash(parsed, SHELLEY)
    assert (named.authors, named.editors) == (authors, editors)
    assert named.segments == expected_segments
    assert named.title == title_now


def test_a_dash_before_editor_repeats_the_names_as_editors() -> None:
    parsed = Reference(
        EntryType.BOOK,
        title="Britain and Suez",
        segments=(("editor", "———, ed."), ("title", "*Britain and Suez*.")),
    )
    named = named_by_dash(parsed, SHELLEY)
    assert (named.authors, named.editors) == ((), SHELLEY)
    assert named.segments[0] == ("editor", "———, ed.")


def test_each_dash_repeats_the_names_above_it_and_the_first_entry_has_none() -> None:
    def entry(raw: str, ref: Reference) -> Entry:
        return Entry(raw, Span(1), ref)

    dash = Reference(EntryType.BOOK, title="---. Two", segments=(("title", "---. *Two*."),))
    entries = (
        entry("---. *Zero*.", Reference(EntryType.BOOK, segments=(("title", "---. *Zero*."),))),
        entry("Shelley, Mary. *One*.", Reference(EntryType.BOOK, authors=SHELLEY, title="One")),
        entry("---. *Two*.", dash),
        entry("---. *Three*.", dash),
    )
    named = with_repeated_names(entries)
    assert [e.reference.authors for e in named] == [(), SHELLEY, SHELLEY, SHELLEY]
    assert named[0] == entries[0]

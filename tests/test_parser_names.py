"""Name splitting stays linear on hostile input: runs of initials, runs of spaces."""

from __future__ import annotations

import time

import pytest

from bib.model import Name
from bib.parser import parse_reference
from bib.parser.names import parse_names

# The old patterns took ~10 s on 24 initials (doubling with each one) and ~1 s on a
# 2,000-character run of no-break spaces (quadruple for twice the run); both now take
# milliseconds, so a generous bound still tells them apart on a busy machine.
BOUND = 0.5
NBSP = "\u00a0"


def _seconds(function: object, text: str) -> float:
    assert callable(function)
    started = time.perf_counter()
    function(text)
    return time.perf_counter() - started


def test_a_long_run_of_initials_is_linear() -> None:
    assert _seconds(parse_reference, "Smith, " + "A. " * 24 + "!") < BOUND


@pytest.mark.parametrize(
    "text",
    [
        "Smith" + NBSP * 5000 + "Jones",  # _JOINERS
        "Smith, A. and" + NBSP * 5000 + "et al",  # _ET_AL
        "Smith" + NBSP * 5000 + "ed" + NBSP * 5000 + "x",  # _EDITOR_MARK
        "in" + NBSP * 5000,  # _LEAD
        "Smith" + " " * 5000 + ";",
    ],
    ids=["joiners", "et-al", "editor-mark", "lead", "spaces"],
)
def test_a_long_run_of_spaces_is_linear(text: str) -> None:
    assert _seconds(parse_names, text) < BOUND


@pytest.mark.parametrize(
    ("text", "families", "editors", "et_al"),
    [
        ("Smith, J. ; ; Jones, K.", ["Smith", "Jones"], False, False),
        ("Smith, J.\u00a0&\u00a0Jones, K.", ["Smith", "Jones"], False, False),
        ("Smith, J. , et al.", ["Smith"], False, True),
        ("Smith, J. and Jones, K. , eds.", ["Smith", "Jones"], True, False),
        ("Bugnon, A.-L. - B.", ["Bugnon"], False, False),
    ],
)
def test_separators_after_spaces_still_split(
    text: str, families: list[str], editors: bool, et_al: bool
) -> None:
    found = parse_names(text)
    assert [n.family for n in found.names] == families
    assert (found.editors, found.et_al) == (editors, et_al)


def test_hyphenated_initials_are_still_initials() -> None:
    assert parse_names("Bugnon, A. - L.").names == (Name("Bugnon", "A. - L."),)

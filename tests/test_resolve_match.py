"""The matcher: normalising, scoring, and the labelled set's precision and recall."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from bib.catalogs.records import Candidate, Query
from bib.model import EntryType, Name
from bib.resolve.match import ACCEPT_SCORE, MARGIN, Verdict, decide, same_work
from bib.resolve.text import normal, same_title, title_numbers, title_similarity

ROOT = Path(__file__).resolve().parents[1]


def eval_matching() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "eval_matching", ROOT / "scripts/eval_matching.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_matching"] = module
    spec.loader.exec_module(module)
    return module


def test_the_labelled_set_has_no_wrong_match_and_high_recall() -> None:
    module = eval_matching()
    scores = module.evaluate(module.load_cases())
    assert len(scores.outcomes) >= 60
    assert scores.wrong == ()
    assert scores.precision == 1.0
    assert scores.recall >= 0.9


def test_the_labelled_set_holds_each_kind_of_decoy() -> None:
    notes = " ".join(str(c.get("note", "")) for c in eval_matching().load_cases())
    for kind in ("another author", "same author, another book", "review of the book", "series"):
        assert kind in notes


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Stalin in Power : The Revolution from Above 1928––1941",
            "Stalin in power: the revolution from above, 1928-1941",
        ),
        ("Stalin’s Spy", "Stalin's spy"),
        ("Trotsky in Exile: The Founding", "TROTSKY IN EXILE — THE FOUNDING"),
        ("Écrits", "Ecrits"),
        ("War & Peace", "War and Peace"),
    ],
)
def test_titles_equal_after_normalising(a: str, b: str) -> None:
    assert normal(a) == normal(b)


def test_a_missing_subtitle_is_forgiven_but_a_different_one_is_not() -> None:
    assert same_title("Let History Judge", "Let history judge: the origins and consequences")
    assert title_similarity("Let History Judge", "Let history judge: the origins") > 0.95
    reassessment = title_similarity(
        "The Great Terror: A Reassessment", "The great terror: Stalin's purge of the thirties"
    )
    assert reassessment < 0.8


def test_numbers_in_titles_are_read_as_years_and_ranges() -> None:
    assert title_numbers("Europe 1933–39") == title_numbers("Europe, 1933-1939")
    assert title_numbers("Writings 1935–36") != title_numbers("Writings 1936–37")


def book(title: str, author: str, year: str, **fields: object) -> Candidate:
    return Candidate(
        "openlibrary",
        fields.pop("id", f"/works/{title[:5]}"),  # type: ignore[arg-type]
        EntryType.BOOK,
        title,
        authors=(Name(author),),
        year=year,
        **fields,  # type: ignore[arg-type]
    )


ROGOVIN = Query(EntryType.BOOK, "1937: Stalin’s Year or Terror", ("Rogovin",), "1998")


def test_a_slip_in_the_title_still_matches() -> None:
    decision = decide(ROGOVIN, [book("1937: Stalin's Year of Terror", "Rogovin", "1998")])
    assert decision.verdict is Verdict.ACCEPTED


def test_the_top_hit_is_not_accepted_on_its_own() -> None:
    # The catalog's favourite is the same author's other book: never accept it.
    other = book("Stalin's Terror of 1937-1938: Political Genocide in the USSR", "Rogovin", "1998")
    assert decide(ROGOVIN, [other]).verdict is not Verdict.ACCEPTED


def test_a_review_of_the_book_is_not_the_book() -> None:
    review = Candidate(
        "crossref",
        "10.5555/review",
        EntryType.ARTICLE,
        "1937: Stalin's Year of Terror",
        authors=(Name("Ferrante"),),
        year="1999",
        container="Slavic Review",
        raw_type="journal-article",
    )
    decision = decide(ROGOVIN, [review])
    assert decision.verdict is not Verdict.ACCEPTED
    assert "journal-article is not a book" in decision.reason


def test_two_rival_works_alike_leave_the_match_uncertain() -> None:
    first = book("1937: Stalin's Year of Terror", "Rogovin", "1998", id="a")
    second = book("1937: Stalin's Year or Terror", "Rogovin", "1998", id="b", doi="")
    # one title by one author: two records of the same work, which do not compete
    assert same_work(first, second)
    assert decide(ROGOVIN, [first, second]).verdict is Verdict.ACCEPTED


def test_a_transliterated_author_matches() -> None:
    query = Query(EntryType.BOOK, "The History of the Gulag", ("Khlevniuk",), "2004")
    assert decide(query, [book("The history of the Gulag", "Khlevnyuk", "2004")]).verdict is (
        Verdict.ACCEPTED
    )


def test_title_and_author_alone_are_not_enough() -> None:
    query = Query(EntryType.BOOK, "Stalin", ("Deutscher",), "1974")
    assert decide(query, [book("Stalin", "Deutscher", "1949")]).verdict is not Verdict.ACCEPTED


def test_thresholds_are_documented_values() -> None:
    assert (ACCEPT_SCORE, MARGIN) == (0.80, 0.10)

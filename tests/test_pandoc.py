"""Pandoc citations by key in Markdown: the forms, the locators, what is not a citation."""

from __future__ import annotations

import pytest

from bib.document import read_document
from bib.model import Block, KeyedCitation, Span
from bib.pandoc import bibliography_names, find_citations, locator_of
from checks.quotes import has_locator, keyed_locator
from checks.rules import Settings, run_checks


def cited(text: str, *, narrative: bool | None = None) -> list[tuple[str, str]]:
    block = Block(text, Span(1), text)
    return [(c.key, c.locator) for c in find_citations([block], narrative=narrative)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fear [@harris2016].", [("harris2016", "")]),
        ("Fear [@harris2016, p. 33].", [("harris2016", "p. 33")]),
        ("Fear [@harris2016, 33].", [("harris2016", "33")]),
        (
            "[see @harris2016, pp. 33-35; @getty1999]",
            [("harris2016", "pp. 33-35"), ("getty1999", "")],
        ),
        ("Harris says [-@harris2016, p. 4].", [("harris2016", "p. 4")]),
        ("[@harris2016, chap. 3]", [("harris2016", "chap. 3")]),
        ("[@harris2016, and passim]", [("harris2016", "")]),
        ("[@harris2016, {iv}]", [("harris2016", "{iv}")]),
        ("[@smith:2016.a]", [("smith:2016.a", "")]),
        ("[@{odd key}, 12]", [("odd key", "12")]),
        ("[@a] and @b [p. 3] then @c.", [("a", ""), ("b", "p. 3"), ("c", "")]),
    ],
)
def test_citation_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert cited(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Write to jane@example.org [@a].",
        "See medium.com/@jane and [@a].",
        "A link [see @jane](https://x.org) and [@a].",
        "A footnote[^1] and [@a].",
        "Not a key: [@] and [@a].",
        "Escaped \\@jane and [@a].",
    ],
)
def test_not_citations(text: str) -> None:
    assert cited(text) == [("a", "")]


def test_a_bracket_with_a_part_that_does_not_cite_is_no_citation() -> None:
    assert cited("[see jane@example.org; @a]") == []


def test_narrative_citations_need_a_bracketed_one_or_a_bibliography() -> None:
    assert cited("Follow @jane on Twitter.") == []
    assert cited("Follow @jane on Twitter.", narrative=True) == [("jane", "")]


def test_spans_point_at_the_key_in_the_file() -> None:
    block = Block("Title line\nsecond [see @harris2016, p. 3].", Span(5, 3), "")
    (citation,) = find_citations([block])
    assert citation == KeyedCitation("harris2016", Span(6, 13, 6, 23), "p. 3")


def test_code_spans_hide_citations() -> None:
    document = read_document(b"Title\n\nUse `[@code]` but cite [@real].\n", "e.md")
    assert [c.key for c in document.keyed_citations] == ["real"]


def test_footnotes_are_searched() -> None:
    text = b"Title\n\nA claim.[^1]\n\n[^1]: See [@harris2016, p. 4].\n"
    document = read_document(text, "e.md")
    assert [(c.key, c.span.line) for c in document.keyed_citations] == [("harris2016", 5)]


def test_plain_text_essays_are_not_searched() -> None:
    assert read_document(b"Title\n\nA claim [@harris2016].\n", "e.txt").keyed_citations == ()


@pytest.mark.parametrize(
    ("suffix", "locator"),
    [
        (", p. 33", "p. 33"),
        (" pp. 3-5", "pp. 3-5"),
        (", 33", "33"),
        (", xii", "xii"),
        (", sec. 2", "sec. 2"),
        (", emphasis added", ""),
        ("", ""),
    ],
)
def test_locator_of(suffix: str, locator: str) -> None:
    assert locator_of(suffix) == locator


@pytest.mark.parametrize(
    ("front_matter", "names"),
    [
        ("---\nbibliography: refs.bib\n---\n", ("refs.bib",)),
        ("---\ntitle: x\nbibliography: [a.bib, 'b.bib']\n---\n", ("a.bib", "b.bib")),
        ('---\nbibliography:\n  - a.bib\n  - "b.bib"\nlang: en\n---\n', ("a.bib", "b.bib")),
        ("---\ntitle: x\n---\n", ()),
        ("bibliography: refs.bib\n", ()),
    ],
)
def test_bibliography_names(front_matter: str, names: tuple[str, ...]) -> None:
    assert bibliography_names(front_matter + "\nText.\n") == names


# What quote-without-page makes of the citations.


@pytest.mark.parametrize(
    ("after", "located"),
    [
        (" [@harris2016, p. 33].", True),
        (" [see @harris2016, 33].", True),
        (" [@harris2016].", False),
        (" [@harris-2016].", False),  # the key's digits are no page
        (" [@harris2016a].", False),
        (" says @harris2016 [p. 45].", True),
    ],
)
def test_pandoc_locators_after_a_quotation(after: str, located: bool) -> None:
    assert has_locator(after) is located


def test_a_narrative_citation_with_its_page_before_a_quotation() -> None:
    assert keyed_locator("As @harris2016 [p. 45] argues, ")
    assert not keyed_locator("As @harris2016 argues, ")


@pytest.mark.parametrize(
    ("citation", "findings"),
    [("[@harris2016, p. 45]", 0), ("[@harris2016]", 1), ("[see @harris2016, 45]", 0)],
)
def test_quote_without_page_reads_pandoc_citations(citation: str, findings: int) -> None:
    essay = (
        "Encirclement\n\nHarris argues that ‘a showdown between a coalition of capitalist powers"
        f" and the Soviet Union was likely’ {citation}.\n"
    )
    document = read_document(essay.encode(), "e.md")
    assert len(run_checks(document, Settings(select=("quote-without-page",)))) == findings


def test_a_sentence_ending_quotation_then_a_bare_key_has_no_locator() -> None:
    essay = "Title\n\nHe wrote that ‘the enemy was everywhere in the land.’ [@harris2016]\n"
    document = read_document(essay.encode(), "e.md")
    assert len(run_checks(document, Settings(select=("quote-without-page",)))) == 1

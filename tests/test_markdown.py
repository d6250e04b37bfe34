"""Masking Markdown: markup becomes spaces, prose stays in its columns."""

from __future__ import annotations

import doctest
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bib.markdown
from bib.markdown import (
    code_lines,
    footnote_label,
    front_matter_end,
    front_matter_title,
    heading,
    mask,
    setext_level,
)


def test_docstring_examples_pass() -> None:
    result = doctest.testmod(bib.markdown)
    assert result.attempted > 0
    assert result.failed == 0


@pytest.mark.parametrize(
    ("markdown", "masked"),
    [
        ("# Title", "  Title"),
        ("## Closed heading ##", "   Closed heading   "),
        ("#hashtag is prose", "#hashtag is prose"),
        ("An *italic* and _italic_ title", "An  italic  and  italic  title"),
        ("A **bold** and __bold__ word", "A   bold   and   bold   word"),
        ("snake_case_name stays", "snake_case_name stays"),
        ("5 * 3 * 2 is arithmetic", "5 * 3 * 2 is arithmetic"),
        ("an \\*escaped\\* star", "an  *escaped * star"),
        ("*Title over\ntwo lines*", " Title over\ntwo lines "),
        ("*not\n\nemphasis*", "*not\n\nemphasis*"),
        ("see [the book](https://example.org/b) here", "see  the book" + " " * 24 + " here"),
        ("a [reference link][id] here", "a  reference link      here"),
        ("[id]: https://example.org", "                         "),
        ("![a map](map.png) under", "                  under"),
        ("<https://example.org>", " https://example.org "),
        ("<!-- hidden -->visible", "               visible"),
        ("<!-- two\nlines -->x", "        \n         x"),
        ("<!-- never closed", "<!-- never closed"),
        ("{% include x.html %} and {{ page.title }}", "                     and                 "),
        ("A paragraph.\n{: .lead}", "A paragraph.\n         "),
        ("Text{: .class} end", "Text           end"),
        ("a <sup>2</sup> b", "a      2       b"),
        ("Cite[^3] here.", "Cite     here."),
        ("[^3]: A note.", "      A note."),
        ("- item", "  item"),
        ("  * nested item", "    nested item"),
        ("12. item", "    item"),
        ("> quoted *words*", "  quoted  words "),
        ("> > - deep", "      deep"),
        ("Title\n=====", "Title\n     "),
        ("---", "   "),
        ("* * *", "     "),
        ("use `a*b*c` here", "use         here"),
        ("```\ncode *x*\n```\nafter", "   \n        \n   \nafter"),
        ("---\ntitle: T\n---\n# T", "   \n        \n   \n  T"),
    ],
)
def test_mask_blanks_markup_and_keeps_columns(markdown: str, masked: str) -> None:
    assert mask(markdown) == masked


@given(st.text(alphabet=st.sampled_from(list("ab *_#>-[]()<!{}%`\\^:\n\t1.é“")), max_size=200))
def test_mask_keeps_every_line_and_column(text: str) -> None:
    masked = mask(text)
    assert [len(line) for line in masked.split("\n")] == [len(line) for line in text.split("\n")]
    # Masking only ever turns characters into spaces.
    assert all(m == c or m == " " for m, c in zip(masked, text, strict=True))


@pytest.mark.parametrize(
    "text",
    [
        "*a" * 200_000,
        "_a " * 200_000,
        "**" + "a " * 200_000,
        "<!--" * 100_000,
        "{%" * 100_000,
        "[a](" * 100_000,
        "<a " * 100_000,
        "\n".join(["> - # x *y"] * 50_000),
    ],
    ids=["stars", "underscores", "open-strong", "comments", "liquid", "links", "tags", "lines"],
)
def test_mask_is_linear_on_pathological_input(text: str) -> None:
    start = time.perf_counter()
    assert len(mask(text)) == len(text)
    assert time.perf_counter() - start < 2.0


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("# Title", (1, 2, 7)),
        ("### Works Cited ###", (3, 4, 15)),
        ("   ## Indented", (2, 6, 14)),
        ("**References**", (6, 2, 12)),
        ("__Sources__:", (6, 2, 9)),
        ("#hashtag", None),
        ("    # code, not a heading", None),
        ("**Bold** then prose", None),
        ("Plain line", None),
    ],
)
def test_heading(line: str, found: tuple[int, int, int] | None) -> None:
    assert heading(line) == found


@pytest.mark.parametrize(
    ("line", "level"), [("=====", 1), ("---", 2), ("  -- ", 2), ("= =", 0), ("text", 0)]
)
def test_setext_level(line: str, level: int) -> None:
    assert setext_level(line) == level


@pytest.mark.parametrize(
    ("line", "label"),
    [("[^1]: Note.", "1"), ("[^long-name]: x", "long-name"), ("[1]: url", None), ("x[^1]:", None)],
)
def test_footnote_label(line: str, label: str | None) -> None:
    assert footnote_label(line) == label


def test_front_matter() -> None:
    lines = ["---", "layout: post", 'title: "Salt Roads"', "---", "", "Body"]
    assert front_matter_end(lines) == 4
    assert front_matter_title(lines, 4) == (2, 8, "Salt Roads")


@pytest.mark.parametrize(
    "lines",
    [["---", "Just a rule above prose"], ["---", "key: value", "never closed"], ["Body", "---"]],
)
def test_no_front_matter(lines: list[str]) -> None:
    assert front_matter_end(lines) == 0


def test_code_lines_include_fences_and_stop_at_the_matching_fence() -> None:
    lines = ["a", "````md", "```", "inside", "````", "b", "~~~", "open to the end"]
    assert code_lines(lines) == {1, 2, 3, 4, 6, 7}

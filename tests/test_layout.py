"""Finding the parts of an essay: title, body, notes, reference list, trailer.

Whole-document cases are golden files: ``tests/data/layout/NAME.md`` (or ``.txt``)
beside ``NAME.expected``, one line per part. After a deliberate change, rewrite
them with ``BIB_UPDATE_GOLDEN=1 pytest tests/test_layout.py`` and review the diff.
"""

from __future__ import annotations

import doctest
import os
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bib.layout
from bib.layout import find_parts, looks_like_reference, reference_score
from bib.model import Block, Document
from bib.text import decode

DATA = Path(__file__).parent / "data" / "layout"
CASES = sorted(p for p in DATA.iterdir() if p.suffix in (".md", ".txt"))
REGENERATE = os.environ.get("BIB_UPDATE_GOLDEN") == "1"


def test_docstring_examples_pass() -> None:
    result = doctest.testmod(bib.layout)
    assert result.attempted > 0
    assert result.failed == 0


def describe(document: Document) -> str:
    """One line per part: its kind, its span, and its text (body and trailer cut short)."""

    def line(kind: str, block: Block, full: bool = True) -> str:
        s = block.span
        text = block.text if full else block.text[:40]
        return f"{kind:<9} {s.line}:{s.column}-{s.end_line}:{s.end_column} {text!r}"

    rows = [line("title", document.title)] if document.title else []
    rows += [line("body", block, full=False) for block in document.body]
    rows += [line("note", block) for block in document.notes]
    rows += [line("heading", document.heading)] if document.heading else []
    rows += [line("reference", block) for block in document.references]
    rows += [line("trailer", block, full=False) for block in document.trailer]
    rows += [f"warning   {warning}" for warning in document.warnings]
    return "\n".join(rows) + "\n"


@pytest.mark.parametrize("case", CASES, ids=[p.name for p in CASES])
def test_golden(case: Path) -> None:
    document = find_parts(case.read_text(encoding="utf-8"), case.name, case.suffix == ".md")
    expected = case.with_suffix(".expected")
    if REGENERATE:
        expected.write_text(describe(document), encoding="utf-8")
    assert describe(document) == expected.read_text(encoding="utf-8")


# -- the seed essay ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed(seed_essay: Path) -> tuple[list[str], Document]:
    text = decode(seed_essay.read_bytes()).text
    return text.split("\n"), find_parts(text, str(seed_essay), markdown=False)


def test_seed_has_thirty_references_at_their_lines(seed: tuple[list[str], Document]) -> None:
    lines, document = seed
    references = document.references
    assert len(references) == 30
    assert references[0].text.startswith("Carley, M. J. 1939:")
    assert references[-1].text.startswith("Yergin, D. Shattered Peace")
    assert document.heading is None
    for block in references:
        assert block.span.column == 1
        assert block.span.end_line == block.span.line
        assert lines[block.span.line - 1] == block.text
        assert block.span.end_column == len(block.text)


def test_seed_blog_comment_is_trailer(seed: tuple[list[str], Document]) -> None:
    lines, document = seed
    last_reference = document.references[-1].span.end_line
    comment = next(i for i, line in enumerate(lines, 1) if line.startswith("One thought on"))
    assert document.trailer[0].span.line == comment
    assert all(block.span.line > last_reference for block in document.trailer)
    # The comment recommends books in a bullet list; they are not the essay's references.
    trailer_text = "\n".join(block.text for block in document.trailer)
    assert "Kruschev lied (2011)" in trailer_text
    assert "Leave a Reply" in trailer_text
    assert not any("Kruschev" in block.text for block in (*document.references, *document.body))


def test_seed_title_and_body(seed: tuple[list[str], Document]) -> None:
    lines, document = seed
    assert document.title is not None
    assert document.title.span.line == 1
    assert document.title.text == lines[0]
    assert document.body[0].span.line == 3
    assert document.body[-1].span.end_line < document.references[0].span.line
    assert document.notes == ()
    assert document.warnings == ()


def test_seed_takes_a_few_milliseconds(seed_essay: Path) -> None:
    text = decode(seed_essay.read_bytes()).text
    find_parts(text, "seed", markdown=False)  # warm up
    start = time.perf_counter()
    find_parts(text, "seed", markdown=False)
    assert time.perf_counter() - start < 0.05


# -- line ends, encodings ----------------------------------------------------------------------


@pytest.mark.parametrize("line_end", [b"\r\n", b"\r"], ids=["crlf", "cr"])
def test_line_numbers_are_the_same_whatever_the_line_ends(line_end: bytes) -> None:
    case = DATA / "numbered-credit-share.txt"
    data = case.read_bytes()
    expected = find_parts(decode(data).text, "x", markdown=False)
    document = find_parts(decode(data.replace(b"\n", line_end)).text, "x", markdown=False)
    assert document == expected


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be"])
def test_encodings_give_the_same_parts(encoding: str) -> None:
    case = DATA / "front-matter-footnotes.md"
    text = case.read_text(encoding="utf-8")
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    assert find_parts(decode(data).text, "x", True) == find_parts(text, "x", True)


# -- odd documents -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Just a title",
        "References",
        "References\n\nSmith, J. (2001) A Book. London: Verso.\n",
        "Smith, J. (2001) A Book. London: Verso.\nJones, K. (1999) B. Oxford: OUP.\n",
        "\n\n\n",
        "# \n\n**\n\n[^1]:\n",
        "---\ntitle:\n---\n",
    ],
)
@pytest.mark.parametrize("markdown", [False, True])
def test_odd_documents_do_not_crash(text: str, markdown: bool) -> None:
    document = find_parts(text, "odd", markdown)
    assert document.path == "odd"
    assert document.entries == ()


def test_a_document_that_is_only_a_list() -> None:
    text = (
        "References\n\nSmith, J. (2001) A Book. London: Verso.\nJones, K. (1999) B. Oxford: OUP.\n"
    )
    document = find_parts(text, "x", markdown=False)
    assert document.title is None
    assert document.heading is not None
    assert [b.span.line for b in document.references] == [3, 4]


def test_a_references_heading_over_prose_is_not_a_list() -> None:
    text = (
        "Title\n\nSources\n\nThe sources for this period are thin, and most of what we know comes "
        "from a few letters that were kept by the family and later given to the county archive.\n"
    )
    document = find_parts(text, "x", markdown=False)
    assert document.references == ()
    assert document.warnings == ("no references found under the heading on line 3",)
    assert len(document.body) == 2


@given(st.text(alphabet=st.sampled_from(list("Ab. ,:()[]1920#*-\n\t“”")), max_size=300))
def test_parts_are_in_order_and_inside_the_file(text: str) -> None:
    for markdown in (False, True):
        document = find_parts(text, "x", markdown)
        count = len(text.split("\n"))
        blocks = [*document.body, *document.references, *document.trailer]
        for block in blocks:
            assert 1 <= block.span.line <= block.span.end_line <= count
            assert len(block.prose) == len(block.text)
        lines = [block.span.line for block in blocks]
        assert lines == sorted(lines)


@pytest.mark.slow
def test_twenty_megabytes_in_a_couple_of_seconds() -> None:
    paragraph = (
        "Historians have argued about the causes of the war for a century, and this paragraph, "
        "which is ordinary prose, says that they were many; *some* were economic [1] and others "
        "were political, as Smith (2001, 45) and Jones (1999) have shown at length.\n\n"
    )
    references = "".join(
        f"Author{i}, A. B. ({1950 + i}) Title Number {i}. London: Verso.\n" for i in range(30)
    )
    body = paragraph * (20_000_000 // len(paragraph))
    text = f"A Generated Essay\n\n{body}References\n\n{references}\nLeave a Reply\n"
    for markdown in (False, True):
        start = time.perf_counter()
        document = find_parts(text, "big", markdown)
        elapsed = time.perf_counter() - start
        assert len(document.references) == 30
        assert document.references[-1].span.line == text.count("\n") - 2
        assert elapsed < 6.0, f"{elapsed:.1f} s for 20 MB (markdown={markdown})"


# -- what a reference looks like ---------------------------------------------------------------

REFERENCES = [
    # Harvard
    "Ifrah, G. (2000) The Universal History of Numbers. London: Harvill Press.",
    "Harris, J. (2016) The Great Fear. Oxford: Oxford University Press.",
    # APA
    "Jha, A. K., Bloch, R., & Lamond, J. (2012). Cities and flooding. World Bank.",
    "Hallegatte, S. (2013). Future flood losses. Nature Climate Change, 3(9), 802–806.",
    "Smith, J. (2019). Title of the page. Retrieved from https://example.org/page",
    # MLA
    "Wood, Denis. The Power of Maps. Guilford Press, 1992.",
    'Harley, J. B. "Deconstructing the Map." Cartographica, vol. 26, no. 2, 1989, pp. 1-20.',
    "Monmonier, Mark. *How to Lie with Maps*. 2nd ed., University of Chicago Press, 1996.",
    # Chicago
    "Beckert, Sven. Empire of Cotton: A Global History. New York: Knopf, 2014.",
    "Mui, Hoh-cheung. “Smuggling and the Tea Trade.” American Historical Review 74 (1968): 44–73.",
    # Vancouver, IEEE
    "Smith JA, Jones B. Malaria in children. Lancet. 2001;357(9261):1013-9.",
    "R. W. Hamming, “Error detecting and error correcting codes,” Bell Syst. Tech. J., 1950.",
    # the seed's own style
    "Conquest, R. The Great Terror: A Reassessment (London: Pimlico, 1992)",
    "Tucker, R. C. Stalin in Power : The Revolution from Above 1928––1941 (London: W. W. "
    "Norton and Company: 1990)",
    "Gorodetsky G. (ed.), Soviet foreign policy, 1917-1991 : a retrospective (1994)",
    # list markers, Markdown
    "- Kurlansky, M. (2002). *Salt: A World History*. New York: Walker.",
    "[3] T. Standage, The Victorian Internet. New York: Walker, 1998.",
    # an organisation in author-date style: no personal name, the imprint ends it
    "World Health Organization. 2020. *World Malaria Report 2020*. Geneva: WHO.",
    "World Bank. 2019. *World Development Report 2019*. Washington, DC: World Bank.",
]

PROSE = [
    "The purge of the military in June 1937 is a peculiar development of the Terror, and it "
    "has been read in many ways.",
    "As Conquest argued in 1992, the army was weakened; Harris (2016) disagrees with him.",
    "Despite this, Getty underlines that there is in fact ‘no evidence that the accused were "
    "involved in any plot’ (Getty 1999, 450).",
    "I recommend these books by the same author:",
    "Leave a Reply",
    "In conclusion, rivers matter.",
    "Harris, J. argued in 2016 that fear was what drove the leadership, and he was right.",
    "Remember: Nothing lasts.",
    "The WHO was founded in 1948. Its first director, however, was cautious: He said little.",
]


def test_an_organisation_ends_an_author_date_list() -> None:
    """The last entry, headed by an organisation, is the list's and not a trailer's."""
    text = (
        "# Malaria\n\nDeaths fell (Okafor 2018; World Health Organization 2020).\n\n"
        "## References\n\nOkafor, C. 2018. *Nets and Needles*. Ibadan: Spectrum.\n\n"
        "World Health Organization. 2020. *World Malaria Report 2020*. Geneva: WHO.\n"
    )
    parts = find_parts(text, "essay.md", markdown=True)
    assert [b.text[:5] for b in parts.references] == ["Okafo", "World"]
    assert parts.trailer == ()


@pytest.mark.parametrize("text", REFERENCES)
def test_references_look_like_references(text: str) -> None:
    assert looks_like_reference(text), reference_score(text)


@pytest.mark.parametrize("text", PROSE)
def test_prose_does_not_look_like_a_reference(text: str) -> None:
    assert not looks_like_reference(text), reference_score(text)


@pytest.mark.parametrize("rule", ["---", "***", "* * *", "———"])
def test_a_rule_after_the_list_ends_it(rule: str) -> None:
    text = (
        "# Irony\n\nBooth (1961) reads Austen closely, as Miller (2003) does.\n\n"
        "## Works Cited\n\n"
        "Booth, Wayne C. *The Rhetoric of Fiction*. U of Chicago P, 1961.\n\n"
        "Miller, D. A. *Jane Austen, or The Secret of Style*. Princeton UP, 2003.\n\n"
        f"{rule}\n\n**Share this:** [Facebook](#) · [Email](#)\n"
    )
    from bib.document import read_document

    document = read_document(text.encode("utf-8"), "essay.md")
    assert [entry.raw[:6] for entry in document.entries] == ["Booth,", "Miller"]
    assert reference_score(rule) == 0.0

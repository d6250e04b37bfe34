from __future__ import annotations

import pytest

from bib.document import read_document
from checks.citations import (
    ambiguous_citation,
    missing_reference,
    unused_reference,
    year_mismatch,
)
from checks.settings import Settings

LIST = """
## References

Hunt, L. (1984). *Politics, culture, and class in the French Revolution*. Methuen.
Thompson, E. P. (1963). *The making of the English working class*. Gollancz.
"""


@pytest.mark.parametrize(
    ("body", "unused"),
    [
        # a misspelt name still cites the work: name-variant reports the slip, not this rule
        ("Lynn Hunt stands out. Thomson makes a related point about class.", []),
        ("Lynn Hunt stands out. Nobody makes a related point about class.", [8]),
    ],
)
def test_a_misspelt_mention_cites_the_listed_person(body: str, unused: list[int]) -> None:
    document = read_document(f"# Probe\n\n{body}\n{LIST}".encode(), "essay.md")
    assert [h.span.line for h in unused_reference(document, Settings())] == unused


@pytest.mark.parametrize(
    ("body", "unused"),
    [
        # another person of the name, written with another given name, cites nobody
        ("The crowd waited for Henry Hunt to speak. Thompson (1963) saw a turning point.", [7]),
        ("Among historians, Lynn Hunt stands out. Thompson (1963) saw a turning point.", []),
        ("Hunt is still read. Thompson (1963) saw a turning point.", []),
        # a capitalised word opening the sentence is no given name
        ("Today Hunt is still read. Thompson (1963) saw a turning point.", []),
    ],
)
def test_a_mention_counts_for_the_listed_person_its_given_name_fits(
    body: str, unused: list[int]
) -> None:
    document = read_document(f"# Probe\n\n{body}\n{LIST}".encode(), "essay.md")
    assert [h.span.line for h in unused_reference(document, Settings())] == unused


@pytest.mark.parametrize(
    ("body", "mismatched"),
    [
        ("Wolf (1982 [2010]) agreed.", []),  # first edition, and the edition the list gives
        ("Wolf (2010 [1982]) agreed.", []),
        ("Wolf (1982) agreed.", [3]),
    ],
)
def test_a_citation_with_two_editions_years_fits_either(body: str, mismatched: list[int]) -> None:
    listed = (
        "## References\n\nWolf, E. R. (2010). *Europe and the people without history*. Berkeley."
    )
    document = read_document(f"# Probe\n\n{body}\n\n{listed}\n".encode(), "essay.md")
    assert [h.span.line for h in year_mismatch(document, Settings())] == mismatched


@pytest.mark.parametrize(
    ("listed", "mismatched"),
    [
        ("Smith, Adam. (1776) 1976. *The Wealth of Nations*. Oxford: Clarendon Press.", []),
        ("Smith, Adam. [1776] 1976. *The Wealth of Nations*. Oxford: Clarendon Press.", []),
        ("Smith, Adam. 1979. *The Wealth of Nations*. Oxford: Clarendon Press.", [3, 3]),
    ],
)
def test_a_reprint_is_cited_by_either_year(listed: str, mismatched: list[int]) -> None:
    body = "Markets limit the division of labour (Smith 1976, 31; Smith 1776, 31)."
    document = read_document(f"# Probe\n\n{body}\n\n## References\n\n{listed}\n".encode(), "e.md")
    assert [h.span.line for h in year_mismatch(document, Settings())] == mismatched


RETRIEVAL = """
## References

Karpicke, J. D., & Roediger, H. L. (2008). Retrieval. *Science, 319*(5865), 966–968.
Roediger, H. L., & Karpicke, J. D. (2006). Testing. *Psychological Science, 17*(3), 249–255.
"""


@pytest.mark.parametrize(
    ("body", "mismatched"),
    [
        # each co-author's year is the joint work's, though each leads another work
        ("Roediger and Karpicke (2006) tested recall.", []),
        ("Karpicke and Roediger (2008) tested recall.", []),
        ("Retrieval helps (Roediger & Karpicke, 2006).", []),
        # a year that none of the person's works has, in any place among its names,
        # reported once for the authors cited together
        ("Karpicke and Roediger (2007) tested recall.", [3]),
        ("Retrieval helps (Roediger & Karpicke, 2007).", [3]),
        ("Roediger (2007) and later Karpicke (2007) tested recall.", [3, 3]),
    ],
)
def test_a_co_authors_year_may_be_the_joint_works(body: str, mismatched: list[int]) -> None:
    document = read_document(f"# Probe\n\n{body}\n{RETRIEVAL}".encode(), "essay.md")
    assert [h.span.line for h in year_mismatch(document, Settings())] == mismatched


PAINTERS = """
## References

Steadman, P. (2001). *Vermeer's camera*. Oxford University Press.
Wheelock, A. K. (1995). *Vermeer and the art of painting*. Yale University Press.
"""


@pytest.mark.parametrize(
    ("body", "missing"),
    [
        # the name the listed works are about is the essay's subject, not its source
        ("In *The Milkmaid*, Vermeer describes the fall of daylight (Steadman 2001).", []),
        ("Steadman (2001) and Wheelock (1995) agree; in 1660, Vermeer suggests calm.", []),
        # given a year, the subject is cited as an author
        ("Like Wheelock (1995), Vermeer (1660) describes the fall of daylight.", ["Vermeer"]),
        ("In his review, Gowing describes the fall of daylight (Steadman 2001).", ["Gowing"]),
    ],
)
def test_the_subject_of_the_listed_works_is_no_missing_reference(
    body: str, missing: list[str]
) -> None:
    document = read_document(f"# Probe\n\n{body}\n{PAINTERS}".encode(), "essay.md")
    assert [dict(h.data)["name"] for h in missing_reference(document, Settings())] == missing


DESMOND = """
## References

Desmond, A. (1989) *The politics of evolution*. Chicago: University of Chicago Press.
Desmond, A. and Moore, J. (1991) *Darwin*. London: Michael Joseph.
"""


@pytest.mark.parametrize(
    ("body", "unused"),
    [
        # a citation's year says which of an author's works it cites
        ("Darwin hid his views (Desmond and Moore, 1991, p. 314).", [7]),
        ("Desmond and Moore (1991, p. 314) connect the delay to politics.", [7]),
        ("Desmond and Moore (1991) and Desmond (1989) agree.", []),
        # a year that no entry has leaves the choice to year-mismatch
        ("Darwin hid his views (Desmond and Moore, 1990, p. 314).", []),
        # a mention without a year counts for every entry of the name
        ("Desmond and Moore (1991) agree. Desmond is still read.", []),
    ],
)
def test_a_citations_year_picks_the_work_it_cites(body: str, unused: list[int]) -> None:
    document = read_document(f"# Probe\n\n{body}\n{DESMOND}".encode(), "essay.md")
    assert [h.span.line for h in unused_reference(document, Settings())] == unused


DEPARTMENT = """# Probe

Policy changed in 2018 (DEFRA, 2018), as Massey (2005) foresaw.

## References

Department for Environment, Food and Rural Affairs (2018) *A green future*. London: HM Government.

Massey, D. (2005) *For space*. London: Sage.
"""


def test_an_organisation_with_a_comma_in_its_name_is_cited_by_its_initials() -> None:
    document = read_document(DEPARTMENT.encode(), "essay.md")
    assert list(missing_reference(document, Settings())) == []
    assert list(unused_reference(document, Settings())) == []


SHELLEY = """
## Works Cited

Shelley, Mary. *Frankenstein; or, The Modern Prometheus*. Penguin, 2003.
---. *The Last Man*. Oxford UP, 1994.
"""


@pytest.mark.parametrize(
    ("body", "ambiguous"),
    [
        ("The creature learns to read (Shelley 87).", [3]),
        # MLA: the title named in the sentence says which work the page is in
        ("In *Frankenstein* the creature learns to read (Shelley 87).", []),
        ("In _The Last Man_ the plague spreads (Shelley 120).", []),
        ("The novel, **Frankenstein**, turns on reading (Shelley 87).", []),
        # ... but not a title of the sentence before, nor a title that fits neither work
        ("*Frankenstein* came first. The plague spreads (Shelley 120).", [3]),
        ("Like *Dracula*, it turns on reading (Shelley 87).", [3]),
        # a short title in the bracket, as before
        ("The plague spreads (Shelley, *Last Man* 120).", []),
    ],
)
def test_an_italic_title_in_the_sentence_picks_the_work(body: str, ambiguous: list[int]) -> None:
    document = read_document(f"# Probe\n\n{body}\n{SHELLEY}".encode(), "essay.md")
    assert [h.span.line for h in ambiguous_citation(document, Settings())] == ambiguous


HARDY = """
## References

Hardy, A. 1984. "Water and the search for public health." *Medical History* 28: 250–82.

Hardy, A. 1993. *The Epidemic Streets*. Oxford: Clarendon Press.

Hardy, A. 2001. *Health and Medicine in Britain*. Basingstoke: Palgrave.
"""


@pytest.mark.parametrize(
    ("body", "unused"),
    [
        # several of one author's works at once, narrative or in brackets
        ("Hardy (1984, 1993) argued it.", [11]),
        ("Hardy (1984; 1993, 2001) argued it.", []),
        ("It was argued (Hardy 1984, 1993).", [11]),
        # a page that is no year of the list leaves the other works uncited
        ("It was argued (Hardy 1984, 193).", [9, 11]),
    ],
)
def test_one_citation_may_name_several_years_of_an_author(body: str, unused: list[int]) -> None:
    document = read_document(f"# Probe\n\n{body}\n{HARDY}".encode(), "essay.md")
    assert [h.span.line for h in unused_reference(document, Settings())] == unused

"""Splitting a reference list into references: lines, paragraphs, items, wrapped lines."""

from __future__ import annotations

import doctest

import pytest

import bib.split
from bib.markdown import mask
from bib.model import Span
from bib.split import ends_reference, reference_groups, split_references, starts_reference

CARR = "Carr, E. H. Twilight of the Comintern (London: Macmillan, 1982)"
PONS = "Pons, S. Stalin and the Inevitable War 1936-1941 (London: Frank Cass, 2002)"


def test_docstring_examples_pass() -> None:
    result = doctest.testmod(bib.split)
    assert result.attempted > 0
    assert result.failed == 0


@pytest.mark.parametrize(
    ("lines", "texts"),
    [
        pytest.param([CARR, PONS], [CARR, PONS], id="one-per-line"),
        pytest.param([CARR, "", "", PONS, ""], [CARR, PONS], id="blank-separated"),
        pytest.param([f"1. {CARR}", f"2. {PONS}"], [CARR, PONS], id="numbered-dot"),
        pytest.param([f"[11] {CARR}", f"[12] {PONS}"], [CARR, PONS], id="numbered-brackets"),
        pytest.param([f"(1) {CARR}", f"(2) {PONS}"], [CARR, PONS], id="numbered-parentheses"),
        pytest.param([f"- {CARR}", f"- {PONS}"], [CARR, PONS], id="dash-bullets"),
        pytest.param([f"* {CARR}", f"  * {PONS}"], [CARR, PONS], id="star-bullets"),
        pytest.param([f"• {CARR}", f"• {PONS}"], [CARR, PONS], id="round-bullets"),
        pytest.param(
            ["Carr, E. H. Twilight of the Comintern", "    (London: Macmillan, 1982)", PONS],
            [CARR, PONS],
            id="hanging-indent",
        ),
        pytest.param(
            [
                "    Carr, E. H. Twilight of the Comintern",
                "(London: Macmillan, 1982)",
                f"    {PONS}",
            ],
            [CARR, PONS],
            id="first-line-indent",
        ),
        pytest.param(
            ["Carr, E. H. Twilight of the", "Comintern (London: Macmillan, 1982)", "", PONS],
            [CARR, PONS],
            id="paragraph-wrapped-flush",
        ),
        pytest.param(
            ["Carr, E. H. Twilight of the Comintern (London:", "Macmillan, 1982)", PONS],
            [CARR, PONS],
            id="flush-wrapped-after-colon",
        ),
        pytest.param(
            ["Smith, J. and Oleg V.", "Naumov, The Road (Yale, 1999)", PONS],
            ["Smith, J. and Oleg V. Naumov, The Road (Yale, 1999)", PONS],
            id="wrapped-after-an-initial",
        ),
        pytest.param(
            ["[1] J. Smith, “Codes,” Bell Syst.", "    Tech. J., vol. 29, 1950.", "[2] K. Jones."],
            ["J. Smith, “Codes,” Bell Syst. Tech. J., vol. 29, 1950.", "K. Jones."],
            id="numbered-wrapped",
        ),
        pytest.param(
            ["- Smith, J. (2000). Title.", "continued lazily.", "- Jones, K. (1999)."],
            ["Smith, J. (2000). Title. continued lazily.", "Jones, K. (1999)."],
            id="markdown-lazy-continuation",
        ),
        pytest.param(
            [f"- {CARR}", "", "  A second paragraph of the item.", f"- {PONS}"],
            [f"{CARR} A second paragraph of the item.", PONS],
            id="item-with-two-paragraphs",
        ),
        pytest.param(
            ["Smith, John. The River Book. New York: Norton, 2001.", "———. Mills. London, 2004."],
            ["Smith, John. The River Book. New York: Norton, 2001.", "———. Mills. London, 2004."],
            id="same-author-dashes",
        ),
        pytest.param(
            [
                "Achebe, Chinua. Things Fall Apart. London: Heinemann, 1958.",
                "Ngũgĩ wa Thiong'o. Decolonising the Mind. London: James Currey, 1986.",
                "Soyinka, Wole. Death and the King's Horseman. London: Methuen, 1975.",
                "Sun Yat-sen. San Min Chu I. Shanghai: Commercial Press, 1924.",
            ],
            [
                "Achebe, Chinua. Things Fall Apart. London: Heinemann, 1958.",
                "Ngũgĩ wa Thiong'o. Decolonising the Mind. London: James Currey, 1986.",
                "Soyinka, Wole. Death and the King's Horseman. London: Methuen, 1975.",
                "Sun Yat-sen. San Min Chu I. Shanghai: Commercial Press, 1924.",
            ],
            id="names-never-inverted-after-an-imprint",
        ),
        pytest.param(
            [
                "Ramírez, Juan Carlos, María José Gutiérrez, and Pedro Alonso Muñoz. 1990.",
                "The Title of the Book. Madrid: Alianza.",
                PONS,
            ],
            [
                "Ramírez, Juan Carlos, María José Gutiérrez, and Pedro Alonso Muñoz. 1990. "
                "The Title of the Book. Madrid: Alianza.",
                PONS,
            ],
            id="author-date-wrapped-after-its-year",
        ),
        pytest.param(
            [
                "  Gates, Henry Louis, Jr. The Signifying Monkey. Oxford UP, 1988.",
                "Morrison, Toni. Beloved. Knopf, 1987.",
                "Walker, Alice. In Search of Our Mothers' Gardens. Harcourt, 1983.",
            ],
            [
                "Gates, Henry Louis, Jr. The Signifying Monkey. Oxford UP, 1988.",
                "Morrison, Toni. Beloved. Knopf, 1987.",
                "Walker, Alice. In Search of Our Mothers' Gardens. Harcourt, 1983.",
            ],
            id="only-the-first-line-indented-is-a-slip",
        ),
        pytest.param(
            [
                "Khlevniuk, Oleg V. Master of the House. New Haven: Yale University Press, 2009.",
                "— Stalin: New Biography of a Dictator. New Haven: Yale University Press, 2015.",
                "Service, Robert. Stalin: A Biography. London: Macmillan, 2004.",
            ],
            [
                "Khlevniuk, Oleg V. Master of the House. New Haven: Yale University Press, 2009.",
                "— Stalin: New Biography of a Dictator. New Haven: Yale University Press, 2015.",
                "Service, Robert. Stalin: A Biography. London: Macmillan, 2004.",
            ],
            id="a-repeated-authors-dash-is-no-bullet",
        ),
        pytest.param(
            [
                "Ritter, Gerhard A. Social Welfare in Germany and Britain. Berg, 1986.",
                "Tennstedt, Florian. Sozialgeschichte der Sozialpolitik in Deutschland vom",
                "19. Jahrhundert bis zum Ersten Weltkrieg. Göttingen: Vandenhoeck, 1981.",
                "Kocka, Jürgen. Arbeitsverhältnisse und Arbeiterexistenzen. Bonn: Dietz, 1990.",
            ],
            [
                "Ritter, Gerhard A. Social Welfare in Germany and Britain. Berg, 1986.",
                "Tennstedt, Florian. Sozialgeschichte der Sozialpolitik in Deutschland vom "
                "19. Jahrhundert bis zum Ersten Weltkrieg. Göttingen: Vandenhoeck, 1981.",
                "Kocka, Jürgen. Arbeitsverhältnisse und Arbeiterexistenzen. Bonn: Dietz, 1990.",
            ],
            id="an-ordinal-opening-a-wrapped-line-is-no-number",
        ),
        pytest.param(
            [
                "1. Ritter, Gerhard A. Social Welfare in Germany and Britain. Leamington",
                "Spa: Berg, 1986.",
                "2. Tennstedt, Florian. Sozialgeschichte der Sozialpolitik in Deutschland vom",
                "18. Jahrhundert bis zum Ersten Weltkrieg. Göttingen: Vandenhoeck, 1981.",
                "3. Hennock, E. P. The Origin of the Welfare State. Cambridge: CUP, 2007.",
            ],
            [
                "Ritter, Gerhard A. Social Welfare in Germany and Britain. Leamington "
                "Spa: Berg, 1986.",
                "Tennstedt, Florian. Sozialgeschichte der Sozialpolitik in Deutschland vom "
                "18. Jahrhundert bis zum Ersten Weltkrieg. Göttingen: Vandenhoeck, 1981.",
                "Hennock, E. P. The Origin of the Welfare State. Cambridge: CUP, 2007.",
            ],
            id="numbers-run-on",
        ),
        pytest.param(
            [
                "Patenaude, B. M. (2002). The big show in Bololand: The American relief",
                "expedition to Soviet Russia in the famine of 1921. Stanford University",
                "Press.",
                "American Relief Administration. (1923). Report of the European children's",
                "fund. ARA.",
                "Fisher, H. H. (1927). The famine in Soviet Russia, 1919-1923. Macmillan.",
            ],
            [
                "Patenaude, B. M. (2002). The big show in Bololand: The American relief "
                "expedition to Soviet Russia in the famine of 1921. Stanford University Press.",
                "American Relief Administration. (1923). Report of the European children's "
                "fund. ARA.",
                "Fisher, H. H. (1927). The famine in Soviet Russia, 1919-1923. Macmillan.",
            ],
            id="hard-wrapped-a-break-with-room-to-spare-is-made-by-hand",
        ),
        pytest.param(
            [
                "Rosenthal, Caitlin. Accounting for Slavery: Masters and Management.",
                "Cambridge, MA: Harvard University Press, 2018.",
                "Hayashi, R. (1994). Provisioning Edo in the early eighteenth century.",
                "In J. L. McClain, J. M. Merriman, & K. Ugawa (Eds.), Edo and Paris (pp.",
                "211-233). Cornell University Press.",
                "Horrell, S., & Humphries, J. (1995). Women's labour force participation",
                "and the transition to the male-breadwinner family, 1790-1865.",
                "Economic History Review, 48(1), 89-117.",
            ],
            [
                "Rosenthal, Caitlin. Accounting for Slavery: Masters and Management. "
                "Cambridge, MA: Harvard University Press, 2018.",
                "Hayashi, R. (1994). Provisioning Edo in the early eighteenth century. "
                "In J. L. McClain, J. M. Merriman, & K. Ugawa (Eds.), Edo and Paris (pp. "
                "211-233). Cornell University Press.",
                "Horrell, S., & Humphries, J. (1995). Women's labour force participation "
                "and the transition to the male-breadwinner family, 1790-1865. "
                "Economic History Review, 48(1), 89-117.",
            ],
            id="wrapped-lines-that-open-with-a-town-an-in-or-a-journal",
        ),
        pytest.param(
            [
                "Beckert, Sven. Empire of Cotton: A Global History. New York: Knopf, 2014. " * 2,
                "Riello, Giorgio. Cotton: The Fabric That Made the Modern World. Cambridge",
                "University Press, 2013.",
            ],
            [
                (
                    "Beckert, Sven. Empire of Cotton: A Global History. New York: Knopf, 2014. " * 2
                ).rstrip(),
                "Riello, Giorgio. Cotton: The Fabric That Made the Modern World. Cambridge "
                "University Press, 2013.",
            ],
            id="one-per-line-a-line-cut-mid-sentence-runs-on",
        ),
        pytest.param(
            [
                "Morrison, Toni. Beloved. Knopf, 1987.",
                "  Rushdy, Ashraf H. A. History. American Literature, vol. 64, 1992.",
                "Walker, Alice. In Search of Our Mothers' Gardens. Harcourt, 1983.",
            ],
            [
                "Morrison, Toni. Beloved. Knopf, 1987.",
                "Rushdy, Ashraf H. A. History. American Literature, vol. 64, 1992.",
                "Walker, Alice. In Search of Our Mothers' Gardens. Harcourt, 1983.",
            ],
            id="one-entry-indented-by-mistake",
        ),
        pytest.param(
            [
                "Hirsch, Marianne. Maternity and Rememory.",
                "    Representations of Motherhood, Yale UP, 1994.",
                "Rushdy, Ashraf H. A. Daughters Signifyin(g) History: The Example of Toni",
                "Morrison's Beloved. American Literature, vol. 64, 1992.",
                "Walker, Alice. In Search of Our Mothers' Gardens. Harcourt, 1983.",
            ],
            [
                "Hirsch, Marianne. Maternity and Rememory. "
                "Representations of Motherhood, Yale UP, 1994.",
                "Rushdy, Ashraf H. A. Daughters Signifyin(g) History: The Example of Toni "
                "Morrison's Beloved. American Literature, vol. 64, 1992.",
                "Walker, Alice. In Search of Our Mothers' Gardens. Harcourt, 1983.",
            ],
            id="hanging-indents-with-one-continuation-left-flush",
        ),
        pytest.param(["", "  ", ""], [], id="nothing"),
    ],
)
def test_split_references(lines: list[str], texts: list[str]) -> None:
    assert [block.text for block in split_references(lines)] == texts


def test_spans_start_after_the_marker_and_cover_every_line() -> None:
    lines = ["", "  [1] Carr, E. H. Twilight of the Comintern", "      (London, 1982)", "[2] Pons."]
    first, second = split_references(lines, first_line=40)
    assert first.span == Span(41, 7, 42, 20)
    assert second.span == Span(43, 5, 43, 9)
    assert lines[1][first.span.column - 1 :].startswith("Carr")


def test_prose_is_the_masked_text_in_the_same_places() -> None:
    lines = ["- Smith, J. (2000). *The River*.", "  London: [Verso](https://verso.com)."]
    (block,) = split_references(lines, masked=mask("\n".join(lines)).split("\n"))
    assert block.text == "Smith, J. (2000). *The River*. London: [Verso](https://verso.com)."
    assert block.prose == "Smith, J. (2000).  The River . London:  Verso                    ."
    assert len(block.prose) == len(block.text)


@pytest.mark.parametrize(
    ("lines", "groups"),
    [
        (["1. Smith, p. 5.", "2. Jones, p. 7."], ((0,), (1,))),
        (["1 Smith, p. 5.", "2 Jones, p. 7,", "   continued."], ((0,), (1, 2))),
        (["¹ Smith, p. 5.", "² Jones, p. 7."], ((0,), (1,))),
    ],
)
def test_notes_may_be_numbered_without_a_dot(
    lines: list[str], groups: tuple[tuple[int, ...], ...]
) -> None:
    assert reference_groups(lines, notes=True) == groups


@pytest.mark.parametrize(
    ("line", "starts"),
    [
        ("Carley, M. J. 1939: The alliance", True),
        ("van der Linden, Marcel. Workers", True),
        ("Gorodetsky G. (ed.), Soviet foreign policy", True),
        ("Smith JA, Jones B. Title.", True),
        ("J. A. Getty, The Road to Terror", True),
        ("Ó Gráda, Cormac. Famine.", True),
        ("———. Another Book.", True),
        ("in the making of the world (London: Verso, 2001)", False),
        ("(London: Verso, 2001)", False),
    ],
)
def test_starts_reference(line: str, starts: bool) -> None:
    assert starts_reference(line) is starts


@pytest.mark.parametrize(
    ("line", "ends"),
    [
        ("(London: Verso, 2001)", True),
        ("pp. 24-35", True),
        ("Cambridge University Press, 2016.", True),
        ("https://doi.org/10.1000/xyz", True),
        ("(Oxford:", False),
        ("Getty, J. A. and Oleg V.", False),
        ("Vol. 52, No. 7, pp.", False),
        ("Stalin and the", False),
    ],
)
def test_ends_reference(line: str, ends: bool) -> None:
    assert ends_reference(line) is ends


@pytest.mark.parametrize("rule", ["---", "* * *", "___", "———"])
def test_a_rule_between_references_is_none_of_them(rule: str) -> None:
    lines = ["Smith, J. Title. London, 1990.", "", rule, "", "Jones, K. Other. Paris, 1991."]
    assert [b.text for b in split_references(lines)] == [
        "Smith, J. Title. London, 1990.",
        "Jones, K. Other. Paris, 1991.",
    ]


def test_a_repeated_author_dash_opens_a_reference() -> None:
    """Chicago's "———." stands for the author above: the entry has words after it."""
    lines = ["Smith, J. Title. London, 1990.", "", "———. Other. Paris, 1991."]
    assert [b.text for b in split_references(lines)][1] == "———. Other. Paris, 1991."

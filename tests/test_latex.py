"""LaTeX essays: prose blanked column for column, citations with their notes, the list."""

from __future__ import annotations

import pytest

from bib.document import read_document
from bib.latex import bibliography_names, find_citations, read_latex, to_markdown
from bib.model import Document, KeyedCitation, Span
from checks.quotes import ends_with_locator, has_locator, keyed_locator
from checks.rules import Settings, run_checks

ESSAY = r"""\documentclass{article}
\usepackage{biblatex}
\addbibresource{refs.bib}
\title{Stalin and the \emph{Purges}}
\begin{document}
\maketitle
\section{Introduction}
Harris argues that ``a showdown between a coalition of capitalist powers and
the Soviet Union was likely'' \parencite[33]{harris2016}. % \cite{commented}
See also \cite[see][p.~45]{getty1999, conquest1992} and \textcite{harris2016}.
The elite \enquote{felt a continuing crisis of power}.\footnote{As \citet[p.~12]{fitz} notes.}
\end{document}
Ignored \cite{after}.
"""


def read(text: str) -> Document:
    return read_latex(text.encode(), "essay.tex")


def test_citations_with_keys_spans_and_postnotes() -> None:
    document = read(ESSAY)
    assert [(c.key, c.span.line, c.span.column, c.locator) for c in document.keyed_citations] == [
        ("harris2016", 9, 46, "33"),
        ("getty1999", 10, 28, "p. 45"),
        ("conquest1992", 10, 39, "p. 45"),
        ("harris2016", 10, 67, ""),
        ("fitz", 11, 82, "p. 12"),
    ]


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (r"\cite{a,b}", [("a", ""), ("b", "")]),
        (r"\citep[p.~33]{a}", [("a", "p. 33")]),
        (r"\citet{a}", [("a", "")]),
        (r"\parencite[33]{a}", [("a", "33")]),
        (r"\textcite[ch. 2]{a}", [("a", "ch. 2")]),
        (r"\autocite*[12]{a}", [("a", "12")]),
        (r"\footcite[see][4]{a}", [("a", "4")]),
        (r"\cite[see][]{a}", [("a", "")]),
        (r"\Textcite{a}", [("a", "")]),
        (r"\cites[12]{a}[see][4]{b}", [("a", "12"), ("b", "4")]),
        (r"\parencites(Both)(){a}{b}", [("a", ""), ("b", "")]),
        (r"\nocite{*}", []),
        (r"\cite {a}", [("a", "")]),
        (r"\emph{a}", []),
    ],
)
def test_citation_commands(latex: str, expected: list[tuple[str, str]]) -> None:
    assert [(c.key, c.locator) for c in find_citations(latex)] == expected


def test_each_key_has_its_own_span() -> None:
    assert find_citations("x\n  \\cite{ab, cd}") == (
        KeyedCitation("ab", Span(2, 9, 2, 10)),
        KeyedCitation("cd", Span(2, 13, 2, 14)),
    )


def test_prose_keeps_columns_and_blanks_latex() -> None:
    document = read(ESSAY)
    body = document.body
    assert body[0].prose.strip() == "Introduction"
    paragraph = body[1]
    assert paragraph.span == Span(8, 1, 11, 94)
    assert [len(line) for line in paragraph.prose.split("\n")] == [
        len(line) for line in paragraph.text.split("\n")
    ]
    assert "“a showdown" in paragraph.prose and "likely”" in paragraph.prose
    assert "\\" not in paragraph.prose and "commented" not in paragraph.text
    assert "“felt a continuing crisis of power”" in paragraph.prose
    assert "fitz" not in paragraph.prose and "\\footnote{" in paragraph.text


def test_the_title_and_the_footnote() -> None:
    document = read(ESSAY)
    assert document.title is not None
    assert document.title.text == r"Stalin and the \emph{Purges}"
    assert document.title.prose == "Stalin and the       Purges "
    assert document.title.span.line == 4
    (note,) = document.notes
    assert note.text == r"As \citet[p.~12]{fitz} notes."
    assert note.span.line == 11 and note.prose.split() == ["As", "notes."]


def test_preamble_and_after_the_document_are_not_body() -> None:
    document = read(ESSAY)
    assert all(block.span.line >= 6 for block in document.body)
    assert "after" not in {c.key for c in document.keyed_citations}


def test_a_file_without_a_document_environment_is_all_body() -> None:
    document = read("Harris wrote \\emph{much}.\n\nMore \\cite{a}.\n")
    assert [b.prose.split() for b in document.body] == [
        ["Harris", "wrote", "much", "."],
        ["More", "."],
    ]


@pytest.mark.parametrize("ending", ["\\", "\\\n", "\\\\\\"])
def test_a_backslash_at_the_very_end_is_blank_prose(ending: str) -> None:
    # Found by the fuzzer: a lone "\\" at the end of the file matched no command.
    document = read("Harris wrote much." + ending)
    assert [b.prose.split() for b in document.body] == [["Harris", "wrote", "much."]]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (r"\bibliography{refs,more.bib}", ("refs.bib", "more.bib")),
        (r"\addbibresource{refs.bib}", ("refs.bib",)),
        (r"\addbibresource[location=local]{a.bib}", ("a.bib",)),
        ("% \\bibliography{commented}", ()),
        ("", ()),
    ],
)
def test_bibliography_names(text: str, names: tuple[str, ...]) -> None:
    assert bibliography_names(text) == names


THEBIBLIOGRAPHY = r"""\begin{document}
Fear shaped policy \cite[45]{harris}.
\begin{thebibliography}{9}
\bibitem{harris} Harris, J. \emph{The Great Fear: Stalin's Terror of the 1930s}
  (Oxford: Oxford University Press, 2016)
\bibitem[Get99]{getty} Getty, J. A. {\em The Road to Terror} (London: Yale
  University Press, 1999)
\end{thebibliography}
\end{document}
"""


def test_thebibliography_is_the_list_with_its_keys() -> None:
    document = read(THEBIBLIOGRAPHY)
    assert [(e.key, e.span.line, e.span.end_line) for e in document.entries] == [
        ("harris", 4, 5),
        ("getty", 6, 7),
    ]
    harris = document.entries[0]
    assert harris.raw.startswith("Harris, J. *The Great Fear")
    assert harris.reference.title == "The Great Fear: Stalin's Terror of the 1930s"
    assert [b.span.line for b in document.body] == [2]
    findings = run_checks(document, Settings(select=("unknown-citation-key", "unused-reference")))
    assert [(f.rule, f.span.line) for f in findings] == [("unused-reference", 6)]  # getty


@pytest.mark.parametrize(
    ("latex", "markdown"),
    [
        (r"A. \emph{Title} (1999)", "A. *Title* (1999)"),
        (r"A. {\it Title} (1999)", "A. *Title* (1999)"),
        (r"A.~B., ``T,'' \newblock 50\% \& more", "A. B., “T,” 50% & more"),
    ],
)
def test_to_markdown(latex: str, markdown: str) -> None:
    assert to_markdown(latex) == markdown


def test_read_document_dispatches_tex_with_a_bibliography() -> None:
    bib = b"@book{harris2016, author={Harris, J.}, title={Fear}, publisher={P}, year=2016}\n"
    document = read_document(ESSAY.encode(), "essay.tex", bib, "refs.bib")
    findings = run_checks(document, Settings(select=("unknown-citation-key",)))
    assert [f.data for f in findings] == [
        (("key", "getty1999"),),
        (("key", "conquest1992"),),
        (("key", "fitz"),),
    ]


# What quote-without-page makes of the citations.


@pytest.mark.parametrize(
    ("after", "located"),
    [
        (r" \parencite[33]{harris2016}.", True),
        (r" \citep[p.~33]{harris2016}.", True),
        (r" \cite[see][45]{harris2016}.", True),
        (r" \footcite[45]{harris2016}.", True),
        (r" \cite{harris2016}.", False),
        (r" \cite[see]{harris2016}.", False),
        (r" \cite[see][]{harris2016}.", False),
        (r" \parencite[1936]{harris2016}.", False),  # a year is no page
    ],
)
def test_latex_locators_after_a_quotation(after: str, located: bool) -> None:
    assert has_locator(after) is located


def test_latex_locators_at_a_sentence_end_and_at_a_block_end() -> None:
    assert has_locator(r" \parencite[33]{a} Next.", sentence_ended=True)
    assert not has_locator(r" \parencite{a} Next.", sentence_ended=True)
    assert ends_with_locator(r"on them. \parencite[45]{molotov}")
    assert not ends_with_locator(r"on them. \parencite{molotov}")
    assert ends_with_locator("on them. [@molotov1991, p. 45]")
    assert not ends_with_locator("on them. [@molotov1991]")
    assert keyed_locator(r"As \textcite[45]{harris2016} argues, ")


@pytest.mark.parametrize(
    ("citation", "findings"),
    [(r"\parencite[45]{harris2016}", 0), (r"\parencite{harris2016}", 1)],
)
def test_quote_without_page_reads_latex_citations(citation: str, findings: int) -> None:
    essay = (
        "\\begin{document}\nHarris argues that ``a showdown between a coalition of capitalist"
        f" powers and the Soviet Union was likely'' {citation}.\n\\end{{document}}\n"
    ).replace("{{", "{")
    document = read(essay)
    assert len(run_checks(document, Settings(select=("quote-without-page",)))) == findings


def test_a_note_citing_its_page_by_key_locates_its_quotation() -> None:
    essay = (
        "\\begin{document}\nA claim.\\footnote{As \\citet[p.~12]{fitz} notes, ``the enemy was"
        " everywhere in the land''.}\n\\end{document}\n"
    )
    document = read(essay)
    assert run_checks(document, Settings(select=("quote-without-page", "unbalanced-quote"))) == ()

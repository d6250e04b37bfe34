"""Rules that hold the citations of the text against the reference list."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from bib.citations import Citation, common_words, is_common_word, years_cited
from bib.linking import ListIndex, families, given_agrees, title_subjects, year_of
from bib.model import Document, Entry, Severity
from bib.namefold import are_variants, fold_name
from checks.citing import citing
from checks.keys import cited_keys
from checks.registry import Hit, rule
from checks.settings import Settings


@rule("C001", "missing-reference", Severity.WARNING)
def missing_reference(document: Document, settings: Settings) -> Iterator[Hit]:
    """An author cited in the text has no entry in the reference list.

    A citation is a name with the grammar of citing around it: a reporting verb
    in the present or perfect ("Kennan has argued", "as Uldricks highlights"),
    "according to", "in X's words", a verb of doing scholarship with a scholarly
    object ("Walter Rodney pushed the argument"), a year or page in brackets, a
    note that begins with the author. A person the essay only talks about
    ("Napoleon invaded") is not a citation, and neither is a word that only looks
    like a name: one also written in lower case ("Evidence suggests"), a place
    ("in Manchester"), a lone word opening a sentence with no other sign of a
    person. Nor is the person the listed works are about, named without a year:
    "In *The Milkmaid*, Vermeer describes the light" where the list has
    *Vermeer's Camera* (painters, scientists and novelists are described in the
    present tense). Reported once per person, at the first citation.

    Failing example::

        Stalin and the purges

        George Kennan has argued that the purges were aimed abroad.

        References

        Conquest, R. The Great Terror: A Reassessment (London: Pimlico, 1992)

    Passing example::

        Stalin and the purges

        Robert Conquest argues that the purges were aimed at home. Stalin
        received many reports in 1937.

        References

        Conquest, R. The Great Terror: A Reassessment (London: Pimlico, 1992)
    """
    if not document.references:
        return
    reported: list[str] = []
    subjects: frozenset[str] | None = None  # read from the titles only when needed
    for found in citing(document).links:
        citation = found.citation
        if found.entries or citation.strength != "strong":
            continue
        if citation.kind == "narrative" and not citation.year:
            subjects = title_subjects(document.entries) if subjects is None else subjects
            if fold_name(citation.family) in subjects:
                continue
        if any(
            fold_name(citation.family) == fold_name(r) or are_variants(citation.family, r)
            for r in reported
        ):
            continue
        reported.append(citation.family)
        yield Hit(
            citation.span,
            f"{citation.name} is cited but has no entry in the reference list",
            (("name", citation.name),),
        )


@rule("C002", "unused-reference", Severity.INFO)
def unused_reference(document: Document, settings: Settings) -> Iterator[Hit]:
    """An entry of the reference list is never cited in the body or the notes.

    Any mention of one of the entry's authors or editors in the body or the
    notes counts (also under a variant spelling); text after the list, such as
    blog comments, does not. Some styles allow works consulted but not cited,
    so this is information by default; raise it in the configuration.

    Failing example::

        Stalin and the purges

        Conquest argues that the purges were aimed at home.

        References

        Conquest, R. The Great Terror: A Reassessment (London: Pimlico, 1992)
        Deutscher, I. Stalin: A Political Biography (Middlesex: Penguin Books, 1974)

    Passing example::

        Stalin and the purges

        Conquest argues that the purges were aimed at home, and Deutscher
        agrees.

        References

        Conquest, R. The Great Terror: A Reassessment (London: Pimlico, 1992)
        Deutscher, I. Stalin: A Political Biography (Middlesex: Penguin Books, 1974)
    """
    analysis = citing(document)
    cited: set[int] = set()
    dated: set[tuple[int, int]] = set()  # where a citation's year chose among the entries
    for found in analysis.links:
        chosen = _of_its_year(document, found.entries, years_cited(found.citation))
        cited.update(chosen)
        if chosen != found.entries:
            dated.add((found.citation.span.line, found.citation.span.column))
    # A name merely mentioned counts for the entries it stands for in the list's index,
    # unless it is written with another person's given name ("Henry Hunt", Hunt, Lynn),
    # or it is the name of a citation whose year says which of them it means.
    unlinked: set[str] = set()
    for word, given in {
        (m.word, m.given) for m in analysis.mentions if (m.span.line, m.span.column) not in dated
    }:
        exact = analysis.list_index.exact(word)
        if not exact:
            unlinked.add(word)
        cited.update(i for i in exact if given_agrees(given, word, document.entries[i]))
    cited.update(_misspelt(document, analysis.list_index, unlinked, cited))
    by_key = cited_keys(document)
    for i, entry in enumerate(document.entries):
        names = families(entry)
        if i in cited or not names or (entry.key and entry.key in by_key):
            continue
        yield Hit(
            entry.span,
            f"{names[0]} ({entry.reference.year or 'n.d.'}) is never cited in the text",
            (("name", names[0]), ("key", entry.key)),
        )


def _misspelt(
    document: Document, index: ListIndex, words: set[str], cited: set[int]
) -> Iterator[int]:
    """The entries a name of the text misspells ("Shuttlesworth makes a related point"
    for Shuttleworth, S.): name-variant reports the slip, and the work is cited all the
    same. Only names that match no entry exactly, and no common word, are tried."""
    if len(cited) == len(document.entries):
        return
    common = common_words(document.body + document.notes)
    for word in words:
        if not is_common_word(word, common):
            yield from index.variant(word)


def _of_its_year(document: Document, entries: tuple[int, ...], year: str) -> tuple[int, ...]:
    """The entries a citation's year picks out: "Desmond and Moore (1991)" cites the
    1991 book, not Desmond's own of 1989. A year none of them has (``year-mismatch``)
    leaves them all."""
    if not year or len(entries) < 2:
        return entries
    years = set(re.findall(r"\d{4}", year))
    chosen = tuple(i for i in entries if year_of(document.entries[i].reference.year) in years)
    return chosen or entries


@rule("C003", "ambiguous-citation", Severity.WARNING)
def ambiguous_citation(document: Document, settings: Settings) -> Iterator[Hit]:
    """A bracketed citation without a year fits several works of the list.

    "(Harris)" or "(Harris 45)" cannot say which Harris is meant when the
    list has two; give the year (author-date) or a short title (MLA). In MLA a
    title named in italics earlier in the sentence says which ("In *Frankenstein*,
    the creature ... (Shelley 87)").

    Failing example::

        Soviet security

        Fear of encirclement shaped policy (Harris 45).

        References

        Harris, J. The Great Fear: Stalin's Terror of the 1930s (Oxford: Oxford University Press, 2016)
        Harris, J. 'Encircled by enemies', Journal of Strategic Studies, Vol. 30, No. 3 (2007) pp. 513-545

    Passing example::

        Soviet security

        Fear of encirclement shaped policy (Harris 2016, 45).

        References

        Harris, J. The Great Fear: Stalin's Terror of the 1930s (Oxford: Oxford University Press, 2016)
        Harris, J. 'Encircled by enemies', Journal of Strategic Studies, Vol. 30, No. 3 (2007) pp. 513-545
    """
    for found in citing(document).links:
        citation = found.citation
        if citation.kind == "narrative" or citation.year or len(found.entries) < 2:
            continue
        if citation.title_hint and _title_fits_one(document, found.entries, citation.title_hint):
            continue
        named = _italic_titles_before(document, citation)
        if named and _title_fits_one(document, found.entries, named):
            continue
        years = sorted({document.entries[i].reference.year or "n.d." for i in found.entries})
        yield Hit(
            citation.span,
            f"({citation.family}) fits {len(found.entries)} works of the list "
            f"({', '.join(years)}); add the year",
            (("name", citation.family), ("years", years)),
        )


@rule("C004", "year-mismatch", Severity.WARNING)
def year_mismatch(document: Document, settings: Settings) -> Iterator[Hit]:
    """A citation gives a year that none of the author's entries has.

    "(Harris 2015)" when the list has Harris 2016: one of the two is wrong. A
    co-author's year may be that of the joint work even where the name leads
    other works: "Roediger and Karpicke (2006)" cites the paper Roediger wrote
    with Karpicke, not Karpicke's own of 2008. Authors cited together share one year
    and one mistake: "Orben and Przybylski (2018)" is reported once, at Orben.

    Failing example::

        Soviet security

        Fear of encirclement shaped policy (Harris 2015, 45).

        References

        Harris, J. The Great Fear: Stalin's Terror of the 1930s (Oxford: Oxford University Press, 2016)

    Passing example::

        Soviet security

        Fear of encirclement shaped policy (Harris 2016, 45).

        References

        Harris, J. The Great Fear: Stalin's Terror of the 1930s (Oxford: Oxford University Press, 2016)
    """
    years: Mapping[str, frozenset[str]] | None = None  # read only when a year disagrees
    reported: Citation | None = None
    for found in citing(document).links:
        citation = found.citation
        year = year_of(citation.year)
        if not year or not found.entries:
            continue
        listed = sorted({document.entries[i].reference.year for i in found.entries} - {""})
        # "Wolf (1982 [2010])": the first edition's year and the one read; either may be listed.
        cited = set(re.findall(r"\d{4}", citation.year))
        if not listed or cited & set(listed):
            continue
        if any(cited & dated_years(document.entries[i]) for i in found.entries):
            continue  # "Smith, Adam. (1776) 1976.": the original's year and the edition's
        years = years_by_person(document.entries) if years is None else years
        if cited & years.get(fold_name(citation.family), frozenset()):
            continue  # the year of a work the person wrote with another, who leads it
        if reported is not None and cited_together(reported, citation):
            continue
        reported = citation
        yield Hit(
            citation.span,
            f"{citation.family} {citation.year}: the list has {citation.family} "
            f"{' and '.join(listed)}",
            (("name", citation.family), ("year", citation.year), ("listed_years", listed)),
        )


# What stands between two authors cited together: " and ", " & ", ", ", ", and ".
_BETWEEN_AUTHORS = 7


def cited_together(first: Citation, then: Citation) -> bool:
    """Whether ``then`` is a co-author cited with ``first``, sharing its year: "Orben and
    Przybylski (2018)", "(Roediger & Karpicke, 2006)"."""
    gap = then.span.column - first.span.end_column
    return (
        then.span.line == first.span.end_line
        and then.year == first.year
        and 0 < gap <= _BETWEEN_AUTHORS
    )


_DATED_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")


def dated_years(entry: Entry) -> frozenset[str]:
    """Every year the entry's date gives: an original's and a reprint's ("(1776) 1976",
    "1991 [1568]"), both ends of a span."""
    return frozenset(
        year
        for label, text in entry.reference.segments
        if label == "date"
        for year in _DATED_YEAR.findall(text)
    )


def years_by_person(entries: Sequence[Entry]) -> Mapping[str, frozenset[str]]:
    """The years of every work each person (folded family name) wrote or edited, in any
    place among its names: a co-author's works as well as those the person leads."""
    years: dict[str, set[str]] = {}
    for entry in entries:
        year = year_of(entry.reference.year)
        for family in families(entry) if year else ():
            years.setdefault(fold_name(family), set()).add(year)
    return {family: frozenset(found) for family, found in years.items()}


# An italic title in Markdown: *Title*, **Title** or _Title_.
_ITALICS = re.compile(
    r"(?<![*\w])\*{1,2}([^*\n][^*]{0,150}?)\*{1,2}|(?<!\w)_([^_\n][^_]{0,150}?)_(?!\w)"
)
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z“\"‘'*_(])")


def _italic_titles_before(document: Document, citation: Citation) -> str:
    """The words in italics in the citation's sentence before it: the works the prose
    names (MLA leaves the bracket only the page when the sentence names the title)."""
    line, column = citation.span.line, citation.span.column
    for block in (*document.body, *document.notes):
        lines = block.text.split("\n")
        index = line - block.span.line
        if not 0 <= index < len(lines):
            continue
        offset = sum(len(text) + 1 for text in lines[:index])
        offset += column - (block.span.column if index == 0 else 1)
        before = block.text[: max(0, offset)]
        ends = list(_SENTENCE_END.finditer(before))
        start = ends[-1].end() if ends else 0
        return " ".join(
            next(group for group in match.groups() if group)
            for match in _ITALICS.finditer(before, start)
        )
    return ""


def _title_fits_one(document: Document, indices: tuple[int, ...], hint: str) -> bool:
    words = {w.lower().strip(".,:;'’‘\"“”") for w in hint.split() if len(w) > 3}
    fitting = [
        i
        for i in indices
        if words
        & {w.lower().strip(".,:;'’‘\"“”") for w in document.entries[i].reference.title.split()}
    ]
    return len(fitting) == 1

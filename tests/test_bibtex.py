from __future__ import annotations

import codecs
import doctest
import re
import subprocess
import sys
import unicodedata
import urllib.parse
from typing import Any, cast

import bibtexparser
import latexcodec  # noqa: F401  (registers the "ulatex" codec)
import pytest
from bibtexparser import middlewares
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pybtex.bibtex.utils import split_name_list
from pybtex.database import Person, parse_string

import bib.bibtex
from bib.bibtex import to_bibtex
from bib.model import Entry, EntryType, Name, Reference, Span

# -- reading the output back ---------------------------------------------------------------------

# The macros bib.bibtex writes for characters that are special in TeX.
OWN_MACROS = {
    r"{\textbackslash}": "\\",
    r"{\textbraceleft}": "{",
    r"{\textbraceright}": "}",
    r"{\textasciitilde}": "~",
    r"{\textasciicircum}": "^",
    r"{\textless}": "<",
    r"{\textgreater}": ">",
    r"{\textbar}": "|",
}
TEX_IN_RUN = re.compile(r"[\\$`',!?~-]")
LATEX_TOKEN = re.compile(r"\{\\text[a-z]+\}|\{\\char(\d+)\}|\\([&%#_$])|[{}]")


def read_latex(value: str) -> str:
    """The text a LaTeX value stands for: latexcodec for the TeX, braces are only grouping."""
    text: list[str] = []
    position = 0
    for token in LATEX_TOKEN.finditer(value):
        text.append(decode_run(value[position : token.start()]))
        if token.group() in OWN_MACROS:
            text.append(OWN_MACROS[token.group()])
        elif token.group().startswith("{\\text"):
            text.append(decode_run(token.group()[1:-1]))
        elif token.group(1):
            text.append(chr(int(token.group(1))))
        elif token.group(2):
            text.append(token.group(2))
        position = token.end()
    text.append(decode_run(value[position:]))
    return "".join(text)


def decode_run(latex: str) -> str:
    if not TEX_IN_RUN.search(latex):
        return latex  # nothing for latexcodec to do, and it is slow
    # latexcodec drops the spaces a run starts with; between tokens they are data.
    stripped = latex.lstrip(" ")
    text: str = cast(Any, codecs).decode(stripped, "ulatex")  # latexcodec: str to str
    return latex[: len(latex) - len(stripped)] + text


def clean(text: str) -> str:
    """What to_bibtex promises to keep of a value: no controls, whitespace runs as one space."""
    kept = "".join(c for c in text if c.isspace() or unicodedata.category(c) != "Cc")
    return " ".join(kept.split())


def ascii_equivalent(text: str) -> str:
    """Text up to what ascii mode may change: compatibility forms and LaTeX's quotes."""
    return unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "`")


def read_with_pybtex(bibtex: str) -> dict[str, dict[str, object]]:
    entries = {}
    for key, entry in parse_string(bibtex, "bibtex").entries.items():
        values: dict[str, object] = dict(entry.fields)
        persons = dict(entry.persons)
        if "translator" in values:  # pybtex reads only authors and editors as names
            names = split_name_list(values.pop("translator"))
            persons["translator"] = [Person(name) for name in names]
        for role, people in persons.items():
            values[role] = [
                (
                    " ".join(p.prelast_names + p.last_names),
                    " ".join(p.first_names + p.middle_names),
                    " ".join(p.lineage_names),
                )
                for p in people
            ]
        entries[key] = values
    return entries


def read_with_bibtexparser(bibtex: str) -> dict[str, dict[str, object]]:
    names = [middlewares.SeparateCoAuthors(), middlewares.SplitNameParts()]
    library = bibtexparser.parse_string(bibtex, append_middleware=names)
    assert not library.failed_blocks, library.failed_blocks
    entries = {}
    for entry in library.entries:
        values: dict[str, object] = {}
        for field in entry.fields:
            if isinstance(field.value, list):
                values[field.key] = [
                    (" ".join(n.von + n.last), " ".join(n.first), " ".join(n.jr))
                    for n in field.value
                ]
            else:
                values[field.key] = field.value
        entries[entry.key] = values
    return entries


def decoded(values: dict[str, object], fold: bool) -> dict[str, object]:
    """Field values as text: LaTeX read, pages with a plain hyphen, URLs as written."""

    def read(text: str) -> str:
        text = read_latex(text)
        return ascii_equivalent(text) if fold else text

    result: dict[str, object] = {}
    for name, value in values.items():
        if isinstance(value, list):
            result[name] = [tuple(read(part) for part in person) for person in value]
        elif name in ("url", "doi"):
            result[name] = value
        elif name == "pages":
            result[name] = read(str(value)).replace("–", "-")
        else:
            result[name] = read(str(value))
    return result


# -- what each reference should come back as --------------------------------------------------

CONTAINER = {
    EntryType.ARTICLE: "journal",
    EntryType.REVIEW: "journal",
    EntryType.CHAPTER: "booktitle",
}
PUBLISHER = {EntryType.THESIS: "school", EntryType.REPORT: "institution"}


def expected_values(entry: Entry, ascii: bool) -> dict[str, object]:
    ref = entry.reference
    fold = ascii_equivalent if ascii else str

    def url(text: str) -> str:
        return "".join(
            urllib.parse.quote(c, safe="")
            if c in "{}\\"
            or c.isspace()
            or unicodedata.category(c) == "Cc"
            or (ascii and not c.isascii())
            else c
            for c in text.strip()
        )

    def people(names: tuple[Name, ...]) -> list[tuple[str, str, str]]:
        result = []
        for name in names:
            family, given = clean(name.family), clean(name.given)
            particle, suffix = clean(name.particle), clean(name.suffix)
            if not family:  # a lone given name stands as the family name
                family, given = given, ""
            family = " ".join(part for part in (particle, family) if part)
            if not given:  # and then the name is one unit
                family, suffix = ", ".join(part for part in (family, suffix) if part), ""
            if family:
                result.append((fold(family), fold(given), fold(suffix)))
        return result

    authors, editors = ref.authors, ref.editors
    if ref.type is EntryType.EDITED_BOOK:
        authors, editors = (), editors or authors
    values: dict[str, object] = {
        "author": people(authors),
        "editor": people(editors),
        "translator": people(ref.translators),
        "title": ref.title,
        CONTAINER.get(ref.type, "howpublished"): ref.container,
        "volume": ref.volume,
        "number": ref.number,
        "pages": re.sub(r"\s*[-‐‑‒–—―−]+\s*", "-", clean(ref.pages)),
        "year": ref.year,
        "month": ref.month,
        PUBLISHER.get(ref.type, "publisher"): ref.publisher,
        "address": ref.place,
        "edition": ref.edition,
        "series": ref.series,
        "isbn": ref.isbn,
        "urldate": ref.accessed,
        "note": ref.note if (ref.title or ref.authors or ref.editors) else entry.raw,
    }
    result: dict[str, object] = {}
    for name, value in values.items():
        if isinstance(value, str):
            value = fold(clean(value))
        if value:
            result[name] = value
    for name, text in (("url", ref.url), ("doi", ref.doi)):
        if url(text):
            result[name] = url(text)
    if not result:
        result["note"] = ""
    return result


def entry_of(reference: Reference, raw: str = "", key: str = "") -> Entry:
    return Entry(raw=raw, span=Span(1), reference=reference, key=key)


def assert_round_trips(entries: list[Entry], ascii: bool) -> None:
    bibtex = to_bibtex(entries, ascii=ascii)
    if ascii:
        assert bibtex.isascii()
    from bib.keys import ensure_keys

    expected = {e.key: expected_values(e, ascii) for e in ensure_keys(entries)}
    for read in (read_with_pybtex, read_with_bibtexparser):
        got = {key: decoded(values, ascii) for key, values in read(bibtex).items()}
        assert got == expected, read.__name__


# -- golden entries, one per type ----------------------------------------------------------------

WHITEWOOD = Name("Whitewood", "Peter")
GOLDEN = [
    (
        Reference(
            type=EntryType.ARTICLE,
            authors=(WHITEWOOD,),
            title="Subversion in the Red Army and the Military Purge of 1937–1938",
            container="Europe-Asia Studies",
            volume="67",
            number="1",
            pages="102-122",
            year="2015",
            doi="10.1080/09668136.2014.990717",
        ),
        "",
        """\
@article{whitewood2015,
  author = {Whitewood, Peter},
  title = {Subversion in the {Red Army} and the {Military Purge} of 1937–1938},
  journal = {Europe-Asia Studies},
  volume = {67},
  number = {1},
  pages = {102--122},
  year = {2015},
  doi = {10.1080/09668136.2014.990717}
}
""",
    ),
    (
        Reference(
            type=EntryType.BOOK,
            authors=(Name("Carr", "E. H."),),
            title="The Twilight of Comintern, 1930-1935",
            publisher="Macmillan",
            place="London",
            year="1982",
            edition="2",
            series="A History of Soviet Russia",
        ),
        "",
        """\
@book{carr1982,
  author = {Carr, E. H.},
  title = {The {Twilight} of {Comintern,} 1930-1935},
  year = {1982},
  publisher = {Macmillan},
  address = {London},
  edition = {2},
  series = {A History of Soviet Russia}
}
""",
    ),
    (
        Reference(
            type=EntryType.EDITED_BOOK,
            authors=(Name("McLoughlin", "B."), Name("McDermott", "Kevin")),
            title="Stalin’s terror : high politics and mass repression in the Soviet Union",
            publisher="Palgrave Macmillan",
            place="Basingstoke",
            year="2002",
        ),
        "",
        """\
@book{mcloughlin2002,
  editor = {McLoughlin, B. and McDermott, Kevin},
  title = {Stalin’s terror : high politics and mass repression in the {Soviet Union}},
  year = {2002},
  publisher = {Palgrave Macmillan},
  address = {Basingstoke}
}
""",
    ),
    (
        Reference(
            type=EntryType.CHAPTER,
            authors=(Name("Linden", "Marcel", "van der"),),
            editors=(Name("Žižek", "Slavoj"),),
            title="Marx & the crisis",
            container="Lenin Reloaded",
            pages="24–36",
            publisher="Duke University Press",
            place="Durham",
            year="2007",
        ),
        "",
        """\
@incollection{linden2007,
  author = {van der Linden, Marcel},
  editor = {Žižek, Slavoj},
  title = {Marx \\& the crisis},
  booktitle = {Lenin Reloaded},
  pages = {24--36},
  year = {2007},
  publisher = {Duke University Press},
  address = {Durham}
}
""",
    ),
    (
        Reference(
            type=EntryType.THESIS,
            authors=(Name("Roffman", "Alan"),),
            title="Soviet purges",
            publisher="University of Glasgow",
            year="1977",
        ),
        "Roffman, Alan, Soviet purges (PhD thesis, University of Glasgow, 1977)",
        """\
@phdthesis{roffman1977,
  author = {Roffman, Alan},
  title = {Soviet purges},
  year = {1977},
  school = {University of Glasgow}
}
""",
    ),
    (
        Reference(
            type=EntryType.REPORT,
            authors=(Name("World Health Organization"),),
            title="World report",
            number="7",
            publisher="WHO",
            place="Geneva",
            year="2020",
        ),
        "",
        """\
@techreport{worldhealthorganization2020,
  author = {{World Health Organization}},
  title = {World report},
  number = {7},
  year = {2020},
  institution = {WHO},
  address = {Geneva}
}
""",
    ),
    (
        Reference(
            type=EntryType.WEBPAGE,
            authors=(Name("Sedov", "Leon"),),
            title="The Red Book",
            container="Marxists Internet Archive",
            url="https://www.marxists.org/archive/sedov/1936/red-book.htm#s_1",
            accessed="12 March 2020",
        ),
        "",
        """\
@misc{sedovnd,
  author = {Sedov, Leon},
  title = {The {Red Book}},
  howpublished = {Marxists Internet Archive},
  url = {https://www.marxists.org/archive/sedov/1936/red-book.htm#s_1},
  urldate = {12 March 2020}
}
""",
    ),
    (
        Reference(
            type=EntryType.REVIEW,
            authors=(Name("Gorodetsky", "Gabriel"),),
            title="Review of The Alliance That Never Was",
            container="The International History Review",
            volume="26",
            number="3",
            pages="656-659",
            year="2004",
        ),
        "",
        """\
@article{gorodetsky2004,
  author = {Gorodetsky, Gabriel},
  title = {Review of {The Alliance That Never Was}},
  journal = {The International History Review},
  volume = {26},
  number = {3},
  pages = {656--659},
  year = {2004}
}
""",
    ),
    (
        Reference(type=EntryType.OTHER),
        "Trotsky papers, box 3 (Houghton Library) 50% of them",
        """\
@misc{anonnd,
  note = {Trotsky papers, box 3 (Houghton Library) 50\\% of them}
}
""",
    ),
]


@pytest.mark.parametrize(("reference", "raw", "bibtex"), GOLDEN)
def test_golden_entry_per_type(reference: Reference, raw: str, bibtex: str) -> None:
    assert to_bibtex([entry_of(reference, raw)]) == bibtex


@pytest.mark.parametrize(("reference", "raw", "bibtex"), GOLDEN)
def test_golden_entries_round_trip(reference: Reference, raw: str, bibtex: str) -> None:
    assert_round_trips([entry_of(reference, raw)], ascii=False)
    assert_round_trips([entry_of(reference, raw)], ascii=True)


def test_entries_are_separated_by_one_blank_line() -> None:
    bibtex = to_bibtex([entry_of(reference, raw) for reference, raw, _ in GOLDEN])
    assert bibtex == "\n".join(expected for _, _, expected in GOLDEN)


def test_no_entries_no_text() -> None:
    assert to_bibtex([]) == ""


@pytest.mark.parametrize(
    ("raw", "note", "entry_type"),
    [
        ("Smith, J., Soviet purges (PhD thesis, Glasgow, 1977)", "", "phdthesis"),
        ("Smith, J., Soviet purges (MA thesis, Glasgow, 1977)", "", "mastersthesis"),
        ("Smith, J., Soviet purges (M.A. dissertation, 1977)", "", "mastersthesis"),
        ("Smith, J., Soviet purges (unpublished MPhil thesis)", "", "mastersthesis"),
        ("Smith, J., Soviet purges (1977)", "Master's thesis", "mastersthesis"),
        ("Smith, J., Soviet purges, ma tesi (1977)", "", "phdthesis"),
        ("Smith, J., MARXISM (PhD thesis)", "", "phdthesis"),
    ],
)
def test_thesis_type_follows_the_degree(raw: str, note: str, entry_type: str) -> None:
    reference = Reference(type=EntryType.THESIS, authors=(Name("Smith", "J."),), note=note)
    assert to_bibtex([entry_of(reference, raw)]).startswith(f"@{entry_type}{{smithnd,")


def test_an_edited_book_with_editors_keeps_them() -> None:
    reference = Reference(type=EntryType.EDITED_BOOK, editors=(Name("Cooper", "J"),), title="x")
    assert "  editor = {Cooper, J}," in to_bibtex([entry_of(reference)])


def test_given_keys_are_kept_and_bad_ones_refused() -> None:
    entries = [entry_of(Reference(title="A"), key="mine"), entry_of(Reference(title="B"))]
    assert to_bibtex(entries).startswith("@misc{mine,")
    with pytest.raises(ValueError, match="key"):
        to_bibtex([entry_of(Reference(title="A"), key="my key")])
    with pytest.raises(ValueError, match="key"):
        to_bibtex([entry_of(Reference(), key="a"), entry_of(Reference(), key="A")])


# -- names ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "written"),
    [
        (Name("Whitewood", "Peter"), "Whitewood, Peter"),
        (Name("Linden", "Marcel", "van der"), "van der Linden, Marcel"),
        (Name("Gogh", "Vincent", "Van"), "Van Gogh, Vincent"),
        (Name("King", "Martin Luther", suffix="Jr."), "King, Jr., Martin Luther"),
        (Name("Lloyd George", "David"), "{Lloyd George}, David"),
        (Name("World Health Organization"), "{World Health Organization}"),
        (Name("Ford Motor Company, Inc."), "{Ford Motor Company, Inc.}"),
        (Name("Marx and Engels"), "{Marx and Engels}"),
        (Name("Smith", "Anne, Lady"), "Smith, {Anne, Lady}"),
        (Name("hooks", "bell"), "hooks, bell"),
        (Name("Plato"), "Plato"),
        (Name("", "Plato"), "Plato"),
        (Name("Smith", suffix="Jr."), "{Smith, Jr.}"),
        (Name("Linden", particle="van der"), "{van der Linden}"),
        (Name("Gaulle", particle="De"), "{De Gaulle}"),
        (Name("Smith \n ", " Anne\tMarie"), "Smith, Anne Marie"),
        (Name("O'Brien & Co", "J."), "{O'Brien {\\&} Co}, J."),
        (Name("Smith", "A. & B."), "Smith, A. {\\&} B."),
    ],
)
def test_names(name: Name, written: str) -> None:
    reference = Reference(authors=(name, Name("Getty", "J. Arch")))
    bibtex = to_bibtex([entry_of(reference)])
    assert f"  author = {{{written} and Getty, J. Arch}}" in bibtex
    assert_round_trips([entry_of(reference)], ascii=False)


def test_a_name_with_no_parts_is_left_out() -> None:
    reference = Reference(authors=(Name(" "), Name("Getty", "J.")), title="x")
    assert "  author = {Getty, J.}," in to_bibtex([entry_of(reference)])


# -- special characters --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "latex"),
    [
        ("Marx & Engels", r"Marx \& Engels"),
        ("100% noir", r"100\% noir"),
        ("No. #5", r"No. \#5"),
        ("snake_case", r"snake\_case"),
        ("$5", r"\$5"),
        ("{sic}", r"{\textbraceleft}sic{\textbraceright}"),
        ("an { alone", r"an {\textbraceleft} alone"),
        ("} first", r"{\textbraceright} first"),
        ("a~b", r"a{\textasciitilde}b"),
        ("x^2", r"x{\textasciicircum}2"),
        (
            r"C:\temp \emph{x}",
            r"C:{\textbackslash}temp {\textbackslash}emph{\textbraceleft}x{\textbraceright}",
        ),
        ("a < b > c | d", r"a {\textless} b {\textgreater} c {\textbar} d"),
        ("1917--1953", "1917-{}-1953"),
        ("a---b", "a-{}-{}-b"),
        ("``quoted''", "`{}`quoted'{}'"),
        ("¿Qué? ?` !` ,,", "¿Qué? ?{}` !{}` ,{},"),
        ('say "hi"', 'say "hi"'),
        ("Žižek’s “Lenin” — 1917–1923 ½ 😀", "Žižek’s “Lenin” — 1917–1923 ½ 😀"),
        (
            "@misc{x, title={y}}",
            r"{@}misc{\textbraceleft}x, title={\textbraceleft}y{\textbraceright}{\textbraceright}",
        ),
        ("me@example.org", "me@example.org"),
        ("tab\tand\nnewline\u00a0nbsp  runs ", "tab and newline nbsp runs"),
        ("bell\x07 \x00null", "bell null"),
    ],
)
def test_special_characters_in_unicode_mode(text: str, latex: str) -> None:
    reference = Reference(note=text, title="t")
    assert f"  note = {{{latex}}}\n" in to_bibtex([entry_of(reference)])
    assert_round_trips([entry_of(reference)], ascii=False)


@pytest.mark.parametrize(
    ("text", "latex"),
    [
        ("Müller", r"M{\"u}ller"),
        ("café", r"caf{\'e}"),
        ("cafe\u0301", r"caf{\'e}"),
        ("Žižek", r"{\v Z}i{\v z}ek"),
        ("Straße", r"Stra{\ss}e"),
        ("Łódź", r"{\L}{\'o}d{\'z}"),
        ("Ørsted Æ œ", r"{\O}rsted {\AE} {\oe}"),
        ("1917–1923 — x", "1917--1923 --- x"),
        ("–-", "--{}-"),
        ("Stalin’s “terror”", "Stalin's ``terror''"),
        ("‘‘x’’", "`{}`x'{}'"),
        ("α ∀", r"{$\alpha$} {$\forall$}"),
        ("ﬁne", "fine"),
        ("😀", r"{\char128512}"),
        ("Marx & Engels", r"Marx \& Engels"),
    ],
)
def test_special_characters_in_ascii_mode(text: str, latex: str) -> None:
    reference = Reference(note=text, title="t")
    assert f"  note = {{{latex}}}\n" in to_bibtex([entry_of(reference)], ascii=True)
    assert_round_trips([entry_of(reference)], ascii=True)


@pytest.mark.parametrize(
    ("title", "latex"),
    [
        ("The Making of the English Working Class", "The {Making} of the {English Working Class}"),
        ("1939: The Alliance that Never Was", "1939: {The Alliance} that {Never Was}"),
        ("Soviet history, 1917-53", "Soviet history, 1917-53"),
        ("McCarthy and the USSR", "{McCarthy} and the {USSR}"),
        ("iPhone", "{iPhone}"),
        ("(The) war", "{(The)} war"),
        ("Über alles", "Über alles"),
        ("Stalin & Über-Stalin", r"Stalin \& {Über-Stalin}"),
    ],
)
def test_titles_keep_their_capitals(title: str, latex: str) -> None:
    reference = Reference(title=title)
    assert f"  title = {{{latex}}}\n" in to_bibtex([entry_of(reference)])
    assert_round_trips([entry_of(reference)], ascii=False)


def test_capital_protection_works_in_ascii_mode_too() -> None:
    reference = Reference(title="Marx über Ökonomie")
    assert r"  title = {Marx {\"u}ber {{\"O}konomie}}" in to_bibtex([entry_of(reference)], True)


@pytest.mark.parametrize(
    ("url", "written"),
    [
        ("https://example.org/a_b%20c#frag&x=1", "https://example.org/a_b%20c#frag&x=1"),
        ("https://example.org/{x}\\y z", "https://example.org/%7Bx%7D%5Cy%20z"),
        ("https://ru.wikipedia.org/wiki/Сталин", "https://ru.wikipedia.org/wiki/Сталин"),
        ("mailto:me@example.org", "mailto:me@example.org"),
    ],
)
def test_urls_are_verbatim(url: str, written: str) -> None:
    reference = Reference(url=url, doi="10.1000/a_b<c>;(d)")
    bibtex = to_bibtex([entry_of(reference)])
    assert f"  url = {{{written}}},\n" in bibtex
    assert "  doi = {10.1000/a_b<c>;(d)}\n" in bibtex
    assert_round_trips([entry_of(reference)], ascii=False)
    assert_round_trips([entry_of(reference)], ascii=True)


def test_ascii_mode_percent_encodes_non_ascii_urls() -> None:
    reference = Reference(url="https://ru.wikipedia.org/wiki/Сталин")
    written = "https://ru.wikipedia.org/wiki/%D0%A1%D1%82%D0%B0%D0%BB%D0%B8%D0%BD"
    assert f"  url = {{{written}}}\n" in to_bibtex([entry_of(reference)], ascii=True)


@pytest.mark.parametrize(
    ("pages", "written"),
    [("513-545", "513--545"), ("513–545", "513--545"), ("1 - 5, 7—9", "1--5, 7--9"), ("24", "24")],
)
def test_page_ranges_get_an_en_dash(pages: str, written: str) -> None:
    reference = Reference(pages=pages, title="t")
    assert f"  pages = {{{written}}}\n" in to_bibtex([entry_of(reference)])


# -- property: anything goes in, the same comes out ---------------------------------------------

# Any text a UTF-8 file can hold (no lone surrogates), heavy on what TeX treats specially.
TEX_SPECIALS = "&%#_${}~^\\@<>|\"'`-,!? "
characters = st.one_of(
    st.characters(exclude_categories=["Cs"]),
    st.sampled_from(TEX_SPECIALS),
)
texts = st.one_of(
    st.text(characters, max_size=30),
    st.text(st.sampled_from(TEX_SPECIALS + "aAz{}"), max_size=30),
    st.text(characters, max_size=10).map(lambda text: text * 40),
)
short = st.text(characters, max_size=12)
names = st.builds(Name, short, short, short, short)
references = st.builds(
    Reference,
    type=st.sampled_from(EntryType),
    authors=st.lists(names, max_size=3).map(tuple),
    editors=st.lists(names, max_size=2).map(tuple),
    translators=st.lists(names, max_size=1).map(tuple),
    title=texts,
    container=texts,
    volume=short,
    number=short,
    pages=short,
    year=short,
    month=short,
    publisher=texts,
    place=short,
    edition=short,
    series=texts,
    url=texts,
    doi=short,
    isbn=short,
    accessed=short,
    note=texts,
)
entries = st.lists(st.builds(entry_of, references, texts), min_size=1, max_size=4)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries, st.booleans())
# Found by this test: "„" encoded as ",," split a name in two (or made too many commas).
@example([entry_of(Reference(translators=(Name("0", "„"),)), "")], True)
@example([entry_of(Reference(translators=(Name("", "", "", "„"),)), "")], True)
def test_any_entry_reads_back_the_same_through_pybtex_and_bibtexparser(
    entries: list[Entry], ascii: bool
) -> None:
    assert_round_trips(entries, ascii=ascii)


# -- module hygiene ------------------------------------------------------------------------------


def test_importing_the_module_does_not_import_a_bibtex_library() -> None:
    heavy = "('pybtex', 'latexcodec', 'bibtexparser')"
    code = f"import sys, bib.bibtex; sys.exit(any(m in sys.modules for m in {heavy}))"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_a_unicode_export_loads_neither_pybtex_nor_latexcodec() -> None:
    # Both cost `bib export` tens of milliseconds at start-up; only --ascii needs latexcodec.
    code = (
        "import sys\n"
        "from bib.bibtex import to_bibtex\n"
        "from bib.model import Entry, Name, Reference, Span\n"
        "reference = Reference(title='Žižek', authors=(Name('Žižek', 'Slavoj'),))\n"
        "to_bibtex([Entry(raw='', span=Span(1), reference=reference)])\n"
        "print(sorted(m for m in ('pybtex', 'latexcodec') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr


def test_docstring_examples_hold() -> None:
    results = doctest.testmod(bib.bibtex)
    assert results.attempted > 0
    assert results.failed == 0


def test_an_organisation_is_one_author_and_names_the_key() -> None:
    from bib.parser import parse_reference

    reference = parse_reference(
        "World Health Organization. (2020). Coronavirus disease (COVID-19) pandemic. "
        "https://www.who.int/emergencies/diseases/novel-coronavirus-2019"
    )
    text = to_bibtex([Entry("", Span(1), reference)])
    assert "@misc{worldhealthorganization2020," in text
    assert "author = {{World Health Organization}}," in text

r"""BibTeX export: ``to_bibtex(entries, ascii=False)``.

Entry types: article and review -> ``@article``; book and edited-book -> ``@book``
(an edited book has ``editor`` and no ``author``); chapter -> ``@incollection``;
thesis -> ``@phdthesis``, or ``@mastersthesis`` when the reference says MA, MSc,
MPhil, MRes or master; report -> ``@techreport``; webpage and other -> ``@misc``.
The container is ``journal`` (articles, reviews), ``booktitle`` (chapters) or
``howpublished`` (everything else); the publisher is ``school`` (theses),
``institution`` (reports) or ``publisher``. Fields come in one fixed order, empty
ones are left out, and a reference in which the parser found neither a title nor a
name keeps its raw text in ``note``.

bibtexparser v2 writes the file (it is also the library that reads .bib input):
its ``NameParts`` formats ``von Last, Jr, First`` names, ``AddEnclosingMiddleware``
braces every value and its writer lays out the entries, two spaces of indent, one
blank line between entries. pybtex's ``Writer`` did this before; importing pybtex
costs about three times as much (its ``__init__`` loads ``importlib.metadata``,
its writer ``latexcodec``'s tables), which `bib export` paid on every run. Two
things are done here before the values reach the writer:

- Encoding: bibtexparser writes values as they are, and pybtex's own encoder
  (latexcodec's ``ulatex`` codec) does not give correct output for arbitrary text
  anyway: it escapes ``& % # _`` but passes ``{ } \ $ ^`` through raw, so a lone
  ``{`` breaks the file, a backslash becomes a LaTeX command and ``$`` starts math
  mode; with ``ascii`` it writes ``\"u`` without the braces classic BibTeX needs to
  sort and change case around accents, and it raises on characters with no LaTeX
  macro. So values are encoded here (``latex``).
- A value whose braces do not balance would break the file for every reader; the
  encoding never writes one, and a bug that did raises ``ValueError`` instead.

How text is encoded:

- Whitespace is not data in BibTeX, and pybtex turns every run of Unicode
  whitespace (no-break spaces included) into one space when it reads a value, so
  values are written that way: runs of whitespace become one space, ends are
  stripped, and other control characters are dropped.
- ``& % # _ $`` become ``\& \% \# \_ \$``; ``\ { } ~ ^ < > |`` become
  ``{\textbackslash}``, ``{\textbraceleft}``, ``{\textbraceright}``,
  ``{\textasciitilde}``, ``{\textasciicircum}``, ``{\textless}``,
  ``{\textgreater}``, ``{\textbar}``. Braces are never written as ``\{``: BibTeX
  counts that brace (bibtexparser does not), so an unmatched one would break the
  file for one reader or the other.
- Pairs TeX would join into one glyph (``--``, ````` ``, ``''``, ``,,``, ``!```,
  ``?```) are split with ``{}``, so ``1917--1953`` as typed stays two hyphens. The
  page range is the exception: any dash there is written ``--`` on purpose.
- ``@`` becomes ``{@}`` when a ``{`` follows the word after it: bibtexparser v2
  takes ``@word{`` for the start of a new entry wherever it stands.
- By default other Unicode is written as it is, for biber, pybtex and bibtexparser
  (classic BibTeX passes it through but sorts and case-changes only ASCII). With
  ``ascii=True`` the text is NFC normalised and each non-ASCII character gets
  latexcodec's LaTeX for it, in braces as classic BibTeX expects (``{\"u}``,
  ``{\'e}``, ``{\v Z}``, ``{\ss}``), or ``{\char N}`` (latexcodec's fallback) when
  there is no macro or the macro does not read back as the same character. The
  result reads back as the input up to NFKC compatibility forms (``ﬁ`` -> ``fi``)
  and LaTeX's quote convention (``’`` -> ``'``).
- ``url`` and ``doi`` are verbatim fields (biblatex and ``\url`` take them
  literally), so they are not LaTeX-escaped; the few characters that cannot stand
  in them (braces, backslash, whitespace, controls, and non-ASCII with ``ascii``)
  are percent-encoded, which is the same URL.

Titles are kept as written. Bibliography styles lowercase titles (BibTeX's
``change.case$``, biblatex's sentence case) and only braces stop them; since there
is no telling a proper noun from a capitalised word, each run of words with a
capital letter that the style would lowercase is braced:
``The {Great Terror: A Reassessment}``, ``The {Making} of the {English Working Class}``.
The first character of the title, which the styles keep, is not braced.

Names are ``von Last, Jr, First`` and joined with `` and ``. A family name of
several words, or any part holding a comma or the word "and", is braced, so
``{World Health Organization}`` and ``{Lloyd George}, David`` stay one name. In
names ``\&`` and the like are braced too (``{\&}``): bibtexparser v2 skips over a
backslash and the next character while it looks for "and", and loses the word. A name
with no given name is one braced unit (``{van der Linden}``, ``{Smith, Jr.}``):
without a First, BibTeX would read "De Gaulle" as First "De", and bibtexparser
refuses the trailing comma of ``De Gaulle,``.
"""

from __future__ import annotations

import codecs
import unicodedata
import urllib.parse
from collections.abc import Sequence
from functools import cache
from typing import Any, cast

from bib import patterns
from bib.keys import ensure_keys
from bib.model import Entry, EntryType, Name, Reference

_SPECIALS = {
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "$": r"\$",
    "\\": r"{\textbackslash}",
    "{": r"{\textbraceleft}",
    "}": r"{\textbraceright}",
    "~": r"{\textasciitilde}",
    "^": r"{\textasciicircum}",
    "<": r"{\textless}",
    ">": r"{\textgreater}",
    "|": r"{\textbar}",
}
_LIGATURES = frozenset({"--", "``", "''", ",,", "!`", "?`"})
# Characters latexcodec writes as ASCII that LaTeX typesets as the original.
_LATEX_QUOTES = {"’": "'", "‘": "`"}
_DASHES = patterns.compile(r"\s*[-‐‑‒–—―−]+\s*")
_SPACE = patterns.compile(r"\s+")
_ESCAPE = patterns.compile(r"\\[&%#_$]")
_AT_BEFORE_BRACE = patterns.compile(r"@(?=[\w@ \t]*\{)")
_BAD_KEY = patterns.compile(r"[\s,{}()\"#%'=\\]")
_MASTERS = patterns.compile(
    r"(?<!\w)(?:MA|M\.A\.|MSc|M\.Sc\.|MPhil|M\.Phil\.|MRes|M\.Res\.)(?!\w)|(?i:\bmaster)"
)

_TYPES = {
    EntryType.ARTICLE: "article",
    EntryType.REVIEW: "article",
    EntryType.BOOK: "book",
    EntryType.EDITED_BOOK: "book",
    EntryType.CHAPTER: "incollection",
    EntryType.THESIS: "phdthesis",
    EntryType.REPORT: "techreport",
    EntryType.WEBPAGE: "misc",
    EntryType.OTHER: "misc",
}


def to_bibtex(entries: Sequence[Entry], ascii: bool = False) -> str:
    """The entries as a BibTeX file; entries without a key get one from ``bib.keys``.

    A key that BibTeX cannot take (spaces, commas, braces...) or that two entries share
    is a bug in the caller: ``ValueError``.
    """
    from bibtexparser.entrypoint import write_string
    from bibtexparser.library import Library
    from bibtexparser.middlewares import AddEnclosingMiddleware
    from bibtexparser.model import Block, Field
    from bibtexparser.model import Entry as BibtexEntry
    from bibtexparser.writer import BibtexFormat

    blocks: list[Block] = []
    seen: set[str] = set()
    for entry in ensure_keys(entries):
        if _BAD_KEY.search(entry.key) or entry.key.lower() in seen:
            raise ValueError(f"not a usable BibTeX key: {entry.key!r}")
        seen.add(entry.key.lower())
        values = [*_persons(entry.reference, ascii), *_fields(entry, ascii)]
        # bibtexparser v2 cannot read an entry with no field at all.
        fields = [Field(name, _checked(value)) for name, value in values] or [Field("note", "")]
        blocks.append(BibtexEntry(bibtex_type(entry), entry.key, fields))
    layout = BibtexFormat()  # type: ignore[no-untyped-call]
    layout.indent = "  "
    layout.block_separator = "\n"
    braces = AddEnclosingMiddleware(
        reuse_previous_enclosing=False, enclose_integers=True, default_enclosing="{"
    )
    text: str = write_string(Library(blocks), unparse_stack=[braces], bibtex_format=layout)
    return text


def bibtex_type(entry: Entry) -> str:
    """The BibTeX entry type for an entry: ``article``, ``book``, ``incollection``..."""
    reference = entry.reference
    if reference.type is EntryType.THESIS and (
        _MASTERS.search(entry.raw) or _MASTERS.search(reference.note)
    ):
        return "mastersthesis"
    return _TYPES[reference.type]


def clean(text: str) -> str:
    """Control characters dropped, whitespace runs to one space, ends stripped."""
    text = "".join(char for char in text if char.isspace() or unicodedata.category(char) != "Cc")
    return _SPACE.sub(" ", text).strip()


def latex(text: str, ascii: bool = False) -> str:
    r"""Plain text as the LaTeX of a BibTeX value.

    >>> print(latex("Marx & Engels: 100% {sic}"))
    Marx \& Engels: 100\% {\textbraceleft}sic{\textbraceright}
    >>> print(latex("Žižek -- Straße", ascii=True))
    {\v Z}i{\v z}ek -{}- Stra{\ss}e
    """
    if ascii:
        text = unicodedata.normalize("NFC", text)
    pieces: list[str] = []
    for char in text:
        piece = _SPECIALS.get(char, char)
        if ascii and not char.isascii():
            piece = _ascii_latex(char)
        if pieces and pieces[-1][-1] + piece[0] in _LIGATURES:
            pieces.append("{}")
        pieces.append(piece)
    return "".join(pieces)


def protect_title(title: str, ascii: bool = False) -> str:
    """The title as LaTeX, with braces around each run of words a style would lowercase.

    >>> print(protect_title("The Making of the English Working Class"))
    The {Making} of the {English Working Class}
    >>> print(protect_title("1939: The Alliance that Never Was"))
    1939: {The Alliance} that {Never Was}
    """
    output: list[str] = []
    run: list[str] = []
    for index, word in enumerate(title.split(" ")):
        capitals = word[1:] if index == 0 else word
        if any(char != char.lower() for char in capitals):
            run.append(latex(word, ascii))
            continue
        if run:
            output.append("{" + " ".join(run) + "}")
            run = []
        output.append(latex(word, ascii))
    if run:
        output.append("{" + " ".join(run) + "}")
    return " ".join(output)


def verbatim(text: str, ascii: bool = False) -> str:
    """A URL or DOI: kept literally, but for the characters that cannot stand in a field.

    >>> print(verbatim("https://example.org/a b{c}"))
    https://example.org/a%20b%7Bc%7D
    """
    return "".join(
        urllib.parse.quote(char, safe="")
        if char in "{}\\"
        or char.isspace()
        or unicodedata.category(char) == "Cc"
        or (ascii and not char.isascii())
        else char
        for char in text.strip()
    )


def pages(text: str, ascii: bool = False) -> str:
    """A page range with ``--`` between the numbers, whatever dash the reference used."""
    return "--".join(latex(part, ascii) for part in _DASHES.split(clean(text)))


def _fields(entry: Entry, ascii: bool) -> list[tuple[str, str]]:
    reference = entry.reference
    kind = reference.type
    if kind in (EntryType.ARTICLE, EntryType.REVIEW):
        container = "journal"
    elif kind is EntryType.CHAPTER:
        container = "booktitle"
    else:
        container = "howpublished"
    publisher = {EntryType.THESIS: "school", EntryType.REPORT: "institution"}.get(kind, "publisher")
    note = reference.note
    if not (reference.title or reference.authors or reference.editors):
        note = entry.raw

    def text(value: str) -> str:
        return latex(clean(value), ascii)

    fields = [
        ("title", protect_title(clean(reference.title), ascii)),
        (container, text(reference.container)),
        ("volume", text(reference.volume)),
        ("number", text(reference.number)),
        ("pages", pages(reference.pages, ascii)),
        ("year", text(reference.year)),
        ("month", text(reference.month)),
        (publisher, text(reference.publisher)),
        ("address", text(reference.place)),
        ("edition", text(reference.edition)),
        ("series", text(reference.series)),
        ("url", verbatim(reference.url, ascii)),
        ("doi", verbatim(reference.doi, ascii)),
        ("isbn", text(reference.isbn)),
        ("urldate", text(reference.accessed)),
        ("note", text(note)),
    ]
    return [(name, value) for name, value in fields if value]


def _persons(reference: Reference, ascii: bool) -> list[tuple[str, str]]:
    """``author``, ``editor`` and ``translator``: each a list of names joined by " and "."""
    authors, editors = reference.authors, reference.editors
    if reference.type is EntryType.EDITED_BOOK:
        authors, editors = (), editors or authors
    roles = (("author", authors), ("editor", editors), ("translator", reference.translators))
    return [
        (role, " and ".join(people))
        for role, names in roles
        if (people := [person for name in names if (person := _person(name, ascii))])
    ]


def _person(name: Name, ascii: bool) -> str:
    """One name as ``von Last, Jr, First`` (bibtexparser's layout), or "" for no name."""
    from bibtexparser.middlewares import NameParts

    family, given = clean(name.family), clean(name.given)
    particle, suffix = clean(name.particle), clean(name.suffix)
    if not family:
        family, given = given, ""
    if not given:
        # "von Last, Jr, First" needs a First; without one the name is a single unit.
        whole = ", ".join(part for part in (f"{particle} {family}".strip(), suffix) if part)
        return _name_part(whole, ascii, whole=True) if whole else ""
    parts = NameParts(
        first=[_name_part(given, ascii)],
        von=[_name_part(particle, ascii)] if particle else [],
        last=[_name_part(family, ascii, whole=True)],
        jr=[_name_part(suffix, ascii)] if suffix else [],
    )
    return parts.merge_last_name_first


def _name_part(text: str, ascii: bool, whole: bool = False) -> str:
    """A part of a name as LaTeX, braced when BibTeX would split it or misread it."""
    # bibtexparser v2 skips a backslash and the character after it when it looks for the
    # " and " between names, and loses the word it was in: keep \& and the like in braces.
    encoded = _ESCAPE.sub(r"{\g<0>}", latex(text, ascii))
    words = text.split(" ")
    if "," in text or "and" in (word.lower() for word in words) or (whole and len(words) > 1):
        return "{" + encoded + "}"
    return encoded


@cache
def _ascii_latex(char: str) -> str:
    import latexcodec  # noqa: F401  (registers the codecs; pybtex depends on it)

    text_codecs = cast(Any, codecs)  # latexcodec's "ulatex" codecs map str to str
    fallback = f"{{\\char{ord(char)}}}"
    encoded: str = text_codecs.encode(char, "ulatex+ascii", "replace")
    if not encoded or encoded == fallback or "{" in encoded or "}" in encoded:
        return fallback
    if "," in encoded and char != ",":
        return fallback  # "„" is ",," in LaTeX: a comma would split a BibTeX name
    readings = {char, unicodedata.normalize("NFKC", char), _LATEX_QUOTES.get(char)}
    if text_codecs.decode(encoded, "ulatex") not in readings:
        return fallback
    return "{" + encoded + "}" if "\\" in encoded or "$" in encoded else encoded


def _checked(value: str) -> str:
    """The value with ``@`` guarded, once its braces are known to balance (else a bug)."""
    depth = 0
    for char in value:
        depth += (char == "{") - (char == "}")
        if depth < 0:
            break
    if depth:
        raise ValueError(f"unbalanced braces in a BibTeX value: {value!r}")
    return _AT_BEFORE_BRACE.sub("{@}", value)

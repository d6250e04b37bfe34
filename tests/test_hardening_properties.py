"""Properties that hold for any input: nothing crashes, exports read back the same.

tests/test_parser_robust.py and tests/test_bibtex.py already cover short printable text
and hand-built entries; these add what a thesis can hold and they do not generate:
text past the parser's length cut, lone surrogates, control characters, every dash,
space and direction mark, whole files in any encoding through every reader, and entries
that come out of the real pipeline (essay bytes -> reader -> parser -> exporter).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any, cast

from click.testing import CliRunner
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bib.bibtex import to_bibtex
from bib.csl import to_csl_json
from bib.document import read_document
from bib.errors import BibError
from bib.keys import ensure_keys
from bib.model import Document, Entry, EntryType, Name, Reference, Span
from bib.parser import MAX_LENGTH, parse_reference
from cli.main import bib
from tests.test_bibtex import assert_round_trips, decoded, expected_values, read_with_pybtex

# Characters that text from real files brings and that generic strategies rarely draw.
DASHES = "-‐‑‒–—―−⁃﹘﹣－"
SPACES = (
    " \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u202f\u205f\u3000\u200b\u2060\ufeff"
)
DIRECTION = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
CONTROLS = "".join(map(chr, range(32))) + "\x7f\x85\u2028\u2029"
QUOTES = "\"'‘’‚‛“”„‟«»‹›「」『』"
TEX = "&%#_${}~^\\@<>|`"
SCRIPTS = "Жжعربيעבריתहिंदी中文日本語한국어Ελληνικάქართულიᚠ𝔄𝔅😀👍🏽e\u0301"
SPECIAL = DASHES + SPACES + DIRECTION + CONTROLS + QUOTES + TEX + SCRIPTS
REFERENCE_WORDS = (
    "Harris, J. ",
    "The Great Fear ",
    "(Oxford: Oxford University Press, 2016)",
    "pp. 12–45. ",
    "doi:10.1080/0966.2014 ",
    "https://example.org/a_b ",
    "In ",
    "ed. ",
    "vol. 3, no. 2 ",
    "“Title,” ",
    "et al. ",
    "\n",
)

special_characters = st.sampled_from(SPECIAL)
any_characters = st.one_of(
    st.characters(),  # every code point, lone surrogates included
    special_characters,
)
any_text = st.one_of(
    st.text(any_characters, max_size=300),
    st.lists(st.sampled_from(REFERENCE_WORDS + tuple(SPECIAL)), max_size=80).map("".join),
)


# -- the parser ----------------------------------------------------------------------------------


def assert_plain_reference(reference: Reference) -> None:
    assert isinstance(reference, Reference)
    assert isinstance(reference.type, EntryType)
    for name in (*reference.authors, *reference.editors, *reference.translators):
        assert isinstance(name, Name)
        assert all(isinstance(getattr(name, f), str) for f in name._fields)


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_the_parser_never_raises_on_any_string(text: str) -> None:
    assert_plain_reference(parse_reference(text))


@settings(max_examples=15, deadline=None)
@given(st.text(any_characters, min_size=1, max_size=20), st.integers(2, 40))
def test_the_parser_never_raises_past_its_length_cut(unit: str, pieces: int) -> None:
    text = (unit * (MAX_LENGTH // len(unit) + 1)) * pieces
    first = parse_reference(text)
    assert_plain_reference(first)
    assert parse_reference(text) == first  # and it is deterministic


# -- the document reader -------------------------------------------------------------------------

SUFFIXES = (".txt", ".md", ".tex", ".latex", ".bib", ".docx", "")
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1")

essays = st.builds(
    lambda head, body, heading, refs: f"{head}\n\n{body}\n\n{heading}\n\n" + "\n".join(refs),
    any_text,
    any_text,
    st.sampled_from(("References", "## Bibliography", "**Works Cited**", "", "References:")),
    st.lists(any_text, max_size=8),
)


def encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="surrogatepass" if "utf" in encoding else "replace")


def read_or_refuse(data: bytes, path: str) -> Document | None:
    """The document, or None when the reader refused the input with a ``BibError``."""
    try:
        return read_document(data, path)
    except BibError as exc:
        message = str(exc)
        assert message and "\n" not in message and message.startswith(path)
        return None


def assert_inside(document: Document, data: bytes) -> None:
    lines = max(1, data.count(b"\n") + data.count(b"\r") + 1)
    for entry in document.entries:
        assert 1 <= entry.span.line <= lines + 1
        assert isinstance(entry.key, str) and entry.key
    assert len({entry.key for entry in document.entries}) == len(document.entries)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000), st.sampled_from(SUFFIXES))
def test_the_reader_raises_only_bib_error_on_any_bytes(data: bytes, suffix: str) -> None:
    document = read_or_refuse(data, f"essay{suffix}")
    if document is not None:
        assert_inside(document, data)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(essays, st.sampled_from(ENCODINGS), st.sampled_from(SUFFIXES[:-2]))
def test_the_reader_raises_only_bib_error_on_any_essay(
    text: str, encoding: str, suffix: str
) -> None:
    data = encoded(text, encoding)
    document = read_or_refuse(data, f"essay{suffix}")
    if document is not None:
        assert_inside(document, data)


# -- export of what the pipeline makes -----------------------------------------------------------

# Reference lines that make entries with every field, heavy on what TeX treats specially.
reference_lines = st.lists(
    st.one_of(
        st.sampled_from(REFERENCE_WORDS[:-1]),
        st.text(st.one_of(st.sampled_from(TEX + QUOTES + DASHES), st.characters()), max_size=12),
    ),
    min_size=1,
    max_size=30,
).map(lambda parts: "".join(parts).replace("\n", " ").strip())


def essay_with(lines: list[str]) -> bytes:
    body = "Klevniuk argues (Harris 2016, 45) that the fear was general.\n\n"
    return (body + "References\n\n" + "\n".join(f"{line}\n" for line in lines)).encode(
        "utf-8", errors="replace"
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(reference_lines, min_size=1, max_size=6), st.booleans())
def test_exported_entries_of_any_essay_read_back_the_same(lines: list[str], ascii: bool) -> None:
    document = read_or_refuse(essay_with(lines), "essay.md")
    assume(document is not None and document.entries)
    assert document is not None
    assert_round_trips(list(document.entries), ascii=ascii)
    csl = json.loads(to_csl_json(document.entries))
    assert [item["id"] for item in csl] == [entry.key for entry in document.entries]


# -- export of entries the pipeline cannot make: empty, enormous ---------------------------------

long_text = st.builds(
    lambda unit, times: (unit * times)[:3_000],
    st.text(st.one_of(st.sampled_from(TEX + SPACES[:3] + "aZ"), st.characters()), min_size=1),
    st.integers(300, 3_000),
)
short_or_empty = st.one_of(st.just(""), st.just(" "), st.text(any_characters, max_size=5))
TEXT_FIELDS = (
    "title",
    "container",
    "volume",
    "number",
    "pages",
    "year",
    "month",
    "publisher",
    "place",
    "edition",
    "series",
    "url",
    "doi",
    "isbn",
    "accessed",
    "note",
)


def references_with(values: st.SearchStrategy[str]) -> st.SearchStrategy[Reference]:
    return st.builds(
        lambda kind, names, texts: Reference(
            type=kind,
            authors=tuple(names),
            **cast(dict[str, Any], dict(zip(TEXT_FIELDS, texts, strict=True))),
        ),
        st.sampled_from(EntryType),
        st.lists(st.builds(Name, values, values, st.just(""), st.just("")), max_size=2),
        st.tuples(*(values for _ in TEXT_FIELDS)),
    )


def assert_both_formats_read_back(entries: list[Entry]) -> None:
    assert_round_trips(entries, ascii=False)
    items = json.loads(to_csl_json(entries))
    for item, entry in zip(items, ensure_keys(entries), strict=True):
        ref = entry.reference
        for variable, value in (("title", ref.title), ("note", ref.note), ("URL", ref.url)):
            assert item.get(variable, "") == value.strip()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(references_with(short_or_empty), min_size=1, max_size=3), st.text(max_size=3))
def test_empty_and_blank_fields_read_back_the_same(references: list[Reference], raw: str) -> None:
    assert_both_formats_read_back([Entry(raw=raw, span=Span(1), reference=r) for r in references])


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(("title", "note", "publisher", "series", "url")), long_text, long_text)
def test_very_long_fields_read_back_the_same(field: str, value: str, family: str) -> None:
    values: dict[str, Any] = {field: value}
    reference = (Reference(authors=(Name(family, "J."),)))._replace(**values)
    assert_both_formats_read_back([Entry(raw="", span=Span(1), reference=reference)])


def test_an_entry_with_no_fields_at_all_reads_back() -> None:
    entries = [Entry(raw="", span=Span(1), reference=Reference())]
    assert_round_trips(entries, ascii=False)
    assert json.loads(to_csl_json(entries)) == [{"id": "anonnd", "type": "document"}]


# -- the command: `bib export -o` writes what reads back ---------------------------------------


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(reference_lines, min_size=1, max_size=4))
def test_bib_export_writes_a_file_that_reads_back(lines: list[str]) -> None:
    data = essay_with(lines)
    document = read_or_refuse(data, "essay.md")
    assume(document is not None and document.entries)
    assert document is not None
    with tempfile.TemporaryDirectory() as directory:
        essay, output, csl = (Path(directory) / n for n in ("essay.md", "out.bib", "out.json"))
        essay.write_bytes(data)
        runner = CliRunner()
        result = runner.invoke(bib, ["export", str(essay), "-o", str(output)])
        assert result.exit_code == 0, result.output
        written = output.read_text(encoding="utf-8")
        result = runner.invoke(bib, ["export", str(essay), "--format", "csl-json", "-o", str(csl)])
        assert result.exit_code == 0, result.output
        items = json.loads(csl.read_text(encoding="utf-8"))
    assert written == to_bibtex(document.entries)
    expected = {e.key: expected_values(e, False) for e in document.entries}
    assert {k: decoded(v, False) for k, v in read_with_pybtex(written).items()} == expected
    assert [item["id"] for item in items] == list(expected)

"""Decoding: the encodings essays come in, line ends, and input that is not an essay."""

from __future__ import annotations

import codecs
import doctest

import pytest

import bib.text
from bib.errors import BibError
from bib.text import decode

SAMPLE = "Carr, E. H. “Twilight” – 1982\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"


def test_docstring_examples_pass() -> None:
    result = doctest.testmod(bib.text)
    assert result.attempted > 0
    assert result.failed == 0


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (SAMPLE.encode(), SAMPLE, "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode(), SAMPLE, "utf-8"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), SAMPLE, "utf-16-le"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), SAMPLE, "utf-16-be"),
        (codecs.BOM_UTF32_LE + SAMPLE.encode("utf-32-le"), SAMPLE, "utf-32-le"),
        (b"Title\r\n\r\nBody\r\n", "Title\n\nBody\n", "utf-8"),
        (b"Title\r\rBody\r", "Title\n\nBody\n", "utf-8"),
        (b"one\r\ntwo\rthree\nfour", "one\ntwo\nthree\nfour", "utf-8"),
        (codecs.BOM_UTF16_LE + "a\r\nb\rc".encode("utf-16-le"), "a\nb\nc", "utf-16-le"),
        (codecs.BOM_UTF8 + "\ufeffTitle".encode(), "Title", "utf-8"),  # a doubled mark
        (b"Title\tand\x0cpage\x1b[0m\n", "Title\tand\x0cpage\x1b[0m\n", "utf-8"),
    ],
    ids=[
        "utf-8",
        "utf-8-bom",
        "utf-16-le",
        "utf-16-be",
        "utf-32-le",
        "crlf",
        "cr",
        "mixed-line-ends",
        "utf-16-crlf",
        "double-bom",
        "tab-formfeed-escape",
    ],
)
def test_decode_reads_text_and_normalises_line_ends(data: bytes, text: str, encoding: str) -> None:
    decoded = decode(data)
    assert decoded.text == text
    assert decoded.encoding == encoding
    assert decoded.warnings == ()


def test_not_utf8_falls_back_to_cp1252_with_a_warning() -> None:
    data = "Title\n\nCarr, E. H. “Twilight of the Comintern” – 1982\n".encode("cp1252")
    decoded = decode(data)
    assert decoded.text == "Title\n\nCarr, E. H. “Twilight of the Comintern” – 1982\n"
    assert decoded.encoding == "cp1252"
    (warning,) = decoded.warnings
    assert "not valid UTF-8" in warning
    assert "Windows-1252" in warning
    assert "line 3" in warning  # where to look for the first bad byte


def test_bytes_cp1252_leaves_undefined_fall_back_to_latin1() -> None:
    decoded = decode(b"caf\xe9 \x81 r\xe9sum\xe9")
    assert decoded.encoding == "latin-1"
    assert decoded.text == "café \x81 résumé"
    assert len(decoded.warnings) == 1


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "is empty"),
        (b" \n\t\r\n  \r", "is empty"),
        (codecs.BOM_UTF8, "is empty"),
        (codecs.BOM_UTF16_LE, "is empty"),
        (codecs.BOM_UTF16_LE + "  \r\n ".encode("utf-16-le"), "is empty"),
        (PNG, "is not a text file (it looks like a PNG image)"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "is not a text file (it looks like a PDF document)"),
        (b"PK\x03\x04\x14\x00\x06\x00", "is not a text file (it looks like a zip archive"),
        (b"Harris, J. The Great Fear\x00\x00 (2016)\n" * 20, "is not a text file (it contains NUL"),
        (bytes(range(1, 9)) * 100 + b"text", "is not a text file (it contains 800 control bytes)"),
        (codecs.BOM_UTF16_LE + b"a\x00b", "is not valid UTF-16-LE"),
    ],
    ids=[
        "empty",
        "whitespace",
        "utf-8-bom-only",
        "utf-16-bom-only",
        "utf-16-whitespace",
        "png",
        "pdf",
        "docx",
        "nul-bytes",
        "control-bytes",
        "truncated-utf-16",
    ],
)
def test_input_that_is_not_an_essay_is_one_clear_error(data: bytes, says: str) -> None:
    with pytest.raises(BibError) as error:
        decode(data, name="essay.txt")
    message = str(error.value)
    assert message.startswith("essay.txt: ")
    assert says in message
    assert "\n" not in message


def test_a_few_stray_control_bytes_are_still_text() -> None:
    data = b"Title\n\n" + b"A line of prose that goes on for a while.\n" * 50 + b"\x07\n"
    assert decode(data).text.endswith("\x07\n")

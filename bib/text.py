"""Turn the bytes of an essay into text: guess the encoding, refuse what is not text.

Pure: bytes in, text out. Line ends come out as "\\n" only, so that line numbers
agree with every editor whatever the file used (CRLF, CR or LF). Other Unicode
line separators are left alone: the rest of the core splits on "\\n" only.
"""

from typing import NamedTuple

from bib.errors import BibError

# Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Signatures of the binary files people most often pass by mistake.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (a .docx, .odt or .epub is one)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word or Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "an RTF document (save it as plain text)"),
)

# Control bytes that text files do contain: tab, line feed, vertical tab, form
# feed, carriage return, and escape (terminal colours in pasted logs).
_TEXT_CONTROLS = b"\t\n\x0b\x0c\r\x1b"
_CONTROLS = bytes(b for b in range(32) if b not in _TEXT_CONTROLS) + b"\x7f"
# Above this share of stray control bytes a file is binary, not text with a few glitches.
_MAX_CONTROL_SHARE = 0.01


class Decoded(NamedTuple):
    """The text of a file, the encoding it was read with, and what was odd about it."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode(data: bytes, *, name: str = "input") -> Decoded:
    """Decode an essay's bytes; raise ``BibError`` when they are empty or not text.

    ``name`` (usually the path) starts the error message: "essay.txt: is empty".

    >>> decode(b"Title\\r\\n\\r\\nBody\\r").text
    'Title\\n\\nBody\\n'
    >>> decode("caf\\u00e9".encode("cp1252")).encoding
    'cp1252'
    """
    if not data.strip():
        raise BibError(f"{name}: is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _finish(_decode_unicode(data[len(bom) :], encoding, name), encoding, (), name)
    _refuse_binary(data, name)
    try:
        return _finish(data.decode("utf-8"), "utf-8", (), name)
    except UnicodeDecodeError as exc:
        where = _where(data, exc.start)
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps every byte, so it never fails.
        text, encoding = data.decode("latin-1"), "latin-1"
    label = "Windows-1252" if encoding == "cp1252" else "Latin-1"
    warning = f"not valid UTF-8 ({where}); read as {label}: save the file as UTF-8 to be sure"
    return _finish(text, encoding, (warning,), name)


def _decode_unicode(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise BibError(
            f"{name}: starts with a {encoding.upper()} byte-order mark but is not valid "
            f"{encoding.upper()} ({_where(data, exc.start)})"
        ) from None


def _refuse_binary(data: bytes, name: str) -> None:
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise BibError(f"{name}: is not a text file (it looks like {kind})")
    # A NUL never occurs in UTF-8 or single-byte text; without a byte-order mark
    # it means binary data (or UTF-16 without a mark, which we do not guess at).
    if b"\x00" in data:
        raise BibError(f"{name}: is not a text file (it contains NUL bytes)")
    # translate() deletes the allowed bytes in C, so this stays fast on 20 MB.
    controls = len(data) - len(data.translate(None, _CONTROLS))
    if controls > _MAX_CONTROL_SHARE * len(data):
        raise BibError(f"{name}: is not a text file (it contains {controls} control bytes)")


def _finish(text: str, encoding: str, warnings: tuple[str, ...], name: str) -> Decoded:
    if text.startswith("\ufeff"):  # a second mark, or one written inside UTF-16
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise BibError(f"{name}: is empty")
    return Decoded(text, encoding, warnings)


def _where(data: bytes, offset: int) -> str:
    line = data.count(b"\n", 0, offset) + data.count(b"\r", 0, offset)
    line -= data.count(b"\r\n", 0, offset)
    return f"byte 0x{data[offset]:02x} on line {line + 1}"

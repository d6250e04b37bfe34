r"""LaTeX essays (.tex): the body's prose, its footnotes, and its citations by key.

``read_latex`` reads the text between ``\begin{document}`` and ``\end{document}``
(the whole file when there is no such environment). Every block keeps the file's
lines as its ``text`` (comments blanked); its ``prose`` is the same text with LaTeX
blanked out by spaces, so that columns in the prose are columns in the file:

- comments (``%`` to the end of the line, not ``\%``), math, ``\label``, ``\ref``,
  ``\includegraphics`` and the like, and every citation command vanish;
- other commands vanish but keep the text of their braced argument
  (``\emph{War}`` -> ``War``, ``\section{Sources}`` -> ``Sources``);
- TeX quotes become quotation marks (````...''`` -> ``“...”``, ```...'`` ->
  ``‘...’``), as does ``\enquote{...}``, so the quotation rules read them;
- ``\footnote{...}`` is blanked from the paragraph and becomes a block of
  ``Document.notes`` at its own place in the file (the paragraph's ``text`` keeps
  ``\footnote{``, which the quotation rules take for a note marker).

Citations by key become ``Document.keyed_citations``: ``\cite``, ``\citep``,
``\citet``, ``\parencite``, ``\textcite``, ``\autocite``, ``\footcite``,
``\smartcite``, ``\supercite``, their starred and capitalised forms, and the
multi-citation ``\cites(...)`` forms. With one optional argument it is the
postnote (``\citep[p.~33]{a}``); with two, the first is the prenote and the second
the postnote (``\cite[see][33]{a}``). The postnote is the locator, ``~`` read as
a space. Each key gets its own span.

A ``thebibliography`` environment is the reference list: each ``\bibitem{key}`` is
an entry with that key, its text turned to Markdown (``\emph{T}`` -> ``*T*``) for
the parser. Otherwise the entries come from a .bib: ``bibliography_names`` lists
the files that ``\bibliography{...}`` and ``\addbibresource{...}`` name, for the
caller to read (relative to the .tex).

Everything is linear in the size of the file: braces are matched once, up front.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import NamedTuple

from bib import patterns
from bib.keys import ensure_keys
from bib.model import Block, Document, Entry, KeyedCitation, Span
from bib.parser import parse_reference
from bib.text import decode

_BRACE = patterns.compile(r"\\.|[{}]", re.S)
_COMMAND = patterns.compile(r"\\(?:[A-Za-z@]+\*?|.)", re.S)
_CITE = patterns.compile(r"(?:[a-z]*cite[a-z]*|[A-Z][a-z]*cite[a-z]*|nocite)\*?")
_MULTI_CITE = patterns.compile(r"[A-Za-z]*cites\*?")
# Commands whose arguments are not prose: blanked with them.
_DROPPED = frozenset(
    "label ref eqref pageref autoref cref Cref nameref includegraphics input include "
    "bibliography bibliographystyle addbibresource printbibliography usepackage "
    "documentclass vspace hspace vskip hskip url newcommand renewcommand providecommand "
    "setlength setcounter addtocounter maketitle tableofcontents pagestyle thispagestyle "
    "begin end bibitem newblock index hypersetup geometry".split()
)
_SECTIONING = patterns.compile(
    r"[ \t]*\\(?:part|chapter|section|subsection|subsubsection|paragraph|subparagraph|"
    r"begin|end|item|maketitle|title|author|date)\b"
)
_ESCAPED = frozenset("&%$#_{}")
_DOCUMENT = patterns.compile(r"\\begin\s*\{document\}")
_END_DOCUMENT = patterns.compile(r"\\end\s*\{document\}")
_BIBLIOGRAPHY_ENV = patterns.compile(
    r"\\begin\s*\{thebibliography\}(?:\{[^{}]*\})?(?P<items>.*?)\\end\s*\{thebibliography\}", re.S
)
_BIBITEM = patterns.compile(r"\\bibitem\s*(?:\[[^\]]*\])?\s*\{(?P<key>[^{}]*)\}")
_BIB_NAMES = patterns.compile(
    r"\\(?P<command>bibliography|addbibresource)\s*(?:\[[^\]]*\])?\s*\{(?P<names>[^{}]*)\}"
)
_TITLE = patterns.compile(r"\\title\s*(?:\[[^\]]*\])?\s*\{")
_EMPHASIS = patterns.compile(
    r"\\(?:emph|textit|textsl)\s*\{([^{}]*)\}|\{\\(?:em|it|sl)\s+([^{}]*)\}"
)


class _Source:
    """A text's line starts (offsets to file spans) and which brace closes which."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.closing: dict[int, int] = {}
        opened: list[int] = []
        for match in _BRACE.finditer(text):
            brace = match.group()
            if brace == "{":
                opened.append(match.start())
            elif brace == "}" and opened:
                self.closing[opened.pop()] = match.start()

    def closing_brace(self, opening: int, end: int) -> int:
        """The offset of the ``}`` that closes the ``{`` at ``opening`` before ``end``, or -1."""
        closing = self.closing.get(opening, -1)
        return closing if closing < end else -1

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1

    def span(self, start: int, end: int) -> Span:
        """The file span of ``text[start:end]`` (end exclusive)."""
        line, column = self.position(start)
        end_line, end_column = self.position(max(start, end - 1))
        return Span(line, column, end_line, end_column)


class _Scan(NamedTuple):
    prose: str
    citations: tuple[KeyedCitation, ...]
    footnotes: tuple[tuple[int, int], ...]  # offsets of each footnote's content, end exclusive


def read_latex(data: bytes, path: str) -> Document:
    """A .tex essay as a Document; see the module docstring."""
    decoded = decode(data, name=path)
    text = decoded.text
    start, end = _document_range(text)
    uncommented = _strip_comments(text)
    source = _Source(uncommented)
    bibliography = _BIBLIOGRAPHY_ENV.search(uncommented, start, end)
    scan = _scan(uncommented, start, end, source)
    prose = list(scan.prose)
    entries: tuple[Entry, ...] = ()
    if bibliography is not None:
        entries = _bibitems(
            uncommented, bibliography.start("items"), bibliography.end("items"), source
        )
        low, high = bibliography.span()
        prose[low:high] = _blank(scan.prose[low:high])
    notes = tuple(
        Block(uncommented[low:high], source.span(low, high), scan.prose[low:high])
        for low, high in scan.footnotes
    )
    for low, high in scan.footnotes:
        prose[low:high] = _blank(scan.prose[low:high])
    return Document(
        path=path,
        title=_title(uncommented, source),
        body=tuple(_paragraphs(uncommented, "".join(prose), start, end)),
        notes=notes,
        references=tuple(Block(e.raw, e.span, e.raw) for e in entries),
        entries=entries,
        warnings=decoded.warnings,
        keyed_citations=scan.citations,
    )


def bibliography_names(text: str) -> tuple[str, ...]:
    r"""The .bib files named by ``\bibliography{a,b}`` (a.bib, b.bib) and ``\addbibresource``."""
    names: list[str] = []
    for match in _BIB_NAMES.finditer(_strip_comments(text)):
        for name in match.group("names").split(","):
            name = name.strip()
            if not name:
                continue
            if match.group("command") == "bibliography" and not name.lower().endswith(".bib"):
                name += ".bib"
            names.append(name)
    return tuple(names)


def find_citations(text: str) -> tuple[KeyedCitation, ...]:
    """The citations by key of a LaTeX text (the whole of it, preamble and all)."""
    uncommented = _strip_comments(text)
    return _scan(uncommented, 0, len(text), _Source(uncommented)).citations


def to_markdown(latex: str) -> str:
    r"""A LaTeX reference as the Markdown the parser reads: ``\emph{T}`` -> ``*T*``."""
    text = _EMPHASIS.sub(lambda m: f"*{m.group(1) or m.group(2)}*", latex)
    text = text.replace("``", "“").replace("''", "”").replace("~", " ")
    text = re.sub(r"\\newblock\b|\\(?:url|href)\s*", " ", text)
    text = re.sub(r"\\([&%$#_])", r"\1", text)
    text = re.sub(r"\\[A-Za-z]+\*?\s*|[{}]", "", text)
    return " ".join(text.split())


# ---------------------------------------------------------------------------
# The scanner


def _document_range(text: str) -> tuple[int, int]:
    begin = _DOCUMENT.search(text)
    start = begin.end() if begin else 0
    finish = _END_DOCUMENT.search(text, start)
    return start, finish.start() if finish else len(text)


def _strip_comments(text: str) -> str:
    """The text with every comment blanked; lines and columns kept."""
    if "%" not in text:
        return text
    lines = text.split("\n")
    for index, line in enumerate(lines):
        at = _comment_start(line)
        if at >= 0:
            lines[index] = line[:at] + " " * (len(line) - at)
    return "\n".join(lines)


def _comment_start(line: str) -> int:
    at = line.find("%")
    while at >= 0:
        before = at
        while before > 0 and line[before - 1] == "\\":
            before -= 1
        if (at - before) % 2 == 0:  # "\\%" is a line break, then a comment
            return at
        at = line.find("%", at + 1)
    return -1


def _blank(text: str) -> str:
    return "".join("\n" if c == "\n" else " " for c in text)


def _scan(text: str, start: int, end: int, source: _Source) -> _Scan:
    """Blank LaTeX out of ``text[start:end]`` (all else blanked), and find citations and notes."""
    out = list(_blank(text[:start]) + text[start:end] + _blank(text[end:]))
    citations: list[KeyedCitation] = []
    footnotes: list[tuple[int, int]] = []
    _scan_into(text, start, end, _Found(out, citations, footnotes, source))
    return _Scan("".join(out), tuple(citations), tuple(footnotes))


class _Found(NamedTuple):
    """What a scan writes to: the prose buffer, the citations, the footnotes' places."""

    out: list[str]
    citations: list[KeyedCitation]
    footnotes: list[tuple[int, int]]
    source: _Source


def _scan_into(text: str, start: int, end: int, found: _Found) -> None:
    """Blank ``text[start:end]`` in the buffer; a footnote's text is scanned into it too."""
    out = found.out
    # What each open brace does when it closes: "keep" or "quote" (\enquote).
    stack: list[str] = []
    position = start
    while position < end:
        char = text[position]
        if char == "\\":
            match = _COMMAND.match(text, position)
            if match is None:  # a backslash that ends the file commands nothing
                out[position] = " "
                break
            position = _command(text, match, end, stack, found)
            continue
        if char == "{":
            out[position] = " "
            stack.append("keep")
        elif char == "}":
            out[position] = "”" if stack and stack[-1] == "quote" else " "
            if stack:
                stack.pop()
        elif char == "$":
            closing = text.find("$", position + 1, min(end, position + _MATH_LIMIT))
            if closing > 0 and "\n\n" not in text[position:closing]:
                out[position : closing + 1] = _blank(text[position : closing + 1])
                position = closing + 1
                continue
            out[position] = " "
        elif char == "~":
            out[position] = " "
        elif text.startswith("``", position):
            out[position : position + 2] = " “"
            position += 2
            continue
        elif text.startswith("''", position):
            out[position : position + 2] = "” "
            position += 2
            continue
        elif char == "`":
            out[position] = "‘"
        position += 1


# How far a math span's closing $ is looked for: a file of lone $ stays linear.
_MATH_LIMIT = 2_000


def _command(text: str, match: re.Match[str], end: int, stack: list[str], found: _Found) -> int:
    """Blank one command; returns where scanning goes on."""
    out = found.out
    start, after = match.span()
    name = match.group()[1:]
    if len(name) == 1 and not name.isalpha():
        out[start] = " "
        if name not in _ESCAPED:  # \\, \, \  and the like are spacing
            # _blank keeps a line break: "\" at the end of a line is a control space.
            out[start + 1 : after] = _blank(text[start + 1 : after])
        return after
    bare = name.rstrip("*")
    if _CITE.fullmatch(name) or _MULTI_CITE.fullmatch(name):
        stop = _citation(text, after, end, bare, found)
        out[start:stop] = _blank(text[start:stop])
        return stop
    out[start:after] = " " * (after - start)
    if bare == "footnote":
        opening = _skip_optional(text, after, end)
        closing = -1
        if text.startswith("{", opening):
            closing = found.source.closing_brace(opening, end)
        if closing > 0:
            out[after : opening + 1] = _blank(text[after : opening + 1])
            found.footnotes.append((opening + 1, closing))
            out[closing] = " "
            # The note's own text is scanned like the rest; its place is blanked later.
            _scan_into(text, opening + 1, closing, found)
            return closing + 1
        return after
    if bare in _DROPPED:
        stop = _skip_arguments(text, after, end, 1 if bare in ("begin", "end") else 3, found)
        out[after:stop] = _blank(text[after:stop])
        return stop
    if bare == "enquote":
        opening = _skip_optional(text, after, end)
        out[after:opening] = _blank(text[after:opening])
        if text.startswith("{", opening):
            out[opening] = "“"
            stack.append("quote")
            return opening + 1
        return opening
    stop = _skip_optional(text, after, end)
    out[after:stop] = _blank(text[after:stop])
    return stop


def _citation(text: str, after: int, end: int, name: str, found: _Found) -> int:
    """Read a citation command's notes and keys; returns the end of the command."""
    position = after
    multi = name.endswith("cites")
    if multi:  # \cites(pre)(post)[pre][post]{a}[pre][post]{b}
        while text.startswith("(", _skip_space(text, position, end)):
            position = _skip_space(text, position, end)
            closing = text.find(")", position, min(end, position + 500))
            position = closing + 1 if closing > 0 else position + 1
    while True:
        notes: list[str] = []
        position = _skip_space(text, position, end)
        while text.startswith("[", position) and len(notes) < 2:
            closing = _closing_bracket(text, position, end)
            if closing < 0:
                break
            notes.append(text[position + 1 : closing])
            position = _skip_space(text, closing + 1, end)
        if not text.startswith("{", position):
            return position
        closing = found.source.closing_brace(position, end)
        if closing < 0:
            return position + 1
        locator = " ".join(notes[-1].replace("~", " ").split()) if notes else ""
        offset = position + 1
        for key in text[position + 1 : closing].split(","):
            stripped = key.strip()
            if stripped and stripped != "*":
                low = offset + len(key) - len(key.lstrip())
                span = found.source.span(low, low + len(stripped))
                found.citations.append(KeyedCitation(stripped, span, locator))
            offset += len(key) + 1
        position = closing + 1
        if not multi:
            return position
        following = _skip_space(text, position, end)
        if not text.startswith(("[", "{"), following):
            return position


def _skip_space(text: str, position: int, end: int) -> int:
    """Past spaces and one line break, never past a blank line."""
    while position < end and text[position] in " \t\n" and not text.startswith("\n\n", position):
        position += 1
    return position


def _skip_optional(text: str, position: int, end: int) -> int:
    """Past any ``[...]`` arguments (and the spaces before them)."""
    while True:
        at = _skip_space(text, position, end)
        if not text.startswith("[", at):
            return position
        closing = _closing_bracket(text, at, end)
        if closing < 0:
            return position
        position = closing + 1


def _skip_arguments(text: str, position: int, end: int, braced: int, found: _Found) -> int:
    """Past the optional arguments and up to ``braced`` braced ones."""
    position = _skip_optional(text, position, end)
    for _ in range(braced):
        at = _skip_space(text, position, end)
        if not text.startswith("{", at):
            break
        closing = found.source.closing_brace(at, end)
        if closing < 0:
            break
        position = _skip_optional(text, closing + 1, end)
    return position


def _closing_bracket(text: str, opening: int, end: int) -> int:
    """The ``]`` closing the ``[`` at ``opening``, within a short reach; -1 if none does."""
    stop = min(end, opening + 500)
    closing = text.find("]", opening, stop)
    while closing >= 0:
        inside = text[opening:closing]
        if "\n\n" in inside:
            return -1
        if inside.count("{") == inside.count("}"):  # not a ] inside braces: [{a]b}]
            return closing
        closing = text.find("]", closing + 1, stop)
    return -1


# ---------------------------------------------------------------------------
# The parts


def _paragraphs(text: str, prose: str, start: int, end: int) -> Iterator[Block]:
    """Blocks of whole lines, split at lines blank in the prose and at sectioning commands."""
    lines = text.split("\n")
    masked = prose.split("\n")
    first = text.count("\n", 0, start)
    last = text.count("\n", 0, end)
    group: list[int] = []
    for index in range(first, min(last + 1, len(lines))):
        breaks = _SECTIONING.match(lines[index]) is not None
        if not masked[index].strip() or breaks:
            if group:
                yield _block(lines, masked, group)
            group = []
        if masked[index].strip():
            group.append(index)
            if breaks:
                yield _block(lines, masked, group)
                group = []
    if group:
        yield _block(lines, masked, group)


def _block(lines: list[str], masked: list[str], group: list[int]) -> Block:
    top, bottom = group[0], group[-1]
    span = Span(top + 1, 1, bottom + 1, max(1, len(lines[bottom].rstrip())))
    return Block("\n".join(lines[top : bottom + 1]), span, "\n".join(masked[top : bottom + 1]))


def _title(text: str, source: _Source) -> Block | None:
    match = _TITLE.search(text)
    if match is None:
        return None
    opening = match.end() - 1
    closing = source.closing_brace(opening, len(text))
    if closing < 0:
        return None
    inner = _scan(text, opening + 1, closing, source).prose[opening + 1 : closing]
    if not inner.strip():
        return None
    written = text[opening + 1 : closing]
    left = len(written) - len(written.lstrip())
    right = len(written.rstrip())
    low, high = opening + 1 + left, opening + 1 + right
    return Block(text[low:high], source.span(low, high), inner[left:right])


def _bibitems(text: str, start: int, end: int, source: _Source) -> tuple[Entry, ...]:
    items = list(_BIBITEM.finditer(text, start, end))
    entries: list[Entry] = []
    for index, item in enumerate(items):
        stop = items[index + 1].start() if index + 1 < len(items) else end
        body = text[item.end() : stop]
        low = item.end() + len(body) - len(body.lstrip())
        high = item.end() + len(body.rstrip())
        if high <= low:
            continue
        raw = to_markdown(text[low:high])
        key = item.group("key").strip()
        entries.append(Entry(raw, source.span(item.start(), high), parse_reference(raw), key))
    return ensure_keys(entries)

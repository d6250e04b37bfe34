"""Pandoc's citations by key in a Markdown essay: ``[@harris2016, p. 45]`` and friends.

The forms (Pandoc's manual, "Citation syntax"):

- ``[@key]``, ``[@key, p. 33]``, ``[see @key, pp. 33-35; also @other]``: in
  brackets, one or more citations separated by ``;``, each with an optional prefix
  before the key and a suffix after it;
- ``[-@key]``: the author left out ("Harris says [-@harris2016]");
- ``@key`` in the text (narrative), optionally with its suffix in brackets
  straight after: ``@key [p. 33]``.

A key starts with a letter, a digit or ``_`` and goes on with letters, digits and
the punctuation ``:.#$%&-+?<>~/`` when it is inside the key (``@smith:2016`` but not
the full stop of ``@smith.``); ``@{...}`` takes any key. An ``@`` glued to a word
(``jane@example.org``) or standing in a URL (``medium.com/@jane``) is not a citation.
Because a blog essay may name a handle (``@jane on Twitter``), narrative citations
are only taken from a document that has at least one bracketed citation, or when
the caller says the essay has a bibliography.

The locator is the suffix when it gives one: a locator term (``p.``, ``pp.``,
``chap.``, ``sec.``, ``para.``...) or a bare number, as Pandoc reads it
(``[@key, 33]`` is page 33). A suffix that is only words (``[@key, and passim]``)
gives no locator. Citations are searched in ``Block.prose``, so code spans and HTML
comments hide them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator

from bib import patterns
from bib.model import Block, Document, KeyedCitation, Span


def _key(group: str) -> str:
    """A key: ``{anything}`` (group ``groupb``) or a word with inner punctuation (``group``)."""
    return rf"(?:\{{(?P<{group}b>[^{{}}\n]+)\}}|(?P<{group}>\w(?:\w|[:.#$%&\-+?<>~/](?=\w))*))"


_BRACKETED = patterns.compile(r"\[(?P<inside>[^\[\]\n@]*@[^\[\]\n]*)\]")
_ITEM = patterns.compile(
    r"(?P<prefix>[^@]*?)(?<![\w@/:.])(?P<minus>-?)@" + _key("key") + "(?P<suffix>.*)", re.S
)
_NARRATIVE = patterns.compile(
    r"(?<![\w@/:.\\\[-])@" + _key("key") + r"(?:[ \t]?\[(?P<suffix>[^\[\]@\n]*)\])?"
)
_LOCATOR_TERM = patterns.compile(
    r"(?:pp?|pgs?|pages?|chap|chaps|chapters?|ch|sec|secs|sections?|sect|para|paras|paragraphs?"
    r"|¶|§|§§|fig|figs|figures?|col|cols|columns?|l|ll|lines?|n|nn|notes?|nos?|numbers?"
    r"|vols?|volumes?|vv?|verses?|bk|bks|books?|pt|pts|parts?|fol|fols|folios?|op|opus"
    r"|sub\s+verbo|s\.v|s\.vv)\.?\s*(?=[\dIVXLCivxlc{])",
    re.IGNORECASE,
)
_BARE_LOCATOR = patterns.compile(r"\{?[\divxlcIVXLC][\w.\-–—, ]*\}?")
_FRONT_MATTER = patterns.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
# How far from an @ its brackets are looked for.
_NEAR = 1000
_BIBLIOGRAPHY_LINE = patterns.compile(r"^bibliography[ \t]*:[ \t]*(?P<value>.*)$", re.M)
_YAML_ITEM = patterns.compile(r"^[ \t]*-[ \t]*(?P<value>\S.*)$")


def find_citations(
    blocks: Iterable[Block], *, narrative: bool | None = None
) -> tuple[KeyedCitation, ...]:
    """Every citation by key in the blocks, in order; see the module docstring.

    ``narrative`` None: take ``@key`` in the text only if some citation is bracketed.
    """
    blocks = tuple(blocks)
    bracketed = [c for block in blocks for c in _bracketed(block)]
    if narrative is None:
        narrative = bool(bracketed)
    found = list(bracketed)
    if narrative:
        taken = {(c.span.line, c.span.column) for c in bracketed}
        found.extend(c for block in blocks for c in _narrative(block, taken))
    return tuple(sorted(found, key=lambda c: (c.span.line, c.span.column)))


def with_citations(document: Document, *, narrative: bool | None = None) -> Document:
    """The document with its keyed citations, from the body and the notes."""

    citations = find_citations((*document.body, *document.notes), narrative=narrative)
    return document._replace(keyed_citations=citations)


def locator_of(suffix: str) -> str:
    """The locator a citation's suffix gives, or "": ", p. 33" -> "p. 33"; ", and passim" -> ""."""
    text = suffix.strip().lstrip(",").strip()
    if not text:
        return ""
    if _LOCATOR_TERM.match(text):
        return text
    bare = _BARE_LOCATOR.match(text)
    if bare and (text[0].isdigit() or text[0] == "{" or _is_roman(bare.group().split()[0])):
        return text
    return ""


def bibliography_names(text: str) -> tuple[str, ...]:
    """The files named by ``bibliography:`` in the YAML front matter, as written."""
    front = _FRONT_MATTER.match(text)
    if not front:
        return ()
    yaml = front.group("yaml")
    line = _BIBLIOGRAPHY_LINE.search(yaml)
    if not line:
        return ()
    value = line.group("value").strip()
    if value.startswith("["):
        return tuple(_unquote(v) for v in value.strip("[]").split(",") if v.strip())
    if value:
        return (_unquote(value),)
    names = []
    for following in yaml[line.end() :].split("\n")[1:]:
        item = _YAML_ITEM.match(following)
        if not item:
            break
        names.append(_unquote(item.group("value")))
    return tuple(names)


def _unquote(value: str) -> str:
    return value.strip().strip("'\"").strip()


def _is_roman(word: str) -> bool:
    return bool(word) and all(c in "ivxlcIVXLC" for c in word.rstrip(".,"))


def _bracketed(block: Block) -> Iterator[KeyedCitation]:
    text = _searchable(block)
    where = _Positions(block)
    for match in _BRACKETED.finditer(text):
        if text.startswith("^", match.start() + 1):
            continue  # a footnote reference [^3]
        after = text[match.end() : match.end() + 1]
        if after in ("(", "["):
            continue  # a link's text: [see @jane](https://...)
        offset = match.start("inside")
        items = match.group("inside").split(";")
        citations: list[KeyedCitation] = []
        for item in items:
            found = _ITEM.match(item)
            if found is not None:
                key = found.group("key") or found.group("keyb") or ""
                start = offset + found.start("minus")
                end = offset + found.end("key" if found.group("key") else "keyb")
                if found.group("keyb"):
                    end += 1  # the closing brace
                citations.append(
                    KeyedCitation(key, where.span(start, end), locator_of(found.group("suffix")))
                )
            offset += len(item) + 1
        if len(citations) == len(items):  # every part cites: Pandoc's rule for a citation
            yield from citations


def _narrative(block: Block, taken: set[tuple[int, int]]) -> Iterator[KeyedCitation]:
    text = _searchable(block)
    where = _Positions(block)
    for match in _NARRATIVE.finditer(text):
        if _inside_brackets(text, match.start()):
            continue
        key = match.group("key") or match.group("keyb") or ""
        end = match.end("key") if match.group("key") else match.end("keyb") + 1
        span = where.span(match.start(), end)
        if (span.line, span.column) in taken:
            continue
        yield KeyedCitation(key, span, locator_of(match.group("suffix") or ""))


def _inside_brackets(text: str, at: int) -> bool:
    """Whether ``at`` stands inside [...] on its line (looked for near it: linear overall)."""
    low = max(0, at - _NEAR)
    opening = text.rfind("[", low, at)
    if opening < 0 or "\n" in text[opening:at] or text.rfind("]", opening, at) >= 0:
        return False
    closing = text.find("]", at, at + _NEAR)
    return closing >= 0 and "\n" not in text[at:closing]


def _searchable(block: Block) -> str:
    return block.prose if len(block.prose) == len(block.text) else block.text


class _Positions:
    """Offsets in a block's text to file spans, by the offsets where its lines start."""

    def __init__(self, block: Block) -> None:
        self.block = block
        self.starts = [0, *(m.end() for m in re.finditer("\n", block.text))]

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.starts, offset) - 1
        column = (self.block.span.column if index == 0 else 1) + offset - self.starts[index]
        return self.block.span.line + index, column

    def span(self, start: int, end: int) -> Span:
        """The file span of ``text[start:end]`` (end exclusive)."""
        line, column = self.position(start)
        end_line, end_column = self.position(max(start, end - 1))
        return Span(line, column, end_line, end_column)

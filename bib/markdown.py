"""Markdown markup: recognise its structure and blank it out of the prose.

``mask`` returns text with the same lines and the same columns, markup replaced
by spaces, so a column found in the masked text is a column in the file. Every
pattern here is linear: a delimited span never contains its own delimiter, and
open/close pairs are found with ``str.find``, so a 20 MB file with stray
asterisks or an unclosed comment cannot make a regex backtrack for ever.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bib import patterns

_FRONT_MATTER_OPEN = "---"
_FRONT_MATTER_CLOSE = ("---", "...")
_YAML_KEY = patterns.compile(r"[A-Za-z_][\w-]*[ \t]*:|#")
_YAML_TITLE = patterns.compile(r"title[ \t]*:[ \t]*(['\"]?)(.*?)\1[ \t]*$")
_FENCE = patterns.compile(r" {0,3}(`{3,}|~{3,})")
_ATX = patterns.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
_ATX_CLOSE = patterns.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_BOLD_LINE = patterns.compile(r"[ \t]{0,3}(\*\*|__)([^*_\n]*[^\s*_])\1[ \t]*:?[ \t]*$")
_SETEXT = patterns.compile(r" {0,3}(=+|-+)[ \t]*$")
_FOOTNOTE = patterns.compile(r" {0,3}\[\^([^\]\s]+)\]:[ \t]*")

_NOT_NEWLINE = patterns.compile(r"[^\n]")
# A line that may open with block markup. The pattern starts with a literal "\n"
# so that the regex engine can skip from line to line; a "^" in MULTILINE mode
# made it try every position, ten times slower on 20 MB.
_MARKED_LINE = patterns.compile(r"\n[ \t]*[-#>*_=+\d\[{][^\n]*")
_MARKUP_LINE = patterns.compile(
    r" {0,3}[-*_](?:[ \t]*[-*_]){2,}[ \t]*"  # a rule, or a setext underline of dashes
    r"| {0,3}=+[ \t]*"  # a setext underline
    r"| {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*\S.*"  # a link definition: [id]: url
    r"| {0,3}\{:[^{}\n]*\}[ \t]*"  # a kramdown block attribute line
)
_LINE_START = patterns.compile(r"(?:[ \t]*>[ \t]?)*(?:[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t]))?")
# Inline markup, masked in this order; the group named "keep" stays visible. No
# span may contain its own opening bracket, so that a match attempt stops at the
# next one and "[a](" repeated a million times stays linear.
_CODE_SPAN = patterns.compile(r"`[^`\n]+`")
_FOOTNOTE_REF = patterns.compile(r"\[\^[^\[\]\s]+\]:?")  # before links: "[^1][^2]" is no link
_IMAGE = patterns.compile(r"!\[[^\[\]\n]*\]\([^()\n]*\)")
_LINK = patterns.compile(r"\[(?P<keep>[^\[\]\n]+)\](?:\([^()\n]*\)|\[[^\[\]\n]*\])")
_AUTOLINK = patterns.compile(r"<(?P<keep>(?:https?|ftp)://[^<>\s]+|[^<>\s@]+@[^<>\s@]+)>")
_HTML_TAG = patterns.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_ATTRIBUTES = patterns.compile(r"\{:[^{}\n]*\}")
# Emphasis content never contains its delimiter nor a blank line: linear, and a
# stray "*" cannot pair with one paragraphs away. "_" inside a word is not emphasis.
# Each pattern starts with its literal delimiter and checks the character before
# it with a lookbehind afterwards, so the engine skips ahead to the delimiter.
_CONTENT = r"(?P<keep>[^{d}\n]*(?:\n(?![ \t]*\n)[^{d}\n]*)*)"
_STRONG_STAR = patterns.compile(
    rf"\*\*(?<!\\\*\*)(?=[^\s*]){_CONTENT.format(d='*')}(?<=[^\s*])\*\*"
)
_STRONG_UNDER = patterns.compile(
    rf"__(?<![\w\\]__)(?=[^\s_]){_CONTENT.format(d='_')}(?<=[^\s_])__(?!\w)"
)
_EM_STAR = patterns.compile(rf"\*(?<![\\*]\*)(?=[^\s*]){_CONTENT.format(d='*')}(?<=[^\s*])\*")
_EM_UNDER = patterns.compile(rf"_(?<![\w\\]_)(?=[^\s_]){_CONTENT.format(d='_')}(?<=[^\s_])_(?!\w)")
_INLINE = (
    _CODE_SPAN,
    _FOOTNOTE_REF,
    _IMAGE,
    _LINK,
    _AUTOLINK,
    _HTML_TAG,
    _ATTRIBUTES,
)
_EMPHASIS = (_STRONG_STAR, _STRONG_UNDER, _EM_STAR, _EM_UNDER)
_ESCAPE = patterns.compile(r"\\(?=[!-/:-@\[-`{-~])")


def mask(text: str) -> str:
    """Blank out Markdown markup with spaces; lines and columns stay where they were.

    >>> mask("# A *good* [book](http://x.org) <!-- no -->")
    '  A  good   book                           '
    """
    lines = text.split("\n")
    blank_lines = set(range(front_matter_end(lines)))
    if "```" in text or "~~~" in text:
        blank_lines |= code_lines(lines)
    if blank_lines:
        text = "\n".join(
            " " * len(line) if index in blank_lines else line for index, line in enumerate(lines)
        )
    for opening, closing in (("<!--", "-->"), ("{%", "%}"), ("{{", "}}")):
        if opening in text:
            text = _blank_between(text, opening, closing)
    for pattern in _INLINE:
        text = _blank_matches(pattern, text)
    text = _mask_marked_lines(text)
    for pattern in _EMPHASIS:
        text = _blank_matches(pattern, text)
    return _ESCAPE.sub(" ", text)


def front_matter_end(lines: Sequence[str]) -> int:
    """The index of the first line after YAML front matter; 0 when there is none."""
    if not lines or lines[0].rstrip() != _FRONT_MATTER_OPEN:
        return 0
    if len(lines) < 2 or not _YAML_KEY.match(lines[1]):
        return 0  # a thematic break, not front matter
    for index in range(1, len(lines)):
        if lines[index].rstrip() in _FRONT_MATTER_CLOSE:
            return index + 1
    return 0


def front_matter_title(lines: Sequence[str], end: int) -> tuple[int, int, str] | None:
    """The ``title:`` of the front matter: (line index, column index, title)."""
    for index in range(1, end - 1):
        match = _YAML_TITLE.match(lines[index])
        if match and match.group(2).strip():
            return index, match.start(2), match.group(2).strip()
    return None


def code_lines(lines: Sequence[str]) -> frozenset[int]:
    """The indices of the lines of fenced code blocks, fences included."""
    inside: set[int] = set()
    fence = ""
    for index, line in enumerate(lines):
        if not fence and "```" not in line and "~~~" not in line:
            continue
        match = _FENCE.match(line)
        if fence:
            inside.add(index)
            # A fence closes on a line of the same character, at least as long, alone.
            if match and match.group(1).startswith(fence) and not line[match.end() :].strip():
                fence = ""
        elif match:
            fence = match.group(1)
            inside.add(index)
    return frozenset(inside)


def heading(line: str) -> tuple[int, int, int] | None:
    """An ATX heading (``## Notes``) or a line that is all bold (``**Notes**``).

    Returns (level, start, end): the heading's text is ``line[start:end]``. A bold
    line counts as the lowest level, 6: writers use it for run-in headings.
    """
    match = _ATX.match(line)
    if match:
        close = _ATX_CLOSE.search(line, match.end())
        end = close.start() if close else len(line.rstrip())
        return len(match.group(1)), match.end(), max(end, match.end())
    bold = _BOLD_LINE.match(line)
    if bold:
        return 6, bold.start(2), bold.end(2)
    return None


def setext_level(line: str) -> int:
    """1 or 2 when the line underlines the line above it as a heading, else 0."""
    match = _SETEXT.match(line)
    if not match:
        return 0
    return 1 if match.group(1)[0] == "=" else 2


def footnote_label(line: str) -> str | None:
    """The label of a footnote definition line (``[^3]: ...`` gives "3")."""
    match = _FOOTNOTE.match(line)
    return match.group(1) if match else None


def _blank_matches(pattern: re.Pattern[str], text: str) -> str:
    """Blank every match of ``pattern`` except its group named "keep", if it has one."""
    keep = "keep" in pattern.groupindex
    parts: list[str] = []
    position = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        parts.append(text[position:start])
        if keep:
            left, right = match.span("keep")
            parts += (" " * (left - start), text[left:right], " " * (end - right))
        else:
            parts.append(_spaces(text[start:end]))
        position = end
    if not parts:
        return text
    parts.append(text[position:])
    return "".join(parts)


def _mask_marked_lines(text: str) -> str:
    text = "\n" + text  # so that the first line starts after a "\n" too
    parts: list[str] = []
    position = 0
    for match in _MARKED_LINE.finditer(text):
        start, end = match.span()
        parts += (text[position : start + 1], _mask_line(text[start + 1 : end]))
        position = end
    parts.append(text[position:])
    return "".join(parts)[1:]


def _mask_line(line: str) -> str:
    if _MARKUP_LINE.fullmatch(line):
        return " " * len(line)
    atx = _ATX.match(line)
    if atx:
        close = _ATX_CLOSE.search(line, atx.end())
        end = close.start() if close else len(line)
        return " " * atx.end() + line[atx.end() : end] + " " * (len(line) - end)
    prefix = _LINE_START.match(line)
    width = prefix.end() if prefix else 0
    return " " * width + line[width:]


def _spaces(text: str) -> str:
    return _NOT_NEWLINE.sub(" ", text) if "\n" in text else " " * len(text)


def _blank_between(text: str, opening: str, closing: str) -> str:
    """Blank every ``opening ... closing`` span, newlines kept; an unclosed one stays."""
    parts: list[str] = []
    position = 0
    while True:
        start = text.find(opening, position)
        if start < 0:
            break
        end = text.find(closing, start + len(opening))
        if end < 0:
            break
        end += len(closing)
        parts.append(text[position:start])
        parts.append(_spaces(text[start:end]))
        position = end
    parts.append(text[position:])
    return "".join(parts)

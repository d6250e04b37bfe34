"""Split a reference string into tokens that keep their place in the original text.

Markdown emphasis and links are taken out of the text the tagger sees (they would be
noise to it) but their effect survives as a per-token flag: an emphasised run is
usually the title or the container, which is the strongest hint a reference gives.
"""

import re
from typing import NamedTuple

from bib import patterns

# Longest alternatives first: a URL or DOI must not be cut at its dots and slashes, a
# page range is one token so that "286 – 314" reads as one range, and run-together
# initials ("J.K.") stay one name part.
_TOKEN = patterns.compile(
    r"""
      (?:https?://|www\.)[^\s<>"]+[^\s<>".,;:)\]]
    | doi:\s?10\.\d{4,9}/[^\s"<>]+[^\s"<>.,;:)\]]
    | 10\.\d{4,9}/[^\s"<>]+[^\s"<>.,;:)\]]
    | \d+[a-z]?(?:\s?[-–—‒―]+\s?\d+[a-z]?)+
    | (?:[^\W\d_]\.){2,}
    | [^\W_]+(?:['’\-][^\W_]+)*\.?
    | \S
    """,
    re.VERBOSE,
)

_LINK = patterns.compile(r"\[([^\[\]]+)\]\((\S+?)\)")
# Emphasis must hug its text (`*Title*`, not `2 * 3`), and `_` only counts at word edges
# so that snake_case identifiers in URLs survive.
_EMPHASIS = patterns.compile(
    r"(?<![\w*])(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?![\w*])|(?<![\w*])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\3(?![\w*])"
)
_NUMBERING = patterns.compile(r"\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,3}[.)](?=\s)|[-*•–—+](?=\s))\s*")


_MARKUP = patterns.compile(r"[*_\[]")


class Token(NamedTuple):
    """A piece of the cleaned text; ``start``/``end`` index the original string.

    A NamedTuple, not a frozen dataclass: a reference has dozens of tokens and a
    tuple is several times cheaper to build.
    """

    text: str
    start: int
    end: int
    emphasis: bool = False


class Cleaned(NamedTuple):
    """The reference without Markdown markers, and where each character came from."""

    text: str
    # origin[i] = index in the original string of text[i]; None when nothing was removed.
    origin: tuple[int, ...] | None
    emphasis: tuple[bool, ...] | None
    links: tuple[str, ...]  # targets of Markdown links, in order
    numbering_end: int  # end (in the original) of a leading "1." / "[1]" / bullet, or 0


def clean(raw: str) -> Cleaned:
    """Remove Markdown emphasis and links and leading list numbering, keeping offsets."""
    numbering = _NUMBERING.match(raw)
    numbering_end = numbering.end() if numbering and numbering.end() < len(raw) else 0
    if not numbering_end and not _MARKUP.search(raw):  # the common case, kept cheap
        return Cleaned(raw, None, None, (), 0)
    keep = [True] * len(raw)
    emph = [False] * len(raw)
    links: list[str] = []
    for i in range(numbering_end):
        keep[i] = False
    for m in _LINK.finditer(raw, numbering_end):
        links.append(m.group(2))
        keep[m.start()] = False
        for i in range(m.end(1), m.end()):
            keep[i] = False
        for i in range(m.start(1), m.end(1)):
            emph[i] = True
    for m in _EMPHASIS.finditer(raw, numbering_end):
        group = 1 if m.group(1) else 3
        marker = len(m.group(group))
        inner_start, inner_end = m.start() + marker, m.end() - marker
        for i in (*range(m.start(), inner_start), *range(inner_end, m.end())):
            keep[i] = False
        for i in range(inner_start, inner_end):
            emph[i] = True
    origin = tuple(i for i in range(len(raw)) if keep[i])
    text = "".join(raw[i] for i in origin)
    return Cleaned(text, origin, tuple(emph[i] for i in origin), tuple(links), numbering_end)


def tokenize(raw: str) -> tuple[Cleaned, tuple[Token, ...]]:
    """The cleaned text and its tokens, each pointing back into ``raw``."""
    cleaned = clean(raw)
    origin, emphasis = cleaned.origin, cleaned.emphasis
    if origin is None or emphasis is None:
        return cleaned, tuple([Token(m.group(), *m.span()) for m in _TOKEN.finditer(raw)])
    tokens = tuple(
        [
            Token(m.group(), origin[m.start()], origin[m.end() - 1] + 1, emphasis[m.start()])
            for m in _TOKEN.finditer(cleaned.text)
        ]
    )
    return cleaned, tokens

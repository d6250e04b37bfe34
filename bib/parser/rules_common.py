"""What the relabelling rules share: runs of one label, and tests of single tokens."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import compress, islice, pairwise
from operator import itemgetter, ne

from bib import patterns
from bib.parser import labels as L
from bib.parser.tokens import Token

DASHES = "‐‑‒–—―−"


def label_runs(labels: Sequence[str]) -> list[tuple[int, int]]:
    """(first, last) token index of each run of one label."""
    # Most rules leave the labels as they found them, so the rules after them ask again
    # about the same labels: the answer is kept for the last few.
    return list(_runs(tuple(labels)))


@lru_cache(maxsize=16)
def _runs(labels: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    n = len(labels)
    if not n:
        return ()
    # Where the label changes, found by C loops (map, compress): every rule asks this.
    starts = [0, *compress(range(1, n), map(ne, labels, islice(labels, 1, None)))]
    return tuple(zip(starts, [start - 1 for start in starts[1:]] + [n - 1], strict=True))


_TEXT = itemgetter(0)


def token_texts(tokens: Sequence[Token]) -> list[str]:
    """The tokens' texts, by a C loop: rules that need one word ask this first, cheaply."""
    return list(map(_TEXT, tokens))


def names_before_titles(
    labels: Sequence[str], roles: tuple[str, ...] = (L.AUTHOR,)
) -> list[tuple[int, int, int, int]]:
    """(first, last) of each run of people in ``roles`` that the title follows, and the
    title's (first, last): where the name rules look for a name the tagger ran on."""
    if L.TITLE not in labels:
        return []
    return [
        (first, last, start, end)
        for (first, last), (start, end) in pairwise(label_runs(labels))
        if labels[first] in roles and labels[start] == L.TITLE
    ]


def is_word(token: Token | str) -> bool:
    """Whether a token holds a letter or a digit, not punctuation alone."""
    text = token if isinstance(token, str) else token.text
    # Most tokens open with a letter; the rest are read by a C loop, not a generator:
    # every rule asks this of many tokens.
    return text[:1].isalnum() or any(map(str.isalnum, text))


OPENING = frozenset("([{“‘«„")


_YEAR_RANGE = patterns.compile(
    rf"(1[5-9]\d\d|20[0-4]\d)\s*[{DASHES}-]+\s*(\d{{2}}|\d{{4}})[.,;:)]*"
)


def is_year_range(text: str) -> bool:
    """ "1917-53", "1928–1941": a span of years, the second after the first."""
    m = _YEAR_RANGE.fullmatch(text)
    if not m:
        return False
    start, end = m.group(1), m.group(2)
    return int(start[: 4 - len(end)] + end) > int(start)


JOINING = frozenset("and & et und y e og".split())


def comma_chunks(tokens: Sequence[Token], first: int, last: int) -> list[list[int]]:
    """The word tokens of ``first..last``, split at commas."""
    chunks: list[list[int]] = [[]]
    for k in range(first, last + 1):
        if tokens[k].text == ",":
            chunks.append([])
        elif is_word(tokens[k]):
            chunks[-1].append(k)
    return [chunk for chunk in chunks if chunk]


YEAR_TOKEN = patterns.compile(r"^[(\[]?(?:1[5-9]\d\d|20[0-4]\d)[a-z]?[)\].,:;]*$")


# Words only a publisher's (or an issuing body's) name has ("Harvard UP", "Éditions du Seuil").
IMPRINT_WORDS = frozenset(
    """press presses verlag publishers publisher publishing co ltd inc gmbh books
    university univ up éditions editions edizioni editore editrice editorial editora
    wydawnictwo uitgeverij buchhandlung librairie imprimerie""".split()
)


def names_a_publisher(words: Sequence[str]) -> bool:
    """Whether lower-cased words name a publisher by one of its words or endings."""
    return any(w in IMPRINT_WORDS or w.endswith(("press", "verlag")) for w in words)

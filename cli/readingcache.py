"""Readings of essays' bodies (``checks.reading``) kept from earlier runs.

A pre-commit hook or a CI job lints the same essay again and again, and finding the
citations, names and quotations of its body is most of what the rules cost. A
reading is stored in a small file named by a checksum of the body's and notes'
text, markup and places in the file, under a folder named by a fingerprint of the
code that reads them (every module of ``bib`` and ``checks``, and the Python
version): a changed rule starts a new cache, and the old one is removed.

Like the parse cache (``cli.parsecache``) it sits in the user's cache directory,
``BIB_PARSE_CACHE=0`` turns it off, it holds at most ``LIMIT`` readings, and it is
best effort: a file that cannot be read or decoded is a miss, and one that cannot
be written is not written.
"""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path

from bib.model import Block, Document
from checks.reading import FORMAT, Reading, decode, encode
from cli.cachedir import Shelf, checksum_name, fingerprint, work_cache_root

SUBDIRECTORY = "read"
LIMIT = 2_000  # readings, each of one essay's body: tens of kilobytes
# A body longer than this (in characters, notes included) is read every time: its
# reading would be a file of several times its size, and a book is seldom re-linted.
LONGEST = 1_000_000


def reading_cache(environ: dict[str, str] | None = None) -> ReadingCache | None:
    """The cache, or None when it is turned off or has no home."""
    root = work_cache_root(environ)
    return None if root is None else ReadingCache(root)


def reader_fingerprint() -> str:
    """A name for the code that reads a body: its modules' sizes and times, the Python."""
    folders = [Path(__file__).parents[1] / package for package in ("bib", "checks")]
    files = sorted(
        Path(entry.path)
        for folder in folders
        for entry in os.scandir(folder)
        if entry.name.endswith(".py")
    )
    return fingerprint([f"{FORMAT} {sys.version}"], files)


class ReadingCache:
    """``load`` a stored reading of an essay's parts, ``store`` a new one."""

    def __init__(self, root: Path) -> None:
        self.shelf = Shelf.of(root / SUBDIRECTORY, reader_fingerprint, LIMIT)

    def load(self, parts: Document) -> Reading | None:
        if _too_long(parts):
            return None
        key, name = _key(parts)
        path = self.shelf.path(name)
        if path is None:
            return None
        try:
            with open(path, "rb") as stream:
                stored = marshal.loads(stream.read())
            if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key):
                return None
            return decode(stored[1])
        except (OSError, EOFError, ValueError, TypeError, IndexError):
            return None

    def store(self, parts: Document, reading: Reading) -> None:
        if not _too_long(parts):
            key, name = _key(parts)
            self.shelf.write(name, marshal.dumps((key, encode(reading))))


def _too_long(parts: Document) -> bool:
    return sum(len(block.text) for block in (*parts.body, *parts.notes)) > LONGEST


def _key(parts: Document) -> tuple[bytes, str]:
    """What a reading depends on, as bytes (checked on load), and the file's name."""
    key = marshal.dumps((_blocks(parts.body), _blocks(parts.notes)))
    return key, checksum_name(key)


def _blocks(blocks: tuple[Block, ...]) -> tuple[tuple[str, str, tuple[int, ...]], ...]:
    return tuple((b.text, b.prose, tuple(b.span)) for b in blocks)

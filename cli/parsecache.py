"""References parsed on an earlier run, kept on disk so that a re-run parses only what changed.

A pre-commit hook lints the same essay on every commit, and parsing its references
(loading the CRF model, tagging, the rules) is most of what such a run costs. Each
reference's parse is stored in a small file of its own, named by a checksum of the
reference's text and stored with that text, under a directory named by a
fingerprint of the parser: the size and modification time of the model file, of
every module of the parser and of the CRF library's compiled module, and the
Python version. A new model, a changed rule or an upgraded pycrfsuite therefore
starts a new cache, and the old one is removed.

The cache sits in the user's cache directory (``BIB_CACHE_DIR``, as for the
catalog cache, or ``$XDG_CACHE_HOME/bibwarden``); ``BIB_PARSE_CACHE=0`` turns it
off. It is best effort: an entry is written to a temporary file and renamed into
place, so a reader never sees half of one; one that cannot be read or decoded is
a miss, and one that cannot be written is not written. It is bounded: a run that
stores a parse first empties a folder that holds ``LIMIT`` of them. Nothing here is
needed to get the right answer, only to get it sooner.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import bib
from bib.model import EntryType, Name, Reference
from cli.cachedir import Shelf, checksum_name, fingerprint, work_cache_root

FORMAT = 1
SUBDIRECTORY = "parsed"
# A run that has a reference to store first empties a folder holding this many
# (about 20 MB): a cache for the essays in hand, not a growing archive of every one.
LIMIT = 20_000
_FIELDS = Reference._fields
_NAME_FIELDS = frozenset({"authors", "editors", "translators"})

Parse = Callable[[str], Reference]


def reference_parser(environ: dict[str, str] | None = None) -> Parse:
    """``parse_reference``, through the cache unless it is turned off or has no home."""
    cache = parse_cache(environ)
    return _parse_reference if cache is None else cache.parse


def parse_cache(environ: dict[str, str] | None = None) -> ParseCache | None:
    """The cache, or None when it is turned off or has no home."""
    root = work_cache_root(environ)
    return None if root is None else ParseCache(root)


def parser_fingerprint() -> str:
    """A name for this parser: its model and code files' sizes and times, and the Python."""
    package = Path(bib.__file__).parent
    files = [package / "model.py", *sorted(_parser_files(package / "parser"))]
    files += sorted(_tagger_engine_files())
    return fingerprint([f"{FORMAT} {sys.version}"], files)


def _parser_files(folder: Path) -> Iterator[Path]:
    for entry in os.scandir(folder):
        if entry.name.endswith((".py", ".crfsuite")):
            yield Path(entry.path)


def _tagger_engine_files() -> list[Path]:
    """pycrfsuite's compiled modules, found without importing it (that costs 15 ms)."""
    from importlib.machinery import EXTENSION_SUFFIXES, PathFinder

    spec = PathFinder.find_spec("pycrfsuite")
    folders = (spec.submodule_search_locations or []) if spec else []
    return [
        Path(folder, name)
        for folder in folders
        for name in os.listdir(folder)
        if name.endswith(tuple(EXTENSION_SUFFIXES))
    ]


class ParseCache:
    """``parse`` answers from the cache, or parses and stores the answer."""

    def __init__(self, root: Path) -> None:
        self.shelf = Shelf.of(root / SUBDIRECTORY, parser_fingerprint, LIMIT)
        self.folder = self.shelf.folder

    def parse(self, text: str) -> Reference:
        if self.folder is None:
            return _parse_reference(text)
        name = _entry_name(text)
        found = read_entry(self.folder / name, text)
        if found is not None:
            return found
        reference = _parse_reference(text)
        self.shelf.write(name, marshal.dumps((FORMAT, text, encode(reference))))
        return reference

    def missing(self, texts: Iterable[str]) -> list[str]:
        """The texts, once each, whose parse is not stored; none when none can be."""
        if self.folder is None:
            return []
        folder = self.folder
        return [text for text in dict.fromkeys(texts) if not (folder / _entry_name(text)).exists()]

    def writable(self) -> bool:
        """Whether parses can be stored here, as far as a quick look tells."""
        return self.shelf.writable()


def _entry_name(text: str) -> str:
    return checksum_name(text.encode("utf-8", errors="surrogatepass"))


def read_entry(path: Path, text: str) -> Reference | None:
    """The stored parse of ``text``; None when absent, another text's, or corrupt."""
    try:
        with open(path, "rb") as stream:
            # From bytes: marshal.load calls the stream for every object it reads.
            stored = marshal.loads(stream.read())
        if not (isinstance(stored, tuple) and len(stored) == 3):
            return None
        version, stored_text, record = stored
        if version != FORMAT or stored_text != text:
            return None
        reference = decode(record)
        return reference if encode(reference) == record else None
    except (OSError, EOFError, ValueError, TypeError, KeyError):
        return None


def encode(reference: Reference) -> tuple[Any, ...]:
    """The reference as plain tuples and strings, for ``marshal``."""
    values: list[Any] = []
    for name in _FIELDS:
        value = getattr(reference, name)
        if name == "type":
            value = value.value
        elif name in _NAME_FIELDS:
            value = tuple((n.family, n.given, n.particle, n.suffix) for n in value)
        values.append(value)
    return tuple(values)


def decode(record: object) -> Reference:
    """The inverse of ``encode``; raises ValueError or TypeError on anything else."""
    if not isinstance(record, tuple) or len(record) != len(_FIELDS):
        raise ValueError("not a stored reference")
    values: dict[str, object] = {}
    for name, value in zip(_FIELDS, record, strict=True):
        if name == "type":
            value = EntryType(value)
        elif name in _NAME_FIELDS:
            value = tuple(Name(*parts) for parts in value)
        values[name] = value
    return Reference(**values)  # type: ignore[arg-type]


def _parse_reference(text: str) -> Reference:
    from bib.parser import parse_reference

    return parse_reference(text)

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

import contextlib
import marshal
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import bib
from bib.model import EntryType, Name, Reference
from cli.cachedir import cache_root, parse_cache_on

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
    environ = dict(os.environ) if environ is None else environ
    if not parse_cache_on(environ):
        return None
    root = cache_root(environ)
    return None if root is None else ParseCache(root)


def parser_fingerprint() -> str:
    """A name for this parser: its model and code files' sizes and times, and the Python."""
    package = Path(bib.__file__).parent
    signature = [f"{FORMAT} {sys.version}"]
    files = [package / "model.py", *sorted(_parser_files(package / "parser"))]
    files += sorted(_tagger_engine_files())
    for path in files:
        stat = path.stat()
        signature.append(f"{path.name} {stat.st_size} {stat.st_mtime_ns}")
    text = "\n".join(signature).encode()
    return f"{zlib.crc32(text):08x}{zlib.adler32(text):08x}"


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
        self.root = root / SUBDIRECTORY
        try:
            self.folder: Path | None = self.root / parser_fingerprint()
        except OSError:
            self.folder = None  # the parser's own files cannot be read: parse every time
        self._ready = False

    def parse(self, text: str) -> Reference:
        if self.folder is None:
            return _parse_reference(text)
        path = self.folder / _entry_name(text)
        found = read_entry(path, text)
        if found is not None:
            return found
        reference = _parse_reference(text)
        self._write(path, text, reference)
        return reference

    def missing(self, texts: Iterable[str]) -> list[str]:
        """The texts, once each, whose parse is not stored; none when none can be."""
        if self.folder is None:
            return []
        folder = self.folder
        return [text for text in dict.fromkeys(texts) if not (folder / _entry_name(text)).exists()]

    def writable(self) -> bool:
        """Whether parses can be stored here, as far as a quick look tells: the folder, or
        the nearest folder above it that exists, may be written to. (Making the folder
        ready, which may mean emptying a full one, waits for the first parse to store.)"""
        if self.folder is None:
            return False
        place = self.folder
        while not place.is_dir() and place != place.parent:
            place = place.parent
        return os.access(place, os.W_OK)

    def _write(self, path: Path, text: str, reference: Reference) -> None:
        try:
            if not self._ready:
                self._start_folder()
            temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            with open(temporary, "wb") as stream:
                marshal.dump((FORMAT, text, encode(reference)), stream)
            os.replace(temporary, path)
        except OSError:
            pass  # a cache that cannot be written only makes the next run slower

    def _start_folder(self) -> None:
        """Create this parser's folder; remove the folders of parsers that are gone, and
        empty this one when it has grown to ``LIMIT`` entries."""
        assert self.folder is not None
        if not self.folder.is_dir():
            if self.root.is_dir():
                for old in self.root.iterdir():
                    # Another process (lint --jobs) may have just made this parser's folder.
                    if old.is_dir() and old.name != self.folder.name:
                        import shutil  # only here: it imports the compression modules

                        shutil.rmtree(old, ignore_errors=True)
            self.folder.mkdir(parents=True, exist_ok=True)
        elif _holds_at_least(self.folder, LIMIT):
            _empty(self.folder)
        self._ready = True


def _holds_at_least(folder: Path, count: int) -> bool:
    with os.scandir(folder) as entries:
        return sum(1 for _ in islice(entries, count)) >= count


def _empty(folder: Path) -> None:
    """Remove the entries of ``folder``; another process may be removing them too."""
    with os.scandir(folder) as entries:
        for entry in entries:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


def _entry_name(text: str) -> str:
    data = text.encode("utf-8", errors="surrogatepass")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data):x}"


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

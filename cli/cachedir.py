"""Where bibwarden keeps what it can compute again (parses, readings, compiled
patterns), and the folder of small files two of those caches share.

Kept apart from the caches themselves so that the start of a run can find the
folder without importing the data model.
"""

from __future__ import annotations

import contextlib
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Mapping
from itertools import islice
from pathlib import Path


def cache_root(environ: Mapping[str, str]) -> Path | None:
    """Where bibwarden keeps its caches; None when there is nowhere sensible."""
    if environ.get("BIB_CACHE_DIR", "").strip():
        return Path(environ["BIB_CACHE_DIR"].strip()).expanduser()
    if sys.platform.startswith("linux") or "XDG_CACHE_HOME" in environ:
        # What platformdirs answers here, without its imports (~15 ms at every start).
        base = environ.get("XDG_CACHE_HOME", "").strip() or os.path.expanduser("~/.cache")
        return None if base.startswith("~") else Path(base) / "bibwarden"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("bibwarden", appauthor=False))


def work_cache_root(environ: Mapping[str, str] | None = None) -> Path | None:
    """Where the caches of parsing work go (parses, readings, patterns); None when they
    are turned off or have no home. ``environ`` defaults to this process's."""
    environ = os.environ if environ is None else environ
    return cache_root(environ) if parse_cache_on(environ) else None


def parse_cache_on(environ: Mapping[str, str]) -> bool:
    """``BIB_PARSE_CACHE=0`` (or off, no, false) turns off the caches of parsing work."""
    return environ.get("BIB_PARSE_CACHE", "").strip().lower() not in ("0", "off", "no", "false")


def fingerprint(lines: Iterable[str], files: Iterable[Path]) -> str:
    """A name for one version of some code: the lines given (a format, the Python
    version), then each file's name, size and modification time. Raises OSError when a
    file cannot be read."""
    signature = list(lines)
    for path in files:
        stat = path.stat()
        signature.append(f"{path.name} {stat.st_size} {stat.st_mtime_ns}")
    text = "\n".join(signature).encode()
    return f"{zlib.crc32(text):08x}{zlib.adler32(text):08x}"


def checksum_name(data: bytes) -> str:
    """A file name for some data: two checksums and its length."""
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data):x}"


class Shelf:
    """A folder of small files for one version of the code that wrote them.

    ``root/version`` holds them. The first write of a run makes the folder, removes
    the folders of other versions, and empties this one when it holds ``limit`` files:
    a cache for the essays in hand, not a growing archive. Every file is written to
    a temporary name and renamed into place, so a reader never sees half of one.
    Nothing fails here: a file that cannot be written is not written.
    """

    def __init__(self, root: Path, version: str | None, limit: int) -> None:
        self.root = root
        self.folder = None if version is None else root / version
        self.limit = limit
        self._ready = False

    @classmethod
    def of(cls, root: Path, version: Callable[[], str], limit: int) -> Shelf:
        """The shelf of the code ``version`` names; one that keeps nothing (no folder)
        when the code's own files cannot be read: then the work is done every time."""
        try:
            return cls(root, version(), limit)
        except OSError:
            return cls(root, None, limit)

    def path(self, name: str) -> Path | None:
        return None if self.folder is None else self.folder / name

    def writable(self) -> bool:
        """Whether files can be stored here, as far as a quick look tells: the folder, or
        the nearest folder above it that exists, may be written to. (Making the folder
        ready, which may mean emptying a full one, waits for the first write.)"""
        if self.folder is None:
            return False
        place = self.folder
        while not place.is_dir() and place != place.parent:
            place = place.parent
        return os.access(place, os.W_OK)

    def write(self, name: str, data: bytes) -> None:
        if self.folder is None:
            return
        path = self.folder / name
        temporary = path.with_name(f"{name}.{os.getpid()}.tmp")
        try:
            if not self._ready:
                self._start_folder(self.folder)
            with open(temporary, "wb") as stream:
                stream.write(data)
            os.replace(temporary, path)
        except OSError:
            # A cache that cannot be written only makes the next run slower.
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)

    def _start_folder(self, folder: Path) -> None:
        if not folder.is_dir():
            if self.root.is_dir():
                for old in self.root.iterdir():
                    # Another process (lint --jobs) may have just made this version's folder.
                    if old.is_dir() and old.name != folder.name:
                        import shutil  # only here: it imports the compression modules

                        shutil.rmtree(old, ignore_errors=True)
            folder.mkdir(parents=True, exist_ok=True)
        elif _holds_at_least(folder, self.limit):
            _empty(folder)
        self._ready = True


def _holds_at_least(folder: Path, count: int) -> bool:
    with os.scandir(folder) as entries:
        return sum(1 for _ in islice(entries, count)) >= count


def _empty(folder: Path) -> None:
    """Remove the files of ``folder``; another process may be removing them too."""
    with os.scandir(folder) as entries:
        for entry in entries:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)

"""The compiled patterns of earlier runs, loaded before the modules that use them.

``bib.patterns`` explains what is kept and why. This module does the file work: one
file per Python build (``bib.patterns.build``) in the ``patterns`` folder of the
cache directory, read once at the start of a run and written at its end only when
the run compiled a pattern that was not kept yet (the first run after an install or
an upgrade). The file is written to a temporary name and renamed into place, so a
reader never sees half of one; a file that cannot be read or decoded is ignored and
one that cannot be written is not written. ``BIB_PARSE_CACHE=0`` turns it off with
the parse cache.

``python -m cli.patterncache`` compiles and keeps every pattern of the packages at
once: `make` runs it after installing, as it byte-compiles the modules, so that the
first `bib` run is as quick as the ones after it.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import zlib
from collections.abc import Mapping
from pathlib import Path

from bib import patterns
from cli.cachedir import work_cache_root

FORMAT = 1
SUBDIRECTORY = "patterns"
# Programs of patterns that no longer exist are kept until the file holds this many;
# then a save keeps only what its run used.
LIMIT = 2000


def pattern_file(environ: Mapping[str, str]) -> Path | None:
    """This Python's file of programs; None when caching is off or has no home."""
    root = work_cache_root(environ)
    if root is None:
        return None
    name = f"{zlib.crc32(patterns.build().encode()):08x}.marshal"
    return root / SUBDIRECTORY / name


def load(path: Path | None) -> dict[tuple[str, int], patterns.Program]:
    """The programs kept in ``path``, handed to ``bib.patterns``; {} when there are none."""
    programs = _read(path)
    patterns.preload(programs)
    return programs


def _read(path: Path | None) -> dict[tuple[str, int], patterns.Program]:
    if path is None:
        return {}
    try:
        with open(path, "rb") as stream:
            # From bytes: marshal.load calls the stream for every object it reads.
            stored = marshal.loads(stream.read())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not (isinstance(stored, tuple) and len(stored) == 3):
        return {}
    version, build, programs = stored
    if version != FORMAT or build != patterns.build() or not isinstance(programs, dict):
        return {}
    return programs


def save(path: Path | None, loaded: dict[tuple[str, int], patterns.Program]) -> None:
    """Keep this run's programs with the loaded ones, if the run compiled any anew.

    Those kept since the load are kept too: a lint's second process (``cli.ahead``)
    keeps the parser's patterns, which this process never compiles, while it runs.
    """
    if path is None or not patterns.compiled_anew():
        return
    used = patterns.used()
    loaded = {**loaded, **_read(path)}
    programs = {**loaded, **used} if len(loaded) + len(used) <= LIMIT else used
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        data = marshal.dumps((FORMAT, patterns.build(), programs))
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except (OSError, ValueError):
        # A cache that cannot be written only makes the next run slower.
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def keep_all(environ: Mapping[str, str]) -> int:
    """Compile the patterns of every module of bib, checks and cli, and keep them."""
    import importlib  # only here: a run of `bib` starts with this module
    import pkgutil

    path = pattern_file(environ)
    kept = load(path)
    for package in ("bib", "checks", "cli"):
        root = importlib.import_module(package)
        for module in pkgutil.walk_packages(root.__path__, f"{package}."):
            if not module.name.endswith("__main__"):
                importlib.import_module(module.name)
    save(path, kept)
    return len(patterns.used())


if __name__ == "__main__":
    keep_all(os.environ)

"""The only place that reads and writes the user's files.

Reads are bounded in size; writes go to a temporary file beside the target
and are renamed over it, so an interrupted run never leaves half a file, and
an output that is one of the inputs is refused.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from bib.errors import BibError

MAX_INPUT_BYTES = 200 * 1024 * 1024
ESSAY_SUFFIXES = (".txt", ".md", ".markdown", ".mdown", ".mkd", ".docx", ".tex", ".latex")


def read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise BibError(f"{path}: is a directory, not an essay")
        if size > MAX_INPUT_BYTES:
            raise BibError(f"{path}: too large ({size // (1024 * 1024)} MB; the limit is 200 MB)")
        return path.read_bytes()
    except FileNotFoundError:
        raise BibError(f"{path}: no such file") from None
    except PermissionError:
        raise BibError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise BibError(f"{path}: is a directory, not an essay") from None
    except OSError as exc:
        raise BibError(f"{path}: cannot read: {exc.strerror or exc}") from None


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given; directories become the essays inside them, sorted."""
    for path in paths:
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ESSAY_SUFFIXES
            )
            if not found:
                raise BibError(f"{path}: a directory with no essays in it (.txt, .md, .docx, .tex)")
            yield from found
        else:
            yield path


def write_atomically(target: Path, text: str, inputs: Iterable[Path]) -> None:
    """Write ``text`` to ``target`` through a temporary file; never over an input."""
    import tempfile  # only here: it costs a few milliseconds of start-up

    for source in inputs:
        if _same_file(source, target):
            raise BibError(f"{target}: refusing to overwrite the input file")
    directory = target.parent if str(target.parent) else Path(".")
    # Ctrl-C or SIGTERM between the temporary file's making and the ``try`` that removes
    # it would leave it behind: they are held until that ``try`` has begun.
    held = _hold_signals()
    try:
        handle, temporary = tempfile.mkstemp(
            dir=directory, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as exc:
        _release_signals(held)
        raise BibError(f"{target}: cannot write: {exc.strerror or exc}") from None
    try:
        _release_signals(held)  # one that came meanwhile is raised here
        os.chmod(temporary, _mode_for(target))
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise BibError(f"{target}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _hold_signals() -> set[int] | None:
    """Hold SIGINT and SIGTERM back, where the system can (not on Windows); returns
    what ``_release_signals`` needs to let them through again."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):
        return None
    return set(signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM}))


def _release_signals(previous: set[int] | None) -> None:
    import signal

    if previous is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new one gets the umask's default."""
    with contextlib.suppress(OSError):
        return target.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask

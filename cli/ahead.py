"""Parsing an essay's references in a second process while this one reads the body.

Parsing the list (loading the CRF library and model, tagging, the rules) and
finding the body's citations (with loading the rules) take about as long as each
other, and neither needs the other's result. On an essay whose references are not
in the parse cache yet, ``parsing_ahead`` forks a child that parses them into the
cache (``cli.parsecache``) while the block under it runs in this process; at the end
of the block it waits for the child, and the list is then read from the cache. The
cache is the only channel: a child that fails or is killed leaves references
unparsed, and this process parses them itself, with the same answers.

Nothing is forked where ``os.fork`` is missing (Windows), where this process may use
only one CPU (the child would only take turns with it), where another thread runs (a
fork copies only the calling thread, and a lock another thread held stays held in
the child), or when every reference is in the cache already.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterator, Sequence

from cli.parsecache import ParseCache


@contextlib.contextmanager
def parsing_ahead(cache: ParseCache | None, texts: Sequence[str]) -> Iterator[None]:
    """Run the block while a child process parses ``texts`` into ``cache``."""
    child = _fork_parser(cache, texts) if cache is not None else None
    if child is None:
        yield
        return
    finished = False
    try:
        yield
        finished = True
    finally:
        if not finished:  # interrupted: the parses will not be read
            with contextlib.suppress(OSError):
                os.kill(child, signal.SIGKILL)
        with contextlib.suppress(OSError):
            os.waitpid(child, 0)


def _fork_parser(cache: ParseCache, texts: Sequence[str]) -> int | None:
    """The child's process id, or None when nothing was forked."""
    if not hasattr(os, "fork") or _cpus() < 2 or threading.active_count() > 1:
        return None
    missing = cache.missing(texts)
    if not missing or not cache.writable():
        return None
    try:
        child = os.fork()
    except OSError:
        return None
    if child:
        return child
    try:  # the child: parse, store, and leave without running this process's exit code
        for text in missing:
            cache.parse(text)
    finally:
        os._exit(0)


def _cpus() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1

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
only one CPU or no CPU is free at the moment (the child would only take turns with
this process, and the fork, the copying of memory pages and the cache's files cost
about 20 ms more), where another thread runs (a fork copies only the calling thread,
and a lock another thread held stays held in the child), or when every reference is
in the cache already. Whether a CPU is free is read from Linux's count of running
tasks (``/proc/loadavg``); elsewhere it is taken to be.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterator, Sequence

from cli import patterncache
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
    if not hasattr(os, "fork") or not _a_cpu_is_free() or threading.active_count() > 1:
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
        try:  # the parser's patterns, compiled here and never in the parent (bib.patterns)
            patterncache.save(patterncache.pattern_file(os.environ), {})
        finally:
            os._exit(0)


def _a_cpu_is_free() -> bool:
    """Whether a second CPU could run the child now: this process may use two or more,
    and fewer tasks are running (this one included) than the machine has CPUs."""
    if _cpus() < 2:
        return False
    try:
        with open(LOADAVG, "rb") as stream:
            running = int(stream.read().split()[3].split(b"/")[0])
    except (OSError, ValueError, IndexError):
        return True  # no such count here: assume a CPU is free, as it usually is
    return running < (os.cpu_count() or 1)


LOADAVG = "/proc/loadavg"  # "0.52 0.58 0.59 1/467 12345": running/all tasks 4th


def _cpus() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1

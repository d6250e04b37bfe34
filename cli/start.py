"""Where the `bib` executable starts: ``cli.main.main``, with less garbage collection.

A run of `bib` is short, and what it allocates is mostly what its modules define
and keep until the end. CPython's cyclic garbage collector scans those objects again
and again while the modules load (every few hundred allocations, and all of them on
each full pass), then once more when the interpreter exits, only to free memory the
operating system takes back anyway: about 5% of the instructions of a cold `bib
export` or `bib lint` of the seed essay (callgrind). So the collector is paused while
the command line's modules load, what they made is frozen (``gc.freeze``: never
scanned again), and so is whatever is alive at the end. While an essay is read and
checked the collector runs as usual, so a huge input cannot pile up garbage; the
``atexit`` handlers and the flushing of the output streams happen as always.

Before anything else, the compiled patterns of earlier runs are loaded
(``cli.patterncache``), so that the modules below build their regular expressions
from them instead of compiling them again; the ones a run had to compile are kept at
its end.

Tests call ``cli.main.main`` in their own process, with Python's defaults.
"""

from __future__ import annotations

import gc
import os
import sys

from cli import patterncache


def main() -> None:
    try:
        programs = patterncache.pattern_file(os.environ)
        kept = patterncache.load(programs)
        gc.disable()
        try:
            from cli.main import main as run
        finally:
            gc.enable()
    except KeyboardInterrupt:  # Ctrl-C before cli.main could catch it: no traceback
        sys.stderr.write("bib: interrupted\n")
        raise SystemExit(130) from None
    gc.freeze()
    try:
        run()
    finally:
        _done_with_interrupts()
        patterncache.save(programs, kept)
        gc.freeze()


def _done_with_interrupts() -> None:
    """The command has finished: a Ctrl-C from now on would only interrupt Python's own
    shutdown (logging's atexit handler, say) and print a traceback there, so the rest of
    the exit ignores it."""
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)

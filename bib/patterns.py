"""Regular expressions compiled once per Python, not once per run.

The re module compiles a pattern in Python: it parses the pattern, then writes a
program for the C matching engine. bibwarden's modules hold some 250 patterns, and
compiling them was a fifth of a cold `bib lint` of the seed essay (about 60 ms of
300). The program depends only on the pattern, its flags and the Python that made it,
so it can be kept between runs: ``compile`` builds a pattern from a kept program when
it has one, and otherwise compiles it and keeps the program it made. Loading and
saving the programs is the command line's business (``cli.patterncache``); without
it, ``compile`` is ``re.compile``.

A kept program goes to the engine's own constructor, the one ``re.compile`` ends
in, which checks a program before it accepts it. Programs are only ever used by the
Python build that made them (``build``), and any failure falls back to
``re.compile``: keeping programs can make a run faster, never different. A test
compiles every pattern of the package both ways and asserts that the patterns are
equal, which for ``re.Pattern`` means the same program.

Patterns built at run time from data (a name to look for, say) are not for this
module: each would be kept for ever. Use it for the constants of a module.
"""

from __future__ import annotations

import re
import sys
from typing import Any

_sre: Any
try:  # the engine and compiler behind re.compile (CPython's, and not typed)
    import _sre  # type: ignore[import-not-found,no-redef]
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python: compile as usual
    _sre = None

# (flags as given, code, number of groups, group names -> numbers, numbers -> names)
Program = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]

_known: dict[tuple[str, int], Program] = {}
_learned: dict[tuple[str, int], Program] = {}


def build() -> str:
    """The Python build whose programs can be used: version and engine revision."""
    magic = getattr(_sre, "MAGIC", "none")
    return f"{sys.implementation.cache_tag}-{magic}-{sys.version}"


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the kept program when there is one."""
    key = (pattern, int(flags))
    program = _known.get(key)
    if program is not None:
        try:
            compiled: re.Pattern[str] = _sre.compile(pattern, *program)
        except Exception:
            del _known[key]
        else:
            _learned[key] = program
            return compiled
    program = _program(pattern, int(flags))
    if program is None:
        return re.compile(pattern, flags)
    compiled = _sre.compile(pattern, *program)
    _learned[key] = program
    return compiled


def _program(pattern: str, flags: int) -> Program | None:
    """What ``re._compiler.compile`` hands the engine; None where that cannot be had."""
    if _sre is None:
        return None
    try:
        parsed = _parser.parse(pattern, flags)
        # Opcodes are int subclasses; plain ints are what a file can keep.
        code = list(map(int, _compiler._code(parsed, flags)))
        names = parsed.state.groupdict
        numbered: list[str | None] = [None] * parsed.state.groups
        for name, number in names.items():
            numbered[number] = name
        return (flags | parsed.state.flags, code, parsed.state.groups - 1, dict(names),
                tuple(numbered))  # fmt: skip
    except re.error:
        raise
    except Exception:
        return None


def preload(programs: dict[tuple[str, int], Program]) -> None:
    """Make kept programs available to ``compile`` (from ``cli.patterncache``)."""
    _known.update(programs)


def used() -> dict[tuple[str, int], Program]:
    """The programs this run compiled or took from the kept ones."""
    return dict(_learned)


def compiled_anew() -> bool:
    """Whether this run compiled a pattern that had no kept program."""
    return any(key not in _known for key in _learned)

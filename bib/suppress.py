"""Inline suppressions: ``<!-- bib: ignore name-variant -->`` and ``<!-- bib: ignore-file ... -->``.

A comment on a line of its own covers the next line that has text; a comment
after text covers its own line. No rule names means every rule.
"""

from __future__ import annotations

import re

from bib import patterns
from bib.model import Suppression

_DIRECTIVE = patterns.compile(r"<!--\s*bib:\s*(ignore-file|ignore)\b([^>]{0,500}?)-->")


def find_suppressions(text: str) -> tuple[Suppression, ...]:
    if "bib:" not in text:
        return ()
    lines = text.split("\n")
    found: list[Suppression] = []
    for number, line in enumerate(lines, start=1):
        for match in _DIRECTIVE.finditer(line):
            rules = tuple(r for r in re.split(r"[\s,]+", match.group(2)) if r)
            if match.group(1) == "ignore-file":
                found.append(Suppression(0, rules))
            elif line[: match.start()].strip() or line[match.end() :].strip():
                found.append(Suppression(number, rules))
            else:
                found.append(Suppression(_next_text_line(lines, number), rules))
    return tuple(found)


def _next_text_line(lines: list[str], number: int) -> int:
    for following in range(number, len(lines)):
        if lines[following].strip():
            return following + 1
    return number

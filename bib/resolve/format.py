"""``bib resolve``'s text: per entry the verdict, the record, and a field-by-field table."""

from __future__ import annotations

from bib.resolve.compare import Agreement
from bib.resolve.report import Resolution, ResolveReport, Status

_WIDTH = 38


def format_resolution(report: ResolveReport) -> str:
    blocks = [_entry_block(r) for r in report.resolutions]
    return "\n\n".join([*blocks, report.summary()]) + "\n"


def _entry_block(r: Resolution) -> str:
    name = r.entry.key or f"line {r.entry.span.line}"
    head = f"{name} (line {r.entry.span.line}): {r.status.value}"
    lines = [head]
    if r.candidate is not None:
        margin = "" if r.margin is None else f", margin {r.margin:.2f}"
        lines.append(
            f"  {'best candidate' if r.status is Status.UNCERTAIN else 'match'}: "
            f"{r.candidate.label}, score {r.score or 0.0:.2f}{margin}"
        )
    if r.reason:
        lines.append(f"  why: {r.reason}")
    if r.sources and r.status is not Status.MATCHED:
        lines.append(f"  asked: {', '.join(r.sources)}")
    lines.extend(f"  could not check: {p}" for p in r.problems)
    for c in r.comparisons:
        if c.agreement is Agreement.NEITHER:
            continue
        mark = {"same": "=", "differs": "!", "missing in entry": "+", "missing in catalog": " "}[
            c.agreement.value
        ]
        lines.append(
            f"  {mark} {c.field:<10}{_cut(c.entry_value):<{_WIDTH}}  {_cut(c.catalog_value)}"
        )
    return "\n".join(lines)


def _cut(text: str) -> str:
    return text if len(text) <= _WIDTH else text[: _WIDTH - 1] + "…"

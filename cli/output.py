"""Turning findings into text for people and JSON for machines."""

from __future__ import annotations

import json
from collections.abc import Sequence

import click

from bib.model import Finding


def out(message: str = "", nl: bool = True) -> None:
    click.echo(message, nl=nl)


def err(message: str) -> None:
    click.echo(message, err=True)


def format_text(findings: Sequence[Finding], files_checked: int) -> str:
    """``path:line:col: CODE message`` grouped by file, by line, then a summary."""
    lines = [
        f"{f.path}:{f.span.line}:{f.span.column}: {f.code} {f.message} [{f.rule}]"
        for f in _ordered(findings)
    ]
    lines.append(_summary(findings, files_checked))
    return "\n".join(lines)


def format_json(findings: Sequence[Finding]) -> str:
    return json.dumps([f.as_dict() for f in _ordered(findings)], ensure_ascii=False, indent=2)


def _ordered(findings: Sequence[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.path, f.span.line, f.span.column, f.code))


def _summary(findings: Sequence[Finding], files_checked: int) -> str:
    files = f"{files_checked} file{'s' if files_checked != 1 else ''}"
    if not findings:
        return f"No findings in {files}."
    by_severity: dict[str, int] = {}
    for f in findings:
        by_severity[f.severity.value] = by_severity.get(f.severity.value, 0) + 1
    counts = ", ".join(f"{n} {sev}" for sev, n in sorted(by_severity.items()))
    return f"{len(findings)} finding{'s' if len(findings) != 1 else ''} in {files} ({counts})."

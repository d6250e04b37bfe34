"""Turning findings into text for people and JSON for machines."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import click

from bib.model import Finding


def out(message: str = "", nl: bool = True) -> None:
    click.echo(message, nl=nl)


def err(message: str) -> None:
    click.echo(message, err=True)


def format_text(findings: Sequence[Finding], files_checked: int) -> str:
    """``path:line:col: CODE message`` grouped by file, by line, then a summary."""
    lines = [
        f"{f.path}:{_line(f)}:{f.span.column}: {f.code} {f.message} [{f.rule}]"
        for f in _ordered(findings)
    ]
    lines.append(_summary(findings, files_checked))
    return "\n".join(lines)


def _line(finding: Finding) -> str:
    """A Word document's places are paragraphs: essay.docx:¶12."""
    return (
        f"¶{finding.span.line}"
        if finding.path.lower().endswith(".docx")
        else str(finding.span.line)
    )


def format_json(findings: Sequence[Finding], files_checked: int = 0) -> str:
    import json

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


SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def format_sarif(findings: Sequence[Finding], files_checked: int = 0) -> str:
    """SARIF 2.1.0, for GitHub code scanning and other viewers."""
    import json

    from bib import __version__
    from checks.rules import RULES

    rules = sorted(RULES.values(), key=lambda r: r.code)
    report = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "bibwarden",
                        "version": __version__,
                        "rules": [
                            {
                                "id": r.code,
                                "name": r.name,
                                "shortDescription": {"text": r.summary},
                                "fullDescription": {"text": r.doc},
                                "defaultConfiguration": {"level": SARIF_LEVELS[r.severity.value]},
                            }
                            for r in rules
                        ],
                    }
                },
                "results": [
                    {
                        "ruleId": f.code,
                        "ruleIndex": [r.code for r in rules].index(f.code),
                        "level": SARIF_LEVELS[f.severity.value],
                        "message": {"text": f.message},
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": {"uri": _uri(f.path)},
                                    "region": {
                                        "startLine": f.span.line,
                                        "startColumn": f.span.column,
                                        "endLine": f.span.end_line,
                                        "endColumn": max(f.span.end_column, f.span.column) + 1,
                                    },
                                }
                            }
                        ],
                        "properties": {"rule": f.rule, "data": dict(f.data)},
                    }
                    for f in _ordered(findings)
                ],
            }
        ],
    }
    return json.dumps(report, ensure_ascii=False, indent=2, default=str)


GITHUB_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def format_github(findings: Sequence[Finding], files_checked: int = 0) -> str:
    """GitHub Actions workflow commands: one ``::warning file=...,line=...::`` per finding."""
    return "\n".join(
        f"::{GITHUB_LEVELS[f.severity.value]} file={_property(f.path)},line={f.span.line},"
        f"col={f.span.column},endLine={f.span.end_line},"
        f"title={_property(f'{f.code} {f.rule}')}::{_data(f.message)}"
        for f in _ordered(findings)
    )


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _uri(path: str) -> str:
    from pathlib import PurePath

    return PurePath(path).as_posix()


Formatter = Callable[[Sequence[Finding], int], str]
FORMATTERS: dict[str, Formatter] = {
    "text": format_text,
    "json": format_json,
    "sarif": format_sarif,
    "github": format_github,
}

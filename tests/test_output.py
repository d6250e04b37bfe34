from __future__ import annotations

import json

from bib.model import Finding, Severity, Span
from cli.output import format_github, format_sarif, format_text

FINDINGS = [
    Finding(
        "essays/b.md",
        Span(7, 3, 7, 10),
        "N001",
        "name-variant",
        Severity.WARNING,
        "Klevniuk is spelled Khlevniuk in the reference list",
        (("names", ["Khlevniuk", "Klevniuk"]),),
    ),
    Finding("essays/a.md", Span(2), "C002", "unused-reference", Severity.INFO, "50%, a: b, c"),
]


def test_text_groups_by_file_and_ends_with_a_summary() -> None:
    lines = format_text(FINDINGS, 2).splitlines()
    assert lines[0].startswith("essays/a.md:2:1: C002 ")
    assert lines[1].startswith("essays/b.md:7:3: N001 ")
    assert lines[-1] == "2 findings in 2 files (1 info, 1 warning)."


def test_sarif_is_version_2_1_0_with_rules_and_regions() -> None:
    report = json.loads(format_sarif(FINDINGS))
    assert report["version"] == "2.1.0"
    run = report["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "N001" in rule_ids and "C002" in rule_ids
    results = {r["ruleId"]: r for r in run["results"]}
    assert results["C002"]["level"] == "note"
    region = results["N001"]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 7, "startColumn": 3, "endLine": 7, "endColumn": 11}
    assert rule_ids[results["N001"]["ruleIndex"]] == "N001"


def test_github_annotations_escape_their_properties_and_message() -> None:
    lines = format_github(FINDINGS).splitlines()
    assert lines[0] == (
        "::notice file=essays/a.md,line=2,col=1,endLine=2,"
        "title=C002 unused-reference::50%25, a: b, c"
    )
    assert lines[1].startswith("::warning file=essays/b.md,line=7,col=3,")

"""The catalog rules: their docstring examples, run with their catalog records, and the
findings of a report. (They find nothing in a document alone; see checks/catalog.py.)"""

from __future__ import annotations

import pytest

from bib.catalogs.records import Candidate
from bib.document import read_document
from bib.model import Document, EntryType, Severity, Span
from bib.resolve import ResolveReport, Status, resolve_entries
from bib.resolve.report import Resolution
from tests.test_resolve_run import FakeClient


def catalog_module():  # type: ignore[no-untyped-def]
    # Imported when the tests run, not when they are collected, so that the generic rule
    # tests see the registry the lead wires up (see checks/catalog.py).
    import checks.catalog

    return checks.catalog


def record_of(block: str) -> dict[str, object]:
    source, record_id, author, title, year, kind = (p.strip() for p in block.split("|"))
    assert kind == "book" and source == "openlibrary"
    return {
        "key": record_id,
        "title": title,
        "author_name": [author],
        "first_publish_year": int(year),
    }


def examples_with_records(doc: str, kind: str) -> list[tuple[str, list[dict[str, object]]]]:
    """Each ``<kind> example::`` block with the ``Catalog record::`` blocks after it."""
    from checks.registry import _indented_block

    found: list[tuple[str, list[dict[str, object]]]] = []
    lines = doc.splitlines()
    current: str | None = None
    for i, line in enumerate(lines):
        label = line.strip().lower()
        if label.endswith("example::"):
            current = label.removesuffix(" example::")
            if current == kind:
                found.append(("\n".join(_indented_block(lines[i + 1 :])), []))
        elif label == "catalog record::" and current == kind:
            block = "\n".join(_indented_block(lines[i + 1 :]))
            found[-1][1].append(record_of(block.strip()))
    return found


def findings_for(rule_name: str, text: str, docs: list[dict[str, object]]) -> list[str]:
    from checks.rules import Settings

    module = catalog_module()
    document = read_document(text.encode("utf-8"), "example.md")
    clients = {"openlibrary": FakeClient({"docs": docs}), "crossref": FakeClient({"message": {}})}
    from bib.catalogs.config import CatalogConfig

    report = resolve_entries(document.entries, CatalogConfig(), clients=clients)
    findings = module.catalog_findings(document, report, Settings(select=(rule_name,)))
    return [f.rule for f in findings]


@pytest.mark.parametrize("name", ["catalog-mismatch", "not-in-catalog"])
def test_catalog_rule_examples_hold(name: str) -> None:
    from checks.registry import RULES

    catalog_module()
    rule = RULES[name]
    assert rule.examples("failing") and rule.examples("passing")
    for text, docs in examples_with_records(rule.doc, "failing"):
        assert name in findings_for(name, text, docs), text
    for text, docs in examples_with_records(rule.doc, "passing"):
        assert name not in findings_for(name, text, docs), text


def report_for(document: Document, status: Status) -> ResolveReport:
    entry = document.entries[0]
    record = Candidate("openlibrary", "/works/OL1W", EntryType.BOOK, "Other Title")
    return ResolveReport((Resolution(entry, status, record if status is Status.MATCHED else None),))


def test_could_not_check_is_never_a_finding() -> None:
    from checks.rules import Settings

    text = (
        "Cites Pons (2002).\n\nReferences\n\n"
        "Pons, S. Stalin and the Inevitable War 1936-1941 (London: Frank Cass, 2002)\n"
    )
    document = read_document(text.encode(), "x.md")
    for status in (Status.COULD_NOT_CHECK, Status.UNCERTAIN, Status.SKIPPED):
        assert (
            catalog_module().catalog_findings(document, report_for(document, status), Settings())
            == ()
        )


def test_findings_honour_severity_ignore_and_suppressions() -> None:
    from checks.rules import Settings

    text = (
        "Cites Roffman (1977).\n\nReferences\n\n"
        "Roffman, H. Understanding the Cold War (London: Associated University Presses, 1977)\n"
    )
    document = read_document(text.encode(), "x.md")
    report = report_for(document, Status.NOT_IN_CATALOG)
    module = catalog_module()
    (finding,) = module.catalog_findings(document, report, Settings())
    assert (finding.code, finding.severity, finding.span) == (
        "R002",
        Severity.INFO,
        document.entries[0].span,
    )
    raised = Settings(severities=(("not-in-catalog", Severity.WARNING),))
    assert module.catalog_findings(document, report, raised)[0].severity is Severity.WARNING
    assert module.catalog_findings(document, report, Settings(ignore=("R002",))) == ()
    suppressed = text.replace("1977)\n", "1977) <!-- bib: ignore not-in-catalog -->\n")
    document = read_document(suppressed.encode(), "x.md")
    assert (
        module.catalog_findings(document, report_for(document, Status.NOT_IN_CATALOG), Settings())
        == ()
    )


def test_a_mismatch_finding_carries_its_data() -> None:
    from checks.rules import Settings

    text = (
        "Cites Rogovin (1998).\n\nReferences\n\n"
        "Rogovin, V. Z. 1937: Stalin’s Year or Terror (Sheffield: Mehring Books, 1998)\n"
    )
    doc = {
        "key": "/works/OL1W",
        "title": "1937",
        "subtitle": "Stalin's Year of Terror",
        "author_name": ["Vadim Z. Rogovin"],
        "first_publish_year": 1998,
    }
    document = read_document(text.encode(), "x.md")
    from bib.catalogs.config import CatalogConfig

    report = resolve_entries(
        document.entries,
        CatalogConfig(),
        clients={"openlibrary": FakeClient({"docs": [doc]}), "crossref": FakeClient({})},
    )
    (finding,) = catalog_module().catalog_findings(document, report, Settings())
    assert finding.code == "R001" and finding.span == Span(5, 1, 5, finding.span.end_column)
    assert dict(finding.data) == {
        "field": "title",
        "entry_value": "1937: Stalin’s Year or Terror",
        "catalog_value": "1937: Stalin's Year of Terror",
        "source": "openlibrary",
        "id": "/works/OL1W",
    }

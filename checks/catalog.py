"""Rules about what the catalogs say of an entry: only with ``--resolve``.

Rules are pure functions of the document, and catalogs are the network; so the
lookups happen at the edge (``bib.resolve.resolve_entries``, called by the CLI)
and ``catalog_findings`` turns their report into findings under these rules'
codes, names and severities, honouring select, ignore, severities and inline
suppressions. Registered here for their documentation and for select/ignore, the
rules themselves find nothing in a document alone. Their examples need a catalog
record: each docstring's ``Catalog record::`` block gives it (source, id,
authors, title, year, type), and ``tests/test_resolve_rules.py`` runs them.

A catalog that times out, throttles or is offline is never a finding: the entry
"could not be checked", and the CLI says so on stderr.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from bib.model import Document, Finding, Severity, Span
from checks.registry import RULES, Hit, rule, selected_rules
from checks.settings import Settings

if TYPE_CHECKING:  # the resolver is loaded only by a run that resolves
    from bib.resolve.report import Resolution, ResolveReport

CATALOG_RULES = frozenset({"catalog-mismatch", "not-in-catalog"})


@rule("R001", "catalog-mismatch", Severity.WARNING)
def catalog_mismatch(document: Document, settings: Settings) -> Iterator[Hit]:
    """A field differs from the catalog record the entry confidently matches.

    Checked with ``--resolve``. Only a confident match counts (title, first
    author and more agree, well ahead of any other candidate), and only the
    fields that identify a work are compared: title, year, container, volume,
    issue and pages (a reprint's year counts when the catalog lists that
    edition). ``data`` holds ``field``, ``entry_value``, ``catalog_value``,
    ``source`` and ``id``; ``bib export --resolve --fix-from-catalog`` takes the
    catalog's value.

    Failing example::

        An essay that cites Rogovin (1998).

        References

        Rogovin, V. Z. 1937: Stalin’s Year or Terror (Sheffield: Mehring Books, 1998)

    Catalog record::

        openlibrary | /works/OL1013W | Vadim Z. Rogovin | 1937: Stalin's Year of Terror | 1998 | book

    Passing example::

        An essay that cites Rogovin (1998).

        References

        Rogovin, V. Z. 1937: Stalin’s Year of Terror (Sheffield: Mehring Books, 1998)
    """
    return iter(())


@rule("R002", "not-in-catalog", Severity.INFO)
def not_in_catalog(document: Document, settings: Settings) -> Iterator[Hit]:
    """No catalog holds the work: every catalog asked answered, and none matched.

    Checked with ``--resolve``. Humanities books, reports and older articles are
    often missing from Crossref and Open Library, so this is information, worth a
    second look at the reference (a misspelt title or author, a wrong year). An
    entry whose lookup failed (offline, throttled, timed out) is never reported:
    it could not be checked.

    Failing example::

        An essay that cites Roffman (1977).

        References

        Roffman, H. Understanding the Cold War: A Study of the Cold War in the Interwar Period (London: Associated University Presses, 1977)

    Catalog record::

        openlibrary | /works/OL9005W | Peter Lindqvist | Understanding the Cold War | 2004 | book

    Passing example::

        An essay that cites Roffman (1977).

        References

        Roffman, H. Understanding the Cold War: A Study of the Cold War in the Interwar Period (London: Associated University Presses, 1977)

    Catalog record::

        openlibrary | /works/OL1021W | Howard Roffman | Understanding the cold war: a study of the cold war in the interwar period | 1977 | book
    """
    return iter(())


def catalog_hits(report: ResolveReport) -> Iterator[tuple[str, Hit]]:
    """(rule name, hit) for every finding the report supports."""
    for resolution in report.resolutions:
        yield from _hits(resolution)


def _hits(resolution: Resolution) -> Iterator[tuple[str, Hit]]:
    from bib.resolve.report import Status

    span: Span = resolution.entry.span
    match = resolution.candidate
    if resolution.status is Status.MATCHED and match is not None:
        for c in resolution.mismatches:
            yield (
                "catalog-mismatch",
                Hit(
                    span,
                    f"{c.field} differs from the catalog ({match.source} {match.id}): "
                    f"{c.catalog_value!r}",
                    (
                        ("field", c.field),
                        ("entry_value", c.entry_value),
                        ("catalog_value", c.catalog_value),
                        ("source", match.source),
                        ("id", match.id),
                    ),
                ),
            )
    elif resolution.status is Status.NOT_IN_CATALOG:
        asked = ", ".join(resolution.sources)
        yield (
            "not-in-catalog",
            Hit(span, f"no catalog holds this work (asked {asked})", (("sources", asked),)),
        )


def catalog_findings(
    document: Document, report: ResolveReport, settings: Settings
) -> tuple[Finding, ...]:
    """The findings of a resolution report, as ``run_checks`` would make them."""
    chosen = {r.name for r in selected_rules(settings)} & CATALOG_RULES
    findings = []
    for name, hit in catalog_hits(report):
        if name not in chosen:
            continue
        r = RULES[name]
        finding = Finding(
            document.path,
            hit.span,
            r.code,
            r.name,
            settings.severity_of(r.name, r.severity),
            hit.message,
            hit.data,
        )
        if not any(s.covers(finding) for s in document.suppressions):
            findings.append(finding)
    return tuple(sorted(findings, key=lambda f: (f.span.line, f.span.column, f.code)))

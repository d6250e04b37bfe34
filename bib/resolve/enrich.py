"""Adding what the catalogs confirm, without destroying what the author wrote. Pure.

- resolving alone adds identifiers the entry lacks (DOI, ISBN);
- ``fill`` also adds missing fields (year, container, volume, number, pages,
  publisher, place);
- ``fix`` also replaces the fields that differ from the match (those
  ``catalog-mismatch`` reports).

Only a confident match enriches, and every change is returned as a ``Change``.
"""

from __future__ import annotations

from collections.abc import Sequence

from bib.catalogs.records import Candidate
from bib.model import Entry
from bib.resolve.report import Change, Resolution, ResolveReport, Status

IDENTIFIERS = ("doi", "isbn")
FILLABLE = ("year", "container", "volume", "number", "pages", "publisher", "place")


def enrich(
    entry: Entry, resolution: Resolution, fill: bool = False, fix: bool = False
) -> tuple[Entry, tuple[Change, ...]]:
    """The entry with what its match adds, and the list of changes."""
    match = resolution.candidate
    if resolution.status is not Status.MATCHED or match is None:
        return entry, ()
    reference = entry.reference
    updates: dict[str, str] = {}
    for field in IDENTIFIERS + (FILLABLE if fill else ()):
        value = _catalog_value(match, field)
        if value and not str(getattr(reference, field)).strip():
            updates[field] = value
    if fix:
        for comparison in resolution.mismatches:
            value = _catalog_value(match, comparison.field)
            if value:
                updates[comparison.field] = value
    if not updates:
        return entry, ()
    changes = tuple(
        Change(entry.key, field, str(getattr(reference, field)), new, match.label)
        for field, new in updates.items()
    )
    return entry._replace(reference=reference._replace(**updates)), changes  # type: ignore[arg-type]


def enrich_entries(
    report: ResolveReport, fill: bool = False, fix: bool = False
) -> tuple[tuple[Entry, ...], tuple[Change, ...]]:
    """Every entry of a report, enriched, and all the changes in order."""
    entries: list[Entry] = []
    changes: list[Change] = []
    for resolution in report.resolutions:
        entry, made = enrich(resolution.entry, resolution, fill, fix)
        entries.append(entry)
        changes.extend(made)
    return tuple(entries), tuple(changes)


def format_changes(changes: Sequence[Change]) -> str:
    """The changes as a diff a person can review: one line per field."""
    lines = []
    for c in changes:
        old = f"{c.old!r} -> " if c.old else "+ "
        lines.append(f"{c.entry_key}: {c.field}: {old}{c.new!r}  ({c.source})")
    return "\n".join(lines)


def _catalog_value(match: Candidate, field: str) -> str:
    value = getattr(match, field, "")
    return value.strip() if isinstance(value, str) else ""

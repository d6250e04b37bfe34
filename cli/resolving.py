"""The catalog look-ups as the terminal sees them: a progress bar, notes, a summary.

Imported only when a command is asked to resolve, so that plain `bib lint`
never loads requests.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from bib.catalogs.config import CatalogConfig
from bib.model import Entry
from bib.resolve import Resolution, ResolveReport, resolve_entries
from cli.output import err


def resolve_with_progress(
    entries: Sequence[Entry], config: CatalogConfig, label: str
) -> ResolveReport:
    """Resolve, with a progress bar on stderr when it is a terminal; notes go to stderr."""
    if not entries:
        return resolve_entries(entries, config)
    if sys.stderr.isatty():
        with click.progressbar(length=len(entries), label=label, file=sys.stderr) as bar:

            def advance(done: int, total: int, resolution: Resolution) -> None:
                bar.update(1)

            report = resolve_entries(entries, config, advance)
    else:
        report = resolve_entries(entries, config)
    for note in report.notes:
        err(f"{label}: note: {note}")
    err(f"{label}: {report.summary()}")
    return report

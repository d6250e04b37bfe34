"""Resolution: looking entries up in the catalogs, judging matches, enriching entries.

The pure core (``match``, ``compare``, ``enrich``, ``format``) never touches the
network; ``resolve_entries`` opens it only when called. Importing this package does
not import ``requests``.
"""

from bib.catalogs.config import CatalogConfig, catalog_config_from
from bib.resolve.compare import Agreement, FieldComparison
from bib.resolve.enrich import enrich, enrich_entries, format_changes
from bib.resolve.format import format_resolution
from bib.resolve.match import ACCEPT_SCORE, MARGIN, Decision, Verdict, decide
from bib.resolve.report import Change, Resolution, ResolveReport, Status
from bib.resolve.run import resolve_entries, resolve_entry

__all__ = [
    "ACCEPT_SCORE",
    "MARGIN",
    "Agreement",
    "CatalogConfig",
    "Change",
    "Decision",
    "FieldComparison",
    "Resolution",
    "ResolveReport",
    "Status",
    "Verdict",
    "catalog_config_from",
    "decide",
    "enrich",
    "enrich_entries",
    "format_changes",
    "format_resolution",
    "resolve_entries",
    "resolve_entry",
]

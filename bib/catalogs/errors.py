"""Two kinds of trouble: a catalog that cannot answer now, and a setting that cannot work."""

from __future__ import annotations

from bib.errors import BibError


class CatalogUnavailable(Exception):
    """The catalog did not answer usefully (offline, throttled, timed out, malformed).

    Never a fact about the entry: the lookup reads as "could not check".
    """


class CatalogConfigError(BibError):
    """A catalog setting the user must fix (a plain-HTTP base URL, an unknown backend)."""

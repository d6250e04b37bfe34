"""The catalogs by name: how to search each, and the limits it documents.

The documented limits are where a run starts; every answer's
``x-rate-limit-*`` headers then say what the server allows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from bib.catalogs import crossref, googlebooks, openalex, openlibrary
from bib.catalogs.records import Candidate, JsonClient, Query


class RateLimit(NamedTuple):
    """At most ``requests`` per ``interval`` seconds, ``concurrency`` at a time."""

    requests: int
    interval: float
    concurrency: int

    def tighter(self, other: RateLimit) -> RateLimit:
        """The stricter of two limits: for a host that several catalogs share."""
        rate = min(self.requests / self.interval, other.requests / other.interval)
        interval = max(self.interval, other.interval)
        return RateLimit(
            max(1, int(rate * interval)), interval, min(self.concurrency, other.concurrency)
        )


Search = Callable[[Query, JsonClient], tuple[Candidate, ...]]


class Source(NamedTuple):
    name: str
    search: Search
    anonymous: RateLimit  # without a contact address
    identified: RateLimit  # with one (Crossref's "polite pool", Open Library's 3/s)

    def limit(self, identified: bool) -> RateLimit:
        return self.identified if identified else self.anonymous


SOURCES: dict[str, Source] = {
    s.name: s
    for s in (
        Source("crossref", crossref.search, RateLimit(5, 1.0, 1), RateLimit(10, 1.0, 3)),
        Source("openlibrary", openlibrary.search, RateLimit(1, 1.0, 1), RateLimit(3, 1.0, 2)),
        Source("openalex", openalex.search, RateLimit(10, 1.0, 3), RateLimit(10, 1.0, 3)),
        Source("googlebooks", googlebooks.search, RateLimit(2, 1.0, 1), RateLimit(5, 1.0, 2)),
    )
}

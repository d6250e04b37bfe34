"""What resolution found, entry by entry: plain values the CLI and the rules read."""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

from bib.catalogs.records import Candidate
from bib.model import Entry
from bib.resolve.compare import MISMATCH_FIELDS, FieldComparison
from bib.resolve.match import Evidence


class Status(str, Enum):
    MATCHED = "matched"
    UNCERTAIN = "uncertain"  # a candidate came close; nothing is claimed either way
    NOT_IN_CATALOG = "not-in-catalog"  # every catalog asked answered, none holds the work
    COULD_NOT_CHECK = "could-not-check"  # a catalog could not answer (offline, throttled...)
    SKIPPED = "skipped"  # nothing to look up (a web page, an unreadable line)


class Resolution(NamedTuple):
    entry: Entry
    status: Status
    candidate: Candidate | None = None  # the match, or the closest candidate when uncertain
    score: float | None = None
    margin: float | None = None  # over the runner-up that is not the same work
    evidence: Evidence | None = None
    comparisons: tuple[FieldComparison, ...] = ()  # only for a match
    sources: tuple[str, ...] = ()  # the catalogs asked, in order
    problems: tuple[str, ...] = ()  # why catalogs could not answer
    reason: str = ""

    @property
    def mismatches(self) -> tuple[FieldComparison, ...]:
        if self.status is not Status.MATCHED:
            return ()
        return tuple(c for c in self.comparisons if c.differs and c.field in MISMATCH_FIELDS)


class ResolveReport(NamedTuple):
    resolutions: tuple[Resolution, ...]  # one per entry, in the entries' order
    notes: tuple[str, ...] = ()  # for stderr: unreachable catalogs, a moved-aside cache...
    sent: int = 0  # requests that went over the network
    cached: int = 0  # answers taken from the cache
    seconds: float = 0.0

    def count(self, status: Status) -> int:
        return sum(1 for r in self.resolutions if r.status is status)

    @property
    def could_not_check(self) -> int:
        return self.count(Status.COULD_NOT_CHECK)

    def summary(self) -> str:
        """One line for stderr; says how many entries could not be checked."""
        parts = [
            f"{self.count(s)} {s.value}"
            for s in Status
            if self.count(s) and s is not Status.COULD_NOT_CHECK
        ]
        line = f"resolved {len(self.resolutions)} entries: " + (", ".join(parts) or "none")
        if self.could_not_check:
            noun = "entry" if self.could_not_check == 1 else "entries"
            line += f"; {self.could_not_check} {noun} could not be checked"
        return line


class Change(NamedTuple):
    """One field that enrichment set or replaced."""

    entry_key: str
    field: str
    old: str
    new: str
    source: str  # "crossref 10.1080/..." : the catalog and the record's id

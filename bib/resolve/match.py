"""Deciding whether a catalog record is the work an entry cites. Pure.

Every candidate is scored on the evidence of each field, never on the catalog's
own relevance score:

    field      weight  evidence (0..1)
    title      0.40    similarity after normalising case, punctuation, dashes and
                       diacritics, forgiving a subtitle one side leaves out
    author     0.25    1 when the first authors are one person (``bib.namefold``),
                       0.5 when the entry's first author is another author of the record
    year       0.15    1 equal (or the year of one of the work's editions), 0.5 one off
    container  0.08    similarity of journal or book titles
    volume     0.04    1 equal
    pages      0.04    1 same first page
    type       0.04    1 same kind of work, 0.5 book against chapter

A field unknown on either side counts half its weight, so that a sparse record
neither wins nor loses by its silence. A candidate is *acceptable* when its score
reaches ``ACCEPT_SCORE`` and nothing speaks against it:

- its title is at least ``TITLE_FLOOR`` alike and has the same numbers (so volume 3
  of a series is not volume 4, nor "1935-36" "1936-37");
- its first author is not someone else; its type is not a periodical's against a
  book's (a review of the book is not the book);
- an article's year is at most one off;
- something besides title and author agrees (year, container, volume, pages or
  publisher), and, without an author to compare, the title is near-identical and
  the year agrees; without a title, author, year, volume and pages all agree.

The best acceptable candidate is accepted only with a margin of ``MARGIN`` over
the runner-up, where records of the same work (one DOI; one title by one author)
do not compete. A wrong match is worse than none: anything less is "uncertain"
when a candidate came close without contradicting the entry (title at least
``TITLE_FLOOR`` alike, or author, year and volume or pages all agreeing, as for a
review whose catalog title names the book reviewed), and "not found" otherwise: a
record by another first author, of another kind, or with other numbers in its
title is another work, however alike its title.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import NamedTuple

from bib.catalogs.records import Candidate, Query
from bib.model import EntryType
from bib.resolve.text import (
    container_similarity,
    normal_number,
    page_bounds,
    publisher_similarity,
    same_person,
    title_numbers,
    title_similarity,
)

ACCEPT_SCORE = 0.80
MARGIN = 0.10
TITLE_FLOOR = 0.80
STRONG_TITLE = 0.95
WEIGHTS = {
    "title": 0.40,
    "author": 0.25,
    "year": 0.15,
    "container": 0.08,
    "volume": 0.04,
    "pages": 0.04,
    "type": 0.04,
}

_KIND = {
    EntryType.ARTICLE: "periodical",
    EntryType.REVIEW: "periodical",
    EntryType.BOOK: "book",
    EntryType.EDITED_BOOK: "book",
    EntryType.CHAPTER: "chapter",
    EntryType.THESIS: "thesis",
    EntryType.REPORT: "report",
}


class Evidence(NamedTuple):
    """How far each field agrees: 0..1, or None when either side lacks it."""

    title: float | None = None
    author: float | None = None
    year: float | None = None
    container: float | None = None
    volume: float | None = None
    pages: float | None = None
    type: float | None = None
    publisher: float | None = None  # support only: not weighted

    def score(self) -> float:
        total = 0.0
        for name, weight in WEIGHTS.items():
            value = getattr(self, name)
            total += weight * (0.5 if value is None else value)
        return round(total, 4)


class Scored(NamedTuple):
    candidate: Candidate
    score: float
    evidence: Evidence
    objections: tuple[str, ...] = ()  # why it cannot be accepted

    @property
    def acceptable(self) -> bool:
        return not self.objections and self.score >= ACCEPT_SCORE


class Verdict(str, Enum):
    ACCEPTED = "accepted"
    UNCERTAIN = "uncertain"  # a candidate came close, but not close enough
    NONE = "none"  # nothing like the work


class Decision(NamedTuple):
    verdict: Verdict
    best: Scored | None = None
    runner_up: Scored | None = None
    reason: str = ""

    @property
    def margin(self) -> float | None:
        if self.best is None:
            return None
        return round(self.best.score - (self.runner_up.score if self.runner_up else 0.0), 4)


def evidence_for(query: Query, candidate: Candidate) -> Evidence:
    return Evidence(
        title=title_similarity(query.title, candidate.title) if query.title else None,
        author=_author(query, candidate),
        year=_year(query.year, candidate),
        container=_container(query, candidate),
        volume=_equal(normal_number(query.volume), normal_number(candidate.volume)),
        pages=_equal(page_bounds(query.pages)[0], page_bounds(candidate.pages)[0]),
        type=_type(query.type, candidate.type),
        publisher=_publisher(query.publisher, candidate),
    )


def score_candidate(query: Query, candidate: Candidate) -> Scored:
    evidence = evidence_for(query, candidate)
    return Scored(candidate, evidence.score(), evidence, _objections(query, candidate, evidence))


def decide(query: Query, candidates: Iterable[Candidate]) -> Decision:
    """Accept the best candidate only when it is acceptable and clearly ahead."""
    scored = sorted(
        (score_candidate(query, c) for c in candidates),
        key=lambda s: (s.acceptable, s.score),
        reverse=True,
    )
    if not scored:
        return Decision(Verdict.NONE, reason="the catalog returned no candidates")
    best = scored[0]
    rivals = [s for s in scored[1:] if not same_work(best.candidate, s.candidate)]
    runner_up = max(rivals, key=lambda s: s.score, default=None)
    if not best.acceptable:
        close = _close(best.evidence) and not _contradicted(query, best)
        why = "; ".join(best.objections) or f"score {best.score:.2f} below {ACCEPT_SCORE}"
        return Decision(Verdict.UNCERTAIN if close else Verdict.NONE, best, runner_up, why)
    decision = Decision(Verdict.ACCEPTED, best, runner_up)
    if runner_up is not None and (decision.margin or 0.0) < MARGIN:
        return Decision(
            Verdict.UNCERTAIN,
            best,
            runner_up,
            f"{runner_up.candidate.label} scores almost as well ({runner_up.score:.2f})",
        )
    return decision


def _close(e: Evidence) -> bool:
    """Near enough that "not in the catalog" would be a claim we cannot make."""
    if e.title is not None and e.title >= TITLE_FLOOR:
        return True
    return e.author == 1.0 and e.year == 1.0 and (e.pages == 1.0 or e.volume == 1.0)


def _contradicted(query: Query, scored: Scored) -> bool:
    """Definitely another work: another first author, kind of work or number in the title."""
    return (
        scored.evidence.author == 0.0
        or _incompatible(query.type, scored.candidate.type)
        or _numbers_differ(query.title, scored.candidate.title)
    )


def same_work(a: Candidate, b: Candidate) -> bool:
    """Two records of one work: one DOI, or one title by one first author."""
    if a.doi and b.doi:
        return a.doi.casefold() == b.doi.casefold()
    if title_similarity(a.title, b.title) < STRONG_TITLE or _kind(a.type) != _kind(b.type):
        return False
    people_a, people_b = a.authors or a.editors, b.authors or b.editors
    if not people_a or not people_b:
        return True
    return same_person(people_a[0].full_family, people_b[0].full_family)


def _objections(query: Query, candidate: Candidate, e: Evidence) -> tuple[str, ...]:
    found = []
    if e.title is None:
        if not (e.author == e.year == e.volume == e.pages == 1.0):
            found.append("no title, and not all of author, year, volume and pages agree")
    elif e.title < TITLE_FLOOR:
        found.append(f"title differs ({e.title:.2f} alike)")
    elif _numbers_differ(query.title, candidate.title):
        found.append("the titles carry different numbers")
    if e.author == 0.0:
        found.append("the first author differs")
    if _incompatible(query.type, candidate.type):
        found.append(f"a {candidate.raw_type or candidate.type.value} is not a {query.type.value}")
    if _kind(query.type) == "periodical" and e.year == 0.0:
        found.append("the year differs by more than one")
    support = [
        (e.year or 0.0) >= 0.5,
        (e.container or 0.0) >= 0.9,
        e.volume == 1.0,
        e.pages == 1.0,
        (e.publisher or 0.0) >= 0.9,
    ]
    if e.title is not None and e.author is None:
        if not (e.title >= STRONG_TITLE and e.year == 1.0):
            found.append("no author to compare, and title and year do not both agree")
    elif e.title is not None and e.author == 0.5:
        if not ((e.year or 0.0) >= 0.5 and sum(support) >= 2):
            found.append("the first author is only a co-author, and too little else agrees")
    elif e.title is not None and e.author == 1.0 and not any(support):
        found.append("only title and author agree")
    return tuple(found)


def _numbers_differ(a: str, b: str) -> bool:
    numbers_a, numbers_b = title_numbers(a), title_numbers(b)
    return bool(numbers_a and numbers_b and numbers_a != numbers_b)


def _author(query: Query, candidate: Candidate) -> float | None:
    people = [n.full_family for n in (*candidate.authors, *candidate.editors)]
    if not query.families or not people:
        return None
    if same_person(query.families[0], people[0]):
        return 1.0
    if any(same_person(query.families[0], p) for p in people[1:]):
        return 0.5
    if any(same_person(f, people[0]) for f in query.families[1:]):
        return 0.5
    return 0.0


def _year(year: str, candidate: Candidate) -> float | None:
    known = {y for y in (candidate.year, *candidate.years) if y}
    if not year or not known:
        return None
    if year in known:
        return 1.0
    return 0.5 if min(abs(int(year) - int(y)) for y in known) == 1 else 0.0


def _container(query: Query, candidate: Candidate) -> float | None:
    names = [c for c in (candidate.container, *candidate.containers) if c]
    if not query.container or not names:
        return None
    return max(container_similarity(query.container, c) for c in names)


def _publisher(publisher: str, candidate: Candidate) -> float | None:
    if not publisher or not candidate.publishers:
        return None
    return max(publisher_similarity(publisher, p) for p in candidate.publishers)


def _equal(a: str, b: str) -> float | None:
    if not a or not b:
        return None
    return 1.0 if a == b else 0.0


def _kind(entry_type: EntryType) -> str:
    return _KIND.get(entry_type, "")


def _type(a: EntryType, b: EntryType) -> float | None:
    ka, kb = _kind(a), _kind(b)
    if not ka or not kb:
        return None
    if ka == kb:
        return 1.0
    return 0.5 if {ka, kb} == {"book", "chapter"} else 0.0


def _incompatible(a: EntryType, b: EntryType) -> bool:
    kinds = {_kind(a), _kind(b)}
    return "periodical" in kinds and bool(kinds & {"book", "chapter", "thesis"})

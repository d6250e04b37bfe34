"""Looking every entry up: which catalogs, in which order, and what the answers mean.

The catalogs are chosen by the entry's type, and a lookup falls through to the
next when one holds no match or cannot answer. An entry is "not in catalog" only
when every catalog asked answered; one that could not answer makes it "could not
check", never a verdict on the entry.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed

from bib.catalogs.config import CatalogConfig
from bib.catalogs.errors import CatalogUnavailable
from bib.catalogs.records import JsonClient, Query, query_for
from bib.catalogs.sources import SOURCES
from bib.model import Entry, EntryType
from bib.resolve.compare import compare
from bib.resolve.match import Decision, Verdict, decide
from bib.resolve.report import Resolution, ResolveReport, Status

Progress = Callable[[int, int, Resolution], None]

_BOOKS = ("openlibrary", "crossref", "googlebooks", "openalex")
_PAPERS = ("crossref", "openalex")
ORDER: dict[EntryType, tuple[str, ...]] = {
    EntryType.ARTICLE: _PAPERS,
    EntryType.REVIEW: _PAPERS,
    EntryType.CHAPTER: _PAPERS,
    EntryType.REPORT: _PAPERS,
    EntryType.THESIS: (*_PAPERS, "openlibrary"),
    EntryType.BOOK: _BOOKS,
    EntryType.EDITED_BOOK: _BOOKS,
    EntryType.OTHER: ("crossref", "openlibrary", "openalex", "googlebooks"),
    EntryType.WEBPAGE: (),
}


def sources_for(query: Query, enabled: Sequence[str]) -> tuple[str, ...]:
    """The catalogs to ask, in order: by type, and Crossref first for a DOI."""
    order = ORDER.get(query.type, ORDER[EntryType.OTHER])
    if query.doi and order:
        order = ("crossref", *(s for s in order if s != "crossref"))
    return tuple(s for s in order if s in enabled)


def resolve_entry(entry: Entry, clients: Mapping[str, JsonClient]) -> Resolution:
    """Look one entry up in the given catalogs. Network errors become a status."""
    reference = entry.reference
    query = query_for(reference, entry.raw)
    order = sources_for(query, tuple(clients))
    if not order or not (query.title or query.doi or query.isbn):
        return Resolution(entry, Status.SKIPPED, reason="nothing a catalog could look up")
    asked: list[str] = []
    problems: list[str] = []
    closest: Decision | None = None
    for name in order:
        asked.append(name)
        try:
            candidates = SOURCES[name].search(query, clients[name])
        except CatalogUnavailable as exc:
            problems.append(str(exc))
            continue
        decision = decide(query, candidates)
        if decision.verdict is Verdict.ACCEPTED and decision.best is not None:
            return Resolution(
                entry,
                Status.MATCHED,
                decision.best.candidate,
                decision.best.score,
                decision.margin,
                decision.best.evidence,
                compare(reference, decision.best.candidate),
                tuple(asked),
                tuple(problems),
            )
        if decision.verdict is Verdict.UNCERTAIN and (
            closest is None or _score(decision) > _score(closest)
        ):
            closest = decision
    if closest is not None and closest.best is not None:
        best = closest.best
        return Resolution(
            entry,
            Status.UNCERTAIN,
            best.candidate,
            best.score,
            closest.margin,
            best.evidence,
            sources=tuple(asked),
            problems=tuple(problems),
            reason=closest.reason,
        )
    status = Status.COULD_NOT_CHECK if problems else Status.NOT_IN_CATALOG
    return Resolution(entry, status, sources=tuple(asked), problems=tuple(problems))


def resolve_entries(
    entries: Sequence[Entry],
    config: CatalogConfig,
    progress: Progress | None = None,
    *,
    clients: Mapping[str, JsonClient] | None = None,
) -> ResolveReport:
    """Look every entry up, a few at a time; the network opens and closes here.

    ``clients`` replaces the network (tests inject fakes); without it the catalogs
    that ``config`` enables are opened with their cache, limits and budget.
    """
    started = time.monotonic()
    notes: list[str] = []
    network = None
    if clients is None:
        from bib.resolve.network import open_network

        network = open_network(config, notes.append)
        clients = network.clients
    results: list[Resolution | None] = [None] * len(entries)
    try:
        with ThreadPoolExecutor(max_workers=max(1, config.workers)) as pool:
            futures = {pool.submit(resolve_entry, e, clients): i for i, e in enumerate(entries)}
            for done, future in enumerate(as_completed(futures), start=1):
                index = futures[future]
                results[index] = future.result()
                if progress is not None:
                    progress(done, len(entries), future.result())
    finally:
        if network is not None:
            network.close()
    resolutions = tuple(r for r in results if r is not None)
    notes.extend(_problem_notes(resolutions))
    return ResolveReport(
        resolutions,
        tuple(notes),
        sent=network.stats.sent if network else 0,
        cached=network.stats.cached if network else 0,
        seconds=round(time.monotonic() - started, 3),
    )


def _score(decision: Decision) -> float:
    return decision.best.score if decision.best else 0.0


def _problem_notes(resolutions: Sequence[Resolution]) -> list[str]:
    """One note per distinct problem, with how many lookups it spoiled."""
    counts = Counter(p for r in resolutions for p in r.problems)
    return [
        f"{problem} ({n} lookup{'s' if n > 1 else ''})" if n > 1 else problem
        for problem, n in counts.most_common()
    ]

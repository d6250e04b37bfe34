"""Checking many essays at once: files in parallel processes, the catalogs shared.

Reading, parsing and checking a file is pure CPU work, so files are spread over
a process pool (``--jobs``). Catalog look-ups happen afterwards in this process,
for all files in one run: one cache, one rate limiter, one time budget.
"""

import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from bib.model import Document, Finding
from checks.settings import Settings


class Checked(NamedTuple):
    path: Path
    document: Document
    findings: tuple[Finding, ...]
    bibliography: Path | None


def read_essay(
    path: Path,
    bibliography: Path | None,
    meanwhile: Callable[[Document], None] | None = None,
    ahead: bool = False,
) -> tuple[Document, Path | None]:
    """One essay read, with the .bib it cites by key (given, or named in the file).

    ``meanwhile`` is called with the essay's parts (no entries yet) before the list
    is read; for an essay read ``ahead``, while a second process parses the
    references of its list (``cli.ahead``).
    """
    from bib.document import complete, read_parts, unparsed
    from cli.ahead import parsing_ahead
    from cli.files import read_bytes
    from cli.parsecache import parse_cache, reference_parser
    from cli.sources import named_bibliography

    data = read_bytes(path)
    cache = parse_cache()
    parse = reference_parser() if cache is None else cache.parse
    bib_path = bibliography or named_bibliography(path, data)
    bib_data = None if bib_path is None else read_bytes(bib_path)
    parts = read_parts(data, str(path))
    if meanwhile is not None:
        with parsing_ahead(cache if ahead else None, unparsed(parts)):
            meanwhile(parts)
    return complete(parts, data, bib_data, str(bib_path or ""), parse), bib_path


def check_file(
    path: Path, settings: Settings, bibliography: Path | None, alone: bool = True
) -> Checked:
    """Read one essay (and the .bib it cites) and run the rules on it.

    ``alone``: no other file is checked at the same time, so a free CPU, if there is
    one, may parse the list while the rules load and read the body.
    """
    document, bib_path = read_essay(path, bibliography, _read_body, ahead=alone)
    from checks.rules import run_checks

    return Checked(path, document, run_checks(document, settings), bib_path)


def _read_body(parts: Document) -> None:
    """Have the reading of the body ready for the rules (``checks.reading``): an earlier
    run's, from the cache, or found now and stored for the next run. All of it, the
    cache's imports and fingerprint included, runs while a second process may parse the
    list."""
    from checks.reading import read_body, remember
    from cli.readingcache import reading_cache

    readings = reading_cache()

    known = None if readings is None else readings.load(parts)
    if known is not None:
        remember(parts, known)
    else:
        reading = read_body(parts)
        if readings is not None:
            readings.store(parts, reading)
    import checks.rules  # noqa: F401  (loaded here, while the list may be parsed beside)


def check_files(
    jobs: Sequence[tuple[Path, Settings]], bibliography: Path | None, workers: int
) -> Iterator[Checked]:
    """Each file checked, in the order given; in ``workers`` processes when it pays."""
    if workers <= 1 or len(jobs) < 4:
        for path, settings in jobs:
            yield check_file(path, settings, bibliography)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
        yield from pool.map(
            check_file,
            [path for path, _ in jobs],
            [settings for _, settings in jobs],
            [bibliography] * len(jobs),
            [False] * len(jobs),
            chunksize=max(1, len(jobs) // (workers * 8)),
        )


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1

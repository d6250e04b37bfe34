"""Time resolving the seed essay's 30 references against a local catalog, cold and warm.

    python scripts/bench_resolve.py

The catalog (``bib.catalogs.fakeserver``) answers with 50 ms latency and announces
10 requests per second, 3 at a time, as Crossref does for a client with a contact
address. The cold run must take at most 1.5 times the least those limits allow for
the requests it sent; the warm run, answered from the cache, under 0.5 s.
Exits 1 when either bound is missed.
"""

from __future__ import annotations

import json
import math
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bib.catalogs.config import catalog_config_from  # noqa: E402
from bib.catalogs.fakeserver import FakeCatalog, Limits  # noqa: E402
from bib.document import read_document  # noqa: E402
from bib.resolve import resolve_entries  # noqa: E402

SEED = ROOT.parent / "shared" / "seed" / "great-terror-essay.txt"
RECORDS = ROOT / "tests" / "data" / "catalogs" / "seed_records.json"
LATENCY = 0.05
LIMITS = Limits(requests=10, interval=1.0, concurrency=3)
WARM_BOUND = 0.5


def least_time(requests: int, limits: Limits, latency: float) -> float:
    """The shortest a run of this many requests can take within the announced limits."""
    by_rate = ((requests - 1) // limits.requests) * limits.interval
    by_concurrency = math.ceil(requests / limits.concurrency) * latency
    return max(by_rate + latency, by_concurrency)


def main() -> int:
    if not SEED.exists():
        print(f"bench_resolve: the seed essay is not at {SEED}; nothing to time")
        return 0
    entries = read_document(SEED.read_bytes(), str(SEED)).entries
    # Imports are paid once per process, whatever the network: timed apart.
    started = time.perf_counter()
    import requests_cache.backends.sqlite  # noqa: F401

    import bib.resolve.network  # noqa: F401

    imports = time.perf_counter() - started
    records = json.loads(RECORDS.read_text(encoding="utf-8"))
    with (
        tempfile.TemporaryDirectory() as cache,
        FakeCatalog(records["crossref"], records["openlibrary"], LATENCY, LIMITS) as server,
    ):
        env = {
            "BIB_CROSSREF_URL": server.url,
            "BIB_OPENLIBRARY_URL": server.url,
            "BIB_MAILTO": "bench@example.org",
            "BIB_CACHE_DIR": cache,
        }
        config = catalog_config_from({}, env)
        started = time.perf_counter()
        cold = resolve_entries(entries, config)
        cold_seconds = time.perf_counter() - started
        sent = len(server.arrivals)
        started = time.perf_counter()
        warm = resolve_entries(entries, config)
        warm_seconds = time.perf_counter() - started
        bound = least_time(sent, LIMITS, LATENCY)
        print(
            f"resolve {len(entries)} seed entries against 127.0.0.1 ({LATENCY * 1000:.0f} ms, "
            f"{LIMITS.requests}/{LIMITS.interval:g}s, {LIMITS.concurrency} at a time)"
        )
        print(
            f"  cold: {cold_seconds:.2f} s for {sent} requests; least possible {bound:.2f} s, "
            f"bound {1.5 * bound:.2f} s; busiest second {server.max_in_window()} requests"
        )
        print(
            f"  warm: {warm_seconds:.3f} s, {warm.sent} requests ({warm.cached} from the cache); "
            f"bound {WARM_BOUND} s"
        )
        print(f"  (imports: {imports:.2f} s, once per process, not counted)")
        print(f"  {cold.summary()}")
    ok = cold_seconds <= 1.5 * bound and warm_seconds < WARM_BOUND and warm.sent == 0
    print("  ok" if ok else "  OVER BOUND")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

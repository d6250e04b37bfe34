"""Opening the catalogs for one run: cache, sessions, host limiters, budget.

The only module of ``bib.resolve`` that reaches ``requests`` (through
``bib.catalogs.http``); ``resolve_entries`` imports it only when it needs it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from bib.catalogs.cache import open_cache, open_session
from bib.catalogs.config import CatalogConfig
from bib.catalogs.http import Budget, Fetcher, HostLimiter, Stats, user_agent
from bib.catalogs.sources import SOURCES, RateLimit


@dataclass(slots=True)
class Network:
    clients: dict[str, Fetcher]
    stats: Stats

    def close(self) -> None:
        for client in self.clients.values():
            client.session.close()


def open_network(
    config: CatalogConfig, warn: Callable[[str], None], *, backoff: float = 0.5
) -> Network:
    cache = open_cache(config, warn)
    budget = Budget(config.budget)
    stats = Stats()
    identified = bool(config.mailto)
    if not identified:
        warn(
            "no contact address for the catalogs (set BIB_MAILTO or mailto in "
            "[tool.bib.catalogs]): anonymous clients get lower limits"
        )
    headers = {"User-Agent": user_agent(config.mailto), "Accept": "application/json"}
    # Catalogs that share a host (a local mirror) share one limiter, starting from the
    # strictest documented limit until the server announces its own.
    limits: dict[str, RateLimit] = {}
    for name in config.sources:
        host = _host(config.base_url(name))
        limit = SOURCES[name].limit(identified)
        limits[host] = limits[host].tighter(limit) if host in limits else limit
    limiters = {host: HostLimiter(limit) for host, limit in limits.items()}
    clients = {
        name: Fetcher(
            name=name,
            base_url=config.base_url(name),
            session=open_session(config, cache, headers),
            limiter=limiters[_host(config.base_url(name))],
            budget=budget,
            stats=stats,
            params=_params(name, config),
            timeout=config.timeout,
            max_bytes=config.max_response_bytes,
            offline=config.offline,
            refresh=config.refresh,
            backoff=backoff,
        )
        for name in config.sources
    }
    return Network(clients, stats)


def _host(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


def _params(name: str, config: CatalogConfig) -> dict[str, str]:
    params: dict[str, str] = {}
    if config.mailto and name in ("crossref", "openalex"):
        params["mailto"] = config.mailto
    if name == "openalex" and config.openalex_key:
        params["api_key"] = config.openalex_key
    if name == "googlebooks" and config.googlebooks_key:
        params["key"] = config.googlebooks_key
    return params

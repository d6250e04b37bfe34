"""How to reach the catalogs: ``[tool.bib.catalogs]`` and ``BIB_*`` environment variables.

    [tool.bib.catalogs]
    mailto = "you@example.org"        # or BIB_MAILTO; sent in the User-Agent (and to Crossref)
    crossref-url = "https://api.crossref.org"              # or BIB_CROSSREF_URL
    openlibrary-url = "https://openlibrary.org"            # or BIB_OPENLIBRARY_URL
    openalex-url = "https://api.openalex.org"              # or BIB_OPENALEX_URL
    googlebooks-url = "https://www.googleapis.com/books/v1" # or BIB_GOOGLEBOOKS_URL
    openalex-key = "..."              # or BIB_OPENALEX_KEY: enables OpenAlex
    googlebooks-key = "..."           # or BIB_GOOGLEBOOKS_KEY: enables Google Books
    cache-backend = "sqlite"          # sqlite (default), redis (set cache-url), memory, none
    cache-dir = "~/.cache/bibwarden"  # or BIB_CACHE_DIR; default: the user's cache directory
    cache-url = "redis://cache.example.org:6379/0"        # or BIB_CACHE_URL
    cache-days = 30                   # how long an answer stays fresh
    timeout = 20                      # seconds for one request
    budget = 300                      # seconds for a whole run
    workers = 8                       # entries looked up at once

The environment overrides the file. Base URLs must be HTTPS, except on the
loopback interface (127.0.0.1, localhost, ::1), for tests and local mirrors.
"""

import ipaddress
from collections.abc import Mapping
from typing import NamedTuple
from urllib.parse import urlsplit

from bib.catalogs.errors import CatalogConfigError

CACHE_BACKENDS = ("sqlite", "redis", "memory", "none")


class CatalogConfig(NamedTuple):
    """How to reach the catalogs and cache their answers (the settings above)."""

    mailto: str = ""
    crossref_url: str = "https://api.crossref.org"
    openlibrary_url: str = "https://openlibrary.org"
    openalex_url: str = "https://api.openalex.org"
    googlebooks_url: str = "https://www.googleapis.com/books/v1"
    openalex_key: str = ""
    googlebooks_key: str = ""
    cache_backend: str = "sqlite"
    cache_dir: str = ""  # "" = the user's cache directory (platformdirs)
    cache_url: str = ""
    cache_days: float = 30.0
    timeout: float = 20.0
    budget: float = 300.0
    workers: int = 8
    offline: bool = False  # answer from the cache only
    refresh: bool = False  # ignore the cache (and store the fresh answers)
    max_response_bytes: int = 5_000_000

    def base_url(self, source: str) -> str:
        return str(getattr(self, f"{source}_url"))

    @property
    def sources(self) -> tuple[str, ...]:
        """The catalogs this configuration enables: the keyless ones always."""
        optional = (("openalex", self.openalex_key), ("googlebooks", self.googlebooks_key))
        return ("crossref", "openlibrary", *(name for name, key in optional if key))


# setting name -> (field, environment variable, kind)
_SETTINGS: dict[str, tuple[str, str, type]] = {
    "mailto": ("mailto", "BIB_MAILTO", str),
    "crossref-url": ("crossref_url", "BIB_CROSSREF_URL", str),
    "openlibrary-url": ("openlibrary_url", "BIB_OPENLIBRARY_URL", str),
    "openalex-url": ("openalex_url", "BIB_OPENALEX_URL", str),
    "googlebooks-url": ("googlebooks_url", "BIB_GOOGLEBOOKS_URL", str),
    "openalex-key": ("openalex_key", "BIB_OPENALEX_KEY", str),
    "googlebooks-key": ("googlebooks_key", "BIB_GOOGLEBOOKS_KEY", str),
    "cache-backend": ("cache_backend", "BIB_CACHE_BACKEND", str),
    "cache-dir": ("cache_dir", "BIB_CACHE_DIR", str),
    "cache-url": ("cache_url", "BIB_CACHE_URL", str),
    "cache-days": ("cache_days", "", float),
    "timeout": ("timeout", "", float),
    "budget": ("budget", "", float),
    "workers": ("workers", "", int),
}


def catalog_config_from(
    table: Mapping[str, object], environ: Mapping[str, str], source: str = "[tool.bib.catalogs]"
) -> CatalogConfig:
    """The catalog settings of a TOML table, overridden by the environment."""
    unknown = sorted(set(table) - set(_SETTINGS))
    if unknown:
        raise CatalogConfigError(f"{source}: unknown catalog setting {unknown[0]!r}")
    values: dict[str, object] = {}
    for key, (field, variable, kind) in _SETTINGS.items():
        if variable and environ.get(variable, "").strip():
            values[field] = environ[variable].strip()
        elif key in table:
            values[field] = _typed(table[key], kind, f"{source}: {key}")
    config = CatalogConfig(**values)  # type: ignore[arg-type]
    if config.cache_backend not in CACHE_BACKENDS:
        raise CatalogConfigError(
            f"{source}: cache-backend must be one of {', '.join(CACHE_BACKENDS)}"
        )
    if config.cache_backend == "redis" and not config.cache_url:
        raise CatalogConfigError(f"{source}: cache-backend redis needs cache-url (BIB_CACHE_URL)")
    for name in ("crossref", "openlibrary", "openalex", "googlebooks"):
        check_base_url(config.base_url(name), f"{source}: {name}-url")
    if config.timeout <= 0 or config.budget <= 0 or config.workers < 1 or config.cache_days < 0:
        raise CatalogConfigError(f"{source}: timeout, budget and workers must be positive")
    return config


def _typed(value: object, kind: type, where: str) -> object:
    if kind is str and isinstance(value, str):
        return value.strip()
    if kind in (int, float) and isinstance(value, int | float) and not isinstance(value, bool):
        return kind(value)
    raise CatalogConfigError(f"{where} must be a {'string' if kind is str else 'number'}")


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_base_url(url: str, where: str) -> str:
    """The URL, when it is HTTPS or on the loopback interface; otherwise a config error."""
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise CatalogConfigError(f"{where}: {url!r} is not an http(s) URL")
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise CatalogConfigError(
            f"{where}: {url!r} must use https (plain http only on 127.0.0.1 or localhost)"
        )
    return url

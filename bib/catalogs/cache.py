"""The persistent HTTP cache: one answer is fetched once, for every later run.

SQLite in the user's cache directory (``BIB_CACHE_DIR`` overrides it), Redis for a
team that shares one, memory for a run that should leave nothing behind, or none.
A corrupt SQLite file is moved aside with a warning, never a crash.
"""

from __future__ import annotations

import importlib
import sqlite3
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from bib.catalogs.config import CatalogConfig
from bib.catalogs.errors import CatalogConfigError

if TYPE_CHECKING:
    import requests
    from requests_cache.backends.base import BaseCache

CACHE_FILE = "catalog-cache.sqlite"
# Parameters and headers that identify the user (contact, API keys): never part of a key,
# never stored, so that a shared cache neither splits by user nor leaks a key.
PRIVATE_PARAMETERS = ("mailto", "key", "api_key", "apikey", "User-Agent")

Warn = Callable[[str], None]


def cache_directory(config: CatalogConfig) -> Path:
    if config.cache_dir:
        return Path(config.cache_dir).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("bibwarden", appauthor=False))


def open_cache(config: CatalogConfig, warn: Warn) -> BaseCache | None:
    """The cache backend the configuration names (None for ``cache-backend = "none"``)."""
    backend = config.cache_backend
    if backend == "none":
        return None
    if backend == "memory":
        from requests_cache.backends.base import BaseCache

        return BaseCache()
    if backend == "redis":
        return _redis(config.cache_url)
    path = cache_directory(config) / CACHE_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CatalogConfigError(
            f"cannot create the cache directory {path.parent}: {exc}"
        ) from None
    set_aside_if_corrupt(path, warn)
    from requests_cache.backends.sqlite import SQLiteCache

    return SQLiteCache(path, wal=True, busy_timeout=30_000)


def _redis(url: str) -> BaseCache:
    try:
        redis = importlib.import_module("redis")
        from requests_cache.backends.redis import RedisCache
    except ImportError:
        raise CatalogConfigError(
            "cache-backend redis needs the redis package: pip install redis"
        ) from None
    return RedisCache(namespace="bibwarden", connection=redis.Redis.from_url(url))


def set_aside_if_corrupt(path: Path, warn: Warn) -> None:
    """Move a cache file that SQLite cannot read out of the way, and say so."""
    if not path.exists():
        return
    try:
        with sqlite3.connect(path) as connection:
            verdict = connection.execute("PRAGMA quick_check").fetchone()
        connection.close()
        if verdict and verdict[0] == "ok":
            return
    except sqlite3.DatabaseError:
        pass
    aside = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
    for suffix in ("", "-wal", "-shm"):
        part = path.with_name(path.name + suffix)
        if part.exists():
            part.replace(aside.with_name(aside.name + suffix))
    warn(f"the catalog cache {path} was corrupt; moved it aside to {aside.name} and started anew")


def open_session(
    config: CatalogConfig, cache: BaseCache | None, headers: dict[str, str]
) -> requests.Session:
    """One catalog's session: the shared cache when there is one, our headers always."""
    session: requests.Session
    if cache is None:
        import requests

        session = requests.Session()
    else:
        from requests_cache import CachedSession

        session = CachedSession(
            backend=cache,
            expire_after=timedelta(days=config.cache_days),
            allowable_codes=(200, 404),
            ignored_parameters=PRIVATE_PARAMETERS,
            cache_control=False,
        )
    session.headers.update(headers)
    return session

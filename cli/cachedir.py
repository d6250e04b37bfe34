"""Where bibwarden keeps what it can compute again: parses and compiled patterns.

Kept apart from the caches themselves so that the start of a run can find the
folder without importing the data model.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path


def cache_root(environ: Mapping[str, str]) -> Path | None:
    """Where bibwarden keeps its caches; None when there is nowhere sensible."""
    if environ.get("BIB_CACHE_DIR", "").strip():
        return Path(environ["BIB_CACHE_DIR"].strip()).expanduser()
    if sys.platform.startswith("linux") or "XDG_CACHE_HOME" in environ:
        # What platformdirs answers here, without its imports (~15 ms at every start).
        base = environ.get("XDG_CACHE_HOME", "").strip() or os.path.expanduser("~/.cache")
        return None if base.startswith("~") else Path(base) / "bibwarden"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("bibwarden", appauthor=False))


def parse_cache_on(environ: Mapping[str, str]) -> bool:
    """``BIB_PARSE_CACHE=0`` (or off, no, false) turns off the caches of parsing work."""
    return environ.get("BIB_PARSE_CACHE", "").strip().lower() not in ("0", "off", "no", "false")

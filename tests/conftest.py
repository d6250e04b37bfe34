from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest

from cli.main import main

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED_ESSAY = SHARED / "seed" / "great-terror-essay.txt"


class Result(NamedTuple):
    code: int
    stdout: str
    stderr: str


RunBib = Callable[..., Result]


@pytest.fixture(autouse=True)
def no_parse_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests parse every reference afresh and write nothing to the user's cache directory."""
    monkeypatch.setenv("BIB_PARSE_CACHE", "0")


@pytest.fixture
def run_bib(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> RunBib:
    """Run `bib ARGS...` in this process; returns the exit code and both streams."""

    def run(*args: str) -> Result:
        monkeypatch.setattr(sys, "argv", ["bib", *args])
        with pytest.raises(SystemExit) as exit_info:
            main()
        captured = capsys.readouterr()
        code = exit_info.value.code
        return Result(code if isinstance(code, int) else 0, captured.out, captured.err)

    return run


@pytest.fixture(scope="session")
def seed_essay() -> Path:
    if not SEED_ESSAY.exists():
        pytest.skip(f"the seed essay is not at {SEED_ESSAY} (it lives in ../shared)")
    return SEED_ESSAY


def runs_with_caches(
    probe: str, cache: Path, times: int = 2
) -> list[subprocess.CompletedProcess[str]]:
    """Python code run ``times`` in a row in fresh processes, with the caches of parsing
    work on and kept in ``cache``: what a user's re-runs see."""
    environ = {**os.environ, "BIB_CACHE_DIR": str(cache)}
    environ.pop("BIB_PARSE_CACHE", None)
    return [
        subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, env=environ, check=False
        )
        for _ in range(times)
    ]

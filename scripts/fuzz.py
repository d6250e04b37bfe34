"""Coverage-guided fuzzing of the document reader and the reference parser (atheris).

    python scripts/fuzz.py                      # both targets, 120 s each
    python scripts/fuzz.py reader --seconds 600
    python scripts/fuzz.py parser -- -max_len=4096   # after --: options for libFuzzer

Each target starts from the essays in the repository (examples/, tests/corpus/, the
replayed regressions in tests/fuzz/corpus/) and keeps what it learns in
.fuzz/<target>/ (not committed). An input that raises anything but ``BibError`` from
reading, or that takes longer than ``--slow`` seconds, is written to .fuzz/found/ and
the run stops; minimise it, then add it to tests/fuzz/corpus/, where
tests/test_hardening_fuzz_corpus.py replays every file through both targets.

Not part of `make test`: a fuzzer runs until it is told to stop.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / ".fuzz"
REGRESSIONS = ROOT / "tests" / "fuzz" / "corpus"
SEEDS = (ROOT / "examples", ROOT / "tests" / "corpus", REGRESSIONS)
SEED_SUFFIXES = (".md", ".txt", ".tex", ".bib", ".docx", "")
INSTALL = "atheris is not installed: `.venv/bin/pip install atheris` (or `make fuzz`)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", nargs="?", choices=("reader", "parser", "all"), default="all")
    parser.add_argument("--seconds", type=int, default=120, help="per target (default 120)")
    parser.add_argument(
        "--slow", type=float, default=2.0, help="an input slower than this is a finding"
    )
    parser.add_argument("--max-len", type=int, default=4096, help="largest input, in bytes")
    parser.add_argument("libfuzzer", nargs="*", help="after --: options passed to libFuzzer")
    args = parser.parse_args()
    try:
        import atheris  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError:
        print(INSTALL, file=sys.stderr)
        return 2
    if args.target == "all":
        # libFuzzer ends the process when its time is up: one child process per target.
        import subprocess

        for target in ("reader", "parser"):
            command = [sys.executable, __file__, target, f"--seconds={args.seconds}"]
            command += [f"--slow={args.slow}", f"--max-len={args.max_len}"]
            if args.libfuzzer:
                command += ["--", *args.libfuzzer]
            code = subprocess.call(command)
            if code != 0:
                return code
        return 0
    return run(atheris, args.target, args.seconds, args.slow, args.max_len, args.libfuzzer)


def run(
    atheris: ModuleType, target: str, seconds: int, slow: float, max_len: int, extra: list[str]
) -> int:
    sys.path.insert(0, str(ROOT))
    with atheris.instrument_imports(include=["bib", "checks", "tests.fuzz"]):
        # Only what is imported inside this block is instrumented, and the readers and the
        # parser import most of their modules lazily, at their first call: import every
        # module of the packages here, or the fuzzer runs blind (5 edges instead of 1,000).
        _import_all("bib", "checks")
        from tests.fuzz.targets import parse_any, read_any
    check: Callable[[bytes], object] = read_any if target == "reader" else parse_any
    corpus = WORK / target
    found = WORK / "found"
    corpus.mkdir(parents=True, exist_ok=True)
    found.mkdir(parents=True, exist_ok=True)
    _seed(corpus, max_len)
    for path in sorted(corpus.iterdir())[:5]:  # the first run loads the model: not timed
        check(path.read_bytes())
    stats = Slowest(WORK / f"{target}-stats.json", found, slow)

    def one_input(data: bytes) -> None:
        started = time.perf_counter()
        check(data)
        stats.record(data, time.perf_counter() - started)

    options = [
        sys.argv[0],
        str(corpus),
        f"-max_total_time={seconds}",
        f"-max_len={max_len}",
        f"-timeout={max(1, int(slow * 5))}",  # libFuzzer's own watchdog, for a real hang
        "-rss_limit_mb=4096",
        f"-artifact_prefix={found}{os.sep}{target}-",
        "-print_final_stats=1",
        *extra,
    ]
    atheris.Setup(options, one_input)
    atheris.Fuzz()
    return 0


class Slowest:
    """Keeps the slowest and the largest input seen; saves an input past the limit."""

    def __init__(self, path: Path, found: Path, limit: float) -> None:
        self.path, self.found, self.limit = path, found, limit
        self.runs, self.seconds, self.largest = 0, 0.0, 0
        self.started = time.monotonic()

    def record(self, data: bytes, seconds: float) -> None:
        self.runs += 1
        grew = len(data) > self.largest
        self.largest = max(self.largest, len(data))
        if seconds > self.seconds or grew or self.runs % 500 == 0:
            if seconds > self.seconds:
                self.seconds = seconds
                (self.found / f"{self.path.stem}-slowest").write_bytes(data)
            self.path.write_text(
                json.dumps(
                    {
                        "runs": self.runs,
                        "elapsed": round(time.monotonic() - self.started, 1),
                        "slowest_seconds": round(self.seconds, 4),
                        "largest_bytes": self.largest,
                    }
                )
            )
        if seconds > self.limit:
            name = f"slow-{hashlib.sha1(data).hexdigest()[:12]}"
            (self.found / name).write_bytes(data)
            raise RuntimeError(f"one input took {seconds:.2f} s (limit {self.limit} s): {name}")


def _import_all(*packages: str) -> None:
    import importlib
    import pkgutil

    for package in packages:
        root = importlib.import_module(package)
        for info in pkgutil.walk_packages(root.__path__, f"{package}."):
            if not info.name.endswith("__main__"):
                importlib.import_module(info.name)


def _seed(corpus: Path, max_len: int) -> None:
    """Start from real essays: the fuzzer mutates what already reaches deep."""
    for directory in SEEDS:
        for path in sorted(directory.glob("*")) if directory.is_dir() else ():
            if path.is_file() and path.suffix in SEED_SUFFIXES:
                data = path.read_bytes()[:max_len]
                (corpus / f"seed-{path.parent.name}-{path.name}").write_bytes(data)


if __name__ == "__main__":
    sys.exit(main())

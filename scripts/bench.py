"""Benchmarks (a script, not a test): parsing speed and the CLI's wall time.

    make bench            # or: .venv/bin/python scripts/bench.py

Reports references parsed per second on one core, and the wall time of
`bib export` and `bib lint` on the seed essay (interpreter start-up included),
as the median of several runs, beside `python -c pass` for scale.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "great-terror-essay.txt"
TRAIN = SHARED / "data" / "references" / "train.jsonl"
EXAMPLE = ROOT / "examples" / "essay.md"
BIB = Path(sys.executable).parent / "bib"
RUNS = 9


def sample_references(limit: int = 3000) -> list[str]:
    if TRAIN.exists():
        with TRAIN.open(encoding="utf-8") as lines:
            return [json.loads(line)["text"] for _, line in zip(range(limit), lines, strict=False)]
    return [line for line in EXAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]


def parse_rate() -> tuple[int, float]:
    from bib.parser import parse_reference

    references = sample_references()
    parse_reference(references[0])  # load the model outside the timing
    started = time.perf_counter()
    for text in references:
        parse_reference(text)
    return len(references), len(references) / (time.perf_counter() - started)


def wall(args: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(args, capture_output=True, check=False)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as promised
    count, rate = parse_rate()
    print(f"parser: {rate:,.0f} references/s on one core ({count} references)")
    essay = SEED if SEED.exists() else EXAMPLE
    baseline = wall([sys.executable, "-c", "pass"])
    print(f"python -c pass: {baseline:.3f} s (median of {RUNS})")
    for command in ("export", "lint"):
        seconds = wall([str(BIB), command, str(essay)])
        print(
            f"bib {command} {essay.name}: {seconds:.3f} s wall (median of {RUNS}), "
            f"{seconds / baseline:.1f}x python start-up"
        )


if __name__ == "__main__":
    main()

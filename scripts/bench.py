"""Benchmarks (a script, not a test): parsing speed and the CLI's wall time.

    make bench            # or: .venv/bin/python scripts/bench.py

Reports references parsed per second on one core; the wall time of
`bib export` and `bib lint` on the seed essay (interpreter start-up included),
as the median of several runs, and its ratio to `python -c pass` (a pre-commit
hook pays it on every commit: the target is 4 or less); and essays checked per
second by `bib lint` over 500 generated essays, on every CPU.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
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


def wall(args: list[str], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(args, capture_output=True, check=False)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def generated_essays(folder: Path, count: int) -> None:
    """Essays of a few paragraphs and a dozen references each, all different."""
    names = ["Harris", "Getty", "Conquest", "Haslam", "Carley", "Pons", "Tucker", "Medvedev"]
    for i in range(count):
        cited = [names[(i + k) % len(names)] for k in range(5)]
        body = "\n\n".join(
            f"As {name} argues, the purges of {1930 + k} were shaped by fear ({name} {1990 + k}, "
            f"{10 + i % 90}). Essay {i} paragraph {k} goes on to weigh the evidence."
            for k, name in enumerate(cited)
        )
        references = "\n".join(
            f"{name}, A. Study number {k} of the Soviet {1930 + k}s (London: Press {k}, {1990 + k})"
            for k, name in sorted(enumerate(cited), key=lambda pair: pair[1])
        )
        (folder / f"essay{i:03}.md").write_text(
            f"# Essay {i}\n\n{body}\n\n## References\n\n{references}\n", encoding="utf-8"
        )


def essays_per_second(count: int = 500) -> float:
    with tempfile.TemporaryDirectory() as folder:
        generated_essays(Path(folder), count)
        seconds = wall([str(BIB), "lint", "--format", "json", folder], runs=3)
    return count / seconds


def main() -> None:
    cpus = os.sched_getaffinity(0)
    print(
        f"essays: {essays_per_second():,.1f} per second for 500 generated essays ({len(cpus)} CPUs)"
    )
    os.sched_setaffinity(0, {min(cpus)})  # one core from here on, as promised
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

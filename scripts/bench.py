"""Benchmarks (a script, not a test): parsing speed and the CLI's start-up.

    make bench            # or: .venv/bin/python scripts/bench.py [--runs N] [--quick]

Reports references parsed per second on one core; the time of `bib export` and
`bib lint` on the seed essay (interpreter start-up included) next to `python -c
pass` (a pre-commit hook pays it on every commit: the target is 4 times or less);
and essays checked per second by `bib lint` over 500 generated essays, on every CPU.

The machine may be busy, so the start-up figures are taken robustly: the
baseline and each command run in turn (interleaved, so a burst of load hits them
alike), many times, and the median is reported both for the wall time and for
the CPU time (user + system) of the child, which a busy neighbour disturbs far
less. The ratio is the median of the per-round ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# This tree's code, also from a git worktree: here, and in every `bib` run below.
sys.path.insert(0, str(ROOT))
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "great-terror-essay.txt"
TRAIN = SHARED / "data" / "references" / "train.jsonl"
EXAMPLE = ROOT / "examples" / "essay.md"
BIB = Path(sys.executable).parent / "bib"
RUNS = 21


def sample_references(limit: int = 3000) -> list[str]:
    if TRAIN.exists():
        with TRAIN.open(encoding="utf-8") as lines:
            return [json.loads(line)["text"] for _, line in zip(range(limit), lines, strict=False)]
    return [line for line in EXAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]


def parse_rate(passes: int = 3) -> tuple[int, float, float]:
    """References parsed per second: the median pass, by CPU time and by wall time.

    CPU time is the process's own (one core), which a busy neighbour disturbs far
    less than the wall clock.
    """
    from bib.parser import parse_reference

    references = sample_references()
    parse_reference(references[0])  # load the model outside the timing
    cpu: list[float] = []
    wall: list[float] = []
    for _ in range(passes):
        started, started_cpu = time.perf_counter(), time.process_time()
        for text in references:
            parse_reference(text)
        wall.append(len(references) / (time.perf_counter() - started))
        cpu.append(len(references) / (time.process_time() - started_cpu))
    return len(references), statistics.median(cpu), statistics.median(wall)


def timed(
    args: list[str], env: dict[str, str] | None = None, cpus: set[int] | None = None
) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one run of ``args`` (on ``cpus``, if given)."""
    pin = None if cpus is None else lambda: os.sched_setaffinity(0, cpus)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(args, capture_output=True, check=False, env=env, preexec_fn=pin)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu


class Figures:
    """Wall and CPU times of many runs, and their ratios to the baseline's runs."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def add(self, sample: tuple[float, float]) -> None:
        self.wall.append(sample[0])
        self.cpu.append(sample[1])

    def ratio(self, baseline: Figures, kind: str) -> float:
        mine, theirs = getattr(self, kind), getattr(baseline, kind)
        return statistics.median(a / b for a, b in zip(mine, theirs, strict=True) if b > 0)

    def line(self, label: str, baseline: Figures | None = None) -> str:
        text = (
            f"{label}: wall {statistics.median(self.wall):.3f} s "
            f"(slowest tenth from {_tenth(self.wall):.3f} s), "
            f"CPU {statistics.median(self.cpu):.3f} s"
        )
        if baseline is not None:
            text += (
                f"  ->  {self.ratio(baseline, 'wall'):.1f}x python start-up (wall), "
                f"{self.ratio(baseline, 'cpu'):.1f}x (CPU)"
            )
        return text


def _tenth(values: list[float]) -> float:
    """Where the slowest tenth of the runs starts (the 90th percentile)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, (9 * len(ordered)) // 10)]


def startup(essay: Path, runs: int, one_cpu: int) -> None:
    """`python -c pass`, then export and lint with cold and warm caches, in turn.

    "cold cache": an essay not seen before, so every reference is parsed and its body
    read; the compiled patterns are kept, as they are after any first run
    (``cli.patterncache``). Lint parses such an essay's references in a second process
    while it reads the body (``cli/ahead.py``), so it is also timed on a single CPU
    ("one CPU"). "after export": the references parsed (by an export), the body not
    yet read (``cli.readingcache``). "warm cache": the same essay again. "nothing
    cached": the very first run after an install or upgrade.
    """
    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as empty:
        kept_env = {**os.environ, "BIB_CACHE_DIR": cache}
        first_env = {**os.environ, "BIB_CACHE_DIR": empty}
        commands: dict[str, tuple[list[str], dict[str, str] | None]] = {
            "python -c pass": ([sys.executable, "-c", "pass"], None),
            f"bib export {essay.name} (cold cache)": ([str(BIB), "export", str(essay)], kept_env),
            f"bib lint {essay.name} (cold cache)": ([str(BIB), "lint", str(essay)], kept_env),
            f"bib lint {essay.name} (cold cache, one CPU)": (
                [str(BIB), "lint", str(essay)],
                kept_env,
            ),
            f"bib export {essay.name} (warm cache)": ([str(BIB), "export", str(essay)], kept_env),
            f"bib lint {essay.name} (after export)": ([str(BIB), "lint", str(essay)], kept_env),
            f"bib lint {essay.name} (warm cache)": ([str(BIB), "lint", str(essay)], kept_env),
            f"bib lint {essay.name} (nothing cached)": ([str(BIB), "lint", str(essay)], first_env),
        }
        figures = {label: Figures() for label in commands}
        for args, env in commands.values():  # a first run of each, not counted
            subprocess.run(args, capture_output=True, check=False, env=env)
        for _ in range(runs):
            for label, (args, env) in commands.items():
                if "cold" in label:
                    _empty(Path(cache) / "parsed")
                    _empty(Path(cache) / "read")
                elif "after export" in label:
                    _empty(Path(cache) / "read")
                elif "nothing" in label:
                    _empty(Path(empty))
                pinned = {one_cpu} if "one CPU" in label else None
                figures[label].add(timed(args, env, pinned))
    baseline = figures.pop("python -c pass")
    print(f"median of {runs} interleaved runs")
    print(baseline.line("python -c pass"))
    for label, figure in figures.items():
        print(figure.line(label, baseline))


def _empty(folder: Path) -> None:
    """Remove what is inside ``folder`` (which may not exist)."""
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_dir():
            path.rmdir()
        else:
            path.unlink()


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
        env = {**os.environ, "BIB_PARSE_CACHE": "0"}  # every essay parsed afresh
        seconds = statistics.median(
            timed([str(BIB), "lint", "--format", "json", folder], env)[0] for _ in range(3)
        )
    return count / seconds


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--runs", type=int, default=RUNS, help="rounds of start-up timings")
    options.add_argument("--quick", action="store_true", help="start-up figures only")
    args = options.parse_args()
    # Where PYTHONDONTWRITEBYTECODE is set, a stale .pyc would be recompiled on every run.
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "bib", "cli", "checks"], cwd=ROOT, check=False
    )
    cpus = os.sched_getaffinity(0)
    if not args.quick:
        print(
            f"essays: {essays_per_second():,.1f} per second for 500 generated essays "
            f"({len(cpus)} CPUs)"
        )
    if not args.quick:
        os.sched_setaffinity(0, {min(cpus)})  # one core, as promised
        count, cpu, wall = parse_rate()
        os.sched_setaffinity(0, cpus)
        print(
            f"parser: {cpu:,.0f} references/s on one core by CPU time, {wall:,.0f} by wall "
            f"time ({count} references, median of 3 passes)"
        )
    # As a user runs bib: on every CPU (the lines that say "one CPU" excepted).
    startup(SEED if SEED.exists() else EXAMPLE, args.runs, min(cpus))


if __name__ == "__main__":
    main()

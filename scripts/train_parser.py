"""Train the reference tagger: `make train` (or `python scripts/train_parser.py`).

Reads the labelled corpus, keeps the fixed held-out 10% out of everything (see
``bib.parser.corpus.is_held_out``), adds the synthetic references of
``scripts/augment.py`` built from the training 90% only, and writes
``bib/parser/reference.crfsuite``. Deterministic: one seed drives all sampling.

For tuning, ``--without-dev --out /tmp/x.crfsuite`` also leaves out the dev split
(``corpus.is_dev``), and ``eval_parser.py --split dev --model /tmp/x.crfsuite`` scores it.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import pycrfsuite  # noqa: E402

from bib.parser.corpus import (  # noqa: E402
    LabelledReference,
    default_corpus_path,
    is_dev,
    is_held_out,
    read_corpus,
)
from bib.parser.features import token_features  # noqa: E402
from bib.parser.tagger import model_path  # noqa: E402
from bib.parser.tokens import Token  # noqa: E402

CORPUS = Path(default_corpus_path())


def training_split(path: Path, without_dev: bool = False) -> list[LabelledReference]:
    return [
        r for r in read_corpus(str(path))
        if not is_held_out(r.id) and not (without_dev and is_dev(r.id))
    ]  # fmt: skip


def with_fixed_hash_seed() -> None:
    """Re-run this script with PYTHONHASHSEED=0 unless it already has it.

    citeproc-py iterates over sets; a fixed hash seed makes the rendering, and so the
    model, the same on every run.
    """
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        os.execve(sys.executable, [sys.executable, *sys.argv], env)


def training_examples(
    references: list[LabelledReference], augment_kind: str, csl_records: int, seed: int
) -> list[tuple[str, list[Token], list[str]]]:
    """The corpus references, then the synthetic ones built from them."""
    examples = [(r.text, list(r.tokens), list(r.labels)) for r in references]
    if augment_kind != "none":
        import augment

        rng = random.Random(seed)
        examples += augment.synthesise(references, rng, augment_kind, csl_records)
    return examples


def loaded_trainer(examples: list[tuple[str, list[Token], list[str]]]) -> Any:
    """A crfsuite trainer holding the features of every example."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for text, tokens, labels in examples:
        trainer.append(token_features(tokens, text), labels)
    return trainer


def params(c1: float, c2: float, iterations: int, minfreq: float) -> dict[str, object]:
    return {
        "c1": c1,
        "c2": c2,
        "max_iterations": iterations,
        "feature.minfreq": minfreq,
        "feature.possible_transitions": True,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", default=model_path())
    parser.add_argument("--augment", choices=("none", "seed", "csl", "all"), default="all")
    parser.add_argument("--csl-records", type=int, default=4000)
    parser.add_argument("--c1", type=float, default=1.0)
    parser.add_argument("--c2", type=float, default=0.01)
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--minfreq", type=float, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--without-dev",
        action="store_true",
        help="leave the dev split out too (models for tuning; `eval_parser.py --split dev`)",
    )
    args = parser.parse_args(argv)
    with_fixed_hash_seed()

    started = time.time()
    references = training_split(args.corpus, args.without_dev)
    examples = training_examples(references, args.augment, args.csl_records, args.seed)
    print(f"{len(references)} corpus and {len(examples) - len(references)} synthetic "
          f"({args.augment}) training references", flush=True)  # fmt: skip
    trainer = loaded_trainer(examples)
    trainer.set_params(params(args.c1, args.c2, args.iterations, args.minfreq))
    print(f"features ready in {time.time() - started:.0f}s; training...", flush=True)
    trainer.train(args.out)
    size = Path(args.out).stat().st_size
    print(f"wrote {args.out} ({size / 1e6:.1f} MB) in {time.time() - started:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

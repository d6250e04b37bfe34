"""Regularisation sweep for the reference tagger (tuning only; not part of `make eval`).

    .venv/bin/python scripts/sweep_parser.py --grid 0.2:0.01 0.5:0.01 1.0:0.01

Builds the training features once (training 90% less the dev split, plus the same
augmentation as ``train_parser.py``), trains one model per ``c1:c2`` pair and scores
each on the dev split with ``eval_parser.evaluate``. The held-out split is never
touched: pick settings here, then report the shipped model on held-out.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


from bib.parser import tagger  # noqa: E402
from bib.parser.corpus import is_dev, read_corpus  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    import eval_parser
    import train_parser

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grid", nargs="+", default=["0.2:0.01"], help="c1:c2 pairs")
    parser.add_argument("--augment", default="all")
    parser.add_argument("--csl-records", type=int, default=4000)
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--minfreq", type=float, default=3)
    parser.add_argument("--out", type=Path, default=Path("/tmp/sweep"))
    args = parser.parse_args(argv)
    train_parser.with_fixed_hash_seed()
    args.out.mkdir(parents=True, exist_ok=True)
    references = train_parser.training_split(train_parser.CORPUS, without_dev=True)
    examples = train_parser.training_examples(references, args.augment, args.csl_records, 1)
    trainer = train_parser.loaded_trainer(examples)
    dev = [r for r in read_corpus(str(train_parser.CORPUS)) if is_dev(r.id)]
    for pair in args.grid:
        c1, c2 = (float(x) for x in pair.split(":"))
        path = args.out / f"c1={c1}_c2={c2}.crfsuite"
        started = time.time()
        trainer.set_params(train_parser.params(c1, c2, args.iterations, args.minfreq))
        trainer.train(str(path))
        tagger.model_path = lambda path=path: str(path)  # type: ignore[misc]
        tagger._tagger.cache_clear()
        summary, _ = eval_parser.evaluate(dev)
        tables = summary["tables"]
        assert isinstance(tables, dict)
        cells = {d: tables[d] for d in ("grobid", "present")}
        row = " ".join(
            f"{style.split(':')[-1][:8]}={cells['grobid'][f'{style}/all']['accuracy']:.3f}"
            for style in ("overall", *eval_parser.STYLES)
        )
        print(
            f"c1={c1} c2={c2}: {row} present={cells['present']['overall/all']['accuracy']:.3f} "
            f"size={path.stat().st_size / 1e6:.1f}MB {time.time() - started:.0f}s",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Precision and recall of each rule over annotated essays.

    make eval                 # runs this after the parser evaluation
    .venv/bin/python scripts/eval_checks.py [--verbose] [--json]

Two sets are scored apart: ``tests/corpus`` (the team's annotated essays, which
the rules were developed against) and ``eval/blind`` (essays written by someone
who had not seen the rules; never tune on it). Each ``NAME.expected.json``
lists the findings an editor expects (rule and line, and for name rules the
names). A finding of ``bib lint`` counts as right when an expected finding has
the same rule and the same line, or, for the rules about a person, the same
rule and the same family name. Rules no essay annotates are reported with
their counts only: no recall without labels.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this tree's code, also from a git worktree

from bib.document import read_document  # noqa: E402
from bib.model import Finding  # noqa: E402
from bib.namefold import fold_name  # noqa: E402
from checks.rules import Settings, run_checks  # noqa: E402

CORPORA = {
    "tuning (tests/corpus)": ROOT / "tests" / "corpus",
    "held out (eval/blind)": ROOT / "eval" / "blind",
}
PERSON_RULES = {"missing-reference", "unused-reference", "name-variant", "bibliography-order"}


@dataclass(frozen=True)
class Expected:
    rule: str
    line: int
    names: tuple[str, ...]


def expected_findings(annotation: dict[str, object]) -> list[Expected]:
    found = []
    for item in annotation["findings"]:  # type: ignore[attr-defined]
        names = tuple(item.get("names", ())) + ((item["name"],) if item.get("name") else ())
        found.append(Expected(item["rule"], int(item["line"]), names))
    return found


def family_keys(names: object) -> set[str]:
    values = names if isinstance(names, list) else [names]
    return {fold_name(str(n).split()[-1]) for n in values if str(n).split()}


def matches(finding: Finding, expected: Expected) -> bool:
    if finding.rule != expected.rule:
        return False
    if finding.span.line == expected.line:
        return True
    if expected.rule in PERSON_RULES and expected.names:
        data = dict(finding.data)
        seen = family_keys(data.get("names", data.get("name", "")))
        return bool(seen & family_keys(list(expected.names)))
    return False


def evaluate(corpus: Path, verbose: bool) -> dict[str, dict[str, float]]:
    true_positive: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    relevant: Counter[str] = Counter()
    for annotation_path in sorted(corpus.glob("*.expected.json")):
        annotation = json.loads(annotation_path.read_text(encoding="utf-8"))
        essay = corpus / annotation["essay"]
        document = read_document(essay.read_bytes(), str(essay))
        findings = list(run_checks(document, Settings()))
        expected = expected_findings(annotation)
        unmatched = list(expected)
        for finding in findings:
            predicted[finding.rule] += 1
            hit = next((e for e in unmatched if matches(finding, e)), None)
            if hit is not None:
                unmatched.remove(hit)
                true_positive[finding.rule] += 1
            elif verbose:
                print(f"  FP {essay.name}:{finding.span.line} {finding.rule}: {finding.message}")
        for item in expected:
            relevant[item.rule] += 1
        if verbose:
            for item in unmatched:
                print(f"  FN {essay.name}:{item.line} {item.rule} {', '.join(item.names)}")
    scores = {}
    for rule in sorted(set(predicted) | set(relevant)):
        p = true_positive[rule] / predicted[rule] if predicted[rule] else float("nan")
        r = true_positive[rule] / relevant[rule] if relevant[rule] else float("nan")
        scores[rule] = {
            "precision": p,
            "recall": r,
            "predicted": predicted[rule],
            "expected": relevant[rule],
            "correct": true_positive[rule],
        }
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list false positives and misses")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--tuning-only",
        action="store_true",
        help="score only tests/corpus (use this with --verbose while developing: the held-out "
        "set's mistakes are not to be looked at)",
    )
    args = parser.parse_args()
    results = {
        name: evaluate(corpus, args.verbose)
        for name, corpus in CORPORA.items()
        if any(corpus.glob("*.expected.json")) and not (args.tuning_only and "blind" in str(corpus))
    }
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for name, scores in results.items():
        essays = len(list(CORPORA[name].glob("*.expected.json")))
        print(f"checks on {essays} annotated essays, {name}")
        print(f"{'rule':<22}{'precision':>10}{'recall':>8}{'found':>7}{'expected':>9}{'right':>7}")
        for rule, s in scores.items():
            print(
                f"{rule:<22}{s['precision']:>10.2f}{s['recall']:>8.2f}"
                f"{s['predicted']:>7}{s['expected']:>9}{s['correct']:>7}"
            )
        print()


if __name__ == "__main__":
    main()
